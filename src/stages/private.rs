//! Private folders: where a stage keeps what must never be seen or outlive it (keys, derived
//! kubeconfigs, decrypted values, Terraform's `--variables`). Owner-only, outside the work tree,
//! removed when dropped, by the watchdog when the stage is killed outright, and by the next
//! stage when even that failed.

use std::path::{Path, PathBuf};

use crate::env::vars;
use crate::error::StageError;
use crate::process::{Holding, Watched};

use super::StageCx;

/// A folder only the owner can read, outside the working tree, removed when dropped — whatever
/// happened. While it exists, SIGINT and SIGTERM do not end the process outright: they stop the
/// running tool or the next step, and the folder is still removed.
pub struct PrivateDir(
    PathBuf,
    #[allow(dead_code)] Holding,
    /// Removes the folder should the stage be killed outright.
    #[allow(dead_code)]
    Option<Watched>,
);

/// Where private folders are made: `TMPDIR` when it is absolute and outside the work tree,
/// else `/tmp`.
fn private_base(env: &crate::env::Env, workspace: &Path) -> PathBuf {
    env.get(vars::TMPDIR)
        .map(PathBuf::from)
        .filter(|t| t.is_absolute() && !t.starts_with(workspace))
        .unwrap_or_else(|| PathBuf::from("/tmp"))
}

/// The prefix of every private folder; the stage's process id follows it.
const PRIVATE_PREFIX: &str = "kkp-delivery-";

/// Removes the private folders of stages whose process is gone (killed outright before they
/// could remove them: a persistent runner keeps `TMPDIR` between jobs). Only this user's
/// folders; a folder whose process still runs is left alone.
pub fn remove_abandoned_private_dirs(env: &crate::env::Env, workspace: &Path) {
    use std::os::unix::fs::MetadataExt as _;
    let base = private_base(env, workspace);
    let Ok(entries) = std::fs::read_dir(&base) else {
        return;
    };
    // This process's user: the owner of its /proc entry.
    let Ok(me) = std::fs::metadata("/proc/self").map(|m| m.uid()) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PRIVATE_PREFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_dir() || meta.uid() != me || pid <= 0 {
            continue;
        }
        let alive = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok();
        if !alive {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl PrivateDir {
    pub fn new(cx: &StageCx<'_>) -> Result<Self, StageError> {
        use std::os::unix::fs::DirBuilderExt;
        // Signals are held before anything private exists.
        let holding = cx.runner.interrupts.hold();
        // Never inside the work tree, whatever TMPDIR says: the folder must not end up in an
        // artifact or a commit.
        let base = private_base(cx.env, &cx.ctx.workspace);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = base.join(format!("{PRIVATE_PREFIX}{}-{nanos}", std::process::id()));
        std::fs::DirBuilder::new()
            .mode(0o700)
            .create(&dir)
            .map_err(|e| {
                StageError::Failed(anyhow::anyhow!(
                    "cannot create a private folder in {}: {e}",
                    base.display()
                ))
            })?;
        let watched = cx.runner.watchdog.as_ref().map(|w| w.watch_dir(&dir));
        Ok(Self(dir, holding, watched))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
