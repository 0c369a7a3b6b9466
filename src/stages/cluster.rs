//! What the cluster stages share (docs/REFERENCES.md, "Design: the cluster stages"): the
//! Terraform root and the kubeone manifest flags, the Terraform outputs kubeone reads, private
//! temporary files, and the stage's own `ssh-agent` holding `SSH_PRIVATE_KEY`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine as _;

use crate::env::{vars, Var};
use crate::error::{StageError, UsageError};
use crate::kubernetes;
use crate::process::Watched;
use crate::tools::kubeone;
use crate::tools::runner::{write_private, Echo, StdoutTo};
use crate::tools::{KUBEONE, SSH_ADD, SSH_AGENT, SSH_KEYGEN};

use super::private::PrivateDir;
use super::terraform::{BackendArgs, Terraform};
use super::{StageCx, TERRAFORM_OUTPUTS};

/// The seed's kubeone manifest, `--kubeone-manifest`'s default.
pub const SEED_KUBEONE_MANIFEST: &str = "kubeone/kubeone.yaml";

/// A path flag with the seed's default, or the installation's own path where the flag was
/// left at that default and `--installation` names one with such a path.
pub fn per_installation(
    given: &Path,
    seed_default: &str,
    installation: Option<PathBuf>,
) -> PathBuf {
    match installation {
        Some(own) if given == Path::new(seed_default) => own,
        _ => given.to_path_buf(),
    }
}

/// Flags of the cluster stages.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct ClusterArgs {
    /// The cluster's Terraform root; default: the only folder directly under terraform/ that
    /// holds *.tf files
    #[arg(long, value_name = "DIR")]
    pub terraform_dir: Option<PathBuf>,
    /// The kubeone manifest
    #[arg(long, value_name = "FILE", default_value = SEED_KUBEONE_MANIFEST)]
    pub kubeone_manifest: PathBuf,
    #[command(flatten)]
    pub backend: BackendArgs,
}

impl ClusterArgs {
    /// The Terraform root, relative to the repository: `--terraform-dir`, else the only folder
    /// directly under `terraform/` with `*.tf` files.
    pub fn terraform_dir(&self, cx: &StageCx<'_>) -> Result<PathBuf, StageError> {
        let name = "KKP_TERRAFORM_DIR";
        if let Some(dir) = &self.terraform_dir {
            if dir.is_absolute() || dir.components().any(|c| c.as_os_str() == "..") {
                return Err(UsageError::invalid(
                    name,
                    "a folder inside the repository, such as terraform/aws",
                    &dir.display().to_string(),
                )
                .into());
            }
            return Ok(dir.clone());
        }
        if let Some(inst) = &cx.installation {
            return Ok(PathBuf::from(&inst.terraform_root));
        }
        let root = cx.ctx.workspace.join("terraform");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&root)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        found.retain(|p| {
            p.is_dir()
                && std::fs::read_dir(p).is_ok_and(|d| {
                    d.filter_map(Result::ok)
                        .any(|e| crate::tools::terraform::is_code_file(&e.path()))
                })
        });
        found.sort();
        match found.as_slice() {
            [one] => Ok(PathBuf::from("terraform").join(one.file_name().unwrap_or_default())),
            [] => Err(UsageError::missing(
                name,
                "no folder directly under terraform/ holds *.tf files: name the cluster's Terraform root",
            )
            .into()),
            several => Err(UsageError::missing(
                name,
                &format!(
                    "{} folders under terraform/ hold *.tf files ({}): name the installation (KKP_INSTALLATION) or the cluster's",
                    several.len(),
                    several
                        .iter()
                        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .into()),
        }
    }

    /// The kubeone manifest on disk, which must be a file in the repository: the flag, else the
    /// installation's (`kubeone/<name>.yaml`, or `kubeone.yaml` in its `kubeone/<name>/`).
    pub fn manifest(&self, cx: &StageCx<'_>) -> Result<PathBuf, StageError> {
        let chosen = per_installation(
            &self.kubeone_manifest,
            SEED_KUBEONE_MANIFEST,
            cx.installation
                .as_ref()
                .and_then(|i| i.kubeone.as_deref())
                .map(|k| match k.strip_suffix('/') {
                    Some(dir) => Path::new(dir).join("kubeone.yaml"),
                    None => PathBuf::from(k),
                }),
        );
        let manifest = cx.ctx.workspace.join(&chosen);
        if manifest.is_file() {
            Ok(manifest)
        } else {
            Err(UsageError::invalid(
                "KKP_KUBEONE_MANIFEST",
                "the kubeone manifest, a file in the repository",
                &chosen.display().to_string(),
            )
            .into())
        }
    }

    /// Checks, before any tool runs, what [`Self::kubeconfig`] will need: a usable
    /// `KUBECONFIG` when it is set; else `SSH_PRIVATE_KEY` and the kubeone manifest.
    pub fn check_kubeconfig_inputs(&self, cx: &StageCx<'_>) -> Result<(), StageError> {
        if cx
            .env
            .get(vars::KUBECONFIG)
            .is_some_and(|v| !v.trim().is_empty())
        {
            return check_kubeconfig_env(cx);
        }
        ssh_private_key(cx).map_err(|e| match e {
            StageError::Usage(UsageError::Missing { name, .. }) => UsageError::missing(
                &name,
                "KUBECONFIG is not set, so the stage derives a kubeconfig with `kubeone \
                 kubeconfig`, which reaches the control plane over SSH with this key",
            )
            .into(),
            other => other,
        })?;
        self.manifest(cx)?;
        self.terraform_dir(cx)?;
        Ok(())
    }

    /// The kubeconfig for the tools: `None` when `KUBECONFIG` is set (the tools read it
    /// themselves); else `kubeone kubeconfig` through the stage's own agent, into a file in
    /// `private` (mode 0600, removed with it).
    pub fn kubeconfig(
        &self,
        cx: &mut StageCx<'_>,
        private: &PrivateDir,
    ) -> Result<Option<PathBuf>, StageError> {
        if let Some(paths) = kubeconfig_env_paths(cx)? {
            mask_credentials(cx, &paths);
            let access = kubernetes::Access::load(&paths).map_err(|e| unusable_kubeconfig(&e))?;
            if access.exec_plugin().is_none() {
                cx.say("Kubeconfig: KUBECONFIG")?;
                return Ok(None);
            }
            // The plugin runs once, here, through the runner; the tools get its credential in
            // a private kubeconfig and never run a program named in a kubeconfig themselves.
            let access = resolve_exec_plugin(cx, access)?;
            let path = private.path().join("kubeconfig");
            write_private(&path, access.flattened().as_bytes()).map_err(StageError::Failed)?;
            cx.say("Kubeconfig: KUBECONFIG, with its exec plugin's credential")?;
            return Ok(Some(path));
        }
        let manifest = self.manifest(cx)?.display().to_string();
        let outputs = self.outputs_file(cx, private)?.display().to_string();
        let agent = SshAgent::start(cx, private)?;
        let dir = cx.ctx.workspace.clone();
        let cmd = KUBEONE
            .command(
                cx.env,
                &dir,
                &["kubeconfig", "-m", &manifest, "-t", &outputs],
            )
            .env("SSH_AUTH_SOCK", agent.socket().display().to_string());
        // Quiet: stdout is the kubeconfig itself, credentials included.
        let run = cx.run_folded("kkp_kubeconfig", "kubeone kubeconfig", &cmd, Echo::Quiet);
        drop(agent);
        let run = run?;
        if !run.success() {
            return Err(StageError::Failed(anyhow::anyhow!(
                "kubeone kubeconfig failed: {}",
                kubeone::failure_reason(run.code, &run.stderr)
            )));
        }
        let path = private.path().join("kubeconfig");
        write_private(&path, run.stdout.as_bytes()).map_err(StageError::Failed)?;
        mask_credentials(cx, std::slice::from_ref(&path));
        cx.say("Kubeconfig: from `kubeone kubeconfig`, in a private temporary file")?;
        Ok(Some(path))
    }

    /// The Terraform outputs for kubeone: `<root>/kkp-outputs.json` when terraform-apply left it,
    /// else `terraform output -json` in the root, into `private`.
    pub fn outputs_file(
        &self,
        cx: &mut StageCx<'_>,
        private: &PrivateDir,
    ) -> Result<PathBuf, StageError> {
        let root = self.terraform_dir(cx)?;
        let existing = cx.ctx.workspace.join(&root).join(TERRAFORM_OUTPUTS.name);
        // terraform-apply writes the file in this job's work tree, never in a commit: one that
        // git tracks came with the code (a pull request's author chose the cluster's address).
        let relative = root.join(TERRAFORM_OUTPUTS.name);
        // A root that is (or passes through) a symlink would let git answer for one path and
        // the file be read from another.
        let real = cx.ctx.workspace.join(&root).canonicalize().ok();
        let workspace = cx.ctx.workspace.canonicalize().ok();
        let direct = matches!((&real, &workspace), (Some(r), Some(w)) if *r == w.join(&root));
        if !direct {
            return Err(UsageError::invalid(
                "--terraform-dir",
                "a folder of the repository that is not a symlink",
                &root.display().to_string(),
            )
            .into());
        }
        // Fails closed: anything but git saying it does not know the file is an error.
        let listed = crate::git::Git::new(&cx.ctx.workspace).run(&[
            "ls-files",
            "--error-unmatch",
            "--",
            &relative.display().to_string(),
        ]);
        let tracked = match listed {
            Ok(_) => true,
            Err(e) if format!("{e:#}").contains("did not match any file") => false,
            Err(e) => {
                return Err(StageError::Failed(anyhow::anyhow!(
                    "cannot tell whether {} is tracked by git (a committed one is refused): {e:#}",
                    relative.display()
                )))
            }
        };
        if tracked {
            return Err(UsageError::invalid(
                relative.display().to_string(),
                "a file terraform-apply wrote in this pipeline, not one committed to the repository (remove it from git: `git rm --cached`)",
                "a file tracked by git",
            )
            .into());
        }
        if existing.is_file() {
            cx.say(&format!(
                "Terraform outputs: {} (from terraform-apply)",
                root.join(TERRAFORM_OUTPUTS.name).display()
            ))?;
            return Ok(existing);
        }
        let saved = std::mem::replace(&mut cx.working_dir, root.clone());
        let terraform = Terraform::new(cx, Some(&self.backend));
        let init = terraform.run_init(cx, true);
        let output = init.and_then(|init| {
            if !init.success() {
                return Err(StageError::Failed(anyhow::anyhow!(
                    "terraform init in {} failed (its output is in the log above)",
                    root.display()
                )));
            }
            cx.run_folded(
                "kkp_tf_output",
                &format!("terraform output ({})", root.display()),
                &terraform.cmd(&["output", "-json"]),
                Echo::Quiet,
            )
        });
        cx.working_dir = saved;
        let output = output?;
        if !output.success() {
            return Err(StageError::Failed(anyhow::anyhow!(
                "terraform output -json in {} failed: {}",
                root.display(),
                crate::text::one_line(output.stderr.trim())
            )));
        }
        let path = private.path().join(TERRAFORM_OUTPUTS.name);
        write_private(&path, output.stdout.as_bytes()).map_err(StageError::Failed)?;
        Ok(path)
    }
}

/// Masks the credentials of a kubeconfig in everything the stage's tools print from now on: a
/// tool that logs its kubeconfig's token must not publish it.
fn mask_credentials(cx: &mut StageCx<'_>, paths: &[PathBuf]) {
    // The raw text first (every long value of every file, read or not), then what the parser
    // found (decoded data, token files).
    let mut secrets: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|text| crate::mask::long_values(&text))
        .collect();
    if let Ok(access) = crate::kubernetes::Access::load(paths) {
        secrets.extend(crate::kubernetes::secrets_of(&access));
    }
    cx.runner.masker = cx.runner.masker.with(secrets.iter().map(String::as_str));
}

/// Runs `fut` on the stage's runtime until it ends or the stage receives SIGINT or SIGTERM
/// (while a [`PrivateDir`] holds them), so a long download or wait never outlives a cancel.
pub fn until_interrupted<T>(
    cx: &StageCx<'_>,
    doing: &str,
    fut: impl std::future::Future<Output = T>,
) -> Result<T, StageError> {
    until_interrupted_on(cx.rt, &cx.runner.interrupts, doing, fut)
}

/// [`until_interrupted`] where the stage's context is borrowed (an open fold).
pub fn until_interrupted_on<T>(
    rt: &tokio::runtime::Runtime,
    interrupts: &crate::process::Interrupts,
    doing: &str,
    fut: impl std::future::Future<Output = T>,
) -> Result<T, StageError> {
    rt.block_on(async {
        let signalled = async {
            loop {
                if let Some(sig) = interrupts.received() {
                    return sig;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        };
        tokio::select! {
            value = fut => Ok(value),
            sig = signalled => Err(StageError::Failed(anyhow::anyhow!(
                "stopped while {doing}: the stage received {}",
                sig.as_str()
            ))),
        }
    })
}

/// The key in `SSH_PRIVATE_KEY`, as text or base64; a usage error naming the variable when it
/// is missing or neither.
pub fn ssh_private_key(cx: &StageCx<'_>) -> Result<String, StageError> {
    private_key(
        cx,
        vars::SSH_PRIVATE_KEY,
        "the private key kubeone reaches the nodes with (text or base64)",
    )
}

/// A private key from variable `var`, as text or base64 (CI variables often cannot hold
/// newlines); a usage error naming the variable when it is missing or neither.
pub fn private_key(cx: &StageCx<'_>, var: Var, why: &str) -> Result<String, StageError> {
    let name = var.name;
    let raw = cx
        .env
        .get(var)
        .ok_or_else(|| UsageError::missing(name, why))?;
    if raw.contains("-----BEGIN") {
        // CI variables often lose the final newline; ssh-keygen needs it.
        return Ok(format!("{}\n", raw.trim_end()));
    }
    let compact: String = raw.split_whitespace().collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .filter(|text| text.contains("-----BEGIN"))
        .map(|text| format!("{}\n", text.trim_end()))
        .ok_or_else(|| {
            UsageError::invalid(
                name,
                "a private key, as PEM/OpenSSH text or base64 of it",
                "(hidden)",
            )
            .into()
        })
}

/// The stage's own `ssh-agent`, holding the key; stopped when dropped, whatever happened.
pub struct SshAgent {
    pid: Option<i32>,
    socket: PathBuf,
    /// `ssh-agent` daemonises, out of the tool's process group: the watchdog kills it should
    /// the stage be killed outright.
    watched: Option<Watched>,
}

impl SshAgent {
    /// Checks that the key parses, starts an agent with its socket in `private`, and adds the
    /// key. A key that does not parse is a usage error naming `SSH_PRIVATE_KEY`.
    pub fn start(cx: &mut StageCx<'_>, private: &PrivateDir) -> Result<Self, StageError> {
        let key = ssh_private_key(cx)?;
        let key_file = private.path().join("id");
        write_private(&key_file, key.as_bytes()).map_err(StageError::Failed)?;
        let dir = private.path().to_owned();
        let key_arg = key_file.display().to_string();
        // `-y` prints the public key: it fails on anything that is not a usable private key
        // (and, with no terminal, on one that needs a passphrase).
        let check = cx.run_folded(
            "kkp_ssh_key",
            "SSH key",
            &SSH_KEYGEN.command(cx.env, &dir, &["-y", "-f", &key_arg]),
            Echo::Quiet,
        )?;
        if !check.success() {
            return Err(UsageError::invalid(
                "SSH_PRIVATE_KEY",
                "a private key without a passphrase that ssh-keygen can read",
                "(hidden)",
            )
            .into());
        }
        let socket = private.path().join("agent.sock");
        let socket_arg = socket.display().to_string();
        let started = cx.run_folded(
            "kkp_ssh_agent",
            "ssh-agent",
            &SSH_AGENT.command(cx.env, &dir, &["-s", "-a", &socket_arg]),
            Echo::Quiet,
        )?;
        // `SSH_AGENT_PID=1234; export SSH_AGENT_PID;`
        let pid = started
            .stdout
            .split(';')
            .find_map(|part| part.trim().strip_prefix("SSH_AGENT_PID="))
            .and_then(|p| p.trim().parse::<i32>().ok());
        let watched = pid.and_then(|pid| cx.runner.watchdog.as_ref().map(|w| w.watch_process(pid)));
        let agent = SshAgent {
            pid,
            socket,
            watched,
        };
        if !started.success() || agent.pid.is_none() {
            return Err(StageError::Failed(anyhow::anyhow!(
                "ssh-agent did not start: {}",
                crate::text::one_line(started.stderr.trim())
            )));
        }
        // The key expires with the stage's deadline, whatever becomes of the agent.
        let lifetime = cx
            .runner
            .deadline
            .saturating_duration_since(std::time::Instant::now())
            .as_secs()
            .max(60)
            .to_string();
        let added = cx.run_folded(
            "kkp_ssh_add",
            "ssh-add",
            &SSH_ADD
                .command(cx.env, &dir, &["-t", &lifetime, &key_arg])
                .env("SSH_AUTH_SOCK", socket_arg),
            Echo::Lines,
        )?;
        let _ = std::fs::remove_file(&key_file);
        if !added.success() {
            return Err(StageError::Failed(anyhow::anyhow!(
                "ssh-add could not add the key: {}",
                crate::text::one_line(added.stderr.trim())
            )));
        }
        Ok(agent)
    }

    /// The agent's socket, for `SSH_AUTH_SOCK`.
    pub fn socket(&self) -> &Path {
        &self.socket
    }
}

impl Drop for SshAgent {
    fn drop(&mut self) {
        if let Some(pid) = self.pid.take() {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid),
                nix::sys::signal::Signal::SIGTERM,
            );
            // The agent removes its socket as it goes; give it a moment.
            for _ in 0..20 {
                if !self.socket.exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        // Stopped: the watchdog may forget it.
        drop(self.watched.take());
    }
}

/// `KUBECONFIG`'s files, when it is set. Content or base64 given where the path belongs is a
/// usage error naming the variable and saying so in words; the value itself is never repeated
/// (it holds the cluster's credentials).
pub fn kubeconfig_env_paths(cx: &StageCx<'_>) -> Result<Option<Vec<PathBuf>>, StageError> {
    let Some(value) = cx
        .env
        .get(vars::KUBECONFIG)
        .filter(|v| !v.trim().is_empty())
    else {
        return Ok(None);
    };
    let paths = kubernetes::kubeconfig::paths_of_value(value).map_err(|expected| {
        StageError::from(UsageError::Other(format!(
            "{}: expected {expected}",
            vars::KUBECONFIG
        )))
    })?;
    // A value that names no file may be a token pasted in the wrong place: not repeated.
    if !paths.iter().any(|p| p.is_file()) {
        return Err(UsageError::Other(format!(
            "{}: expected the path of a readable kubeconfig file; it names none (the value is \
             not shown: it may be a credential)",
            vars::KUBECONFIG
        ))
        .into());
    }
    Ok(Some(paths))
}

/// `KUBECONFIG`, when set, must be a usable kubeconfig: read before any tool runs. The message
/// names the variable and the file and where in it, never a value.
pub fn check_kubeconfig_env(cx: &StageCx<'_>) -> Result<(), StageError> {
    if let Some(paths) = kubeconfig_env_paths(cx)? {
        kubernetes::Access::load(&paths).map_err(|e| unusable_kubeconfig(&e))?;
    }
    Ok(())
}

fn unusable_kubeconfig(e: &kubernetes::KubeError) -> StageError {
    UsageError::Other(format!(
        "{}: expected a usable kubeconfig ({e})",
        vars::KUBECONFIG
    ))
    .into()
}

/// A Kubernetes API client from the derived kubeconfig, else from `KUBECONFIG`.
pub fn kube_client(
    cx: &mut StageCx<'_>,
    derived: Option<&Path>,
) -> Result<kubernetes::Client, StageError> {
    let access = kube_access(cx, derived)?;
    kubernetes::Client::new(access).map_err(|e| StageError::Failed(e.into()))
}

/// The cluster's address and credentials from the derived kubeconfig, else from `KUBECONFIG`.
pub fn kube_access(
    cx: &mut StageCx<'_>,
    derived: Option<&Path>,
) -> Result<kubernetes::Access, StageError> {
    let paths = match derived {
        Some(p) => vec![p.to_owned()],
        None => kubeconfig_env_paths(cx)?.unwrap_or_default(),
    };
    let access = kubernetes::Access::load(&paths).map_err(|e| match derived {
        None => unusable_kubeconfig(&e),
        Some(_) => StageError::Failed(anyhow::anyhow!("the stage's kubeconfig: {e}")),
    })?;
    resolve_exec_plugin(cx, access)
}

/// What an exec credential plugin gets of the stage's environment: where things are, proxies
/// and certificates, and the cloud SDKs' own settings (EKS's `aws`, GKE's
/// `gke-gcloud-auth-plugin`, AKS's `kubelogin` read their credentials from these).
const EXEC_PLUGIN_ENV: &[&str] = &[
    "PATH",
    "HOME",
    "USER",
    "LANG",
    "LC_ALL",
    "TMPDIR",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "AWS_",
    "CLOUDSDK_",
    "GOOGLE_",
    "AZURE_",
    "ARM_",
];

/// Runs the kubeconfig's exec credential plugin, when it has one, through the tool runner: its
/// deadline and signals, a clean environment (`EXEC_PLUGIN_ENV` of the stage's, never a
/// stage secret) plus the plugin's own variables and `KUBERNETES_EXEC_INFO`. The credential takes the plugin's place
/// and is masked from then on.
pub fn resolve_exec_plugin(
    cx: &mut StageCx<'_>,
    access: kubernetes::Access,
) -> Result<kubernetes::Access, StageError> {
    let Some(plugin) = access.exec_plugin().cloned() else {
        return Ok(access);
    };
    let mut cmd = crate::tools::runner::ToolCommand {
        tool: crate::tools::KUBECONFIG_EXEC_PLUGIN,
        program: plugin.command.clone(),
        args: plugin.args.clone(),
        dir: plugin.dir.clone(),
        extra_env: plugin.env.clone(),
        stdout_to: StdoutTo::Memory,
        stdout_tail: None,
        env_allow: Some(EXEC_PLUGIN_ENV),
    };
    cmd = cmd.env("KUBERNETES_EXEC_INFO", plugin.exec_info());
    let ran = cx.run_folded(
        "kkp_kube_exec",
        &format!(
            "kubeconfig credential plugin ({})",
            plugin.command.display()
        ),
        &cmd,
        Echo::Quiet,
    )?;
    if !ran.success() {
        return Err(StageError::Failed(anyhow::anyhow!(
            "the kubeconfig's exec plugin {} failed: {}",
            plugin.command.display(),
            crate::text::one_line(ran.stderr.trim())
        )));
    }
    let credential = plugin
        .credential(&ran.stdout)
        .map_err(|e| StageError::Failed(anyhow::anyhow!("{e}")))?;
    let secrets = credential.secrets();
    cx.runner.masker = cx.runner.masker.with(secrets.iter().map(String::as_str));
    Ok(access.with_exec_credential(credential))
}
