//! The local git fallback: a tree diff between two commits, fetching (and deepening a shallow
//! clone) only as far as needed.
//!
//! Every command runs with `-c safe.directory=<root>`: container jobs often check out as another
//! user, and git then refuses to work ("dubious ownership"). Passing it on the command line is
//! honoured (command-line config is "protected") and, unlike `git config --global`, changes
//! nothing on the machine.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _, Result};

use super::{ChangedFile, FileStatus};

/// How far a shallow clone is deepened, in commits, before giving up on finding a merge-base
/// and fetching the whole history.
const DEEPEN_STEPS: [u32; 4] = [50, 200, 1000, 5000];

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
        let out = Command::new("git")
            .arg("-c")
            .arg(format!("safe.directory={}", dir.display()))
            .args(["rev-parse", "--show-toplevel"])
            .current_dir(dir)
            .output()
            .ok()?;
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
            .arg("safe.directory=*")
            .arg("-c")
            .arg("core.quotePath=false")
            .current_dir(&self.root)
            // Never prompt for credentials in CI: a prompt would hang the job.
            .env("GIT_TERMINAL_PROMPT", "0");
        cmd
    }

    /// Runs git and returns stdout; fails with git's own stderr.
    pub fn run(&self, args: &[&str]) -> Result<String> {
        let out = self
            .command()
            .args(args)
            .output()
            .with_context(|| format!("cannot run git {}", args.join(" ")))?;
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
        self.run(&["rev-parse", "--verify", "--quiet", &spec])
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
        self.run(&["fetch", "--quiet", "--no-tags", "--depth=1", "origin", rev])
            .with_context(|| {
                format!("commit {rev} is not in the clone and could not be fetched")
            })?;
        self.resolve(rev)
            .with_context(|| format!("commit {rev} is still missing after fetching it"))
    }

    /// `git merge-base`, deepening a shallow clone step by step until the base is found.
    pub fn merge_base(&self, a: &str, b: &str) -> Result<String> {
        if let Ok(base) = self.run(&["merge-base", a, b]) {
            return Ok(base.trim().to_owned());
        }
        if self.is_shallow() {
            for step in DEEPEN_STEPS {
                let deepen = format!("--deepen={step}");
                // Fetching both tips keeps their histories growing together.
                let _ = self.run(&["fetch", "--quiet", "--no-tags", &deepen, "origin", a, b]);
                if let Ok(base) = self.run(&["merge-base", a, b]) {
                    return Ok(base.trim().to_owned());
                }
            }
            let _ = self.run(&["fetch", "--quiet", "--no-tags", "--unshallow", "origin"]);
            if let Ok(base) = self.run(&["merge-base", a, b]) {
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
        Ok(out
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(|p| ChangedFile::new(p, FileStatus::Added))
            .collect())
    }

    /// Every tracked file at `rev`: the change set of a first push.
    pub fn all_files(&self, rev: &str) -> Result<Vec<ChangedFile>> {
        let out = self.run(&["ls-tree", "-r", "-z", "--name-only", rev])?;
        Ok(out
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(|p| ChangedFile::new(p, FileStatus::Added))
            .collect())
    }
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
