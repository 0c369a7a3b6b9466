//! What a stage's tool run gets from the decision step, and what it returns.

use std::io::Write;
use std::path::PathBuf;

use crate::changes::ApiSettings;
use crate::context::Context;
use crate::env::{vars, Env};
use crate::error::{StageError, UsageError};
use crate::platform::comments::CommentMode;
use crate::publish::Sinks;
use crate::report::model::Outputs;
use crate::tools::process::Redactor;
use crate::tools::process::{tool_path, ToolCommand};

use super::Stage;

pub struct StageRun<'a> {
    pub stage: Stage,
    pub ctx: &'a Context,
    pub env: &'a Env,
    pub api: &'a ApiSettings,
    pub sinks: &'a Sinks,
    /// The stage's folder, relative to the repository root (`terraform/aws`), or empty.
    pub working_dir: PathBuf,
    pub comment: CommentMode,
    /// `-backend-config` file for `terraform init` (absolute path).
    pub backend_config: Option<PathBuf>,
    /// terraform-apply: apply even when the plan differs from the reviewed one.
    pub allow_unreviewed: bool,
    pub redactor: Redactor,
    pub log: &'a mut dyn Write,
    pub rt: &'a tokio::runtime::Runtime,
}

impl StageRun<'_> {
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
}

/// The result of a tool run.
#[derive(Debug)]
pub struct StageResult {
    pub success: bool,
    /// One line for the log and the error message when it failed.
    pub headline: String,
    pub outputs: Outputs,
}

impl<'a> StageRun<'a> {
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

    /// How Terraform runs for this stage: the executable, the folder, and the environment
    /// (automation flags and, on GitLab, the managed-state settings).
    pub fn terraform(&self) -> Terraform<'a> {
        let mut extra_env: Vec<(String, String)> = vec![
            ("TF_IN_AUTOMATION".into(), "1".into()),
            ("TF_INPUT".into(), "0".into()),
        ];
        extra_env.extend(super::terraform_backend_prepare::gitlab_terraform_env(self));
        Terraform {
            program: tool_path(self.env, vars::KKP_TERRAFORM_BIN, "terraform"),
            dir: self.dir(),
            env: self.env,
            extra_env,
            backend_config: self.backend_config.clone(),
        }
    }
}

/// Builds Terraform commands for one root.
pub struct Terraform<'a> {
    program: PathBuf,
    dir: PathBuf,
    env: &'a Env,
    extra_env: Vec<(String, String)>,
    backend_config: Option<PathBuf>,
}

impl<'a> Terraform<'a> {
    pub fn cmd(&self, args: &[&str]) -> ToolCommand<'a> {
        ToolCommand {
            program: self.program.clone(),
            args: args.iter().map(|s| s.to_string()).collect(),
            dir: self.dir.clone(),
            env: self.env,
            extra_env: self.extra_env.clone(),
        }
    }

    /// `init -input=false -json`, with the backend (and `--backend-config`) or without it.
    pub fn init(&self, backend: bool) -> ToolCommand<'a> {
        let mut cmd = self.cmd(&["init", "-input=false", "-json"]);
        if !backend {
            cmd.args.insert(1, "-backend=false".into());
        } else if let Some(p) = &self.backend_config {
            cmd.args.push(format!("-backend-config={}", p.display()));
        }
        cmd
    }
}
