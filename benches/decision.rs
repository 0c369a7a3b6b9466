//! Whole-process benchmark: the decision for the largest pull/merge request each host lists,
//! served by the fake forge with 20 ms of added latency per request, on GitHub, GitLab and
//! Bitbucket side by side. Each host runs twice: concurrent paging (the default) and
//! sequential paging by the same binary (`KKP_API_CONCURRENCY=1`, how a `Link: rel=next`
//! walker such as octocrab's `all_pages` or dorny/paths-filter's paginate fetches). Prints wall
//! time, requests, the most requests in flight, round trips of latency (the wall time beyond
//! the same run without latency, in units of the latency), and the ratio.
//! Run: `cargo bench --bench decision` (see docs/BENCHMARKS.md).

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

use std::process::Command;
use std::time::{Duration, Instant};

use forge::{many_files, Forge};

const TOKEN: &str = "bench-token";
const RUNS: usize = 5;
const LATENCY: Duration = Duration::from_millis(20);

#[derive(Clone, Copy)]
enum Host {
    GitHub,
    GitLab,
    Bitbucket,
}

struct Measure {
    wall: Duration,
    requests: usize,
    max_in_flight: usize,
}

fn decide(forge: &Forge, host: Host, dir: &std::path::Path, concurrency: &str) -> Measure {
    let before = forge.received().len();
    forge.with(|s| s.max_in_flight = 0);
    let mut cmd = Command::new(bins::bin("kkp-terraform-validate"));
    cmd.arg("--decide-only")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("KKP_API_CONCURRENCY", concurrency)
        .current_dir(dir);
    match host {
        Host::GitHub => {
            let event = dir.join("event.json");
            std::fs::write(&event, r#"{"number":7,"pull_request":{"number":7,"base":{"ref":"main","sha":"a"},"head":{"sha":"b"}}}"#).unwrap();
            cmd.env("GITHUB_ACTIONS", "true")
                .env("GITHUB_EVENT_NAME", "pull_request")
                .env("GITHUB_EVENT_PATH", event)
                .env("GITHUB_REPOSITORY", "acme/kkp")
                .env("GITHUB_API_URL", forge.github_api())
                .env("GITHUB_TOKEN", TOKEN);
        }
        Host::GitLab => {
            cmd.env("GITLAB_CI", "true")
                .env("CI_PIPELINE_SOURCE", "merge_request_event")
                .env("CI_MERGE_REQUEST_IID", "7")
                .env("CI_API_V4_URL", format!("{}/api/v4", forge.url))
                .env("CI_PROJECT_ID", "42")
                .env("CI_PROJECT_PATH", "acme/kkp")
                .env("CI_PROJECT_DIR", dir)
                .env("GITLAB_TOKEN", TOKEN);
        }
        Host::Bitbucket => {
            cmd.env("BITBUCKET_BUILD_NUMBER", "1")
                .env("BITBUCKET_WORKSPACE", "acme")
                .env("BITBUCKET_REPO_SLUG", "kkp")
                .env("BITBUCKET_CLONE_DIR", dir)
                .env("BITBUCKET_PR_ID", "7")
                .env("BITBUCKET_BRANCH", "feat")
                .env("BITBUCKET_API_URL", format!("{}/2.0", forge.url))
                .env("BITBUCKET_ACCESS_TOKEN", TOKEN);
        }
    }
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let wall = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("files from"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Measure {
        wall,
        requests: forge.received().len() - before,
        max_in_flight: forge.with(|s| s.max_in_flight),
    }
}

/// CPU seconds (user + system) of every child this process has waited for, from
/// `/proc/self/stat` (in clock ticks: summed over many runs for a fine enough figure).
fn children_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields 16 and 17 of proc(5): cutime and cstime; `after` starts at field 3.
    let ticks: f64 = fields[13].parse::<f64>().unwrap() + fields[14].parse::<f64>().unwrap();
    let out = Command::new("getconf").arg("CLK_TCK").output().unwrap();
    let per_second: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    ticks / per_second
}

/// A stage that does not run on the event (terraform-apply on a pull request): its requests
/// (none) and its CPU time per run, averaged over `runs`.
fn skipped(forge: &Forge, dir: &std::path::Path, runs: usize) -> (usize, Duration, f64) {
    let before = forge.received().len();
    let event = dir.join("event.json");
    std::fs::write(&event, r#"{"number":7,"pull_request":{"number":7,"base":{"ref":"main","sha":"a"},"head":{"sha":"b"}}}"#).unwrap();
    let cpu_before = children_cpu();
    let start = Instant::now();
    for _ in 0..runs {
        let out = Command::new(bins::bin("kkp-terraform-apply"))
            .arg("--decide-only")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_EVENT_NAME", "pull_request")
            .env("GITHUB_EVENT_PATH", &event)
            .env("GITHUB_REPOSITORY", "acme/kkp")
            .env("GITHUB_API_URL", forge.github_api())
            .env("GITHUB_TOKEN", TOKEN)
            .current_dir(dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && stdout.contains("skip"), "{stdout}");
    }
    let wall = start.elapsed() / runs as u32;
    // `getconf` is a waited-for child too: measured once and taken off.
    let getconf = {
        let a = children_cpu();
        children_cpu() - a
    };
    let cpu = (children_cpu() - cpu_before - 2.0 * getconf) / runs as f64;
    (forge.received().len() - before, wall, cpu.max(0.0))
}

fn median(mut v: Vec<Measure>) -> Measure {
    v.sort_by_key(|m| m.wall);
    v.swap_remove(v.len() / 2)
}

fn main() {
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls.insert(7, many_files("terraform/gen", 3000));
        // GitLab lists at most 1000 diff files by default (max_diff_files): its largest complete
        // merge request.
        s.gl_mrs.insert(7, many_files("terraform/gen", 999));
        s.bb_prs.insert(7, many_files("terraform/gen", 3000));
        s.latency = LATENCY;
    });
    let dir = tempfile::tempdir().unwrap();
    println!(
        "decision for the largest request each host lists, {} ms per request, median of {RUNS} runs",
        LATENCY.as_millis()
    );
    println!(
        "{:<44} {:>8} {:>9} {:>10} {:>12}",
        "", "wall", "requests", "in flight", "round trips"
    );
    for (host, label) in [
        (Host::GitHub, "GitHub, 3000 files (30 pages of 100)"),
        (Host::GitLab, "GitLab, 999 files (10 pages of 100)"),
        (Host::Bitbucket, "Bitbucket, 3000 files (pages of 5000)"),
    ] {
        decide(&forge, host, dir.path(), "30");
        decide(&forge, host, dir.path(), "1");
        // The same run without latency: what the process itself costs (start, parsing, the
        // forge's answers), taken off to count the round trips of latency alone.
        forge.with(|s| s.latency = Duration::ZERO);
        let baseline = median(
            (0..RUNS)
                .map(|_| decide(&forge, host, dir.path(), "30"))
                .collect(),
        );
        forge.with(|s| s.latency = LATENCY);
        let mut concurrent = Vec::new();
        let mut sequential = Vec::new();
        for _ in 0..RUNS {
            concurrent.push(decide(&forge, host, dir.path(), "30"));
            sequential.push(decide(&forge, host, dir.path(), "1"));
        }
        let (c, s) = (median(concurrent), median(sequential));
        // Round trips of latency: the wall time the latency alone explains.
        let trips = |m: &Measure| {
            m.wall.saturating_sub(baseline.wall).as_secs_f64() / LATENCY.as_secs_f64()
        };
        println!("{label}");
        println!(
            "  {:<42} {:>6.0}ms {:>9} {:>10} {:>11.1}",
            "kkp-delivery (concurrent)",
            c.wall.as_secs_f64() * 1000.0,
            c.requests,
            c.max_in_flight,
            trips(&c)
        );
        println!(
            "  {:<42} {:>6.0}ms {:>9} {:>10} {:>11.1}",
            "sequential paging (peer)",
            s.wall.as_secs_f64() * 1000.0,
            s.requests,
            s.max_in_flight,
            trips(&s)
        );
        println!(
            "  {:<42} {:>6.0}ms {:>9} {:>10} {:>11}",
            "without latency (the process alone)",
            baseline.wall.as_secs_f64() * 1000.0,
            baseline.requests,
            baseline.max_in_flight,
            "-"
        );
        println!(
            "  ratio sequential/concurrent: {:.2}x",
            s.wall.as_secs_f64() / c.wall.as_secs_f64()
        );
    }
    let runs = if cfg!(debug_assertions) { 3 } else { 50 };
    let (requests, wall, cpu) = skipped(&forge, dir.path(), runs);
    assert_eq!(requests, 0, "a skipped stage makes no API call");
    println!("A stage that does not run on the event (terraform-apply on a pull request), mean of {runs} runs");
    println!(
        "  {:<42} {:>6.1}ms {:>9}   CPU {:.1} ms per run (user + system)",
        "kkp-delivery (skipped)",
        wall.as_secs_f64() * 1000.0,
        requests,
        cpu * 1000.0
    );
}
