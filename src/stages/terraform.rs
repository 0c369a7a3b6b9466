//! What the Terraform stages share: the `--backend-config` flag, and one builder for Terraform
//! command lines in a root (the executable, the folder, the automation settings and, where the
//! host manages Terraform state, its `TF_HTTP_*` settings).

use std::path::{Path, PathBuf};

use crate::env::Env;
use crate::platform::Forge;
use crate::tools::backend;
use crate::tools::runner::{ToolCommand, TERRAFORM};

use super::StageCx;

/// Flags of the stages that initialise a Terraform backend.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct BackendArgs {
    /// A `-backend-config` file for `terraform init`, relative to the repository root
    #[arg(long, value_name = "FILE")]
    pub backend_config: Option<PathBuf>,
}

impl BackendArgs {
    /// The `-backend-config` file as an absolute path.
    pub fn file(&self, cx: &StageCx<'_>) -> Option<PathBuf> {
        self.backend_config
            .as_ref()
            .map(|p| cx.ctx.workspace.join(p))
    }
}

/// The state name for a root: `KKP_STATE_NAME`, else the folder with `/` as `-`.
pub fn state_name(env: &Env, dir_label: &str) -> String {
    env.get("KKP_STATE_NAME")
        .map(str::to_owned)
        .unwrap_or_else(|| {
            if dir_label == "." {
                "default".to_owned()
            } else {
                dir_label.replace('/', "-")
            }
        })
}

/// `TF_HTTP_*` for Terraform when the root uses the `http` backend, the host manages the state
/// and the job did not set them itself: the host's job credential is the password, passed only
/// to Terraform's environment.
fn managed_state_env(
    forge: &Forge,
    env: &Env,
    dir: &Path,
    dir_label: &str,
    backend_config: Option<&Path>,
) -> Vec<(String, String)> {
    if env.get("TF_HTTP_ADDRESS").is_some() {
        return Vec::new();
    }
    let is_http =
        backend::read(dir, backend_config).is_ok_and(|c| c.kind.as_deref() == Some("http"));
    if !is_http {
        return Vec::new();
    }
    let Some(state) = forge.managed_terraform_state(&state_name(env, dir_label)) else {
        return Vec::new();
    };
    let mut vars = state.vars;
    if let (None, Some(password)) = (
        env.get("TF_HTTP_PASSWORD"),
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
    /// Terraform in the stage's folder, with automation settings and managed-state variables.
    pub fn new(cx: &StageCx<'_>, backend_config: Option<PathBuf>) -> Self {
        let dir = cx.dir();
        let mut base = TERRAFORM
            .command(cx.env, &dir, &[])
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0");
        base.extra_env.extend(managed_state_env(
            cx.forge,
            cx.env,
            &dir,
            &cx.dir_label(),
            backend_config.as_deref(),
        ));
        Self {
            base,
            backend_config,
        }
    }

    pub fn cmd(&self, args: &[&str]) -> ToolCommand {
        let mut cmd = self.base.clone();
        cmd.args = args.iter().map(|s| (*s).to_owned()).collect();
        cmd
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
