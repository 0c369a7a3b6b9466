//! The masker: every secret value known to a run, replaced by `***` in any text before it is
//! written anywhere, and a log writer that masks whole lines. A leaf below every room that
//! writes: the runner, the publisher and the entry points share it.

use std::io::{self, Write};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::env::Env;

/// Masks secret values in text with one multi-pattern pass. A multi-line secret (a PEM key) is
/// also masked line by line, for each of its lines of at least 4 characters, since tools print
/// such values a line at a time.
#[derive(Clone, Default)]
pub struct Masker {
    secrets: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl std::fmt::Debug for Masker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Masker({} secrets, values hidden)", self.secrets.len())
    }
}

impl Masker {
    /// Every variable of `env` whose name marks it as a credential, plus `extra` (the API
    /// token given as a flag). A `KUBECONFIG` that holds a kubeconfig's content or base64
    /// instead of a path (a common mistake) has its long values and its whole line masked too.
    pub fn from_env<'a>(env: &'a Env, extra: impl IntoIterator<Item = &'a str>) -> Self {
        let mut values: Vec<String> = env
            .iter()
            .filter(|(name, _)| crate::env::is_secret_name(name))
            .map(|(_, v)| v.to_owned())
            .collect();
        values.extend(extra.into_iter().map(str::to_owned));
        if let Some(kubeconfig) = env.get(crate::env::vars::KUBECONFIG) {
            if kubeconfig.contains('\n') || kubeconfig.len() > 256 {
                values.extend(long_values(kubeconfig));
                if !kubeconfig.contains('\n') {
                    values.push(kubeconfig.to_owned());
                }
            }
        }
        Self::new(values.iter().map(String::as_str))
    }

    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Self {
        let mut secrets: Vec<String> = Vec::new();
        for value in values {
            // Very short values are not masked: masking `1` or `true` would mangle output
            // without protecting anything.
            if value.len() >= 6 {
                secrets.push(value.to_owned());
            }
            if value.contains('\n') {
                secrets.extend(
                    value
                        .lines()
                        .map(str::trim)
                        .filter(|l| l.chars().count() >= 4)
                        .map(str::to_owned),
                );
            }
        }
        secrets.sort();
        secrets.dedup();
        let matcher = if secrets.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&secrets)
                .ok()
        };
        Self { secrets, matcher }
    }

    /// This masker and `more` (credentials found during the run, such as a derived
    /// kubeconfig's).
    pub fn with<'a>(&self, more: impl IntoIterator<Item = &'a str>) -> Self {
        let mut all: Vec<String> = self.secrets.clone();
        all.extend(more.into_iter().map(str::to_owned));
        Self::new(all.iter().map(String::as_str))
    }

    pub fn mask(&self, text: &str) -> String {
        match &self.matcher {
            Some(m) => m.replace_all(text, &vec!["***"; self.secrets.len()]),
            None => text.to_owned(),
        }
    }
}

/// A log writer that masks every line before it is written. Partial lines wait for their end
/// (or for [`MaskingWriter::finish`]), so a secret split across two writes is still caught.
pub struct MaskingWriter<'a> {
    inner: &'a mut dyn Write,
    masker: Masker,
    pending: Vec<u8>,
}

impl<'a> MaskingWriter<'a> {
    pub fn new(inner: &'a mut dyn Write, masker: Masker) -> Self {
        Self {
            inner,
            masker,
            pending: Vec::new(),
        }
    }

    /// Writes out a last line without its newline.
    pub fn finish(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let text = String::from_utf8_lossy(&self.pending).into_owned();
            self.pending.clear();
            self.inner.write_all(self.masker.mask(&text).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl Write for MaskingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        // Every complete line at once: masked and written together, in one write.
        if let Some(end) = memchr::memrchr(b'\n', &self.pending) {
            let text = String::from_utf8_lossy(&self.pending[..=end]);
            self.inner.write_all(self.masker.mask(&text).as_bytes())?;
            self.pending.drain(..=end);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for MaskingWriter<'_> {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// The values in a YAML or JSON text that look like credentials (after a `key:` or on a line
/// of their own: tokens, keys, certificate data), one by one, so a credential file can be
/// masked without masking its structure (`kind: Config`) or its names.
pub fn long_values(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim().trim_start_matches("- ");
            let value = match line.split_once(": ") {
                Some((_, value)) => value,
                None => line.trim_end_matches(':'),
            };
            value.trim().trim_matches(['"', '\'', ','])
        })
        .filter(|v| looks_like_credential(v))
        .map(str::to_owned)
        .collect()
}

/// 16 characters or more, no space, letters and digits mixed, and not an address: a token, a
/// key, base64 data — not a name (`kubernetes-admin@kkp`) or a server URL.
fn looks_like_credential(value: &str) -> bool {
    value.chars().count() >= 16
        && !value.contains(char::is_whitespace)
        && !value.starts_with("https://")
        && !value.starts_with("http://")
        && value.chars().any(|c| c.is_ascii_digit())
        && value.chars().any(|c| c.is_ascii_alphabetic())
}
