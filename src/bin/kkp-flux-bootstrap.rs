//! `kkp-flux-bootstrap`: the same entry point as `kkp-delivery` with the stage fixed.

use std::io::IsTerminal;
use std::process::ExitCode;

use kkp_delivery::cli::{main_stage, Invocation};
use kkp_delivery::env::Env;
use kkp_delivery::stages::Stage;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    ExitCode::from(main_stage(
        Stage::FluxBootstrap,
        Invocation {
            args: std::env::args_os().collect(),
            env: Env::from_pairs(std::env::vars_os()),
            cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
            stdout_is_terminal: tty,
            out: &mut stdout.lock(),
            err: &mut std::io::stderr(),
        },
    ))
}
