//! Whole-process benchmark: `kkp-delivery matrix` deciding 50 installations over a 3000-file
//! GitHub pull request, beside the same matrix over a repository with one installation, and
//! beside the peer way of fanning out without it: one decision per installation
//! (`kkp-terraform-plan --decide-only --installation NAME`, 50 processes, 50 listings). The fake
//! forge adds 20 ms of latency per request. Prints wall time, requests and the ratios.
//! Run: `cargo bench --bench fleet` (see docs/BENCHMARKS.md).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

#[path = "../tests/support/bins.rs"]
mod bins;
#[path = "../tests/support/forge.rs"]
mod forge;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use forge::{FileChange, Forge};

const TOKEN: &str = "bench-token";
const RUNS: usize = 5;
const LATENCY: Duration = Duration::from_millis(20);
const INSTALLATIONS: usize = 50;
const FILES: usize = 3000;

/// A repository with `n` installations (`terraform/inst-NN`), every second one using the
/// shared module `terraform/modules/net`.
fn fleet(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("terraform/modules/net/main.tf", "variable \"cidr\" {}\n");
    for i in 0..n {
        let text = if i % 2 == 0 {
            "module \"net\" {\n  source = \"../modules/net\"\n}\n"
        } else {
            "resource \"terraform_data\" \"x\" {}\n"
        };
        write(&format!("terraform/inst-{i:02}/main.tf"), text);
        write(&format!("kubeone/inst-{i:02}.yaml"), "name: x\n");
    }
    let event = dir.path().join("event.json");
    std::fs::write(&event, r#"{"number":7,"pull_request":{"number":7,"base":{"ref":"main","sha":"a"},"head":{"sha":"b"}}}"#).unwrap();
    dir
}

fn github(cmd: &mut Command, forge: &Forge, dir: &Path) {
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_EVENT_NAME", "pull_request")
        .env("GITHUB_EVENT_PATH", dir.join("event.json"))
        .env("GITHUB_REPOSITORY", "acme/kkp")
        .env("GITHUB_API_URL", forge.github_api())
        .env("GITHUB_TOKEN", TOKEN)
        .env("GITHUB_WORKSPACE", dir)
        .current_dir(dir);
}

/// One `kkp-delivery matrix`: its wall time, requests and the installations it chose.
fn matrix(forge: &Forge, dir: &Path) -> (Duration, usize, usize) {
    let before = forge.received().len();
    let mut cmd = Command::new(bins::bin("kkp-delivery"));
    cmd.arg("matrix");
    github(&mut cmd, forge, dir);
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let wall = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let chosen = String::from_utf8_lossy(&out.stdout)
        .matches("\"installation\"")
        .count();
    (wall, forge.received().len() - before, chosen)
}

/// The peer: one decision process per installation.
fn one_by_one(forge: &Forge, dir: &Path, n: usize) -> (Duration, usize) {
    let before = forge.received().len();
    let start = Instant::now();
    for i in 0..n {
        let mut cmd = Command::new(bins::bin("kkp-terraform-plan"));
        cmd.arg("--decide-only");
        github(&mut cmd, forge, dir);
        cmd.env("KKP_INSTALLATION", format!("inst-{i:02}"));
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    (start.elapsed(), forge.received().len() - before)
}

fn median(mut v: Vec<(Duration, usize, usize)>) -> (Duration, usize, usize) {
    v.sort_by_key(|m| m.0);
    v.swap_remove(v.len() / 2)
}

fn main() {
    // 3000 files: the shared module, a few installations' roots and manifests, and docs.
    let mut changed: Vec<FileChange> = Vec::new();
    changed.push(FileChange::modified("terraform/modules/net/main.tf"));
    for i in 0..10 {
        changed.push(FileChange::modified(&format!(
            "terraform/inst-{:02}/main.tf",
            i * 5 + 1
        )));
    }
    while changed.len() < FILES {
        changed.push(FileChange::modified(&format!(
            "docs/page-{}.md",
            changed.len()
        )));
    }
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls.insert(7, changed);
        s.latency = LATENCY;
    });
    let many = fleet(INSTALLATIONS);
    let one = fleet(1);
    matrix(&forge, many.path());
    matrix(&forge, one.path());
    let fleet_runs = median((0..RUNS).map(|_| matrix(&forge, many.path())).collect());
    let single_runs = median((0..RUNS).map(|_| matrix(&forge, one.path())).collect());
    let (peer_wall, peer_requests) = one_by_one(&forge, many.path(), INSTALLATIONS);
    println!(
        "GitHub pull request of {FILES} files, {} ms per request, median of {RUNS} runs",
        LATENCY.as_millis()
    );
    println!("{:<58} {:>9} {:>9}", "", "wall", "requests");
    println!(
        "{:<58} {:>7.0}ms {:>9}",
        "matrix, 1 installation",
        single_runs.0.as_secs_f64() * 1000.0,
        single_runs.1
    );
    println!(
        "{:<58} {:>7.0}ms {:>9}   ({} chosen)",
        format!("matrix, {INSTALLATIONS} installations"),
        fleet_runs.0.as_secs_f64() * 1000.0,
        fleet_runs.1,
        fleet_runs.2
    );
    println!(
        "{:<58} {:>7.0}ms {:>9}",
        format!("peer: {INSTALLATIONS} decisions, one per installation"),
        peer_wall.as_secs_f64() * 1000.0,
        peer_requests
    );
    println!(
        "{INSTALLATIONS} installations / 1: {:.2}x the time, {} vs {} requests; peer / matrix: {:.1}x the time, {:.0}x the requests",
        fleet_runs.0.as_secs_f64() / single_runs.0.as_secs_f64(),
        fleet_runs.1,
        single_runs.1,
        peer_wall.as_secs_f64() / fleet_runs.0.as_secs_f64(),
        peer_requests as f64 / fleet_runs.1 as f64
    );
}
