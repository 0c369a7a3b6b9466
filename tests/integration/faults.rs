//! The fault matrix: every API call the product makes, on every host, against every fault the
//! fake forge can inject. Each case must end in a retry and success, or in a clear failure that
//! the stage then treats as fail-open or fail-closed — never a panic, never a hang. The table
//! of what happened is written to docs/RELIABILITY.md, so the document is what was run.

use std::fmt::Write as _;
use std::time::Duration;

use kkp_delivery::context::{Context, DetectOptions};
use kkp_delivery::env::Env;
use kkp_delivery::platform::http::{ApiSettings, RetryPolicy, Token};
use kkp_delivery::platform::{self, CommentMode, Forge as Product, InsightsReport};

use crate::common::{host_env, request_event, Host, Repo, TOKEN};
use crate::forge::{files, Fault, Forge, BOT};

const MARKER: &str = "<!-- kkp-delivery:terraform-plan:terraform/aws -->";
/// The apply's status comment, written where the token cannot say who it is.
const ANNOUNCE: platform::Announcement<'static> = platform::Announcement {
    marker: "<!-- kkp-delivery:terraform-apply:terraform/aws -->",
    body: "<!-- kkp-delivery:terraform-apply:terraform/aws -->\napplying",
};
/// The whole-request timeout the product gets here, so "slower than the timeout" is quick.
const TIMEOUT: Duration = Duration::from_secs(1);

/// One API call of the product, where its requests go, and what the stage does when it fails.
struct Call {
    name: &'static str,
    method: &'static str,
    /// The fault's target: a path containing this (`$`: equal to it).
    path: String,
    /// Whether the call follows `next` links (only then can one point elsewhere).
    pages: bool,
    /// How the stage treats the call's failure.
    on_failure: &'static str,
    kind: Kind,
}

#[derive(Clone, Copy)]
enum Kind {
    ChangedFiles,
    ListComments,
    WriteComment,
    TokenUser,
    Owner,
    RequestsForCommit,
    CodeInsights,
    DefaultBranch,
}

fn calls(host: Host, head: &str) -> Vec<Call> {
    let c = |name, method, path: &str, pages, on_failure, kind| Call {
        name,
        method,
        path: path.to_owned(),
        pages,
        on_failure,
        kind,
    };
    let open = "fail-open: the git fallback decides";
    let closed_comment = "fail-closed: the stage fails (the comment is what apply checks)";
    let closed_guard = "fail-closed: apply is refused";
    let owner = "fail-closed: the stage that needs it fails";
    match host {
        Host::GitHub => vec![
            c(
                "changed files",
                "GET",
                "/repos/acme/kkp/pulls/1",
                false,
                open,
                Kind::ChangedFiles,
            ),
            c(
                "comments",
                "GET",
                "/repos/acme/kkp/issues/7/comments",
                false,
                closed_guard,
                Kind::ListComments,
            ),
            c(
                "comment write",
                "POST",
                "/repos/acme/kkp/issues/7/comments",
                false,
                closed_comment,
                Kind::WriteComment,
            ),
            c(
                "token user",
                "GET",
                "/user$",
                false,
                closed_guard,
                Kind::TokenUser,
            ),
            c(
                "owner lookup",
                "GET",
                "/users/alice",
                false,
                owner,
                Kind::Owner,
            ),
            c(
                "PR of the commit",
                "GET",
                &format!("/commits/{head}/pulls"),
                false,
                closed_guard,
                Kind::RequestsForCommit,
            ),
        ],
        Host::GitLab => vec![
            c(
                "changed files",
                "GET",
                "/merge_requests/1/diffs",
                // The crate pages by number here; a foreign `Link` is never asked for.
                false,
                open,
                Kind::ChangedFiles,
            ),
            c(
                "notes",
                "GET",
                "/merge_requests/7/notes",
                false,
                closed_guard,
                Kind::ListComments,
            ),
            c(
                "note write",
                "POST",
                "/merge_requests/7/notes",
                false,
                closed_comment,
                Kind::WriteComment,
            ),
            c(
                "token user",
                "GET",
                "/api/v4/user$",
                false,
                closed_guard,
                Kind::TokenUser,
            ),
            c(
                "owner lookup",
                "GET",
                "/namespaces/alice",
                false,
                owner,
                Kind::Owner,
            ),
            c(
                "MR of the commit",
                "GET",
                &format!("/repository/commits/{head}/merge_requests"),
                false,
                closed_guard,
                Kind::RequestsForCommit,
            ),
        ],
        Host::Bitbucket => vec![
            c(
                "changed files",
                "GET",
                // The page the pull request's diffstat redirects to.
                "/kkp/diffstat/",
                true,
                open,
                Kind::ChangedFiles,
            ),
            c(
                "comments",
                "GET",
                "/pullrequests/7/comments",
                true,
                closed_guard,
                Kind::ListComments,
            ),
            c(
                "comment write",
                "POST",
                "/pullrequests/7/comments",
                false,
                closed_comment,
                Kind::WriteComment,
            ),
            // No "token user" row: an access token cannot read /2.0/user (401, as Bitbucket
            // answers); its identity comes from the comment it writes (the rows above).
            c(
                "PR of the commit",
                "GET",
                &format!("/commit/{head}/pullrequests"),
                true,
                closed_guard,
                Kind::RequestsForCommit,
            ),
            c(
                "Code Insights",
                "PUT",
                "/reports/",
                false,
                "fail-open: a warning; the log has every finding",
                Kind::CodeInsights,
            ),
            c(
                "default branch",
                "GET",
                "/2.0/repositories/acme/kkp$",
                false,
                "fail-open: origin/HEAD, else `main`, with a note",
                Kind::DefaultBranch,
            ),
        ],
    }
}

/// The faults, and whether each is transient (one occurrence, which a GET retries).
fn faults(elsewhere: &str, same: &str) -> Vec<(&'static str, Fault, u32)> {
    vec![
        ("500", Fault::Status(500), 1),
        ("502", Fault::Status(502), 1),
        ("503", Fault::Status(503), 1),
        (
            "429 with Retry-After",
            Fault::TooManyRequests { retry_after: 1 },
            1,
        ),
        (
            "403 with x-ratelimit-reset",
            Fault::RateLimited403 { reset_in: 1 },
            1,
        ),
        (
            "429 with RateLimit-Reset",
            Fault::GitLabRateLimit { reset_in: 1 },
            1,
        ),
        ("connection reset", Fault::Reset, 1),
        (
            "slower than the timeout",
            Fault::Delay(TIMEOUT + Duration::from_secs(1)),
            1,
        ),
        ("truncated JSON", Fault::Truncated, 1),
        ("redirect loop", Fault::Redirect(same.to_owned()), 50),
        (
            "cross-host redirect",
            Fault::Redirect(elsewhere.to_owned()),
            50,
        ),
        (
            "`next` link to another host",
            Fault::NextElsewhere(elsewhere.to_owned()),
            1,
        ),
    ]
}

/// Runs one call with a fresh product client; `Ok` with what it got, or its error.
async fn call(product: &Product, ctx: &Context, kind: Kind, head: &str) -> Result<String, String> {
    let e = |e: kkp_delivery::platform::http::ApiError| e.to_string();
    match kind {
        Kind::ChangedFiles => product
            .changed_files(ctx, Duration::from_secs(30))
            .await
            .map(|c| format!("{} files", c.files.len()))
            .map_err(e),
        Kind::ListComments => product
            .reviewed_on(7, MARKER, &ANNOUNCE)
            .await
            .map(|b| format!("reviewed plan found: {}", b.is_some()))
            .map_err(e),
        Kind::WriteComment => product
            .upsert_comment(7, MARKER, &format!("{MARKER}\nplan"), CommentMode::New)
            .await
            .map(|w| format!("{w:?}"))
            .map_err(e),
        Kind::TokenUser => product
            .token_user()
            .await
            .map(|u| format!("{u:?}"))
            .map_err(e),
        Kind::Owner => product
            .owner_kind("alice")
            .await
            .map(|k| format!("{k:?}"))
            .map_err(e),
        Kind::RequestsForCommit => product
            .find_reviewed(head, MARKER, &ANNOUNCE)
            .await
            .map(|r| format!("reviewed on {:?}", r.map(|(n, _)| n)))
            .map_err(e),
        Kind::CodeInsights => {
            let report = InsightsReport {
                id: "kkp-terraform-validate-x",
                title: "terraform validate (x)",
                details: "ok",
                passed: true,
                metrics: &[],
                check: "terraform-validate",
                findings: &[],
            };
            product
                .publish_insights(ctx, &report)
                .await
                .map(|p| format!("{p:?}"))
                .map_err(e)
        }
        Kind::DefaultBranch => {
            let mut ctx = ctx.clone();
            ctx.default_branch = None;
            match product.refine(&mut ctx, Duration::from_secs(30)).await {
                None => Ok(format!("{:?}", ctx.default_branch)),
                Some(note) => Err(note),
            }
        }
    }
}

/// What a case must end in: success after retries (a GET with a transient fault), or a
/// failure that says so.
fn expect_success(c: &Call, fault: &str, transient: bool) -> bool {
    if fault.contains("next") {
        // Only calls that follow links can be sent elsewhere by one.
        return !c.pages;
    }
    // Code Insights does not read what a write answers: a body cut short changes nothing.
    if fault == "truncated JSON" && matches!(c.kind, Kind::CodeInsights) {
        return true;
    }
    transient && c.method == "GET"
}

/// The outcome as the table shows it: deterministic, so the document changes only when the
/// behaviour does (commit hashes and reset times are replaced by placeholders).
fn outcome_text(
    result: &Result<String, String>,
    requests: usize,
    head: &str,
    elsewhere: &str,
) -> String {
    let one_line = |s: &str| {
        let mut s = s
            .replace('\n', " ")
            .replace('|', "\\|")
            .replace(head, "<sha>")
            .replace(elsewhere, "http://<other host>");
        if let Some(i) = s.find(" until ") {
            s.truncate(i);
            s.push_str(" until <reset time>");
        }
        // The fake forge's port changes from run to run: the document must not.
        let mut from = 0;
        while let Some(i) = s[from..].find("127.0.0.1:").map(|i| i + from) {
            let port_start = i + "127.0.0.1:".len();
            let port_len = s[port_start..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            if port_len > 0 {
                s.replace_range(i..port_start + port_len, "<fake forge>");
            }
            from = i + 1;
        }
        s
    };
    match result {
        Ok(_) => format!("succeeded ({requests} request(s))"),
        Err(e) => {
            let mut e = one_line(e);
            if e.chars().count() > 140 {
                e = e.chars().take(140).collect::<String>() + "…";
            }
            format!("failed: {e}")
        }
    }
}

fn matrix_for(host: Host) -> Vec<String> {
    let forge = Forge::start(TOKEN);
    let elsewhere = Forge::start(TOKEN);
    let (repo, base) = Repo::kkp();
    let head = repo.commit(&[("terraform/aws/main.tf", "# changed\n")]);
    forge.with(|s| {
        s.gh_pulls.insert(1, files(&["terraform/aws/main.tf"]));
        s.gl_mrs.insert(1, files(&["terraform/aws/main.tf"]));
        s.bb_prs.insert(1, files(&["terraform/aws/main.tf"]));
        s.owners.insert("alice".into(), "User");
        s.commit_prs.insert(head.clone(), vec![7]);
    });
    let thread = match host {
        Host::GitHub => "github:7",
        Host::GitLab => "gitlab:7",
        Host::Bitbucket => "bitbucket:7",
    };
    forge.with(|s| s.add_comment_by(thread, BOT, &format!("{MARKER}\nreviewed")));
    let mut vars = host_env(host, &forge.url, repo.path());
    vars.extend(request_event(host, 1, &base, &head, repo.path()));
    let opts = DetectOptions {
        workspace: repo.path().to_owned(),
        ..DetectOptions::default()
    };
    let ctx = platform::detect(&Env::from_pairs(vars), &opts).unwrap();
    let api = ApiSettings {
        token: Some(Token::new(TOKEN)),
        concurrency: 8,
        retry: RetryPolicy {
            request_timeout: TIMEOUT,
            base_delay: Duration::from_millis(50),
            ..RetryPolicy::default()
        },
        changes_budget: Duration::from_secs(30),
        bot_login: None,
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let _inside = rt.enter();
    let mut rows = Vec::new();
    for c in calls(host, &head) {
        let path = c.path.trim_end_matches('$');
        let same = format!("{}{path}", forge.url);
        for (fault_name, fault, times) in faults(&elsewhere.url, &same) {
            forge.clear_faults();
            let before = forge.received().len();
            forge.fault_on(Some(c.method), &c.path, times, fault);
            let product = Product::new(&ctx, &api);
            let result = rt
                .block_on(async {
                    tokio::time::timeout(
                        Duration::from_secs(90),
                        call(&product, &ctx, c.kind, &head),
                    )
                    .await
                })
                .unwrap_or_else(|_| panic!("{host:?} {} / {fault_name}: hung", c.name));
            let requests = forge.received().len() - before;
            let want_success = expect_success(&c, fault_name, times == 1);
            assert_eq!(
                result.is_ok(),
                want_success,
                "{host:?} {} / {fault_name}: {result:?}",
                c.name
            );
            if let Err(e) = &result {
                assert!(!e.trim().is_empty(), "a failure says why");
                if fault_name.contains("redirect") || fault_name.contains("next") {
                    assert!(
                        e.contains("not followed") || e.contains("off the API host"),
                        "{host:?} {} / {fault_name}: {e}",
                        c.name
                    );
                }
            }
            rows.push(format!(
                "| {host:?} | {} | {fault_name} | {} | {} |",
                c.name,
                outcome_text(&result, requests, &head, &elsewhere.url),
                if result.is_ok() { "—" } else { c.on_failure }
            ));
        }
    }
    assert!(
        elsewhere.received().is_empty(),
        "{host:?}: the other host received nothing: {:?}",
        elsewhere.received()
    );
    rows
}

#[test]
fn every_api_call_survives_every_fault_on_every_host() {
    let rows: Vec<Vec<String>> = std::thread::scope(|s| {
        let jobs: Vec<_> = Host::ALL
            .into_iter()
            .map(|h| s.spawn(move || matrix_for(h)))
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap()).collect()
    });
    let mut doc = String::new();
    let _ = writeln!(
        doc,
        "# Reliability\n\n\
This file is written by the fault-matrix test (`tests/integration/faults.rs`, \
`every_api_call_survives_every_fault_on_every_host`): it is the record of what the last run \
did, not a plan. Every API call the product makes, on every host, meets every fault the fake \
forge injects. A GET with a transient fault (one occurrence) must be retried to success; a \
write (POST, PUT) is never retried, because it is not idempotent; a redirect to another host, \
a redirect loop and a `next` link to another host must fail saying so, and the other host must \
receive nothing. No case may panic or hang (each is bounded at 90 s). The requests column \
counts what reached the fake forge (a dropped connection is not counted).\n\n\
Settings of the run: whole-request timeout {} s (the product's default is 15 s), 4 attempts, \
first backoff 50 ms (default 250 ms).\n",
        TIMEOUT.as_secs()
    );
    let _ = writeln!(
        doc,
        "| host | call | fault | outcome | the stage then |\n|---|---|---|---|---|"
    );
    for row in rows.iter().flatten() {
        let _ = writeln!(doc, "{row}");
    }
    let _ = writeln!(
        doc,
        "\n## Property tests\n\n\
`tests/integration/properties.rs` runs {} cases per property on every test run (event \
payloads and CI variables, plan and validate JSON, the glob rules against a brute-force \
matcher, the workflow-command encoder against the runner's decoding, the dotenv writer). \
Cases proptest has ever failed on are kept in `tests/fixtures/proptest-regressions/` and \
replayed first.",
        crate::properties::CASES
    );
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/RELIABILITY.md");
    std::fs::write(path, doc).unwrap();
}
