//! Whole-process benchmark: the decision for a 3000-file pull request served by the fake forge
//! with 20 ms of added latency per request, concurrent paging (default) side by side with
//! sequential paging (`KKP_API_CONCURRENCY=1`, how a `Link: rel=next` walker such as octocrab's
//! `all_pages` or dorny/paths-filter's paginate fetches). Prints wall time, request count and
//! the ratio. Run: `cargo bench --bench decision` (see docs/BENCHMARKS.md).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

#[path = "../tests/support/forge.rs"]
mod forge;

use std::process::Command;
use std::time::{Duration, Instant};

use forge::{many_files, Forge};

const TOKEN: &str = "bench-token";
const RUNS: usize = 5;

fn decide(forge: &Forge, event: &str, concurrency: &str) -> (Duration, usize) {
    let before = forge.received().len();
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_kkp-terraform-validate"))
        .arg("--decide-only")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_EVENT_NAME", "pull_request")
        .env("GITHUB_EVENT_PATH", event)
        .env("GITHUB_REPOSITORY", "acme/kkp")
        .env("GITHUB_API_URL", forge.github_api())
        .env("GITHUB_TOKEN", TOKEN)
        .env("KKP_API_CONCURRENCY", concurrency)
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("3000 files, 30 pages"), "{stdout}");
    (elapsed, forge.received().len() - before)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls.insert(7, many_files("terraform/gen", 3000));
        s.latency = Duration::from_millis(20);
    });
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("event.json");
    std::fs::write(&event, r#"{"number":7,"pull_request":{"number":7,"base":{"ref":"main","sha":"a"},"head":{"sha":"b"}}}"#).unwrap();
    let event = event.display().to_string();

    // One warm-up run of each so both start cache-warm.
    decide(&forge, &event, "8");
    decide(&forge, &event, "1");
    let mut concurrent = Vec::new();
    let mut sequential = Vec::new();
    let (mut c_req, mut s_req) = (0, 0);
    for _ in 0..RUNS {
        let (t, n) = decide(&forge, &event, "8");
        concurrent.push(t);
        c_req = n;
        let (t, n) = decide(&forge, &event, "1");
        sequential.push(t);
        s_req = n;
    }
    let (c, s) = (median(concurrent), median(sequential));
    println!("decision for a 3000-file pull request, 20 ms per request, median of {RUNS} runs");
    println!("{:<34} {:>10} {:>10}", "", "wall", "requests");
    println!(
        "{:<34} {:>8.0}ms {:>10}",
        "kkp-delivery (8 pages at once)",
        c.as_secs_f64() * 1000.0,
        c_req
    );
    println!(
        "{:<34} {:>8.0}ms {:>10}",
        "sequential paging (peer)",
        s.as_secs_f64() * 1000.0,
        s_req
    );
    println!(
        "ratio sequential/concurrent: {:.2}x",
        s.as_secs_f64() / c.as_secs_f64()
    );
}
