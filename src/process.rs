//! Process primitives: signals held and recorded while a stage cleans up, the process made
//! undumpable, and process groups killed whole. A leaf: the runner and the git fallback share
//! it.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;

/// SIGINT and SIGTERM sent to the stage. While a tool runs, they are recorded here and
/// forwarded to it; while none runs, they end the process as they normally would.
#[derive(Clone, Debug)]
pub struct Interrupts {
    received: Arc<AtomicUsize>,
    /// True while no tool runs and nothing holds the signals: a signal then takes its default
    /// action.
    idle: Arc<AtomicBool>,
    /// How many [`Holding`] guards are alive.
    holds: Arc<AtomicUsize>,
}

/// While alive, SIGINT and SIGTERM are recorded instead of ending the process, so the holder
/// can stop at its next check and clean up (a cluster stage removes its private files).
pub struct Holding(Interrupts);

impl Drop for Holding {
    fn drop(&mut self) {
        let left = self
            .0
            .holds
            .fetch_sub(1, Ordering::SeqCst)
            .saturating_sub(1);
        self.0.idle.store(left == 0, Ordering::SeqCst);
    }
}

impl Default for Interrupts {
    fn default() -> Self {
        Self {
            received: Arc::new(AtomicUsize::new(0)),
            idle: Arc::new(AtomicBool::new(true)),
            holds: Arc::new(AtomicUsize::new(0)),
        }
    }
}

impl Interrupts {
    /// Installs the handlers for SIGINT and SIGTERM.
    pub fn install() -> io::Result<Self> {
        let me = Self::default();
        for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            signal_hook::flag::register_conditional_default(sig, Arc::clone(&me.idle))?;
            signal_hook::flag::register_usize(sig, Arc::clone(&me.received), sig as usize)?;
        }
        Ok(me)
    }

    /// Records signals instead of ending the process until the guard is dropped.
    pub fn hold(&self) -> Holding {
        self.holds.fetch_add(1, Ordering::SeqCst);
        self.idle.store(false, Ordering::SeqCst);
        Holding(self.clone())
    }

    /// The first signal received, if any.
    pub fn received(&self) -> Option<Signal> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => Signal::try_from(n as i32).ok(),
        }
    }
}

/// Makes this process undumpable: other processes of the same user — the tools it runs among
/// them — can then no longer read its memory or `/proc/<pid>/environ`, where the forge tokens
/// it was started with are. A tool's own environment has no token (see `tools::runner::Runner::new`); this
/// closes the way round through its parent.
pub fn protect_process() -> io::Result<()> {
    nix::sys::prctl::set_dumpable(false).map_err(io::Error::from)
}

/// Sends SIGKILL to the process group led by `pid` (children started by the tool runner and by the
/// git fallback lead their own group).
pub fn kill_group(pid: u32) {
    let _ = killpg(Pid::from_raw(pid as i32), Signal::SIGKILL);
}

/// What a stage leaves that must not outlive it: the process groups of the tools it runs, the
/// processes it starts that leave their group (`ssh-agent` daemonises), and its private folders.
///
/// A stage cleans these up itself on every path it controls. SIGKILL is the path it does not
/// control (GitHub sends it about 10 s after a cancel), and a parent-death signal does not help
/// with `ssh-agent`, which is setgid on Debian and Ubuntu (executing a setgid binary clears
/// it). So the stage starts a watchdog: its own executable in `--kkp-watchdog` mode, detached
/// (reparented, in its own process group, with an empty environment), reading what to watch
/// from a pipe whose other end only the stage holds. When the stage dies, however it dies, the
/// pipe closes and the watchdog kills what is still registered and removes the folders.
#[derive(Clone, Debug)]
pub struct Watchdog {
    to: std::sync::Arc<std::sync::Mutex<std::process::ChildStdin>>,
}

/// The argument that makes the executable a watchdog (`entry_point!` checks it first).
pub const WATCHDOG_ARG: &str = "--kkp-watchdog";

impl Watchdog {
    /// Starts the watchdog: `exe` (this program) run by `/bin/sh` in the background, so it is
    /// reparented at once and no process-tree kill of the stage reaches it.
    pub fn start(exe: &std::path::Path) -> io::Result<Self> {
        use std::os::unix::process::CommandExt as _;
        use std::process::{Command, Stdio};
        // POSIX gives an asynchronous list /dev/null as stdin unless it is redirected: fd 3
        // carries the pipe to it explicitly.
        let mut shell = Command::new("/bin/sh")
            .arg("-c")
            .arg(r#"exec 3<&0; "$0" "$1" <&3 >/dev/null 2>&1 3<&- &"#)
            .arg(exe)
            .arg(WATCHDOG_ARG)
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        let to = shell
            .stdin
            .take()
            .ok_or_else(|| io::Error::other("the watchdog's pipe was not opened"))?;
        shell.wait()?;
        Ok(Self {
            to: Arc::new(std::sync::Mutex::new(to)),
        })
    }

    fn say(&self, line: &str) {
        use std::io::Write as _;
        if let Ok(mut to) = self.to.lock() {
            let _ = writeln!(to, "{line}");
        }
    }

    fn watched(&self, what: &str, value: String) -> Watched {
        self.say(&format!("{what} {value}"));
        Watched {
            dog: self.clone(),
            forget: format!("-{what} {value}"),
        }
    }

    /// Kill this process group if the stage dies first (a tool and its children).
    pub fn watch_group(&self, pgid: u32) -> Watched {
        self.watched("group", pgid.to_string())
    }

    /// Kill this process if the stage dies first (a daemon such as `ssh-agent`).
    pub fn watch_process(&self, pid: i32) -> Watched {
        self.watched("process", pid.to_string())
    }

    /// Remove this folder if the stage dies first.
    pub fn watch_dir(&self, dir: &std::path::Path) -> Watched {
        use std::os::unix::ffi::OsStrExt as _;
        self.watched("dir", hex_of(dir.as_os_str().as_bytes()))
    }
}

/// One thing the watchdog watches; dropped once the stage has cleaned it up itself.
#[derive(Debug)]
pub struct Watched {
    dog: Watchdog,
    forget: String,
}

impl Drop for Watched {
    fn drop(&mut self) {
        self.dog.say(&self.forget);
    }
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn bytes_of_hex(hex: &str) -> Option<Vec<u8>> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The watchdog's body: reads `group N`, `process N`, `dir HEX` (and `-…` to forget one) until
/// the stage's end of the pipe closes, then kills what is left and removes the folders.
/// Signals meant for the stage's terminal or group do not stop it.
pub fn watchdog(input: impl io::BufRead) -> u8 {
    use std::collections::BTreeSet;
    let ignored = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&ignored));
    }
    let mut watched: BTreeSet<(String, String)> = BTreeSet::new();
    for line in input.lines() {
        let Ok(line) = line else { break };
        let Some((what, value)) = line.split_once(' ') else {
            continue;
        };
        match what.strip_prefix('-') {
            Some(what) => {
                watched.remove(&(what.to_owned(), value.to_owned()));
            }
            None => {
                watched.insert((what.to_owned(), value.to_owned()));
            }
        }
    }
    // Processes first, so nothing writes into a folder while it is removed.
    for (what, value) in &watched {
        match (what.as_str(), value.parse::<i32>()) {
            ("group", Ok(pgid)) if pgid > 1 => {
                let _ = killpg(Pid::from_raw(pgid), Signal::SIGKILL);
            }
            ("process", Ok(pid)) if pid > 1 => {
                let _ = nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGKILL);
            }
            _ => {}
        }
    }
    for (what, value) in &watched {
        if what == "dir" {
            if let Some(bytes) = bytes_of_hex(value) {
                use std::os::unix::ffi::OsStringExt as _;
                let _ = std::fs::remove_dir_all(std::ffi::OsString::from_vec(bytes));
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt as _;

    #[test]
    fn the_watchdog_removes_what_is_still_registered_when_the_pipe_closes() {
        let base = tempfile::tempdir().unwrap();
        let (left, cleaned) = (base.path().join("left"), base.path().join("cleaned"));
        for dir in [&left, &cleaned] {
            std::fs::create_dir_all(dir.join("inside")).unwrap();
        }
        let hex = |p: &std::path::Path| hex_of(p.as_os_str().as_bytes());
        // A process group that no longer exists, forgotten anyway; a folder the stage removed
        // itself (forgotten); one it did not.
        let input = format!(
            "group 999999\n-group 999999\ndir {}\ndir {}\n-dir {}\nnonsense\n",
            hex(&left),
            hex(&cleaned),
            hex(&cleaned)
        );
        assert_eq!(watchdog(input.as_bytes()), 0);
        assert!(!left.exists(), "the folder the stage left is removed");
        assert!(cleaned.exists(), "a forgotten folder is not the watchdog's");
        assert_eq!(
            bytes_of_hex(&hex(&left)).unwrap(),
            left.as_os_str().as_bytes()
        );
    }
}
