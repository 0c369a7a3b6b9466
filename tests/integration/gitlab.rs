//! GitLab scenarios against the fake forge.

use crate::common::Scenario;
use crate::forge::{files, many_files, Fault};

const ZERO: &str = "0000000000000000000000000000000000000000";

#[test]
fn mr_touching_terraform_runs_and_writes_dotenv() {
    let gl = Scenario::new();
    gl.forge.with(|s| {
        s.gl_mrs
            .insert(7, files(&["terraform/aws/main.tf", "README.md"]))
    });
    let r = gl.gitlab_mr("kkp-terraform-validate", "7", &[]);
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.dotenv.contains("KKP_TERRAFORM_VALIDATE_RUN=true"),
        "{}",
        r.dotenv
    );
    assert!(r.dotenv.contains("KKP_TERRAFORM_VALIDATE_MATCHED_FILES=1"));
    assert!(
        r.stdout.contains("\x1b[0Ksection_start:")
            && r.stdout
                .contains("[collapsed=true]\r\x1b[0Kkkp-delivery terraform-validate: runs"),
        "{:?}",
        r.stdout
    );
    assert!(r.stdout.contains("\x1b[0Ksection_end:"));
    assert!(gl.forge.received().iter().all(|h| h.authorized));
    assert_eq!(gl.forge.hits("/merge_requests/7/diffs").len(), 1);
}

#[test]
fn mr_touching_only_docs_skips() {
    let gl = Scenario::new();
    gl.forge
        .with(|s| s.gl_mrs.insert(8, files(&["docs/guide.md"])));
    let r = gl.gitlab_mr("kkp-terraform-plan", "8", &[]).expect_code(0);
    assert!(!r.ran(), "{r:?}");
    assert!(r.output("reason").unwrap().contains("docs/guide.md"));
}

#[test]
fn mr_diffs_are_paged() {
    let gl = Scenario::new();
    gl.forge
        .with(|s| s.gl_mrs.insert(9, many_files("terraform/gen", 250)));
    let r = gl.gitlab_mr("kkp-terraform-plan", "9", &[]).expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert_eq!(r.output("changed-files").as_deref(), Some("250"));
    assert!(gl.forge.hits("/merge_requests/9/diffs").len() >= 3);
}

#[test]
fn push_to_default_touching_kubeone_compares_straight() {
    let gl = Scenario::new();
    let head = gl.repo.commit(&[("kubeone/kubeone.yaml", "name: x\n")]);
    gl.forge.with(|s| {
        s.gl_compares.insert(
            format!("{}..{head}:true", gl.base),
            files(&["kubeone/kubeone.yaml"]),
        )
    });
    let r = gl
        .gitlab(
            "kkp-kubeone-apply",
            &[
                ("CI_PIPELINE_SOURCE", "push"),
                ("CI_COMMIT_BRANCH", "main"),
                ("CI_COMMIT_BEFORE_SHA", &gl.base),
                ("CI_COMMIT_SHA", &head),
            ],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    let hit = &gl.forge.hits("/repository/compare")[0];
    assert!(hit.query.contains("straight=true"), "{hit:?}");
}

#[test]
fn push_touching_only_readme_skips() {
    let gl = Scenario::new();
    let head = gl.repo.commit(&[("README.md", "x\n")]);
    gl.forge.with(|s| {
        s.gl_compares
            .insert(format!("{}..{head}:true", gl.base), files(&["README.md"]))
    });
    let r = gl
        .gitlab(
            "kkp-terraform-apply",
            &[
                ("CI_PIPELINE_SOURCE", "push"),
                ("CI_COMMIT_BRANCH", "main"),
                ("CI_COMMIT_BEFORE_SHA", &gl.base),
                ("CI_COMMIT_SHA", &head),
            ],
        )
        .expect_code(0);
    assert!(!r.ran(), "{r:?}");
}

#[test]
fn new_branch_with_zero_before_compares_with_default_branch_merge_base() {
    let gl = Scenario::new();
    let head = gl.repo.commit(&[("terraform/aws/main.tf", "# b\n")]);
    gl.forge.with(|s| {
        s.gl_compares.insert(
            format!("main..{head}:false"),
            files(&["terraform/aws/main.tf"]),
        )
    });
    let r = gl
        .gitlab(
            "kkp-terraform-validate",
            &[
                ("CI_PIPELINE_SOURCE", "push"),
                ("CI_COMMIT_BRANCH", "feat"),
                ("CI_COMMIT_BEFORE_SHA", ZERO),
                ("CI_COMMIT_SHA", &head),
                ("KKP_RUN_ON", "push"),
            ],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert_eq!(gl.forge.hits("/repository/compare").len(), 1);
}

#[test]
fn first_pipeline_on_default_branch_lists_every_file() {
    let gl = Scenario::new();
    let r = gl
        .gitlab(
            "kkp-terraform-apply",
            &[
                ("CI_PIPELINE_SOURCE", "push"),
                ("CI_COMMIT_BRANCH", "main"),
                ("CI_COMMIT_BEFORE_SHA", ZERO),
            ],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert_eq!(r.output("changed-files").as_deref(), Some("5"));
    assert!(r.stdout.contains("first push"), "{}", r.stdout);
}

#[test]
fn mr_over_diff_limits_falls_back_to_git() {
    let gl = Scenario::new();
    gl.repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = gl.repo.commit(&[("terraform/aws/main.tf", "# big\n")]);
    gl.forge
        .with(|s| s.gl_mrs.insert(10, many_files("docs/gen", 1500)));
    let r = gl
        .gitlab_mr("kkp-terraform-validate", "10", &[("CI_COMMIT_SHA", &head)])
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(
        r.stdout.contains("over GitLab's diff limits (1000+ files)"),
        "{}",
        r.stdout
    );
    assert_eq!(r.output("changed-files").as_deref(), Some("1"));
    assert!(gl.forge.hits("/diffs").is_empty());
}

#[test]
fn tag_schedule_web_merge_train_and_child_pipeline() {
    let gl = Scenario::new();
    let tag = gl
        .gitlab(
            "kkp-terraform-validate",
            &[("CI_PIPELINE_SOURCE", "push"), ("CI_COMMIT_TAG", "v1.0.0")],
        )
        .expect_code(0)
        .expect_code(0);
    assert!(!tag.ran());
    let sched = gl
        .gitlab(
            "kkp-terraform-plan",
            &[
                ("CI_PIPELINE_SOURCE", "schedule"),
                ("CI_COMMIT_BRANCH", "main"),
                ("CI_COMMIT_BEFORE_SHA", ZERO),
            ],
        )
        .expect_code(0)
        .expect_code(0);
    assert!(sched.ran(), "{sched:?}");
    let web = gl
        .gitlab(
            "kkp-terraform-apply",
            &[
                ("CI_PIPELINE_SOURCE", "web"),
                ("CI_COMMIT_BRANCH", "main"),
                ("KKP_RUN_ON", "manual"),
            ],
        )
        .expect_code(0)
        .expect_code(0);
    assert!(web.ran(), "{web:?}");
    assert!(gl.forge.received().is_empty());

    gl.forge
        .with(|s| s.gl_mrs.insert(11, files(&["kubermatic/values.yaml"])));
    let train = gl
        .gitlab_mr(
            "kkp-terraform-validate",
            "11",
            &[("CI_MERGE_REQUEST_EVENT_TYPE", "merge_train")],
        )
        .expect_code(0);
    assert!(train.ran(), "{train:?}");
    assert!(train.stdout.contains("merge queue"), "{}", train.stdout);
    let child = gl
        .gitlab(
            "kkp-terraform-validate",
            &[
                ("CI_PIPELINE_SOURCE", "parent_pipeline"),
                ("CI_MERGE_REQUEST_IID", "11"),
                ("CI_COMMIT_BEFORE_SHA", ZERO),
            ],
        )
        .expect_code(0)
        .expect_code(0);
    assert!(child.ran(), "{child:?}");
    assert!(
        child.stdout.contains("pull request !11") || child.stdout.contains("merge request !11"),
        "{}",
        child.stdout
    );
}

#[test]
fn job_token_alone_is_not_used_and_git_answers() {
    let gl = Scenario::new();
    gl.repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = gl.repo.commit(&[("kubermatic/values.yaml", "a: 3\n")]);
    let r = gl
        .gitlab_mr(
            "kkp-terraform-validate",
            "12",
            &[("GITLAB_TOKEN", ""), ("CI_COMMIT_SHA", &head)],
        )
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(
        r.stdout
            .contains("CI_JOB_TOKEN cannot read merge request diffs"),
        "{}",
        r.stdout
    );
    assert!(gl.forge.received().is_empty());
    assert!(!r.all_text().contains("job-token-not-for-api"));
}

#[test]
fn server_errors_then_success_and_rate_limits() {
    let gl = Scenario::new();
    gl.forge
        .with(|s| s.gl_mrs.insert(13, files(&["terraform/x.tf"])));
    gl.forge
        .fault("/merge_requests/13/diffs", 2, Fault::Status(500));
    gl.forge.fault(
        "/merge_requests/13",
        1,
        Fault::TooManyRequests { retry_after: 1 },
    );
    let r = gl
        .gitlab_mr("kkp-terraform-validate", "13", &[])
        .expect_code(0);
    assert!(r.ran(), "{r:?}");
    assert!(r.stdout.contains("GitLab API"), "{}", r.stdout);
    let statuses: Vec<u16> = gl
        .forge
        .hits("/merge_requests/13")
        .iter()
        .map(|h| h.status)
        .collect();
    assert!(
        statuses.contains(&429) && statuses.iter().filter(|s| **s == 500).count() == 2,
        "{statuses:?}"
    );
}
