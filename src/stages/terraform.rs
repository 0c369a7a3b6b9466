//! What the Terraform stages share: the `--backend-config` flag, and one builder for Terraform
//! command lines in a root (the executable, the folder, the automation settings and, where the
//! host manages Terraform state, its `TF_HTTP_*` settings).

use crate::env::vars;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::env::Env;
use crate::error::StageError;
use crate::error::UsageError;
use crate::platform::Forge;
use crate::report::comment::LongText;
use crate::report::model::{Finding, Level, Report};
use crate::text::escape;
use crate::text::one_line;
use crate::tools::backend;
use crate::tools::json_stream::GrowingFile;
use crate::tools::plan::{summarise, PlanSummary};
use crate::tools::runner::{make_private, write_private, Captured, Echo, StdoutTo, ToolCommand};
use crate::tools::terraform::{
    diagnostics_from_log, failure_reason, findings_from_output, log_message,
};
use crate::tools::TERRAFORM;

use anyhow::Context as _;

use super::StageCx;
use super::{PLAN_FILE, PLAN_JSON};

/// Flags of the stages that initialise a Terraform backend.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct BackendArgs {
    /// A `-backend-config` file for `terraform init`, relative to the repository root
    #[arg(long, value_name = "FILE")]
    pub backend_config: Option<PathBuf>,
    /// The name of the Terraform state where the host manages it (an `http` backend);
    /// default: the folder, with `/` as `-`
    #[arg(long, value_name = "NAME")]
    pub state_name: Option<String>,
}

impl BackendArgs {
    /// The `-backend-config` file as an absolute path.
    pub fn file(&self, cx: &StageCx<'_>) -> Option<PathBuf> {
        self.backend_config
            .as_ref()
            .map(|p| cx.ctx.workspace.join(p))
    }
}

impl BackendArgs {
    /// The state name for a root: `--state-name`, else the folder with `/` as `-`.
    pub fn state_name(&self, dir_label: &str) -> String {
        self.state_name.clone().unwrap_or_else(|| {
            if dir_label == "." {
                "default".to_owned()
            } else {
                dir_label.replace('/', "-")
            }
        })
    }
}

/// `TF_HTTP_*` for Terraform when the root uses the `http` backend, the host manages the state
/// and the job did not set them itself: the host's job credential is the password, passed only
/// to Terraform's environment.
fn managed_state_env(
    forge: &Forge,
    env: &Env,
    dir: &Path,
    state_name: &str,
    backend_config: Option<&Path>,
) -> Vec<(String, String)> {
    let is_http =
        backend::read(dir, backend_config).is_ok_and(|c| c.kind.as_deref() == Some("http"));
    if !is_http {
        return Vec::new();
    }
    let Some(state) = forge.managed_terraform_state(state_name) else {
        return Vec::new();
    };
    let managed_address = state
        .vars
        .iter()
        .find(|(k, _)| k == "TF_HTTP_ADDRESS")
        .map(|(_, v)| v.clone());
    let mut vars = match env.get(vars::TF_HTTP_ADDRESS) {
        None => state.vars,
        // Set by the job, often from terraform-backend-prepare's dotenv: the password goes
        // with it only when it is the host's own state address, never to another address.
        Some(address) if Some(address) == managed_address.as_deref() => Vec::new(),
        Some(_) => return Vec::new(),
    };
    if let (None, Some(password)) = (
        env.get(vars::TF_HTTP_PASSWORD),
        forge.managed_terraform_password(env),
    ) {
        vars.push(("TF_HTTP_PASSWORD".into(), password.to_owned()));
    }
    vars
}

/// The engine a root is planned and applied with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Terraform,
    OpenTofu,
}

impl Engine {
    /// The command's name, in every message: `terraform`, `tofu`.
    pub fn command(self) -> &'static str {
        self.tool().name
    }

    /// The product's name: `Terraform`, `OpenTofu`.
    pub fn title(self) -> &'static str {
        match self {
            Engine::Terraform => "Terraform",
            Engine::OpenTofu => "OpenTofu",
        }
    }

    /// The root as headlines and reports name it: `terraform/aws`, or `terraform/aws (OpenTofu)`
    /// so reports that carry only the headline (a code insights report) say which
    /// engine ran.
    pub fn describe(self, dir_label: &str) -> String {
        match self {
            Engine::Terraform => dir_label.to_owned(),
            Engine::OpenTofu => format!("{dir_label} (OpenTofu)"),
        }
    }

    pub fn tool(self) -> crate::tools::runner::Tool {
        match self {
            Engine::Terraform => TERRAFORM,
            Engine::OpenTofu => crate::tools::TOFU,
        }
    }
}

/// `--engine`, shared by the stages that run Terraform on a root.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct EngineArgs {
    /// terraform or opentofu (the `tofu` executable, or KKP_TOFU_BIN); default: opentofu when
    /// the root has `.tofu` files, else terraform
    #[arg(long, value_name = "ENGINE")]
    pub engine: Option<String>,
}

impl EngineArgs {
    /// The engine for the root in `dir`.
    pub fn resolve(&self, dir: &Path) -> Result<Engine, UsageError> {
        match self
            .engine
            .as_deref()
            .map(|e| e.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("") => Ok(if crate::tools::terraform::has_tofu_files(dir) {
                Engine::OpenTofu
            } else {
                Engine::Terraform
            }),
            Some("terraform") => Ok(Engine::Terraform),
            Some("opentofu") | Some("tofu") => Ok(Engine::OpenTofu),
            Some(other) => Err(UsageError::invalid(
                "--engine (KKP_ENGINE)",
                "terraform or opentofu",
                other,
            )),
        }
    }
}

/// Builds Terraform commands for one root.
pub struct Terraform {
    base: ToolCommand,
    backend_config: Option<PathBuf>,
    engine: Engine,
}

impl Terraform {
    /// Terraform in the stage's folder with automation settings and the managed state's address
    /// and password. Even validate's `init -backend=false` loads the state of a folder that an
    /// earlier `init` initialised (a cached `.terraform`), so it gets them too.
    pub fn new(cx: &StageCx<'_>, backend: Option<&BackendArgs>) -> Self {
        let dir = cx.dir();
        let backend_config = backend.and_then(|b| b.file(cx));
        let mut base = TERRAFORM
            .command(cx.env, &dir, &[])
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0");
        let default = BackendArgs::default();
        base.extra_env.extend(managed_state_env(
            cx.forge,
            cx.env,
            &dir,
            &backend.unwrap_or(&default).state_name(&cx.dir_label()),
            backend_config.as_deref(),
        ));
        Self {
            base,
            backend_config,
            engine: Engine::Terraform,
        }
    }

    /// The same commands, run by `engine`'s executable.
    pub fn with_engine(mut self, cx: &StageCx<'_>, engine: Engine) -> Self {
        self.base.tool = engine.tool();
        self.base.program = engine.tool().program(cx.env);
        self.engine = engine;
        self
    }

    /// The command's name for messages: `terraform`, `tofu`.
    pub fn name(&self) -> &'static str {
        self.engine.command()
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The same, with `name=value` in every command's environment (`TF_VAR_*`).
    pub fn with_env(mut self, name: &str, value: &str) -> Self {
        self.base
            .extra_env
            .push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn cmd(&self, args: &[&str]) -> ToolCommand {
        let mut cmd = self.base.clone();
        cmd.args = args.iter().map(|s| (*s).to_owned()).collect();
        cmd
    }

    /// Runs `init` in its own log section, its JSON log lines shown as their messages.
    pub fn run_init(&self, cx: &mut StageCx<'_>, backend: bool) -> Result<Captured, StageError> {
        let flag = if backend { "" } else { " -backend=false" };
        let title = format!("{} init{flag} ({})", self.name(), cx.dir_label());
        cx.run_folded(
            "kkp_tf_init",
            &title,
            &self.init(backend),
            Echo::Map(&log_message),
        )
    }

    /// `init -input=false -json`, with the backend (and `--backend-config`) or without it.
    pub fn init(&self, backend: bool) -> ToolCommand {
        let mut cmd = self.cmd(&["init", "-input=false", "-json"]);
        if !backend {
            cmd.args.insert(1, "-backend=false".into());
        } else if let Some(p) = &self.backend_config {
            cmd.args.push(format!("-backend-config={}", p.display()));
        }
        cmd
    }
}

impl Terraform {
    /// `plan -out=kkp.tfplan` in its own log section, the saved plan made owner-only (it holds
    /// sensitive values in the clear). `Ok(Err(reason))` when Terraform refused to plan.
    pub fn save_plan(
        &self,
        cx: &mut StageCx<'_>,
        title: &str,
        knob_args: &[String],
    ) -> Result<Result<(), Failure>, StageError> {
        let out = format!("-out={}", PLAN_FILE.name);
        // Created owner-only before Terraform writes it (it truncates, keeping the mode), and
        // restricted again after, in case the file was replaced.
        let plan_path = cx.dir().join(PLAN_FILE.name);
        write_private(&plan_path, b"").map_err(StageError::Failed)?;
        let mut cmd = self.cmd(&["plan", "-input=false", "-no-color", &out]);
        cmd.args.extend(knob_args.iter().cloned());
        let plan = cx.run_folded(
            "kkp_tf_plan",
            title,
            // Every planned change is logged as it arrives; only the end is kept, for an error.
            &cmd.logged_only(),
            Echo::Lines,
        )?;
        if !plan.success() {
            return Ok(Err(Failure::of(
                cx,
                &format!("{} plan", self.name()),
                &plan,
            )));
        }
        make_private(&plan_path).map_err(StageError::Failed)?;
        Ok(Ok(()))
    }
}

impl Terraform {
    /// `plan -out` with `knobs`: the `--variables` go to Terraform in a private file outside
    /// the work tree, removed when the plan ends, whatever happens.
    pub fn save_plan_with(
        &self,
        cx: &mut StageCx<'_>,
        title: &str,
        knobs: &Knobs,
    ) -> Result<Result<(), Failure>, StageError> {
        let private = match &knobs.variables_hcl {
            Some(hcl) => {
                let dir = super::private::PrivateDir::new(cx)?;
                let file = dir.path().join("variables.tfvars");
                write_private(&file, hcl.as_bytes()).map_err(StageError::Failed)?;
                Some((dir, file))
            }
            None => None,
        };
        let knob_args = knobs.plan_args(
            &cx.ctx.workspace,
            private.as_ref().map(|(_, file)| file.as_path()),
        );
        let planned = self.save_plan(cx, title, &knob_args)?;
        drop(private);
        Ok(planned)
    }

    /// `workspace select -or-create=true NAME` in its own log section, after `init`.
    pub fn select_workspace(
        &self,
        cx: &mut StageCx<'_>,
        name: &str,
    ) -> Result<Result<(), Failure>, StageError> {
        let selected = cx.run_folded(
            "kkp_tf_workspace",
            &format!(
                "{} workspace select {name} ({})",
                self.name(),
                cx.dir_label()
            ),
            &self.cmd(&["workspace", "select", "-or-create=true", name]),
            Echo::Lines,
        )?;
        if selected.success() {
            Ok(Ok(()))
        } else {
            Ok(Err(Failure::of(
                cx,
                &format!("{} workspace select", self.name()),
                &selected,
            )))
        }
    }
}

/// A Terraform command that failed: why, in one line, and its diagnostics as findings (at
/// their file and line where Terraform named one).
#[derive(Debug)]
pub struct Failure {
    /// `terraform plan`
    pub command: String,
    pub reason: String,
    pub findings: Vec<Finding>,
    /// The end of what it printed, for the comment's folded block.
    pub output: String,
}

/// How much of a failed command's output the comment and summary fold in.
const FAILURE_OUTPUT_KEEP: usize = 20_000;

impl Failure {
    pub fn of(cx: &StageCx<'_>, command: &str, run: &Captured) -> Self {
        let output = format!("{}\n{}", run.stdout, run.stderr);
        let mut findings = findings_from_output(&output, &cx.working_dir);
        // `-json` commands (init) carry their diagnostics as log lines.
        findings.extend(
            diagnostics_from_log(&run.stdout)
                .iter()
                .map(|d| d.to_finding(&cx.working_dir)),
        );
        let text: String = output
            .lines()
            .filter_map(|l| {
                if l.starts_with('{') {
                    log_message(l)
                } else {
                    Some(l.to_owned())
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let chars = text.chars().count();
        let output = text
            .chars()
            .skip(chars.saturating_sub(FAILURE_OUTPUT_KEEP))
            .collect::<String>()
            .trim()
            .to_owned();
        let what = format!("{command} in {}", cx.dir_label());
        // The first error's summary and whole detail (Terraform wraps it over lines); a held
        // lock is said with its owner.
        let first_error = findings.iter().find(|f| f.level == Level::Error);
        let reason = match first_error {
            Some(f) if !text.contains("Error acquiring the state lock") => {
                let title = f.title.as_deref().unwrap_or("Error");
                if f.message == title {
                    format!("{what} failed: {title}")
                } else {
                    format!("{what} failed: {title}: {}", one_line(&f.message))
                }
            }
            _ => failure_reason(&text, &what),
        };
        Self {
            command: command.to_owned(),
            reason,
            findings,
            output,
        }
    }

    /// A failure with only a reason (a command that printed nothing useful).
    pub fn reason(command: &str, reason: String) -> Self {
        Self {
            command: command.to_owned(),
            reason,
            findings: Vec::new(),
            output: String::new(),
        }
    }

    /// The failed report: the reason as headline, the findings, the error in the summary.
    pub fn report(self, cx: &StageCx<'_>) -> Report {
        let label = cx.dir_label();
        let mut report = Report::failed(self.reason.clone(), label.clone());
        report.summary = self.markdown(cx);
        if !self.output.is_empty() {
            report.details = Some((
                format!("{} output", self.command),
                LongText::whole(self.output.clone()),
            ));
        }
        report.findings = self.findings;
        report.findings_path = label;
        report
    }

    /// `### ❌ `terraform plan` in `dir` failed`, the reason, the commit and run, and each
    /// error with its place.
    pub fn markdown(&self, cx: &StageCx<'_>) -> String {
        use std::fmt::Write as _;
        let mut md = format!(
            "### ❌ `{}` in `{}` failed\n\n**{}**\n\n",
            self.command,
            escape(&cx.dir_label()),
            escape(&self.reason)
        );
        if let Some(p) = provenance(cx.ctx) {
            let _ = writeln!(md, "{p}\n");
        }
        for f in self.findings.iter().filter(|f| f.level == Level::Error) {
            let place = match (&f.file, f.line) {
                (Some(file), Some(line)) => format!("`{}:{line}` ", file.replace('`', "'")),
                (Some(file), None) => format!("`{}` ", file.replace('`', "'")),
                _ => String::new(),
            };
            let _ = writeln!(
                md,
                "- {place}**{}**: {}",
                escape(f.title.as_deref().unwrap_or("Error")),
                escape(&one_line(&f.message))
            );
        }
        md.push('\n');
        md
    }
}

/// The commit and the run, as one Markdown line: `Commit [`abc1234`](…) · [workflow run](…)`.
pub fn provenance(ctx: &crate::context::Context) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(commit) = ctx.commit_markdown() {
        parts.push(format!("Commit {commit}"));
    }
    if let Some(run) = ctx.run_markdown() {
        parts.push(run);
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

impl Terraform {
    /// `show -json` of the saved plan into `kkp.tfplan.json` (owner-only: it holds sensitive
    /// values), summarised by the streaming parser as Terraform writes it: a thread follows the
    /// file while the runner streams the pipe into it, so no step holds the whole document and
    /// the summary is ready when Terraform ends. `Ok(Err(reason))` when Terraform could not show
    /// it.
    pub fn show_plan(
        &self,
        cx: &mut StageCx<'_>,
    ) -> Result<Result<PlanSummary, String>, StageError> {
        let json_path = cx.dir().join(PLAN_JSON.name);
        let mut cmd = self.cmd(&["show", "-json", PLAN_FILE.name]);
        cmd.stdout_to = StdoutTo::File(json_path.clone());
        // Nothing but the runner's new file may be followed (a checkout could hold one).
        let _ = std::fs::remove_file(&json_path);
        let written = AtomicBool::new(false);
        let title = format!("{} show ({})", self.name(), cx.dir_label());
        let (show, parsed) = std::thread::scope(|scope| {
            let parser = scope.spawn(|| {
                summarise(GrowingFile::new(&json_path, &written))
                    .context("show -json printed no plan")
            });
            // Set however the run ends, a failure or an unwinding panic included: the parser
            // then reaches the end of what was written instead of waiting for more.
            struct Ended<'a>(&'a AtomicBool);
            impl Drop for Ended<'_> {
                fn drop(&mut self) {
                    self.0.store(true, Ordering::SeqCst);
                }
            }
            let ended = Ended(&written);
            let show = cx.run_folded("kkp_tf_show", &title, &cmd, Echo::Quiet);
            drop(ended);
            (show, parser.join())
        });
        let show = show?;
        if !show.success() {
            let _ = std::fs::remove_file(&json_path);
            return Ok(Err(format!(
                "{} show -json {} failed: {}",
                self.name(),
                PLAN_FILE.name,
                one_line(show.stderr.trim())
            )));
        }
        let summary = parsed
            .map_err(|_| anyhow::anyhow!("the plan parser failed"))
            .and_then(|parsed| parsed)
            .map_err(StageError::Failed)?;
        Ok(Ok(summary))
    }
}

/// The everyday Terraform knobs of the plan and apply stages. Each is a flag, a `KKP_*`
/// variable, an action input, a component input and a pipe variable (the packaging is
/// generated from these flags). The plan stage records them in its comment; the apply stage
/// refuses a run whose knobs differ from the reviewed plan's.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct PlanKnobs {
    /// A variables file for the plan, relative to the repository root; repeatable (the variable
    /// takes one per line, or comma-separated)
    #[arg(long, value_name = "FILE", action = clap::ArgAction::Append)]
    pub var_file: Vec<String>,
    /// Terraform variables as HCL (`name = "value"`, one per line), handed to Terraform in a
    /// private file that is removed after the run; the values are never shown
    #[arg(long, value_name = "HCL")]
    pub variables: Option<String>,
    /// The Terraform workspace, selected (created when missing) before planning; default: the
    /// root's current one
    #[arg(long, value_name = "NAME")]
    pub workspace: Option<String>,
    /// Plan only this resource address (`-target`); repeatable (the variable takes one per line)
    #[arg(long, value_name = "ADDRESS", action = clap::ArgAction::Append)]
    pub target: Vec<String>,
    /// Plan to replace this resource (`-replace`); repeatable (the variable takes one per line)
    #[arg(long, value_name = "ADDRESS", action = clap::ArgAction::Append)]
    pub replace: Vec<String>,
    /// Plan to destroy every resource of the root (`-destroy`)
    #[arg(long)]
    pub destroy: bool,
    /// Whether the plan refreshes the state first: true or false (`-refresh=false`)
    #[arg(long, value_name = "BOOL", default_value = "true")]
    pub refresh: Option<String>,
    /// How many operations Terraform runs at once (`-parallelism`; Terraform's default is 10)
    #[arg(long, value_name = "N")]
    pub parallelism: Option<String>,
}

/// The knobs checked: what changes what a plan is, as the comment records them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Knobs {
    /// The workspace; `None` for the root's current one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
    /// Repository-relative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub var_files: Vec<String>,
    /// The names of the `--variables`, never their values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replace: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub destroy: bool,
    /// `false` when the plan skipped the refresh.
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    pub refresh: bool,
    /// Not part of what a plan is; shown, never compared.
    #[serde(default, skip)]
    pub parallelism: Option<u32>,
    /// The variables' HCL, kept out of every log and report.
    #[serde(default, skip)]
    pub variables_hcl: Option<String>,
}

fn yes() -> bool {
    true
}

impl Default for Knobs {
    /// Terraform's own defaults: the current workspace, a refreshing plan of everything.
    fn default() -> Self {
        Self {
            workspace: None,
            var_files: Vec::new(),
            variables: Vec::new(),
            targets: Vec::new(),
            replace: Vec::new(),
            destroy: false,
            refresh: true,
            parallelism: None,
            variables_hcl: None,
        }
    }
}

/// The hidden marker that carries a plan's knobs in its comment.
const KNOBS_MARKER: &str = "<!-- kkp-knobs:";

/// One value per line (and, where `commas`, per comma), trimmed, empty ones dropped.
fn split_list(values: &[String], commas: bool) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| {
            v.split(|c| c == '\n' || (commas && c == ','))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The names a block of HCL assigns at its top level (`name = …`).
fn assigned_names(hcl: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0i32;
    for line in hcl.lines() {
        let trimmed = line.trim();
        if depth == 0 {
            if let Some((name, _)) = trimmed.split_once('=') {
                let name = name.trim().trim_matches('"');
                if !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    names.push(name.to_owned());
                }
            }
        }
        depth += trimmed.matches(['{', '[', '(']).count() as i32;
        depth -= trimmed.matches(['}', ']', ')']).count() as i32;
    }
    names
}

/// The quoted values of an HCL block that a log could show: masked wherever they appear.
fn variable_values(hcl: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut rest = hcl;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else { break };
        let value = &after[..end];
        // A value as short as a word would mask ordinary text; a key's name is not a value.
        if value.chars().count() >= 6 && !after[end + 1..].trim_start().starts_with('=') {
            values.push(value.to_owned());
        }
        rest = &after[end + 1..];
    }
    values
}

impl PlanKnobs {
    /// Validates the knobs (exit 2 naming the flag and its variable) against the repository
    /// at `workspace_root`.
    pub fn resolve(&self, workspace_root: &Path) -> Result<Knobs, UsageError> {
        let mut var_files = Vec::new();
        for file in split_list(&self.var_file, true) {
            let path = workspace_root.join(&file);
            let inside = !Path::new(&file).is_absolute()
                && !Path::new(&file)
                    .components()
                    .any(|c| matches!(c, std::path::Component::ParentDir));
            if !inside || !path.is_file() {
                return Err(UsageError::invalid(
                    "--var-file (KKP_VAR_FILE)",
                    "a variables file inside the repository, relative to its root",
                    &file,
                ));
            }
            var_files.push(file.trim_start_matches("./").to_owned());
        }
        let workspace = match self.workspace.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(name)
                if name.len() <= 90
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    && !name.starts_with('.') =>
            {
                Some(name.to_owned())
            }
            Some(name) => {
                return Err(UsageError::invalid(
                    "--workspace (KKP_WORKSPACE)",
                    "a Terraform workspace name: letters, digits, `-`, `_` and `.`",
                    name,
                ))
            }
        };
        let refresh = match self
            .refresh
            .as_deref()
            .map(|r| r.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("") | Some("true") | Some("1") | Some("yes") => true,
            Some("false") | Some("0") | Some("no") => false,
            Some(other) => {
                return Err(UsageError::invalid(
                    "--refresh (KKP_REFRESH)",
                    "true or false",
                    other,
                ))
            }
        };
        let parallelism = match self.parallelism.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) => match n.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => Some(n),
                _ => {
                    return Err(UsageError::invalid(
                        "--parallelism (KKP_PARALLELISM)",
                        "a number of operations from 1 to 1000",
                        n,
                    ))
                }
            },
        };
        let variables_hcl = self
            .variables
            .as_deref()
            .filter(|v| !v.trim().is_empty())
            .map(str::to_owned);
        let variables = variables_hcl
            .as_deref()
            .map(assigned_names)
            .unwrap_or_default();
        if variables_hcl.is_some() && variables.is_empty() {
            // The value is never echoed: it may hold secrets.
            return Err(UsageError::invalid(
                "--variables (KKP_VARIABLES)",
                "HCL assignments, `name = \"value\"` one per line",
                "(a value that assigns nothing; not shown)",
            ));
        }
        let targets = split_list(&self.target, false);
        let replace = split_list(&self.replace, false);
        for address in targets.iter().chain(&replace) {
            if address.starts_with('-') {
                return Err(UsageError::invalid(
                    "--target/--replace (KKP_TARGET/KKP_REPLACE)",
                    "a resource address such as aws_instance.web",
                    address,
                ));
            }
        }
        Ok(Knobs {
            workspace,
            var_files,
            variables,
            targets,
            replace,
            destroy: self.destroy,
            refresh,
            parallelism,
            variables_hcl,
        })
    }
}

impl Knobs {
    /// Keeps the `--variables` out of every log and tool environment: their values are masked,
    /// and `KKP_VARIABLES` is hidden from the tools (Terraform gets them in a private file).
    pub fn protect(&self, cx: &mut StageCx<'_>) {
        if let Some(hcl) = &self.variables_hcl {
            let values = variable_values(hcl);
            cx.runner.masker = cx.runner.masker.with(values.iter().map(String::as_str));
        }
        cx.runner.hide("KKP_VARIABLES");
    }

    /// The plan's own arguments, after `plan -input=false -no-color -out=…`. `variables_file`
    /// is where the `--variables` were written.
    pub fn plan_args(&self, workspace_root: &Path, variables_file: Option<&Path>) -> Vec<String> {
        let mut args = Vec::new();
        for file in &self.var_files {
            args.push(format!("-var-file={}", workspace_root.join(file).display()));
        }
        if let Some(file) = variables_file {
            args.push(format!("-var-file={}", file.display()));
        }
        for t in &self.targets {
            args.push(format!("-target={t}"));
        }
        for r in &self.replace {
            args.push(format!("-replace={r}"));
        }
        if self.destroy {
            args.push("-destroy".to_owned());
        }
        if !self.refresh {
            args.push("-refresh=false".to_owned());
        }
        if let Some(n) = self.parallelism {
            args.push(format!("-parallelism={n}"));
        }
        args
    }

    /// The marker the plan's comment carries them in.
    pub fn marker(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        // Nothing in it may end the HTML comment.
        format!("{KNOBS_MARKER}{} -->", json.replace('>', "\\u003e"))
    }

    /// The knobs a plan comment recorded; the defaults for a comment written before knobs
    /// existed.
    pub fn from_comment(body: &str) -> Option<Knobs> {
        let Some(start) = body.find(KNOBS_MARKER) else {
            return Some(Knobs::default());
        };
        let rest = &body[start + KNOBS_MARKER.len()..];
        let end = rest.find(" -->")?;
        serde_json::from_str(&rest[..end]).ok()
    }

    /// How these knobs differ from the `reviewed` ones, one line each (`--target: … here,
    /// … reviewed`).
    pub fn differences(&self, reviewed: &Knobs) -> Vec<String> {
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_owned()
            } else {
                v.join(", ")
            }
        };
        let mut d = Vec::new();
        let mut check = |name: &str, here: String, there: String| {
            if here != there {
                d.push(format!(
                    "{name}: {here} in this run, {there} in the reviewed plan"
                ));
            }
        };
        let ws = |w: &Option<String>| w.clone().unwrap_or_else(|| "the current one".to_owned());
        check("--workspace", ws(&self.workspace), ws(&reviewed.workspace));
        check(
            "--var-file",
            list(&self.var_files),
            list(&reviewed.var_files),
        );
        check(
            "--variables",
            list(&self.variables),
            list(&reviewed.variables),
        );
        check("--target", list(&self.targets), list(&reviewed.targets));
        check("--replace", list(&self.replace), list(&reviewed.replace));
        check(
            "--destroy",
            self.destroy.to_string(),
            reviewed.destroy.to_string(),
        );
        check(
            "--refresh",
            self.refresh.to_string(),
            reviewed.refresh.to_string(),
        );
        d
    }

    /// The sticky marker's scope: the folder, and the workspace when one is chosen, so two
    /// workspaces of one root keep their own comment and fingerprint.
    pub fn scope(&self, dir_label: &str) -> String {
        match &self.workspace {
            Some(w) => format!("{dir_label}#{w}"),
            None => dir_label.to_owned(),
        }
    }

    /// What the plan was made with, as Markdown parts (`workspace `staging``, …).
    pub fn describe(&self, backend_config: Option<&str>) -> Vec<String> {
        let code = |v: &[String]| {
            v.iter()
                .map(|s| format!("`{}`", s.replace('`', "'")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = vec![format!(
            "workspace `{}`",
            self.workspace.as_deref().unwrap_or("default")
        )];
        if !self.var_files.is_empty() {
            parts.push(format!("var files {}", code(&self.var_files)));
        }
        if !self.variables.is_empty() {
            parts.push(format!(
                "variables {} (values not shown)",
                code(&self.variables)
            ));
        }
        if !self.targets.is_empty() {
            parts.push(format!("⚠️ targets {}", code(&self.targets)));
        }
        if !self.replace.is_empty() {
            parts.push(format!("replacing {}", code(&self.replace)));
        }
        if self.destroy {
            parts.push("⚠️ `-destroy`".to_owned());
        }
        if !self.refresh {
            parts.push("`-refresh=false`".to_owned());
        }
        if let Some(n) = self.parallelism {
            parts.push(format!("parallelism {n}"));
        }
        parts.push(match backend_config {
            Some(file) => format!("backend config `{}`", file.replace('`', "'")),
            None => "backend as in the code".to_owned(),
        });
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knobs_round_trip_through_the_comment_and_name_their_differences() {
        let repo = tempfile::tempdir().unwrap();
        std::fs::write(repo.path().join("prod.tfvars"), "n = 2\n").unwrap();
        let knobs = PlanKnobs {
            var_file: vec!["prod.tfvars".into()],
            variables: Some("password = \"s3cr3t-value-->\"\nregion = \"eu\"\n".into()),
            workspace: Some("staging".into()),
            target: vec!["aws_instance.a\naws_instance.b".into()],
            refresh: Some("false".into()),
            ..PlanKnobs::default()
        }
        .resolve(repo.path())
        .unwrap();
        assert_eq!(knobs.targets, vec!["aws_instance.a", "aws_instance.b"]);
        assert_eq!(knobs.variables, vec!["password", "region"]);
        let marker = knobs.marker();
        assert!(
            !marker.contains("s3cr3t"),
            "values never ride along: {marker}"
        );
        assert_eq!(marker.matches("-->").count(), 1, "{marker}");
        let body = format!("x\n{marker}\n");
        let read = Knobs::from_comment(&body).unwrap();
        assert!(read.differences(&knobs).is_empty(), "{read:?}");
        assert_eq!(
            Knobs::default().differences(&read),
            vec![
                "--workspace: the current one in this run, staging in the reviewed plan",
                "--var-file: none in this run, prod.tfvars in the reviewed plan",
                "--variables: none in this run, password, region in the reviewed plan",
                "--target: none in this run, aws_instance.a, aws_instance.b in the reviewed plan",
                "--refresh: true in this run, false in the reviewed plan",
            ]
        );
        // A comment written before knobs existed reads as the defaults.
        assert_eq!(Knobs::from_comment("old"), Some(Knobs::default()));
        assert_eq!(knobs.scope("terraform/aws"), "terraform/aws#staging");
        assert_eq!(
            variable_values("password = \"s3cr3t-value\"\nn = 2\nshort = \"eu\"\n"),
            vec!["s3cr3t-value"]
        );
    }

    #[test]
    fn bad_knobs_name_their_flag_and_never_echo_the_variables() {
        let repo = tempfile::tempdir().unwrap();
        let bad = |knobs: PlanKnobs, flag: &str| {
            let e = knobs.resolve(repo.path()).unwrap_err().to_string();
            assert!(e.contains(flag), "{e}");
            e
        };
        bad(
            PlanKnobs {
                var_file: vec!["../outside.tfvars".into()],
                ..Default::default()
            },
            "--var-file (KKP_VAR_FILE)",
        );
        bad(
            PlanKnobs {
                workspace: Some("a b".into()),
                ..Default::default()
            },
            "--workspace (KKP_WORKSPACE)",
        );
        bad(
            PlanKnobs {
                parallelism: Some("0".into()),
                ..Default::default()
            },
            "--parallelism (KKP_PARALLELISM)",
        );
        bad(
            PlanKnobs {
                refresh: Some("maybe".into()),
                ..Default::default()
            },
            "--refresh (KKP_REFRESH)",
        );
        bad(
            PlanKnobs {
                target: vec!["-lock=false".into()],
                ..Default::default()
            },
            "--target",
        );
        let e = bad(
            PlanKnobs {
                variables: Some("not hcl but a s3cr3t".into()),
                ..Default::default()
            },
            "--variables (KKP_VARIABLES)",
        );
        assert!(!e.contains("s3cr3t"), "{e}");
    }
}
