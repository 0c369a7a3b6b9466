//! `flux-bootstrap`: Flux takes over the repository's `flux/` tree
//! (docs/REFERENCES.md, "Design: flux-bootstrap").
//!
//! Whether to bootstrap is decided on the cluster, never by a folder in git: a wiped cluster is
//! bootstrapped again and a newer flux CLI is rolled out, but a cluster running a newer Flux
//! than the CLI is never downgraded. The forge says how flux reaches the repository
//! (`Forge::flux_source`) and whose account it is, never a hard-coded `--personal`. A token
//! reaches flux only under flux's own variable name; an SSH key only as a private temporary
//! file.

use super::Scope;
use crate::env::{vars, Var};
use crate::tools::{KUBEONE, SSH_ADD, SSH_AGENT, SSH_KEYGEN, TERRAFORM};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{StageError, UsageError};
use crate::platform::{FluxCredential, OwnerKind};
use crate::report::model::{Finding, Level, Report};
use crate::text::{code_block, escape};
use crate::tools::flux::{self, FluxVersion, OnCluster};
use crate::tools::runner::{write_private, Echo, ToolCommand};

use super::cluster::{private_key, until_interrupted, ClusterArgs};
use super::private::PrivateDir;
use super::{OutputInfo, Stage, StageCx, StageInfo, PUSH_DEFAULT_ONLY};

use crate::tools::FLUX;

/// The token flux creates deploy keys with (CI job tokens cannot).
const FLUX_TOKEN: Var = vars::KKP_FLUX_TOKEN;
/// Where the host takes a key instead of a token: the key flux pushes with.
const FLUX_SSH_KEY: Var = vars::KKP_FLUX_SSH_PRIVATE_KEY;
/// Flux's own commits must not start another pipeline.
const SKIP_CI: &str = "[ci skip]";

#[derive(clap::Args, Clone, Debug)]
pub struct FluxArgs {
    /// The folder, in the repository, Flux reconciles the cluster from
    #[arg(long, value_name = "PATH", default_value = "flux/clusters/master")]
    pub flux_path: PathBuf,
    #[command(flatten)]
    pub cluster: ClusterArgs,
}

pub struct FluxBootstrap;

const INFO: StageInfo = StageInfo {
    name: "flux-bootstrap",
    about: "flux bootstrap: Flux manages the cluster from the repository",
    default_run_on: PUSH_DEFAULT_ONLY,
    outputs: &[
        OutputInfo {
            name: "bootstrapped",
            about: "`true` when flux bootstrap ran and succeeded",
        },
        OutputInfo {
            name: "flux-version",
            about: "The Flux version now expected on the cluster",
        },
    ],
    scope: Scope::Cluster,
    after: &["dns-update", "terraform-apply"],
    hands_on: &[],
    plan_counts: false,
    tools: &[TERRAFORM, KUBEONE, SSH_AGENT, SSH_ADD, SSH_KEYGEN, FLUX],
    variables: &[
        vars::SSH_PRIVATE_KEY,
        vars::KUBECONFIG,
        vars::KKP_FLUX_TOKEN,
        vars::KKP_FLUX_SSH_PRIVATE_KEY,
    ],
};

/// What the host needs flux to be told, worked out before anything runs.
struct Target {
    /// flux's provider subcommand.
    provider: &'static str,
    args: Vec<String>,
    /// The variable flux reads the token from, and the token.
    token: Option<(&'static str, String)>,
    /// The key for `--private-key-file`.
    ssh_key: Option<String>,
    /// The account whose kind decides `--personal`.
    owner: Option<String>,
    /// Where Flux commits to, for messages.
    place: String,
}

impl Stage for FluxBootstrap {
    type Args = FluxArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &FluxArgs) -> Result<Report, StageError> {
        // Every input is checked before any tool runs.
        let own = cx
            .installation
            .as_ref()
            .and_then(|i| i.flux.as_deref())
            .map(|f| PathBuf::from(f.trim_end_matches('/')));
        let path = flux_path(&super::cluster::per_installation(
            &args.flux_path,
            "flux/clusters/master",
            own,
        ))?;
        let branch = cx.ctx.default_branch.clone().ok_or_else(|| {
            UsageError::missing(
                "KKP_DEFAULT_BRANCH",
                "the branch Flux commits to and watches; the host did not say which is the \
                 default branch",
            )
        })?;
        let mut target = target(cx, &branch, &path)?;
        args.cluster.check_kubeconfig_inputs(cx)?;

        let private = PrivateDir::new(cx)?;
        let kubeconfig = args.cluster.kubeconfig(cx, &private)?;
        let dir = cx.ctx.workspace.clone();
        let with_kubeconfig = |cmd: ToolCommand| match &kubeconfig {
            Some(file) => cmd.env("KUBECONFIG", file.display().to_string()),
            None => cmd,
        };

        let client = cx.run_folded(
            "kkp_flux_client",
            "flux version --client",
            &FLUX.command(cx.env, &dir, &["version", "--client", "-o", "json"]),
            Echo::Quiet,
        )?;
        let client = flux::client_version(&client.stdout).ok_or_else(|| {
            StageError::Failed(anyhow::anyhow!(
                "`flux version --client -o json` did not give the CLI's version: {}",
                crate::text::one_line(client.stderr.trim())
            ))
        })?;
        let cluster = cx.run_folded(
            "kkp_flux_cluster",
            "flux version (on the cluster)",
            &with_kubeconfig(FLUX.command(cx.env, &dir, &["version", "-o", "json"])),
            Echo::Quiet,
        )?;
        let on_cluster = flux::on_cluster(cluster.success(), &cluster.stdout, &cluster.stderr)
            .map_err(|why| {
                StageError::Failed(anyhow::anyhow!(
                    "cannot tell whether Flux is on the cluster: {why}"
                ))
            })?;
        let label = path.display().to_string();
        let why = match &on_cluster {
            OnCluster::Missing => format!("Flux is not on the cluster: bootstrapping {client}"),
            OnCluster::Unknown => format!(
                "Flux is on the cluster but its version cannot be read (not installed by \
                 bootstrap?): bootstrapping {client}"
            ),
            OnCluster::Installed(have) if *have < client => {
                format!("Flux {have} is on the cluster: upgrading to {client}")
            }
            OnCluster::Installed(have) => {
                return Ok(up_to_date(have, &client, &label));
            }
        };
        cx.say(&why)?;

        if let Some(owner) = target.owner.take() {
            let fallback = cx.env.get(FLUX_TOKEN).filter(|t| !t.is_empty());
            let lookup = cx.forge.owner_kind_or_with(cx.ctx, &owner, fallback);
            let kind = until_interrupted(cx, &format!("asking the host who {owner} is"), lookup)?
                .map_err(|e| {
                StageError::Failed(anyhow::anyhow!(
                    "cannot tell whether {owner} is a personal account or an organization \
                         (flux needs --personal for one and not the other): {e}"
                ))
            })?;
            if kind == Some(OwnerKind::User) {
                target.args.push("--personal".to_owned());
            }
        }
        if let Some(key) = &target.ssh_key {
            let file = private.path().join("flux-deploy-key");
            write_private(&file, key.as_bytes()).map_err(StageError::Failed)?;
            target
                .args
                .push(format!("--private-key-file={}", file.display()));
        }
        let mut argv: Vec<&str> = vec!["bootstrap", target.provider];
        argv.extend(target.args.iter().map(String::as_str));
        let mut cmd = with_kubeconfig(FLUX.command(cx.env, &dir, &argv));
        if let Some((name, token)) = &target.token {
            cmd = cmd.env(*name, token.clone());
        }
        let show = |line: &str| Some(line.to_owned());
        let run = cx.run_folded(
            "kkp_flux_bootstrap",
            &format!("flux bootstrap {}", target.provider),
            &cmd,
            Echo::Map(&show),
        )?;
        let steps = flux::done_steps(&run.stderr);
        let mut md = String::new();
        let mut report = if run.success() {
            let headline = format!("Flux {client} bootstrapped into {}", target.place);
            let _ = writeln!(
                md,
                "### ✅ `flux bootstrap {}`\n\n**{}**\n\n{}\n",
                target.provider,
                escape(&headline),
                escape(&why)
            );
            Report::new(true, headline, label.clone())
        } else {
            let reason = flux::failure_reason(&run.stderr).unwrap_or_else(|| match run.code {
                Some(code) => format!("exit status {code} without a ✗ line"),
                None => "stopped by a signal".to_owned(),
            });
            let headline = format!("flux bootstrap failed: {reason}");
            let _ = writeln!(
                md,
                "### ❌ `flux bootstrap {}` failed\n\n{}\n",
                target.provider,
                escape(&headline)
            );
            Report::failed(headline, label.clone())
        };
        if !steps.is_empty() {
            let _ = writeln!(
                md,
                "<details><summary>What flux did ({})</summary>\n\n{}\n</details>\n",
                steps.len(),
                code_block("", &steps.join("\n"))
            );
        }
        report.summary = md;
        report.findings = flux::findings(&run.stderr);
        report.findings_path = label;
        report
            .outputs
            .set("bootstrapped", run.success().to_string());
        report.outputs.set("flux-version", client.to_string());
        Ok(report)
    }
}

/// The cluster already runs this Flux, or a newer one: nothing to do, and never a downgrade.
fn up_to_date(have: &FluxVersion, client: &FluxVersion, label: &str) -> Report {
    let (headline, finding) = if have == client {
        (
            format!("Flux {have} is already on the cluster: nothing to bootstrap"),
            None,
        )
    } else {
        let text = format!(
            "Flux {have} on the cluster is newer than the flux CLI ({client}): not bootstrapping, \
             to never downgrade; update the CLI (KKP_FLUX_BIN) to roll out changes"
        );
        (text.clone(), Some(text))
    };
    let mut report = Report::new(true, headline.clone(), label.to_owned());
    report.summary = format!("### ✅ `flux-bootstrap`\n\n**{}**\n", escape(&headline));
    if let Some(text) = finding {
        let mut f = Finding::new(Level::Warning, text);
        f.title = Some("flux".to_owned());
        report.findings.push(f);
    }
    report.outputs.set("bootstrapped", "false".to_owned());
    report.outputs.set("flux-version", have.to_string());
    report
}

fn flux_path(path: &Path) -> Result<PathBuf, StageError> {
    let text = path.display().to_string();
    let bad = text.is_empty()
        || path.is_absolute()
        || path.components().any(|c| c.as_os_str() == "..")
        || text.chars().any(|c| c.is_control() || c == ',');
    if bad {
        return Err(UsageError::invalid(
            "KKP_FLUX_PATH",
            "a folder inside the repository, such as flux/clusters/master",
            &text,
        )
        .into());
    }
    Ok(PathBuf::from(text.trim_end_matches('/')))
}

fn target(cx: &StageCx<'_>, branch: &str, path: &Path) -> Result<Target, StageError> {
    let source = cx.forge.flux_source(cx.ctx, cx.env)?;
    let (token, ssh_key) = match source.credential {
        FluxCredential::Token(var) => {
            let value = cx.env.get(FLUX_TOKEN).ok_or_else(|| {
                UsageError::missing(
                    FLUX_TOKEN.name,
                    "a token that can create deploy keys and push to the repository (a CI job \
                     token cannot); flux gets it as its own token variable",
                )
            })?;
            (Some((var, value.to_owned())), None)
        }
        FluxCredential::SshKey => {
            let key = private_key(
                cx,
                FLUX_SSH_KEY,
                "the SSH key flux pushes to the repository with (an access key with write \
                 access), as text or base64",
            )?;
            (None, Some(key))
        }
    };
    let mut args = source.args;
    args.push(format!("--branch={branch}"));
    args.push(format!("--path={}", path.display()));
    args.push(format!("--commit-message-appendix={SKIP_CI}"));
    Ok(Target {
        provider: source.provider,
        args,
        token,
        ssh_key,
        owner: source.owner,
        place: format!("{}@{branch}:{}", source.repository, path.display()),
    })
}
