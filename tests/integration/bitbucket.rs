//! Bitbucket scenarios against the fake forge.

use crate::common::Scenario;
use crate::forge::{bb_pipeline, files, Fault};

#[test]
fn pr_diffstat_follows_the_302_with_the_token() {
    let bb = Scenario::new();
    bb.forge.with(|s| {
        s.bb_prs
            .insert(5, files(&["terraform/aws/main.tf", "README.md"]))
    });
    let r = bb
        .bitbucket(
            "kkp-terraform-validate",
            &[
                ("BITBUCKET_PR_ID", "5"),
                ("BITBUCKET_BRANCH", "feat"),
                ("BITBUCKET_PR_DESTINATION_BRANCH", "main"),
            ],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(
        r.dotenv.contains("KKP_TERRAFORM_VALIDATE_RUN=true"),
        "{}",
        r.dotenv
    );
    assert!(
        r.stdout
            .starts_with("INFO: kkp-delivery terraform-validate: runs"),
        "{}",
        r.stdout
    );
    let redirect = bb.forge.hits("/pullrequests/5/diffstat");
    assert_eq!(redirect[0].status, 302);
    let followed = bb.forge.hits("/diffstat/acme/kkp:pr5head");
    assert_eq!(followed.len(), 1);
    assert!(
        followed[0].authorized,
        "the token must survive the same-host redirect"
    );
}

#[test]
fn a_pull_request_asks_for_the_default_branch_and_its_files_together() {
    let bb = Scenario::new();
    bb.forge.with(|s| {
        s.bb_prs.insert(5, files(&["terraform/aws/main.tf"]));
        // Long enough that two requests sent together are both seen waiting.
        s.latency = std::time::Duration::from_millis(300);
    });
    let r = bb
        .bitbucket(
            "kkp-terraform-validate",
            &[("BITBUCKET_PR_ID", "5"), ("BITBUCKET_BRANCH", "feat")],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    let repo_reads = bb
        .forge
        .received()
        .into_iter()
        .filter(|r| r.path.ends_with("/repositories/acme/kkp"))
        .count();
    assert_eq!(repo_reads, 1, "the default branch asked once");
    assert_eq!(
        bb.forge.with(|s| s.max_in_flight),
        2,
        "mainbranch and the diffstat went out together: {:?}",
        bb.forge.received()
    );
}

#[test]
fn pr_touching_only_docs_skips() {
    let bb = Scenario::new();
    bb.forge
        .with(|s| s.bb_prs.insert(6, files(&["docs/guide.md"])));
    let r = bb
        .bitbucket(
            "kkp-terraform-plan",
            &[("BITBUCKET_PR_ID", "6"), ("BITBUCKET_BRANCH", "feat")],
        )
        .expect_code(0);
    assert!(!r.ran(), "{r:?}");
}

#[test]
fn push_without_before_uses_last_successful_pipeline() {
    let bb = Scenario::new();
    let failed = bb.repo.commit(&[("README.md", "failed build\n")]);
    let head = bb.repo.commit(&[("kubeone/kubeone.yaml", "name: new\n")]);
    let short_base = bb.base[..12].to_owned();
    bb.forge.with(|s| {
        s.bb_pipelines = vec![
            bb_pipeline("main", &failed[..12], "FAILED"),
            bb_pipeline("main", &short_base, "SUCCESSFUL"),
        ];
        // Bitbucket's spec is new..old.
        s.bb_ranges.insert(
            format!("{head}..{}:topic=false", bb.base),
            files(&["kubeone/kubeone.yaml", "README.md"]),
        );
    });
    let r = bb
        .bitbucket(
            "kkp-kubeone-apply",
            &[("BITBUCKET_BRANCH", "main"), ("BITBUCKET_COMMIT", &head)],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(
        r.stdout
            .contains("since the last successful pipeline on main"),
        "{}",
        r.stdout
    );
    assert_eq!(bb.forge.hits("/repositories/acme/kkp/pipelines").len(), 1);
}

#[test]
fn push_touching_only_readme_skips() {
    let bb = Scenario::new();
    let head = bb.repo.commit(&[("README.md", "docs\n")]);
    bb.forge.with(|s| {
        s.bb_pipelines = vec![bb_pipeline("main", &bb.base, "SUCCESSFUL")];
        s.bb_ranges.insert(
            format!("{head}..{}:topic=false", bb.base),
            files(&["README.md"]),
        );
    });
    let r = bb
        .bitbucket(
            "kkp-terraform-apply",
            &[("BITBUCKET_BRANCH", "main"), ("BITBUCKET_COMMIT", &head)],
        )
        .expect_code(0);
    assert!(!r.ran(), "{r:?}");
}

#[test]
fn feature_branch_push_without_pipeline_history_diffs_against_main() {
    let bb = Scenario::new();
    bb.repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = bb.repo.commit(&[("terraform/aws/main.tf", "# f\n")]);
    bb.forge.with(|s| {
        s.bb_ranges.insert(
            format!("{head}..main:topic=true"),
            files(&["terraform/aws/main.tf"]),
        )
    });
    let r = bb
        .bitbucket(
            "kkp-terraform-validate",
            &[
                ("BITBUCKET_BRANCH", "feat"),
                ("BITBUCKET_COMMIT", &head),
                ("KKP_RUN_ON", "push"),
            ],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(
        r.stdout.contains("no earlier successful pipeline on feat"),
        "{}",
        r.stdout
    );
}

#[test]
fn default_branch_push_with_nothing_to_compare_is_unknown_and_follows_on_unknown() {
    let bb = Scenario::new();
    let r = bb
        .bitbucket("kkp-terraform-apply", &[("BITBUCKET_BRANCH", "main")])
        .expect_code(0);
    assert!(r.ran(), "unknown changes run by default: {r:?}");
    assert!(
        r.output("reason")
            .unwrap()
            .contains("changed files unknown"),
        "{r:?}"
    );
    let r = bb
        .bitbucket(
            "kkp-terraform-apply",
            &[("BITBUCKET_BRANCH", "main"), ("KKP_ON_UNKNOWN", "skip")],
        )
        .expect_code(0);
    assert!(!r.ran());
    let r = bb.bitbucket(
        "kkp-terraform-apply",
        &[("BITBUCKET_BRANCH", "main"), ("KKP_ON_UNKNOWN", "fail")],
    );
    assert_eq!(r.code(), 1, "{r:?}");
}

#[test]
fn tag_and_custom_pipelines() {
    let bb = Scenario::new();
    let tag = bb
        .bitbucket("kkp-terraform-validate", &[("BITBUCKET_TAG", "v1.2.0")])
        .expect_code(0);
    assert!(!tag.ran());
    let custom = bb.bitbucket("kkp-terraform-plan", &[]).expect_code(0);
    assert!(
        custom.ran(),
        "a custom pipeline is a manual run: {custom:?}"
    );
    let custom_on_branch = bb
        .bitbucket(
            "kkp-terraform-apply",
            &[
                ("BITBUCKET_BRANCH", "main"),
                ("KKP_EVENT", "manual"),
                ("KKP_RUN_ON", "manual"),
            ],
        )
        .expect_code(0);
    assert!(custom_on_branch.ran(), "{custom_on_branch:?}");
    assert!(custom_on_branch
        .output("reason")
        .unwrap()
        .contains("manual run"));
}

#[test]
fn missing_token_uses_git_and_assumes_main_with_a_note() {
    let bb = Scenario::new();
    bb.repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = bb.repo.commit(&[("kubermatic/values.yaml", "b: 1\n")]);
    let r = bb
        .bitbucket(
            "kkp-terraform-validate",
            &[
                ("BITBUCKET_ACCESS_TOKEN", ""),
                ("BITBUCKET_PR_ID", "9"),
                ("BITBUCKET_BRANCH", "feat"),
                ("BITBUCKET_PR_DESTINATION_BRANCH", "main"),
                ("BITBUCKET_COMMIT", &head[..12]),
            ],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(r.stdout.contains("no API token"), "{}", r.stdout);
    assert!(bb.forge.received().is_empty());
}

#[test]
fn server_errors_then_success_and_rate_limits() {
    let bb = Scenario::new();
    bb.forge
        .with(|s| s.bb_prs.insert(7, files(&["terraform/aws/main.tf"])));
    bb.forge.fault("/diffstat/acme", 2, Fault::Status(503));
    bb.forge.fault(
        "/repositories/acme/kkp",
        1,
        Fault::TooManyRequests { retry_after: 1 },
    );
    let r = bb
        .bitbucket(
            "kkp-terraform-validate",
            &[("BITBUCKET_PR_ID", "7"), ("BITBUCKET_BRANCH", "feat")],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(r.stdout.contains("Bitbucket API"), "{}", r.stdout);
}

/// A pipe runs the image's `kkp-delivery` with variables only: `STAGE` picks the stage, and the
/// outputs are also a shell file a later step can `source` safely, whatever the file names in
/// the reason hold.
#[test]
fn the_pipe_picks_its_stage_from_stage_and_writes_sourceable_outputs() {
    let bb = Scenario::new();
    let hostile = "terraform/aws/it's $(touch pwned) `id`.tf";
    bb.forge.with(|s| s.bb_prs.insert(6, files(&[hostile])));
    let r = bb
        .bitbucket(
            "kkp-delivery",
            &[
                ("STAGE", "terraform-plan"),
                ("BITBUCKET_PR_ID", "6"),
                ("BITBUCKET_BRANCH", "feat"),
                ("DEBUG", "true"),
            ],
        )
        .expect_code(0);
    assert!(r.stdout.contains("DEBUG: kkp-delivery"), "{}", r.stdout);
    assert!(
        r.stdout.contains("INFO: kkp-delivery terraform-plan: runs"),
        "{}",
        r.stdout
    );
    let sh = bb.repo.path().join("kkp-terraform-plan.sh");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(". ./kkp-terraform-plan.sh && printf '%s|%s' \"$KKP_TERRAFORM_PLAN_RUN\" \"$KKP_TERRAFORM_PLAN_REASON\"")
        .current_dir(bb.repo.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.starts_with("true|"), "{text}");
    assert!(
        text.contains("it's $(touch pwned) `id`.tf"),
        "the value as it is: {text}"
    );
    assert!(
        !bb.repo.path().join("pwned").exists(),
        "sourcing ran nothing"
    );
    std::fs::remove_file(sh).unwrap();
    std::fs::remove_file(bb.repo.path().join("kkp-terraform-plan.env")).unwrap();
    // No STAGE and no subcommand: bad input naming what is missing.
    let r = bb
        .bitbucket("kkp-delivery", &[("BITBUCKET_PR_ID", "6")])
        .expect_code(2);
    assert!(
        r.stderr.contains("ERROR: "),
        "pipe convention: {}",
        r.stderr
    );
}
