//! The GitLab REST API through the `gitlab` crate: merge request diffs (all pages) and
//! repository compare for pushes, with the diff limits detected.
//!
//! `CI_JOB_TOKEN` cannot read these endpoints (platform-facts §2.3), so a `GITLAB_TOKEN` (or
//! `--token`) with `read_api` is required; without it we fall back to git.

use std::sync::Mutex;

use async_trait::async_trait;
use bytes::Bytes;
use gitlab::api::{self, AsyncClient, AsyncQuery, Pagination, RestClient};
use gitlab::AsyncGitlab;
use http::request::Builder as RequestBuilder;
use serde::Deserialize;

use crate::changes::{short, ApiChanges, ApiSettings, ChangedFile, FileStatus};
use crate::context::{Context, Event, EventKind, RepoRef};
use crate::platform::http::{classify, with_retry, ApiError, Attempt, RetryPolicy, Token};

/// GitLab's default "maximum diff files" limit; a list this long may have been cut (§2.4).
pub const DIFF_FILES_LIMIT: usize = 1000;

/// Splits `CI_API_V4_URL` into what the crate wants: a host (with any relative root) and whether
/// the scheme is plain HTTP.
pub fn host_of(api_url: &str) -> Result<(String, bool), ApiError> {
    let (insecure, rest) = if let Some(r) = api_url.strip_prefix("http://") {
        (true, r)
    } else if let Some(r) = api_url.strip_prefix("https://") {
        (false, r)
    } else {
        return Err(ApiError::Other(format!(
            "CI_API_V4_URL {api_url:?} must start with http:// or https://"
        )));
    };
    let host = rest.trim_end_matches('/').trim_end_matches("/api/v4");
    Ok((host.to_owned(), insecure))
}

/// Wraps the crate's client with our retry policy: GET requests are retried on 5xx, 429 and
/// transport errors, honouring `Retry-After`/`RateLimit-Reset`. The crate's own `retry` module
/// only retries 5xx and ignores those headers.
pub struct RetryingClient {
    inner: AsyncGitlab,
    retry: RetryPolicy,
    last_failure: Mutex<Option<String>>,
}

impl RestClient for RetryingClient {
    type Error = <AsyncGitlab as RestClient>::Error;

    fn rest_endpoint(&self, endpoint: &str) -> Result<url::Url, api::ApiError<Self::Error>> {
        self.inner.rest_endpoint(endpoint)
    }
}

#[async_trait]
impl AsyncClient for RetryingClient {
    async fn rest_async(
        &self,
        request: RequestBuilder,
        body: Vec<u8>,
    ) -> Result<http::Response<Bytes>, api::ApiError<Self::Error>> {
        let method = request.method_ref().cloned().unwrap_or(http::Method::GET);
        if method != http::Method::GET {
            return self.inner.rest_async(request, body).await;
        }
        let uri = request.uri_ref().cloned().unwrap_or_default();
        let headers = request.headers_ref().cloned().unwrap_or_default();
        let what = uri.path().to_owned();
        let rebuild = || {
            let mut b = http::Request::builder()
                .method(http::Method::GET)
                .uri(uri.clone());
            for (k, v) in &headers {
                b = b.header(k, v);
            }
            b
        };
        let outcome = with_retry(&self.retry, &what, || async {
            match self.inner.rest_async(rebuild(), Vec::new()).await {
                Ok(rsp) => {
                    let text = String::from_utf8_lossy(rsp.body()).into_owned();
                    match classify::<()>(rsp.status(), rsp.headers(), &text, &what) {
                        Ok(()) => Attempt::Done(Ok(rsp)),
                        Err(Attempt::Retry { after, why }) => {
                            self.note(&why);
                            Attempt::Retry { after, why }
                        }
                        // Final statuses go back to the crate, which turns them into its errors.
                        Err(_) => Attempt::Done(Ok(rsp)),
                    }
                }
                Err(e) => {
                    let why = format!("GET {what}: {e}");
                    self.note(&why);
                    Attempt::Retry { after: None, why }
                }
            }
        })
        .await;
        match outcome {
            Ok(r) => r,
            Err(e) => {
                self.note(&e.to_string());
                // One last plain attempt so the crate reports its own error kind.
                self.inner.rest_async(rebuild(), Vec::new()).await
            }
        }
    }
}

impl RetryingClient {
    fn note(&self, why: &str) {
        if let Ok(mut last) = self.last_failure.lock() {
            *last = Some(why.to_owned());
        }
    }

    fn last_failure(&self) -> Option<String> {
        self.last_failure.lock().ok().and_then(|l| l.clone())
    }

    /// Connects (the crate checks the token with `GET /user`), retrying transient failures.
    pub async fn connect(
        api_url: &str,
        token: &Token,
        retry: RetryPolicy,
    ) -> Result<Self, ApiError> {
        let (host, insecure) = host_of(api_url)?;
        let inner = with_retry(&retry, "GET /user", || {
            let host = host.clone();
            async move {
                let mut builder = gitlab::GitlabBuilder::new(host, token.expose());
                if insecure {
                    builder.insecure();
                }
                match builder.build_async().await {
                    Ok(c) => Attempt::Done(c),
                    Err(e) => match map_crate_error(&e.to_string()) {
                        Some(err) => Attempt::Fail(err),
                        None => Attempt::Retry {
                            after: None,
                            why: format!("connecting to {api_url}: {e}"),
                        },
                    },
                }
            }
        })
        .await?;
        Ok(Self {
            inner,
            retry,
            last_failure: Mutex::new(None),
        })
    }

    fn error(&self, what: &str, e: api::ApiError<<AsyncGitlab as RestClient>::Error>) -> ApiError {
        let status = match &e {
            api::ApiError::GitlabWithStatus { status, .. }
            | api::ApiError::GitlabObjectWithStatus { status, .. }
            | api::ApiError::GitlabService { status, .. } => Some(*status),
            _ => None,
        };
        match status.map(|s| s.as_u16()) {
            Some(401 | 403) => ApiError::Auth {
                status: status.map_or(0, |s| s.as_u16()),
                message: e.to_string(),
            },
            Some(404) => ApiError::NotFound {
                what: what.to_owned(),
            },
            Some(429) => ApiError::RateLimited {
                detail: self.last_failure().unwrap_or_else(|| e.to_string()),
            },
            _ => ApiError::Exhausted {
                what: what.to_owned(),
                attempts: self.retry.max_attempts,
                last: self.last_failure().unwrap_or_else(|| e.to_string()),
            },
        }
    }
}

/// The crate reports a rejected token during its connection check only as text.
fn map_crate_error(message: &str) -> Option<ApiError> {
    if message.contains("401") || message.contains("403") || message.contains("Unauthorized") {
        Some(ApiError::Auth {
            status: 401,
            message: message.to_owned(),
        })
    } else {
        None
    }
}

#[derive(Deserialize)]
struct MergeRequestSummary {
    /// A string, `"1000+"` when the merge request is over the diff limits.
    changes_count: Option<String>,
}

#[derive(Deserialize)]
struct Diff {
    old_path: String,
    new_path: String,
    #[serde(default)]
    new_file: bool,
    #[serde(default)]
    renamed_file: bool,
    #[serde(default)]
    deleted_file: bool,
}

#[derive(Deserialize)]
struct Comparison {
    #[serde(default)]
    diffs: Vec<Diff>,
    #[serde(default)]
    compare_timeout: bool,
}

fn convert(d: Diff) -> ChangedFile {
    if d.renamed_file && d.old_path != d.new_path {
        ChangedFile::renamed(d.new_path, d.old_path)
    } else if d.new_file {
        ChangedFile::new(d.new_path, FileStatus::Added)
    } else if d.deleted_file {
        ChangedFile::new(d.old_path, FileStatus::Removed)
    } else {
        ChangedFile::new(d.new_path, FileStatus::Modified)
    }
}

impl RetryingClient {
    pub async fn merge_request_files(
        &self,
        project: &str,
        iid: u64,
    ) -> Result<ApiChanges, ApiError> {
        let what = format!("merge request !{iid}");
        let mr_ep = api::projects::merge_requests::MergeRequest::builder()
            .project(project)
            .merge_request(iid)
            .build()
            .map_err(|e| ApiError::Other(e.to_string()))?;
        let mr: MergeRequestSummary = mr_ep
            .query_async(self)
            .await
            .map_err(|e| self.error(&what, e))?;
        if let Some(count) = mr.changes_count.as_deref().filter(|c| c.ends_with('+')) {
            return Err(ApiError::Incomplete(format!(
                "merge request !{iid} is over GitLab's diff limits ({count} files); the API lists only part of it"
            )));
        }
        let ep = api::projects::merge_requests::MergeRequestDiffs::builder()
            .project(project)
            .merge_request(iid)
            .build()
            .map_err(|e| ApiError::Other(e.to_string()))?;
        let diffs: Vec<Diff> = api::paged(ep, Pagination::All)
            .query_async(self)
            .await
            .map_err(|e| self.error(&format!("{what} diffs"), e))?;
        if diffs.len() >= DIFF_FILES_LIMIT {
            return Err(ApiError::Incomplete(format!(
                "merge request !{iid} lists {} files, GitLab's diff file limit",
                diffs.len()
            )));
        }
        Ok(ApiChanges {
            source: format!(
                "GitLab API: merge request !{iid} diffs ({} files)",
                diffs.len()
            ),
            files: diffs.into_iter().map(convert).collect(),
        })
    }

    /// `straight = true` is a direct `from..to` tree diff; `false` diffs from the merge-base.
    pub async fn compare(
        &self,
        project: &str,
        from: &str,
        to: &str,
        straight: bool,
    ) -> Result<ApiChanges, ApiError> {
        let dots = if straight { ".." } else { "..." };
        let what = format!("compare {}{dots}{}", short(from), short(to));
        let ep = api::projects::repository::commits::CompareCommits::builder()
            .project(project)
            .from(from)
            .to(to)
            .straight(straight)
            .build()
            .map_err(|e| ApiError::Other(e.to_string()))?;
        let cmp: Comparison = ep
            .query_async(self)
            .await
            .map_err(|e| self.error(&what, e))?;
        if cmp.compare_timeout {
            return Err(ApiError::Incomplete(format!(
                "{what} timed out on the server"
            )));
        }
        if cmp.diffs.len() >= DIFF_FILES_LIMIT {
            return Err(ApiError::Incomplete(format!(
                "{what} lists {} files, GitLab's diff file limit",
                cmp.diffs.len()
            )));
        }
        Ok(ApiChanges {
            source: format!("GitLab API: {what} ({} files)", cmp.diffs.len()),
            files: cmp.diffs.into_iter().map(convert).collect(),
        })
    }
}

/// The change set of the event in `ctx`, from the GitLab API.
pub async fn changed_files(ctx: &Context, api: &ApiSettings) -> Result<ApiChanges, ApiError> {
    let RepoRef::GitLab { project, api_url } = &ctx.repo else {
        return Err(ApiError::Other("not a GitLab project".to_owned()));
    };
    enum Ask {
        MergeRequest(u64),
        Compare(String, String, bool),
    }
    let ask =
        match &ctx.event {
            Event::PullRequest {
                number: Some(n), ..
            }
            | Event::MergeQueue {
                number: Some(n), ..
            } => Ask::MergeRequest(*n),
            Event::PullRequest { number: None, .. } => {
                return Err(ApiError::Other(
                    "external pull request: GitLab has no API for its files".to_owned(),
                ))
            }
            Event::Push {
                before: Some(b),
                after: Some(a),
                ..
            } => Ask::Compare(b.clone(), a.clone(), true),
            Event::Push {
                before: None,
                after: Some(a),
                ..
            } if ctx.event_kind() == EventKind::Push => match &ctx.default_branch {
                Some(default) => Ask::Compare(default.clone(), a.clone(), false),
                None => {
                    return Err(ApiError::Other(
                        "new branch and CI_DEFAULT_BRANCH is not set".to_owned(),
                    ))
                }
            },
            Event::Push { before: None, .. } => return Err(ApiError::Other(
                "CI_COMMIT_BEFORE_SHA is all zeros on the default branch: nothing to compare with"
                    .to_owned(),
            )),
            _ => {
                return Err(ApiError::Other(format!(
                    "no API change list for a {}",
                    ctx.describe_event()
                )))
            }
        };
    let token = api.token.as_ref().ok_or_else(|| ApiError::NoToken {
        hint: "CI_JOB_TOKEN cannot read merge request diffs or compare; set GITLAB_TOKEN (or --token) to a token with read_api".to_owned(),
    })?;
    let client = RetryingClient::connect(api_url, token, api.retry.clone()).await?;
    match ask {
        Ask::MergeRequest(iid) => client.merge_request_files(project, iid).await,
        Ask::Compare(from, to, straight) => client.compare(project, &from, &to, straight).await,
    }
}

#[derive(Deserialize)]
struct Note {
    id: u64,
    #[serde(default)]
    body: String,
}

impl RetryingClient {
    pub async fn find_note(
        &self,
        project: &str,
        iid: u64,
        marker: &str,
    ) -> Result<Option<(u64, String)>, ApiError> {
        let ep = api::projects::merge_requests::notes::MergeRequestNotes::builder()
            .project(project)
            .merge_request(iid)
            .build()
            .map_err(|e| ApiError::Other(e.to_string()))?;
        let notes: Vec<Note> = api::paged(ep, Pagination::All)
            .query_async(self)
            .await
            .map_err(|e| self.error(&format!("merge request !{iid} notes"), e))?;
        Ok(notes
            .into_iter()
            .find(|n| n.body.contains(marker))
            .map(|n| (n.id, n.body)))
    }

    pub async fn write_note(
        &self,
        project: &str,
        iid: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError> {
        let what = format!("merge request !{iid} note");
        let note: Note = match existing {
            Some(id) => api::projects::merge_requests::notes::EditMergeRequestNote::builder()
                .project(project)
                .merge_request(iid)
                .note(id)
                .body(body)
                .build()
                .map_err(|e| ApiError::Other(e.to_string()))?
                .query_async(self)
                .await
                .map_err(|e| self.error(&what, e))?,
            None => api::projects::merge_requests::notes::CreateMergeRequestNote::builder()
                .project(project)
                .merge_request(iid)
                .body(body)
                .build()
                .map_err(|e| ApiError::Other(e.to_string()))?
                .query_async(self)
                .await
                .map_err(|e| self.error(&what, e))?,
        };
        Ok(note.id)
    }
}

#[derive(Deserialize)]
struct MrRef {
    iid: u64,
    #[serde(default)]
    state: String,
}

impl RetryingClient {
    /// Merge requests that contain a commit, merged ones first.
    pub async fn merge_requests_for_commit(
        &self,
        project: &str,
        sha: &str,
    ) -> Result<Vec<u64>, ApiError> {
        let ep = api::projects::repository::commits::MergeRequests::builder()
            .project(project)
            .sha(sha)
            .build()
            .map_err(|e| ApiError::Other(e.to_string()))?;
        let mut mrs: Vec<MrRef> = ep
            .query_async(self)
            .await
            .map_err(|e| self.error("merge requests of the commit", e))?;
        mrs.sort_by_key(|m| m.state != "merged");
        Ok(mrs.into_iter().map(|m| m.iid).collect())
    }
}
