//! The soak run: 1,000 decisions in a row in one process, against the fake forge on all three
//! hosts, with random faults (seeded, so a failure can be replayed). Resident memory, open file
//! descriptors and files in the temporary folder are recorded before and after and must stay
//! flat: a leak of even a few hundred bytes or one descriptor a decision would show.
//!
//! Other tests run in this process at the same time, so the bounds allow for their noise; a
//! leak per decision is a thousand times larger.

use std::time::Duration;

use kkp_delivery::changes::{self, filter::PathFilter, filter::DEFAULT_PATHS, ChangeSet};
use kkp_delivery::context::{DetectOptions, EventKind};
use kkp_delivery::decision::{self, OnUnknown, Rules};
use kkp_delivery::env::Env;
use kkp_delivery::platform::http::{ApiSettings, RetryPolicy, Token};
use kkp_delivery::platform::{self, Forge as Product};

use crate::common::{host_env, request_event, Host, Repo, TOKEN};
use crate::forge::{files, Fault, Forge};

const DECISIONS: usize = 1000;

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// A small, seeded generator: the same faults on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn a_thousand_decisions_with_random_faults_leak_nothing() {
    let forge = Forge::start(TOKEN);
    let (repo, base) = Repo::kkp();
    let head = repo.commit(&[("terraform/aws/main.tf", "# changed\n")]);
    forge.with(|s| {
        s.gh_pulls.insert(1, files(&["terraform/aws/main.tf"]));
        s.gl_mrs.insert(1, files(&["terraform/aws/main.tf"]));
        s.bb_prs.insert(1, files(&["terraform/aws/main.tf"]));
    });
    let tmp = tempfile::tempdir().unwrap();
    let contexts: Vec<_> = Host::ALL
        .iter()
        .map(|&host| {
            let mut vars = host_env(host, &forge.url, repo.path());
            vars.extend(request_event(host, 1, &base, &head, repo.path()));
            vars.push(("TMPDIR", tmp.path().display().to_string()));
            let opts = DetectOptions {
                workspace: repo.path().to_owned(),
                ..DetectOptions::default()
            };
            platform::detect(&Env::from_pairs(vars), &opts).unwrap()
        })
        .collect();
    let api = ApiSettings {
        token: Some(Token::new(TOKEN)),
        concurrency: 8,
        retry: RetryPolicy {
            base_delay: Duration::from_millis(5),
            request_timeout: Duration::from_millis(300),
            ..RetryPolicy::default()
        },
        changes_budget: Duration::from_secs(30),
        bot_login: None,
    };
    let rules = Rules {
        run_on: vec![EventKind::PullRequest],
        paths: PathFilter::from_patterns(DEFAULT_PATHS, "--paths").unwrap(),
        force: false,
        on_unknown: OnUnknown::Skip,
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let _inside = rt.enter();
    let paths = ["/pulls/1", "/merge_requests/1", "/diffstat"];
    let mut random = Lcg(0x6b6b_7064_656c_6976);
    let mut faulted = 0;
    let mut measured = None;
    for i in 0..DECISIONS {
        if i == 100 {
            // After warming up: allocator pools, connection pools and lazy statics are in place.
            measured = Some((status_kib("VmRSS:"), open_fds()));
        }
        let host = i % 3;
        forge.clear_faults();
        if random.next() % 3 == 0 {
            faulted += 1;
            let fault = match random.next() % 6 {
                0 => Fault::Status(500),
                1 => Fault::Status(503),
                2 => Fault::Truncated,
                3 => Fault::Reset,
                4 => Fault::TooManyRequests { retry_after: 0 },
                _ => Fault::Delay(Duration::from_millis(400)),
            };
            forge.fault(paths[host], 1, fault);
        }
        let ctx = &contexts[host];
        let product = Product::new(ctx, &api);
        let changes = rt.block_on(changes::resolve(ctx, async {
            product
                .changed_files(ctx, api.changes_budget)
                .await
                .map_err(|e| e.to_string())
        }));
        let d = decision::decide(ctx.event_kind(), &ctx.describe_event(), &changes, &rules);
        assert!(
            d.runs(),
            "decision {i} ({:?}): {} / {changes:?}",
            Host::ALL[host],
            d.reason
        );
        assert!(
            matches!(changes, ChangeSet::Known { .. }),
            "decision {i}: {changes:?}"
        );
    }
    let (rss_before, fds_before) = measured.unwrap();
    let (rss_after, fds_after) = (status_kib("VmRSS:"), open_fds());
    let left_in_tmp = std::fs::read_dir(tmp.path()).unwrap().count();
    println!(
        "soak: {DECISIONS} decisions, {faulted} with a fault; resident memory {rss_before} → {rss_after} KiB (peak {} KiB); open descriptors {fds_before} → {fds_after}; files left in TMPDIR: {left_in_tmp}",
        status_kib("VmHWM:")
    );
    assert!(
        rss_after < rss_before + 48 * 1024,
        "resident memory grew from {rss_before} to {rss_after} KiB over {DECISIONS} decisions"
    );
    assert!(
        fds_after <= fds_before + 16,
        "open descriptors grew from {fds_before} to {fds_after}"
    );
    assert_eq!(left_in_tmp, 0, "the decisions left files in TMPDIR");
}
