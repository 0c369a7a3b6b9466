//! The GitLab REST API through the `gitlab` crate: merge request diffs (all pages) and
//! repository compare for pushes, with the diff limits detected.
//!
//! `CI_JOB_TOKEN` cannot read these endpoints (it reaches only a few, such as the registry,
//! packages and Terraform state: docs/REFERENCES.md, "GitLab: CI_JOB_TOKEN"), so a
//! `GITLAB_TOKEN` (or `--token`) with `read_api` is required; without it we fall back to git.

use std::sync::Mutex;

use async_trait::async_trait;
use bytes::Bytes;
use futures::stream::{self, StreamExt as _, TryStreamExt as _};
use gitlab::api::{self, AsyncClient, AsyncQuery, Pagination, RestClient};
use http::request::Builder as RequestBuilder;
use serde::Deserialize;

use crate::context::{Context, Event, EventKind};
use crate::files::{short, ApiChanges, ChangedFile, FileStatus};
use crate::platform::http::{
    classify, no_change_list, oversized, reqwest_client, same_origin, with_retry, ApiError,
    ApiSettings, Attempt, RetryPolicy, Token,
};
use crate::platform::{CommentApi, Connection, HostComment, OwnerKind};

/// GitLab's default "maximum diff files" limit; a list this long may have been cut
/// (docs/REFERENCES.md, "GitLab: diff limits").
pub const DIFF_FILES_LIMIT: usize = 1000;

/// The GitLab client: the crate's typed endpoints and pagination, sent through our own
/// [`AsyncClient`] over the shared reqwest client, so GitLab follows the one HTTP policy
/// (timeouts, GET-only retries honouring `Retry-After`/`RateLimit-Reset`, same-origin redirects
/// only: the `PRIVATE-TOKEN` header never reaches another host). The crate's own client would
/// follow a cross-host 302 with that header, since reqwest strips only standard credentials.
pub struct RetryingClient {
    http: reqwest::Client,
    rest_url: url::Url,
    instance_url: url::Url,
    token: Token,
    retry: RetryPolicy,
    last_failure: Mutex<Option<String>>,
}

/// A transport failure, as the crate's error type wants it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TransportError(String);

impl RestClient for RetryingClient {
    type Error = TransportError;

    fn rest_endpoint(&self, endpoint: &str) -> Result<url::Url, api::ApiError<Self::Error>> {
        Ok(self.rest_url.join(endpoint)?)
    }

    fn instance_endpoint(&self, endpoint: &str) -> Result<url::Url, api::ApiError<Self::Error>> {
        Ok(self.instance_url.join(endpoint)?)
    }
}

#[async_trait]
impl AsyncClient for RetryingClient {
    async fn rest_async(
        &self,
        request: RequestBuilder,
        body: Vec<u8>,
    ) -> Result<http::Response<Bytes>, api::ApiError<Self::Error>> {
        let request = request
            .body(body)
            .map_err(|e| api::ApiError::client(TransportError(e.to_string())))?;
        let what = format!("{} {}", request.method(), request.uri().path());
        if request.method() != http::Method::GET {
            // Not retried: a write is not idempotent. Nor redirected: the answer is refused.
            let rsp = self
                .send(&request)
                .await
                .map_err(|e| api::ApiError::client(TransportError(e)))?;
            if rsp.status().is_redirection() {
                let text = String::from_utf8_lossy(rsp.body()).into_owned();
                if let Err(Attempt::Fail(e)) =
                    classify::<()>(rsp.status(), rsp.headers(), &text, &what)
                {
                    self.note(&e.to_string());
                    return Err(api::ApiError::client(TransportError(e.to_string())));
                }
            }
            return Ok(rsp);
        }
        let outcome = with_retry(&self.retry, &what, || async {
            match self.send(&request).await {
                Ok(rsp) => {
                    let text = String::from_utf8_lossy(rsp.body()).into_owned();
                    match classify::<()>(rsp.status(), rsp.headers(), &text, &what) {
                        // A body cut short is a transport fault: retried like a 5xx, before
                        // the crate would report it as a server error.
                        Ok(())
                            if serde_json::from_slice::<serde::de::IgnoredAny>(rsp.body())
                                .is_err() =>
                        {
                            let why = format!("malformed response from {what}");
                            self.note(&why);
                            Attempt::Retry { after: None, why }
                        }
                        Ok(()) => Attempt::Done(rsp),
                        Err(Attempt::Retry { after, why }) => {
                            self.note(&why);
                            Attempt::Retry { after, why }
                        }
                        Err(Attempt::Fail(e)) if rsp.status().is_redirection() => {
                            self.note(&e.to_string());
                            Attempt::Fail(e)
                        }
                        // Final statuses go back to the crate, which turns them into its errors.
                        Err(_) => Attempt::Done(rsp),
                    }
                }
                Err(why) => {
                    self.note(&why);
                    Attempt::Retry { after: None, why }
                }
            }
        })
        .await;
        outcome.map_err(|e| {
            self.note(&e.to_string());
            api::ApiError::client(TransportError(e.to_string()))
        })
    }
}

/// No headers: a length is given explicitly.
fn rsp_headers_empty() -> &'static http::HeaderMap {
    static EMPTY: std::sync::OnceLock<http::HeaderMap> = std::sync::OnceLock::new();
    EMPTY.get_or_init(http::HeaderMap::new)
}

/// An endpoint the crate's builder could not build (a missing field: a bug here, not input).
fn built(e: impl std::fmt::Display) -> ApiError {
    ApiError::Other(e.to_string())
}

impl RetryingClient {
    /// A client for the API at `api_url` (`CI_API_V4_URL`). No request is sent yet.
    pub fn new(api_url: &str, token: &Token, retry: RetryPolicy) -> Result<Self, ApiError> {
        let parse = |u: &str| {
            url::Url::parse(u).map_err(|e| {
                ApiError::Other(format!("CI_API_V4_URL {api_url:?} is not a URL: {e}"))
            })
        };
        let base = api_url.trim_end_matches('/');
        let instance = base.trim_end_matches("/api/v4");
        Ok(Self {
            http: reqwest_client(&retry)?,
            rest_url: parse(&format!("{instance}/api/v4/"))?,
            instance_url: parse(&format!("{instance}/"))?,
            token: token.clone(),
            retry,
            last_failure: Mutex::new(None),
        })
    }

    /// One request with the token, as an `http` response for the crate.
    async fn send(
        &self,
        request: &http::Request<Vec<u8>>,
    ) -> Result<http::Response<Bytes>, String> {
        let what = format!("{} {}", request.method(), request.uri().path());
        // The crate follows `Link: rel=next` wherever it points; the token goes only to the
        // API's own origin.
        if !same_origin(&request.uri().to_string(), self.rest_url.as_str()) {
            return Err(format!(
                "{what}: a link points off the API host ({}): not followed, so no credential was sent there",
                request.uri().host().unwrap_or("another host")
            ));
        }
        let mut rb = self
            .http
            .request(request.method().clone(), request.uri().to_string())
            .header("PRIVATE-TOKEN", self.token.expose());
        for (k, v) in request.headers() {
            rb = rb.header(k, v);
        }
        if !request.body().is_empty() {
            rb = rb.body(request.body().clone());
        }
        let rsp = rb
            .send()
            .await
            .map_err(|e| format!("{what}: {}", e.without_url()))?;
        let too_big = |len| match oversized::<()>(&what, rsp_headers_empty(), Some(len)) {
            Some(Attempt::Fail(e)) => Err(e.to_string()),
            _ => Ok(()),
        };
        if let Some(len) = rsp.content_length() {
            too_big(len as usize)?;
        }
        let mut out = http::Response::builder().status(rsp.status());
        for (k, v) in rsp.headers() {
            out = out.header(k, v);
        }
        let body = rsp
            .bytes()
            .await
            .map_err(|e| format!("reading {what}: {}", e.without_url()))?;
        too_big(body.len())?;
        out.body(body).map_err(|e| format!("{what}: {e}"))
    }

    fn note(&self, why: &str) {
        if let Ok(mut last) = self.last_failure.lock() {
            *last = Some(why.to_owned());
        }
    }

    fn last_failure(&self) -> Option<String> {
        self.last_failure.lock().ok().and_then(|l| l.clone())
    }

    /// Sends `query`, turning the crate's error into ours, named by `what`.
    async fn query<T, Q>(&self, what: &str, query: Q) -> Result<T, ApiError>
    where
        Q: AsyncQuery<T, Self> + Sync,
        T: Send,
    {
        query
            .query_async(self)
            .await
            .map_err(|e| self.error(what, e))
    }

    fn error(&self, what: &str, e: api::ApiError<TransportError>) -> ApiError {
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
            _ => match self.last_failure() {
                Some(last) if last.contains("not followed") => ApiError::Other(last),
                // Retries happened (a GET): say how they ended.
                Some(last) => ApiError::Exhausted {
                    what: what.to_owned(),
                    attempts: self.retry.max_attempts,
                    last,
                },
                // No retry was made (a write, or a final answer): the crate's own words.
                None => ApiError::Other(format!("{what}: {e}")),
            },
        }
    }
}

/// Diffs per page: GitLab's maximum.
const DIFFS_PER_PAGE: u64 = 100;

/// One page of a merge request's diffs, addressed directly (the crate's pager walks pages one
/// after another).
struct DiffsPage {
    project: String,
    iid: u64,
    page: u64,
}

impl api::Endpoint for DiffsPage {
    fn method(&self) -> http::Method {
        http::Method::GET
    }

    fn endpoint(&self) -> std::borrow::Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/diffs",
            crate::text::path_segment(&self.project),
            self.iid
        )
        .into()
    }

    fn parameters(&self) -> api::QueryParams<'_> {
        let mut params = api::QueryParams::default();
        params
            .push("page", self.page)
            .push("per_page", DIFFS_PER_PAGE);
        params
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
        concurrency: usize,
    ) -> Result<ApiChanges, ApiError> {
        let what = format!("merge request !{iid}");
        let mr_ep = api::projects::merge_requests::MergeRequest::builder()
            .project(project)
            .merge_request(iid)
            .build()
            .map_err(built)?;
        let mr: MergeRequestSummary = self.query(&what, mr_ep).await?;
        if let Some(count) = mr.changes_count.as_deref().filter(|c| c.ends_with('+')) {
            return Err(ApiError::Incomplete(format!(
                "merge request !{iid} is over GitLab's diff limits ({count} files); the API lists only part of it"
            )));
        }
        // The file count gives every page's URL: all pages at once, `concurrency` at a time.
        // The count can lag the diffs (a push while we read): a full last page means more may
        // follow, and those are read one by one until a short page.
        let count: u64 = mr
            .changes_count
            .as_deref()
            .and_then(|c| c.trim().parse().ok())
            .unwrap_or(0);
        let pages = count.div_ceil(DIFFS_PER_PAGE).max(1);
        let page = |n: u64| DiffsPage {
            project: project.to_owned(),
            iid,
            page: n,
        };
        let mut lists: Vec<(u64, Vec<Diff>)> = stream::iter(1..=pages)
            .map(|n| {
                let what = format!("{what} diffs page {n}");
                let ep = page(n);
                async move { self.query::<Vec<Diff>, _>(&what, ep).await.map(|d| (n, d)) }
            })
            .buffer_unordered(concurrency.max(1))
            .try_collect()
            .await?;
        lists.sort_by_key(|(n, _)| *n);
        let mut next = pages + 1;
        while lists
            .last()
            .is_some_and(|(_, d)| d.len() as u64 == DIFFS_PER_PAGE)
        {
            let more: Vec<Diff> = self
                .query(&format!("{what} diffs page {next}"), page(next))
                .await?;
            lists.push((next, more));
            next += 1;
        }
        let diffs: Vec<Diff> = lists.into_iter().flat_map(|(_, d)| d).collect();
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
            .map_err(built)?;
        let cmp: Comparison = self.query(&what, ep).await?;
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

/// The GitLab side of the [`crate::platform::Forge`]: one client for the run.
pub struct Host {
    conn: Connection<RetryingClient>,
    project: String,
    api_url: String,
    /// Diff pages fetched at once (`--api-concurrency`).
    concurrency: usize,
}

impl Host {
    pub fn new(api_url: &str, project: &str, api: &ApiSettings) -> Self {
        let (url, token, retry) = (api_url.to_owned(), api.token.clone(), api.retry.clone());
        let client = move || {
            match &token {
            Some(token) => RetryingClient::new(&url, token, retry),
            None => Err(ApiError::NoToken {
                hint: "CI_JOB_TOKEN cannot read merge request diffs or compare; set GITLAB_TOKEN (or --token) to a token with read_api (api to write notes)".to_owned(),
            }),
        }
        };
        Self {
            conn: Connection::new(client),
            project: project.to_owned(),
            api_url: api_url.to_owned(),
            concurrency: api.concurrency,
        }
    }

    /// The change set of the event in `ctx`, from the GitLab API.
    pub async fn changed_files(&self, ctx: &Context) -> Result<ApiChanges, ApiError> {
        enum Ask {
            MergeRequest(u64),
            Compare(String, String, bool),
        }
        let ask = match &ctx.event {
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
            Event::MergeQueue { number: None, .. }
            | Event::Push { after: None, .. }
            | Event::Tag { .. }
            | Event::Schedule
            | Event::Manual => return Err(no_change_list(&ctx.describe_event())),
        };
        let client = self.conn.get()?;
        match ask {
            Ask::MergeRequest(iid) => {
                client
                    .merge_request_files(&self.project, iid, self.concurrency)
                    .await
            }
            Ask::Compare(from, to, straight) => {
                client.compare(&self.project, &from, &to, straight).await
            }
        }
    }

    /// The non-secret `TF_HTTP_*` settings for the GitLab-managed state `state_name`
    /// (docs/REFERENCES.md, "GitLab: managed Terraform state"). The password (the job token)
    /// is added only to Terraform's environment by the caller.
    pub fn terraform_state_env(&self, state_name: &str) -> Vec<(String, String)> {
        let encoded = crate::text::path_segment(state_name);
        let address = format!(
            "{}/projects/{}/terraform/state/{encoded}",
            self.api_url, self.project
        );
        vec![
            ("TF_HTTP_ADDRESS".into(), address.clone()),
            ("TF_HTTP_LOCK_ADDRESS".into(), format!("{address}/lock")),
            ("TF_HTTP_LOCK_METHOD".into(), "POST".into()),
            ("TF_HTTP_UNLOCK_ADDRESS".into(), format!("{address}/lock")),
            ("TF_HTTP_UNLOCK_METHOD".into(), "DELETE".into()),
            ("TF_HTTP_USERNAME".into(), "gitlab-ci-token".into()),
            ("TF_HTTP_RETRY_WAIT_MIN".into(), "5".into()),
        ]
    }
}

#[derive(Deserialize)]
struct Note {
    id: u64,
    #[serde(default)]
    body: String,
    #[serde(default)]
    author: Option<User>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    updated_at: Option<String>,
}

impl RetryingClient {
    /// Every note of merge request `iid`, all pages.
    pub async fn notes(&self, project: &str, iid: u64) -> Result<Vec<HostComment>, ApiError> {
        let ep = api::projects::merge_requests::notes::MergeRequestNotes::builder()
            .project(project)
            .merge_request(iid)
            .build()
            .map_err(built)?;
        let notes: Vec<Note> = self
            .query(
                &format!("merge request !{iid} notes"),
                api::paged(ep, Pagination::All),
            )
            .await?;
        Ok(notes
            .into_iter()
            .map(|n| HostComment {
                id: n.id,
                author: n.author.map(|a| a.username).unwrap_or_default(),
                body: n.body,
                updated: n.updated_at.or(n.created_at).unwrap_or_default(),
            })
            .collect())
    }

    /// Deletes a note. The crate has no endpoint for it: a plain DELETE through the same
    /// client and policy.
    pub async fn delete_note(&self, project: &str, iid: u64, id: u64) -> Result<(), ApiError> {
        let project = crate::text::path_segment(project);
        let url = self
            .rest_url
            .join(&format!(
                "projects/{project}/merge_requests/{iid}/notes/{id}"
            ))
            .map_err(built)?;
        let request = http::Request::delete(url.as_str())
            .body(Vec::new())
            .map_err(built)?;
        let rsp = self.send(&request).await.map_err(ApiError::Other)?;
        let text = String::from_utf8_lossy(rsp.body()).into_owned();
        match classify::<()>(rsp.status(), rsp.headers(), &text, "deleting a note") {
            Ok(()) | Err(Attempt::Done(())) => Ok(()),
            Err(Attempt::Fail(e)) => Err(e),
            Err(Attempt::Retry { why, .. }) => Err(ApiError::Other(why)),
        }
    }

    pub async fn write_note(
        &self,
        project: &str,
        iid: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError> {
        let what = format!("merge request !{iid} note");
        use api::projects::merge_requests::notes::{CreateMergeRequestNote, EditMergeRequestNote};
        let note: Note = match existing {
            Some(id) => {
                let ep = EditMergeRequestNote::builder()
                    .project(project)
                    .merge_request(iid)
                    .note(id)
                    .body(body)
                    .build();
                self.query(&what, ep.map_err(built)?).await?
            }
            None => {
                let ep = CreateMergeRequestNote::builder()
                    .project(project)
                    .merge_request(iid)
                    .body(body)
                    .build();
                self.query(&what, ep.map_err(built)?).await?
            }
        };
        Ok(note.id)
    }
}

impl RetryingClient {
    /// Adds `add` to merge request `iid` and removes `remove` (labels GitLab creates as needed).
    pub async fn set_labels(
        &self,
        project: &str,
        iid: u64,
        add: &str,
        remove: &[String],
    ) -> Result<(), ApiError> {
        use api::projects::merge_requests::EditMergeRequest;
        let mut ep = EditMergeRequest::builder();
        ep.project(project).merge_request(iid).add_label(add);
        for label in remove {
            ep.remove_label(label.as_str());
        }
        let _: MrRef = self
            .query(
                &format!("merge request !{iid} labels"),
                ep.build().map_err(built)?,
            )
            .await?;
        Ok(())
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
            .map_err(built)?;
        let mrs: Vec<MrRef> = self.query("merge requests of the commit", ep).await?;
        Ok(mrs
            .into_iter()
            .filter(|m| m.state == "merged")
            .map(|m| m.iid)
            .collect())
    }
}

#[derive(Deserialize)]
struct User {
    username: String,
}

#[derive(Deserialize)]
struct Namespace {
    kind: String,
}

impl Host {
    /// `GET /user`: the username of the token's user.
    pub async fn token_user(&self) -> Result<String, ApiError> {
        let ep = api::users::CurrentUser::builder().build().map_err(built)?;
        let me: User = self.conn.get()?.query("the token's user", ep).await?;
        Ok(me.username)
    }

    /// `GET /namespaces/{path}`: `kind` is `user` or `group`.
    pub async fn owner_kind(&self, owner: &str) -> Result<OwnerKind, ApiError> {
        let ep = api::namespaces::Namespace::builder()
            .namespace(owner)
            .build()
            .map_err(built)?;
        let ns: Namespace = self
            .conn
            .get()?
            .query(&format!("namespace {owner}"), ep)
            .await?;
        Ok(if ns.kind == "user" {
            OwnerKind::User
        } else {
            OwnerKind::Organization
        })
    }
}

impl RetryingClient {
    /// One JSON request to the REST API (issues), its answer parsed.
    async fn rest_json(
        &self,
        method: http::Method,
        path: &str,
        body: Option<&serde_json::Value>,
        what: &str,
    ) -> Result<serde_json::Value, ApiError> {
        let url = self.rest_url.join(path).map_err(built)?;
        let mut request = http::Request::builder().method(method).uri(url.as_str());
        let bytes = match body {
            Some(b) => {
                request = request.header("content-type", "application/json");
                serde_json::to_vec(b).map_err(built)?
            }
            None => Vec::new(),
        };
        let request = request.body(bytes).map_err(built)?;
        let rsp = self.send(&request).await.map_err(ApiError::Other)?;
        let text = String::from_utf8_lossy(rsp.body()).into_owned();
        match classify::<()>(rsp.status(), rsp.headers(), &text, what) {
            Ok(()) | Err(Attempt::Done(())) => {}
            Err(Attempt::Fail(e)) => return Err(e),
            Err(Attempt::Retry { why, .. }) => return Err(ApiError::Other(why)),
        }
        Ok(serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
    }

    /// The open issues of `project` labelled `label`: (iid, description).
    pub async fn open_issues(
        &self,
        project: &str,
        label: &str,
    ) -> Result<Vec<(u64, String)>, ApiError> {
        let project = crate::text::path_segment(project);
        let path = format!(
            "projects/{project}/issues?state=opened&labels={}&per_page=100",
            crate::text::path_segment(label)
        );
        let list = self
            .rest_json(http::Method::GET, &path, None, "listing issues")
            .await?;
        Ok(list
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|i| {
                        Some((
                            i.get("iid")?.as_u64()?,
                            i.get("description")
                                .and_then(serde_json::Value::as_str)
                                .unwrap_or_default()
                                .to_owned(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Opens an issue; its iid.
    pub async fn open_issue(
        &self,
        project: &str,
        title: &str,
        body: &str,
        label: &str,
    ) -> Result<u64, ApiError> {
        let project = crate::text::path_segment(project);
        let created = self
            .rest_json(
                http::Method::POST,
                &format!("projects/{project}/issues"),
                Some(&serde_json::json!({"title": title, "description": body, "labels": label})),
                "opening an issue",
            )
            .await?;
        created
            .get("iid")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| ApiError::Other("opening an issue: no iid in the answer".into()))
    }

    /// Replaces issue `iid`'s description, or closes it (`close`).
    pub async fn edit_issue(
        &self,
        project: &str,
        iid: u64,
        body: Option<&str>,
        close: bool,
    ) -> Result<(), ApiError> {
        let project = crate::text::path_segment(project);
        let mut edit = serde_json::json!({});
        if let Some(b) = body {
            edit["description"] = serde_json::json!(b);
        }
        if close {
            edit["state_event"] = serde_json::json!("close");
        }
        self.rest_json(
            http::Method::PUT,
            &format!("projects/{project}/issues/{iid}"),
            Some(&edit),
            "editing an issue",
        )
        .await
        .map(|_| ())
    }

    /// Adds a note to issue `iid`.
    pub async fn issue_note(&self, project: &str, iid: u64, body: &str) -> Result<(), ApiError> {
        let project = crate::text::path_segment(project);
        self.rest_json(
            http::Method::POST,
            &format!("projects/{project}/issues/{iid}/notes"),
            Some(&serde_json::json!({"body": body})),
            "commenting on an issue",
        )
        .await
        .map(|_| ())
    }
}

impl Host {
    /// The tracker of this project's issues.
    pub fn issues(&self) -> Result<(&RetryingClient, &str), ApiError> {
        Ok((self.conn.get()?, self.project.as_str()))
    }

    /// [`RetryingClient::set_labels`] on this project.
    pub async fn set_labels(&self, iid: u64, add: &str, remove: &[String]) -> Result<(), ApiError> {
        self.conn
            .get()?
            .set_labels(&self.project, iid, add, remove)
            .await
    }
}

#[async_trait]
impl CommentApi for Host {
    async fn comments(&self, iid: u64) -> Result<Vec<HostComment>, ApiError> {
        self.conn.get()?.notes(&self.project, iid).await
    }

    async fn write_comment(
        &self,
        iid: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError> {
        self.conn
            .get()?
            .write_note(&self.project, iid, existing, body)
            .await
    }

    async fn delete_comment(&self, iid: u64, id: u64) -> Result<(), ApiError> {
        self.conn.get()?.delete_note(&self.project, iid, id).await
    }

    async fn merged_requests_for_commit(&self, sha: &str) -> Result<Vec<u64>, ApiError> {
        self.conn
            .get()?
            .merge_requests_for_commit(&self.project, sha)
            .await
    }

    async fn token_identity(&self) -> Result<String, ApiError> {
        self.token_user().await
    }
}
