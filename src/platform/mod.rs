//! Everything that differs per host lives under this folder, one folder per platform: detection
//! from the environment, the host's REST API, and the publishing details the publisher asks
//! for. The rest of the product talks to a host only through the [`Forge`] built once per run.
//!
//! Every per-host decision is an exhaustive `match` over [`Forge`] or [`Platform`], never a
//! catch-all arm, so adding a platform is a compile error at each place that must decide.

pub mod bitbucket;
pub mod github;
pub mod gitlab;
pub mod http;
pub mod local;

use crate::context::{override_event, Context, DetectOptions, Platform, RepoRef};
use crate::env::{vars, Env};
use crate::error::UsageError;
use crate::files::ApiChanges;
use crate::git::Git;
use crate::report::model::Finding;

use http::{ApiError, ApiSettings};

/// Detects the platform and event. Fails with a usage error (exit 2) when the host's variables
/// or event payload are present but malformed.
pub fn detect(env: &Env, opts: &DetectOptions) -> Result<Context, UsageError> {
    let platform = opts.platform.unwrap_or_else(|| Platform::detect(env));
    let mut ctx = match platform {
        Platform::GitHub => github::detect::detect(env, opts)?,
        Platform::GitLab => gitlab::detect::detect(env, opts)?,
        Platform::Bitbucket => bitbucket::detect::detect(env, opts)?,
        Platform::Local => local::detect(env, opts)?,
    };
    if let Some(branch) = &opts.default_branch {
        ctx.default_branch = Some(branch.clone());
    }
    if let Some(kind) = opts.event {
        ctx.event = override_event(&ctx, kind);
        ctx.trigger = format!("{} (--event {})", ctx.trigger, kind.name());
    }
    Ok(ctx)
}

/// The forge API token for `platform`: `--token`/`KKP_TOKEN` first, else the host's own
/// variable. GitLab's `CI_JOB_TOKEN` is deliberately not used: it cannot read merge request
/// diffs or compare (platform-facts §2.3).
pub fn platform_token(env: &Env, platform: Platform) -> Option<&str> {
    match platform {
        Platform::GitHub => env.get(vars::GITHUB_TOKEN),
        Platform::GitLab => env.get(vars::GITLAB_TOKEN),
        Platform::Bitbucket => env.get(vars::BITBUCKET_ACCESS_TOKEN),
        Platform::Local => None,
    }
}

/// How a sticky comment is written (`--comment`).
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

/// What happened to a sticky comment.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Created(u64),
    Updated(u64),
}

/// Pull/merge request comments, as every host's client offers them.
#[async_trait::async_trait]
pub trait CommentApi: Sync {
    /// The first comment on request `number` whose body contains `marker`: its id and body.
    async fn find_comment(
        &self,
        number: u64,
        marker: &str,
    ) -> Result<Option<(u64, String)>, ApiError>;
    /// Creates a comment, or edits `existing`; returns its id. Never retried: not idempotent.
    async fn write_comment(
        &self,
        number: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError>;
    /// The requests that contain commit `sha`, merged ones first.
    async fn requests_for_commit(&self, sha: &str) -> Result<Vec<u64>, ApiError>;
}

/// Whose an account is: a person's, or an organisation's (a GitHub organization, a GitLab
/// group).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerKind {
    User,
    Organization,
}

/// A Code Insights style report: what the host shows above a commit's findings.
pub struct InsightsReport<'a> {
    /// Unique per commit and stage.
    pub id: &'a str,
    pub title: &'a str,
    pub details: &'a str,
    pub passed: bool,
    /// Numbers shown as data fields (at most 10).
    pub metrics: &'a [(String, u64)],
    /// The check name used in annotation ids.
    pub check: &'a str,
    pub findings: &'a [Finding],
}

/// What a published insights report held.
#[derive(Debug)]
pub struct Published {
    pub annotations: usize,
    pub left_out: usize,
}

/// Terraform state a host manages itself.
pub struct ManagedState {
    /// For messages: `GitLab-managed Terraform state`.
    pub description: &'static str,
    /// The non-secret `TF_HTTP_*` settings.
    pub vars: Vec<(String, String)>,
    /// The variable whose value is the password; only Terraform's environment receives it.
    pub password_var: &'static str,
}

/// How long writing a sticky comment, or finding the reviewed plan, may take in all.
const COMMENTS_BUDGET: std::time::Duration = std::time::Duration::from_secs(60);

/// `work`, or an error naming `what` when it takes longer than `budget`.
async fn within<T>(
    budget: std::time::Duration,
    what: &str,
    work: impl std::future::Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    tokio::time::timeout(budget, work)
        .await
        .unwrap_or_else(|_| {
            Err(ApiError::Other(format!(
                "{what}: the API did not answer within {} s",
                budget.as_secs()
            )))
        })
}

/// A host client, or why there is none (no token, an API URL that does not parse). The reason
/// surfaces only when a call needs the client, so a stage that never asks the host never fails
/// for want of a token.
pub struct Connection<C>(Result<C, ApiError>);

impl<C> Connection<C> {
    pub fn new(client: Result<C, ApiError>) -> Self {
        Self(client)
    }

    pub fn get(&self) -> Result<&C, ApiError> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// The one value per run that owns every host call.
pub enum Forge {
    GitHub(github::api::Host),
    GitLab(gitlab::api::Host),
    Bitbucket(bitbucket::api::Host),
    Local,
}

impl Forge {
    /// Builds the host's client for the repository in `ctx`. Sends nothing. Call it inside the
    /// tokio runtime: octocrab sets up its service stack on it.
    pub fn new(ctx: &Context, api: &ApiSettings) -> Self {
        match &ctx.repo {
            RepoRef::GitHub {
                owner,
                name,
                api_url,
            } => Forge::GitHub(github::api::Host::new(api_url, owner, name, api)),
            RepoRef::GitLab { project, api_url } => {
                Forge::GitLab(gitlab::api::Host::new(api_url, project, api))
            }
            RepoRef::Bitbucket {
                workspace,
                slug,
                api_url,
            } => Forge::Bitbucket(bitbucket::api::Host::new(
                api_url,
                workspace,
                slug,
                ctx.in_bitbucket_pipe,
                api,
            )),
            RepoRef::Local => Forge::Local,
        }
    }

    /// Fills in what the host's environment lacks (Bitbucket: the default branch), returning a
    /// note for the log when it had to guess. Bounded by `budget`: a host that does not answer
    /// leaves the guesses to git.
    pub async fn refine(&self, ctx: &mut Context, budget: std::time::Duration) -> Option<String> {
        match self {
            Forge::Bitbucket(host) => host.refine(ctx, &Git::new(&ctx.workspace), budget).await,
            Forge::GitHub(_) | Forge::GitLab(_) | Forge::Local => None,
        }
    }

    /// The files the event in `ctx` changed, from the host's API, within the change-set budget.
    pub async fn changed_files(
        &self,
        ctx: &Context,
        budget: std::time::Duration,
    ) -> Result<ApiChanges, ApiError> {
        let lookup = async {
            match self {
                Forge::GitHub(host) => host.changed_files(ctx).await,
                Forge::GitLab(host) => host.changed_files(ctx).await,
                Forge::Bitbucket(host) => host.changed_files(ctx, &Git::new(&ctx.workspace)).await,
                Forge::Local => Err(ApiError::Other(
                    "local run: the change set comes from git".to_owned(),
                )),
            }
        };
        match tokio::time::timeout(budget, lookup).await {
            Ok(result) => result,
            Err(_) => Err(ApiError::Other(format!(
                "the API did not answer within {} s",
                budget.as_secs()
            ))),
        }
    }

    /// The most a sticky comment may hold on this host, in characters.
    pub fn comment_limit(&self) -> usize {
        use crate::report::comment as limits;
        match self {
            Forge::GitHub(_) | Forge::Local => limits::GITHUB_COMMENT_MAX,
            Forge::GitLab(_) => limits::GITLAB_NOTE_MAX,
            Forge::Bitbucket(_) => limits::BITBUCKET_COMMENT_MAX,
        }
    }

    /// The host's comment API; none for local runs.
    fn comments(&self) -> Option<&dyn CommentApi> {
        match self {
            Forge::GitHub(host) => Some(host),
            Forge::GitLab(host) => Some(host),
            Forge::Bitbucket(host) => Some(host),
            Forge::Local => None,
        }
    }

    /// Writes the sticky comment with `marker` on request `number`: edits the existing one
    /// (`update`), adds one (`new`), or does nothing (`off`).
    pub async fn upsert_comment(
        &self,
        number: u64,
        marker: &str,
        body: &str,
        mode: CommentMode,
    ) -> Result<Option<Written>, ApiError> {
        let Some(api) = self.comments().filter(|_| mode != CommentMode::Off) else {
            return Ok(None);
        };
        within(COMMENTS_BUDGET, "writing the comment", async {
            let existing = match mode {
                CommentMode::Update => api.find_comment(number, marker).await?.map(|(id, _)| id),
                CommentMode::New | CommentMode::Off => None,
            };
            let id = api.write_comment(number, existing, body).await?;
            Ok(Some(match existing {
                Some(_) => Written::Updated(id),
                None => Written::Created(id),
            }))
        })
        .await
    }

    /// The comment with `marker` on the pull/merge request that brought `sha` in: the reviewed
    /// plan. Returns the request number and the comment body.
    pub async fn find_reviewed(
        &self,
        sha: &str,
        marker: &str,
    ) -> Result<Option<(u64, String)>, ApiError> {
        let Some(api) = self.comments() else {
            return Ok(None);
        };
        within(COMMENTS_BUDGET, "looking up the reviewed plan", async {
            for n in api.requests_for_commit(sha).await? {
                if let Some((_, body)) = api.find_comment(n, marker).await? {
                    return Ok(Some((n, body)));
                }
            }
            Ok(None)
        })
        .await
    }

    /// The identity the forge token belongs to: the GitHub login, the GitLab username, the
    /// Bitbucket account's UUID. `None` for local runs.
    pub async fn token_user(&self) -> Result<Option<String>, ApiError> {
        match self {
            Forge::GitHub(host) => host.token_user().await.map(Some),
            Forge::GitLab(host) => host.token_user().await.map(Some),
            Forge::Bitbucket(host) => host.token_user().await.map(Some),
            Forge::Local => Ok(None),
        }
    }

    /// Whether `owner` (a GitHub user or organization, a GitLab namespace's full path) is a
    /// person's account. `None` where the host has no such distinction (Bitbucket workspaces,
    /// local runs).
    pub async fn owner_kind(&self, owner: &str) -> Result<Option<OwnerKind>, ApiError> {
        match self {
            Forge::GitHub(host) => host.owner_kind(owner).await.map(Some),
            Forge::GitLab(host) => host.owner_kind(owner).await.map(Some),
            Forge::Bitbucket(_) | Forge::Local => Ok(None),
        }
    }

    /// Publishes a Code Insights report where the host has them (Bitbucket); `Ok(None)` where it
    /// does not.
    pub async fn publish_insights(
        &self,
        ctx: &Context,
        report: &InsightsReport<'_>,
    ) -> Result<Option<Published>, ApiError> {
        match self {
            Forge::Bitbucket(host) => host.publish_insights(ctx, report).await.map(Some),
            Forge::GitHub(_) | Forge::GitLab(_) | Forge::Local => Ok(None),
        }
    }

    /// Terraform state the host manages itself (GitLab's HTTP state backend): the `TF_HTTP_*`
    /// settings for state `state_name`, without the password. `None` elsewhere.
    pub fn managed_terraform_state(&self, state_name: &str) -> Option<ManagedState> {
        match self {
            Forge::GitLab(host) => Some(ManagedState {
                description: "GitLab-managed Terraform state",
                vars: host.terraform_state_env(state_name),
                password_var: vars::CI_JOB_TOKEN,
            }),
            Forge::GitHub(_) | Forge::Bitbucket(_) | Forge::Local => None,
        }
    }

    /// The secret a managed Terraform state takes as its password (GitLab: `CI_JOB_TOKEN`),
    /// which only Terraform's own environment receives.
    pub fn managed_terraform_password<'e>(&self, env: &'e Env) -> Option<&'e str> {
        match self {
            Forge::GitLab(_) => env.get(vars::CI_JOB_TOKEN),
            Forge::GitHub(_) | Forge::Bitbucket(_) | Forge::Local => None,
        }
    }
}
