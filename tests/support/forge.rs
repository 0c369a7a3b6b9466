//! The fake forge: a stateful local HTTP server implementing the GitHub, GitLab and Bitbucket
//! endpoints kkp-delivery uses, shaped after the official API descriptions:
//!
//! - GitHub (`/repos/...`): `GET pulls/{n}` (`changed_files`), `GET pulls/{n}/files` paged with
//!   `per_page` (default 30, max 100) and `Link` headers, capped at 3000 files; `GET
//!   compare/{base}...{head}` with at most 300 files. Auth: `Authorization: Bearer|token`.
//! - GitLab (`/api/v4/...`): `GET user`, `GET projects/{id}/merge_requests/{iid}`
//!   (`changes_count`, `"1000+"` over the diff limits), `.../diffs` paged with `page`/`per_page`
//!   (default 20, max 100) and `X-*` headers, cut at the diff limit; `GET
//!   projects/{id}/repository/compare`. Auth: `PRIVATE-TOKEN`.
//! - Bitbucket (`/2.0/...`): `GET repositories/{ws}/{slug}` (`mainbranch`),
//!   `pullrequests/{id}/diffstat` answering 302 to `diffstat/{spec}`, `diffstat/{spec}` paged
//!   with `pagelen`/`page` and a `next` URL, `pipelines/` filtered by `target.branch`. Auth: Bearer.
//!
//! Faults can be injected per path: HTTP statuses, 429 and 403 rate limits with reset headers,
//! slow and truncated responses. Every request is recorded so tests assert on what the forge
//! received, not only on what the binary printed.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use axum::Router;
use serde_json::{json, Value};

/// One changed file as the forge stores it.
#[derive(Clone, Debug)]
pub struct FileChange {
    pub path: String,
    pub previous: Option<String>,
    /// added, removed, modified or renamed
    pub status: &'static str,
}

impl FileChange {
    pub fn modified(path: &str) -> Self {
        Self {
            path: path.to_owned(),
            previous: None,
            status: "modified",
        }
    }
    pub fn added(path: &str) -> Self {
        Self {
            path: path.to_owned(),
            previous: None,
            status: "added",
        }
    }
    pub fn renamed(from: &str, to: &str) -> Self {
        Self {
            path: to.to_owned(),
            previous: Some(from.to_owned()),
            status: "renamed",
        }
    }
}

pub fn files(paths: &[&str]) -> Vec<FileChange> {
    paths.iter().map(|p| FileChange::modified(p)).collect()
}

/// `n` generated files under `dir`.
pub fn many_files(dir: &str, n: usize) -> Vec<FileChange> {
    (0..n)
        .map(|i| FileChange::modified(&format!("{dir}/file-{i:05}.txt")))
        .collect()
}

#[derive(Clone, Debug)]
pub enum Fault {
    Status(u16),
    /// 429 with `Retry-After` seconds.
    TooManyRequests {
        retry_after: u64,
    },
    /// 403 with `x-ratelimit-remaining: 0` and a reset `reset_in` seconds ahead.
    RateLimited403 {
        reset_in: u64,
    },
    /// 200 with the first half of the real body.
    Truncated,
    Delay(Duration),
    /// 302 to this absolute URL (another host, or the same URL again for a loop).
    Redirect(String),
    /// The connection is dropped without an answer.
    Reset,
    /// GitLab's 429 with `RateLimit-Reset` (epoch seconds) `reset_in` seconds ahead.
    GitLabRateLimit {
        reset_in: u64,
    },
    /// The real answer, with its `next` link pointing at this URL (another host).
    NextElsewhere(String),
}

#[derive(Clone, Debug)]
struct FaultRule {
    /// Only requests of this method (`None`: any).
    method: Option<String>,
    /// A path containing this; ending in `$`, a path equal to it.
    path_contains: String,
    remaining: u32,
    fault: Fault,
}

impl FaultRule {
    fn applies(&self, method: &str, path: &str) -> bool {
        let path_ok = match self.path_contains.strip_suffix('$') {
            Some(exact) => path == exact,
            None => path.contains(&self.path_contains),
        };
        self.remaining > 0 && path_ok && self.method.as_deref().is_none_or(|m| m == method)
    }
}

/// A request the forge received.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub query: String,
    /// The credential presented matched the forge's token.
    pub authorized: bool,
    pub status: u16,
    pub body: String,
}

#[derive(Default)]
pub struct ForgeState {
    pub token: String,
    pub latency: Duration,
    /// Requests being answered now, and the most at once (concurrency benches).
    pub in_flight: usize,
    pub max_in_flight: usize,
    faults: Vec<FaultRule>,
    pub received: Vec<Received>,
    pub gh_pulls: HashMap<u64, Vec<FileChange>>,
    pub gh_compares: HashMap<String, Vec<FileChange>>,
    pub gl_mrs: HashMap<u64, Vec<FileChange>>,
    /// GitLab's maximum diff files (default 1000).
    pub gl_diff_limit: usize,
    pub gl_compares: HashMap<String, Vec<FileChange>>,
    pub bb_main_branch: String,
    pub bb_prs: HashMap<u64, Vec<FileChange>>,
    pub bb_ranges: HashMap<String, Vec<FileChange>>,
    pub bb_pipelines: Vec<Value>,
    /// Code Insights reports by `<commit>/<report id>`, and their annotations.
    pub bb_reports: HashMap<String, Value>,
    pub bb_annotations: HashMap<String, Vec<Value>>,
    /// Pull/merge request comments on every host, by thread (`github:7`, `gitlab:7`, `bitbucket:7`).
    pub comments: Vec<Comment>,
    /// Pull/merge requests that brought each commit in (every host).
    pub commit_prs: HashMap<String, Vec<u64>>,
    /// GitLab-managed Terraform state: state bodies and held locks by state name, and the job
    /// token its basic auth (`gitlab-ci-token:<token>`) must carry.
    pub gl_states: HashMap<String, String>,
    pub gl_locks: HashMap<String, String>,
    pub job_token: String,
    /// GitHub users and organisations, GitLab namespaces: `User` or `Organization`.
    pub owners: HashMap<String, &'static str>,
    /// The token is a GitHub Actions token: `GET /user` is refused and comments are written as
    /// `github-actions[bot]`.
    pub gh_actions_token: bool,
    /// The token is another GitHub App's installation token: `GET /user` is refused and
    /// comments are written as this `<app-slug>[bot]`.
    pub gh_app_bot: Option<&'static str>,
    /// Labels on pull/merge requests, by thread (`github:7`, `gitlab:7`).
    pub labels: HashMap<String, Vec<String>>,
    /// Issues on GitHub and GitLab (the drift tracking issues).
    pub issues: Vec<Issue>,
    /// The forge's clock for comment times, in seconds; and how many comments were deleted
    /// (ids are never reused).
    clock: u64,
    deleted: u64,
}

/// The login the forge's token belongs to: what comments written through the API carry.
pub const BOT: &str = "kkp-bot";
/// The author of comments written with a GitHub Actions token (`gh_actions_token`).
pub const ACTIONS_BOT: &str = "github-actions[bot]";

#[derive(Clone, Debug)]
pub struct Comment {
    pub id: u64,
    pub thread: String,
    pub body: String,
    pub author: String,
    /// Seconds after 2026-11-28T10:00:00Z, from the forge's own clock.
    pub created: u64,
    pub updated: u64,
}

impl Comment {
    fn time(seconds: u64) -> String {
        let (h, m, s) = (10 + seconds / 3600, (seconds / 60) % 60, seconds % 60);
        format!("2026-11-28T{h:02}:{m:02}:{s:02}Z")
    }
}

impl ForgeState {
    pub fn thread(&self, thread: &str) -> Vec<Comment> {
        self.comments
            .iter()
            .filter(|c| c.thread == thread)
            .cloned()
            .collect()
    }

    /// Who the API token is: the author of comments it writes.
    fn token_author(&self) -> &'static str {
        match (self.gh_app_bot, self.gh_actions_token) {
            (Some(app), _) => app,
            (None, true) => ACTIONS_BOT,
            (None, false) => BOT,
        }
    }

    /// Adds a comment by `author` (a test planting someone else's comment uses this).
    pub fn add_comment_by(&mut self, thread: &str, author: &str, body: &str) -> Comment {
        self.clock += 1;
        let c = Comment {
            id: 1000 + self.comments.len() as u64 + self.deleted,
            thread: thread.to_owned(),
            body: body.to_owned(),
            author: author.to_owned(),
            created: self.clock,
            updated: self.clock,
        };
        self.comments.push(c.clone());
        c
    }

    fn add_comment(&mut self, thread: String, body: String) -> Comment {
        let author = self.token_author();
        self.add_comment_by(&thread, author, &body)
    }

    /// Edits comment `id`; `Err(403)` when it is someone else's, `Err(404)` when it is gone.
    fn edit_comment(&mut self, id: u64, body: String) -> Result<Comment, u16> {
        let author = self.token_author();
        self.clock += 1;
        let clock = self.clock;
        let c = self
            .comments
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(404u16)?;
        if c.author != author {
            return Err(403);
        }
        c.body = body;
        c.updated = clock;
        Ok(c.clone())
    }

    fn delete_comment(&mut self, id: u64) -> Result<(), u16> {
        let author = self.token_author();
        let i = self
            .comments
            .iter()
            .position(|c| c.id == id)
            .ok_or(404u16)?;
        if self.comments[i].author != author {
            return Err(403);
        }
        self.comments.remove(i);
        self.deleted += 1;
        Ok(())
    }
}

fn gh_comment(c: &Comment) -> Value {
    gh_shape(
        "get /repos/{owner}/{repo}/issues/{issue_number}/comments",
        json!({"id": c.id, "node_id": format!("IC_{}", c.id), "body": c.body, "user": {"login": c.author, "id": 1, "type": if c.author.ends_with("[bot]") { "Bot" } else { "User" }}, "created_at": Comment::time(c.created), "updated_at": Comment::time(c.updated)}),
    )
}

fn gl_note(c: &Comment) -> Value {
    json!({"id": c.id, "body": c.body, "author": {"id": 1, "username": c.author}, "system": false, "noteable_type": "MergeRequest", "created_at": Comment::time(c.created), "updated_at": Comment::time(c.updated)})
}

/// Bitbucket identifies accounts by UUID; the bot's is the one `GET /user` answers.
pub fn bb_uuid(author: &str) -> String {
    if author == BOT {
        "{0f4e3b2a-1111-4222-8333-944455556666}".to_owned()
    } else {
        format!("{{00000000-0000-4000-8000-{:012x}}}", author.len())
    }
}

fn bb_comment(c: &Comment) -> Value {
    json!({"type": "pullrequest_comment", "id": c.id, "content": {"raw": c.body, "markup": "markdown"}, "deleted": false, "user": {"type": "user", "uuid": bb_uuid(&c.author), "nickname": c.author, "display_name": c.author}, "created_on": Comment::time(c.created), "updated_on": Comment::time(c.updated)})
}

/// A refused or missing comment, as each host words it.
fn comment_refused(code: u16) -> Response {
    match code {
        403 => json_response(
            StatusCode::FORBIDDEN,
            &json!({"message": "You may only edit or delete your own comments"}),
        ),
        _ => not_found(),
    }
}

fn body_field(body: &str, pointer: &str) -> Option<String> {
    serde_json::from_str::<Value>(body)
        .ok()?
        .pointer(pointer)?
        .as_str()
        .map(str::to_owned)
}

/// Comment endpoints of the three hosts (GitHub issue comments with the 65,536-character limit,
/// GitLab merge request notes, Bitbucket pull request comments).
fn comment_route(
    s: &mut ForgeState,
    method: &Method,
    parts: &[&str],
    body: &str,
    q: &HashMap<String, String>,
) -> Option<Response> {
    let m = method.as_str();
    Some(match parts {
        ["repos", _o, _r, "issues", n, "comments"] => {
            let thread = format!("github:{n}");
            match m {
                "GET" => {
                    let per_page = num(q, "per_page", 30).clamp(1, 100);
                    let page = num(q, "page", 1).max(1);
                    let list: Vec<Value> = s
                        .thread(&thread)
                        .iter()
                        .skip((page - 1) * per_page)
                        .take(per_page)
                        .map(gh_comment)
                        .collect();
                    json_response(StatusCode::OK, &Value::Array(list))
                }
                "POST" => match body_field(body, "/body") {
                    Some(b) if b.chars().count() > 65_536 => json_response(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        &json!({"message": "Validation Failed", "errors": [{"message": "Body is too long (maximum is 65536 characters)"}]}),
                    ),
                    Some(b) => {
                        json_response(StatusCode::CREATED, &gh_comment(&s.add_comment(thread, b)))
                    }
                    None => json_response(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        &json!({"message": "Invalid request"}),
                    ),
                },
                _ => return None,
            }
        }
        ["repos", _o, _r, "issues", "comments", id] if m == "PATCH" => {
            match (body_field(body, "/body"), id.parse::<u64>()) {
                (Some(b), _) if b.chars().count() > 65_536 => json_response(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &json!({"message": "Body is too long (maximum is 65536 characters)"}),
                ),
                (Some(b), Ok(id)) => match s.edit_comment(id, b) {
                    Ok(c) => json_response(StatusCode::OK, &gh_comment(&c)),
                    Err(code) => comment_refused(code),
                },
                _ => json_response(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &json!({"message": "Invalid request"}),
                ),
            }
        }
        ["repos", _o, _r, "issues", "comments", id] if m == "DELETE" => {
            match id.parse::<u64>().map(|id| s.delete_comment(id)) {
                Ok(Ok(())) => Response::builder().status(204).body(Body::empty()).unwrap(),
                Ok(Err(code)) => comment_refused(code),
                Err(_) => not_found(),
            }
        }
        ["api", "v4", "projects", _p, "merge_requests", iid, "notes"] => {
            let thread = format!("gitlab:{iid}");
            match m {
                "GET" => {
                    let per_page = num(q, "per_page", 20).clamp(1, 100);
                    let page = num(q, "page", 1).max(1);
                    // GitLab lists notes newest first (sort=desc, order_by=created_at).
                    let mut notes = s.thread(&thread);
                    notes.reverse();
                    let list: Vec<Value> = notes
                        .iter()
                        .skip((page - 1) * per_page)
                        .take(per_page)
                        .map(gl_note)
                        .collect();
                    json_response(StatusCode::OK, &Value::Array(list))
                }
                "POST" => {
                    let b =
                        body_field(body, "/body").or_else(|| query_map(body).get("body").cloned());
                    match b {
                        Some(b) => {
                            json_response(StatusCode::CREATED, &gl_note(&s.add_comment(thread, b)))
                        }
                        None => json_response(
                            StatusCode::BAD_REQUEST,
                            &json!({"message": "400 Bad request - body is missing"}),
                        ),
                    }
                }
                _ => return None,
            }
        }
        ["api", "v4", "projects", _p, "merge_requests", _iid, "notes", id] if m == "PUT" => {
            let b = body_field(body, "/body").or_else(|| query_map(body).get("body").cloned());
            match (b, id.parse::<u64>()) {
                (Some(b), Ok(id)) => match s.edit_comment(id, b) {
                    Ok(c) => json_response(StatusCode::OK, &gl_note(&c)),
                    Err(code) => comment_refused(code),
                },
                (None, _) => json_response(
                    StatusCode::BAD_REQUEST,
                    &json!({"message": "400 Bad request - body is missing"}),
                ),
                _ => not_found(),
            }
        }
        ["api", "v4", "projects", _p, "merge_requests", _iid, "notes", id] if m == "DELETE" => {
            match id.parse::<u64>().map(|id| s.delete_comment(id)) {
                Ok(Ok(())) => Response::builder().status(204).body(Body::empty()).unwrap(),
                Ok(Err(code)) => comment_refused(code),
                Err(_) => not_found(),
            }
        }
        ["2.0", "repositories", _ws, _slug, "pullrequests", id, "comments"] => {
            let thread = format!("bitbucket:{id}");
            match m {
                "GET" => {
                    let values: Vec<Value> = s.thread(&thread).iter().map(bb_comment).collect();
                    json_response(
                        StatusCode::OK,
                        &json!({"pagelen": 100, "page": 1, "size": values.len(), "values": values}),
                    )
                }
                "POST" => match body_field(body, "/content/raw") {
                    Some(b) => {
                        json_response(StatusCode::CREATED, &bb_comment(&s.add_comment(thread, b)))
                    }
                    None => json_response(
                        StatusCode::BAD_REQUEST,
                        &json!({"type": "error", "error": {"message": "content.raw is required"}}),
                    ),
                },
                _ => return None,
            }
        }
        ["2.0", "repositories", _ws, _slug, "pullrequests", _pr, "comments", id] if m == "PUT" => {
            match (body_field(body, "/content/raw"), id.parse::<u64>()) {
                (Some(b), Ok(id)) => match s.edit_comment(id, b) {
                    Ok(c) => json_response(StatusCode::OK, &bb_comment(&c)),
                    Err(code) => comment_refused(code),
                },
                _ => json_response(
                    StatusCode::BAD_REQUEST,
                    &json!({"type": "error", "error": {"message": "content.raw is required"}}),
                ),
            }
        }
        ["2.0", "repositories", _ws, _slug, "pullrequests", _pr, "comments", id]
            if m == "DELETE" =>
        {
            match id.parse::<u64>().map(|id| s.delete_comment(id)) {
                Ok(Ok(())) => Response::builder().status(204).body(Body::empty()).unwrap(),
                Ok(Err(code)) => comment_refused(code),
                Err(_) => not_found(),
            }
        }
        _ => return None,
    })
}

/// An issue (GitHub, GitLab): its comments live in the comment threads (`github:<n>`), its
/// GitLab notes in `gitlab-issue:<iid>`.
#[derive(Clone, Debug)]
pub struct Issue {
    /// `github` or `gitlab`.
    pub host: &'static str,
    pub number: u64,
    pub title: String,
    pub body: String,
    pub labels: Vec<String>,
    pub open: bool,
    pub author: String,
}

fn gh_issue(i: &Issue) -> Value {
    let mut issue = gh_shape(
        "post /repos/{owner}/{repo}/issues",
        json!({"id": i.number, "node_id": format!("I_{}", i.number), "number": i.number, "title": i.title, "body": i.body, "state": if i.open { "open" } else { "closed" }, "user": {"login": i.author, "id": 1, "type": "User"}, "url": format!("https://api.github.com/repos/acme/kkp/issues/{}", i.number), "html_url": format!("https://github.com/acme/kkp/issues/{}", i.number)}),
    );
    // Replaced whole: the example's labels are not this issue's.
    issue["labels"] = Value::Array(i.labels.iter().map(|l| gh_label(l)).collect());
    // An issue is not a pull request (GitHub lists both, marking pull requests).
    if let Some(o) = issue.as_object_mut() {
        o.remove("pull_request");
    }
    issue
}

fn gl_issue(i: &Issue) -> Value {
    json!({"id": i.number, "iid": i.number, "project_id": 42, "title": i.title, "description": i.body, "state": if i.open { "opened" } else { "closed" }, "labels": i.labels, "author": {"id": 1, "username": i.author}})
}

/// Issues: GitHub's list (open, by label; pull requests too, as GitHub lists them), create and
/// edit; GitLab's list, create, edit (`state_event: close`) and notes.
fn issue_route(
    s: &mut ForgeState,
    method: &Method,
    parts: &[&str],
    body: &str,
    q: &HashMap<String, String>,
) -> Option<Response> {
    let m = method.as_str();
    let json_body: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let text = |k: &str| json_body.get(k).and_then(Value::as_str).map(str::to_owned);
    let author = s.token_author().to_owned();
    Some(match parts {
        ["repos", _o, _r, "issues"] if m == "GET" => {
            let label = q.get("labels").cloned().unwrap_or_default();
            let open = q.get("state").map(String::as_str) != Some("closed");
            let list: Vec<Value> = s
                .issues
                .iter()
                .filter(|i| i.host == "github" && i.open == open)
                .filter(|i| label.is_empty() || i.labels.contains(&label))
                .map(gh_issue)
                .collect();
            json_response(StatusCode::OK, &Value::Array(list))
        }
        ["repos", _o, _r, "issues"] if m == "POST" => {
            let Some(title) = text("title") else {
                return Some(json_response(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &json!({"message": "Validation Failed"}),
                ));
            };
            let number = 500 + s.issues.len() as u64;
            let labels = json_body
                .get("labels")
                .and_then(|l| serde_json::from_value::<Vec<String>>(l.clone()).ok())
                .unwrap_or_default();
            let issue = Issue {
                host: "github",
                number,
                title,
                body: text("body").unwrap_or_default(),
                labels,
                open: true,
                author,
            };
            s.issues.push(issue.clone());
            json_response(StatusCode::CREATED, &gh_issue(&issue))
        }
        ["repos", _o, _r, "issues", n] if m == "PATCH" => {
            let n = n.parse::<u64>().unwrap_or(0);
            let Some(issue) = s
                .issues
                .iter_mut()
                .find(|i| i.host == "github" && i.number == n)
            else {
                return Some(not_found());
            };
            if let Some(b) = text("body") {
                issue.body = b;
            }
            if text("state").as_deref() == Some("closed") {
                issue.open = false;
            }
            let issue = issue.clone();
            json_response(StatusCode::OK, &gh_issue(&issue))
        }
        ["api", "v4", "projects", _p, "issues"] if m == "GET" => {
            let label = q.get("labels").cloned().unwrap_or_default();
            let open = q.get("state").map(String::as_str) != Some("closed");
            let list: Vec<Value> = s
                .issues
                .iter()
                .filter(|i| i.host == "gitlab" && i.open == open)
                .filter(|i| label.is_empty() || i.labels.contains(&label))
                .map(gl_issue)
                .collect();
            json_response(StatusCode::OK, &Value::Array(list))
        }
        ["api", "v4", "projects", _p, "issues"] if m == "POST" => {
            let Some(title) = text("title") else {
                return Some(json_response(
                    StatusCode::BAD_REQUEST,
                    &json!({"message": "400 Bad request - title is missing"}),
                ));
            };
            let number = 1 + s.issues.iter().filter(|i| i.host == "gitlab").count() as u64;
            let issue = Issue {
                host: "gitlab",
                number,
                title,
                body: text("description").unwrap_or_default(),
                labels: text("labels")
                    .map(|l| l.split(',').map(str::to_owned).collect())
                    .unwrap_or_default(),
                open: true,
                author,
            };
            s.issues.push(issue.clone());
            json_response(StatusCode::CREATED, &gl_issue(&issue))
        }
        ["api", "v4", "projects", _p, "issues", iid] if m == "PUT" => {
            let n = iid.parse::<u64>().unwrap_or(0);
            let Some(issue) = s
                .issues
                .iter_mut()
                .find(|i| i.host == "gitlab" && i.number == n)
            else {
                return Some(not_found());
            };
            if let Some(b) = text("description") {
                issue.body = b;
            }
            if text("state_event").as_deref() == Some("close") {
                issue.open = false;
            }
            let issue = issue.clone();
            json_response(StatusCode::OK, &gl_issue(&issue))
        }
        ["api", "v4", "projects", _p, "issues", iid, "notes"] if m == "POST" => {
            let note = s.add_comment(
                format!("gitlab-issue:{iid}"),
                text("body").unwrap_or_default(),
            );
            json_response(StatusCode::CREATED, &gl_note(&note))
        }
        _ => return None,
    })
}

/// A GitHub label object.
fn gh_label(name: &str) -> Value {
    json!({"id": 1, "node_id": "LA_1", "url": format!("https://api.github.com/repos/acme/kkp/labels/{name}"), "name": name, "description": null, "color": "ededed", "default": false})
}

/// Pull/merge request labels: GitHub's issue labels (POST adds, creating the label; DELETE
/// removes one, 404 when the issue does not carry it) and GitLab's merge request edit with
/// `add_labels`/`remove_labels` (comma-separated).
fn label_route(
    s: &mut ForgeState,
    method: &Method,
    parts: &[&str],
    body: &str,
) -> Option<Response> {
    let m = method.as_str();
    Some(match parts {
        ["repos", _o, _r, "issues", n, "labels"] if m == "POST" => {
            let thread = format!("github:{n}");
            let Some(add) = serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| v.get("labels").cloned())
                .and_then(|v| serde_json::from_value::<Vec<String>>(v).ok())
            else {
                return Some(json_response(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &json!({"message": "Invalid request"}),
                ));
            };
            let labels = s.labels.entry(thread).or_default();
            for l in add {
                if !labels.contains(&l) {
                    labels.push(l);
                }
            }
            let list: Vec<Value> = labels.iter().map(|l| gh_label(l)).collect();
            json_response(StatusCode::OK, &Value::Array(list))
        }
        ["repos", _o, _r, "issues", n, "labels", name] if m == "DELETE" => {
            let name = percent_decode(name);
            let labels = s.labels.entry(format!("github:{n}")).or_default();
            match labels.iter().position(|l| *l == name) {
                Some(i) => {
                    labels.remove(i);
                    let list: Vec<Value> = labels.iter().map(|l| gh_label(l)).collect();
                    json_response(StatusCode::OK, &Value::Array(list))
                }
                None => json_response(
                    StatusCode::NOT_FOUND,
                    &json!({"message": "Label does not exist", "documentation_url": "https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue", "status": "404"}),
                ),
            }
        }
        ["api", "v4", "projects", _p, "merge_requests", iid] if m == "PUT" => {
            let params = query_map(body);
            let json_body: Value = serde_json::from_str(body).unwrap_or(Value::Null);
            let field = |name: &str| {
                params
                    .get(name)
                    .cloned()
                    .or_else(|| {
                        json_body
                            .get(name)
                            .and_then(Value::as_str)
                            .map(str::to_owned)
                    })
                    .unwrap_or_default()
            };
            let labels = s.labels.entry(format!("gitlab:{iid}")).or_default();
            for l in field("add_labels").split(',').filter(|l| !l.is_empty()) {
                if !labels.iter().any(|x| x == l) {
                    labels.push(l.to_owned());
                }
            }
            let remove = field("remove_labels");
            labels.retain(|l| !remove.split(',').any(|r| r == l));
            json_response(
                StatusCode::OK,
                &json!({"id": 1, "iid": iid.parse::<u64>().unwrap_or(0), "state": "opened", "labels": labels}),
            )
        }
        _ => return None,
    })
}

fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={text}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

pub struct Forge {
    pub url: String,
    state: Arc<Mutex<ForgeState>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Forge {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Forge {
    /// Starts a forge on 127.0.0.1 with a random port, accepting `token`.
    pub fn start(token: &str) -> Self {
        let state = Arc::new(Mutex::new(ForgeState {
            token: token.to_owned(),
            gl_diff_limit: 1000,
            bb_main_branch: "main".to_owned(),
            job_token: "job-token-for-state".to_owned(),
            ..Default::default()
        }));
        let (addr_tx, addr_rx) = std::sync::mpsc::channel::<SocketAddr>();
        let (shutdown_tx, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let shared = state.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let app = Router::new().fallback(handle).with_state(shared);
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = shutdown_rx.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = addr_rx.recv().unwrap();
        Forge {
            url: format!("http://{addr}"),
            state,
            shutdown: Some(shutdown_tx),
            thread: Some(thread),
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut ForgeState) -> R) -> R {
        f(&mut self.state.lock().unwrap())
    }

    pub fn fault(&self, path_contains: &str, times: u32, fault: Fault) {
        self.fault_on(None, path_contains, times, fault);
    }

    /// A fault for requests of `method` only (`None`: any) whose path contains `path` (or, with
    /// a trailing `$`, equals it).
    pub fn fault_on(&self, method: Option<&str>, path: &str, times: u32, fault: Fault) {
        self.with(|s| {
            s.faults.push(FaultRule {
                method: method.map(str::to_owned),
                path_contains: path.to_owned(),
                remaining: times,
                fault,
            })
        });
    }

    /// Removes every fault not used up.
    pub fn clear_faults(&self) {
        self.with(|s| s.faults.clear());
    }

    pub fn received(&self) -> Vec<Received> {
        self.with(|s| s.received.clone())
    }

    /// Requests whose path contains `needle`.
    pub fn hits(&self, needle: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|r| r.path.contains(needle))
            .collect()
    }

    pub fn github_api(&self) -> String {
        self.url.clone()
    }
    pub fn gitlab_api(&self) -> String {
        format!("{}/api/v4", self.url)
    }
    pub fn bitbucket_api(&self) -> String {
        format!("{}/2.0", self.url)
    }
}

fn query_map(query: &str) -> HashMap<String, String> {
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

fn num(q: &HashMap<String, String>, key: &str, default: usize) -> usize {
    q.get(key).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json; charset=utf-8")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn not_found() -> Response {
    json_response(StatusCode::NOT_FOUND, &json!({"message": "Not Found"}))
}

async fn handle(State(state): State<Arc<Mutex<ForgeState>>>, req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or("").to_owned();
    let headers = req.headers().clone();
    let body_bytes = axum::body::to_bytes(req.into_body(), usize::MAX)
        .await
        .unwrap_or_default();
    let body = String::from_utf8_lossy(&body_bytes).into_owned();
    let (latency, fault, authorized) = {
        let mut s = state.lock().unwrap();
        let authorized = if path.contains("/terraform/state/") {
            headers.get("authorization").and_then(|v| v.to_str().ok())
                == Some(
                    format!(
                        "Basic {}",
                        base64(&format!("gitlab-ci-token:{}", s.job_token))
                    )
                    .as_str(),
                )
        } else {
            is_authorized(&headers, &s.token)
        };
        let mut fault = None;
        if let Some(rule) = s
            .faults
            .iter_mut()
            .find(|r| r.applies(method.as_str(), &path))
        {
            rule.remaining -= 1;
            fault = Some(rule.fault.clone());
        }
        s.in_flight += 1;
        s.max_in_flight = s.max_in_flight.max(s.in_flight);
        (s.latency, fault, authorized)
    };
    let mut truncate = false;
    let mut next_elsewhere: Option<String> = None;
    let response = match fault {
        Some(Fault::Status(code)) => Some(json_response(
            StatusCode::from_u16(code).unwrap(),
            &json!({"message": "injected failure"}),
        )),
        Some(Fault::TooManyRequests { retry_after }) => Some(
            Response::builder()
                .status(429)
                .header("retry-after", retry_after.to_string())
                .body(Body::from(r#"{"message":"Too Many Requests"}"#))
                .unwrap(),
        ),
        Some(Fault::RateLimited403 { reset_in }) => {
            let reset = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs()
                + reset_in;
            Some(
                Response::builder()
                    .status(403)
                    .header("x-ratelimit-remaining", "0")
                    .header("x-ratelimit-reset", reset.to_string())
                    .body(Body::from(r#"{"message":"API rate limit exceeded"}"#))
                    .unwrap(),
            )
        }
        Some(Fault::Delay(d)) => {
            tokio::time::sleep(d).await;
            None
        }
        Some(Fault::Truncated) => {
            truncate = true;
            None
        }
        Some(Fault::Reset) => {
            // Dropping the connection: the task serving it ends without an answer.
            state.lock().unwrap().in_flight -= 1;
            std::panic::resume_unwind(Box::new("kkp-test: injected connection reset"))
        }
        Some(Fault::GitLabRateLimit { reset_in }) => {
            let reset = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs()
                + reset_in;
            Some(
                Response::builder()
                    .status(429)
                    .header("ratelimit-reset", reset.to_string())
                    .header("ratelimit-remaining", "0")
                    .body(Body::from(r#"{"message":"Retry later"}"#))
                    .unwrap(),
            )
        }
        Some(Fault::NextElsewhere(url)) => {
            next_elsewhere = Some(url);
            None
        }
        Some(Fault::Redirect(location)) => Some(
            Response::builder()
                .status(302)
                .header("location", location)
                .body(Body::empty())
                .unwrap(),
        ),
        None => None,
    };
    let response = match response {
        Some(r) => r,
        None if !authorized => json_response(
            StatusCode::UNAUTHORIZED,
            &json!({"message": "Bad credentials"}),
        ),
        None => {
            let mut s = state.lock().unwrap();
            route(&mut s, &method, &path, &query, &headers, &body)
        }
    };
    let response = match next_elsewhere {
        Some(url) => {
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
            let mut v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            if let Some(obj) = v.as_object_mut() {
                obj.insert("next".into(), Value::String(url.clone()));
            }
            let mut parts = parts;
            parts.headers.remove("content-length");
            // Link-header paging (GitHub, GitLab) points there too.
            parts.headers.insert(
                "link",
                format!("<{url}?page=2>; rel=\"next\"").parse().unwrap(),
            );
            Response::from_parts(parts, Body::from(v.to_string()))
        }
        None => response,
    };
    let response = if truncate {
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        let half = bytes.slice(0..bytes.len() / 2);
        let mut parts = parts;
        parts.headers.remove("content-length");
        Response::from_parts(parts, Body::from(half))
    } else {
        response
    };
    // The latency is the network's: the answer is made at once (a real host renders it on its
    // own machines, not on the 2 cores the client runs on) and then takes `latency` to arrive.
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    state.lock().unwrap().in_flight -= 1;
    state.lock().unwrap().received.push(Received {
        method: method.to_string(),
        path,
        query,
        authorized,
        status: response.status().as_u16(),
        body,
    });
    response
}

fn base64(input: &str) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in input.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn is_authorized(headers: &HeaderMap, token: &str) -> bool {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let private = headers
        .get("private-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    // A Bitbucket API token (user-bound) comes as Basic `email:token`.
    let basic_password = auth.strip_prefix("Basic ").and_then(|b| {
        use base64::Engine as _;
        let decoded = base64::engine::general_purpose::STANDARD.decode(b).ok()?;
        let text = String::from_utf8(decoded).ok()?;
        text.split_once(':').map(|(_, p)| p.to_owned())
    });
    auth == format!("Bearer {token}")
        || auth == format!("token {token}")
        || private == token
        || basic_password.as_deref() == Some(token)
}

fn route(
    s: &mut ForgeState,
    method: &Method,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    body: &str,
) -> Response {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    // Bitbucket Code Insights: PUT/DELETE a report, POST its annotations (≤100 a request,
    // ≤1000 a report, as Bitbucket enforces).
    if let ["2.0", "repositories", _ws, _slug, "commit", commit, "reports", id, rest @ ..] =
        parts.as_slice()
    {
        let key = format!("{commit}/{id}");
        return match (method.as_str(), rest) {
            ("PUT", []) => match serde_json::from_str::<Value>(body) {
                Ok(mut v) if v.get("title").is_some() && v.get("report_type").is_some() => {
                    // Bitbucket answers with the stored report: its type, uuid and external id.
                    v["type"] = json!("report");
                    v["uuid"] = json!(format!(
                        "{{{:08x}-0000-4000-8000-000000000001}}",
                        s.bb_reports.len()
                    ));
                    v["external_id"] = json!(id);
                    s.bb_reports.insert(key.clone(), v.clone());
                    s.bb_annotations.insert(key, Vec::new());
                    json_response(StatusCode::OK, &v)
                }
                _ => json_response(
                    StatusCode::BAD_REQUEST,
                    &json!({"error": {"message": "title and report_type are required"}}),
                ),
            },
            ("DELETE", []) => {
                s.bb_reports.remove(&key);
                s.bb_annotations.remove(&key);
                Response::builder().status(204).body(Body::empty()).unwrap()
            }
            ("POST", ["annotations"]) => {
                let Ok(Value::Array(items)) = serde_json::from_str::<Value>(body) else {
                    return json_response(
                        StatusCode::BAD_REQUEST,
                        &json!({"error": {"message": "expected an array"}}),
                    );
                };
                let Some(existing) = s.bb_annotations.get_mut(&key) else {
                    return not_found();
                };
                if items.len() > 100 || existing.len() + items.len() > 1000 {
                    return json_response(
                        StatusCode::BAD_REQUEST,
                        &json!({"error": {"message": "too many annotations"}}),
                    );
                }
                // Bitbucket answers with the stored annotations: their type and uuid.
                let stored: Vec<Value> = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut a)| {
                        a["type"] = json!("report_annotation");
                        a["uuid"] = json!(format!(
                            "{{{:08x}-0000-4000-8000-000000000002}}",
                            existing.len() + i
                        ));
                        a
                    })
                    .collect();
                existing.extend(stored.iter().cloned());
                json_response(StatusCode::OK, &Value::Array(stored))
            }
            _ => json_response(
                StatusCode::METHOD_NOT_ALLOWED,
                &json!({"message": "not implemented in the fake forge"}),
            ),
        };
    }
    // GitLab-managed Terraform state (the `http` backend): GET/POST the state, POST/DELETE the
    // lock; a held lock answers 409 with the holder's lock info, as GitLab does.
    if let ["api", "v4", "projects", _p, "terraform", "state", name, rest @ ..] = parts.as_slice() {
        let name = name.to_string();
        return match (method.as_str(), rest) {
            ("GET", []) => match s.gl_states.get(&name) {
                Some(state) => Response::builder()
                    .status(200)
                    .header("content-type", "application/json")
                    .body(Body::from(state.clone()))
                    .unwrap(),
                None => Response::builder().status(204).body(Body::empty()).unwrap(),
            },
            ("POST", []) => {
                s.gl_states.insert(name, body.to_owned());
                Response::builder().status(200).body(Body::empty()).unwrap()
            }
            ("POST", ["lock"]) => match s.gl_locks.get(&name) {
                Some(held) => Response::builder()
                    .status(409)
                    .header("content-type", "application/json")
                    .body(Body::from(held.clone()))
                    .unwrap(),
                None => {
                    s.gl_locks.insert(name, body.to_owned());
                    Response::builder().status(200).body(Body::empty()).unwrap()
                }
            },
            ("DELETE", ["lock"]) => {
                s.gl_locks.remove(&name);
                Response::builder().status(200).body(Body::empty()).unwrap()
            }
            _ => not_found(),
        };
    }
    if let Some(r) = comment_route(s, method, &parts, body, &query_map(query)) {
        return r;
    }
    if let Some(r) = label_route(s, method, &parts, body) {
        return r;
    }
    if let Some(r) = issue_route(s, method, &parts, body, &query_map(query)) {
        return r;
    }
    if method != Method::GET {
        return json_response(
            StatusCode::METHOD_NOT_ALLOWED,
            &json!({"message": "not implemented in the fake forge"}),
        );
    }
    let host = headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_owned();
    let base = format!("http://{host}");
    let q = query_map(query);
    match parts.as_slice() {
        // ---------------- GitHub ----------------
        ["repos", _o, _r, "pulls", n] => match n
            .parse::<u64>()
            .ok()
            .and_then(|n| s.gh_pulls.get(&n).map(|f| (n, f.len())))
        {
            Some((n, count)) => json_response(
                StatusCode::OK,
                &gh_shape(
                    "get /repos/{owner}/{repo}/pulls/{pull_number}",
                    json!({"number": n, "state": "open", "changed_files": count, "requested_teams": []}),
                ),
            ),
            None => not_found(),
        },
        ["repos", o, r, "pulls", n, "files"] => {
            let Some(all) = n.parse::<u64>().ok().and_then(|n| s.gh_pulls.get(&n)) else {
                return not_found();
            };
            let per_page = num(&q, "per_page", 30).clamp(1, 100);
            let page = num(&q, "page", 1).max(1);
            let capped = &all[..all.len().min(3000)];
            let start = (page - 1) * per_page;
            let slice: Vec<Value> = capped
                .iter()
                .skip(start)
                .take(per_page)
                .map(gh_file)
                .collect();
            let last = capped.len().div_ceil(per_page).max(1);
            let mut links = Vec::new();
            let url = |p: usize| {
                format!("<{base}/repos/{o}/{r}/pulls/{n}/files?per_page={per_page}&page={p}>")
            };
            if page < last {
                links.push(format!("{}; rel=\"next\"", url(page + 1)));
                links.push(format!("{}; rel=\"last\"", url(last)));
            }
            let mut resp = json_response(StatusCode::OK, &Value::Array(slice));
            if !links.is_empty() {
                resp.headers_mut()
                    .insert("link", links.join(", ").parse().unwrap());
            }
            resp
        }
        ["repos", _o, _r, "commits", sha, "pulls"] => {
            let prs: Vec<Value> = s
                .commit_prs
                .get(*sha)
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|n| {
                    gh_shape(
                        "get /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
                        json!({"number": n, "state": "closed", "merged_at": "2026-11-28T10:00:00Z", "requested_teams": []}),
                    )
                })
                .collect();
            json_response(StatusCode::OK, &Value::Array(prs))
        }
        ["api", "v4", "projects", _p, "repository", "commits", sha, "merge_requests"] => {
            let mrs: Vec<Value> = s
                .commit_prs
                .get(*sha)
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|n| json!({"id": 1000 + n, "iid": n, "state": "merged"}))
                .collect();
            json_response(StatusCode::OK, &Value::Array(mrs))
        }
        ["2.0", "repositories", _ws, _slug, "commit", sha, "pullrequests"] => {
            let prs: Vec<Value> = s
                .commit_prs
                .get(*sha)
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|n| json!({"type": "pullrequest", "id": n, "state": "MERGED"}))
                .collect();
            json_response(
                StatusCode::OK,
                &json!({"pagelen": 50, "page": 1, "size": prs.len(), "values": prs}),
            )
        }
        ["user"] if s.gh_actions_token || s.gh_app_bot.is_some() => json_response(
            StatusCode::FORBIDDEN,
            &json!({"message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user", "status": "403"}),
        ),
        ["user"] => json_response(
            StatusCode::OK,
            &gh_shape("get /user", json!({"login": BOT, "id": 1, "type": "User"})),
        ),
        ["users", owner] => match s.owners.get(*owner) {
            Some(kind) => json_response(
                StatusCode::OK,
                &gh_shape(
                    "get /users/{username}",
                    json!({"login": owner, "id": 7, "type": kind}),
                ),
            ),
            None => not_found(),
        },
        ["repos", _o, _r, "compare", spec] => match s.gh_compares.get(*spec) {
            Some(all) => {
                let files: Vec<Value> = all.iter().take(300).map(gh_file).collect();
                json_response(
                    StatusCode::OK,
                    &gh_shape(
                        "get /repos/{owner}/{repo}/compare/{basehead}",
                        json!({"status": "ahead", "ahead_by": 1, "behind_by": 0, "total_commits": 1, "files": files}),
                    ),
                )
            }
            None => not_found(),
        },
        // ---------------- GitLab ----------------
        ["api", "v4", "user"] => json_response(
            StatusCode::OK,
            &json!({"id": 1, "username": "kkp-bot", "name": "kkp bot", "state": "active"}),
        ),
        ["api", "v4", "namespaces", path] => {
            let path = path.replace("%2F", "/");
            match s.owners.get(&path) {
                Some(kind) => json_response(
                    StatusCode::OK,
                    &json!({"id": 7, "name": path, "path": path, "full_path": path, "kind": if *kind == "User" { "user" } else { "group" }}),
                ),
                None => not_found(),
            }
        }
        ["api", "v4", "projects", _p, "merge_requests", iid] => match iid
            .parse::<u64>()
            .ok()
            .and_then(|i| s.gl_mrs.get(&i).map(|f| (i, f.len())))
        {
            Some((iid, count)) => {
                let changes_count = if count > s.gl_diff_limit {
                    format!("{}+", s.gl_diff_limit)
                } else {
                    count.to_string()
                };
                json_response(
                    StatusCode::OK,
                    &json!({"id": 1000 + iid, "iid": iid, "state": "opened", "changes_count": changes_count}),
                )
            }
            None => not_found(),
        },
        ["api", "v4", "projects", p, "merge_requests", iid, "diffs"] => {
            let Some(all) = iid.parse::<u64>().ok().and_then(|i| s.gl_mrs.get(&i)) else {
                return not_found();
            };
            let limited = &all[..all.len().min(s.gl_diff_limit)];
            let per_page = num(&q, "per_page", 20).clamp(1, 100);
            let page = num(&q, "page", 1).max(1);
            let slice: Vec<Value> = limited
                .iter()
                .skip((page - 1) * per_page)
                .take(per_page)
                .map(gl_diff)
                .collect();
            let total_pages = limited.len().div_ceil(per_page).max(1);
            let mut resp = json_response(StatusCode::OK, &Value::Array(slice));
            let h = resp.headers_mut();
            h.insert("x-total", limited.len().to_string().parse().unwrap());
            h.insert("x-total-pages", total_pages.to_string().parse().unwrap());
            h.insert("x-page", page.to_string().parse().unwrap());
            h.insert("x-per-page", per_page.to_string().parse().unwrap());
            if page < total_pages {
                h.insert("x-next-page", (page + 1).to_string().parse().unwrap());
                let link = format!("<{base}/api/v4/projects/{p}/merge_requests/{iid}/diffs?page={}&per_page={per_page}>; rel=\"next\"", page + 1);
                h.insert("link", link.parse().unwrap());
            }
            resp
        }
        ["api", "v4", "projects", _p, "repository", "compare"] => {
            let key = format!(
                "{}..{}:{}",
                q.get("from").cloned().unwrap_or_default(),
                q.get("to").cloned().unwrap_or_default(),
                q.get("straight").cloned().unwrap_or_else(|| "false".into())
            );
            match s.gl_compares.get(&key) {
                Some(all) => {
                    let diffs: Vec<Value> = all.iter().take(s.gl_diff_limit).map(gl_diff).collect();
                    json_response(
                        StatusCode::OK,
                        &json!({"commit": null, "commits": [], "diffs": diffs, "compare_timeout": false, "compare_same_ref": false}),
                    )
                }
                None => json_response(
                    StatusCode::NOT_FOUND,
                    &json!({"message": "404 Ref Not Found"}),
                ),
            }
        }
        // ---------------- Bitbucket ----------------
        // A repository, project or workspace access token (Bearer) cannot read the current user:
        // Bitbucket answers 401 (BCLOUD-23528). A user's API token (Basic) can.
        ["2.0", "user"]
            if headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|a| a.starts_with("Bearer ")) =>
        {
            json_response(
                StatusCode::UNAUTHORIZED,
                &json!({"type": "error", "error": {"message": "Token is invalid or not supported for this endpoint."}}),
            )
        }
        ["2.0", "user"] => json_response(
            StatusCode::OK,
            &json!({"type": "user", "uuid": "{0f4e3b2a-1111-4222-8333-944455556666}", "nickname": "kkp-bot", "display_name": "kkp bot", "account_id": "557058:kkp-bot"}),
        ),
        ["2.0", "repositories", ws, slug] => json_response(
            StatusCode::OK,
            &json!({"type": "repository", "full_name": format!("{ws}/{slug}"), "mainbranch": {"type": "branch", "name": s.bb_main_branch}}),
        ),
        ["2.0", "repositories", ws, slug, "pullrequests", id, "diffstat"] => {
            if !s.bb_prs.contains_key(&id.parse::<u64>().unwrap_or(0)) {
                return not_found();
            }
            let location = format!("{base}/2.0/repositories/{ws}/{slug}/diffstat/{ws}/{slug}:pr{id}head%0Dpr{id}base?from_pullrequest_id={id}&topic=true&{query}");
            Response::builder()
                .status(302)
                .header("location", location)
                .body(Body::empty())
                .unwrap()
        }
        ["2.0", "repositories", ws, slug, "diffstat", rest @ ..] => {
            let spec = rest.join("/");
            let all = match q
                .get("from_pullrequest_id")
                .and_then(|id| id.parse::<u64>().ok())
            {
                Some(id) => s.bb_prs.get(&id),
                None => s.bb_ranges.get(&format!(
                    "{spec}:topic={}",
                    q.get("topic").map(String::as_str).unwrap_or("true")
                )),
            };
            let Some(all) = all else { return not_found() };
            let pagelen = num(&q, "pagelen", 500).clamp(1, 5000);
            let page = num(&q, "page", 1).max(1);
            let values: Vec<Value> = all
                .iter()
                .skip((page - 1) * pagelen)
                .take(pagelen)
                .map(bb_stat)
                .collect();
            let mut body =
                json!({"pagelen": pagelen, "values": values, "page": page, "size": all.len()});
            if page * pagelen < all.len() {
                let mut next_q: Vec<(String, String)> = q
                    .iter()
                    .filter(|(k, _)| *k != "page")
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                next_q.push(("page".into(), (page + 1).to_string()));
                let qs = url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(next_q)
                    .finish();
                body["next"] = json!(format!(
                    "{base}/2.0/repositories/{ws}/{slug}/diffstat/{spec}?{qs}"
                ));
            }
            json_response(StatusCode::OK, &body)
        }
        ["2.0", "repositories", _ws, _slug, "pipelines"]
        | ["2.0", "repositories", _ws, _slug, "pipelines", ""] => {
            let branch = q.get("target.branch").cloned();
            let values: Vec<Value> = s
                .bb_pipelines
                .iter()
                .filter(|p| {
                    branch.as_deref().is_none_or(|b| {
                        p.pointer("/target/ref_name").and_then(Value::as_str) == Some(b)
                    })
                })
                .cloned()
                .collect();
            json_response(
                StatusCode::OK,
                &json!({"pagelen": 50, "page": 1, "size": values.len(), "values": values}),
            )
        }
        _ => not_found(),
    }
}

/// The GitHub REST description (`@octokit/openapi`, installed by scripts/install-tools.sh), when
/// present: the fake's GitHub answers start from its example for the operation, so they carry
/// every field the description requires, and `openapi.rs` checks them against its schemas.
pub fn github_description_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/node/node_modules/@octokit/openapi/generated/api.github.com.json")
}

/// The operations the product calls, as `method path-template` with their success status.
pub const GITHUB_OPERATIONS: &[(&str, &str, &str)] = &[
    ("get", "/repos/{owner}/{repo}/pulls/{pull_number}", "200"),
    (
        "get",
        "/repos/{owner}/{repo}/pulls/{pull_number}/files",
        "200",
    ),
    ("get", "/repos/{owner}/{repo}/compare/{basehead}", "200"),
    (
        "get",
        "/repos/{owner}/{repo}/issues/{issue_number}/comments",
        "200",
    ),
    (
        "post",
        "/repos/{owner}/{repo}/issues/{issue_number}/comments",
        "201",
    ),
    (
        "patch",
        "/repos/{owner}/{repo}/issues/comments/{comment_id}",
        "200",
    ),
    (
        "get",
        "/repos/{owner}/{repo}/commits/{commit_sha}/pulls",
        "200",
    ),
    ("get", "/user", "200"),
    ("get", "/users/{username}", "200"),
    (
        "post",
        "/repos/{owner}/{repo}/issues/{issue_number}/labels",
        "200",
    ),
    (
        "delete",
        "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
        "200",
    ),
    ("post", "/repos/{owner}/{repo}/issues", "201"),
    ("get", "/repos/{owner}/{repo}/issues", "200"),
    (
        "patch",
        "/repos/{owner}/{repo}/issues/{issue_number}",
        "200",
    ),
];

/// The example answer of each operation, read once from the description.
fn github_examples() -> &'static HashMap<String, Value> {
    static EXAMPLES: std::sync::OnceLock<HashMap<String, Value>> = std::sync::OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let mut out = HashMap::new();
        let Ok(text) = std::fs::read_to_string(github_description_path()) else {
            return out;
        };
        let Ok(doc) = serde_json::from_str::<Value>(&text) else {
            return out;
        };
        for (method, path, status) in GITHUB_OPERATIONS {
            let content =
                &doc["paths"][path][method]["responses"][status]["content"]["application/json"];
            let Some(first) = content["examples"]
                .as_object()
                .and_then(|e| e.values().next())
            else {
                continue;
            };
            let value = match first["$ref"].as_str() {
                Some(r) => doc["components"]["examples"][r.rsplit('/').next().unwrap_or("")]
                    ["value"]
                    .clone(),
                None => first["value"].clone(),
            };
            out.insert(format!("{method} {path}"), value);
        }
        out
    })
}

/// `overrides` laid over the description's example for `operation` (one element of it, for a
/// list), objects merged key by key; `null` in `overrides` removes a key.
fn gh_shape(operation: &str, overrides: Value) -> Value {
    fn merge(base: &mut Value, over: Value) {
        match (base, over) {
            (Value::Object(b), Value::Object(o)) => {
                for (k, v) in o {
                    if v.is_null() {
                        b.remove(&k);
                    } else {
                        merge(b.entry(k).or_insert(Value::Null), v);
                    }
                }
            }
            (b, o) => *b = o,
        }
    }
    let mut base = match github_examples().get(operation) {
        Some(Value::Array(items)) => items.first().cloned().unwrap_or(Value::Null),
        Some(v) => v.clone(),
        None => Value::Object(Default::default()),
    };
    if !base.is_object() {
        base = Value::Object(Default::default());
    }
    merge(&mut base, overrides);
    base
}

/// One file of a pull request's list, in the description's shape. The shape is laid over the
/// description's example once; each file sets only its own members. (Shaping every file anew
/// cost the fake more CPU than the stage it answers: the decision bench runs both on the same
/// 2 cores, where a real host's answers cost the runner nothing.)
fn gh_file(f: &FileChange) -> Value {
    static SHAPED: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let shaped = SHAPED.get_or_init(|| {
        gh_shape(
            "get /repos/{owner}/{repo}/pulls/{pull_number}/files",
            json!({
                "sha": "bbcd538c8e72b8c175046e27cc8f907076331401",
                "additions": 1, "deletions": 0, "changes": 1,
                "patch": "@@ -0,0 +1 @@\n+x",
                "previous_filename": null
            }),
        )
    });
    let mut v = shaped.clone();
    if let Some(obj) = v.as_object_mut() {
        obj.insert("filename".into(), json!(f.path));
        obj.insert("status".into(), json!(f.status));
        obj.insert(
            "blob_url".into(),
            json!(format!("https://github.example/blob/{}", f.path)),
        );
        obj.insert(
            "raw_url".into(),
            json!(format!("https://github.example/raw/{}", f.path)),
        );
        obj.insert(
            "contents_url".into(),
            json!(format!(
                "https://api.github.example/repos/o/r/contents/{}",
                f.path
            )),
        );
        if let Some(previous) = &f.previous {
            obj.insert("previous_filename".into(), json!(previous));
        }
    }
    v
}

fn gl_diff(f: &FileChange) -> Value {
    json!({
        "old_path": f.previous.clone().unwrap_or_else(|| f.path.clone()),
        "new_path": f.path,
        "a_mode": "100644", "b_mode": "100644",
        "new_file": f.status == "added",
        "renamed_file": f.status == "renamed",
        "deleted_file": f.status == "removed",
        "generated_file": false,
        "diff": "@@ -0,0 +1 @@\n+x"
    })
}

fn bb_stat(f: &FileChange) -> Value {
    let old = match (f.status, &f.previous) {
        ("added", _) => Value::Null,
        (_, Some(p)) => json!({"path": p, "type": "commit_file"}),
        _ => json!({"path": f.path, "type": "commit_file"}),
    };
    let new = if f.status == "removed" {
        Value::Null
    } else {
        json!({"path": f.path, "type": "commit_file"})
    };
    json!({"type": "diffstat", "status": f.status, "lines_added": 1, "lines_removed": 0, "old": old, "new": new})
}

/// A Bitbucket pipeline object as `GET /pipelines/` returns it.
pub fn bb_pipeline(branch: &str, commit: &str, result: &str) -> Value {
    json!({
        "type": "pipeline",
        "uuid": format!("{{{commit}}}"),
        "state": {"name": "COMPLETED", "type": "pipeline_state_completed", "result": {"name": result, "type": "pipeline_state_completed_successful"}},
        "target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": branch, "commit": {"type": "commit", "hash": commit}},
        "created_on": "2026-11-01T10:00:00Z"
    })
}

/// A server that accepts connections and never answers: the host that hangs.
pub struct Hanging {
    pub url: String,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

impl Hanging {
    pub fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            while !flag.load(std::sync::atomic::Ordering::SeqCst) {
                match listener.accept() {
                    // Keep the connection open and say nothing.
                    Ok((conn, _)) => held.push(conn),
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        Hanging { url, stop }
    }
}

impl Drop for Hanging {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}
