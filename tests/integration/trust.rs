//! Hostile input a pull request's author controls, or that arrives too large: file names that
//! try to become workflow commands, Markdown or terminal escapes, and oversized payloads.

use crate::common::{Scenario, TOKEN};
use crate::forge::files;

#[test]
fn hostile_file_names_cannot_inject_commands_markdown_or_escapes() {
    let gh = Scenario::new();
    let names = [
        "terraform/a\n::warning::pwned.tf",
        "terraform/`b`|<img src=x onerror=alert(1)>.tf",
        "terraform/c\x1b[31mred.tf",
        "terraform/%0A::error::d.tf",
    ];
    gh.forge.with(|s| s.gh_pulls.insert(3, files(&names)));
    let payload = serde_json::json!({"number": 3, "pull_request": {"number": 3, "base": {"ref": "main", "sha": gh.base}, "head": {"sha": gh.base}}});
    let r = gh
        .github("kkp-terraform-plan", "pull_request", payload, &[])
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    for line in r.stdout.lines() {
        assert!(
            !line.starts_with("::warning") && !line.starts_with("::error"),
            "a file name became a workflow command: {line:?}"
        );
    }
    assert!(!r.stdout.contains('\x1b'), "no escape reaches the log");
    assert!(!r.summary.contains("<img"), "{}", r.summary);
    assert!(!r.summary.contains('\x1b'));
    assert!(
        r.outputs.lines().all(|l| !l.starts_with("::")),
        "{}",
        r.outputs
    );
    assert!(!r.all_text().contains(TOKEN));
}

#[test]
fn an_event_payload_over_25_mib_is_bad_input() {
    let gh = Scenario::new();
    let big = serde_json::json!({"number": 1, "padding": "x".repeat(26 * 1024 * 1024)});
    let r = gh
        .github("kkp-terraform-plan", "pull_request", big, &[])
        .expect_code(2);
    assert!(
        r.stderr.contains("GITHUB_EVENT_PATH") && r.stderr.contains("at most 25 MiB"),
        "{}",
        r.stderr
    );
}
