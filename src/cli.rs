//! The command line, generated from the stage registry: the `kkp-delivery` subcommands, each
//! `kkp-<stage>` executable, `explain` and `plan-report`.
//!
//! Every flag `--x-y` also reads `KKP_X_Y` from the environment snapshot, through one generic
//! rule ([`parse_with_env`]) rather than code per flag: a flag wins over its variable, the
//! variable over the default. The help text names each variable.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::parser::ValueSource;
use clap::{ArgAction, ArgMatches, Args, Command, FromArgMatches};

use crate::changes::filter::PathFilter;
use crate::changes::filter::DEFAULT_PATHS;
use crate::changes::{self, ChangeSet};
use crate::context::{Context, DetectOptions, EventKind, Platform};
use crate::decision::{self, Decision, OnUnknown, Rules, Verdict};
use crate::env::{vars, Env};
use crate::error::{StageError, UsageError};
use crate::files::ApiChanges;
use crate::platform::http::{
    ApiError, ApiSettings, RetryPolicy, Token, CHANGES_BUDGET, REFINE_BUDGET,
};
use crate::platform::{self, CommentMode, Forge};
use crate::publish::{self, verdict_label, LogStyle, Publication, Sinks};
use crate::stages::{self, RegisteredStage, StageCx, STAGES};
use crate::tools::runner::{Interrupts, Masker, MaskingWriter, Runner, DEFAULT_TIMEOUT_SECS};

const AFTER_HELP: &str = "\
Every flag can also be set through its environment variable (shown as [env: …]); action inputs,
GitLab component inputs and Bitbucket pipe variables all arrive that way. A flag wins over its
variable, a variable over the default.

Exit status: 0 ran and succeeded, or skipped by decision; 1 ran and failed (or --on-unknown fail);
2 bad input or environment (the message names the flag or variable).";

/// Flags shared by every stage and by `explain`.
#[derive(Args, Clone, Debug, Default)]
pub struct CommonArgs {
    /// Trigger globs, newline- or comma-separated; `!` excludes, later patterns win, `*` stops at
    /// `/`, `**` crosses it
    #[arg(long, value_name = "GLOBS", default_value = DEFAULT_PATHS.join(","))]
    pub paths: Option<String>,
    /// Events the stage runs on, comma-separated: pull-request, push-default, push, tag,
    /// schedule, manual, merge-queue
    #[arg(long, value_name = "EVENTS")]
    pub run_on: Option<String>,
    /// Run regardless of the event and of the changed files
    #[arg(long)]
    pub force: bool,
    /// What to do when the changed files cannot be determined: run, skip or fail
    #[arg(long, value_name = "ACTION", default_value = "run")]
    pub on_unknown: Option<String>,
    /// Decide and publish the decision, but do not run the tool
    #[arg(long)]
    pub decide_only: bool,
    /// The stage's folder, such as terraform/aws
    #[arg(long, value_name = "DIR")]
    pub working_directory: Option<PathBuf>,
    /// Override platform detection: github, gitlab, bitbucket or local
    #[arg(long, value_name = "PLATFORM")]
    pub platform: Option<String>,
    /// Forge API token; else GITHUB_TOKEN / GITLAB_TOKEN / BITBUCKET_ACCESS_TOKEN
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// The login comments by the token carry, where the host cannot say: another GitHub App's
    /// installation token (`<app-slug>[bot]`); default: asked from the host
    #[arg(long, value_name = "LOGIN")]
    pub bot_login: Option<String>,
    /// Sticky comment mode: update (one comment per stage), new or off
    #[arg(long, value_name = "MODE", default_value = "update")]
    pub comment: Option<String>,
    /// Compare with this commit instead of the event's base (local runs, custom pipelines)
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Treat the run as this event kind (e.g. `manual` for a Bitbucket custom pipeline)
    #[arg(long, value_name = "EVENT")]
    pub event: Option<String>,
    /// The default branch, where the platform does not say (Bitbucket, local)
    #[arg(long, value_name = "BRANCH")]
    pub default_branch: Option<String>,
    /// API pages fetched at once; 1 pages sequentially. 30 takes a 3000-file pull request (the
    /// most GitHub lists) in one round, well under GitHub's 100 concurrent requests
    #[arg(long, value_name = "N", default_value = "30")]
    pub api_concurrency: Option<String>,
    /// Longest wait for a rate limit to reset, in seconds, before falling back to git
    #[arg(long, value_name = "SECONDS", default_value = "60")]
    pub api_max_wait: Option<String>,
    /// Seconds each tool run may take; then it gets SIGINT, and is killed if it has not exited
    /// 30 s later
    #[arg(long, value_name = "SECONDS", default_value = DEFAULT_TIMEOUT_SECS.to_string())]
    pub timeout: Option<String>,
}

/// The variable a flag reads: `--x-y` → `KKP_X_Y` (`--kkp-version` → `KKP_VERSION`, not
/// `KKP_KKP_VERSION`).
pub fn env_var(long: &str) -> String {
    let long = long.strip_prefix("kkp-").unwrap_or(long);
    format!("KKP_{}", long.to_ascii_uppercase().replace('-', "_"))
}

/// The flags of a command that have a variable (every long flag but `--help`/`--version`).
fn env_flags(cmd: &Command) -> impl Iterator<Item = &clap::Arg> {
    cmd.get_arguments()
        .filter(|a| a.get_long().is_some() && !matches!(a.get_id().as_str(), "help" | "version"))
}

/// Adds `[env: KKP_X]` to the help of every flag of `cmd` and its subcommands.
/// The project tools (`init`, `doctor`, `packaging`, `plan-report`) take flags only: a
/// `KKP_PLATFORM` set for the stages must not choose `init`'s platform.
const FLAG_ONLY_COMMANDS: &[&str] = &["init", "doctor", "packaging", "plan-report"];

fn with_env_help(cmd: Command) -> Command {
    if FLAG_ONLY_COMMANDS.contains(&cmd.get_name()) {
        return cmd;
    }
    let cmd = cmd.mut_args(|a| match a.get_long() {
        Some(long) if !matches!(a.get_id().as_str(), "help" | "version") => {
            let var = env_var(long);
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            a.help(format!("{help} [env: {var}]"))
        }
        _ => a,
    });
    cmd.mut_subcommands(with_env_help)
}

/// A parsed command line, with the flags that came from variables remembered, so messages name
/// what the user actually set.
pub struct Parsed {
    pub matches: ArgMatches,
    from_env: BTreeMap<String, String>,
}

impl Parsed {
    /// `--x-y`, or `KKP_X_Y` when the value came from the variable.
    pub fn name(&self, id: &str) -> String {
        match self.from_env.get(id) {
            Some(var) => var.clone(),
            None => format!("--{}", id.replace('_', "-")),
        }
    }
}

/// What ends parsing early.
pub enum ParseExit {
    /// `--help`, `--version` or a clap error: clap's own text and status.
    Clap(clap::Error),
    /// A variable with a value that does not fit its flag (exit 2).
    Usage(UsageError),
}

/// Parses `args`, then fills every flag the command line left out from its `KKP_*` variable in
/// the snapshot, as if it had been given on the command line. Boolean flags take `true`/`false`
/// (also `1`/`0`, `yes`/`no`).
pub fn parse_with_env(cmd: &Command, args: &[OsString], env: &Env) -> Result<Parsed, ParseExit> {
    let first = cmd
        .clone()
        .try_get_matches_from(args)
        .map_err(ParseExit::Clap)?;
    let (leaf, leaf_matches) = match first.subcommand() {
        Some((name, sub)) => match cmd.find_subcommand(name) {
            Some(c) => (c, sub),
            None => (cmd, &first),
        },
        None => (cmd, &first),
    };
    let mut extra: Vec<OsString> = Vec::new();
    let mut from_env = BTreeMap::new();
    let reads_env = !FLAG_ONLY_COMMANDS.contains(&leaf.get_name());
    for arg in env_flags(leaf).filter(|_| reads_env) {
        let id = arg.get_id().as_str();
        if leaf_matches.value_source(id) == Some(ValueSource::CommandLine) {
            continue;
        }
        let Some(long) = arg.get_long() else { continue };
        let var = env_var(long);
        let Some(value) = env.get(&var) else { continue };
        if matches!(arg.get_action(), ArgAction::SetTrue) {
            match value.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => extra.push(format!("--{long}").into()),
                "false" | "0" | "no" => {}
                _ => {
                    return Err(ParseExit::Usage(UsageError::invalid(
                        &var,
                        "true or false",
                        value,
                    )))
                }
            }
        } else {
            let mut a = OsString::from(format!("--{long}="));
            a.push(OsStr::new(value));
            extra.push(a);
        }
        from_env.insert(id.to_owned(), var);
    }
    if extra.is_empty() {
        return Ok(Parsed {
            matches: first,
            from_env,
        });
    }
    let mut all = args.to_vec();
    all.extend(extra);
    let matches = cmd
        .clone()
        .try_get_matches_from(all)
        .map_err(ParseExit::Clap)?;
    Ok(Parsed { matches, from_env })
}

/// Flags resolved against the environment and validated.
#[derive(Debug)]
pub struct Settings {
    pub rules: Rules,
    pub comment: CommentMode,
    pub decide_only: bool,
    pub working_directory: Option<PathBuf>,
    pub detect: DetectOptions,
    pub token_override: Option<Token>,
    pub bot_login: Option<String>,
    pub concurrency: usize,
    pub max_wait: Duration,
    pub timeout: Duration,
}

impl Settings {
    /// Validates the common flags. `run_on_default` applies when `--run-on` is not given.
    pub fn resolve(
        args: CommonArgs,
        parsed: &Parsed,
        run_on_default: &[EventKind],
        cwd: PathBuf,
    ) -> Result<Self, UsageError> {
        let name = |id: &str| parsed.name(id);
        let paths = match &args.paths {
            Some(spec) => PathFilter::parse(spec, &name("paths"))?,
            None => PathFilter::from_patterns(DEFAULT_PATHS, "--paths")?,
        };
        let run_on = match &args.run_on {
            Some(spec) => {
                let mut kinds = Vec::new();
                for part in spec
                    .split([',', '\n', ' '])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    kinds.push(EventKind::parse(part).ok_or_else(|| {
                        UsageError::invalid(&name("run_on"), "event kinds from pull-request, push-default, push, tag, schedule, manual, merge-queue", part)
                    })?);
                }
                if kinds.is_empty() {
                    return Err(UsageError::invalid(
                        &name("run_on"),
                        "at least one event kind",
                        spec,
                    ));
                }
                kinds
            }
            None => run_on_default.to_vec(),
        };
        let on_unknown = match &args.on_unknown {
            Some(v) => OnUnknown::parse(v)
                .ok_or_else(|| UsageError::invalid(&name("on_unknown"), "run, skip or fail", v))?,
            None => OnUnknown::Run,
        };
        let platform = match &args.platform {
            Some(v) => Some(Platform::parse(v).ok_or_else(|| {
                UsageError::invalid(&name("platform"), "github, gitlab, bitbucket or local", v)
            })?),
            None => None,
        };
        let event = match &args.event {
            Some(v) => Some(EventKind::parse(v).ok_or_else(|| {
                UsageError::invalid(
                    &name("event"),
                    "pull-request, push-default, push, tag, schedule, manual or merge-queue",
                    v,
                )
            })?),
            None => None,
        };
        let comment = match &args.comment {
            Some(v) => CommentMode::parse(v.trim())
                .ok_or_else(|| UsageError::invalid(&name("comment"), "update, new or off", v))?,
            None => CommentMode::Update,
        };
        let concurrency = match &args.api_concurrency {
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=64).contains(n))
                .ok_or_else(|| {
                    UsageError::invalid(&name("api_concurrency"), "a whole number from 1 to 64", v)
                })?,
            None => 8,
        };
        let seconds =
            |id: &str, v: &Option<String>, default: u64| -> Result<Duration, UsageError> {
                match v {
                    Some(v) => v
                        .trim()
                        .parse::<u64>()
                        .map(Duration::from_secs)
                        .map_err(|_| UsageError::invalid(&name(id), "a number of seconds", v)),
                    None => Ok(Duration::from_secs(default)),
                }
            };
        let max_wait = seconds("api_max_wait", &args.api_max_wait, 60)?;
        let timeout = seconds("timeout", &args.timeout, DEFAULT_TIMEOUT_SECS)?;
        if timeout.is_zero() {
            return Err(UsageError::invalid(
                &name("timeout"),
                "a number of seconds above 0",
                "0",
            ));
        }
        if let Some(dir) = &args.working_directory {
            if dir.is_absolute()
                || dir
                    .components()
                    .any(|c| matches!(c, std::path::Component::ParentDir))
            {
                return Err(UsageError::invalid(
                    &name("working_directory"),
                    "a folder inside the repository, such as terraform/aws",
                    &dir.display().to_string(),
                ));
            }
        }
        Ok(Settings {
            comment,
            rules: Rules {
                run_on,
                paths,
                force: args.force,
                on_unknown,
            },
            decide_only: args.decide_only,
            working_directory: args.working_directory,
            detect: DetectOptions {
                platform,
                event,
                default_branch: args.default_branch,
                base: args.base,
                workspace: cwd,
            },
            token_override: args.token.map(Token::new),
            bot_login: args.bot_login,
            concurrency,
            max_wait,
            timeout,
        })
    }

    /// How to reach the detected platform's API.
    pub fn api_settings(&self, env: &Env, platform: Platform) -> ApiSettings {
        ApiSettings {
            token: self
                .token_override
                .clone()
                .or_else(|| platform::platform_token(env, platform).map(Token::new)),
            concurrency: self.concurrency,
            retry: RetryPolicy {
                max_wait: self.max_wait,
                ..RetryPolicy::default()
            },
            changes_budget: CHANGES_BUDGET,
            bot_login: self.bot_login.clone(),
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

/// The body of every executable's `main`: the only place the process environment is read.
/// `$call` is the entry point (`main_multi`).
#[macro_export]
macro_rules! entry_point {
    ($($call:tt)+) => {
        fn main() -> std::process::ExitCode {
            use std::io::IsTerminal as _;
            // Before anything else: no tool may read this process's environment.
            let _ = $crate::tools::runner::protect_process();
            let stdout = std::io::stdout();
            let tty = stdout.is_terminal();
            std::process::ExitCode::from(($($call)+)($crate::cli::Invocation {
                args: std::env::args_os().collect(),
                env: $crate::env::Env::from_pairs(std::env::vars_os()),
                cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
                stdout_is_terminal: tty,
                out: &mut stdout.lock(),
                err: &mut std::io::stderr(),
            }))
        }
    };
}

/// The `kkp-delivery` command for `registry`: every stage a subcommand.
pub fn multi_command(registry: &[&dyn RegisteredStage]) -> Command {
    let mut cmd = Command::new("kkp-delivery")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Take a Kubermatic KKP repository from commit to running platform, one CI stage at a time")
        .long_about("Take a Kubermatic KKP repository from commit to running platform, one CI stage at a time.\n\n\
Each stage decides whether to run from the event (pull request, push to the default branch, …) and \
the files it changed, says why, runs its tool, and publishes the result in the platform's own way \
(GitHub annotations and summaries, GitLab reports, Bitbucket Code Insights).")
        .after_help(AFTER_HELP)
        .subcommand_required(true)
        .subcommand(
            CommonArgs::augment_args(Command::new("explain"))
                .about("Print, for every stage, run or skip, the reason and the matched files")
                .long_about(None::<&str>),
        )
        .subcommand(
            Command::new("init")
                .about("Write the pipeline file for this repository (the whole flow) for github, gitlab or bitbucket")
                .arg(clap::Arg::new("platform").long("platform").required(true).value_name("PLATFORM").help("github, gitlab or bitbucket"))
                .arg(clap::Arg::new("print").long("print").action(ArgAction::SetTrue).help("Print the file instead of writing it"))
                .arg(clap::Arg::new("root").long("root").value_parser(clap::value_parser!(PathBuf)).help("The repository (default: the current folder)")),
        )
        .subcommand(
            Command::new("doctor")
                .about("Check what the stages need here: the repository's layout, the tools and their versions, the variables (names only)")
                .arg(clap::Arg::new("root").long("root").value_parser(clap::value_parser!(PathBuf)).help("The repository (default: the current folder)")),
        )
        .subcommand(
            Command::new("packaging")
                .hide(true)
                .about("Check (or --write) the GitHub actions, GitLab components and Bitbucket pipe generated from the stages")
                .arg(clap::Arg::new("write").long("write").action(ArgAction::SetTrue).help("Regenerate the files instead of checking them"))
                .arg(clap::Arg::new("root").long("root").value_parser(clap::value_parser!(PathBuf)).help("The repository (default: the current folder)")),
        )
        .subcommand(
            Command::new("plan-report")
                .about("Print GitLab's terraform report ({\"create\",\"update\",\"delete\"}) for `terraform show -json` files, streamed in bounded memory")
                .long_about("Print GitLab's terraform report ({\"create\",\"update\",\"delete\"}) for `terraform show -json` files, streamed in bounded memory. Several files (one per root) are summed into one combined report: an optional single view next to the per-job reports GitLab's merge request widget lists.")
                .arg(
                    clap::Arg::new("files")
                        .required(true)
                        .num_args(1..)
                        .value_parser(clap::value_parser!(PathBuf))
                        .help("`terraform show -json <plan>` outputs, such as each root's kkp.tfplan.json"),
                ),
        );
    for stage in registry {
        cmd = cmd.subcommand(stage_command(*stage, Command::new(stage.name())));
    }
    with_env_help(cmd)
}

/// `cmd` with the stage's about text, the common flags (its own `--run-on` default) and the
/// stage's own flags.
pub(crate) fn stage_command(stage: &dyn RegisteredStage, cmd: Command) -> Command {
    let run_on: Vec<&str> = stage.default_run_on().iter().map(|k| k.name()).collect();
    let cmd =
        CommonArgs::augment_args(cmd).mut_arg("run_on", |a| a.default_value(run_on.join(",")));
    // The about text last: an `Args` struct's doc comment would otherwise replace it.
    stage
        .augment(cmd)
        .about(stage.about())
        .long_about(None::<&str>)
}

/// The command of the single-stage executable `kkp-<stage>`.
pub fn single_command(stage: &dyn RegisteredStage) -> Command {
    let cmd = Command::new(stage.binary())
        .version(env!("CARGO_PKG_VERSION"))
        .after_help(AFTER_HELP);
    with_env_help(stage_command(stage, cmd))
}

/// Entry point of `kkp-delivery`.
pub fn main_multi(inv: Invocation<'_>) -> u8 {
    // One binary for every stage: installed (linked) as `kkp-terraform-plan`, … it is that
    // stage's executable. A release ships this one file instead of nine copies of the same code
    // (docs/ARCHITECTURE.md, "Executables").
    let called = inv
        .args
        .first()
        .and_then(|a| Path::new(a).file_name())
        .and_then(|n| n.to_str())
        .map(str::to_owned);
    if let Some(name) = called.filter(|n| n != "kkp-delivery") {
        if let Some(stage) = stages::find(STAGES, &name) {
            let stage_name = stage.name();
            return main_stage(stage_name, inv);
        }
    }
    main_with(STAGES, inv)
}

/// Entry point of `kkp-delivery` over any registry (tests add a throwaway stage this way).
pub fn main_with(registry: &[&dyn RegisteredStage], mut inv: Invocation<'_>) -> u8 {
    let cmd = multi_command(registry);
    // A Bitbucket pipe runs the image's `kkp-delivery` with its variables only: STAGE names
    // the stage, when the command line names none.
    if let Some(stage) = inv.env.get("STAGE") {
        let named = inv.args.iter().skip(1).any(|a| {
            cmd.get_subcommands()
                .any(|c| a.to_str() == Some(c.get_name()))
        });
        if !named {
            inv.args.insert(1.min(inv.args.len()), stage.trim().into());
        }
    }
    let parsed = match parse_with_env(&cmd, &inv.args, &inv.env) {
        Ok(p) => p,
        Err(e) => return parse_exit(e, &inv.env, inv.out, inv.err),
    };
    let Some((name, sub)) = parsed.matches.subcommand() else {
        return parse_exit(
            ParseExit::Usage(UsageError::Other("a subcommand is required".into())),
            &inv.env,
            inv.out,
            inv.err,
        );
    };
    let sub = sub.clone();
    match name {
        "explain" => run_command(
            &parsed,
            &inv.env,
            inv.out,
            inv.err,
            |parsed, out, masker| {
                let args = common_args(&sub)?;
                explain(
                    registry,
                    args,
                    parsed,
                    &inv.env,
                    inv.cwd.clone(),
                    inv.stdout_is_terminal,
                    out,
                    masker,
                )
            },
        ),
        "init" => {
            let root = crate::onboarding::root_of(&inv.cwd, sub.get_one::<PathBuf>("root"));
            let platform = sub
                .get_one::<String>("platform")
                .map(|p| p.trim().to_ascii_lowercase())
                .unwrap_or_default();
            let result = crate::onboarding::init(&root, &platform, sub.get_flag("print"), inv.out);
            finish(result, inv.err, &Masker::default())
        }
        "doctor" => {
            let root = crate::onboarding::root_of(&inv.cwd, sub.get_one::<PathBuf>("root"));
            let result = crate::onboarding::doctor(&root, &inv.env, inv.out);
            finish(result, inv.err, &Masker::default())
        }
        "packaging" => {
            let root = sub
                .get_one::<PathBuf>("root")
                .map(|r| inv.cwd.join(r))
                .unwrap_or_else(|| inv.cwd.clone());
            let result = if sub.get_flag("write") {
                crate::packaging::write(&root)
                    .map(|written| {
                        for p in written {
                            let _ = writeln!(inv.out, "wrote {}", p.display());
                        }
                        0
                    })
                    .map_err(|e| StageError::Failed(e.into()))
            } else {
                let stale = crate::packaging::stale(&root);
                for p in &stale {
                    let _ = writeln!(
                        inv.err,
                        "stale: {} (run `kkp-delivery packaging --write`)",
                        p.display()
                    );
                }
                Ok(u8::from(!stale.is_empty()))
            };
            finish(result, inv.err, &Masker::default())
        }
        "plan-report" => {
            let files: Vec<PathBuf> = sub
                .get_many::<PathBuf>("files")
                .map(|f| f.map(|p| inv.cwd.join(p)).collect())
                .unwrap_or_default();
            finish(plan_report(&files, inv.out), inv.err, &Masker::default())
        }
        stage_name => match stages::find(registry, stage_name) {
            Some(stage) => stage_entry(stage, &sub, &parsed, inv),
            None => parse_exit(
                ParseExit::Usage(UsageError::invalid("COMMAND", "a stage name", stage_name)),
                &inv.env,
                inv.out,
                inv.err,
            ),
        },
    }
}

/// A single stage as its own executable, as `kkp-delivery` runs when called `kkp-terraform-plan`.
pub fn main_stage(stage_name: &str, inv: Invocation<'_>) -> u8 {
    let Some(stage) = stages::find(STAGES, stage_name) else {
        let _ = writeln!(inv.err, "kkp-delivery: no stage is called {stage_name}");
        return 2;
    };
    let cmd = single_command(stage);
    let parsed = match parse_with_env(&cmd, &inv.args, &inv.env) {
        Ok(p) => p,
        Err(e) => return parse_exit(e, &inv.env, inv.out, inv.err),
    };
    let matches = parsed.matches.clone();
    stage_entry(stage, &matches, &parsed, inv)
}

/// Runs `stage` with its parsed flags, every line masked, and returns the exit status.
fn stage_entry(
    stage: &dyn RegisteredStage,
    matches: &ArgMatches,
    parsed: &Parsed,
    inv: Invocation<'_>,
) -> u8 {
    let (env, cwd, tty) = (&inv.env, inv.cwd.clone(), inv.stdout_is_terminal);
    run_command(parsed, env, inv.out, inv.err, |parsed, out, masker| {
        run_stage(stage, matches, parsed, env, cwd, tty, out, masker)
    })
}

fn common_args(matches: &ArgMatches) -> Result<CommonArgs, StageError> {
    CommonArgs::from_arg_matches(matches)
        .map_err(|e| UsageError::Other(e.to_string().trim().to_owned()).into())
}

/// Runs a command with every line it writes masked: the secrets of the environment and the
/// `--token` value never reach the log or the error text.
fn run_command(
    parsed: &Parsed,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
    body: impl FnOnce(&Parsed, &mut dyn Write, &Masker) -> Result<u8, StageError>,
) -> u8 {
    let token = parsed
        .matches
        .subcommand()
        .map_or(&parsed.matches, |(_, m)| m)
        .get_one::<String>("token")
        .cloned();
    let masker = Masker::from_env(env, token.as_deref());
    let mut masked_out = MaskingWriter::new(out, masker.clone());
    let result = body(parsed, &mut masked_out, &masker);
    let _ = masked_out.finish();
    drop(masked_out);
    finish_as(result, err, &masker, is_pipe_log(env))
}

/// Bitbucket's convention for a pipe's log: `ERROR:` before an error line.
fn is_pipe_log(env: &Env) -> bool {
    env.get("BITBUCKET_BUILD_NUMBER").is_some()
}

/// Ends a run that could not be parsed. Clap repeats the bad value, which may be a secret
/// given to the wrong flag: its text is masked too.
fn parse_exit(e: ParseExit, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let masker = Masker::from_env(env, []);
    match e {
        ParseExit::Clap(e) => {
            let text = masker.mask(&e.render().to_string());
            if e.use_stderr() {
                if is_pipe_log(env) {
                    let _ = write!(err, "ERROR: ");
                }
                let _ = write!(err, "{text}");
                2
            } else {
                let _ = write!(out, "{text}");
                0
            }
        }
        ParseExit::Usage(u) => finish_as(Err(u.into()), err, &masker, is_pipe_log(env)),
    }
}

fn finish(result: Result<u8, StageError>, err: &mut dyn Write, masker: &Masker) -> u8 {
    finish_as(result, err, masker, false)
}

fn finish_as(
    result: Result<u8, StageError>,
    err: &mut dyn Write,
    masker: &Masker,
    pipe: bool,
) -> u8 {
    match result {
        Ok(code) => code,
        Err(e) => {
            let prefix = match &e {
                StageError::Usage(_) => "error (bad input)",
                StageError::Failed(_) => "error",
            };
            let text = crate::report::markdown::one_line(&e.to_string());
            let _ = writeln!(
                err,
                "{}kkp-delivery: {prefix}: {}",
                if pipe { "ERROR: " } else { "" },
                masker.mask(&text)
            );
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

/// What [`context_for`] found: the event, how the API is reached, the run's [`Forge`], notes
/// for the log, and the changed files when they were asked for early.
type Found = (
    Context,
    ApiSettings,
    Forge,
    Vec<String>,
    Option<Result<ApiChanges, ApiError>>,
);

/// Detection, the run's [`Forge`], and the host refinements that need the API (Bitbucket's
/// default branch). With `rules`, a pull request whose decision needs its changed files has
/// them asked for at the same time as the refinement: neither depends on the other, and on
/// Bitbucket that is one round trip less.
async fn context_for(
    settings: &Settings,
    env: &Env,
    rules: Option<&Rules>,
) -> Result<Found, StageError> {
    let mut ctx = platform::detect(env, &settings.detect)?;
    let api = settings.api_settings(env, ctx.platform);
    let forge = Forge::new(&ctx, &api);
    let needs_list = rules.is_some_and(|rules| {
        ctx.event_kind() == EventKind::PullRequest
            && decision::decide_by_event(ctx.event_kind(), &ctx.describe_event(), rules).is_none()
    });
    let (note, early) = if needs_list {
        let before_refining = ctx.clone();
        let (note, list) = tokio::join!(
            forge.refine(&mut ctx, REFINE_BUDGET),
            forge.changed_files(&before_refining, api.changes_budget)
        );
        (note, Some(list))
    } else {
        (forge.refine(&mut ctx, REFINE_BUDGET).await, None)
    };
    Ok((ctx, api, forge, note.into_iter().collect(), early))
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
#[allow(clippy::too_many_arguments)]
pub fn run_stage(
    stage: &dyn RegisteredStage,
    matches: &ArgMatches,
    parsed: &Parsed,
    env: &Env,
    cwd: PathBuf,
    tty: bool,
    out: &mut dyn Write,
    masker: &Masker,
) -> Result<u8, StageError> {
    let settings = Settings::resolve(common_args(matches)?, parsed, stage.default_run_on(), cwd)?;
    if env.is_true("DEBUG") {
        // The pipe convention's debug switch: what was configured and where from (names only;
        // values may be secrets).
        let from_env: Vec<&str> = parsed.from_env.values().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "DEBUG: kkp-delivery {} {}; flags set through variables: {}",
            env!("CARGO_PKG_VERSION"),
            stage.name(),
            if from_env.is_empty() {
                "none".to_owned()
            } else {
                from_env.join(", ")
            }
        );
    }
    let rt = runtime()?;
    let (ctx, decision, changes, notes, forge, api) = rt.block_on(async {
        let (ctx, api, forge, notes, early) =
            context_for(&settings, env, Some(&settings.rules)).await?;
        let kind = ctx.event_kind();
        let event_text = ctx.describe_event();
        let (decision, changes) =
            match decision::decide_by_event(kind, &event_text, &settings.rules) {
                Some(d) => (d, None),
                None => {
                    let lookup = async {
                        match early {
                            Some(list) => list,
                            None => forge.changed_files(&ctx, api.changes_budget).await,
                        }
                    };
                    let changes =
                        changes::resolve(&ctx, async { lookup.await.map_err(|e| e.to_string()) })
                            .await;
                    (
                        decision::decide(kind, &event_text, &changes, &settings.rules),
                        Some(changes),
                    )
                }
            };
        Ok::<_, StageError>((ctx, decision, changes, notes, forge, api))
    })?;
    // The reason and the notes carry API and git error text and file names: masked and made
    // one line (a file name with a newline could otherwise start a workflow command) before
    // any rendering.
    let mut decision = decision;
    decision.reason = crate::report::markdown::one_line(&masker.mask(&decision.reason));
    let notes: Vec<String> = all_notes(notes, changes.as_ref())
        .iter()
        .map(|n| masker.mask(n))
        .collect();
    let sinks = Sinks::from_env(env, tty);
    publish::publish_decision(
        &ctx,
        stage.name(),
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
            let mut masker = masker.clone();
            if let Some(t) = &api.token {
                masker = Masker::from_env(env, [t.expose()]);
            }
            // Signals are caught only from here on: before a tool runs, SIGINT and SIGTERM end
            // the process as usual.
            let interrupts = Interrupts::install().unwrap_or_else(|e| {
                let _ = writeln!(
                    out,
                    "WARNING: cannot catch SIGINT/SIGTERM ({e}): a cancelled job may stop the tool without letting it release its locks"
                );
                Interrupts::default()
            });
            let style = LogStyle {
                platform: ctx.platform,
            };
            let mut cx = StageCx {
                name: stage.name(),
                ctx: &ctx,
                env,
                forge: &forge,
                rt: &rt,
                log: &mut *out,
                folds: &style,
                runner: Runner::new(
                    env,
                    masker.clone(),
                    settings.timeout,
                    interrupts,
                    api.token.as_ref().map(Token::expose),
                ),
                working_dir: settings.working_directory.clone().unwrap_or_default(),
            };
            let report = stage.run(&mut cx, matches)?;
            let publication = Publication {
                ctx: &ctx,
                forge: &forge,
                rt: &rt,
                stage: stage.name(),
                decision: &decision,
                comment: settings.comment,
                sinks: &sinks,
                masker: &masker,
            };
            publication
                .publish(&report, out)
                .map_err(StageError::Failed)?;
            if report.success {
                let _ = writeln!(out, "{}: {}", stage.name(), report.headline);
                Ok(0)
            } else {
                Err(StageError::Failed(anyhow::anyhow!(
                    "{}: {}",
                    stage.name(),
                    report.headline
                )))
            }
        }
    }
}

/// `explain`: every stage's decision for the current checkout or CI run, with one change-set
/// lookup shared by all stages.
#[allow(clippy::too_many_arguments)]
pub fn explain(
    registry: &[&dyn RegisteredStage],
    args: CommonArgs,
    parsed: &Parsed,
    env: &Env,
    cwd: PathBuf,
    tty: bool,
    out: &mut dyn Write,
    _masker: &Masker,
) -> Result<u8, StageError> {
    let explicit_run_on = args.run_on.is_some();
    let base = Settings::resolve(args, parsed, &[], cwd)?;
    let rt = runtime()?;
    let color = tty && env.get(vars::NO_COLOR).is_none();
    let paint = |text: &str, code: &str| publish::paint(text, code, color);
    let write = |out: &mut dyn Write, s: String| {
        writeln!(out, "{s}").map_err(|e| StageError::Failed(e.into()))
    };

    let (ctx, api, forge, notes, _) = rt.block_on(context_for(&base, env, None))?;
    let kind = ctx.event_kind();
    let event_text = ctx.describe_event();
    let mut decisions: Vec<(&str, Decision)> = Vec::new();
    let mut changes: Option<ChangeSet> = None;
    for stage in registry {
        let mut rules = base.rules.clone();
        if !explicit_run_on {
            rules.run_on = stage.default_run_on().to_vec();
        }
        let d = match decision::decide_by_event(kind, &event_text, &rules) {
            Some(d) => d,
            None => {
                if changes.is_none() {
                    let lookup = forge.changed_files(&ctx, api.changes_budget);
                    changes = Some(rt.block_on(changes::resolve(&ctx, async {
                        lookup.await.map_err(|e| e.to_string())
                    })));
                }
                let c = changes
                    .as_ref()
                    .ok_or_else(|| StageError::Failed(anyhow::anyhow!("change set missing")))?;
                decision::decide(kind, &event_text, c, &rules)
            }
        };
        decisions.push((stage.name(), d));
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
    let width = registry.iter().map(|s| s.name().len()).max().unwrap_or(0);
    for (name, d) in &decisions {
        let (word, code) = verdict_label(&d.verdict);
        write(
            out,
            format!("  {} {:width$}  {}", paint(word, code), name, d.reason),
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
                // File names come from the change: no control character reaches a terminal.
                write(
                    out,
                    format!(
                        "  - {}  ({})",
                        crate::report::markdown::one_line(&m.file.to_string()),
                        m.pattern
                    ),
                )?;
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
        let (c, u, d) = summary.widget_counts();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid value for each flag, to prove its variable reaches it.
    fn sample(id: &str) -> &'static str {
        match id {
            "paths" => "terraform/**",
            "run_on" => "manual",
            "on_unknown" => "skip",
            "working_directory" => "terraform/aws",
            "platform" => "local",
            "token" => "t0ken-value",
            "comment" => "off",
            "base" | "default_branch" => "main",
            "event" => "manual",
            "api_concurrency" => "3",
            "api_max_wait" => "5",
            "timeout" => "7",
            "backend_config" => "backend.hcl",
            // Flags without validation of their own take any text.
            _ => "sample-value",
        }
    }

    /// Every command a user can run, with its argv prefix.
    fn every_command() -> Vec<(Command, Vec<OsString>)> {
        let mut all = Vec::new();
        let multi = multi_command(STAGES);
        for sub in multi.get_subcommands() {
            if FLAG_ONLY_COMMANDS.contains(&sub.get_name()) {
                continue;
            }
            all.push((
                multi.clone(),
                vec!["kkp-delivery".into(), sub.get_name().into()],
            ));
        }
        for stage in STAGES {
            all.push((single_command(*stage), vec![stage.binary().into()]));
        }
        all
    }

    #[test]
    fn every_flag_has_its_variable_its_default_and_help() {
        for (cmd, argv) in every_command() {
            let leaf = match argv.get(1) {
                Some(sub) => cmd.find_subcommand(sub.to_str().unwrap()).unwrap().clone(),
                None => cmd.clone(),
            };
            let what = format!("{argv:?}");
            let mut help_cmd = leaf.clone().term_width(10_000);
            let help = help_cmd.render_long_help().to_string();
            for arg in env_flags(&leaf) {
                let long = arg.get_long().unwrap();
                let id = arg.get_id().as_str();
                let var = env_var(long);
                let text = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    text.ends_with(&format!("[env: {var}]")) && text.len() > var.len() + 12,
                    "{what} --{long}: help must say what it does and name {var}: {text:?}"
                );
                for default in arg.get_default_values() {
                    assert!(
                        help.contains(&format!("[default: {}]", default.to_string_lossy())),
                        "{what} --{long}: default not shown in --help"
                    );
                }
                // The variable reaches the flag …
                let is_bool = matches!(arg.get_action(), ArgAction::SetTrue);
                let value = if is_bool { "true" } else { sample(id) };
                let env = Env::from_pairs([(var.clone(), value.to_owned())]);
                let parsed = parse_with_env(&cmd, &argv, &env)
                    .unwrap_or_else(|_| panic!("{what}: {var}={value} must parse"));
                let m = match parsed.matches.subcommand() {
                    Some((_, sub)) => sub.clone(),
                    None => parsed.matches.clone(),
                };
                if is_bool {
                    assert!(m.get_flag(id), "{what}: {var}=true must set --{long}");
                    let env = Env::from_pairs([(var.clone(), "maybe".to_owned())]);
                    assert!(
                        matches!(parse_with_env(&cmd, &argv, &env), Err(ParseExit::Usage(UsageError::InvalidValue { ref name, .. })) if *name == var),
                        "{what}: {var}=maybe must be refused naming {var}"
                    );
                } else {
                    let got: Vec<String> = m
                        .get_raw(id)
                        .unwrap()
                        .map(|v| v.to_string_lossy().into_owned())
                        .collect();
                    assert_eq!(got, vec![value.to_owned()], "{what}: {var} → --{long}");
                    assert_eq!(parsed.name(id), var, "messages name the variable");
                    // … and the flag wins over it.
                    let mut with_flag = argv.clone();
                    with_flag.push(format!("--{long}={value}").into());
                    let env = Env::from_pairs([(var.clone(), "from-env".to_owned())]);
                    let parsed = parse_with_env(&cmd, &with_flag, &env)
                        .unwrap_or_else(|_| panic!("{what}: --{long} must parse"));
                    assert_eq!(parsed.name(id), format!("--{long}"));
                }
            }
        }
    }

    #[test]
    fn each_binary_shows_only_its_own_flags() {
        let help = |name: &str| {
            single_command(stages::find(STAGES, name).unwrap())
                .render_long_help()
                .to_string()
        };
        assert!(help("terraform-apply").contains("--allow-unreviewed-changes"));
        assert!(help("terraform-apply").contains("--backend-config"));
        assert!(help("terraform-plan").contains("--backend-config"));
        assert!(!help("terraform-plan").contains("--allow-unreviewed-changes"));
        assert!(!help("terraform-validate").contains("--backend-config"));
        assert!(help("kubeone-apply").contains("--kubeone-manifest"));
        assert!(help("kubeone-apply").contains("--terraform-dir"));
        assert!(!help("terraform-plan").contains("--kubeone-manifest"));
        // The cluster stages may read Terraform's outputs (for `kubeone kubeconfig`), so they
        // have the backend flags.
        assert!(help("flux-bootstrap").contains("--flux-path"));
        assert!(help("flux-bootstrap").contains("--backend-config"));
        assert!(help("kkp-deploy").contains("--storageclass"));
        assert!(help("kkp-deploy").contains("[env: KKP_VERSION]"));
        assert!(!help("kkp-deploy").contains("--ingress-timeout"));
        assert!(help("dns-update").contains("--ingress-timeout"));
    }
}
