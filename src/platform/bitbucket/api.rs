//! The Bitbucket Cloud REST API through reqwest: pull request diffstat (following the 302 with
//! the token kept, since the redirect stays on the same host), diffstat ranges, the last
//! successful pipeline of a branch, and the repository's main branch.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::context::{Context, Event, EventKind};
use crate::files::{short, ApiChanges, ChangedFile, FileStatus};
use crate::git::Git;
use crate::platform::http::{
    classify, decode_failure, no_change_list, oversized, reqwest_client, reqwest_client_via,
    same_origin, with_retry, written_id, ApiError, ApiSettings, Attempt, RetryPolicy, Token,
};
use crate::platform::{CommentApi, Connection, HostComment};

use super::detect::DEFAULT_API_URL;

/// Diffstat entries per page: Bitbucket's maximum (the default is 500).
const DIFFSTAT_PAGELEN: u32 = 5000;

/// Redirects a GET follows within the API host.
const MAX_REDIRECTS: usize = 5;

/// Pages are capped so a misbehaving server cannot keep us paging forever.
const MAX_PAGES: usize = 200;

pub struct Client {
    http: reqwest::Client,
    api_url: String,
    repo_url: String,
    token: Token,
    retry: RetryPolicy,
}

#[derive(Deserialize)]
struct Paginated<T> {
    #[serde(default = "Vec::new")]
    values: Vec<T>,
    next: Option<String>,
}

#[derive(Deserialize)]
struct DiffstatPath {
    path: String,
}

#[derive(Deserialize)]
struct Diffstat {
    status: Option<String>,
    old: Option<DiffstatPath>,
    new: Option<DiffstatPath>,
}

fn convert(d: Diffstat) -> Option<ChangedFile> {
    match (d.old, d.new) {
        (Some(old), Some(new)) if old.path != new.path => {
            Some(ChangedFile::renamed(new.path, old.path))
        }
        (_, Some(new)) if d.status.as_deref() == Some("added") => {
            Some(ChangedFile::new(new.path, FileStatus::Added))
        }
        (_, Some(new)) => Some(ChangedFile::new(new.path, FileStatus::Modified)),
        (Some(old), None) => Some(ChangedFile::new(old.path, FileStatus::Removed)),
        (None, None) => None,
    }
}

impl Client {
    pub fn new(
        http: reqwest::Client,
        api_url: &str,
        workspace: &str,
        slug: &str,
        token: &Token,
        retry: RetryPolicy,
    ) -> Result<Self, ApiError> {
        Ok(Self {
            http,
            api_url: api_url.to_owned(),
            repo_url: format!("{api_url}/repositories/{workspace}/{slug}"),
            token: token.clone(),
            retry,
        })
    }

    /// One GET, following redirects within the API's origin (the pull request diffstat answers
    /// 302), at most [`MAX_REDIRECTS`]; a redirect elsewhere, or one too many, is returned as
    /// it came, for [`classify`] to refuse. Writes never follow a redirect.
    async fn get_following(&self, url: &str) -> Result<reqwest::Response, reqwest::Error> {
        let mut current = url.to_owned();
        let mut hops = 0;
        loop {
            let resp = self
                .http
                .get(&current)
                .with_token(&self.token)
                .send()
                .await?;
            let next = resp
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .and_then(|l| url::Url::parse(&current).ok()?.join(l).ok());
            match next {
                Some(next)
                    if resp.status().is_redirection()
                        && hops < MAX_REDIRECTS
                        && same_origin(next.as_str(), &self.api_url) =>
                {
                    current = next.to_string();
                    hops += 1;
                }
                _ => return Ok(resp),
            }
        }
    }

    /// GET an absolute URL on the API host, with retries.
    async fn get<T: DeserializeOwned>(&self, url: &str) -> Result<T, ApiError> {
        let what = url.strip_prefix(&self.api_url).unwrap_or(url).to_owned();
        let what = what.split('?').next().unwrap_or_default().to_owned();
        with_retry(&self.retry, &what, || {
            let what = what.clone();
            async move {
                let resp = match self.get_following(url).await {
                    Ok(r) => r,
                    Err(e) => {
                        return Attempt::Retry {
                            after: None,
                            why: format!("GET {what}: {}", e.without_url()),
                        }
                    }
                };
                let status = resp.status();
                let headers = resp.headers().clone();
                if let Some(refused) = oversized(&what, &headers, None) {
                    return refused;
                }
                let body = match resp.text().await {
                    Ok(b) => b,
                    Err(e) => {
                        return Attempt::Retry {
                            after: None,
                            why: format!("reading {what}: {}", e.without_url()),
                        }
                    }
                };
                if let Some(refused) = oversized(&what, &headers, Some(body.len())) {
                    return refused;
                }
                if let Err(attempt) = classify(status, &headers, &body, &what) {
                    return attempt;
                }
                match serde_json::from_str(&body) {
                    Ok(v) => Attempt::Done(v),
                    Err(e) => decode_failure(&what, e),
                }
            }
        })
        .await
    }

    /// Follows `next` links. A link to another host is refused rather than sent our token.
    async fn all_pages<T: DeserializeOwned>(
        &self,
        first: String,
    ) -> Result<(Vec<T>, usize), ApiError> {
        let mut out = Vec::new();
        let mut url = Some(first);
        let mut pages = 0;
        while let Some(u) = url {
            if !same_origin(&u, &self.api_url) {
                return Err(ApiError::Incomplete(format!(
                    "a `next` link points off the API host: {u}"
                )));
            }
            if pages == MAX_PAGES {
                return Err(ApiError::Incomplete(format!("more than {MAX_PAGES} pages")));
            }
            let page: Paginated<T> = self.get(&u).await?;
            out.extend(page.values);
            url = page.next;
            pages += 1;
        }
        Ok((out, pages))
    }

    async fn diffstat(&self, first: String, label: String) -> Result<ApiChanges, ApiError> {
        let (stats, pages) = self.all_pages::<Diffstat>(first).await?;
        let files: Vec<ChangedFile> = stats.into_iter().filter_map(convert).collect();
        Ok(ApiChanges {
            source: format!(
                "Bitbucket API: {label} ({} files, {pages} page{})",
                files.len(),
                if pages == 1 { "" } else { "s" }
            ),
            files,
        })
    }

    pub async fn pull_request_files(&self, id: u64) -> Result<ApiChanges, ApiError> {
        // Answers 302 to /diffstat/{spec}; reqwest follows it and keeps the token on the same host.
        // Pages are cursors (`next`), so they cannot be fetched at once: the largest page
        // (5000 entries) instead, which holds more than GitHub's 3000-file cap in one answer.
        let url = format!(
            "{}/pullrequests/{id}/diffstat?pagelen={DIFFSTAT_PAGELEN}",
            self.repo_url
        );
        self.diffstat(url, format!("pull request #{id} diffstat"))
            .await
    }

    /// Files changed from `old` to `new`. Bitbucket's spec is `new..old`, the reverse of git.
    /// `topic = true` diffs from the merge-base (as a pull request would).
    pub async fn range_files(
        &self,
        new: &str,
        old: &str,
        topic: bool,
    ) -> Result<ApiChanges, ApiError> {
        let url = format!(
            "{}/diffstat/{new}..{old}?topic={topic}&pagelen={DIFFSTAT_PAGELEN}",
            self.repo_url
        );
        let dots = if topic { "..." } else { ".." };
        self.diffstat(url, format!("diffstat {}{dots}{}", short(old), short(new)))
            .await
    }

    pub async fn main_branch(&self) -> Result<String, ApiError> {
        let repo: Value = self.get(&self.repo_url).await?;
        repo.pointer("/mainbranch/name")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| ApiError::Other("the repository has no mainbranch".to_owned()))
    }

    /// The commit of the newest successful pipeline on `branch` that is an ancestor of `head`:
    /// the best stand-in for the before SHA Bitbucket does not have
    /// (docs/REFERENCES.md, "Bitbucket: no before SHA").
    pub async fn last_successful_commit(
        &self,
        branch: &str,
        head: &str,
        git: &Git,
    ) -> Result<Option<String>, ApiError> {
        let url = format!(
            "{}/pipelines/?target.branch={}&sort=-created_on&pagelen=50",
            self.repo_url,
            crate::text::path_segment(branch)
        );
        let page: Paginated<Value> = self.get(&url).await?;
        let head_full = git.resolve(head);
        for p in page.values {
            let ok = p.pointer("/state/name").and_then(Value::as_str) == Some("COMPLETED")
                && p.pointer("/state/result/name").and_then(Value::as_str) == Some("SUCCESSFUL");
            let Some(hash) = p.pointer("/target/commit/hash").and_then(Value::as_str) else {
                continue;
            };
            if !ok {
                continue;
            }
            // Bitbucket may hand out 12-character hashes: expand before comparing.
            let Some(full) = git.resolve(hash).or_else(|| git.ensure_commit(hash).ok()) else {
                continue;
            };
            if Some(&full) == head_full.as_ref() {
                continue;
            }
            if git
                .run(&[
                    "merge-base",
                    "--is-ancestor",
                    "--end-of-options",
                    &full,
                    head,
                ])
                .is_ok()
            {
                return Ok(Some(full));
            }
        }
        Ok(None)
    }
}

/// The Bitbucket side of the [`crate::platform::Forge`]: one reqwest client, shared by the REST
/// calls and Code Insights.
pub struct Host {
    /// The run's client, or why it could not be built (never a client outside the policy).
    pub(super) http: Result<reqwest::Client, ApiError>,
    conn: Connection<Client>,
    pub(super) api_url: String,
    pub(super) workspace: String,
    pub(super) slug: String,
    pub(super) token: Option<Token>,
}

impl Host {
    pub fn new(
        api_url: &str,
        workspace: &str,
        slug: &str,
        in_pipe: bool,
        api: &ApiSettings,
    ) -> Self {
        let http = http_client(api.token.is_some(), api_url, in_pipe, &api.retry);
        let for_client = http.clone();
        let (url, ws, repo_slug) = (api_url.to_owned(), workspace.to_owned(), slug.to_owned());
        let (token, retry) = (api.token.clone(), api.retry.clone());
        let client = move || {
            match (&for_client, &token) {
            (Ok(http), Some(token)) => Client::new(http.clone(), &url, &ws, &repo_slug, token, retry),
            (Err(e), _) => Err(e.clone()),
            (Ok(_), None) => Err(ApiError::NoToken {
                hint: "Bitbucket Pipelines has no built-in API token; set BITBUCKET_ACCESS_TOKEN (repository access token with pullrequest and pipeline read)".to_owned(),
            }),
        }
        };
        Self {
            http,
            conn: Connection::new(client),
            api_url: api_url.to_owned(),
            workspace: workspace.to_owned(),
            slug: slug.to_owned(),
            token: api.token.clone(),
        }
    }

    /// Fills in what Bitbucket's environment lacks: the default branch (API `mainbranch`, else
    /// `origin/HEAD`, else `main`, said in the returned note).
    pub async fn refine(
        &self,
        ctx: &mut Context,
        git: &Git,
        budget: std::time::Duration,
    ) -> Option<String> {
        if ctx.default_branch.is_some() {
            return None;
        }
        let mut note = None;
        if let Ok(client) = self.conn.get() {
            match tokio::time::timeout(budget, client.main_branch()).await {
                Ok(Ok(b)) => {
                    ctx.default_branch = Some(b);
                    return None;
                }
                Ok(Err(e)) => note = Some(format!("default branch from the API: {e}")),
                Err(_) => {
                    note = Some(format!(
                        "default branch from the API: no answer within {} s",
                        budget.as_secs()
                    ))
                }
            }
        }
        if let Some(b) = git.remote_default_branch() {
            ctx.default_branch = Some(b);
            return note;
        }
        ctx.default_branch = Some("main".to_owned());
        Some(format!(
            "{}the default branch is unknown (no API token, no origin/HEAD); assuming `main`: set --default-branch / KKP_DEFAULT_BRANCH",
            note.map(|n| format!("{n}; ")).unwrap_or_default()
        ))
    }

    /// The change set of the event in `ctx`, from the Bitbucket API.
    pub async fn changed_files(&self, ctx: &Context, git: &Git) -> Result<ApiChanges, ApiError> {
        match &ctx.event {
            Event::PullRequest {
                number: Some(id), ..
            } => self.conn.get()?.pull_request_files(*id).await,
            Event::Push {
                branch,
                after: Some(head),
                ..
            } => {
                let client = self.conn.get()?;
                if let Some(prev) = client.last_successful_commit(branch, head, git).await? {
                    let mut found = client.range_files(head, &prev, false).await?;
                    found.source.push_str(&format!(
                        ", since the last successful pipeline on {branch} ({})",
                        short(&prev)
                    ));
                    return Ok(found);
                }
                match (&ctx.default_branch, ctx.event_kind()) {
                    (Some(default), EventKind::Push) => {
                        let mut found = client.range_files(head, default, true).await?;
                        found.source.push_str(&format!(", against {default}: no earlier successful pipeline on {branch}"));
                        Ok(found)
                    }
                    _ => Err(ApiError::Incomplete(format!(
                        "no earlier successful pipeline on {branch} to compare with (Bitbucket has no before commit)"
                    ))),
                }
            }
            Event::PullRequest { number: None, .. }
            | Event::Push { after: None, .. }
            | Event::MergeQueue { .. }
            | Event::Tag { .. }
            | Event::Schedule
            | Event::Manual => Err(no_change_list(&ctx.describe_event())),
        }
    }
}

/// The run's one Bitbucket HTTP client. With a token it talks to the API directly; without
/// one (inside Pipelines) it goes through the authless proxy (inside a pipe container, on the
/// Docker host), which only Code Insights uses: every other call needs the token.
pub fn http_client(
    has_token: bool,
    api_url: &str,
    in_pipe: bool,
    policy: &RetryPolicy,
) -> Result<reqwest::Client, ApiError> {
    if has_token || api_url != DEFAULT_API_URL {
        return reqwest_client(policy);
    }
    let proxy_host = if in_pipe {
        "host.docker.internal"
    } else {
        "localhost"
    };
    let proxy = reqwest::Proxy::http(format!("http://{proxy_host}:29418"))
        .map_err(|e| ApiError::Other(e.to_string()))?;
    reqwest_client_via(Some(proxy), policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links_must_stay_on_the_api_host() {
        use crate::platform::http::same_origin;
        assert!(same_origin(
            "http://127.0.0.1:9/2.0/x?page=2",
            "http://127.0.0.1:9/2.0"
        ));
        assert!(!same_origin(
            "https://evil.example/2.0/x",
            "https://api.bitbucket.org/2.0"
        ));
        assert!(!same_origin(
            "http://api.bitbucket.org/2.0/x",
            "https://api.bitbucket.org/2.0"
        ));
    }

    #[test]
    fn diffstat_conversion_keeps_both_rename_paths() {
        let d: Diffstat = serde_json::from_str(
            r#"{"status":"renamed","old":{"path":"a/x"},"new":{"path":"b/x"}}"#,
        )
        .unwrap();
        assert_eq!(convert(d), Some(ChangedFile::renamed("b/x", "a/x")));
        let d: Diffstat =
            serde_json::from_str(r#"{"status":"removed","old":{"path":"gone"},"new":null}"#)
                .unwrap();
        assert_eq!(
            convert(d),
            Some(ChangedFile::new("gone", FileStatus::Removed))
        );
    }
}

#[derive(Deserialize)]
struct PrComment {
    id: u64,
    #[serde(default)]
    content: Option<Value>,
    #[serde(default)]
    user: Option<Value>,
    #[serde(default)]
    deleted: bool,
    #[serde(default)]
    created_on: Option<String>,
    #[serde(default)]
    updated_on: Option<String>,
}

impl Client {
    /// Every comment of pull request `pr`, all pages.
    pub async fn comments(&self, pr: u64) -> Result<Vec<HostComment>, ApiError> {
        let (comments, _) = self
            .all_pages::<PrComment>(format!(
                "{}/pullrequests/{pr}/comments?pagelen=100",
                self.repo_url
            ))
            .await?;
        Ok(comments
            .into_iter()
            .filter(|c| !c.deleted)
            .map(|c| HostComment {
                id: c.id,
                author: c
                    .user
                    .as_ref()
                    .and_then(|u| u.get("uuid"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                body: c
                    .content
                    .as_ref()
                    .and_then(|v| v.get("raw"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                updated: c.updated_on.or(c.created_on).unwrap_or_default(),
            })
            .collect())
    }

    /// Deletes a comment. Not retried.
    pub async fn delete_comment(&self, pr: u64, id: u64) -> Result<(), ApiError> {
        let resp = self
            .http
            .delete(format!("{}/pullrequests/{pr}/comments/{id}", self.repo_url))
            .with_token(&self.token)
            .send()
            .await
            .map_err(|e| ApiError::Other(format!("deleting comment {id}: {}", e.without_url())))?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap_or_default();
        match classify::<()>(status, &headers, &text, "deleting a comment") {
            Ok(()) | Err(Attempt::Done(())) => Ok(()),
            Err(Attempt::Fail(e)) => Err(e),
            Err(Attempt::Retry { why, .. }) => Err(ApiError::Other(why)),
        }
    }

    pub async fn write_comment(
        &self,
        pr: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError> {
        let payload = serde_json::json!({"content": {"raw": body}});
        let rb = match existing {
            Some(id) => self
                .http
                .put(format!("{}/pullrequests/{pr}/comments/{id}", self.repo_url)),
            None => self
                .http
                .post(format!("{}/pullrequests/{pr}/comments", self.repo_url)),
        };
        let resp = rb
            .with_token(&self.token)
            .json(&payload)
            .send()
            .await
            .map_err(|e| ApiError::Other(format!("writing the comment: {}", e.without_url())))?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap_or_default();
        written_id(status, &headers, &text)
    }
}

impl Client {
    /// Pull requests that contain a commit, merged ones first.
    pub async fn pulls_for_commit(&self, sha: &str) -> Result<Vec<u64>, ApiError> {
        let (prs, _) = self
            .all_pages::<Value>(format!(
                "{}/commit/{sha}/pullrequests?pagelen=50",
                self.repo_url
            ))
            .await?;
        Ok(prs
            .iter()
            .filter(|p| p.get("state").and_then(Value::as_str) == Some("MERGED"))
            .filter_map(|p| p.get("id").and_then(Value::as_u64))
            .collect())
    }
}

impl Host {
    /// `GET /user`: the UUID of the token's account (what comment authors carry).
    pub async fn token_user(&self) -> Result<String, ApiError> {
        let client = self.conn.get()?;
        let me: Value = client.get(&format!("{}/user", client.api_url)).await?;
        me.get("uuid")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| ApiError::Other("the token's account has no uuid".to_owned()))
    }
}

#[async_trait::async_trait]
impl CommentApi for Host {
    async fn comments(&self, pr: u64) -> Result<Vec<HostComment>, ApiError> {
        self.conn.get()?.comments(pr).await
    }

    async fn write_comment(
        &self,
        pr: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError> {
        self.conn.get()?.write_comment(pr, existing, body).await
    }

    async fn delete_comment(&self, pr: u64, id: u64) -> Result<(), ApiError> {
        self.conn.get()?.delete_comment(pr, id).await
    }

    async fn merged_requests_for_commit(&self, sha: &str) -> Result<Vec<u64>, ApiError> {
        self.conn.get()?.pulls_for_commit(sha).await
    }

    async fn token_identity(&self) -> Result<String, ApiError> {
        self.token_user().await
    }
}

/// How a Bitbucket token authenticates: a user's API token (or app password) is given as
/// `email:token` (`username:password`) and sent with Basic auth; a repository, project or
/// workspace access token is a Bearer token (Bitbucket's authentication docs).
pub trait WithToken {
    fn with_token(self, token: &Token) -> Self;
}

impl WithToken for reqwest::RequestBuilder {
    fn with_token(self, token: &Token) -> Self {
        match token.expose().split_once(':') {
            Some((user, password)) if !user.is_empty() && !password.is_empty() => {
                self.basic_auth(user, Some(password))
            }
            _ => self.bearer_auth(token.expose()),
        }
    }
}
