//! The one runner for every wrapped tool (terraform, aws, gcloud; kubeone, kubermatic-installer,
//! flux, sops and kubectl next).
//!
//! - The tool's name and its `KKP_<TOOL>_BIN` variable come from a [`Tool`] value.
//! - Its environment is the snapshot minus the forge API tokens: a pull request's Terraform
//!   code runs here, and must not be able to read a token that can write to the repository.
//! - Every line it prints goes through the [`Masker`] before it reaches the log, inside a
//!   [`Fold`] that the publisher's [`FoldStyle`] opens and that closes itself on drop.
//! - It has a deadline (`--timeout`). On expiry, or when the stage itself receives SIGINT or
//!   SIGTERM, the tool gets the signal at once, its output keeps being drained, and it has a
//!   grace period to exit (Terraform uses it to release its state lock) before it is killed.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

use crate::env::{Env, Var};
use crate::mask::Masker;
use crate::process::{kill_group, Interrupts, Watchdog};
use crate::report::comment::LongText;
use crate::tools::fold::Fold;

/// A wrapped tool: its name, the variable that points at its executable, and the arguments
/// that make it print its version (`doctor`). The tools the stages run are declared in
/// `tools/mod.rs`; each stage names its own in the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tool {
    pub name: &'static str,
    pub bin_var: Var,
    /// Empty when the tool has no version flag: `doctor` then only looks for it.
    pub version_args: &'static [&'static str],
    /// Where a pipeline job gets it: what `init` installs and `doctor` looks for.
    pub provided: Provided,
}

/// Where a pipeline job gets a tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provided {
    /// On GitHub's hosted images and in the kkp-delivery image (ssh, tar, the cloud CLIs).
    Everywhere,
    /// hashicorp/setup-terraform on GitHub, at the roots' `required_version`; the image's own.
    SetupTerraform,
    /// `docker/tools.lock`, by this name: the image, and the setup-tools action on GitHub.
    ToolsLock(&'static str),
    /// Downloaded by the stage itself (kubermatic-installer, in KKP's release archive).
    ByTheStage,
    /// Named by the kubeconfig (a credential plugin).
    ByTheKubeconfig,
}

impl Tool {
    pub const fn new(
        name: &'static str,
        bin_var: Var,
        version_args: &'static [&'static str],
    ) -> Self {
        Self {
            name,
            bin_var,
            version_args,
            provided: Provided::Everywhere,
        }
    }

    /// The same tool, got from `provided` in a pipeline job.
    pub const fn provided_by(self, provided: Provided) -> Self {
        Self { provided, ..self }
    }

    /// `KKP_<TOOL>_BIN` from the snapshot, else the name (found on PATH).
    pub fn program(&self, env: &Env) -> PathBuf {
        env.get(self.bin_var)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(self.name))
    }

    /// A command line for this tool in `dir`.
    pub fn command(&self, env: &Env, dir: &Path, args: &[&str]) -> ToolCommand {
        ToolCommand {
            tool: *self,
            program: self.program(env),
            args: args.iter().map(|a| (*a).to_owned()).collect(),
            dir: dir.to_owned(),
            extra_env: Vec::new(),
            stdout_to: StdoutTo::Memory,
            stdout_tail: None,
            env_allow: None,
        }
    }
}

/// Where a tool's stdout goes.
#[derive(Clone, Debug, Default)]
pub enum StdoutTo {
    /// Kept in [`Captured::stdout`], up to the capture limit (or its tail: `stdout_tail`).
    #[default]
    Memory,
    /// Streamed into this file (owner-only) instead of kept: a plan's `show -json` is hundreds
    /// of MiB for a large estate, and is read back by a streaming parser.
    File(PathBuf),
    /// Read as it arrives into [`Captured::long_text`]: its length in characters and its head
    /// and tail, masked, as much as any host shows (the text `show` of a plan, hundreds of MiB
    /// for a large estate, of which a comment shows at most a million characters). Nothing is
    /// written to disk and memory stays within a few MiB.
    LongText,
}

/// The default `--timeout` of one tool run, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 3600;
/// How long a stopped tool may take to exit before it is killed.
/// GitHub sends SIGKILL about 10 s after a cancel's SIGINT: the tool's grace ends before it,
/// leaving the stage time to publish.
pub const DEFAULT_GRACE: Duration = Duration::from_secs(8);
/// After the tool exits, how long its output may keep arriving from children that still hold
/// the pipes, before the runner stops reading.
const PIPE_LINGER: Duration = Duration::from_secs(2);

/// One tool invocation.
#[derive(Clone, Debug)]
pub struct ToolCommand {
    pub tool: Tool,
    pub program: PathBuf,
    pub args: Vec<String>,
    pub dir: PathBuf,
    /// Variables added to the tool's environment (Terraform's automation settings, the GitLab
    /// state password).
    pub extra_env: Vec<(String, String)>,
    /// Where stdout goes: kept, streamed into a file, or read as a long text.
    pub stdout_to: StdoutTo,
    /// Keeps only about the last this many bytes of stdout (whole lines): for tools whose
    /// output is only logged as it arrives, and read afterwards only for the error at its end
    /// (`terraform plan` prints every planned change).
    pub stdout_tail: Option<usize>,
    /// Where set, the tool gets only these of the stage's variables (a name, or a prefix ending
    /// in `_`), besides `extra_env`: a program a kubeconfig names runs with a clean
    /// environment.
    pub env_allow: Option<&'static [&'static str]>,
}

impl ToolCommand {
    pub fn display(&self) -> String {
        format!("{} {}", self.tool.name, self.args.join(" "))
    }

    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_env.push((name.into(), value.into()));
        self
    }

    /// Keeps only the last [`LOG_TAIL`] bytes of stdout (see [`ToolCommand::stdout_tail`]).
    pub fn logged_only(mut self) -> Self {
        self.stdout_tail = Some(LOG_TAIL);
        self
    }
}

/// What [`ToolCommand::logged_only`] keeps of stdout: far more than any error report at its end.
pub const LOG_TAIL: usize = 1024 * 1024;

/// What a tool run produced.
#[derive(Debug)]
pub struct Captured {
    /// `None` when killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Stdout as a long text, where the command asked for it ([`StdoutTo::LongText`]).
    pub long_text: Option<LongText>,
}

impl Captured {
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

/// How the tool's stdout is echoed to the log. Its stderr is always echoed (masked), so a
/// failure is never swallowed.
pub enum Echo<'a> {
    /// Capture only (machine-readable output such as `validate -json`).
    Quiet,
    /// Every line.
    Lines,
    /// Each line, of stdout and stderr, through a function (JSON log lines shown as their
    /// message); `None` hides it, so the function must show what is not a known log line.
    Map(&'a dyn Fn(&str) -> Option<String>),
}

/// Drops whole lines from the front of `buf` once it holds twice `tail` bytes, keeping about the
/// last `tail` (amortised: each byte is moved at most once more).
fn keep_tail(buf: &mut String, tail: usize) {
    if buf.len() <= tail.saturating_mul(2) {
        return;
    }
    let mut from = buf.len() - tail;
    while !buf.is_char_boundary(from) {
        from += 1;
    }
    let cut = buf[from..].find('\n').map_or(buf.len(), |i| from + i + 1);
    buf.drain(..cut);
}

/// Why a run was stopped before the tool finished on its own.
#[derive(Debug)]
struct Stop {
    reason: String,
    at: Instant,
    escalated: bool,
}

/// Runs tools for one stage.
#[derive(Clone, Debug)]
pub struct Runner {
    /// The snapshot minus the forge tokens.
    env: Vec<(String, String)>,
    pub masker: Masker,
    /// The stage's `--timeout`: every tool run ends by `deadline`.
    pub timeout: Duration,
    pub deadline: Instant,
    pub grace: Duration,
    pub interrupts: Interrupts,
    /// The most a tool may print on each of stdout and stderr before the run fails: a plan of
    /// 100,000 resources is about 100 MiB as JSON.
    pub capture_limit: usize,
    /// How often a long run says it is still going, with its last line.
    pub progress_every: Duration,
    /// Kills every tool's process group if the stage dies without doing it (SIGKILL).
    pub watchdog: Option<Watchdog>,
}

/// The default of [`Runner::capture_limit`].
pub const CAPTURE_LIMIT: usize = 512 * 1024 * 1024;

impl Runner {
    /// A runner whose tools must all finish within `timeout` from now. The variables in
    /// `hidden` (the forge tokens and every stage's own secrets: the registry's list), and any
    /// other variable whose value is `forge_token` (a `--token` given from a variable of the
    /// user's own naming), are kept from every tool: a tool that needs one gets it explicitly,
    /// under the name it reads.
    pub fn new(
        env: &Env,
        masker: Masker,
        timeout: Duration,
        interrupts: Interrupts,
        hidden: &[Var],
        forge_token: Option<&str>,
    ) -> Self {
        let env = env
            .iter()
            .filter(|(name, value)| {
                !hidden.iter().any(|v| v.name == *name) && Some(*value) != forge_token
            })
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Self {
            env,
            masker,
            timeout,
            deadline: Instant::now() + timeout,
            grace: DEFAULT_GRACE,
            interrupts,
            capture_limit: CAPTURE_LIMIT,
            progress_every: Duration::from_secs(30),
            watchdog: None,
        }
    }

    /// Keeps the variable `name` from every tool this runner starts from now on (a flag's
    /// variable that holds secrets, such as `KKP_VARIABLES`).
    pub fn hide(&mut self, name: &str) {
        self.env.retain(|(k, _)| k != name);
    }

    /// Runs `cmd` inside the open fold `log`, streaming echoed lines (masked) as they arrive.
    /// A run stopped by the deadline, a signal or a broken log is an error that says so,
    /// returned only after the tool has exited.
    pub fn run(&self, cmd: &ToolCommand, log: &mut Fold<'_>, echo: Echo<'_>) -> Result<Captured> {
        if let Some(sig) = self.interrupts.received() {
            bail!(
                "{} not started: the stage received {}",
                cmd.display(),
                sig.as_str()
            );
        }
        let mut command = Command::new(&cmd.program);
        command
            .args(&cmd.args)
            .current_dir(&cmd.dir)
            .env_clear()
            .envs(
                self.env
                    .iter()
                    .filter(|(k, _)| cmd.env_allow.is_none_or(|allow| allowed(k, allow)))
                    .map(|(k, v)| (k.as_str(), v.as_str())),
            )
            .envs(cmd.extra_env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own process group: a Ctrl-C on a terminal reaches the tool only through us
            // (Terraform treats a second interrupt as "exit immediately, lock held"), and a
            // kill reaches the tool's own children (providers, provisioners) too.
            .process_group(0);
        if Instant::now() >= self.deadline {
            bail!(
                "{} not started: the stage timed out after {} s (--timeout)",
                cmd.display(),
                self.timeout.as_secs()
            );
        }
        // Signals are recorded (and forwarded to the tool) while it runs, and end the process
        // as usual again afterwards unless someone else still holds them.
        let _catching = self.interrupts.hold();
        self.supervise(cmd, command, log, echo)
    }

    fn supervise(
        &self,
        cmd: &ToolCommand,
        mut command: Command,
        log: &mut Fold<'_>,
        echo: Echo<'_>,
    ) -> Result<Captured> {
        let mut child = command.spawn().with_context(|| {
            format!(
                "cannot start {} ({}): set {} to its path or put it on PATH",
                cmd.tool.name,
                cmd.program.display(),
                cmd.tool.bin_var
            )
        })?;
        // The tool runs in its own process group; should the stage be killed outright, the
        // watchdog kills that group.
        let _watched = self.watchdog.as_ref().map(|w| w.watch_group(child.id()));
        let (tx, rx) = mpsc::channel::<(bool, String)>();
        let mut to_file: Option<std::thread::JoinHandle<std::io::Result<bool>>> = None;
        let mut to_long_text: Option<std::thread::JoinHandle<std::io::Result<LongText>>> = None;
        if let Some(out) = child.stdout.take() {
            match &cmd.stdout_to {
                StdoutTo::File(path) => {
                    let mut file = std::io::BufWriter::new(create_private(path)?);
                    let limit = self.capture_limit as u64;
                    // Straight to the file, in bounded memory; past the limit it is drained and
                    // dropped, and the run fails as for captured output.
                    to_file = Some(std::thread::spawn(move || {
                        let mut out = out;
                        let written =
                            std::io::copy(&mut std::io::Read::take(&mut out, limit), &mut file)?;
                        file.flush()?;
                        let rest = std::io::copy(&mut out, &mut std::io::sink())?;
                        Ok(written >= limit && rest > 0)
                    }));
                }
                StdoutTo::LongText => {
                    // Bounded memory whatever the length, so no capture limit applies.
                    let masker = self.masker.clone();
                    to_long_text = Some(std::thread::spawn(move || {
                        LongText::from_reader(out, &|text| masker.mask(text))
                    }));
                }
                StdoutTo::Memory => {
                    let tx = tx.clone();
                    std::thread::spawn(move || forward(out, false, tx));
                }
            }
        }
        if let Some(err) = child.stderr.take() {
            let tx = tx.clone();
            std::thread::spawn(move || forward(err, true, tx));
        }
        drop(tx);
        let (mut stdout, mut stderr) = (String::new(), String::new());
        let mut stop: Option<Stop> = None;
        let mut exited: Option<(std::process::ExitStatus, Instant)> = None;
        let mut pipes_open = true;
        // A log that cannot be written (a closed pipe) stops the tool like a signal would:
        // returning at once would leave it running, lock held, until SIGPIPE killed it.
        let mut log_broken: Option<std::io::Error> = None;
        let mut overflowed = false;
        let started = Instant::now();
        let mut last_progress = started;
        let mut last_line = String::new();
        loop {
            // Drain what arrives for at most one tick, then look at the child, the signals and
            // the deadline: a tool that never stops printing is still supervised.
            let tick = Instant::now() + Duration::from_millis(50);
            while pipes_open {
                let wait = tick.saturating_duration_since(Instant::now());
                match rx.recv_timeout(wait) {
                    Ok((is_err, line)) => {
                        // stderr is always shown (a failure is never swallowed); a mapping
                        // applies to it too, since some tools log structured lines there.
                        let shown = match (&echo, is_err) {
                            (Echo::Map(f), _) => f(&line),
                            (Echo::Quiet, false) => None,
                            (Echo::Quiet, true) | (Echo::Lines, _) => Some(line.clone()),
                        };
                        if let (Some(text), None) = (shown, &log_broken) {
                            if !text.trim().is_empty() {
                                last_line = crate::text::one_line(&text);
                            }
                            if let Err(e) = writeln!(log, "{}", self.masker.mask(&text)) {
                                log_broken = Some(e);
                            }
                        }
                        let buf = if is_err { &mut stderr } else { &mut stdout };
                        // Past the limit the output is still drained and logged, not kept.
                        if buf.len() + line.len() < self.capture_limit {
                            buf.push_str(&line);
                            buf.push('\n');
                        } else {
                            overflowed = true;
                        }
                        if let (Some(tail), false) = (cmd.stdout_tail, is_err) {
                            keep_tail(&mut stdout, tail);
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => pipes_open = false,
                }
            }
            if !pipes_open {
                // The pipes closed: the tool is ending. Look at it every few milliseconds
                // rather than once a tick, which would add up to a tick to every run.
                while exited.is_none() && Instant::now() < tick {
                    match child.try_wait()? {
                        Some(status) => exited = Some((status, Instant::now())),
                        None => std::thread::sleep(Duration::from_millis(2)),
                    }
                }
            }
            // A long step says it is alive: which tool, for how long, and its last word.
            if last_progress.elapsed() >= self.progress_every && log_broken.is_none() {
                last_progress = Instant::now();
                let _ = writeln!(
                    log,
                    "… {} still running after {} s{}",
                    cmd.tool.name,
                    started.elapsed().as_secs(),
                    if last_line.is_empty() {
                        String::new()
                    } else {
                        format!("; last: {}", self.masker.mask(&last_line))
                    }
                );
            }
            if exited.is_none() {
                if let Some(status) = child.try_wait()? {
                    exited = Some((status, Instant::now()));
                }
            }
            match exited {
                // Children of the tool may hold its pipes open after it exited: wait for their
                // output a little, then stop reading.
                Some((_, at)) if !pipes_open || at.elapsed() >= PIPE_LINGER => break,
                Some(_) => continue,
                None => self.watch(&child, cmd, &mut stop, log, log_broken.as_ref()),
            }
        }
        let Some((status, _)) = exited else {
            bail!("{} ended without an exit status", cmd.display());
        };
        if let Some(stop) = stop {
            bail!(
                "{} was stopped: {}; it exited {} after {} s{}",
                cmd.display(),
                stop.reason,
                match status.code() {
                    Some(c) => format!("with status {c}"),
                    None => "on a signal".to_owned(),
                },
                stop.at.elapsed().as_secs(),
                if stop.escalated {
                    " (it did not exit within the grace period and was killed)"
                } else {
                    ""
                }
            );
        }
        if let Some(handle) = to_file {
            match handle.join() {
                Ok(Ok(over)) => overflowed |= over,
                Ok(Err(e)) => bail!("{}: cannot write its output to a file: {e}", cmd.display()),
                Err(_) => bail!("{}: the output writer failed", cmd.display()),
            }
        }
        let long_text = match to_long_text.map(|handle| handle.join()) {
            None => None,
            Some(Ok(Ok(text))) => Some(text),
            Some(Ok(Err(e))) => bail!("{}: cannot read its output: {e}", cmd.display()),
            Some(Err(_)) => bail!("{}: the output reader failed", cmd.display()),
        };
        if overflowed {
            bail!(
                "{} printed more than {} MiB: more than kkp-delivery reads from a tool",
                cmd.display(),
                self.capture_limit / (1024 * 1024)
            );
        }
        Ok(Captured {
            code: status.code(),
            stdout,
            stderr,
            long_text,
        })
    }

    /// Stops the tool on a signal to the stage, at the stage's deadline, or when the log broke,
    /// and kills it when it outlives the grace period.
    fn watch(
        &self,
        child: &Child,
        cmd: &ToolCommand,
        stop: &mut Option<Stop>,
        log: &mut dyn Write,
        log_broken: Option<&std::io::Error>,
    ) {
        match stop {
            None => {
                // Only the first signal is forwarded, and only to the tool itself: a CI runner
                // follows SIGINT with SIGTERM, and Terraform takes a second interrupt as "exit
                // now", lock held; its provider plugins, which ignore SIGINT but die on
                // SIGTERM, hear of it from Terraform.
                let (sig, reason) = if let Some(sig) = self.interrupts.received() {
                    (sig, format!("the stage received {}", sig.as_str()))
                } else if Instant::now() >= self.deadline {
                    (
                        Signal::SIGINT,
                        format!("timed out after {} s (--timeout)", self.timeout.as_secs()),
                    )
                } else if let Some(e) = log_broken {
                    (
                        Signal::SIGINT,
                        format!("its output could not be logged ({e})"),
                    )
                } else {
                    return;
                };
                // The log may be what broke: saying so is best effort.
                let _ = writeln!(
                    log,
                    "kkp-delivery: {reason}: sending {} to {} and waiting up to {} s for it to exit cleanly",
                    sig.as_str(),
                    cmd.tool.name,
                    self.grace.as_secs()
                );
                let _ = kill(Pid::from_raw(child.id() as i32), sig);
                *stop = Some(Stop {
                    reason,
                    at: Instant::now(),
                    escalated: false,
                });
            }
            Some(s) if !s.escalated && s.at.elapsed() >= self.grace => {
                let _ = writeln!(
                    log,
                    "kkp-delivery: {} did not exit within {} s: killing it",
                    cmd.tool.name,
                    self.grace.as_secs()
                );
                kill_group(child.id());
                s.escalated = true;
            }
            Some(_) => {}
        }
    }
}

/// Whether `name` is on `allow`: equal to an entry, or starting with one that ends in `_`.
fn allowed(name: &str, allow: &[&str]) -> bool {
    allow
        .iter()
        .any(|a| name == *a || (a.ends_with('_') && name.starts_with(a)))
}

fn forward(stream: impl std::io::Read, is_err: bool, tx: mpsc::Sender<(bool, String)>) {
    let reader = BufReader::new(stream);
    for line in reader.split(b'\n') {
        let Ok(bytes) = line else { break };
        let text = String::from_utf8_lossy(&bytes)
            .trim_end_matches('\r')
            .to_owned();
        if tx.send((is_err, text)).is_err() {
            break;
        }
    }
}

/// Makes a file the tool wrote readable by the owner only (a saved Terraform plan holds
/// sensitive values in the clear).
pub fn make_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
        .with_context(|| format!("cannot restrict {}", path.display()))
}

/// Creates `path` empty and readable by the owner only (mode 0600), replacing any file there.
pub fn create_private(path: &Path) -> Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Remove first: an existing file keeps its mode when opened for writing.
    let _ = std::fs::remove_file(path);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Writes `contents` to `path` readable by the owner only (mode 0600): plan JSON and outputs
/// JSON may hold secrets.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<()> {
    let mut f = create_private(path)?;
    f.write_all(contents)
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use crate::mask::MaskingWriter;
    use crate::tools::fold::{FoldEnd, FoldStyle};
    use std::io;
    /// A tool variable for a test's own tool.
    fn test_var(name: &'static str) -> crate::env::Var {
        crate::env::Var {
            name,
            about: "a test's tool",
            kind: crate::env::VarKind::Plain,
            hosts: crate::env::Hosts::All,
        }
    }
    use super::*;

    #[test]
    fn masks_credentials_from_env_longest_first() {
        let env = Env::from_pairs([
            ("AWS_SECRET_ACCESS_KEY", "abcdefSECRET"),
            ("GITLAB_TOKEN", "abcdef"),
            ("PATH", "/usr/bin"),
        ]);
        let r = Masker::from_env(&env, []);
        assert_eq!(
            r.mask("k=abcdefSECRET t=abcdef p=/usr/bin"),
            "k=*** t=*** p=/usr/bin"
        );
    }

    #[test]
    fn masks_each_line_of_a_multi_line_secret() {
        let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACD\n-----END OPENSSH PRIVATE KEY-----\n";
        let env = Env::from_pairs([("SSH_PRIVATE_KEY", key)]);
        let m = Masker::from_env(&env, []);
        assert_eq!(m.mask("line: QyNTUxOQAAACD here"), "line: *** here");
        assert!(!m.mask(key).contains("b3BlbnNzaC1rZXktdjEAAAAA"));
        assert!(!format!("{m:?}").contains("b3Bl"));
    }

    #[test]
    fn masking_writer_masks_lines_split_across_writes() {
        let mut out = Vec::new();
        {
            let mut w = MaskingWriter::new(&mut out, Masker::new(["hunter2-secret"]));
            w.write_all(b"a hunter2-").unwrap();
            w.write_all(b"secret b\nlast hunter2-secret").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a *** b\nlast ***");
    }

    #[test]
    fn tool_environment_has_no_forge_token() {
        let env = Env::from_pairs([
            ("GITHUB_TOKEN", "ghp_x"),
            ("HOME", "/h"),
            ("MY_BOT_PAT", "given-as-token"),
        ]);
        let r = Runner::new(
            &env,
            Masker::default(),
            Duration::from_secs(5),
            Interrupts::default(),
            &[crate::env::vars::GITHUB_TOKEN],
            Some("given-as-token"),
        );
        assert!(r
            .env
            .iter()
            .all(|(k, _)| k != "GITHUB_TOKEN" && k != "MY_BOT_PAT"));
        assert!(r.env.iter().any(|(k, _)| k == "HOME"));
    }

    #[test]
    fn a_fold_closes_when_dropped() {
        struct Brackets;
        impl FoldStyle for Brackets {
            fn open(&self, out: &mut dyn Write, _id: &str, title: &str) -> io::Result<FoldEnd> {
                writeln!(out, "[{title}")?;
                Ok(Box::new(|out: &mut dyn Write| writeln!(out, "]")))
            }
        }
        let mut out = Vec::new();
        let early = |out: &mut Vec<u8>| -> io::Result<()> {
            let mut f = Fold::open(&Brackets, out, "x", "t")?;
            writeln!(f, "inside")?;
            Err(io::Error::other("early return"))
        };
        assert!(early(&mut out).is_err());
        assert_eq!(String::from_utf8(out).unwrap(), "[t\ninside\n]\n");
    }

    use crate::tools::fold::Unfolded as Plain;

    #[test]
    fn a_tool_that_never_stops_printing_is_still_timed_out() {
        let env = Env::from_pairs([("PATH", "/usr/bin:/bin")]);
        let r = Runner::new(
            &env,
            Masker::default(),
            Duration::from_millis(500),
            Interrupts::default(),
            &[],
            None,
        );
        // A line every 10 ms: never a pause long enough to look at the clock between lines.
        let cmd = ToolCommand {
            tool: Tool::new("sh", test_var("KKP_SH_BIN"), &[]),
            program: PathBuf::from("sh"),
            args: vec![
                "-c".into(),
                "while :; do echo busy; sleep 0.01; done".into(),
            ],
            dir: std::env::temp_dir(),
            extra_env: Vec::new(),
            stdout_to: StdoutTo::Memory,
            stdout_tail: None,
            env_allow: None,
        };
        let started = Instant::now();
        let err = r
            .run(
                &cmd,
                &mut Fold::open(&Plain, &mut io::sink(), "t", "yes").unwrap(),
                Echo::Quiet,
            )
            .unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
        assert!(err.to_string().contains("timed out"), "{err:#}");
    }

    #[test]
    fn output_past_the_capture_limit_fails_the_run() {
        let env = Env::from_pairs([("PATH", "/usr/bin:/bin")]);
        let mut r = Runner::new(
            &env,
            Masker::default(),
            Duration::from_secs(30),
            Interrupts::default(),
            &[],
            None,
        );
        r.capture_limit = 1000;
        let cmd = ToolCommand {
            tool: Tool::new("seq", test_var("KKP_SEQ_BIN"), &[]),
            program: PathBuf::from("seq"),
            args: vec!["100000".into()],
            dir: std::env::temp_dir(),
            extra_env: Vec::new(),
            stdout_to: StdoutTo::Memory,
            stdout_tail: None,
            env_allow: None,
        };
        let err = r
            .run(
                &cmd,
                &mut Fold::open(&Plain, &mut io::sink(), "t", "seq").unwrap(),
                Echo::Quiet,
            )
            .unwrap_err();
        assert!(
            err.to_string().contains("printed more than 0 MiB"),
            "{err:#}"
        );
    }

    #[test]
    fn a_logged_only_tool_keeps_the_tail_of_its_output() {
        let env = Env::from_pairs([("PATH", "/usr/bin:/bin")]);
        let r = Runner::new(
            &env,
            Masker::default(),
            Duration::from_secs(30),
            Interrupts::default(),
            &[],
            None,
        );
        // About 3.3 MiB of lines, past LOG_TAIL twice over, and a last line to find.
        let cmd = ToolCommand {
            tool: Tool::new("sh", test_var("KKP_SH_BIN"), &[]),
            program: PathBuf::from("sh"),
            args: vec!["-c".into(), "seq 500000; echo 'Error: the end'".into()],
            dir: std::env::temp_dir(),
            extra_env: Vec::new(),
            stdout_to: StdoutTo::Memory,
            stdout_tail: None,
            env_allow: None,
        }
        .logged_only();
        let mut log = Vec::new();
        let out = {
            let mut fold = Fold::open(&Plain, &mut log, "t", "seq").unwrap();
            r.run(&cmd, &mut fold, Echo::Lines).unwrap()
        };
        assert!(out.stdout.len() <= 2 * LOG_TAIL, "{}", out.stdout.len());
        assert!(out.stdout.len() >= LOG_TAIL / 2, "{}", out.stdout.len());
        assert!(out.stdout.ends_with("499999\n500000\nError: the end\n"));
        assert!(
            out.stdout.starts_with(|c: char| c.is_ascii_digit()),
            "whole lines kept"
        );
        let log = String::from_utf8(log).unwrap();
        assert!(
            log.starts_with("1\n2\n")
                && log.contains("\n250000\n")
                && log.contains("Error: the end"),
            "the log has every line"
        );
    }

    #[test]
    fn a_timed_out_tool_is_stopped_and_says_so() {
        let env = Env::from_pairs([("PATH", "/usr/bin:/bin")]);
        let mut r = Runner::new(
            &env,
            Masker::default(),
            Duration::from_millis(300),
            Interrupts::default(),
            &[],
            None,
        );
        r.grace = Duration::from_secs(5);
        let cmd = ToolCommand {
            tool: Tool::new("sleep", test_var("KKP_SLEEP_BIN"), &[]),
            program: PathBuf::from("sleep"),
            args: vec!["30".into()],
            dir: std::env::temp_dir(),
            extra_env: Vec::new(),
            stdout_to: StdoutTo::Memory,
            stdout_tail: None,
            env_allow: None,
        };
        let mut log = Vec::new();
        let started = Instant::now();
        let err = {
            let mut fold = Fold::open(&Plain, &mut log, "t", "sleep").unwrap();
            r.run(&cmd, &mut fold, Echo::Lines).unwrap_err()
        };
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "stopped at once"
        );
        assert!(
            err.to_string().contains("timed out after 0 s"),
            "{err:#}: {}",
            String::from_utf8_lossy(&log)
        );
    }
}
