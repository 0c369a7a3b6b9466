//! The local git fallback: a tree diff between two commits, fetching (and deepening a shallow
//! clone) only as far as needed.
//!
//! Every command runs with `-c safe.directory=<root>` (the workspace, never `*`): container
//! jobs often check out as another
//! user, and git then refuses to work ("dubious ownership"). Passing it on the command line is
//! honoured (command-line config is "protected") and, unlike `git config --global`, changes
//! nothing on the machine.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};

use crate::files::{ChangedFile, FileStatus};

/// How far a shallow clone is deepened, in commits, before giving up on finding a merge-base
/// and fetching the whole history.
const DEEPEN_STEPS: [u32; 4] = [50, 200, 1000, 5000];

/// How long all fetches of one run may take together: a remote that accepts and never answers
/// costs at most this before the change set is declared unknown.
const FETCH_BUDGET: Duration = Duration::from_secs(45);
/// How long any other git command may run (they are local and normally take milliseconds).
const LOCAL_DEADLINE: Duration = Duration::from_secs(120);

/// When the run's first fetch started; every later fetch, from any `Git` value of the run,
/// shares what is left of [`FETCH_BUDGET`]. One process is one run, so this is per run.
static FIRST_FETCH: OnceLock<Instant> = OnceLock::new();

#[derive(Clone, Debug)]
pub struct Git {
    root: PathBuf,
}

impl Git {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The top of the work tree containing `dir`, or `None` outside a git checkout.
    pub fn toplevel(dir: &Path) -> Option<PathBuf> {
        let mut cmd = Command::new("git");
        cmd.arg("-c")
            .arg(format!("safe.directory={}", dir.display()))
            .args(["rev-parse", "--show-toplevel"])
            .current_dir(dir);
        let out = output_within(cmd, LOCAL_DEADLINE).ok()?;
        out.status
            .success()
            .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("-c")
            // The workspace only: `*` would trust every repository on the machine.
            .arg(format!("safe.directory={}", self.root.display()))
            .arg("-c")
            .arg("core.quotePath=false")
            .current_dir(&self.root)
            // Never prompt for credentials in CI: a prompt would hang the job.
            .env("GIT_TERMINAL_PROMPT", "0");
        cmd
    }

    /// Runs git and returns stdout; fails with git's own stderr. A fetch gets what is left of
    /// the run's fetch budget, anything else the local deadline.
    pub fn run(&self, args: &[&str]) -> Result<String> {
        let deadline = if args.first() == Some(&"fetch") {
            let started = *FIRST_FETCH.get_or_init(Instant::now);
            let left = FETCH_BUDGET.saturating_sub(started.elapsed());
            if left.is_zero() {
                bail!(
                    "git {} not tried: fetches already took the {} s budget (the remote does not answer)",
                    args.join(" "),
                    FETCH_BUDGET.as_secs()
                );
            }
            left
        } else {
            LOCAL_DEADLINE
        };
        let mut cmd = self.command();
        cmd.args(args);
        let out =
            output_within(cmd, deadline).with_context(|| format!("git {}", args.join(" ")))?;
        if !out.status.success() {
            bail!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The full SHA of `rev`, if it names a commit that is present locally. Also expands the
    /// 12-character hashes Bitbucket hands out.
    pub fn resolve(&self, rev: &str) -> Option<String> {
        let spec = format!("{rev}^{{commit}}");
        self.run(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ])
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
    }

    pub fn current_branch(&self) -> Option<String> {
        self.run(&["symbolic-ref", "--short", "-q", "HEAD"])
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    /// The remote's default branch as recorded by clone (`origin/HEAD`).
    pub fn remote_default_branch(&self) -> Option<String> {
        let out = self
            .run(&["symbolic-ref", "--short", "-q", "refs/remotes/origin/HEAD"])
            .ok()?;
        out.trim().strip_prefix("origin/").map(str::to_owned)
    }

    pub fn is_shallow(&self) -> bool {
        self.run(&["rev-parse", "--is-shallow-repository"])
            .is_ok_and(|s| s.trim() == "true")
    }

    /// Makes sure `rev` is present, fetching just that commit from origin if it is not.
    pub fn ensure_commit(&self, rev: &str) -> Result<String> {
        if let Some(sha) = self.resolve(rev) {
            return Ok(sha);
        }
        self.run(&[
            "fetch",
            "--quiet",
            "--no-tags",
            "--depth=1",
            "--end-of-options",
            "origin",
            rev,
        ])
        .with_context(|| format!("commit {rev} is not in the clone and could not be fetched"))?;
        self.resolve(rev)
            .with_context(|| format!("commit {rev} is still missing after fetching it"))
    }

    /// `git merge-base`, deepening a shallow clone step by step until the base is found.
    pub fn merge_base(&self, a: &str, b: &str) -> Result<String> {
        if let Ok(base) = self.run(&["merge-base", "--end-of-options", a, b]) {
            return Ok(base.trim().to_owned());
        }
        if self.is_shallow() {
            for step in DEEPEN_STEPS {
                let deepen = format!("--deepen={step}");
                // Fetching both tips keeps their histories growing together.
                let _ = self.run(&[
                    "fetch",
                    "--quiet",
                    "--no-tags",
                    &deepen,
                    "--end-of-options",
                    "origin",
                    a,
                    b,
                ]);
                if let Ok(base) = self.run(&["merge-base", "--end-of-options", a, b]) {
                    return Ok(base.trim().to_owned());
                }
            }
            let _ = self.run(&["fetch", "--quiet", "--no-tags", "--unshallow", "origin"]);
            if let Ok(base) = self.run(&["merge-base", "--end-of-options", a, b]) {
                return Ok(base.trim().to_owned());
            }
        }
        bail!("{a} and {b} have no common ancestor in this clone")
    }

    /// Files that differ between two commits (a two-dot tree diff), or between a commit and the
    /// work tree when `head` is `None`. Renames are off so both paths are reported.
    pub fn diff(&self, base: &str, head: Option<&str>) -> Result<Vec<ChangedFile>> {
        let mut args = vec![
            "diff",
            "--name-status",
            "-z",
            "--no-renames",
            "--no-ext-diff",
            // Revisions come from event payloads: never let one pass for an option.
            "--end-of-options",
            base,
        ];
        if let Some(h) = head {
            args.push(h);
        }
        args.push("--");
        Ok(parse_name_status(&self.run(&args)?))
    }

    /// Untracked files that are not ignored, for local runs.
    pub fn untracked(&self) -> Result<Vec<ChangedFile>> {
        let out = self.run(&["ls-files", "-z", "--others", "--exclude-standard"])?;
        Ok(added(&out))
    }

    /// Every tracked file at `rev`: the change set of a first push.
    pub fn all_files(&self, rev: &str) -> Result<Vec<ChangedFile>> {
        let out = self.run(&[
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            "--end-of-options",
            rev,
        ])?;
        Ok(added(&out))
    }
}

/// Runs `cmd` to completion or until `deadline`, when it and its children (git runs helpers
/// such as `git-remote-https`) are killed. The command gets its own process group so the kill
/// reaches the whole tree.
fn output_within(mut cmd: Command, deadline: Duration) -> Result<Output> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = cmd.spawn().context("cannot start git")?;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        pipe.map(|mut p| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = p.read_to_end(&mut buf);
                buf
            })
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() >= deadline {
            crate::process::kill_group(child.id());
            let _ = child.wait();
            bail!("timed out after {} s", deadline.as_secs());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let join = |h: Option<std::thread::JoinHandle<Vec<u8>>>| {
        h.and_then(|h| h.join().ok()).unwrap_or_default()
    };
    Ok(Output {
        status,
        stdout: join(stdout),
        stderr: join(stderr),
    })
}

/// NUL-separated paths, each an added file.
fn added(out: &str) -> Vec<ChangedFile> {
    out.split('\0')
        .filter(|p| !p.is_empty())
        .map(|p| ChangedFile::new(p, FileStatus::Added))
        .collect()
}

/// Parses `git diff --name-status -z`: `STATUS\0path\0` records.
fn parse_name_status(out: &str) -> Vec<ChangedFile> {
    let mut files = Vec::new();
    let mut parts = out.split('\0').filter(|p| !p.is_empty());
    while let (Some(status), Some(path)) = (parts.next(), parts.next()) {
        let status = match status.chars().next() {
            Some('A') => FileStatus::Added,
            Some('D') => FileStatus::Removed,
            _ => FileStatus::Modified,
        };
        files.push(ChangedFile::new(path, status));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_name_status() {
        let files = parse_name_status("M\0terraform/main.tf\0A\0a b.txt\0D\0old\0");
        let names: Vec<_> = files.iter().map(|f| (f.path.as_str(), f.status)).collect();
        assert_eq!(
            names,
            vec![
                ("terraform/main.tf", FileStatus::Modified),
                ("a b.txt", FileStatus::Added),
                ("old", FileStatus::Removed)
            ]
        );
    }
}
