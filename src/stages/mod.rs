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
pub mod private;
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
use crate::env::{vars, Var, VarKind};
use crate::error::{StageError, UsageError};
use crate::platform::Forge;
use crate::report::model::Report;
use crate::tools::fold::{Fold, FoldStyle};
use crate::tools::runner::{Captured, Echo, Runner, Tool, ToolCommand};

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

/// What a stage works on: it decides how the pipeline runs it (one at a time per Terraform root
/// or per cluster, which artifacts and caches its job keeps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A Terraform root's code only, never its state: any number of runs at once.
    TerraformCode,
    /// A Terraform root and its state: one run at a time per root.
    TerraformState,
    /// The cluster (it finds its Terraform root with `--terraform-dir`): one run at a time.
    Cluster,
}

impl Scope {
    /// Whether the stage runs in a Terraform root given by `--working-directory`.
    pub fn is_terraform_root(self) -> bool {
        matches!(self, Scope::TerraformCode | Scope::TerraformState)
    }

    /// Words for `doctor` and the docs.
    pub fn describe(self) -> &'static str {
        match self {
            Scope::TerraformCode => "a Terraform root's code",
            Scope::TerraformState => "a Terraform root and its state",
            Scope::Cluster => "the cluster",
        }
    }
}

/// A file a stage leaves in its Terraform root for later stages of the same pipeline (an
/// artifact of its CI job). Each is defined once, here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HandedFile {
    /// Its name inside the Terraform root.
    pub name: &'static str,
    pub about: &'static str,
}

/// The saved plan terraform-plan makes and terraform-apply applies.
pub const PLAN_FILE: HandedFile = HandedFile {
    name: "kkp.tfplan",
    about: "the saved plan (owner-only)",
};
/// `terraform show -json` of the saved plan: its summary and fingerprint.
pub const PLAN_JSON: HandedFile = HandedFile {
    name: "kkp.tfplan.json",
    about: "the saved plan as JSON (owner-only)",
};
/// The non-sensitive Terraform outputs terraform-apply leaves for the cluster stages.
pub const TERRAFORM_OUTPUTS: HandedFile = HandedFile {
    name: "kkp-outputs.json",
    about: "the non-sensitive Terraform outputs, for kubeone (owner-only)",
};

/// Everything the product knows of a stage: the registry's one record, from which the command
/// line, `explain`, the packaging, `init`, `doctor` and the tools' environment are generated.
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
    pub outputs: &'static [OutputInfo],
    /// What it works on.
    pub scope: Scope,
    /// The stages it comes after in a pipeline (their jobs, when present, run first; it reads
    /// the files they hand on). Each precedes it in [`STAGES`].
    pub after: &'static [&'static str],
    /// The files it leaves in its Terraform root for later stages.
    pub hands_on: &'static [HandedFile],
    /// Whether its report carries a Terraform plan's counts (a merge request widget's report).
    pub plan_counts: bool,
    /// The tools it runs, each with its `KKP_*_BIN` variable.
    pub tools: &'static [Tool],
    /// The variables it reads beside its flags, each with one line on what it is. Its
    /// secrets among them ([`VarKind::Secret`]) are kept from every tool.
    pub variables: &'static [Var],
}

impl StageInfo {
    /// Its secret variables: the pipeline must pass them.
    pub fn secrets(&self) -> impl Iterator<Item = Var> + '_ {
        self.variables
            .iter()
            .copied()
            .filter(|v| v.kind == VarKind::Secret)
    }

    /// Whether it runs for pull and merge requests (a review stage).
    pub fn reviews(&self) -> bool {
        self.default_run_on.contains(&EventKind::PullRequest)
    }
}

/// One output of a stage, as the packaging declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutputInfo {
    /// Its name (`has-changes`), in `$GITHUB_OUTPUT`, the dotenv file and action outputs.
    pub name: &'static str,
    /// One line on what it holds.
    pub about: &'static str,
}

/// The outputs of every stage.
pub const COMMON_OUTPUTS: &[OutputInfo] = &[
    OutputInfo {
        name: "run",
        about: "`true` when the stage ran, `false` when it was skipped",
    },
    OutputInfo {
        name: "reason",
        about: "One line: why it ran or was skipped",
    },
    OutputInfo {
        name: "changed-files",
        about: "How many files the event changed",
    },
    OutputInfo {
        name: "matched-files",
        about: "How many of them matched the trigger paths",
    },
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
        if let Ok(report) = &result {
            // Every output is declared, so the packaging (action outputs, pipe docs) lists it.
            let info = self.0.info();
            for name in report.outputs.names() {
                debug_assert!(
                    info.outputs.iter().any(|o| o.name == name)
                        || COMMON_OUTPUTS.iter().any(|o| o.name == name),
                    "{}: output {name} is not declared in its StageInfo",
                    info.name
                );
            }
        }
        // The report is masked once, by the publisher, with the runner's masker (which knows
        // the secrets found during the run too). An error's text goes straight to the log:
        // masked here.
        match result {
            Err(StageError::Failed(e)) => Err(StageError::Failed(anyhow::anyhow!(
                "{}",
                cx.runner.masker.mask(&format!("{e:#}"))
            ))),
            other => other,
        }
    }
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

/// The variables no tool of `registry` inherits: the forge tokens, the tools' own key
/// variables, and every stage's secrets.
pub fn hidden_from_tools(registry: &[&dyn RegisteredStage]) -> Vec<Var> {
    let mut hidden: Vec<Var> = vars::hidden_from_tools().collect();
    for stage in registry {
        for var in stage.info().secrets() {
            if !hidden.contains(&var) {
                hidden.push(var);
            }
        }
    }
    hidden
}

/// Whether a stage of `registry` that reviews comes after `stage`: then `stage` runs before the
/// reviews too (the state backend before the plans).
pub fn precedes_a_review(registry: &[&dyn RegisteredStage], stage: &str) -> bool {
    registry
        .iter()
        .any(|s| s.info().reviews() && s.info().after.contains(&stage))
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
    /// The installation `--installation` named, whose paths the stage works on.
    pub installation: Option<crate::installations::Installation>,
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
    fn every_stage_comes_after_stages_that_precede_it_and_reads_declared_variables() {
        for (i, stage) in STAGES.iter().enumerate() {
            let info = stage.info();
            for after in info.after {
                let j = STAGES.iter().position(|s| s.name() == *after);
                assert!(
                    j.is_some_and(|j| j < i),
                    "{}: comes after {after}, which must precede it in STAGES",
                    info.name
                );
            }
            for var in info.variables {
                assert!(
                    vars::ALL.contains(var),
                    "{}: {var} is not in the catalogue",
                    info.name
                );
            }
            for tool in info.tools {
                assert!(
                    vars::ALL.contains(&tool.bin_var),
                    "{}: {} is not in the catalogue",
                    info.name,
                    tool.bin_var
                );
            }
        }
        let mut names: Vec<&str> = vars::ALL.iter().map(|v| v.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "each variable is declared once");
    }

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
