//! The command line: flags (each with a `KKP_*` variable), their resolution against the
//! environment snapshot, and the two entry points (a stage, and `explain`).

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::changes::filter::PathFilter;
use crate::changes::git::Git;
use crate::changes::{self, ApiSettings, ChangeSet};
use crate::context::{self, Context, DetectOptions, EventKind, Platform};
use crate::decision::{self, Decision, OnUnknown, Rules, Verdict};
use crate::env::{vars, Env};
use crate::error::{StageError, UsageError};
use crate::platform::bitbucket;
use crate::platform::comments::CommentMode;
use crate::platform::http::{RetryPolicy, Token};
use crate::publish::{self, verdict_label, Sinks};
use crate::stages::run::StageRun;
use crate::stages::{
    terraform_apply, terraform_backend_prepare, terraform_plan, terraform_validate, Stage,
    DEFAULT_PATHS,
};

const AFTER_HELP: &str = "\
Every flag can also be set through its environment variable (shown as [env: …]); action inputs,
GitLab component inputs and Bitbucket pipe variables all arrive that way. A flag wins over its
variable.

Exit status: 0 ran and succeeded, or skipped by decision; 1 ran and failed (or --on-unknown fail);
2 bad input or environment (the message names the flag or variable).";

/// Flags shared by every stage and by `explain`.
#[derive(Args, Clone, Debug, Default)]
pub struct CommonArgs {
    /// Trigger globs, newline- or comma-separated; `!` excludes, later patterns win, `*` stops at
    /// `/`, `**` crosses it [env: KKP_PATHS] [default: kubeone/**, kubermatic/**, terraform/**,
    /// .github/**, .gitlab-ci.yml, bitbucket-pipelines.yml]
    #[arg(long, value_name = "GLOBS")]
    pub paths: Option<String>,
    /// Events the stage runs on, comma-separated: pull-request, push-default, push, tag,
    /// schedule, manual, merge-queue [env: KKP_RUN_ON] [default: per stage]
    #[arg(long, value_name = "EVENTS")]
    pub run_on: Option<String>,
    /// Run regardless of the event and of the changed files [env: KKP_FORCE]
    #[arg(long)]
    pub force: bool,
    /// What to do when the changed files cannot be determined: run, skip or fail
    /// [env: KKP_ON_UNKNOWN] [default: run]
    #[arg(long, value_name = "ACTION")]
    pub on_unknown: Option<String>,
    /// Decide and publish the decision, but do not run the tool [env: KKP_DECIDE_ONLY]
    #[arg(long)]
    pub decide_only: bool,
    /// The stage's folder, such as terraform/aws [env: KKP_WORKING_DIRECTORY]
    #[arg(long, value_name = "DIR")]
    pub working_directory: Option<PathBuf>,
    /// Override platform detection: github, gitlab, bitbucket or local [env: KKP_PLATFORM]
    #[arg(long, value_name = "PLATFORM")]
    pub platform: Option<String>,
    /// Forge API token; else GITHUB_TOKEN / GITLAB_TOKEN / BITBUCKET_ACCESS_TOKEN [env: KKP_TOKEN]
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Sticky comment mode: update (one comment per stage), new or off [env: KKP_COMMENT]
    #[arg(long, value_name = "MODE")]
    pub comment: Option<String>,
    /// Compare with this commit instead of the event's base (local runs, custom pipelines)
    /// [env: KKP_BASE]
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Treat the run as this event kind (e.g. `manual` for a Bitbucket custom pipeline)
    /// [env: KKP_EVENT]
    #[arg(long, value_name = "EVENT")]
    pub event: Option<String>,
    /// The default branch, where the platform does not say (Bitbucket, local)
    /// [env: KKP_DEFAULT_BRANCH]
    #[arg(long, value_name = "BRANCH")]
    pub default_branch: Option<String>,
    /// A `-backend-config` file for `terraform init`, relative to the repository root
    /// [env: KKP_BACKEND_CONFIG]
    #[arg(long, value_name = "FILE")]
    pub backend_config: Option<PathBuf>,
    /// terraform-apply: apply even when the plan differs from the reviewed one, or none was
    /// found [env: KKP_ALLOW_UNREVIEWED_CHANGES]
    #[arg(long)]
    pub allow_unreviewed_changes: bool,
    /// API pages fetched at once; 1 pages sequentially [env: KKP_API_CONCURRENCY] [default: 8]
    #[arg(long, value_name = "N")]
    pub api_concurrency: Option<String>,
    /// Longest wait for a rate limit to reset, in seconds, before falling back to git
    /// [env: KKP_API_MAX_WAIT] [default: 60]
    #[arg(long, value_name = "SECONDS")]
    pub api_max_wait: Option<String>,
}

#[derive(Parser, Debug)]
#[command(
    name = "kkp-delivery",
    version,
    about = "Take a Kubermatic KKP repository from commit to running platform, one CI stage at a time",
    long_about = "Take a Kubermatic KKP repository from commit to running platform, one CI stage at a time.\n\n\
Each stage decides whether to run from the event (pull request, push to the default branch, …) and \
the files it changed, says why, runs its tool, and publishes the result in the platform's own way \
(GitHub annotations and summaries, GitLab reports, Bitbucket Code Insights).",
    after_help = AFTER_HELP
)]
struct MainCli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print, for every stage, run or skip, the reason and the matched files
    Explain(CommonArgs),
    /// Print GitLab's terraform report ({"create","update","delete"}) for `terraform show -json`
    /// files, streamed in bounded memory. Several files (one per root) give one combined report,
    /// since GitLab's merge request widget shows a single plan per pipeline
    PlanReport {
        /// `terraform show -json <plan>` outputs, such as each root's kkp.tfplan.json
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// terraform init -backend=false, validate -json and fmt -check
    TerraformValidate(CommonArgs),
    /// Create the Terraform state bucket and lock (idempotent)
    TerraformBackendPrepare(CommonArgs),
    /// terraform init, plan -out and show -json
    TerraformPlan(CommonArgs),
    /// Apply the reviewed plan
    TerraformApply(CommonArgs),
    /// kubeone apply with the Terraform outputs
    KubeoneApply(CommonArgs),
    /// sops -d and kubermatic-installer deploy
    KkpDeploy(CommonArgs),
    /// Register the KKP ingress address in Route53
    DnsUpdate(CommonArgs),
    /// flux bootstrap github / gitlab / git
    FluxBootstrap(CommonArgs),
}

/// Arguments of a single-stage executable (`kkp-terraform-plan`).
#[derive(Parser, Debug)]
struct StageCli {
    #[command(flatten)]
    common: CommonArgs,
}

/// Flags resolved against the environment and validated.
#[derive(Debug)]
pub struct Settings {
    pub backend_config: Option<PathBuf>,
    pub allow_unreviewed: bool,
    pub rules: Rules,
    pub comment: CommentMode,
    pub decide_only: bool,
    pub working_directory: Option<PathBuf>,
    pub detect: DetectOptions,
    pub token_override: Option<Token>,
    pub concurrency: usize,
    pub max_wait: Duration,
}

fn pick(flag: Option<String>, env: &Env, var: &str) -> Option<(String, &'static str)> {
    flag.map(|v| (v, "flag"))
        .or_else(|| env.get(var).map(|v| (v.to_owned(), "env")))
}

fn source_name(flag: &str, var: &str, from: &str) -> String {
    if from == "flag" {
        flag.to_owned()
    } else {
        var.to_owned()
    }
}

fn parse_bool(env: &Env, var: &str) -> Result<bool, UsageError> {
    match env.get(var) {
        None => Ok(false),
        Some(v) => match v.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(true),
            "false" | "0" | "no" => Ok(false),
            _ => Err(UsageError::invalid(var, "true or false", v)),
        },
    }
}

impl Settings {
    pub fn resolve(
        args: CommonArgs,
        env: &Env,
        stage: Option<Stage>,
        cwd: PathBuf,
    ) -> Result<Self, UsageError> {
        let paths = match pick(args.paths, env, vars::KKP_PATHS) {
            Some((spec, from)) => {
                PathFilter::parse(&spec, &source_name("--paths", vars::KKP_PATHS, from))?
            }
            None => PathFilter::from_patterns(DEFAULT_PATHS, "--paths")?,
        };
        let run_on = match pick(args.run_on, env, vars::KKP_RUN_ON) {
            Some((spec, from)) => {
                let name = source_name("--run-on", vars::KKP_RUN_ON, from);
                let mut kinds = Vec::new();
                for part in spec
                    .split([',', '\n', ' '])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    kinds.push(EventKind::parse(part).ok_or_else(|| {
                        UsageError::invalid(&name, "event kinds from pull-request, push-default, push, tag, schedule, manual, merge-queue", part)
                    })?);
                }
                if kinds.is_empty() {
                    return Err(UsageError::invalid(&name, "at least one event kind", &spec));
                }
                kinds
            }
            None => stage
                .map(|s| s.default_run_on().to_vec())
                .unwrap_or_default(),
        };
        let on_unknown = match pick(args.on_unknown, env, vars::KKP_ON_UNKNOWN) {
            Some((v, from)) => OnUnknown::parse(&v).ok_or_else(|| {
                UsageError::invalid(
                    &source_name("--on-unknown", vars::KKP_ON_UNKNOWN, from),
                    "run, skip or fail",
                    &v,
                )
            })?,
            None => OnUnknown::Run,
        };
        let force = args.force || parse_bool(env, vars::KKP_FORCE)?;
        let decide_only = args.decide_only || parse_bool(env, vars::KKP_DECIDE_ONLY)?;
        let platform = match pick(args.platform, env, vars::KKP_PLATFORM) {
            Some((v, from)) => Some(Platform::parse(&v).ok_or_else(|| {
                UsageError::invalid(
                    &source_name("--platform", vars::KKP_PLATFORM, from),
                    "github, gitlab, bitbucket or local",
                    &v,
                )
            })?),
            None => None,
        };
        let event = match pick(args.event, env, vars::KKP_EVENT) {
            Some((v, from)) => Some(EventKind::parse(&v).ok_or_else(|| {
                UsageError::invalid(
                    &source_name("--event", vars::KKP_EVENT, from),
                    "pull-request, push-default, push, tag, schedule, manual or merge-queue",
                    &v,
                )
            })?),
            None => None,
        };
        let comment = match pick(args.comment, env, vars::KKP_COMMENT) {
            Some((v, from)) => CommentMode::parse(v.trim()).ok_or_else(|| {
                UsageError::invalid(
                    &source_name("--comment", vars::KKP_COMMENT, from),
                    "update, new or off",
                    &v,
                )
            })?,
            None => CommentMode::Update,
        };
        let concurrency = match pick(args.api_concurrency, env, vars::KKP_API_CONCURRENCY) {
            Some((v, from)) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=64).contains(n))
                .ok_or_else(|| {
                    UsageError::invalid(
                        &source_name("--api-concurrency", vars::KKP_API_CONCURRENCY, from),
                        "a whole number from 1 to 64",
                        &v,
                    )
                })?,
            None => 8,
        };
        let max_wait = match pick(args.api_max_wait, env, vars::KKP_API_MAX_WAIT) {
            Some((v, from)) => Duration::from_secs(v.trim().parse::<u64>().map_err(|_| {
                UsageError::invalid(
                    &source_name("--api-max-wait", vars::KKP_API_MAX_WAIT, from),
                    "a number of seconds",
                    &v,
                )
            })?),
            None => Duration::from_secs(60),
        };
        let working_directory = args
            .working_directory
            .or_else(|| env.get(vars::KKP_WORKING_DIRECTORY).map(PathBuf::from));
        if let Some(dir) = &working_directory {
            if dir.is_absolute()
                || dir
                    .components()
                    .any(|c| matches!(c, std::path::Component::ParentDir))
            {
                return Err(UsageError::invalid(
                    "--working-directory",
                    "a folder inside the repository, such as terraform/aws",
                    &dir.display().to_string(),
                ));
            }
        }
        Ok(Settings {
            backend_config: args
                .backend_config
                .or_else(|| env.get(vars::KKP_BACKEND_CONFIG).map(PathBuf::from)),
            allow_unreviewed: args.allow_unreviewed_changes
                || parse_bool(env, vars::KKP_ALLOW_UNREVIEWED_CHANGES)?,
            comment,
            rules: Rules {
                run_on,
                paths,
                force,
                on_unknown,
            },
            decide_only,
            working_directory,
            detect: DetectOptions {
                platform,
                event,
                default_branch: pick(args.default_branch, env, vars::KKP_DEFAULT_BRANCH)
                    .map(|(v, _)| v),
                base: pick(args.base, env, vars::KKP_BASE).map(|(v, _)| v),
                workspace: cwd,
            },
            token_override: pick(args.token, env, vars::KKP_TOKEN).map(|(v, _)| Token::new(v)),
            concurrency,
            max_wait,
        })
    }

    /// The API token for the detected platform. GitLab's `CI_JOB_TOKEN` is deliberately not
    /// used: it cannot read merge request diffs or compare (platform-facts §2.3).
    pub fn api_settings(&self, env: &Env, platform: Platform) -> ApiSettings {
        let platform_token = match platform {
            Platform::GitHub => env.get(vars::GITHUB_TOKEN),
            Platform::GitLab => env.get(vars::GITLAB_TOKEN),
            Platform::Bitbucket => env.get(vars::BITBUCKET_ACCESS_TOKEN),
            Platform::Local => None,
        };
        ApiSettings {
            token: self
                .token_override
                .clone()
                .or_else(|| platform_token.map(Token::new)),
            concurrency: self.concurrency,
            retry: RetryPolicy {
                max_wait: self.max_wait,
                ..RetryPolicy::default()
            },
        }
    }
}

/// Everything `main` hands the library: arguments, the environment snapshot, where to write.
pub struct Invocation<'a> {
    pub args: Vec<OsString>,
    pub env: Env,
    pub cwd: PathBuf,
    pub stdout_is_terminal: bool,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// Entry point of `kkp-delivery`.
pub fn main_multi(inv: Invocation<'_>) -> u8 {
    let cmd = MainCli::command();
    let matches = match cmd.try_get_matches_from(&inv.args) {
        Ok(m) => m,
        Err(e) => return clap_exit(e, inv.out, inv.err),
    };
    let cli = match MainCli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return clap_exit(e, inv.out, inv.err),
    };
    let (stage, args) = match cli.command {
        Command::Explain(a) => {
            return finish(
                explain(a, &inv.env, inv.cwd, inv.stdout_is_terminal, inv.out),
                inv.err,
            )
        }
        Command::PlanReport { files } => {
            let files: Vec<PathBuf> = files.iter().map(|f| inv.cwd.join(f)).collect();
            return finish(plan_report(&files, inv.out), inv.err);
        }
        Command::TerraformValidate(a) => (Stage::TerraformValidate, a),
        Command::TerraformBackendPrepare(a) => (Stage::TerraformBackendPrepare, a),
        Command::TerraformPlan(a) => (Stage::TerraformPlan, a),
        Command::TerraformApply(a) => (Stage::TerraformApply, a),
        Command::KubeoneApply(a) => (Stage::KubeoneApply, a),
        Command::KkpDeploy(a) => (Stage::KkpDeploy, a),
        Command::DnsUpdate(a) => (Stage::DnsUpdate, a),
        Command::FluxBootstrap(a) => (Stage::FluxBootstrap, a),
    };
    finish(
        run_stage(
            stage,
            args,
            &inv.env,
            inv.cwd,
            inv.stdout_is_terminal,
            inv.out,
        ),
        inv.err,
    )
}

/// Entry point of a single-stage executable such as `kkp-terraform-plan`.
pub fn main_stage(stage: Stage, inv: Invocation<'_>) -> u8 {
    let cmd = StageCli::command()
        .name(stage.binary())
        .bin_name(stage.binary())
        .about(stage.about())
        .version(env!("CARGO_PKG_VERSION"))
        .after_help(AFTER_HELP);
    let matches = match cmd.try_get_matches_from(&inv.args) {
        Ok(m) => m,
        Err(e) => return clap_exit(e, inv.out, inv.err),
    };
    let cli = match StageCli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return clap_exit(e, inv.out, inv.err),
    };
    finish(
        run_stage(
            stage,
            cli.common,
            &inv.env,
            inv.cwd,
            inv.stdout_is_terminal,
            inv.out,
        ),
        inv.err,
    )
}

fn clap_exit(e: clap::Error, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let text = e.render().to_string();
    if e.use_stderr() {
        let _ = write!(err, "{text}");
        2
    } else {
        let _ = write!(out, "{text}");
        0
    }
}

fn finish(result: Result<u8, StageError>, err: &mut dyn Write) -> u8 {
    match result {
        Ok(code) => code,
        Err(e) => {
            let prefix = match &e {
                StageError::Usage(_) => "error (bad input)",
                StageError::Failed(_) => "error",
            };
            let _ = writeln!(err, "kkp-delivery: {prefix}: {e}");
            e.exit_code()
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, StageError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| StageError::Failed(anyhow::anyhow!("cannot start the async runtime: {e}")))
}

/// Detection plus the platform refinements that need the API (Bitbucket's default branch).
async fn context_for(
    settings: &Settings,
    env: &Env,
) -> Result<(Context, ApiSettings, Vec<String>), StageError> {
    let mut ctx = context::detect(env, &settings.detect)?;
    let api = settings.api_settings(env, ctx.platform);
    let mut notes = Vec::new();
    if ctx.platform == Platform::Bitbucket {
        let git = Git::new(&ctx.workspace);
        if let Some(note) = bitbucket::api::refine(&mut ctx, &api, &git).await {
            notes.push(note);
        }
    }
    Ok((ctx, api, notes))
}

fn all_notes(mut notes: Vec<String>, changes: Option<&ChangeSet>) -> Vec<String> {
    if let Some(ChangeSet::Known { notes: n, .. }) = changes {
        notes.extend(n.iter().map(|n| format!("API list not used: {n}")));
    }
    notes
        .iter()
        .map(|n| crate::report::markdown::one_line(n))
        .collect()
}

/// Decides one stage, publishes the decision, and runs the stage if it should.
pub fn run_stage(
    stage: Stage,
    args: CommonArgs,
    env: &Env,
    cwd: PathBuf,
    tty: bool,
    out: &mut dyn Write,
) -> Result<u8, StageError> {
    let settings = Settings::resolve(args, env, Some(stage), cwd)?;
    let rt = runtime()?;
    let (ctx, decision, changes, notes) = rt.block_on(async {
        let (ctx, api, notes) = context_for(&settings, env).await?;
        let kind = ctx.event_kind();
        let event_text = ctx.describe_event();
        let (decision, changes) =
            match decision::decide_by_event(kind, &event_text, &settings.rules) {
                Some(d) => (d, None),
                None => {
                    let changes = changes::resolve(&ctx, &api).await;
                    (
                        decision::decide(kind, &event_text, &changes, &settings.rules),
                        Some(changes),
                    )
                }
            };
        Ok::<_, StageError>((ctx, decision, changes, notes))
    })?;
    let notes = all_notes(notes, changes.as_ref());
    let sinks = Sinks::from_env(env, tty);
    publish::publish_decision(
        &ctx,
        stage,
        changes.as_ref(),
        &decision,
        &notes,
        &sinks,
        out,
    )
    .map_err(StageError::Failed)?;
    match decision.verdict {
        Verdict::Fail => Err(StageError::Failed(anyhow::anyhow!(
            "{}: {}",
            stage.name(),
            decision.reason
        ))),
        Verdict::Skip => Ok(0),
        Verdict::Run if settings.decide_only => {
            let _ = writeln!(
                out,
                "{}: --decide-only given, not running the tool",
                stage.name()
            );
            Ok(0)
        }
        Verdict::Run => {
            let api = settings.api_settings(env, ctx.platform);
            let mut redactor = crate::tools::process::Redactor::from_env(env);
            if let Some(t) = &api.token {
                redactor.add(t.expose());
            }
            let mut sr = StageRun {
                stage,
                ctx: &ctx,
                env,
                api: &api,
                sinks: &sinks,
                working_dir: settings.working_directory.clone().unwrap_or_default(),
                comment: settings.comment,
                allow_unreviewed: settings.allow_unreviewed,
                backend_config: settings
                    .backend_config
                    .as_ref()
                    .map(|p| ctx.workspace.join(p)),
                redactor,
                log: out,
                rt: &rt,
            };
            let result = match stage {
                Stage::TerraformValidate => terraform_validate::run(&mut sr)?,
                Stage::TerraformPlan => terraform_plan::run(&mut sr)?,
                Stage::TerraformApply => terraform_apply::run(&mut sr)?,
                Stage::TerraformBackendPrepare => terraform_backend_prepare::run(&mut sr)?,
                _ => {
                    return Err(StageError::Failed(anyhow::anyhow!(
                        "{}: the decision is to run, but running {} is not implemented yet in this version; \
                         nothing was run and the stage does not report success",
                        stage.name(),
                        stage.about()
                    )))
                }
            };
            publish::write_stage_outputs(&ctx, stage, &decision, &result.outputs, &sinks)
                .map_err(StageError::Failed)?;
            if result.success {
                let _ = writeln!(out, "{}: {}", stage.name(), result.headline);
                Ok(0)
            } else {
                Err(StageError::Failed(anyhow::anyhow!(
                    "{}: {}",
                    stage.name(),
                    result.headline
                )))
            }
        }
    }
}

/// `explain`: every stage's decision for the current checkout or CI run, with one change-set
/// lookup shared by all stages.
pub fn explain(
    args: CommonArgs,
    env: &Env,
    cwd: PathBuf,
    tty: bool,
    out: &mut dyn Write,
) -> Result<u8, StageError> {
    let explicit_run_on = args.run_on.is_some() || env.get(vars::KKP_RUN_ON).is_some();
    let base = Settings::resolve(args.clone(), env, None, cwd.clone())?;
    let rt = runtime()?;
    let color = tty && env.get(vars::NO_COLOR).is_none();
    let paint = |text: &str, code: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    let write = |out: &mut dyn Write, s: String| {
        writeln!(out, "{s}").map_err(|e| StageError::Failed(e.into()))
    };

    let (ctx, api, notes) = rt.block_on(context_for(&base, env))?;
    let kind = ctx.event_kind();
    let event_text = ctx.describe_event();
    let mut decisions: Vec<(Stage, Decision)> = Vec::new();
    let mut changes: Option<ChangeSet> = None;
    for stage in Stage::ALL {
        let mut rules = base.rules.clone();
        if !explicit_run_on {
            rules.run_on = stage.default_run_on().to_vec();
        }
        let d = match decision::decide_by_event(kind, &event_text, &rules) {
            Some(d) => d,
            None => {
                if changes.is_none() {
                    changes = Some(rt.block_on(changes::resolve(&ctx, &api)));
                }
                let c = changes
                    .as_ref()
                    .ok_or_else(|| StageError::Failed(anyhow::anyhow!("change set missing")))?;
                decision::decide(kind, &event_text, c, &rules)
            }
        };
        decisions.push((stage, d));
    }
    let notes = all_notes(notes, changes.as_ref());
    write(
        out,
        format!(
            "{} {} ({} on {})",
            paint("kkp-delivery explain:", "1"),
            event_text,
            ctx.trigger,
            ctx.platform
        ),
    )?;
    match &changes {
        Some(ChangeSet::Known { files, source, .. }) => write(
            out,
            format!(
                "changes: {} file{} from {source}",
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ),
        )?,
        Some(ChangeSet::Unknown { why }) => write(out, format!("changes: unknown: {why}"))?,
        Some(ChangeSet::NotApplicable { why }) => {
            write(out, format!("changes: not checked: {why}"))?
        }
        None => write(
            out,
            "changes: not needed, the event decides every stage".to_owned(),
        )?,
    }
    for note in &notes {
        write(out, format!("{}: {note}", paint("note", "33")))?;
    }
    write(out, String::new())?;
    let width = Stage::ALL.iter().map(|s| s.name().len()).max().unwrap_or(0);
    for (stage, d) in &decisions {
        let (word, code) = verdict_label(&d.verdict);
        write(
            out,
            format!(
                "  {} {:width$}  {}",
                paint(word, code),
                stage.name(),
                d.reason
            ),
        )?;
    }
    let matched: Vec<_> = decisions
        .iter()
        .flat_map(|(_, d)| d.matched.iter())
        .collect();
    if !matched.is_empty() {
        write(out, String::new())?;
        write(out, "matched files:".to_owned())?;
        let mut seen = std::collections::BTreeSet::new();
        for m in matched {
            if seen.insert((m.file.to_string(), m.pattern.clone())) {
                write(out, format!("  - {}  ({})", m.file, m.pattern))?;
            }
        }
    }
    Ok(0)
}

/// `plan-report`: the counts GitLab's merge request widget shows, computed as GitLab's own jq
/// filter does (a replace counts once as create and once as delete), summed over the files and
/// capped at GitLab's 999,999.
fn plan_report(files: &[PathBuf], out: &mut dyn Write) -> Result<u8, StageError> {
    let (mut create, mut update, mut delete) = (0usize, 0usize, 0usize);
    for file in files {
        let reader = std::fs::File::open(file).map_err(|e| {
            UsageError::invalid(
                "FILE",
                "a readable `terraform show -json` file",
                &format!("{} ({e})", file.display()),
            )
        })?;
        let summary = crate::tools::plan::summarise(reader).map_err(|e| {
            UsageError::invalid(
                "FILE",
                "`terraform show -json` output",
                &format!("{} ({e})", file.display()),
            )
        })?;
        let (c, u, d) = summary.gitlab_counts();
        create += c;
        update += u;
        delete += d;
    }
    let cap = |n: usize| n.min(999_999);
    writeln!(
        out,
        "{}",
        serde_json::json!({"create": cap(create), "update": cap(update), "delete": cap(delete)})
    )
    .map_err(|e| StageError::Failed(e.into()))?;
    Ok(0)
}
