//! The command line, generated from the stage registry: the `kkp-delivery` subcommands, each
//! `kkp-<stage>` executable, `explain` and `plan-report`.
//!
//! Every flag `--x-y` also reads `KKP_X_Y` from the environment snapshot, through one generic
//! rule ([`parse_with_env`]) rather than code per flag: a flag wins over its variable, the
//! variable over the default. The help text names each variable.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgAction, ArgMatches, Args, Command};

use crate::env::{vars, Env};
use crate::error::{StageError, UsageError};
use crate::flags::{
    common_args, parse_with_env, stage_command, with_env_help, CommonArgs, ParseExit, Parsed,
    AFTER_HELP,
};
use crate::mask::{Masker, MaskingWriter};
use crate::stages::{self, RegisteredStage, STAGES};
use crate::walk::{self, Invoked};

/// Everything `main` hands the library: arguments, the environment snapshot, where to write.
pub struct Invocation<'a> {
    pub args: Vec<OsString>,
    pub env: Env,
    pub cwd: PathBuf,
    /// This executable, for the stage's watchdog; `None` runs without one (tests in-process).
    pub exe: Option<PathBuf>,
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
            let _ = $crate::process::protect_process();
            // The stage's watchdog (process::Watchdog) is this executable in its own mode.
            if std::env::args_os().nth(1).as_deref()
                == Some(std::ffi::OsStr::new($crate::process::WATCHDOG_ARG))
            {
                return std::process::ExitCode::from($crate::process::watchdog(
                    std::io::stdin().lock(),
                ));
            }
            let stdout = std::io::stdout();
            let tty = stdout.is_terminal();
            std::process::ExitCode::from(($($call)+)($crate::cli::Invocation {
                args: std::env::args_os().collect(),
                env: $crate::env::Env::from_pairs(std::env::vars_os()),
                cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
                exe: std::env::current_exe().ok(),
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
            CommonArgs::augment_args(Command::new("matrix"))
                .about("Print the repository's installations to run for this event: JSON for GitHub's strategy.matrix (fromJSON), one name a line (--format list), or a GitLab child pipeline including .gitlab/kkp-installation.yml once per installation (--format gitlab); why each runs or not goes to stderr")
                .arg(clap::Arg::new("format").long("format").value_name("FORMAT").default_value("json").help("json ({\"include\":[{\"installation\",\"terraform-dir\"}]}) list (one name a line) or gitlab (a child pipeline for trigger: include: artifact:)")),
        )
        .subcommand(
            Command::new("init")
                .about("Write the pipeline file for this repository (the whole flow) for github, gitlab or bitbucket")
                .arg(clap::Arg::new("platform").long("platform").required(true).value_name("PLATFORM").help("github, gitlab or bitbucket"))
                .arg(clap::Arg::new("print").long("print").action(ArgAction::SetTrue).help("Print the file instead of writing it"))
                .arg(clap::Arg::new("default-branch").long("default-branch").value_name("BRANCH").help("The branch that deploys; default: the remote's HEAD, else the branch checked out"))
                .arg(clap::Arg::new("terraform-dir").long("terraform-dir").value_name("DIR").action(ArgAction::Append).help("A Terraform root (repeatable; the first is the one the cluster stages read); default: every folder under terraform/ holding *.tf"))
                .arg(clap::Arg::new("actions-ref").long("actions-ref").value_name("SHA").help("The commit the kkp actions are pinned to (GitHub); default: the commit this kkp-delivery was built from"))
                .arg(clap::Arg::new("image-digest").long("image-digest").value_name("sha256:DIGEST").help("The image's digest, pinned beside its tag (GitLab, Bitbucket): docker buildx imagetools inspect names it"))
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

/// The command of the single-stage executable `kkp-<stage>`.
pub fn single_command(stage: &dyn RegisteredStage) -> Command {
    let cmd = Command::new(stage.binary()).version(env!("CARGO_PKG_VERSION"));
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
    if let Some(stage) = inv.env.get(vars::STAGE) {
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
            |parsed, out, _masker| {
                let args = common_args(&sub)?;
                walk::explain(
                    args,
                    Invoked {
                        registry,
                        parsed,
                        env: &inv.env,
                        cwd: inv.cwd.clone(),
                        exe: None,
                        tty: inv.stdout_is_terminal,
                    },
                    out,
                )
            },
        ),
        "matrix" => {
            let format = sub.get_one::<String>("format").cloned().unwrap_or_default();
            let Some(format) = walk::MatrixFormat::parse(format.trim()) else {
                return parse_exit(
                    ParseExit::Usage(UsageError::invalid(
                        "--format (KKP_FORMAT)",
                        "json, list or gitlab",
                        &format,
                    )),
                    &inv.env,
                    inv.out,
                    inv.err,
                );
            };
            let mut why: Vec<u8> = Vec::new();
            let code = run_command(
                &parsed,
                &inv.env,
                inv.out,
                inv.err,
                |parsed, out, masker| {
                    let args = common_args(&sub)?;
                    let result = walk::matrix(
                        args,
                        format,
                        Invoked {
                            registry,
                            parsed,
                            env: &inv.env,
                            cwd: inv.cwd.clone(),
                            exe: None,
                            tty: inv.stdout_is_terminal,
                        },
                        out,
                        &mut why,
                    );
                    why = masker.mask(&String::from_utf8_lossy(&why)).into_bytes();
                    result
                },
            );
            let _ = inv.err.write_all(&why);
            code
        }
        "init" => {
            let root = crate::onboarding::root_of(&inv.cwd, sub.get_one::<PathBuf>("root"));
            let platform = sub
                .get_one::<String>("platform")
                .map(|p| p.trim().to_ascii_lowercase())
                .unwrap_or_default();
            let options = crate::onboarding::InitOptions {
                platform,
                roots: sub
                    .get_many::<String>("terraform-dir")
                    .map(|r| r.cloned().collect())
                    .unwrap_or_default(),
                default_branch: sub.get_one::<String>("default-branch").cloned(),
                print: sub.get_flag("print"),
                actions_ref: sub
                    .get_one::<String>("actions-ref")
                    .map(|r| r.trim().to_owned()),
                image_digest: sub
                    .get_one::<String>("image-digest")
                    .map(|d| d.trim().to_owned()),
            };
            let result = crate::onboarding::init(registry, &root, &options, inv.out);
            finish(result, inv.err, &Masker::default())
        }
        "doctor" => {
            let root = crate::onboarding::root_of(&inv.cwd, sub.get_one::<PathBuf>("root"));
            let result = crate::onboarding::doctor(registry, &root, &inv.env, inv.out);
            finish(result, inv.err, &Masker::default())
        }
        "packaging" => {
            let root = sub
                .get_one::<PathBuf>("root")
                .map(|r| inv.cwd.join(r))
                .unwrap_or_else(|| inv.cwd.clone());
            let result = if sub.get_flag("write") {
                crate::packaging::write(&root, registry)
                    .map(|written| {
                        for p in written {
                            let _ = writeln!(inv.out, "wrote {}", p.display());
                        }
                        0
                    })
                    .map_err(|e| StageError::Failed(e.into()))
            } else {
                let stale = crate::packaging::stale(&root, registry);
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
            finish(
                crate::tools::plan::plan_report(&files, inv.out),
                inv.err,
                &Masker::default(),
            )
        }
        stage_name => match stages::find(registry, stage_name) {
            Some(stage) => stage_entry(registry, stage, &sub, &parsed, inv),
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
    stage_entry(STAGES, stage, &matches, &parsed, inv)
}

/// Runs `stage` with its parsed flags, every line masked, and returns the exit status.
fn stage_entry(
    registry: &[&dyn RegisteredStage],
    stage: &dyn RegisteredStage,
    matches: &ArgMatches,
    parsed: &Parsed,
    inv: Invocation<'_>,
) -> u8 {
    let (env, cwd, tty) = (&inv.env, inv.cwd.clone(), inv.stdout_is_terminal);
    let exe = inv.exe.clone();
    run_command(parsed, env, inv.out, inv.err, |parsed, out, masker| {
        let invoked = Invoked {
            registry,
            parsed,
            env,
            cwd,
            exe,
            tty,
        };
        walk::run_stage(stage, matches, invoked, out, masker)
    })
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
    env.get(vars::BITBUCKET_BUILD_NUMBER).is_some()
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
            let text = crate::text::one_line(&e.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::{env_flags, env_var, FLAG_ONLY_COMMANDS};

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

    /// The help a user reads, whole (src/snapshots/): `kkp-delivery --help` and each stage's.
    #[test]
    fn help_texts_match_their_snapshots() {
        let mut settings = insta::Settings::clone_current();
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| {
            let mut multi = multi_command(STAGES).term_width(100);
            insta::assert_snapshot!("help_kkp_delivery", multi.render_long_help().to_string());
            for stage in STAGES {
                let mut cmd = single_command(*stage).term_width(100);
                insta::assert_snapshot!(
                    format!("help_{}", stage.binary()),
                    cmd.render_long_help().to_string()
                );
            }
        });
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
