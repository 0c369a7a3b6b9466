//! Command-line behaviour: bad input exits 2 with a message naming the flag or variable,
//! `--help` explains, `explain` works on a plain checkout.

use crate::common::{run, Repo};

#[test]
fn bad_flags_and_variables_exit_2_naming_them() {
    let (repo, _) = Repo::kkp();
    /// Flags, variables, and the start of the expected message.
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        (
            &["--on-unknown", "maybe"],
            &[],
            "--on-unknown: expected run, skip or fail",
        ),
        (
            &[],
            &[("KKP_ON_UNKNOWN", "maybe")],
            "KKP_ON_UNKNOWN: expected run, skip or fail",
        ),
        (
            &[],
            &[("KKP_RUN_ON", "push-default,nightly")],
            "KKP_RUN_ON: expected event kinds",
        ),
        (
            &["--paths", "terraform/["],
            &[],
            "--paths: expected valid glob patterns",
        ),
        (
            &[],
            &[("KKP_PLATFORM", "jenkins")],
            "KKP_PLATFORM: expected github, gitlab, bitbucket or local",
        ),
        (
            &[],
            &[("KKP_FORCE", "sometimes")],
            "KKP_FORCE: expected true or false",
        ),
        (
            &["--api-concurrency", "0"],
            &[],
            "--api-concurrency: expected a whole number from 1 to 64",
        ),
        (
            &["--working-directory", "../elsewhere"],
            &[],
            "--working-directory: expected a folder inside the repository",
        ),
        (
            &[],
            &[("GITLAB_CI", "true"), ("CI_PIPELINE_SOURCE", "push")],
            "CI_API_V4_URL is required",
        ),
        (
            &[],
            &[("BITBUCKET_BUILD_NUMBER", "1")],
            "BITBUCKET_REPO_FULL_NAME is required",
        ),
        (&["--base", "no-such-rev"], &[], "--base: expected a commit"),
    ];
    for (args, env, expected) in cases {
        let mut all = vec!["--decide-only"];
        all.extend_from_slice(args);
        let r = run("kkp-terraform-validate", &all, env, repo.path());
        assert_eq!(r.code(), 2, "{args:?} {env:?}: {r:?}");
        assert!(
            r.stderr.contains(expected),
            "{args:?} {env:?}: {}",
            r.stderr
        );
        assert_eq!(
            r.stderr.lines().count(),
            1,
            "one line, no backtrace: {}",
            r.stderr
        );
    }
}

#[test]
fn help_explains_flags_env_and_exit_codes() {
    let (repo, _) = Repo::kkp();
    let r = run("kkp-terraform-plan", &["--help"], &[], repo.path());
    assert_eq!(r.code(), 0);
    for needle in [
        "--paths",
        "KKP_PATHS",
        "--on-unknown",
        "--decide-only",
        "Exit status",
        "plan -out",
    ] {
        assert!(
            r.stdout.contains(needle),
            "{needle} missing from --help:\n{}",
            r.stdout
        );
    }
    let r = run("kkp-delivery", &["--help"], &[], repo.path()).expect_code(0);
    assert!(
        r.stdout.contains("explain") && r.stdout.contains("flux-bootstrap"),
        "{}",
        r.stdout
    );
}

#[test]
fn explain_on_a_local_branch_lists_every_stage() {
    let (repo, _) = Repo::kkp();
    repo.git(&["checkout", "--quiet", "-b", "feat"]);
    repo.commit(&[("terraform/aws/main.tf", "# changed\n")]);
    std::fs::write(repo.path().join("docs/new.md"), "untracked\n").unwrap();
    let r = run(
        "kkp-delivery",
        &["explain"],
        &[("NO_COLOR", "1")],
        repo.path(),
    );
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.stdout
            .contains("changes: 2 files from git diff main...work tree"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("RUN  terraform-validate"), "{}", r.stdout);
    assert!(r.stdout.contains("RUN  terraform-plan"));
    assert!(r.stdout.contains("SKIP terraform-apply"));
    assert!(r.stdout.contains("- terraform/aws/main.tf  (terraform/**)"));
    assert!(!r.stdout.contains("\x1b["), "NO_COLOR is honoured");
    let r = run(
        "kkp-delivery",
        &["explain", "--event", "push-default", "--base", "main"],
        &[],
        repo.path(),
    )
    .expect_code(0);
    assert_eq!(r.stdout.matches("RUN ").count(), 8, "{}", r.stdout);
}

#[test]
fn local_stage_without_a_base_is_unknown_and_runs() {
    let repo = Repo::new();
    repo.commit(&[("terraform/main.tf", "x\n")]);
    repo.git(&["checkout", "--quiet", "-b", "orphan-work"]);
    repo.git(&["branch", "-D", "main"]);
    let r = run(
        "kkp-terraform-validate",
        &["--decide-only"],
        &[],
        repo.path(),
    );
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(r.stdout.contains("changed files unknown"), "{}", r.stdout);
}
