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
