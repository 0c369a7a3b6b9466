//! The one HTTP policy every host client follows (docs/ARCHITECTURE.md, "HTTP policy"):
//!
//! - a connect timeout and a whole-request timeout on every request, and a budget for the
//!   change-set lookup as a whole, so a host that accepts and never answers costs a bounded wait;
//! - retries for GET only (a POST or PATCH is not idempotent), on transport errors, 5xx, 429 and
//!   rate-limit 403s, honouring `Retry-After` and the rate-limit reset headers;
//! - redirects followed only within the API's own origin: a redirect to another host is not
//!   followed, so no credential reaches it and its answer is never used;
//! - error text that is shortened and masked before anyone logs it.

use std::fmt;
use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, StatusCode};

/// An API token. Its `Debug` and `Display` print `***`, so it cannot reach a log by accident;
/// only [`Token::expose`] hands out the value, at the point where a request header is built.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Why an API could not give a complete answer. Every kind leads to the git fallback; the kind
/// decides the wording of the reason users see.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ApiError {
    #[error("no API token: {hint}")]
    NoToken { hint: String },
    #[error("the API rejected the token (HTTP {status}): {message}")]
    Auth { status: u16, message: String },
    #[error("the API answered 404 for {what}")]
    NotFound { what: String },
    #[error("rate limited: {detail}")]
    RateLimited { detail: String },
    #[error("the API's list is incomplete: {0}")]
    Incomplete(String),
    #[error("{what} failed after {attempts} attempts; last error: {last}")]
    Exhausted {
        what: String,
        attempts: u32,
        last: String,
    },
    #[error("{0}")]
    Other(String),
}

/// How long one request may take to connect.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request may take in all (headers and body).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// How long the change-set lookup may take in all, retries included, before the git fallback
/// takes over. With [`REFINE_BUDGET`] and the git fetch budget (45 s) it keeps a decision under
/// two minutes whatever the host does.
pub const CHANGES_BUDGET: Duration = Duration::from_secs(30);
/// How long looking up what the environment lacks (Bitbucket's default branch) may take.
pub const REFINE_BUDGET: Duration = Duration::from_secs(15);

/// How to reach the host's API: built once from the flags and handed to the [`super::Forge`].
#[derive(Clone, Debug)]
pub struct ApiSettings {
    pub token: Option<Token>,
    /// Pages fetched at once where the host allows computing page URLs.
    pub concurrency: usize,
    pub retry: RetryPolicy,
    /// The budget of the change-set lookup as a whole.
    pub changes_budget: Duration,
    /// `--bot-login`: the identity the token's comments carry, where the host cannot say.
    pub bot_login: Option<String>,
}

/// The id of a comment a host answered a create or edit with; its error when it refused.
pub fn written_id(status: StatusCode, headers: &HeaderMap, body: &str) -> Result<u64, ApiError> {
    #[derive(serde::Deserialize)]
    struct Written {
        id: u64,
    }
    match classify::<()>(status, headers, body, "the pull request comment") {
        Ok(()) => serde_json::from_str::<Written>(body)
            .map(|w| w.id)
            .map_err(|e| ApiError::Other(format!("comment response: {e}"))),
        Err(Attempt::Fail(e)) => Err(e),
        Err(Attempt::Retry { .. } | Attempt::Done(())) => Err(ApiError::Other(format!(
            "writing the comment: HTTP {}",
            status.as_u16()
        ))),
    }
}

/// The largest API response read: a page of files or comments is far smaller. A larger answer
/// is refused instead of being read into memory.
pub const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// The refusal of a response over [`MAX_RESPONSE_BYTES`], from its `Content-Length` or its
/// body's length.
pub fn oversized<T>(
    what: &str,
    headers: &HeaderMap,
    body_len: Option<usize>,
) -> Option<Attempt<T>> {
    let announced = header_u64(headers, "content-length").map(|n| n as usize);
    let len = body_len.or(announced)?;
    (len > MAX_RESPONSE_BYTES).then(|| {
        Attempt::Fail(ApiError::Other(format!(
            "{what}: the answer is {} MiB, more than the {} MiB read from an API",
            len / (1024 * 1024),
            MAX_RESPONSE_BYTES / (1024 * 1024)
        )))
    })
}

/// The event has no change list on this host's API (a tag, a schedule, a manual run).
pub fn no_change_list(event: &str) -> ApiError {
    ApiError::Other(format!("no API change list for a {event}"))
}

/// Whether `url` is on the same origin (scheme, host, port) as `base`.
pub fn same_origin(url: &str, base: &str) -> bool {
    match (url::Url::parse(url), url::Url::parse(base)) {
        (Ok(a), Ok(b)) => same_origin_urls(&a, &b),
        _ => false,
    }
}

fn same_origin_urls(a: &url::Url, b: &url::Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// The reqwest client of the GitLab and Bitbucket APIs: the timeouts above, and no redirect
/// followed by the client itself. A redirect comes back as the 3xx response, which
/// [`classify`] refuses, so another host never sees a request; the one redirect the product
/// needs (Bitbucket's pull request diffstat, a GET within the API host) is followed by the
/// Bitbucket client explicitly. A write is never redirected (reqwest would turn a POST into a
/// GET).
pub fn reqwest_client(policy: &RetryPolicy) -> Result<reqwest::Client, ApiError> {
    reqwest_client_via(None, policy)
}

/// [`reqwest_client`] sending through `proxy` (Bitbucket's authless Code Insights proxy)
/// instead of the policy's proxies.
pub fn reqwest_client_via(
    proxy: Option<reqwest::Proxy>,
    policy: &RetryPolicy,
) -> Result<reqwest::Client, ApiError> {
    let timeout = policy.request_timeout;
    let mut builder = crate::tls::client_builder();
    match proxy {
        Some(proxy) => builder = builder.no_proxy().proxy(proxy),
        None => builder = policy.proxy.apply(builder)?,
    }
    builder
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("kkp-delivery/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ApiError::Other(format!("cannot build the HTTP client: {e}")))
}

/// Retry tuning. `max_wait` bounds how long a rate limit may pause the job: past it we stop
/// waiting and fall back to git instead of blocking the pipeline.
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_wait: Duration,
    /// The whole-request timeout of every request ([`REQUEST_TIMEOUT`]).
    pub request_timeout: Duration,
    /// The proxies every host's client sends through.
    pub proxy: ProxySettings,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(250),
            max_wait: Duration::from_secs(60),
            request_timeout: REQUEST_TIMEOUT,
            proxy: ProxySettings::default(),
        }
    }
}

/// `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (either case) from the environment snapshot, the
/// same for every host's client: GitHub's included (octocrab runs over the same reqwest client),
/// so GitHub Enterprise behind a corporate proxy works as GitLab and Bitbucket do. Read from the
/// snapshot, never from the process environment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProxySettings {
    pub https: Option<String>,
    pub http: Option<String>,
    pub no_proxy: Option<String>,
}

impl ProxySettings {
    pub fn from_env(env: &crate::env::Env) -> Self {
        use crate::env::vars;
        let first = |a, b| env.get(a).or_else(|| env.get(b)).map(str::to_owned);
        Self {
            https: first(vars::HTTPS_PROXY, vars::https_proxy),
            http: first(vars::HTTP_PROXY, vars::http_proxy),
            no_proxy: first(vars::NO_PROXY, vars::no_proxy),
        }
    }

    /// `builder` sending through these proxies only (the process environment is not read).
    fn apply(
        &self,
        mut builder: reqwest::ClientBuilder,
    ) -> Result<reqwest::ClientBuilder, ApiError> {
        builder = builder.no_proxy();
        let no_proxy = || reqwest::NoProxy::from_string(self.no_proxy.as_deref().unwrap_or(""));
        let bad = |var: &str, e: reqwest::Error| {
            ApiError::Other(format!("{var} is not a proxy URL: {}", e.without_url()))
        };
        if let Some(url) = &self.https {
            let proxy = reqwest::Proxy::https(url.as_str()).map_err(|e| bad("HTTPS_PROXY", e))?;
            builder = builder.proxy(proxy.no_proxy(no_proxy()));
        }
        if let Some(url) = &self.http {
            let proxy = reqwest::Proxy::http(url.as_str()).map_err(|e| bad("HTTP_PROXY", e))?;
            builder = builder.proxy(proxy.no_proxy(no_proxy()));
        }
        Ok(builder)
    }
}

/// The result of one attempt.
pub enum Attempt<T> {
    Done(T),
    /// Try again, after the host's own delay if it gave one.
    Retry {
        after: Option<Duration>,
        why: String,
    },
    Fail(ApiError),
}

/// Runs `attempt` until it succeeds, fails for good, or the policy is exhausted.
pub async fn with_retry<T, F, Fut>(
    policy: &RetryPolicy,
    what: &str,
    mut attempt: F,
) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Attempt<T>>,
{
    let mut last = String::new();
    for n in 0..policy.max_attempts {
        match attempt().await {
            Attempt::Done(v) => return Ok(v),
            Attempt::Fail(e) => return Err(e),
            Attempt::Retry { after, why } => {
                last = why;
                if n + 1 == policy.max_attempts {
                    break;
                }
                let backoff = policy.base_delay.saturating_mul(1 << n.min(6));
                let wait = after.unwrap_or(backoff);
                if wait > policy.max_wait {
                    return Err(ApiError::RateLimited {
                        detail: format!("{last}; the reset is {}s away, more than the {}s we wait (--api-max-wait)", wait.as_secs(), policy.max_wait.as_secs()),
                    });
                }
                tokio::time::sleep(wait).await;
            }
        }
    }
    Err(ApiError::Exhausted {
        what: what.to_owned(),
        attempts: policy.max_attempts,
        last,
    })
}

/// Classifies an HTTP response. `Ok(())` for success; otherwise the attempt to return.
pub fn classify<T>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &str,
    what: &str,
) -> Result<(), Attempt<T>> {
    if status.is_success() {
        return Ok(());
    }
    if status.is_redirection() {
        let to = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .and_then(|l| url::Url::parse(l).ok())
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "another place".to_owned());
        return Err(Attempt::Fail(ApiError::Other(format!(
            "{what} redirected (HTTP {}) to {to}: not followed (only a GET within the API host is), so no credential was sent there",
            status.as_u16()
        ))));
    }
    let message = short_message(body);
    let rate_limited = status == StatusCode::TOO_MANY_REQUESTS
        || (status == StatusCode::FORBIDDEN
            && (header_u64(headers, "x-ratelimit-remaining") == Some(0)
                || headers.contains_key("retry-after")));
    if rate_limited {
        return Err(Attempt::Retry {
            after: Some(rate_limit_wait(headers)),
            why: format!("HTTP {} rate limit on {what}", status.as_u16()),
        });
    }
    if status.is_server_error() {
        return Err(Attempt::Retry {
            after: header_u64(headers, "retry-after").map(Duration::from_secs),
            why: format!("HTTP {} on {what}: {message}", status.as_u16()),
        });
    }
    Err(Attempt::Fail(match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => ApiError::Auth {
            status: status.as_u16(),
            message,
        },
        StatusCode::NOT_FOUND => ApiError::NotFound {
            what: what.to_owned(),
        },
        _ => ApiError::Other(format!("HTTP {} on {what}: {message}", status.as_u16())),
    }))
}

/// How long a rate-limited client should wait: `Retry-After` (seconds) first, then the reset
/// time (`x-ratelimit-reset` on GitHub, `ratelimit-reset` on GitLab, epoch seconds).
fn rate_limit_wait(headers: &HeaderMap) -> Duration {
    if let Some(s) = header_u64(headers, "retry-after") {
        return Duration::from_secs(s);
    }
    let reset =
        header_u64(headers, "x-ratelimit-reset").or_else(|| header_u64(headers, "ratelimit-reset"));
    if let Some(reset) = reset {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        return Duration::from_secs(reset.saturating_sub(now).max(1));
    }
    Duration::from_secs(60)
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// The host's error message, shortened for one log line.
fn short_message(body: &str) -> String {
    let msg = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            v.get("message")
                .or_else(|| v.pointer("/error/message"))
                .and_then(|m| m.as_str().map(str::to_owned))
        })
        .unwrap_or_else(|| body.trim().to_owned());
    let mut msg: String = msg.chars().take(200).collect();
    if msg.is_empty() {
        msg.push_str("(empty body)");
    }
    msg
}

/// Retry decision for a body that arrived but did not parse: a truncated response is a transport
/// fault, so it is retried like a 5xx.
pub fn decode_failure<T>(what: &str, err: impl fmt::Display) -> Attempt<T> {
    Attempt::Retry {
        after: None,
        why: format!("malformed response from {what}: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_never_prints() {
        let t = Token::new("ghp_secret");
        assert_eq!(format!("{t:?} {t}"), "Token(***) ***");
    }

    #[test]
    fn rate_limit_uses_retry_after_then_reset() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", "3".parse().unwrap());
        assert_eq!(rate_limit_wait(&h), Duration::from_secs(3));
        let mut h = HeaderMap::new();
        let soon = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 5;
        h.insert("x-ratelimit-reset", soon.to_string().parse().unwrap());
        assert!(rate_limit_wait(&h) <= Duration::from_secs(5));
    }

    #[test]
    fn forbidden_without_rate_limit_headers_is_auth() {
        let r = classify::<()>(
            StatusCode::FORBIDDEN,
            &HeaderMap::new(),
            r#"{"message":"Resource not accessible"}"#,
            "x",
        );
        assert!(matches!(
            r,
            Err(Attempt::Fail(ApiError::Auth { status: 403, .. }))
        ));
    }

    #[tokio::test]
    async fn gives_up_after_max_attempts() {
        let policy = RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(1),
            max_wait: Duration::from_secs(1),
            request_timeout: REQUEST_TIMEOUT,
            proxy: ProxySettings::default(),
        };
        let mut calls = 0;
        let r: Result<(), _> = with_retry(&policy, "thing", || {
            calls += 1;
            async {
                Attempt::Retry {
                    after: None,
                    why: "HTTP 500".into(),
                }
            }
        })
        .await;
        assert_eq!(calls, 3);
        assert!(matches!(r, Err(ApiError::Exhausted { attempts: 3, .. })));
    }
}
