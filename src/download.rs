//! Verified downloads of release assets (the KKP installer): streamed to a private file while
//! hashed, and accepted only when the SHA-256 matches a pin or the digest the releases API
//! publishes for the asset. No verification, no file.

use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use sha2::{Digest as _, Sha256};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// No byte for this long is a stalled download.
const READ_TIMEOUT: Duration = Duration::from_secs(60);
/// The whole download, however slow but alive.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// Larger than any KKP release tarball (about 100 MB with its charts).
const MAX_DOWNLOAD_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// The most a releases API answer may hold.
const MAX_RELEASE_ANSWER_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error("{what}: {reason}")]
    Failed { what: String, reason: String },
    #[error("{url}: the SHA-256 is {actual}, but {source_of_expected} says {expected}: the file was not used")]
    Mismatch {
        url: String,
        actual: String,
        expected: String,
        source_of_expected: String,
    },
}

fn failed(what: &str, reason: impl std::fmt::Display) -> DownloadError {
    DownloadError::Failed {
        what: what.to_owned(),
        reason: reason.to_string(),
    }
}

fn client(total: Duration) -> Result<reqwest::Client, DownloadError> {
    crate::tls::client_builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .read_timeout(READ_TIMEOUT)
        .timeout(total)
        .user_agent(concat!("kkp-delivery/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| failed("HTTP client", e))
}

/// A normalised SHA-256: 64 lowercase hex digits, from `abc…` or `sha256:abc…`.
pub fn normalise_sha256(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t.strip_prefix("sha256:").unwrap_or(t).to_ascii_lowercase();
    (t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit())).then_some(t)
}

/// The digest the GitHub releases API publishes for `asset` of release `tag` in `repo`
/// (`assets[].digest`, `sha256:…`); `None` when the release has the asset but no digest.
pub async fn release_asset_digest(
    api_base: &str,
    repo: &str,
    tag: &str,
    asset: &str,
) -> Result<Option<String>, DownloadError> {
    let url = format!(
        "{}/repos/{repo}/releases/tags/{}",
        api_base.trim_end_matches('/'),
        url::form_urlencoded::byte_serialize(tag.as_bytes()).collect::<String>()
    );
    let what = format!("release {tag} of {repo} ({url})");
    let resp = client(Duration::from_secs(30))?
        .get(&url)
        .header("Accept", "application/vnd.github+json")
        .send()
        .await
        .map_err(|e| failed(&what, crate::error::describe_http_error(&e)))?;
    let status = resp.status();
    if status.as_u16() == 404 {
        return Err(failed(&what, "no such release"));
    }
    if matches!(status.as_u16(), 403 | 429) {
        return Err(failed(
            &what,
            format!(
                "the API answered {status}: unauthenticated lookups are rate-limited per IP \
                 address (shared runners hit the limit); set KKP_INSTALLER_SHA256 to pin the \
                 asset's SHA-256 instead"
            ),
        ));
    }
    if !status.is_success() {
        return Err(failed(&what, format!("the API answered {status}")));
    }
    // A release's JSON is a few KiB per asset: the answer is read up to a bound, checked by
    // Content-Length first.
    if resp
        .content_length()
        .is_some_and(|n| n > MAX_RELEASE_ANSWER_BYTES as u64)
    {
        return Err(failed(
            &what,
            format!("the answer is larger than {MAX_RELEASE_ANSWER_BYTES} bytes"),
        ));
    }
    let mut resp = resp;
    let mut text: Vec<u8> = Vec::new();
    while let Some(chunk) = resp
        .chunk()
        .await
        .map_err(|e| failed(&what, crate::error::describe_http_error(&e)))?
    {
        if text.len() + chunk.len() > MAX_RELEASE_ANSWER_BYTES {
            return Err(failed(
                &what,
                format!("the answer is larger than {MAX_RELEASE_ANSWER_BYTES} bytes"),
            ));
        }
        text.extend_from_slice(&chunk);
    }
    let body: serde_json::Value =
        serde_json::from_slice(&text).map_err(|e| failed(&what, format!("not a release: {e}")))?;
    let found = body
        .get("assets")
        .and_then(serde_json::Value::as_array)
        .and_then(|assets| {
            assets
                .iter()
                .find(|a| a.get("name").and_then(serde_json::Value::as_str) == Some(asset))
        })
        .ok_or_else(|| failed(&what, format!("the release has no asset {asset}")))?;
    Ok(found
        .get("digest")
        .and_then(serde_json::Value::as_str)
        .and_then(normalise_sha256))
}

/// Downloads `url` into `dest` (created owner-only), hashing as it streams, and keeps it only
/// when its SHA-256 is `expected`. `progress` is called with the bytes so far, now and then.
pub async fn fetch_verified(
    url: &str,
    dest: &Path,
    expected: &str,
    source_of_expected: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<(), DownloadError> {
    let what = format!("downloading {url}");
    let mut resp = client(DOWNLOAD_TIMEOUT)?
        .get(url)
        .send()
        .await
        .map_err(|e| failed(&what, crate::error::describe_http_error(&e)))?;
    if !resp.status().is_success() {
        return Err(failed(
            &what,
            format!("the server answered {}", resp.status()),
        ));
    }
    // Refused before a byte is written when the server says it is too large.
    if resp
        .content_length()
        .is_some_and(|n| n > MAX_DOWNLOAD_BYTES)
    {
        return Err(failed(
            &what,
            format!("larger than {MAX_DOWNLOAD_BYTES} bytes (Content-Length)"),
        ));
    }
    let mut file = crate::tools::runner::create_private(dest).map_err(|e| failed(&what, e))?;
    let mut hasher = Sha256::new();
    let mut total: u64 = 0;
    let mut reported: u64 = 0;
    let result: Result<(), DownloadError> = async {
        while let Some(chunk) = resp
            .chunk()
            .await
            .map_err(|e| failed(&what, crate::error::describe_http_error(&e)))?
        {
            total += chunk.len() as u64;
            if total > MAX_DOWNLOAD_BYTES {
                return Err(failed(
                    &what,
                    format!("larger than {MAX_DOWNLOAD_BYTES} bytes"),
                ));
            }
            hasher.update(&chunk);
            file.write_all(&chunk).map_err(|e| failed(&what, e))?;
            if total - reported >= 16 * 1024 * 1024 {
                reported = total;
                progress(total);
            }
        }
        file.flush().map_err(|e| failed(&what, e))
    }
    .await;
    drop(file);
    if let Err(e) = result {
        let _ = std::fs::remove_file(dest);
        return Err(e);
    }
    progress(total);
    let actual = hex(&hasher.finalize());
    if actual != expected {
        let _ = std::fs::remove_file(dest);
        return Err(DownloadError::Mismatch {
            url: url.to_owned(),
            actual,
            expected: expected.to_owned(),
            source_of_expected: source_of_expected.to_owned(),
        });
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_normalise() {
        let h = "AB".repeat(32);
        assert_eq!(
            normalise_sha256(&format!("sha256:{h}")),
            Some("ab".repeat(32))
        );
        assert_eq!(normalise_sha256("abc"), None);
        assert_eq!(normalise_sha256(&"g".repeat(64)), None);
    }
}
