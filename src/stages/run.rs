//! What a stage's tool run gets from the decision step, and what it returns.

use std::io::Write;
use std::path::PathBuf;

use crate::changes::ApiSettings;
use crate::context::Context;
use crate::env::Env;
use crate::platform::comments::CommentMode;
use crate::publish::Sinks;
use crate::report::model::Outputs;
use crate::tools::process::Redactor;

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
