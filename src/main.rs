//! `kkp-delivery`: every stage as a subcommand, plus `explain`.

use std::io::IsTerminal;
use std::process::ExitCode;

use kkp_delivery::cli::{main_multi, Invocation};
use kkp_delivery::env::Env;

fn main() -> ExitCode {
    // The only place the process environment is read; everything below gets this snapshot.
    let env = Env::from_pairs(std::env::vars_os());
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    ExitCode::from(main_multi(Invocation {
        args: std::env::args_os().collect(),
        env,
        cwd,
        stdout_is_terminal: tty,
        out: &mut out,
        err: &mut err,
    }))
}
