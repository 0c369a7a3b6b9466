//! `kubeone-apply`: the Kubernetes cluster, from the kubeone manifest and the Terraform outputs.
//! The stage runs its own `ssh-agent` holding `SSH_PRIVATE_KEY` (kubeone gets only the agent's
//! socket, never the key), stops it whatever happens, and turns kubeone's JSON logs into
//! readable lines, its warnings and errors into findings, its action plan into the summary and
//! its exit code into a one-line reason.

use super::Scope;
use crate::env::vars;
use crate::tools::{SSH_ADD, SSH_AGENT, SSH_KEYGEN, TERRAFORM};
use std::fmt::Write as _;

use crate::error::StageError;
use crate::report::model::Report;
use crate::text::{code_block, escape};
use crate::tools::kubeone;
use crate::tools::runner::Echo;

use super::cluster::{ClusterArgs, SshAgent};
use super::private::PrivateDir;
use super::{OutputInfo, Stage, StageCx, StageInfo, PUSH_DEFAULT_ONLY};
use crate::tools::KUBEONE;

pub struct KubeoneApply;

const INFO: StageInfo = StageInfo {
    name: "kubeone-apply",
    about: "kubeone apply with the Terraform outputs: the Kubernetes cluster",
    default_run_on: PUSH_DEFAULT_ONLY,
    outputs: &[OutputInfo {
        name: "actions",
        about: "How many actions kubeone planned",
    }],
    scope: Scope::Cluster,
    after: &["terraform-apply"],
    hands_on: &[],
    plan_counts: false,
    tools: &[TERRAFORM, KUBEONE, SSH_AGENT, SSH_ADD, SSH_KEYGEN],
    variables: &[vars::SSH_PRIVATE_KEY],
};

impl Stage for KubeoneApply {
    type Args = ClusterArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &ClusterArgs) -> Result<Report, StageError> {
        // Every input is checked before any tool runs.
        super::cluster::ssh_private_key(cx)?;
        let manifest = args.manifest(cx)?;
        let root = args.terraform_dir(cx)?;
        let private = PrivateDir::new(cx)?;
        let outputs = args.outputs_file(cx, &private)?;
        let agent = SshAgent::start(cx, &private)?;
        let manifest_arg = manifest.display().to_string();
        let outputs_arg = outputs.display().to_string();
        let dir = cx.ctx.workspace.clone();
        let cmd = KUBEONE
            .command(
                cx.env,
                &dir,
                &[
                    "apply",
                    "-m",
                    &manifest_arg,
                    "-t",
                    &outputs_arg,
                    "-y",
                    "--log-format",
                    "json",
                ],
            )
            .env("SSH_AUTH_SOCK", agent.socket().display().to_string());
        let run = cx.run_folded(
            "kkp_kubeone",
            "kubeone apply",
            &cmd,
            Echo::Map(&kubeone::log_line),
        );
        drop(agent);
        let run = run?;
        let actions = kubeone::planned_actions(&run.stdout);
        let label = root.display().to_string();
        let mut md = String::new();
        let mut report = if run.success() {
            let headline = match actions.len() {
                0 => "kubeone apply: the cluster is up to date".to_owned(),
                n => format!("kubeone apply: {n} action(s) applied"),
            };
            let _ = writeln!(md, "### ✅ `kubeone apply`\n\n**{}**\n", escape(&headline));
            Report::new(true, headline, label)
        } else {
            let why = kubeone::failure_reason(run.code, &run.stderr);
            let _ = writeln!(md, "### ❌ `kubeone apply` failed\n\n{}\n", escape(&why));
            Report::failed(why, label)
        };
        if !actions.is_empty() {
            let _ = writeln!(
                md,
                "<details><summary>The actions kubeone planned ({})</summary>\n\n{}\n</details>\n",
                actions.len(),
                code_block("", &actions.join("\n"))
            );
        }
        report.summary = md;
        report.findings = kubeone::findings(&run.stderr);
        report.findings_path = args.kubeone_manifest.display().to_string();
        report.metric("Actions", actions.len());
        report.outputs.set("actions", actions.len().to_string());
        Ok(report)
    }
}
