//! The stages: one file each, and the registry that every entry point is generated from (the
//! `kkp-delivery` subcommands, the `kkp-<stage>` names it answers to, `explain`, the help text
//! and the packaging).
//!
//! Adding a stage is one file under `src/stages/` implementing [`Stage`] and one line in
//! [`STAGES`]. A stage never names a host: it
//! reaches the host through the [`Forge`] in its [`StageCx`], runs tools through the
//! [`Runner`], and returns a neutral [`Report`] that the publisher publishes.

pub mod cluster;
pub mod dns_update;
pub mod flux_bootstrap;
pub mod kkp_deploy;
pub mod kubeone_apply;
pub mod terraform;
pub mod terraform_apply;
pub mod terraform_backend_prepare;
pub mod terraform_plan;
pub mod terraform_validate;

use std::fmt;
use std::io::Write;
use std::path::PathBuf;

use clap::{ArgMatches, FromArgMatches};

use crate::context::{Context, EventKind};
use crate::env::Env;
use crate::error::{StageError, UsageError};
use crate::platform::Forge;
use crate::report::model::Report;
use crate::tools::runner::{Captured, Echo, Fold, FoldStyle, Runner, ToolCommand};

/// The default events of a stage that changes something: a push to the default branch only.
pub const PUSH_DEFAULT_ONLY: &[EventKind] = &[EventKind::PushDefault];

/// The default events of a stage that only looks: pull requests too, so reviewers see what will
/// change, and schedules (a scheduled plan is drift detection).
pub const REVIEW_EVENTS: &[EventKind] = &[
    EventKind::PullRequest,
    EventKind::MergeQueue,
    EventKind::PushDefault,
    EventKind::Schedule,
    EventKind::Manual,
];

/// No stage-specific flags.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct NoArgs {}

/// What the registry, the help text and `explain` know of a stage.
#[derive(Clone, Copy, Debug)]
pub struct StageInfo {
    /// The name in subcommands, outputs and file names (`terraform-plan`).
    pub name: &'static str,
    /// One line on what the stage does, for `--help` and summaries.
    pub about: &'static str,
    /// The events the stage runs on unless `--run-on` says otherwise.
    pub default_run_on: &'static [EventKind],
    /// The outputs the stage adds to [`COMMON_OUTPUTS`] (name, description): the packaging
    /// declares them, and a run that sets another fails its tests.
    pub outputs: &'static [(&'static str, &'static str)],
}

/// The outputs of every stage.
pub const COMMON_OUTPUTS: &[(&str, &str)] = &[
    (
        "run",
        "`true` when the stage ran, `false` when it was skipped",
    ),
    ("reason", "One line: why it ran or was skipped"),
    ("changed-files", "How many files the event changed"),
    (
        "matched-files",
        "How many of them matched the trigger paths",
    ),
];

/// One pipeline stage.
pub trait Stage: Sync {
    /// The stage's own flags, shown only in its `--help`. Each `--x-y` is also read from
    /// `KKP_X_Y`.
    type Args: clap::Args + FromArgMatches + fmt::Debug;

    /// Its name, what it does and its default events.
    fn info(&self) -> StageInfo;

    /// Runs the stage's tools. Called only when the decision is to run.
    fn run(&self, cx: &mut StageCx<'_>, args: &Self::Args) -> Result<Report, StageError>;
}

/// A stage as the registry holds it: [`Stage`] with its `Args` type erased.
pub trait RegisteredStage: Sync {
    fn info(&self) -> StageInfo;
    /// The stage's own flags, added to a command.
    fn augment(&self, cmd: clap::Command) -> clap::Command;
    /// Parses the stage's flags from `matches` and runs it.
    fn run(&self, cx: &mut StageCx<'_>, matches: &ArgMatches) -> Result<Report, StageError>;

    fn name(&self) -> &'static str {
        self.info().name
    }

    fn about(&self) -> &'static str {
        self.info().about
    }

    fn default_run_on(&self) -> &'static [EventKind] {
        self.info().default_run_on
    }

    /// The stage's executable (`kkp-terraform-plan`; `kkp-deploy` keeps its name).
    fn binary(&self) -> String {
        let name = self.name();
        if name.starts_with("kkp-") {
            name.to_owned()
        } else {
            format!("kkp-{name}")
        }
    }
}

/// Wraps a [`Stage`] for the registry.
pub struct Entry<S>(pub S);

impl<S: Stage> RegisteredStage for Entry<S> {
    fn info(&self) -> StageInfo {
        self.0.info()
    }

    fn augment(&self, cmd: clap::Command) -> clap::Command {
        <S::Args as clap::Args>::augment_args(cmd)
    }

    fn run(&self, cx: &mut StageCx<'_>, matches: &ArgMatches) -> Result<Report, StageError> {
        let args = S::Args::from_arg_matches(matches)
            .map_err(|e| UsageError::Other(e.to_string().trim().to_owned()))?;
        let result = self.0.run(cx, &args);
        // Secrets found during the run (a derived kubeconfig's credentials, decrypted values)
        // are known to the runner's masker only; the publisher's knows the environment's.
        let masker = &cx.runner.masker;
        if let Ok(report) = &result {
            // Every output is declared, so the packaging (action outputs, pipe docs) lists it.
            let info = self.0.info();
            for name in report.outputs.names() {
                debug_assert!(
                    info.outputs.iter().any(|(n, _)| *n == name)
                        || COMMON_OUTPUTS.iter().any(|(n, _)| *n == name),
                    "{}: output {name} is not declared in its StageInfo",
                    info.name
                );
            }
        }
        match result {
            Ok(report) => Ok(mask_report(report, masker)),
            Err(StageError::Failed(e)) => Err(StageError::Failed(anyhow::anyhow!(
                "{}",
                masker.mask(&format!("{e:#}"))
            ))),
            Err(usage) => Err(usage),
        }
    }
}

/// `report` with every text a user sees masked by `masker`.
fn mask_report(mut report: Report, masker: &crate::tools::runner::Masker) -> Report {
    report.headline = masker.mask(&report.headline);
    report.summary = masker.mask(&report.summary);
    if let Some((title, text)) = &mut report.details {
        *title = masker.mask(title);
        *text = text.map(|t| masker.mask(t));
    }
    for f in &mut report.findings {
        f.message = masker.mask(&f.message);
        f.title = f.title.as_deref().map(|t| masker.mask(t));
    }
    report
}

/// Every stage, in pipeline order.
pub static STAGES: &[&dyn RegisteredStage] = &[
    &Entry(terraform_validate::TerraformValidate),
    &Entry(terraform_backend_prepare::TerraformBackendPrepare),
    &Entry(terraform_plan::TerraformPlan),
    &Entry(terraform_apply::TerraformApply),
    &Entry(kubeone_apply::KubeoneApply),
    &Entry(kkp_deploy::KkpDeploy),
    &Entry(dns_update::DnsUpdate),
    &Entry(flux_bootstrap::FluxBootstrap),
];

/// The stage called `name` (`terraform-plan`, or its executable's name).
pub fn find<'r>(
    registry: &'r [&'r dyn RegisteredStage],
    name: &str,
) -> Option<&'r dyn RegisteredStage> {
    let v = name.trim().to_ascii_lowercase().replace('_', "-");
    registry
        .iter()
        .copied()
        .find(|s| s.name() == v || s.binary() == v)
}

/// `KKP_<STAGE>` prefix for dotenv outputs (`KKP_TERRAFORM_PLAN_RUN`).
pub fn env_prefix(stage: &str) -> String {
    format!("KKP_{}", stage.to_ascii_uppercase().replace('-', "_"))
}

/// What a stage's run gets: where it runs, the host, the tool runner and the log.
pub struct StageCx<'a> {
    pub name: &'static str,
    pub ctx: &'a Context,
    pub env: &'a Env,
    pub forge: &'a Forge,
    pub rt: &'a tokio::runtime::Runtime,
    pub log: &'a mut dyn Write,
    /// How the log folds sections where it runs.
    pub folds: &'a dyn FoldStyle,
    pub runner: Runner,
    /// The stage's folder, relative to the repository root (`terraform/aws`), or empty.
    pub working_dir: PathBuf,
}

impl StageCx<'_> {
    /// The stage's folder on disk.
    pub fn dir(&self) -> PathBuf {
        self.ctx.workspace.join(&self.working_dir)
    }

    /// The working directory for messages: `terraform/aws`, or `.` for the root.
    pub fn dir_label(&self) -> String {
        let s = self.working_dir.display().to_string();
        if s.is_empty() {
            ".".to_owned()
        } else {
            s
        }
    }

    /// The stage's folder, which must exist.
    pub fn root_dir(&self) -> Result<PathBuf, StageError> {
        let dir = self.dir();
        if dir.is_dir() {
            Ok(dir)
        } else {
            Err(UsageError::invalid(
                "--working-directory",
                "an existing folder with the Terraform root",
                &self.dir_label(),
            )
            .into())
        }
    }

    /// Opens a folded log section; it closes when dropped.
    pub fn fold(&mut self, id: &str, title: &str) -> Result<Fold<'_>, StageError> {
        Fold::open(self.folds, &mut *self.log, id, title).map_err(|e| StageError::Failed(e.into()))
    }

    /// Runs `cmd` with its output in a folded section titled `title`.
    pub fn run_folded(
        &mut self,
        id: &str,
        title: &str,
        cmd: &ToolCommand,
        echo: Echo<'_>,
    ) -> Result<Captured, StageError> {
        let mut fold = Fold::open(self.folds, &mut *self.log, id, title)
            .map_err(|e| StageError::Failed(e.into()))?;
        let out = self
            .runner
            .run(cmd, &mut fold, echo)
            .map_err(StageError::Failed)?;
        fold.close().map_err(|e| StageError::Failed(e.into()))?;
        Ok(out)
    }

    /// One line for the log, masked with every secret known so far.
    pub fn say(&mut self, line: &str) -> Result<(), StageError> {
        let line = self.runner.masker.mask(line);
        writeln!(self.log, "{line}").map_err(|e| StageError::Failed(e.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_binaries_round_trip() {
        for s in STAGES {
            assert_eq!(find(STAGES, s.name()).map(|f| f.name()), Some(s.name()));
            assert_eq!(find(STAGES, &s.binary()).map(|f| f.name()), Some(s.name()));
        }
        assert_eq!(env_prefix("terraform-plan"), "KKP_TERRAFORM_PLAN");
        assert_eq!(
            find(STAGES, "kkp-deploy").map(|s| s.binary()).as_deref(),
            Some("kkp-deploy")
        );
    }
}

#[cfg(test)]
mod throwaway {
    //! A stage that exists only here proves that the registry alone gives a stage its
    //! subcommand, its flags with their variables, its decision, its outputs and its summary.

    use super::*;
    use crate::cli::{main_with, Invocation};

    struct Throwaway;

    #[derive(clap::Args, Debug)]
    struct ThrowawayArgs {
        /// What the stage says when it runs
        #[arg(long, default_value = "hello")]
        greeting: String,
    }

    impl Stage for Throwaway {
        type Args = ThrowawayArgs;

        fn info(&self) -> StageInfo {
            StageInfo {
                name: "throwaway",
                about: "a stage that exists only in this test",
                default_run_on: PUSH_DEFAULT_ONLY,
                outputs: &[("greeting", "what it said")],
            }
        }

        fn run(&self, cx: &mut StageCx<'_>, args: &ThrowawayArgs) -> Result<Report, StageError> {
            cx.say(&format!("throwaway says {}", args.greeting))?;
            let mut report = Report::new(true, format!("said {}", args.greeting), ".");
            report.summary = format!("### throwaway said {}\n", args.greeting);
            report.outputs.set("greeting", args.greeting.clone());
            Ok(report)
        }
    }

    static REGISTRY: &[&dyn RegisteredStage] = &[&Entry(Throwaway)];

    fn invoke(args: &[&str], env: Env) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = main_with(
            REGISTRY,
            Invocation {
                args: args.iter().map(Into::into).collect(),
                env,
                cwd: std::env::temp_dir(),
                stdout_is_terminal: false,
                out: &mut out,
                err: &mut err,
            },
        );
        (
            code,
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    }

    #[test]
    fn a_stage_added_through_the_registry_alone_runs_end_to_end() {
        let (code, help, _) = invoke(&["kkp-delivery", "--help"], Env::default());
        assert_eq!(code, 0);
        assert!(help.contains("throwaway") && help.contains("exists only in this test"));
        let (code, help, _) = invoke(&["kkp-delivery", "throwaway", "--help"], Env::default());
        assert_eq!(code, 0);
        assert!(
            help.contains("--greeting") && help.contains("[env: KKP_GREETING]"),
            "{help}"
        );

        let dir = tempfile::tempdir().unwrap();
        let outputs = dir.path().join("output");
        let summary = dir.path().join("summary");
        let env = Env::from_pairs([
            ("GITHUB_ACTIONS", "true".to_owned()),
            ("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned()),
            ("GITHUB_REPOSITORY", "acme/kkp".to_owned()),
            ("GITHUB_WORKSPACE", dir.path().display().to_string()),
            ("GITHUB_OUTPUT", outputs.display().to_string()),
            ("GITHUB_STEP_SUMMARY", summary.display().to_string()),
            ("KKP_GREETING", "hi there".to_owned()),
        ]);
        // Its default events are the registry's default (push to the default branch only):
        // a manual run skips …
        let (code, log, err) = invoke(&["kkp-delivery", "throwaway"], env.clone());
        assert_eq!(code, 0, "{log}{err}");
        assert!(log.contains("kkp-delivery throwaway: skipped"), "{log}");
        // … and runs when forced, with the stage's own flag from its variable.
        let (code, log, err) = invoke(&["kkp-delivery", "throwaway", "--force"], env);
        assert_eq!(code, 0, "{log}{err}");
        assert!(log.contains("kkp-delivery throwaway: runs"), "{log}");
        assert!(log.contains("throwaway says hi there"), "{log}");
        assert!(log.contains("throwaway: said hi there"), "{log}");
        let outputs = std::fs::read_to_string(outputs).unwrap();
        assert!(outputs.contains("run=true"), "{outputs}");
        assert!(outputs.contains("greeting=hi there"), "{outputs}");
        let summary = std::fs::read_to_string(summary).unwrap();
        assert!(summary.contains("`throwaway` runs"), "{summary}");
        assert!(summary.contains("### throwaway said hi there"), "{summary}");
    }
}
