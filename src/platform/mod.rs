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

use http::{ApiError, ApiSettings, Token};

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
/// diffs or compare (docs/REFERENCES.md, "GitLab: CI_JOB_TOKEN").
pub fn platform_token(env: &Env, platform: Platform) -> Option<&str> {
    match platform {
        Platform::GitHub => env.get(vars::GITHUB_TOKEN),
        Platform::GitLab => env.get(vars::GITLAB_TOKEN),
        Platform::Bitbucket => env.get(vars::BITBUCKET_ACCESS_TOKEN),
        Platform::Local => None,
    }
}

/// A status comment a stage writes on a request when the token cannot say who it is (a
/// Bitbucket access token): the comment it writes tells the run its identity, so the bot's
/// own earlier comments can be told from anyone else's.
#[derive(Clone, Copy, Debug)]
pub struct Announcement<'a> {
    /// The sticky marker of the status comment (one per stage and root).
    pub marker: &'a str,
    pub body: &'a str,
}

/// How a sticky comment is written (`--comment`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentMode {
    Update,
    New,
    Off,
    /// As `update`, but a plan without changes creates no comment; an existing one is
    /// updated to say there are none.
    ChangesOnly,
}

impl CommentMode {
    pub fn parse(v: &str) -> Option<Self> {
        match v {
            "update" => Some(CommentMode::Update),
            "new" => Some(CommentMode::New),
            "off" => Some(CommentMode::Off),
            "changes-only" => Some(CommentMode::ChangesOnly),
            _ => None,
        }
    }
}

/// The label of the drift tracking issues.
pub const DRIFT_LABEL: &str = "kkp-drift";

/// What happened to an installation's drift tracking issue.
#[derive(Debug, PartialEq, Eq)]
pub enum Tracked {
    Opened(u64),
    Updated(u64),
    Closed(u64),
    /// A clean plan and no open issue.
    Nothing,
}

/// The marker that identifies the tracking issue of `key`.
pub fn drift_marker(key: &str) -> String {
    format!("<!-- kkp-drift:{key} -->")
}

/// The marker of a comment a newer one replaced (`--comment new`): never the reviewed plan.
pub const OUTDATED_MARKER: &str = "<!-- kkp-outdated -->";

/// What happened to a sticky comment.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Created(u64),
    Updated(u64),
}

/// One comment on a pull/merge request, as every host describes it.
#[derive(Clone, Debug)]
pub struct HostComment {
    pub id: u64,
    /// The author's identity, as [`Forge::bot_identity`] names accounts on that host.
    pub author: String,
    pub body: String,
    /// The host's timestamp of the last change (RFC 3339; one format per host, so they sort).
    pub updated: String,
}

/// Pull/merge request comments, as every host's client offers them.
#[async_trait::async_trait]
pub trait CommentApi: Sync {
    /// Every comment on request `number`.
    async fn comments(&self, number: u64) -> Result<Vec<HostComment>, ApiError>;
    /// Creates a comment, or edits `existing`; returns its id. Never retried: not idempotent.
    async fn write_comment(
        &self,
        number: u64,
        existing: Option<u64>,
        body: &str,
    ) -> Result<u64, ApiError>;
    /// Deletes one of the bot's own comments.
    async fn delete_comment(&self, number: u64, id: u64) -> Result<(), ApiError>;
    /// The merged requests that brought commit `sha` in.
    async fn merged_requests_for_commit(&self, sha: &str) -> Result<Vec<u64>, ApiError>;
    /// The identity of the token, as comment authors are named; `Err(Auth)` when the host
    /// refuses to say (a GitHub Actions token).
    async fn token_identity(&self) -> Result<String, ApiError>;
}

/// Whose an account is: a person's, or an organisation's (a GitHub organization, a GitLab
/// group).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerKind {
    User,
    Organization,
}

/// How `flux bootstrap` reaches this repository on its host (docs/REFERENCES.md,
/// "Design: flux-bootstrap"): the provider subcommand, the flags that name the repository,
/// and the credential flux needs.
#[derive(Clone, Debug)]
pub struct FluxSource {
    /// `github`, `gitlab` or `git`.
    pub provider: &'static str,
    /// `--owner`/`--repository`/`--hostname`, or `--url`/`--silent`.
    pub args: Vec<String>,
    pub credential: FluxCredential,
    /// The account whose kind decides `--personal` ([`Forge::owner_kind`]); `None` where the
    /// host has no such flag.
    pub owner: Option<String>,
    /// The repository for messages: `acme/kkp`.
    pub repository: String,
}

/// What flux authenticates to the repository with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FluxCredential {
    /// A token, given to flux in this environment variable (flux's own name for it).
    Token(&'static str),
    /// An SSH private key, given to flux as `--private-key-file`.
    SshKey,
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
    pub password_var: crate::env::Var,
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
///
/// The client is built on first use: building one loads the system's root certificates, a
/// few milliseconds that a stage deciding from the event alone never needs to spend.
pub struct Connection<C> {
    make: std::sync::Mutex<Option<MakeClient<C>>>,
    client: std::sync::OnceLock<Result<C, ApiError>>,
}

type MakeClient<C> = Box<dyn FnOnce() -> Result<C, ApiError> + Send>;

impl<C> Connection<C> {
    pub fn new(make: impl FnOnce() -> Result<C, ApiError> + Send + 'static) -> Self {
        Self {
            make: std::sync::Mutex::new(Some(Box::new(make))),
            client: std::sync::OnceLock::new(),
        }
    }

    pub fn get(&self) -> Result<&C, ApiError> {
        self.client
            .get_or_init(|| {
                let make = self.make.lock().ok().and_then(|mut m| m.take());
                match make {
                    Some(make) => make(),
                    None => Err(ApiError::Other(
                        "the API client could not be built".to_owned(),
                    )),
                }
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// The one value per run that owns every host call.
pub struct Forge {
    host: Host,
    /// `--bot-login`: the identity the token's comments carry, where the host cannot say.
    bot_login: Option<String>,
    /// The bot's identity, asked once (or learned from a comment it wrote).
    bot: tokio::sync::OnceCell<String>,
    /// The host refused to say who the token is: not asked again.
    identity_refused: std::sync::atomic::AtomicBool,
    /// How the host was reached, for a second client with another token.
    settings: ApiSettings,
}

/// The host the run talks to. Every per-host decision is an exhaustive `match` over it.
pub enum Host {
    GitHub(github::api::Host),
    GitLab(gitlab::api::Host),
    Bitbucket(bitbucket::api::Host),
    Local,
}

impl Forge {
    /// Builds the host's client for the repository in `ctx`. Sends nothing. Call it inside the
    /// tokio runtime: octocrab sets up its service stack on it.
    pub fn new(ctx: &Context, api: &ApiSettings) -> Self {
        let host = match &ctx.repo {
            RepoRef::GitHub {
                owner,
                name,
                api_url,
            } => Host::GitHub(github::api::Host::new(api_url, owner, name, api)),
            RepoRef::GitLab { project, api_url } => {
                Host::GitLab(gitlab::api::Host::new(api_url, project, api))
            }
            RepoRef::Bitbucket {
                workspace,
                slug,
                api_url,
            } => Host::Bitbucket(bitbucket::api::Host::new(
                api_url,
                workspace,
                slug,
                ctx.in_bitbucket_pipe,
                api,
            )),
            RepoRef::Local => Host::Local,
        };
        Forge {
            host,
            bot_login: api.bot_login.clone(),
            bot: tokio::sync::OnceCell::new(),
            identity_refused: std::sync::atomic::AtomicBool::new(false),
            settings: api.clone(),
        }
    }

    /// Fills in what the host's environment lacks (Bitbucket: the default branch), returning a
    /// note for the log when it had to guess. Bounded by `budget`: a host that does not answer
    /// leaves the guesses to git.
    pub async fn refine(&self, ctx: &mut Context, budget: std::time::Duration) -> Option<String> {
        match &self.host {
            Host::Bitbucket(host) => host.refine(ctx, &Git::new(&ctx.workspace), budget).await,
            Host::GitHub(_) | Host::GitLab(_) | Host::Local => None,
        }
    }

    /// The files the event in `ctx` changed, from the host's API, within the change-set budget.
    pub async fn changed_files(
        &self,
        ctx: &Context,
        budget: std::time::Duration,
    ) -> Result<ApiChanges, ApiError> {
        let lookup = async {
            match &self.host {
                Host::GitHub(host) => host.changed_files(ctx).await,
                Host::GitLab(host) => host.changed_files(ctx).await,
                Host::Bitbucket(host) => host.changed_files(ctx, &Git::new(&ctx.workspace)).await,
                Host::Local => Err(ApiError::Other(
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
        match &self.host {
            Host::GitHub(_) | Host::Local => limits::GITHUB_COMMENT_MAX,
            Host::GitLab(_) => limits::GITLAB_NOTE_MAX,
            Host::Bitbucket(_) => limits::BITBUCKET_COMMENT_MAX,
        }
    }

    /// The host's comment API; none for local runs.
    fn comments(&self) -> Option<&dyn CommentApi> {
        match &self.host {
            Host::GitHub(host) => Some(host),
            Host::GitLab(host) => Some(host),
            Host::Bitbucket(host) => Some(host),
            Host::Local => None,
        }
    }

    /// The identity comments by this run's token carry: `--bot-login` when given; else the
    /// token's user (`GET /user`), or the author of a comment the run wrote where the host
    /// refuses to say ([`Forge::known_bot`]). Asked once per run.
    pub async fn bot_identity(&self) -> Result<String, ApiError> {
        let Some(api) = self.comments() else {
            return Err(ApiError::Other("local runs have no comments".to_owned()));
        };
        self.bot
            .get_or_try_init(|| async {
                if let Some(login) = &self.bot_login {
                    return Ok(login.clone());
                }
                api.token_identity().await
            })
            .await
            .cloned()
    }

    /// The bot's identity, or `None` when the host will not say and no write has told it yet:
    /// GitHub refuses `GET /user` to the Actions token and every App installation token
    /// (403), and Bitbucket to repository, project and workspace access tokens (401;
    /// docs/REFERENCES.md). Their identity is learned from the first comment the run writes
    /// ([`Forge::learn_bot`]).
    async fn known_bot(&self) -> Result<Option<String>, ApiError> {
        use std::sync::atomic::Ordering;
        if let Some(bot) = self.bot.get() {
            return Ok(Some(bot.clone()));
        }
        if self.identity_refused.load(Ordering::SeqCst) {
            return Ok(None);
        }
        let refused = match self.bot_identity().await {
            Ok(bot) => return Ok(Some(bot)),
            Err(ApiError::Auth { status: 401, .. }) if matches!(self.host, Host::Bitbucket(_)) => {
                true
            }
            Err(ApiError::Auth { status: 403, .. }) if matches!(self.host, Host::GitHub(_)) => true,
            Err(e) => return Err(e),
        };
        self.identity_refused.store(refused, Ordering::SeqCst);
        Ok(None)
    }

    /// Whom the bot presumably is while the host will not say: the Actions token's
    /// `github-actions[bot]` on GitHub, the identity of this repository's own workflows.
    /// Only ever used to find a comment to edit (an edit of another's comment is refused, and
    /// then the run writes a new one and learns who it is) or, for the apply guard, a plan
    /// comment this repository's own workflows wrote.
    fn presumed_bot(&self) -> Option<&'static str> {
        match &self.host {
            Host::GitHub(_) => Some("github-actions[bot]"),
            Host::GitLab(_) | Host::Bitbucket(_) | Host::Local => None,
        }
    }

    /// Learns the bot's identity from comment `id` it just wrote on request `number`: its
    /// author, as the host lists it.
    async fn learn_bot(&self, api: &dyn CommentApi, number: u64, id: u64) -> Result<(), ApiError> {
        let author = api
            .comments(number)
            .await?
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.author)
            .ok_or_else(|| {
                ApiError::Other(format!(
                    "comment {id} just written is not listed on the request: cannot tell who the token is"
                ))
            })?;
        // Another task of this run may have learned it first: the same author.
        let _ = self.bot.set(author);
        Ok(())
    }

    /// The bot's own comments on request `number` that carry `marker`, oldest change first.
    /// Anyone may post a comment with the marker; only the bot's count.
    async fn own_comments(
        &self,
        api: &dyn CommentApi,
        number: u64,
        marker: &str,
    ) -> Result<Vec<HostComment>, ApiError> {
        let bot = self.bot_identity().await?;
        self.comments_by(api, number, marker, &bot).await
    }

    /// The comments by `author` on request `number` that carry `marker` and are not marked
    /// outdated, oldest change first.
    async fn comments_by(
        &self,
        api: &dyn CommentApi,
        number: u64,
        marker: &str,
        author: &str,
    ) -> Result<Vec<HostComment>, ApiError> {
        let mut own: Vec<HostComment> = api
            .comments(number)
            .await?
            .into_iter()
            .filter(|c| {
                c.author == author && c.body.contains(marker) && !c.body.contains(OUTDATED_MARKER)
            })
            .collect();
        own.sort_by(|a, b| (&a.updated, a.id).cmp(&(&b.updated, b.id)));
        Ok(own)
    }

    /// Writes the sticky comment with `marker` on request `number`: edits the bot's own most
    /// recent one (`update`, `changes-only`), or adds one (`new`, marking the bot's earlier ones
    /// outdated), or does nothing (`off`). Never edits anyone else's comment; a refused edit is
    /// an error. After creating one, the bot's comments are listed again and duplicates (another
    /// run created one at the same time) are removed, keeping the oldest, which gets this run's
    /// body.
    pub async fn upsert_comment(
        &self,
        number: u64,
        marker: &str,
        body: &str,
        mode: CommentMode,
    ) -> Result<Option<Written>, ApiError> {
        self.upsert_comment_with(number, marker, &|_| body.to_owned(), mode)
            .await
    }

    /// [`Forge::upsert_comment`] with the body made from the body of the comment it replaces
    /// (`None` for a new one): a failed plan keeps the last good plan it replaces.
    pub async fn upsert_comment_with(
        &self,
        number: u64,
        marker: &str,
        compose: &(dyn Fn(Option<&str>) -> String + Sync),
        mode: CommentMode,
    ) -> Result<Option<Written>, ApiError> {
        let Some(api) = self.comments().filter(|_| mode != CommentMode::Off) else {
            return Ok(None);
        };
        within(COMMENTS_BUDGET, "writing the comment", async {
            let bot = self.known_bot().await?;
            let updating = matches!(mode, CommentMode::Update | CommentMode::ChangesOnly);
            // The earlier comment to edit: the bot's own; while the host will not say who the
            // bot is, the presumed identity's (the edit proves it, or is refused).
            let author = bot.as_deref().or(self.presumed_bot());
            let earlier = match (updating, author) {
                (true, Some(author)) => self.comments_by(api, number, marker, author).await?.pop(),
                _ => None,
            };
            let mut existing = earlier.as_ref().map(|c| c.id);
            let body = compose(earlier.as_ref().map(|c| c.body.as_str()));
            let body = body.as_str();
            let id = match (existing, &bot) {
                (Some(id), None) => match api.write_comment(number, Some(id), body).await {
                    Ok(id) => {
                        if let Some(presumed) = self.presumed_bot() {
                            let _ = self.bot.set(presumed.to_owned());
                        }
                        id
                    }
                    // Not the presumed identity after all: a comment of its own tells it.
                    Err(ApiError::Auth { .. } | ApiError::NotFound { .. }) => {
                        existing = None;
                        api.write_comment(number, None, &compose(None)).await?
                    }
                    Err(e) => return Err(e),
                },
                (existing, _) => api.write_comment(number, existing, body).await?,
            };
            if self.bot.get().is_none() && bot.is_none() {
                self.learn_bot(api, number, id).await?;
            }
            if existing.is_some() {
                return Ok(Some(Written::Updated(id)));
            }
            if mode == CommentMode::New {
                self.mark_outdated(api, number, marker, id).await?;
                return Ok(Some(Written::Created(id)));
            }
            let mut own = self.own_comments(api, number, marker).await?;
            own.sort_by_key(|c| c.id);
            let Some(kept) = own.first() else {
                return Ok(Some(Written::Created(id)));
            };
            let keep = kept.id;
            for extra in own.iter().skip(1) {
                match api.delete_comment(number, extra.id).await {
                    // The other run removed it first.
                    Ok(()) | Err(ApiError::NotFound { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            if keep == id {
                Ok(Some(Written::Created(id)))
            } else {
                // The kept comment is the earlier one this run could not see before it knew
                // who it is: the body is made from it.
                let body = compose(Some(kept.body.as_str()));
                api.write_comment(number, Some(keep), &body).await?;
                Ok(Some(Written::Updated(keep)))
            }
        })
        .await
    }

    /// Marks the bot's comments with `marker` other than `newest` outdated: a status line
    /// saying a newer one follows, and no fingerprint, so none of them is ever taken for the
    /// reviewed plan.
    async fn mark_outdated(
        &self,
        api: &dyn CommentApi,
        number: u64,
        marker: &str,
        newest: u64,
    ) -> Result<(), ApiError> {
        use crate::report::comment::{with_status, without_fingerprint};
        for older in self.own_comments(api, number, marker).await? {
            if older.id >= newest {
                continue;
            }
            let body = with_status(
                &without_fingerprint(&older.body),
                &format!("{OUTDATED_MARKER}\n> ⚠️ **Outdated**: a newer plan is posted below; this one is no longer current."),
            );
            match api.write_comment(number, Some(older.id), &body).await {
                Ok(_) | Err(ApiError::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The bot's most recent comment with `marker` on request `number`, when the bot's
    /// identity is known (or presumed); `None` otherwise.
    pub async fn own_comment(
        &self,
        number: u64,
        marker: &str,
    ) -> Result<Option<HostComment>, ApiError> {
        let Some(api) = self.comments() else {
            return Ok(None);
        };
        within(COMMENTS_BUDGET, "reading the comment", async {
            let bot = self.known_bot().await?;
            let Some(author) = bot.as_deref().or(self.presumed_bot()) else {
                return Ok(None);
            };
            Ok(self.comments_by(api, number, marker, author).await?.pop())
        })
        .await
    }

    /// Replaces the body of the bot's comment `id` on request `number`.
    pub async fn edit_comment(&self, number: u64, id: u64, body: &str) -> Result<(), ApiError> {
        let Some(api) = self.comments() else {
            return Ok(());
        };
        within(COMMENTS_BUDGET, "editing the comment", async {
            api.write_comment(number, Some(id), body).await.map(|_| ())
        })
        .await
    }

    /// The bot's comment with `marker` on request `number`, for the apply guard. While the
    /// host will not say who the bot is, the presumed identity's comment is taken (on GitHub,
    /// a comment of this repository's own workflows); when there is none, `announce` is
    /// written on the request first (a sticky status comment), which tells who the bot is.
    async fn reviewed_comment(
        &self,
        api: &dyn CommentApi,
        number: u64,
        marker: &str,
        announce: &Announcement<'_>,
    ) -> Result<Option<HostComment>, ApiError> {
        if self.known_bot().await?.is_none() {
            if let Some(presumed) = self.presumed_bot() {
                if let Some(found) = self.comments_by(api, number, marker, presumed).await?.pop() {
                    return Ok(Some(found));
                }
            }
            self.upsert_comment(number, announce.marker, announce.body, CommentMode::Update)
                .await?;
        }
        within(COMMENTS_BUDGET, "looking up the reviewed plan", async {
            Ok(self.own_comments(api, number, marker).await?.pop())
        })
        .await
    }

    /// The bot's most recent comment with `marker` on request `number`: the plan reviewed
    /// there.
    pub async fn reviewed_on(
        &self,
        number: u64,
        marker: &str,
        announce: &Announcement<'_>,
    ) -> Result<Option<HostComment>, ApiError> {
        let Some(api) = self.comments() else {
            return Ok(None);
        };
        self.reviewed_comment(api, number, marker, announce).await
    }

    /// The bot's comment with `marker` on the merged pull/merge request that brought `sha` in:
    /// the reviewed plan. Returns the request number and the comment.
    pub async fn find_reviewed(
        &self,
        sha: &str,
        marker: &str,
        announce: &Announcement<'_>,
    ) -> Result<Option<(u64, HostComment)>, ApiError> {
        let Some(api) = self.comments() else {
            return Ok(None);
        };
        within(COMMENTS_BUDGET, "looking up the reviewed plan", async {
            for n in api.merged_requests_for_commit(sha).await? {
                if let Some(c) = self.reviewed_comment(api, n, marker, announce).await? {
                    return Ok(Some((n, c)));
                }
            }
            Ok(None)
        })
        .await
    }

    /// The identity the forge token belongs to: the GitHub login, the GitLab username, the
    /// Bitbucket account's UUID. `None` for local runs.
    pub async fn token_user(&self) -> Result<Option<String>, ApiError> {
        match &self.host {
            Host::GitHub(host) => host.token_user().await.map(Some),
            Host::GitLab(host) => host.token_user().await.map(Some),
            Host::Bitbucket(host) => host.token_user().await.map(Some),
            Host::Local => Ok(None),
        }
    }

    /// How `flux bootstrap` reaches this repository: GitHub (`--hostname` for Enterprise
    /// Server, from `GITHUB_SERVER_URL`), GitLab (the namespace and project path from
    /// `CI_PROJECT_PATH`, the host from `CI_SERVER_FQDN`), Bitbucket (plain git over SSH).
    pub fn flux_source(&self, ctx: &Context, env: &Env) -> Result<FluxSource, UsageError> {
        match &ctx.repo {
            RepoRef::GitHub { owner, name, .. } => {
                let mut args = vec![format!("--owner={owner}"), format!("--repository={name}")];
                let server = env
                    .get(vars::GITHUB_SERVER_URL)
                    .unwrap_or("https://github.com");
                let host = server
                    .trim_start_matches("https://")
                    .trim_start_matches("http://")
                    .trim_end_matches('/');
                if !host.is_empty() && host != "github.com" {
                    args.push(format!("--hostname={host}"));
                }
                Ok(FluxSource {
                    provider: "github",
                    args,
                    credential: FluxCredential::Token("GITHUB_TOKEN"),
                    owner: Some(owner.clone()),
                    repository: format!("{owner}/{name}"),
                })
            }
            RepoRef::GitLab { project, .. } => {
                // The API may name the project by id; flux needs its path.
                let project = env.get(vars::CI_PROJECT_PATH).unwrap_or(project);
                let Some((namespace, name)) = project.rsplit_once('/') else {
                    return Err(UsageError::invalid(
                        "CI_PROJECT_PATH",
                        "the project's path, namespace/project",
                        project,
                    ));
                };
                let host = env
                    .get(vars::CI_SERVER_FQDN)
                    .or_else(|| env.get(vars::CI_SERVER_HOST))
                    .unwrap_or("gitlab.com");
                Ok(FluxSource {
                    provider: "gitlab",
                    args: vec![
                        format!("--owner={namespace}"),
                        format!("--repository={name}"),
                        format!("--hostname={host}"),
                    ],
                    credential: FluxCredential::Token("GITLAB_TOKEN"),
                    owner: Some(namespace.to_owned()),
                    repository: project.to_owned(),
                })
            }
            RepoRef::Bitbucket {
                workspace, slug, ..
            } => Ok(FluxSource {
                provider: "git",
                args: vec![
                    format!("--url=ssh://git@bitbucket.org/{workspace}/{slug}.git"),
                    // Without it flux asks, on a terminal there is none of, to confirm the key.
                    "--silent".to_owned(),
                ],
                credential: FluxCredential::SshKey,
                owner: None,
                repository: format!("{workspace}/{slug}"),
            }),
            RepoRef::Local => Err(UsageError::invalid(
                vars::KKP_PLATFORM,
                "github, gitlab or bitbucket: flux bootstrap commits Flux's manifests to the \
                 repository's host",
                "local",
            )),
        }
    }

    /// Whether `owner` (a GitHub user or organization, a GitLab namespace's full path) is a
    /// person's account. `None` where the host has no such distinction (Bitbucket workspaces,
    /// local runs).
    pub async fn owner_kind(&self, owner: &str) -> Result<Option<OwnerKind>, ApiError> {
        match &self.host {
            Host::GitHub(host) => host.owner_kind(owner).await.map(Some),
            Host::GitLab(host) => host.owner_kind(owner).await.map(Some),
            Host::Bitbucket(_) | Host::Local => Ok(None),
        }
    }

    /// [`Forge::owner_kind`] with the stage's forge token, or, when the run has none, with
    /// `fallback` (flux-bootstrap's `KKP_FLUX_TOKEN`, which can read the owner too).
    pub async fn owner_kind_or_with(
        &self,
        ctx: &Context,
        owner: &str,
        fallback: Option<&str>,
    ) -> Result<Option<OwnerKind>, ApiError> {
        match (&self.settings.token, fallback) {
            (None, Some(token)) => {
                let settings = ApiSettings {
                    token: Some(Token::new(token)),
                    ..self.settings.clone()
                };
                Forge::new(ctx, &settings).owner_kind(owner).await
            }
            _ => self.owner_kind(owner).await,
        }
    }

    /// Whether the host has an issue tracker the drift issues go to (GitHub, GitLab).
    pub fn has_issue_tracker(&self) -> bool {
        match &self.host {
            Host::GitHub(_) | Host::GitLab(_) => true,
            Host::Bitbucket(_) | Host::Local => false,
        }
    }

    /// Opens, updates or closes the drift tracking issue of `drift.key`: one open issue per key
    /// (found by its hidden marker among the open issues labelled [`DRIFT_LABEL`]); changes
    /// open it or replace its body, a clean plan comments and closes it. `Ok(None)` where the
    /// host has no issue tracker.
    pub async fn track_drift(
        &self,
        drift: &crate::report::model::DriftReport,
    ) -> Result<Option<Tracked>, ApiError> {
        let marker = drift_marker(&drift.key);
        let body = format!("{marker}\n{}", drift.body);
        let work = async {
            let tracked = match &self.host {
                Host::GitHub(host) => {
                    let c = host.client()?;
                    let open = c.open_issues(DRIFT_LABEL).await?;
                    let found = open
                        .iter()
                        .find(|(_, b)| b.contains(&marker))
                        .map(|(n, _)| *n);
                    match (found, drift.changes) {
                        (Some(n), true) => {
                            c.edit_issue(n, Some(&body), false).await?;
                            Tracked::Updated(n)
                        }
                        (None, true) => {
                            Tracked::Opened(c.open_issue(&drift.title, &body, DRIFT_LABEL).await?)
                        }
                        (Some(n), false) => {
                            c.write_comment(n, None, &drift.resolved).await?;
                            c.edit_issue(n, None, true).await?;
                            Tracked::Closed(n)
                        }
                        (None, false) => Tracked::Nothing,
                    }
                }
                Host::GitLab(host) => {
                    let (c, project) = host.issues()?;
                    let open = c.open_issues(project, DRIFT_LABEL).await?;
                    let found = open
                        .iter()
                        .find(|(_, b)| b.contains(&marker))
                        .map(|(n, _)| *n);
                    match (found, drift.changes) {
                        (Some(n), true) => {
                            c.edit_issue(project, n, Some(&body), false).await?;
                            Tracked::Updated(n)
                        }
                        (None, true) => Tracked::Opened(
                            c.open_issue(project, &drift.title, &body, DRIFT_LABEL)
                                .await?,
                        ),
                        (Some(n), false) => {
                            c.issue_note(project, n, &drift.resolved).await?;
                            c.edit_issue(project, n, None, true).await?;
                            Tracked::Closed(n)
                        }
                        (None, false) => Tracked::Nothing,
                    }
                }
                Host::Bitbucket(_) | Host::Local => return Ok(None),
            };
            Ok(Some(tracked))
        };
        within(COMMENTS_BUDGET, "tracking the drift", work).await
    }

    /// Sets label `add` on request `number` and removes `remove`, where the host has labels
    /// (GitHub, GitLab): `Ok(false)` where it has none (Bitbucket, local runs).
    pub async fn set_labels(
        &self,
        number: u64,
        add: &str,
        remove: &[String],
    ) -> Result<bool, ApiError> {
        let work = async {
            match &self.host {
                Host::GitHub(host) => host.set_labels(number, add, remove).await.map(|_| true),
                Host::GitLab(host) => host.set_labels(number, add, remove).await.map(|_| true),
                Host::Bitbucket(_) | Host::Local => Ok(false),
            }
        };
        within(COMMENTS_BUDGET, "setting the labels", work).await
    }

    /// Publishes a Code Insights report where the host has them (Bitbucket); `Ok(None)` where it
    /// does not.
    pub async fn publish_insights(
        &self,
        ctx: &Context,
        report: &InsightsReport<'_>,
    ) -> Result<Option<Published>, ApiError> {
        match &self.host {
            Host::Bitbucket(host) => host.publish_insights(ctx, report).await.map(Some),
            Host::GitHub(_) | Host::GitLab(_) | Host::Local => Ok(None),
        }
    }

    /// Terraform state the host manages itself (GitLab's HTTP state backend): the `TF_HTTP_*`
    /// settings for state `state_name`, without the password. `None` elsewhere.
    pub fn managed_terraform_state(&self, state_name: &str) -> Option<ManagedState> {
        match &self.host {
            Host::GitLab(host) => Some(ManagedState {
                description: "GitLab-managed Terraform state",
                vars: host.terraform_state_env(state_name),
                password_var: vars::CI_JOB_TOKEN,
            }),
            Host::GitHub(_) | Host::Bitbucket(_) | Host::Local => None,
        }
    }

    /// The secret a managed Terraform state takes as its password (GitLab: `CI_JOB_TOKEN`),
    /// which only Terraform's own environment receives.
    pub fn managed_terraform_password<'e>(&self, env: &'e Env) -> Option<&'e str> {
        match &self.host {
            Host::GitLab(_) => env.get(vars::CI_JOB_TOKEN),
            Host::GitHub(_) | Host::Bitbucket(_) | Host::Local => None,
        }
    }
}
