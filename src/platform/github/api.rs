//! The GitHub REST API through octocrab: pull request files (all pages, fetched concurrently
//! once the count is known) and compare for pushes and merge queues.

use futures::stream::{self, StreamExt, TryStreamExt};
use octocrab::Octocrab;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::context::{Context, Event, EventKind};
use crate::files::{short, ApiChanges, ChangedFile, FileStatus};
use crate::platform::http::{
    classify, decode_failure, no_change_list, oversized, reqwest_client, with_retry, written_id,
    ApiError, ApiSettings, Attempt, RetryPolicy, Token,
};
use crate::platform::{CommentApi, Connection, HostComment, OwnerKind};

/// `GET /pulls/{n}/files` lists at most this many files
/// (docs/REFERENCES.md, "GitHub: pull request files are capped at 3000").
pub const PR_FILES_CAP: u64 = 3000;
/// `GET /compare/{base}...{head}` returns at most this many files, unpaginated.
pub const COMPARE_FILES_CAP: usize = 300;
const PER_PAGE: u64 = 100;

/// A GitHub API client for one repository.
pub struct Client {
    octo: Octocrab,
    repo_path: String,
    retry: RetryPolicy,
}

#[derive(Deserialize)]
struct PullSummary {
    changed_files: Option<u64>,
}

#[derive(Deserialize)]
struct Comparison {
    #[serde(default)]
    files: Option<Vec<ListedFile>>,
}

/// One file of a pull request's or a comparison's list, as much as a decision reads. octocrab's
/// `DiffEntry` model would also parse three URLs and copy the patch of each of up to 3,000
/// files: a tenth of the process's time in the decision bench (docs/BENCHMARKS.md). The other
/// members are skipped unread.
#[derive(Deserialize)]
struct ListedFile {
    filename: String,
    status: ListedStatus,
    #[serde(default)]
    previous_filename: Option<String>,
}

/// The file statuses GitHub's API documents; one it may add later reads as a modification.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum ListedStatus {
    Added,
    Removed,
    Modified,
    Renamed,
    Copied,
    Changed,
    Unchanged,
    #[serde(other)]
    Other,
}

impl Client {
    pub fn new(
        api_url: &str,
        owner: &str,
        name: &str,
        token: &Token,
        retry: RetryPolicy,
    ) -> Result<Self, ApiError> {
        // octocrab over the project's own reqwest client: one HTTP stack for every host, with
        // the same policy (no redirects followed by reqwest, the timeouts, the proxies from the
        // environment snapshot).
        let http = reqwest_client(&retry)?;
        let octo = Octocrab::builder()
            .base_uri(api_url)
            .map_err(|e| ApiError::Other(format!("GITHUB_API_URL {api_url:?} is not a URL: {e}")))?
            .personal_token(token.expose().to_owned())
            .build_with_reqwest(http)
            .map_err(|e| ApiError::Other(format!("cannot build the GitHub client: {e}")))?;
        Ok(Self {
            octo,
            repo_path: format!("/repos/{owner}/{name}"),
            retry,
        })
    }

    /// GET with retries; `path` is relative to the API root (GHES prefixes are kept by octocrab).
    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        with_retry(&self.retry, path, || async move {
            // octocrab's read timeout restarts with every byte; this bounds the whole request.
            let exchange = async {
                let resp = self.octo._get(path).await.map_err(|e| Attempt::Retry {
                    after: None,
                    why: format!("GET {path}: {e}"),
                })?;
                let status = resp.status();
                let headers = resp.headers().clone();
                if let Some(refused) = oversized(path, &headers, None) {
                    return Err(refused);
                }
                let body = self
                    .octo
                    .body_to_string(resp)
                    .await
                    .map_err(|e| Attempt::Retry {
                        after: None,
                        why: format!("reading {path}: {e}"),
                    })?;
                if let Some(refused) = oversized(path, &headers, Some(body.len())) {
                    return Err(refused);
                }
                Ok((status, headers, body))
            };
            let (status, headers, body) =
                match tokio::time::timeout(self.retry.request_timeout, exchange).await {
                    Ok(Ok(answer)) => answer,
                    Ok(Err(attempt)) => return attempt,
                    Err(_) => {
                        return Attempt::Retry {
                            after: None,
                            why: format!(
                                "GET {path}: no answer within {} s",
                                self.retry.request_timeout.as_secs()
                            ),
                        }
                    }
                };
            if let Err(attempt) = classify(status, &headers, &body, path) {
                return attempt;
            }
            match serde_json::from_str(&body) {
                Ok(v) => Attempt::Done(v),
                Err(e) => decode_failure(path, e),
            }
        })
        .await
    }

    /// Every file of a pull request in two round trips: the pull request (its file count) and
    /// the first page together, then every remaining page at once (`concurrency` at a time),
    /// instead of walking `Link: rel=next` one page after another.
    pub async fn pull_request_files(
        &self,
        number: u64,
        concurrency: usize,
    ) -> Result<ApiChanges, ApiError> {
        let page_path = |page: u64| {
            format!(
                "{}/pulls/{number}/files?per_page={PER_PAGE}&page={page}",
                self.repo_path
            )
        };
        let first_path = page_path(1);
        let (pr, first) = futures::future::join(
            self.get::<PullSummary>(&format!("{}/pulls/{number}", self.repo_path)),
            self.get::<Vec<ListedFile>>(&first_path),
        )
        .await;
        let count = pr?.changed_files.unwrap_or(0);
        if count > PR_FILES_CAP {
            return Err(ApiError::Incomplete(format!(
                "pull request #{number} changes {count} files and the API lists at most {PR_FILES_CAP}"
            )));
        }
        let first = first?;
        let pages = count.div_ceil(PER_PAGE).max(1);
        let mut lists: Vec<(u64, Vec<ListedFile>)> = stream::iter(2..=pages)
            .map(|page| async move {
                self.get::<Vec<ListedFile>>(&page_path(page))
                    .await
                    .map(|files| (page, files))
            })
            .buffer_unordered(concurrency.max(1))
            .try_collect()
            .await?;
        lists.push((1, first));
        lists.sort_by_key(|(page, _)| *page);
        let files: Vec<ChangedFile> = lists
            .into_iter()
            .flat_map(|(_, l)| l)
            .map(convert)
            .collect();
        if files.len() as u64 != count {
            // The pull request changed between reading its count and its pages.
            return Err(ApiError::Incomplete(format!(
                "pull request #{number} listed {} files but reports {count}; it changed while being read",
                files.len()
            )));
        }
        Ok(ApiChanges {
            source: format!(
                "GitHub API: pull request #{number} files ({} files, {pages} page{})",
                files.len(),
                if pages == 1 { "" } else { "s" }
            ),
            files,
        })
    }

    /// Files between two commits (`compare/base...head`), refusing the capped answer.
    pub async fn compare(&self, base: &str, head: &str) -> Result<ApiChanges, ApiError> {
        let path = format!("{}/compare/{base}...{head}?per_page=100", self.repo_path);
        let cmp: Comparison = self.get(&path).await?;
        let files = cmp.files.unwrap_or_default();
        if files.len() >= COMPARE_FILES_CAP {
            return Err(ApiError::Incomplete(format!(
                "compare {}...{} returned {} files, the API's cap",
                short(base),
                short(head),
                files.len()
            )));
        }
        Ok(ApiChanges {
            source: format!(
                "GitHub API: compare {}...{} ({} files)",
                short(base),
                short(head),
                files.len()
            ),
            files: files.into_iter().map(convert).collect(),
        })
    }
}

fn convert(entry: ListedFile) -> ChangedFile {
    match (entry.status, entry.previous_filename) {
        (ListedStatus::Renamed | ListedStatus::Copied, Some(old)) => {
            ChangedFile::renamed(entry.filename, old)
        }
        (ListedStatus::Added, _) => ChangedFile::new(entry.filename, FileStatus::Added),
        (ListedStatus::Removed, _) => ChangedFile::new(entry.filename, FileStatus::Removed),
        _ => ChangedFile::new(entry.filename, FileStatus::Modified),
    }
}

/// The GitHub side of the [`crate::platform::Forge`]: one octocrab client for the run.
///
/// octocrab is built without its `follow-redirect` feature, so a redirect comes back as the
/// 3xx response itself and is refused by [`classify`]: nothing is sent to another host.
pub struct Host {
    conn: Connection<Client>,
    concurrency: usize,
}

impl Host {
    pub fn new(api_url: &str, owner: &str, name: &str, api: &ApiSettings) -> Self {
        let (api_url, owner, name) = (api_url.to_owned(), owner.to_owned(), name.to_owned());
        let (token, retry) = (api.token.clone(), api.retry.clone());
        let client = move || {
            match &token {
            Some(token) => Client::new(&api_url, &owner, &name, token, retry),
            None => Err(ApiError::NoToken {
                hint: "pass the token to the step (env GITHUB_TOKEN: ${{ github.token }}) with `pull-requests: read` (`write` to comment)".to_owned(),
            }),
        }
        };
        Self {
            conn: Connection::new(client),
            concurrency: api.concurrency,
        }
    }

    /// The change set of the event in `ctx`, from the GitHub API.
    pub async fn changed_files(&self, ctx: &Context) -> Result<ApiChanges, ApiError> {
        // Decide first whether the API can answer at all, so a missing token is not the reason
        // given for an event the API could not have answered anyway.
        enum Ask<'a> {
            Pull(u64),
            Compare(&'a str, String),
        }
        let ask = match &ctx.event {
            Event::PullRequest { number: Some(n), .. } => Ask::Pull(*n),
            Event::MergeQueue { base_sha: Some(b), head_sha: Some(h), .. } => Ask::Compare(b, h.clone()),
            Event::Push { forced: true, .. } => {
                return Err(ApiError::Other(
                    "force push: a tree diff is used because compare would miss files only the dropped commits touched".to_owned(),
                ))
            }
            Event::Push { before: Some(b), after: Some(a), .. } => Ask::Compare(b, a.clone()),
            Event::Push { before: None, after: Some(a), .. } if ctx.event_kind() == EventKind::Push => {
                match &ctx.default_branch {
                    Some(default) => Ask::Compare(default, a.clone()),
                    None => return Err(ApiError::Other("new branch and the payload names no default branch".to_owned())),
                }
            }
            Event::Push { before: None, .. } => {
                return Err(ApiError::Other("first push of the default branch: nothing to compare with".to_owned()))
            }
            Event::PullRequest { number: None, .. }
            | Event::MergeQueue { .. }
            | Event::Push { after: None, .. }
            | Event::Tag { .. }
            | Event::Schedule
            | Event::Manual => {
                return Err(no_change_list(&ctx.describe_event()))
            }
        };
        let client = self.conn.get()?;
        match ask {
            Ask::Pull(n) => client.pull_request_files(n, self.concurrency).await,
            Ask::Compare(base, head) => client.compare(base, &head).await,
        }
    }
}

#[derive(Deserialize)]
struct IssueComment {
    id: u64,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    user: Option<Login>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    updated_at: Option<String>,
}

#[derive(Deserialize)]
struct Login {
    login: String,
}

impl Client {
    /// The first comment on `number` whose body contains `marker`, walking every page.
    /// Every comment of issue/PR `number`, all pages (at most 10,000).
    pub async fn comments(&self, number: u64) -> Result<Vec<HostComment>, ApiError> {
        let mut out = Vec::new();
        for page in 1..=100u32 {
            let path = format!(
                "{}/issues/{number}/comments?per_page=100&page={page}",
                self.repo_path
            );
            let comments: Vec<IssueComment> = self.get(&path).await?;
            let last = comments.len() < 100;
            out.extend(comments.into_iter().map(|c| HostComment {
                id: c.id,
                author: c.user.map(|u| u.login).unwrap_or_default(),
                body: c.body.unwrap_or_default(),
                updated: c.updated_at.or(c.created_at).unwrap_or_default(),
            }));
            if last {
                break;
            }
        }
        Ok(out)
    }

    /// Adds label `add` to issue or pull request `number` (GitHub creates it when the
    /// repository has none of that name) and removes each of `remove` it carries.
    pub async fn set_labels(
        &self,
        number: u64,
        add: &str,
        remove: &[String],
    ) -> Result<(), ApiError> {
        let what = format!("labelling #{number}");
        let exchange = async {
            let payload = serde_json::json!({ "labels": [add] });
            let resp = self
                .octo
                ._post(
                    format!("{}/issues/{number}/labels", self.repo_path),
                    Some(&payload),
                )
                .await
                .map_err(|e| ApiError::Other(format!("{what}: {e}")))?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let text = self.octo.body_to_string(resp).await.unwrap_or_default();
            match classify::<()>(status, &headers, &text, &what) {
                Ok(()) | Err(Attempt::Done(())) => {}
                Err(Attempt::Fail(e)) => return Err(e),
                Err(Attempt::Retry { why, .. }) => return Err(ApiError::Other(why)),
            }
            for label in remove {
                let path = format!(
                    "{}/issues/{number}/labels/{}",
                    self.repo_path,
                    crate::text::path_segment(label)
                );
                let resp = self
                    .octo
                    ._delete(path.as_str(), None::<&()>)
                    .await
                    .map_err(|e| ApiError::Other(format!("{what}: {e}")))?;
                let status = resp.status();
                let headers = resp.headers().clone();
                let text = self.octo.body_to_string(resp).await.unwrap_or_default();
                match classify::<()>(status, &headers, &text, &what) {
                    // A label the request does not carry: nothing to remove.
                    Ok(())
                    | Err(Attempt::Done(()))
                    | Err(Attempt::Fail(ApiError::NotFound { .. })) => {}
                    Err(Attempt::Fail(e)) => return Err(e),
                    Err(Attempt::Retry { why, .. }) => return Err(ApiError::Other(why)),
                }
            }
            Ok(())
        };
        tokio::time::timeout(self.retry.request_timeout, exchange)
            .await
            .unwrap_or_else(|_| {
                Err(ApiError::Other(format!(
                    "{what}: no answer within {} s",
                    self.retry.request_timeout.as_secs()
                )))
            })
    }

    /// One JSON write (POST or PATCH) to the REST API, its answer parsed. Not retried.
    async fn write_json(
        &self,
        patch: bool,
        path: String,
        body: &serde_json::Value,
        what: &str,
    ) -> Result<serde_json::Value, ApiError> {
        let exchange = async {
            let resp = if patch {
                self.octo._patch(path, Some(body)).await
            } else {
                self.octo._post(path, Some(body)).await
            }
            .map_err(|e| ApiError::Other(format!("{what}: {e}")))?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let text = self.octo.body_to_string(resp).await.unwrap_or_default();
            match classify::<()>(status, &headers, &text, what) {
                Ok(()) | Err(Attempt::Done(())) => {}
                Err(Attempt::Fail(e)) => return Err(e),
                Err(Attempt::Retry { why, .. }) => return Err(ApiError::Other(why)),
            }
            Ok(serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
        };
        tokio::time::timeout(self.retry.request_timeout, exchange)
            .await
            .unwrap_or_else(|_| {
                Err(ApiError::Other(format!(
                    "{what}: no answer within {} s",
                    self.retry.request_timeout.as_secs()
                )))
            })
    }

    /// The open issues (not pull requests) labelled `label`: (number, body).
    pub async fn open_issues(&self, label: &str) -> Result<Vec<(u64, String)>, ApiError> {
        let list: Vec<serde_json::Value> = self
            .get(&format!(
                "{}/issues?state=open&labels={}&per_page=100",
                self.repo_path,
                crate::text::path_segment(label)
            ))
            .await?;
        Ok(list
            .iter()
            .filter(|i| i.get("pull_request").is_none())
            .filter_map(|i| {
                Some((
                    i.get("number")?.as_u64()?,
                    i.get("body")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                ))
            })
            .collect())
    }

    /// Opens an issue; its number.
    pub async fn open_issue(&self, title: &str, body: &str, label: &str) -> Result<u64, ApiError> {
        let created = self
            .write_json(
                false,
                format!("{}/issues", self.repo_path),
                &serde_json::json!({"title": title, "body": body, "labels": [label]}),
                "opening an issue",
            )
            .await?;
        created
            .get("number")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| ApiError::Other("opening an issue: no number in the answer".into()))
    }

    /// Replaces issue `number`'s body, or closes it as completed (`close`).
    pub async fn edit_issue(
        &self,
        number: u64,
        body: Option<&str>,
        close: bool,
    ) -> Result<(), ApiError> {
        let mut edit = serde_json::json!({});
        if let Some(b) = body {
            edit["body"] = serde_json::json!(b);
        }
        if close {
            edit["state"] = serde_json::json!("closed");
            edit["state_reason"] = serde_json::json!("completed");
        }
        self.write_json(
            true,
            format!("{}/issues/{number}", self.repo_path),
            &edit,
            "editing an issue",
        )
        .await
        .map(|_| ())
    }

    /// Deletes a comment. Not retried.
    pub async fn delete_comment(&self, id: u64) -> Result<(), ApiError> {
        let path = format!("{}/issues/comments/{id}", self.repo_path);
        let exchange = async {
            let resp = self
                .octo
                ._delete(path.as_str(), None::<&()>)
                .await
                .map_err(|e| ApiError::Other(format!("deleting comment {id}: {e}")))?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let text = self.octo.body_to_string(resp).await.unwrap_or_default();
            match classify::<()>(status, &headers, &text, "deleting a comment") {
                Ok(()) => Ok(()),
                Err(Attempt::Fail(e)) => Err(e),
                Err(Attempt::Retry { why, .. }) => Err(ApiError::Other(why)),
                Err(Attempt::Done(())) => Ok(()),
            }
        };
        tokio::time::timeout(self.retry.request_timeout, exchange)
            .await
            .unwrap_or_else(|_| {
                Err(ApiError::Other(format!(
                    "deleting comment {id}: no answer within {} s",
                    self.retry.request_timeout.as_secs()
                )))
            })
    }

    /// Creates or (with `existing`) edits a comment. Not retried: a POST is not idempotent.
    pub async fn write_comment(
        &self,
        number: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError> {
        let payload = serde_json::json!({ "body": body });
        let exchange = async {
            let resp = match existing {
                Some(id) => {
                    self.octo
                        ._patch(
                            format!("{}/issues/comments/{id}", self.repo_path),
                            Some(&payload),
                        )
                        .await
                }
                None => {
                    self.octo
                        ._post(
                            format!("{}/issues/{number}/comments", self.repo_path),
                            Some(&payload),
                        )
                        .await
                }
            }
            .map_err(|e| ApiError::Other(format!("writing the comment: {e}")))?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let text = self.octo.body_to_string(resp).await.unwrap_or_default();
            written_id(status, &headers, &text)
        };
        tokio::time::timeout(self.retry.request_timeout, exchange)
            .await
            .unwrap_or_else(|_| {
                Err(ApiError::Other(format!(
                    "writing the comment: no answer within {} s",
                    self.retry.request_timeout.as_secs()
                )))
            })
    }
}

#[derive(Deserialize)]
struct PullRef {
    number: u64,
    #[serde(default)]
    merged_at: Option<String>,
}

impl Client {
    /// The merged pull requests that brought a commit in.
    pub async fn pulls_for_commit(&self, sha: &str) -> Result<Vec<u64>, ApiError> {
        let pulls: Vec<PullRef> = self
            .get(&format!(
                "{}/commits/{sha}/pulls?per_page=100",
                self.repo_path
            ))
            .await?;
        Ok(pulls
            .into_iter()
            .filter(|p| p.merged_at.is_some())
            .map(|p| p.number)
            .collect())
    }
}

#[derive(Deserialize)]
struct Account {
    login: String,
    #[serde(rename = "type", default)]
    kind: String,
}

impl Host {
    /// `GET /user`: the login of the token's user.
    pub async fn token_user(&self) -> Result<String, ApiError> {
        let me: Account = self.conn.get()?.get("/user").await?;
        Ok(me.login)
    }

    /// `GET /users/{owner}`: `"type": "User"` or `"Organization"`.
    pub async fn owner_kind(&self, owner: &str) -> Result<OwnerKind, ApiError> {
        let account: Account = self.conn.get()?.get(&format!("/users/{owner}")).await?;
        Ok(if account.kind == "User" {
            OwnerKind::User
        } else {
            OwnerKind::Organization
        })
    }
}

impl Host {
    /// The client, for the repository's issues.
    pub fn client(&self) -> Result<&Client, ApiError> {
        self.conn.get()
    }

    /// [`Client::set_labels`] on this repository.
    pub async fn set_labels(
        &self,
        number: u64,
        add: &str,
        remove: &[String],
    ) -> Result<(), ApiError> {
        self.conn.get()?.set_labels(number, add, remove).await
    }
}

#[async_trait::async_trait]
impl CommentApi for Host {
    async fn comments(&self, number: u64) -> Result<Vec<HostComment>, ApiError> {
        self.conn.get()?.comments(number).await
    }

    async fn write_comment(
        &self,
        number: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError> {
        self.conn.get()?.write_comment(number, existing, body).await
    }

    async fn delete_comment(&self, _number: u64, id: u64) -> Result<(), ApiError> {
        self.conn.get()?.delete_comment(id).await
    }

    async fn merged_requests_for_commit(&self, sha: &str) -> Result<Vec<u64>, ApiError> {
        self.conn.get()?.pulls_for_commit(sha).await
    }

    async fn token_identity(&self) -> Result<String, ApiError> {
        self.token_user().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_file_reads_its_name_status_and_old_name_and_skips_the_rest() {
        let page = r#"[
            {"sha": "a", "filename": "terraform/main.tf", "status": "modified", "additions": 1,
             "blob_url": "https://github.com/acme/kkp/blob/b/terraform/main.tf",
             "patch": "@@ -1 +1 @@\n-a\n+b"},
            {"filename": "kubeone/new.yaml", "status": "renamed",
             "previous_filename": "kubeone/old.yaml"},
            {"filename": "docs/gone.md", "status": "removed"},
            {"filename": "terraform/x.tf", "status": "added"},
            {"filename": "terraform/y.tf", "status": "a-status-not-yet-documented"}
        ]"#;
        let files: Vec<ChangedFile> = serde_json::from_str::<Vec<ListedFile>>(page)
            .unwrap()
            .into_iter()
            .map(convert)
            .collect();
        assert_eq!(
            files,
            vec![
                ChangedFile::new("terraform/main.tf", FileStatus::Modified),
                ChangedFile::renamed("kubeone/new.yaml", "kubeone/old.yaml"),
                ChangedFile::new("docs/gone.md", FileStatus::Removed),
                ChangedFile::new("terraform/x.tf", FileStatus::Added),
                ChangedFile::new("terraform/y.tf", FileStatus::Modified),
            ]
        );
    }
}
