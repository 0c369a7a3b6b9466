//! Sticky pull/merge request comments on every platform: find the stage's comment by its
//! marker, then edit it (`--comment update`), add a new one (`new`), or do nothing (`off`).

use crate::changes::ApiSettings;
use crate::context::{Context, Event, RepoRef};
use crate::platform::http::ApiError;
use crate::platform::{bitbucket, github, gitlab};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentMode {
    Update,
    New,
    Off,
}

impl CommentMode {
    pub fn parse(v: &str) -> Option<Self> {
        match v {
            "update" => Some(CommentMode::Update),
            "new" => Some(CommentMode::New),
            "off" => Some(CommentMode::Off),
            _ => None,
        }
    }
}

/// The pull/merge request number of the event, if it has one with an API.
pub fn request_number(ctx: &Context) -> Option<u64> {
    match &ctx.event {
        Event::PullRequest { number, .. } | Event::MergeQueue { number, .. } => *number,
        _ => None,
    }
}

/// What happened to the comment.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Created(u64),
    Updated(u64),
}

pub async fn upsert(
    ctx: &Context,
    api: &ApiSettings,
    number: u64,
    marker: &str,
    body: &str,
    mode: CommentMode,
) -> Result<Option<Written>, ApiError> {
    if mode == CommentMode::Off {
        return Ok(None);
    }
    let no_token = |hint: &str| ApiError::NoToken {
        hint: hint.to_owned(),
    };
    match &ctx.repo {
        RepoRef::GitHub {
            owner,
            name,
            api_url,
        } => {
            let token = api
                .token
                .as_ref()
                .ok_or_else(|| no_token("pass a token with pull-requests: write to comment"))?;
            let c = github::api::Client::new(api_url, owner, name, token, api.retry.clone())?;
            let existing = if mode == CommentMode::Update {
                c.find_comment(number, marker).await?.map(|(id, _)| id)
            } else {
                None
            };
            let id = c.write_comment(number, existing, body).await?;
            Ok(Some(if existing.is_some() {
                Written::Updated(id)
            } else {
                Written::Created(id)
            }))
        }
        RepoRef::GitLab { project, api_url } => {
            let token = api.token.as_ref().ok_or_else(|| {
                no_token("set GITLAB_TOKEN (api scope) to write merge request notes")
            })?;
            let c = gitlab::api::RetryingClient::connect(api_url, token, api.retry.clone()).await?;
            let existing = if mode == CommentMode::Update {
                c.find_note(project, number, marker)
                    .await?
                    .map(|(id, _)| id)
            } else {
                None
            };
            let id = c.write_note(project, number, existing, body).await?;
            Ok(Some(if existing.is_some() {
                Written::Updated(id)
            } else {
                Written::Created(id)
            }))
        }
        RepoRef::Bitbucket { .. } => {
            let c = bitbucket::api::client(ctx, api)?;
            let existing = if mode == CommentMode::Update {
                c.find_comment(number, marker).await?.map(|(id, _)| id)
            } else {
                None
            };
            let id = c.write_comment(number, existing, body).await?;
            Ok(Some(if existing.is_some() {
                Written::Updated(id)
            } else {
                Written::Created(id)
            }))
        }
        RepoRef::Local => Ok(None),
    }
}

/// The comment with `marker` on the pull/merge request that brought `sha` in: the reviewed plan.
/// Returns the request number and the comment body.
pub async fn find_reviewed(
    ctx: &Context,
    api: &ApiSettings,
    sha: &str,
    marker: &str,
) -> Result<Option<(u64, String)>, ApiError> {
    let no_token = |hint: &str| ApiError::NoToken {
        hint: hint.to_owned(),
    };
    match &ctx.repo {
        RepoRef::GitHub {
            owner,
            name,
            api_url,
        } => {
            let token = api
                .token
                .as_ref()
                .ok_or_else(|| no_token("pass a token with pull-requests: read"))?;
            let c = github::api::Client::new(api_url, owner, name, token, api.retry.clone())?;
            for n in c.pulls_for_commit(sha).await? {
                if let Some((_, body)) = c.find_comment(n, marker).await? {
                    return Ok(Some((n, body)));
                }
            }
            Ok(None)
        }
        RepoRef::GitLab { project, api_url } => {
            let token = api
                .token
                .as_ref()
                .ok_or_else(|| no_token("set GITLAB_TOKEN (read_api)"))?;
            let c = gitlab::api::RetryingClient::connect(api_url, token, api.retry.clone()).await?;
            for n in c.merge_requests_for_commit(project, sha).await? {
                if let Some((_, body)) = c.find_note(project, n, marker).await? {
                    return Ok(Some((n, body)));
                }
            }
            Ok(None)
        }
        RepoRef::Bitbucket { .. } => {
            let c = bitbucket::api::client(ctx, api)?;
            for n in c.pulls_for_commit(sha).await? {
                if let Some((_, body)) = c.find_comment(n, marker).await? {
                    return Ok(Some((n, body)));
                }
            }
            Ok(None)
        }
        RepoRef::Local => Ok(None),
    }
}
