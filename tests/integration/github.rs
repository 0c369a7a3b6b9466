//! GitHub scenarios against the fake forge: the decision, the outputs, the summary, and what
//! the forge received.

use serde_json::json;

use crate::common::{run, write_event, Repo, Scenario, TOKEN};
use crate::forge::{files, many_files, Fault, FileChange};

const ZERO: &str = "0000000000000000000000000000000000000000";

fn pr_payload(number: u64, base: &str, head: &str) -> serde_json::Value {
    json!({"action": "synchronize", "number": number, "pull_request": {"number": number, "base": {"ref": "main", "sha": base}, "head": {"ref": "feat", "sha": head}}, "repository": {"default_branch": "main", "full_name": "acme/kkp"}})
}

fn push_payload(before: &str, after: &str, branch: &str) -> serde_json::Value {
    json!({"ref": format!("refs/heads/{branch}"), "before": before, "after": after, "created": before == ZERO, "deleted": false, "forced": false, "repository": {"default_branch": "main", "full_name": "acme/kkp"}})
}

#[test]
fn pr_touching_terraform_runs_validate_and_names_the_file() {
    let gh = Scenario::new();
    gh.forge.with(|s| {
        s.gh_pulls
            .insert(7, files(&["terraform/aws/main.tf", "README.md"]))
    });
    let r = gh.github(
        "kkp-terraform-validate",
        "pull_request",
        pr_payload(7, &gh.base, &gh.base),
        &[],
    );
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(r.ran());
    assert!(
        r.output("reason")
            .unwrap()
            .contains("terraform/aws/main.tf matched `terraform/**`"),
        "{r:?}"
    );
    assert_eq!(r.output("changed-files").as_deref(), Some("2"));
    assert_eq!(r.output("matched-files").as_deref(), Some("1"));
    assert!(
        r.summary.contains("`terraform-validate` runs"),
        "{}",
        r.summary
    );
    assert!(
        r.stdout
            .contains("::group::Decision details for terraform-validate"),
        "{}",
        r.stdout
    );
    let hits = gh.forge.received();
    assert!(hits.iter().all(|h| h.authorized), "{hits:?}");
    assert_eq!(gh.forge.hits("/pulls/7/files").len(), 1);
}

#[test]
fn pr_touching_only_docs_skips_validate_and_plan_never_asks_for_apply() {
    let gh = Scenario::new();
    gh.forge
        .with(|s| s.gh_pulls.insert(8, files(&["docs/guide.md", "README.md"])));
    let r = gh.github(
        "kkp-terraform-validate",
        "pull_request",
        pr_payload(8, &gh.base, &gh.base),
        &[],
    );
    assert_eq!(r.code(), 0);
    assert!(!r.ran());
    assert!(
        r.output("reason")
            .unwrap()
            .contains("none of the 2 changed files (docs/guide.md, README.md) match"),
        "{r:?}"
    );
    let before = gh.forge.received().len();
    let r = gh
        .github(
            "kkp-terraform-apply",
            "pull_request",
            pr_payload(8, &gh.base, &gh.base),
            &[],
        )
        .expect_code(0);
    assert!(!r.ran());
    assert!(r.output("reason").unwrap().contains("runs on push-default"));
    assert_eq!(
        gh.forge.received().len(),
        before,
        "a stage skipped by event must not call the API"
    );
}

#[test]
fn push_to_default_touching_kubeone_runs_apply_stages() {
    let gh = Scenario::new();
    let head = gh.repo.commit(&[("kubeone/kubeone.yaml", "name: kkp2\n")]);
    gh.forge.with(|s| {
        s.gh_compares.insert(
            format!("{}...{head}", gh.base),
            files(&["kubeone/kubeone.yaml"]),
        )
    });
    let r = gh
        .github(
            "kkp-kubeone-apply",
            "push",
            push_payload(&gh.base, &head, "main"),
            &[("GITHUB_SHA", &head)],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(r
        .output("reason")
        .unwrap()
        .contains("kubeone/kubeone.yaml matched `kubeone/**`"));
    assert_eq!(gh.forge.hits("/compare/").len(), 1);
}

#[test]
fn push_touching_only_readme_skips() {
    let gh = Scenario::new();
    let head = gh.repo.commit(&[("README.md", "# new\n")]);
    gh.forge.with(|s| {
        s.gh_compares
            .insert(format!("{}...{head}", gh.base), files(&["README.md"]))
    });
    let r = gh.github(
        "kkp-terraform-apply",
        "push",
        push_payload(&gh.base, &head, "main"),
        &[],
    );
    assert_eq!(r.code(), 0);
    assert!(!r.ran());
    assert!(r.output("reason").unwrap().contains("README.md"));
}

#[test]
fn new_branch_with_zero_before_compares_against_default_branch() {
    let gh = Scenario::new();
    gh.repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = gh.repo.commit(&[("terraform/aws/main.tf", "# v2\n")]);
    gh.forge.with(|s| {
        s.gh_compares
            .insert(format!("main...{head}"), files(&["terraform/aws/main.tf"]))
    });
    let r = gh
        .github(
            "kkp-terraform-validate",
            "push",
            push_payload(ZERO, &head, "feat"),
            &[("KKP_RUN_ON", "push")],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert_eq!(gh.forge.hits(&format!("/compare/main...{head}")).len(), 1);
}

#[test]
fn force_push_uses_a_tree_diff_including_files_of_dropped_commits() {
    let gh = Scenario::new();
    // The dropped commit touched terraform/; the new history only touches docs.
    let dropped = gh.repo.commit(&[("terraform/aws/main.tf", "# dropped\n")]);
    gh.repo.git(&["reset", "--quiet", "--hard", &gh.base]);
    let head = gh.repo.commit(&[("docs/guide.md", "rewritten\n")]);
    let mut payload = push_payload(&dropped, &head, "main");
    payload["forced"] = json!(true);
    let r = gh
        .github("kkp-terraform-apply", "push", payload, &[])
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(
        r.output("reason")
            .unwrap()
            .contains("terraform/aws/main.tf"),
        "{r:?}"
    );
    assert!(r.stdout.contains("force push"), "{}", r.stdout);
    assert!(
        gh.forge.hits("/compare/").is_empty(),
        "force pushes must not use three-dot compare"
    );
}

#[test]
fn compare_capped_at_300_files_falls_back_to_git() {
    let gh = Scenario::new();
    let head = gh
        .repo
        .commit(&[("terraform/aws/main.tf", "# v2\n"), ("docs/a.md", "a\n")]);
    gh.forge.with(|s| {
        s.gh_compares.insert(
            format!("{}...{head}", gh.base),
            many_files("docs/bulk", 450),
        )
    });
    let r = gh
        .github(
            "kkp-terraform-apply",
            "push",
            push_payload(&gh.base, &head, "main"),
            &[],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert_eq!(
        r.output("changed-files").as_deref(),
        Some("2"),
        "the git diff is the truth: {r:?}"
    );
    assert!(
        r.stdout.contains("returned 300 files, the API's cap"),
        "{}",
        r.stdout
    );
    assert!(r.summary.contains("git diff"), "{}", r.summary);
}

#[test]
fn pr_with_2500_files_fetches_every_page() {
    let gh = Scenario::new();
    let mut all = many_files("docs/gen", 2499);
    all.push(FileChange::renamed("terraform/old.tf", "moved/new.tf"));
    gh.forge.with(|s| s.gh_pulls.insert(9, all));
    let r = gh
        .github(
            "kkp-terraform-plan",
            "pull_request",
            pr_payload(9, &gh.base, &gh.base),
            &[],
        )
        .expect_code(0);
    assert!(r.ran(), "the rename's old path matches terraform/**: {r:?}");
    assert_eq!(r.output("changed-files").as_deref(), Some("2500"));
    let pages = gh.forge.hits("/pulls/9/files");
    assert_eq!(pages.len(), 25);
    assert!(pages.iter().all(|p| p.query.contains("per_page=100")));
}

#[test]
fn pr_with_more_than_3000_files_falls_back_to_git() {
    let gh = Scenario::new();
    gh.repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = gh.repo.commit(&[("kubermatic/values.yaml", "a: 2\n")]);
    gh.forge
        .with(|s| s.gh_pulls.insert(10, many_files("docs/gen", 3200)));
    let r = gh
        .github(
            "kkp-terraform-validate",
            "pull_request",
            pr_payload(10, &gh.base, &head),
            &[],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(
        r.stdout
            .contains("changes 3200 files and the API lists at most 3000"),
        "{}",
        r.stdout
    );
    assert_eq!(r.output("changed-files").as_deref(), Some("1"));
    // Page 1 goes out together with the count (one round trip); no other page is asked for
    // once the count is over the cap.
    assert!(
        gh.forge.hits("/pulls/10/files").len() <= 1,
        "no page past the first when the cap is known to be hit"
    );
}

#[test]
fn tag_schedule_manual_and_merge_queue() {
    let gh = Scenario::new();
    let tag = gh
        .github(
            "kkp-terraform-validate",
            "push",
            json!({"ref": "refs/tags/v1.0.0", "repository": {"default_branch": "main"}}),
            &[("GITHUB_REF", "refs/tags/v1.0.0")],
        )
        .expect_code(0);
    assert!(!tag.ran());
    assert!(
        tag.output("reason").unwrap().contains("`tag` event"),
        "{tag:?}"
    );

    let sched = gh
        .github(
            "kkp-terraform-plan",
            "schedule",
            json!({"schedule": "0 6 * * *"}),
            &[],
        )
        .expect_code(0);
    assert!(sched.ran());
    assert!(
        sched.output("reason").unwrap().contains("no change range"),
        "{sched:?}"
    );
    let manual = gh
        .github(
            "kkp-terraform-plan",
            "workflow_dispatch",
            json!({"inputs": {}}),
            &[],
        )
        .expect_code(0);
    assert!(manual.ran());
    let manual_apply = gh
        .github(
            "kkp-terraform-apply",
            "workflow_dispatch",
            json!({"inputs": {}}),
            &[],
        )
        .expect_code(0);
    assert!(
        !manual_apply.ran(),
        "apply stages need --run-on manual: {manual_apply:?}"
    );
    assert!(
        gh.forge.received().is_empty(),
        "tag, schedule and manual runs need no API call"
    );

    let head = gh.repo.commit(&[("terraform/aws/main.tf", "# mq\n")]);
    gh.forge.with(|s| {
        s.gh_compares.insert(
            format!("{}...{head}", gh.base),
            files(&["terraform/aws/main.tf"]),
        )
    });
    let mq = gh.github(
        "kkp-terraform-validate",
        "merge_group",
        json!({"action": "checks_requested", "merge_group": {"head_sha": head, "head_ref": "refs/heads/gh-readonly-queue/main/pr-7-abc", "base_sha": gh.base, "base_ref": "refs/heads/main"}, "repository": {"default_branch": "main"}}),
        &[],
    ).expect_code(0);
    assert!(mq.ran(), "{mq:?}");
    assert_eq!(gh.forge.hits("/compare/").len(), 1);
}

#[test]
fn missing_token_falls_back_to_git_and_says_so() {
    let gh = Scenario::new();
    gh.repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = gh.repo.commit(&[("terraform/aws/main.tf", "# v3\n")]);
    let r = gh
        .github(
            "kkp-terraform-validate",
            "pull_request",
            pr_payload(11, &gh.base, &head),
            &[("GITHUB_TOKEN", "")],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(r.stdout.contains("no API token"), "{}", r.stdout);
    assert!(gh.forge.received().is_empty());
}

#[test]
fn server_errors_then_success_are_retried() {
    let gh = Scenario::new();
    gh.forge
        .with(|s| s.gh_pulls.insert(12, files(&["terraform/x.tf"])));
    gh.forge.fault("/pulls/12/files", 2, Fault::Status(502));
    gh.forge.fault("/pulls/12", 1, Fault::Truncated);
    let r = gh
        .github(
            "kkp-terraform-validate",
            "pull_request",
            pr_payload(12, &gh.base, &gh.base),
            &[],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(r.summary.contains("GitHub API"), "{}", r.summary);
    let statuses: Vec<u16> = gh
        .forge
        .hits("/pulls/12")
        .iter()
        .map(|h| h.status)
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 502).count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.len(),
        5,
        "1 truncated + 1 ok for the PR, 2 errors + 1 ok for the files: {statuses:?}"
    );
}

#[test]
fn rate_limits_wait_for_the_reset_or_fall_back() {
    let gh = Scenario::new();
    gh.forge
        .with(|s| s.gh_pulls.insert(13, files(&["kubeone/kubeone.yaml"])));
    gh.forge
        .fault("/pulls/13/files", 1, Fault::RateLimited403 { reset_in: 1 });
    gh.forge
        .fault("/pulls/13", 1, Fault::TooManyRequests { retry_after: 1 });
    let r = gh
        .github(
            "kkp-terraform-validate",
            "pull_request",
            pr_payload(13, &gh.base, &gh.base),
            &[],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(r.summary.contains("GitHub API"));

    // A reset further away than --api-max-wait: stop waiting, use git, say why.
    gh.forge
        .fault("/pulls/13", 1, Fault::RateLimited403 { reset_in: 3600 });
    let r = gh
        .github(
            "kkp-terraform-validate",
            "pull_request",
            pr_payload(13, &gh.base, &gh.base),
            &[("KKP_API_MAX_WAIT", "5")],
        )
        .expect_code(0);
    assert!(r.stdout.contains("rate limited"), "{}", r.stdout);
    assert!(r.summary.contains("git diff"), "{}", r.summary);
}

#[test]
fn malformed_event_payload_exits_2_naming_the_file() {
    let gh = Scenario::new();
    let path = gh.repo.path().join("broken.json");
    std::fs::write(&path, "{\"ref\": \"refs/heads/main\", ").unwrap();
    let p = path.display().to_string();
    let r = gh.github(
        "kkp-terraform-validate",
        "push",
        json!({}),
        &[("GITHUB_EVENT_PATH", &p)],
    );
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(
        r.stderr.contains(&p) && r.stderr.contains("not valid JSON"),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stderr.lines().count(),
        1,
        "one clear line, no backtrace: {}",
        r.stderr
    );
}

#[test]
fn a_cluster_stage_that_runs_checks_its_inputs_after_publishing_the_decision() {
    let gh = Scenario::new();
    let head = gh.repo.commit(&[("kubeone/kubeone.yaml", "name: next\n")]);
    gh.forge.with(|s| {
        s.gh_compares.insert(
            format!("{}...{head}", gh.base),
            files(&["kubeone/kubeone.yaml"]),
        )
    });
    let path = write_event(gh.repo.path(), &push_payload(&gh.base, &head, "main"));
    let api = gh.forge.github_api();
    let r = run(
        "kkp-deploy",
        &[],
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", &path),
            ("GITHUB_REPOSITORY", "acme/kkp"),
            ("GITHUB_API_URL", &api),
            ("GITHUB_TOKEN", TOKEN),
        ],
        gh.repo.path(),
    );
    // No installer and no KKP version: bad input, named, after the decision.
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(r.stderr.contains("KKP_VERSION"), "{}", r.stderr);
    assert!(r.ran(), "the decision is still published");
}

#[test]
fn shallow_clone_is_deepened_for_the_git_fallback() {
    // origin has base → three more commits on feat; the job's clone has depth 1 of feat only.
    let (origin, base) = Repo::kkp();
    origin.git(&["checkout", "--quiet", "-b", "feat"]);
    origin.commit(&[("terraform/aws/main.tf", "# deep 1\n")]);
    origin.commit(&[("docs/guide.md", "deep 2\n")]);
    let head = origin.commit(&[("README.md", "deep 3\n")]);
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.path().display());
    let status = std::process::Command::new("git")
        .args(["clone", "--quiet", "--depth=1", "--branch=feat", &url])
        .arg(clone.path().join("w"))
        .status()
        .unwrap();
    assert!(status.success());
    let work = clone.path().join("w");
    let event = write_event(clone.path(), &pr_payload(20, &base, &head));
    let r = run(
        "kkp-terraform-validate",
        &["--decide-only"],
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_EVENT_PATH", &event),
            ("GITHUB_REPOSITORY", "acme/kkp"),
            ("GITHUB_API_URL", "http://127.0.0.1:9"),
        ],
        &work,
    )
    .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert_eq!(
        r.output("changed-files").as_deref(),
        Some("3"),
        "the merge-base diff covers all three commits: {r:?}"
    );
    assert!(
        r.output("reason")
            .unwrap()
            .contains("terraform/aws/main.tf"),
        "{r:?}"
    );
}
