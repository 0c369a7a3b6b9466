//! The flag grammar shared by every command: the common flags, the `--x-y` ↔ `KKP_X_Y` rule
//! ([`parse_with_env`]: a flag wins over its variable, the variable over the default), the help
//! text that names each variable, and the validated [`Settings`]. The command line (`cli`)
//! and the packaging (every flag an input) are both built on it.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::time::Duration;

use clap::parser::ValueSource;
use clap::{ArgAction, ArgMatches, Args, Command, FromArgMatches};

use crate::changes::filter::{PathFilter, DEFAULT_PATHS};
use crate::context::{DetectOptions, EventKind, Platform};
use crate::decision::{OnUnknown, Rules};
use crate::env::Env;
use crate::error::{StageError, UsageError};
use crate::platform::http::{ApiSettings, RetryPolicy, Token, CHANGES_BUDGET};
use crate::platform::{self, CommentMode};
use crate::stages::RegisteredStage;
use crate::tools::runner::DEFAULT_TIMEOUT_SECS;

/// What every command's help ends with: how flags and variables combine, and the exit codes.
pub const AFTER_HELP: &str = "\
Every flag can also be set through its environment variable (shown as [env: …]); action inputs,
GitLab component inputs and Bitbucket pipe variables all arrive that way. A flag wins over its
variable, a variable over the default.

Exit status: 0 ran and succeeded, or skipped by decision; 1 ran and failed (or --on-unknown fail);
2 bad input or environment (the message names the flag or variable).";

/// `--api-concurrency`'s default: a 3000-file pull request (the most GitHub lists) in one round.
pub const DEFAULT_API_CONCURRENCY: &str = "30";

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
    /// The installation to work on, when the repository drives several (one per folder under
    /// terraform/): its Terraform root, and trigger paths of its own files, its local modules
    /// and the CI configuration; `kkp-delivery matrix` lists them
    #[arg(long, value_name = "NAME")]
    pub installation: Option<String>,
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
    /// Sticky comment mode: update (one comment per stage), new (older ones marked outdated),
    /// changes-only (as update, but no comment for a plan without changes) or off
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
    #[arg(long, value_name = "N", default_value = DEFAULT_API_CONCURRENCY)]
    pub api_concurrency: Option<String>,
    /// Longest wait for a rate limit to reset, in seconds, before falling back to git
    #[arg(long, value_name = "SECONDS", default_value = "60")]
    pub api_max_wait: Option<String>,
    /// Seconds each tool run may take; then it gets SIGINT, and is killed if it has not exited
    /// 8 s later
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
pub fn env_flags(cmd: &Command) -> impl Iterator<Item = &clap::Arg> {
    cmd.get_arguments()
        .filter(|a| a.get_long().is_some() && !matches!(a.get_id().as_str(), "help" | "version"))
}

/// Adds `[env: KKP_X]` to the help of every flag of `cmd` and its subcommands.
/// The project tools (`init`, `doctor`, `packaging`, `plan-report`) take flags only: a
/// `KKP_PLATFORM` set for the stages must not choose `init`'s platform.
pub const FLAG_ONLY_COMMANDS: &[&str] = &["init", "doctor", "packaging", "plan-report"];

pub fn with_env_help(cmd: Command) -> Command {
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
    /// Flag id → the variable its value came from.
    pub from_env: BTreeMap<String, String>,
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
        let Some(value) = env.flag_variable(&var) else {
            continue;
        };
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
    /// `--installation`, and the name it was given by (flag or variable).
    pub installation: Option<(String, String)>,
    /// Whether `--paths` was given (not its default): an installation's own paths apply only
    /// where it was not.
    pub paths_given: bool,
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
                        UsageError::invalid(name("run_on"), "event kinds from pull-request, push-default, push, tag, schedule, manual, merge-queue", part)
                    })?);
                }
                if kinds.is_empty() {
                    return Err(UsageError::invalid(
                        name("run_on"),
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
                .ok_or_else(|| UsageError::invalid(name("on_unknown"), "run, skip or fail", v))?,
            None => OnUnknown::Run,
        };
        let platform = match &args.platform {
            Some(v) => Some(Platform::parse(v).ok_or_else(|| {
                UsageError::invalid(name("platform"), "github, gitlab, bitbucket or local", v)
            })?),
            None => None,
        };
        let event = match &args.event {
            Some(v) => Some(EventKind::parse(v).ok_or_else(|| {
                UsageError::invalid(
                    name("event"),
                    "pull-request, push-default, push, tag, schedule, manual or merge-queue",
                    v,
                )
            })?),
            None => None,
        };
        let comment = match &args.comment {
            Some(v) => CommentMode::parse(v.trim()).ok_or_else(|| {
                UsageError::invalid(name("comment"), "update, new, changes-only or off", v)
            })?,
            None => CommentMode::Update,
        };
        // clap always supplies the default; a `Settings` built without clap gets the same.
        let concurrency_text = args
            .api_concurrency
            .as_deref()
            .unwrap_or(DEFAULT_API_CONCURRENCY);
        let concurrency = concurrency_text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=64).contains(n))
            .ok_or_else(|| {
                UsageError::invalid(
                    name("api_concurrency"),
                    "a whole number from 1 to 64",
                    concurrency_text,
                )
            })?;
        let seconds =
            |id: &str, v: &Option<String>, default: u64| -> Result<Duration, UsageError> {
                match v {
                    Some(v) => v
                        .trim()
                        .parse::<u64>()
                        .map(Duration::from_secs)
                        .map_err(|_| UsageError::invalid(name(id), "a number of seconds", v)),
                    None => Ok(Duration::from_secs(default)),
                }
            };
        let max_wait = seconds("api_max_wait", &args.api_max_wait, 60)?;
        let timeout = seconds("timeout", &args.timeout, DEFAULT_TIMEOUT_SECS)?;
        if timeout.is_zero() {
            return Err(UsageError::invalid(
                name("timeout"),
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
                    name("working_directory"),
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
            installation: args
                .installation
                .map(|i| i.trim().to_owned())
                .filter(|i| !i.is_empty())
                .map(|i| (i, name("installation"))),
            paths_given: args.paths.is_some()
                && parsed
                    .matches
                    .subcommand()
                    .map_or(&parsed.matches, |(_, m)| m)
                    .value_source("paths")
                    != Some(ValueSource::DefaultValue),
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
                proxy: crate::platform::http::ProxySettings::from_env(env),
                ..RetryPolicy::default()
            },
            changes_budget: CHANGES_BUDGET,
            bot_login: self.bot_login.clone(),
        }
    }
}

/// `cmd` with the stage's about text, the common flags (its own `--run-on` default) and the
/// stage's own flags.
pub fn stage_command(stage: &dyn RegisteredStage, cmd: Command) -> Command {
    let run_on: Vec<&str> = stage.default_run_on().iter().map(|k| k.name()).collect();
    let cmd =
        CommonArgs::augment_args(cmd).mut_arg("run_on", |a| a.default_value(run_on.join(",")));
    // The about text last: an `Args` struct's doc comment would otherwise replace it.
    stage
        .augment(cmd)
        .about(stage.about())
        .long_about(None::<&str>)
        .after_help(format!("{}\n\n{AFTER_HELP}", variables_help(stage)))
}

/// The variables a stage reads besides its flags, from the registry and the catalogue: its
/// secrets and inputs, then where its tools are.
fn variables_help(stage: &dyn RegisteredStage) -> String {
    let info = stage.info();
    let mut lines = vec!["Variables read besides the flags:".to_owned()];
    for var in info.variables {
        let secret = if var.is_secret() { " (secret)" } else { "" };
        lines.push(format!("  {}{secret}\n      {}", var.name, var.about));
    }
    let tools: Vec<String> = info
        .tools
        .iter()
        .filter(|t| !info.variables.contains(&t.bin_var))
        .map(|t| format!("{} ({})", t.bin_var.name, t.name))
        .collect();
    if !tools.is_empty() {
        lines.push(format!(
            "  Where its tools are, each found on PATH when unset:\n      {}",
            tools.join(", ")
        ));
    }
    lines.join("\n")
}

pub fn common_args(matches: &ArgMatches) -> Result<CommonArgs, StageError> {
    CommonArgs::from_arg_matches(matches)
        .map_err(|e| UsageError::Other(e.to_string().trim().to_owned()).into())
}
