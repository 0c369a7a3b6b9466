//! What the Terraform stages share: the `--backend-config` flag, and one builder for Terraform
//! command lines in a root (the executable, the folder, the automation settings and, where the
//! host manages Terraform state, its `TF_HTTP_*` settings).

use crate::env::vars;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::env::Env;
use crate::error::StageError;
use crate::platform::Forge;
use crate::text::one_line;
use crate::tools::backend;
use crate::tools::json_stream::GrowingFile;
use crate::tools::plan::{summarise, PlanSummary};
use crate::tools::runner::{make_private, write_private, Captured, Echo, ToolCommand};
use crate::tools::terraform::{failure_reason, log_message};
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

/// Builds Terraform commands for one root.
pub struct Terraform {
    base: ToolCommand,
    backend_config: Option<PathBuf>,
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
        }
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
        let title = format!("terraform init{flag} ({})", cx.dir_label());
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
    ) -> Result<Result<(), String>, StageError> {
        let out = format!("-out={}", PLAN_FILE.name);
        // Created owner-only before Terraform writes it (it truncates, keeping the mode), and
        // restricted again after, in case the file was replaced.
        let plan_path = cx.dir().join(PLAN_FILE.name);
        write_private(&plan_path, b"").map_err(StageError::Failed)?;
        let plan = cx.run_folded(
            "kkp_tf_plan",
            title,
            // Every planned change is logged as it arrives; only the end is kept, for an error.
            &self
                .cmd(&["plan", "-input=false", "-no-color", &out])
                .logged_only(),
            Echo::Lines,
        )?;
        if !plan.success() {
            return Ok(Err(failure_reason(
                &format!("{}\n{}", plan.stdout, plan.stderr),
                &format!("terraform plan in {}", cx.dir_label()),
            )));
        }
        make_private(&plan_path).map_err(StageError::Failed)?;
        Ok(Ok(()))
    }
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
        cmd.stdout_to = Some(json_path.clone());
        // Nothing but the runner's new file may be followed (a checkout could hold one).
        let _ = std::fs::remove_file(&json_path);
        let written = AtomicBool::new(false);
        let title = format!("terraform show ({})", cx.dir_label());
        let (show, parsed) = std::thread::scope(|scope| {
            let parser = scope.spawn(|| {
                summarise(GrowingFile::new(&json_path, &written))
                    .context("terraform show -json printed no plan")
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
                "terraform show -json {} failed: {}",
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
