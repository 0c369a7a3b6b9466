//! End to end through real CI runners and linters: the composite action under `act` (host
//! mode) and the GitLab component under `gitlab-ci-local` (shell executor), both against the
//! fake forge; actionlint, zizmor and check-jsonschema on the packaging files.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use crate::common::{tool, tools_dir, write_event, Repo, TOKEN};
use crate::forge::{files, Forge};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let status = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", from.display()))
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success());
}

/// A KKP repository with our packaging files, an `origin` remote (act and gitlab-ci-local derive
/// the project path from it) and a second commit touching Terraform.
fn packaged_repo() -> (Repo, String, String) {
    let (repo, base) = Repo::kkp();
    copy_dir(&root().join("actions"), &repo.path().join("actions"));
    copy_dir(&root().join("templates"), &repo.path().join("templates"));
    // The actions install the binary with the repository's own script.
    std::fs::create_dir_all(repo.path().join("scripts")).unwrap();
    std::fs::copy(
        root().join("scripts/install.sh"),
        repo.path().join("scripts/install.sh"),
    )
    .unwrap();
    std::fs::write(
        repo.path().join(".gitignore"),
        ".gitlab-ci-local/\nkkp-*.env\nevent-*.json\n",
    )
    .unwrap();
    let base = {
        let _ = base;
        repo.commit(&[])
    };
    let head = repo.commit(&[("terraform/aws/main.tf", "# grown\n")]);
    repo.git(&["remote", "add", "origin", "https://gitlab.com/acme/kkp.git"]);
    repo.git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    repo.git(&[
        "symbolic-ref",
        "refs/remotes/origin/HEAD",
        "refs/remotes/origin/main",
    ]);
    (repo, base, head)
}

fn kkp_binary() -> String {
    env!("CARGO_BIN_EXE_kkp-delivery").to_owned()
}

const WORKFLOW: &str = r#"
name: kkp
on: [push, pull_request]
jobs:
  plan:
    runs-on: ubuntu-latest
    steps:
      - run: cp -a "$SRC/." .
      - id: plan
        uses: ./actions/terraform-plan
        with:
          binary-path: ${{ env.KKP_BIN }}
          decide-only: "true"
          token: ${{ secrets.GITHUB_TOKEN }}
      - env:
          RUN: ${{ steps.plan.outputs.run }}
          MATCHED: ${{ steps.plan.outputs.matched-files }}
        run: echo "RESULT run=$RUN matched=$MATCHED"
      - id: matrix
        uses: ./actions/matrix
        with:
          binary-path: ${{ env.KKP_BIN }}
          token: ${{ secrets.GITHUB_TOKEN }}
      - env:
          MATRIX: ${{ steps.matrix.outputs.matrix }}
          COUNT: ${{ steps.matrix.outputs.count }}
        run: echo "MATRIX $COUNT $MATRIX"
"#;

fn act(repo: &Repo, event: &str, payload: serde_json::Value, forge: &Forge) -> String {
    let act = tool(&tools_dir().join("venv/bin/act")).unwrap();
    let wf_dir = repo.path().join(".github/workflows");
    std::fs::create_dir_all(&wf_dir).unwrap();
    std::fs::write(wf_dir.join("kkp.yml"), WORKFLOW).unwrap();
    let event_path = write_event(repo.path(), &payload);
    let cache = tempfile::tempdir().unwrap();
    let out = Command::new(act)
        .current_dir(repo.path())
        .env("XDG_CACHE_HOME", cache.path())
        .args(crate::common::act_air_gapped_actions())
        .args([
            event,
            "-W",
            ".github/workflows/kkp.yml",
            "-P",
            "ubuntu-latest=-self-hosted",
            "-e",
            &event_path,
            "--json",
        ])
        .args(["--env", &format!("SRC={}", repo.path().display())])
        .args(["--env", &format!("GITHUB_API_URL={}", forge.github_api())])
        .args(["--env", "GITHUB_REPOSITORY=acme/kkp"])
        .args(["--env", &format!("KKP_BIN={}", kkp_binary())])
        .args(["-s", &format!("GITHUB_TOKEN={TOKEN}")])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "act failed:\n{text}");
    text
}

#[test]
fn composite_action_under_act_pull_request_and_push() {
    if tool(&tools_dir().join("venv/bin/act")).is_none() {
        return;
    }
    let (repo, base, head) = packaged_repo();
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls
            .insert(7, files(&["terraform/aws/main.tf", "docs/guide.md"]));
        s.gh_compares
            .insert(format!("{base}...{head}"), files(&["README.md"]));
    });
    let pr = json!({"number": 7, "pull_request": {"number": 7, "base": {"ref": "main", "sha": base}, "head": {"ref": "feat", "sha": head}}, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
    let log = act(&repo, "pull_request", pr, &forge);
    assert!(log.contains("RESULT run=true matched=1"), "{log}");
    assert!(
        log.contains("`terraform-plan` runs"),
        "the job summary reaches act: {log}"
    );
    assert!(!log.contains(TOKEN), "token in act output");
    // The matrix action: the one installation, as strategy.matrix JSON.
    assert!(
        log.contains(
            r#"MATRIX 1 {\"include\":[{\"installation\":\"aws\",\"terraform-dir\":\"terraform/aws\"}]}"#
        ),
        "{log}"
    );
    let hits = forge.hits("/pulls/7/files");
    assert_eq!(
        hits.len(),
        2,
        "one listing for the stage, one for the matrix"
    );
    assert!(
        hits.iter().all(|h| h.authorized),
        "the composites pass the token through"
    );

    let push = json!({"ref": "refs/heads/main", "before": base, "after": head, "created": false, "forced": false, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
    let log = act(&repo, "push", push, &forge);
    assert!(
        log.contains("RESULT run=false matched=0") && log.contains(r#"MATRIX 0 {\"include\":[]}"#),
        "README-only push skips: {log}"
    );
    assert_eq!(forge.hits("/compare/").len(), 2);
}

fn gitlab_ci_local(repo: &Repo, vars: &[(&str, String)]) -> String {
    let gcl = tool(&tools_dir().join("node/node_modules/gitlab-ci-local/src/index.js")).unwrap();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let ci = format!(
        r#"include:
  - component: $CI_SERVER_FQDN/acme/kkp/terraform-plan@{head}
    inputs:
      binary: {bin}
      decide-only: true
stages: [test, report]
show:
  stage: report
  needs: ["kkp-terraform-plan"]
  script:
    - echo "RESULT run=$KKP_TERRAFORM_PLAN_RUN matched=$KKP_TERRAFORM_PLAN_MATCHED_FILES"
"#,
        bin = kkp_binary()
    );
    std::fs::write(repo.path().join(".gitlab-ci.yml"), ci).unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("node");
    cmd.arg(gcl)
        .arg("--home")
        .arg(home.path())
        .arg("--force-shell-executor")
        .current_dir(repo.path());
    for (k, v) in vars {
        cmd.arg("--variable").arg(format!("{k}={v}"));
    }
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "gitlab-ci-local failed:\n{text}");
    let _ = std::fs::remove_dir_all(repo.path().join(".gitlab-ci-local"));
    text
}

#[test]
fn component_under_gitlab_ci_local_mr_and_default_branch() {
    if tool(&tools_dir().join("node/node_modules/gitlab-ci-local/src/index.js")).is_none() {
        return;
    }
    let (repo, base, head) = packaged_repo();
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gl_mrs.insert(7, files(&["terraform/aws/main.tf"]));
        s.gl_compares
            .insert(format!("{base}..{head}:true"), files(&["docs/guide.md"]));
    });
    let common = |source: &str| {
        vec![
            ("GITLAB_CI", "true".to_owned()),
            ("CI_PIPELINE_SOURCE", source.to_owned()),
            ("CI_API_V4_URL", forge.gitlab_api()),
            ("CI_PROJECT_ID", "42".to_owned()),
            ("CI_DEFAULT_BRANCH", "main".to_owned()),
            ("GITLAB_TOKEN", TOKEN.to_owned()),
        ]
    };
    let mut mr = common("merge_request_event");
    mr.push(("CI_MERGE_REQUEST_IID", "7".to_owned()));
    mr.push(("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.clone()));
    let log = gitlab_ci_local(&repo, &mr);
    assert!(log.contains("RESULT run=true matched=1"), "{log}");
    assert!(
        log.contains("section_start:") || log.contains("kkp-delivery terraform-plan: runs"),
        "{log}"
    );
    assert!(!log.contains(TOKEN));
    assert!(forge
        .hits("/merge_requests/7/diffs")
        .iter()
        .all(|h| h.authorized));

    let mut push = common("push");
    push.push(("CI_COMMIT_BRANCH", "main".to_owned()));
    push.push(("CI_COMMIT_BEFORE_SHA", base.clone()));
    let log = gitlab_ci_local(&repo, &push);
    assert!(log.contains("RESULT run=false matched=0"), "{log}");
    assert_eq!(forge.hits("/repository/compare").len(), 1);
}

/// The actions, components and pipe are what the registry generates today: a flag, output or
/// default that changed in the code changes them too, or this fails.
#[test]
fn packaging_files_are_generated_from_the_registry() {
    let out = Command::new(kkp_binary())
        .arg("packaging")
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stale packaging files:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn packaging_files_pass_the_linters() {
    let venv = tools_dir().join("venv/bin");
    let Some(zizmor) = tool(&venv.join("zizmor")) else {
        return;
    };
    let out = Command::new(zizmor)
        .args([
            "--offline",
            "actions/",
            "action.yml",
            ".github/workflows/release.yml",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "zizmor:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(cj) = tool(&venv.join("check-jsonschema")) else {
        return;
    };
    let mut actions = vec!["action.yml".to_owned()];
    for entry in std::fs::read_dir(root().join("actions")).unwrap() {
        let dir = entry.unwrap().path();
        actions.push(format!(
            "actions/{}/action.yml",
            dir.file_name().unwrap().to_string_lossy()
        ));
    }
    assert_eq!(
        actions.len(),
        11,
        "the root action, one per stage, setup-tools and matrix"
    );
    let out = Command::new(&cj)
        .args([
            "--builtin-schema",
            "vendor.gitlab-ci",
            "--data-transform",
            "gitlab-ci",
            ".gitlab-ci.yml",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        ".gitlab-ci.yml: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = Command::new(tool(&venv.join("actionlint")).unwrap())
        .arg(".github/workflows/release.yml")
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "release.yml: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    for action in &actions {
        let out = Command::new(&cj)
            .args(["--builtin-schema", "vendor.github-actions", action])
            .current_dir(root())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{action}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    // GitLab templates are two YAML documents (spec, then jobs): check-jsonschema reads one at a
    // time, so each is validated on its own.
    for entry in std::fs::read_dir(root().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (spec, body) = text.split_once("\n---\n").expect("spec header");
        let dir = tempfile::tempdir().unwrap();
        // `when` takes its value from an input, which GitLab interpolates before the schema
        // applies: validated with the input's default.
        let body = body.replace("when: $[[ inputs.when ]]", "when: on_success");
        for (name, doc) in [("spec.yml", spec), ("body.yml", body.as_str())] {
            let p = dir.path().join(name);
            std::fs::write(&p, doc).unwrap();
            let out = Command::new(&cj)
                .args([
                    "--builtin-schema",
                    "vendor.gitlab-ci",
                    "--data-transform",
                    "gitlab-ci",
                ])
                .arg(&p)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{} ({name}): {}",
                path.display(),
                String::from_utf8_lossy(&out.stdout)
            );
        }
    }
    let Some(shellcheck) = tool(&venv.join("shellcheck")) else {
        return;
    };
    let out = Command::new(shellcheck)
        .args([
            "-S",
            "warning",
            "scripts/install-tools.sh",
            "scripts/install.sh",
            "scripts/bump-version.sh",
            "scripts/pin-tools.sh",
            "docker/install-tools.sh",
            "scripts/demo.sh",
            ".ci/run",
            "tests/support/fakes/kubeone",
            "tests/support/fakes/flux",
            "tests/support/recorders/sops",
            "tests/support/fakes/kubermatic-installer",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "shellcheck:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The README's first command: the example repository's decisions for every stage, then
/// terraform-validate and terraform-plan for real on it (its root uses no cloud provider).
#[test]
fn the_demo_decides_every_stage_and_plans_the_example_for_real() {
    let Some(terraform) = tool(&tools_dir().join("bin/terraform")) else {
        return;
    };
    let out = Command::new("bash")
        .arg("scripts/demo.sh")
        .current_dir(root())
        .env("KKP_DEMO_BIN", env!("CARGO_BIN_EXE_kkp-delivery"))
        .env("KKP_TERRAFORM_BIN", &terraform)
        .env("TF_CLI_CONFIG_FILE", tools_dir().join("empty.tfrc"))
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITLAB_CI")
        .env_remove("CI")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for stage in [
        "kubeone-apply",
        "kkp-deploy",
        "dns-update",
        "flux-bootstrap",
    ] {
        assert!(
            stdout.contains(&format!("SKIP {stage}")) && stdout.contains(&format!("RUN  {stage}")),
            "{stage} decides on the pull request and on the push: {stdout}"
        );
    }
    assert!(
        stdout.contains("terraform-validate: terraform/aws is valid and formatted"),
        "{stdout}"
    );
    assert!(
        stdout.contains("terraform-plan: terraform/aws: 6 to create, 0 to update, 0 to delete"),
        "{stdout}"
    );
}

/// The README's pipeline examples, as a user copies them: the GitHub workflow through actionlint
/// and zizmor (with the repository's zizmor.yml), the GitLab and Bitbucket files through their
/// JSON schemas.
#[test]
fn readme_examples_pass_the_linters() {
    let venv = tools_dir().join("venv/bin");
    let (Some(actionlint), Some(zizmor), Some(cj)) = (
        tool(&venv.join("actionlint")),
        tool(&venv.join("zizmor")),
        tool(&venv.join("check-jsonschema")),
    ) else {
        return;
    };
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    for block in readme.split("```yaml\n").skip(1) {
        let block = block.split("```").next().unwrap();
        let first = block.lines().next().unwrap_or("");
        let lint = |cmd: &mut Command, what: &str| {
            let out = cmd.output().unwrap();
            assert!(
                out.status.success(),
                "README {what}:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        };
        match first {
            "# .github/workflows/kkp.yml" => {
                let wf = dir.path().join(".github/workflows/kkp.yml");
                std::fs::create_dir_all(wf.parent().unwrap()).unwrap();
                std::fs::write(&wf, block).unwrap();
                lint(
                    Command::new(&actionlint).arg(&wf),
                    "GitHub workflow (actionlint)",
                );
                lint(
                    Command::new(&zizmor)
                        .args(["--offline", "--config"])
                        .arg(root().join("zizmor.yml"))
                        .arg(&wf),
                    "GitHub workflow (zizmor)",
                );
            }
            "# .gitlab-ci.yml" => {
                let f = dir.path().join("gitlab-ci.yml");
                std::fs::write(&f, block).unwrap();
                lint(
                    Command::new(&cj)
                        .args([
                            "--builtin-schema",
                            "vendor.gitlab-ci",
                            "--data-transform",
                            "gitlab-ci",
                        ])
                        .arg(&f),
                    "GitLab pipeline",
                );
            }
            "# bitbucket-pipelines.yml" => {
                let f = dir.path().join("bitbucket-pipelines.yml");
                std::fs::write(&f, block).unwrap();
                lint(
                    Command::new(&cj)
                        .args(["--builtin-schema", "vendor.bitbucket-pipelines"])
                        .arg(&f),
                    "Bitbucket pipeline",
                );
            }
            _ => continue,
        }
        seen.push(first.to_owned());
    }
    assert_eq!(seen.len(), 3, "one example per platform: {seen:?}");
}

/// One version everywhere: Cargo.toml, the README's references to actions, components and the
/// image, the generated packaging files (checked by `packaging`), and scripts/bump-version.sh
/// agrees.
#[test]
fn every_file_names_the_same_version() {
    let out = Command::new("sh")
        .arg("scripts/bump-version.sh")
        .arg("--check")
        .arg(env!("CARGO_PKG_VERSION"))
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // A README that names another version is caught.
    let dir = tempfile::tempdir().unwrap();
    for f in ["Cargo.toml", "README.md", "pipe.yml", "action.yml"] {
        std::fs::copy(root().join(f), dir.path().join(f)).unwrap();
    }
    copy_dir(&root().join("templates"), &dir.path().join("templates"));
    copy_dir(&root().join("actions"), &dir.path().join("actions"));
    std::fs::create_dir_all(dir.path().join("scripts")).unwrap();
    std::fs::copy(
        root().join("scripts/bump-version.sh"),
        dir.path().join("scripts/bump-version.sh"),
    )
    .unwrap();
    let readme = std::fs::read_to_string(dir.path().join("README.md")).unwrap();
    std::fs::write(
        dir.path().join("README.md"),
        readme.replacen("terraform-plan@v0.1.0", "terraform-plan@v0.0.9", 1),
    )
    .unwrap();
    let out = Command::new("sh")
        .arg("scripts/bump-version.sh")
        .arg("--check")
        .arg(env!("CARGO_PKG_VERSION"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success(), "a stale README reference must fail");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("README.md"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The image: hadolint-clean, and its tool pins consistent — every tool the stages run is in
/// docker/tools.lock with a URL that names its version, and a sum that is either a real SHA-256
/// or UNPINNED, which the build refuses (docker/install-tools.sh), so nothing unverified is ever
/// installed. (No container engine runs here, so the image is linted, not built.)
#[test]
fn the_image_is_linted_and_its_pins_are_consistent() {
    let Some(hadolint) = tool(&tools_dir().join("venv/bin/hadolint")) else {
        return;
    };
    let out = Command::new(hadolint)
        .args(["--no-color", "Dockerfile"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "hadolint:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let lock = std::fs::read_to_string(root().join("docker/tools.lock")).unwrap();
    let mut names = Vec::new();
    for line in lock
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            cols.len(),
            5,
            "name version url sha-amd64 sha-arm64: {line}"
        );
        let (name, version, url) = (cols[0], cols[1], cols[2]);
        assert!(url.starts_with("https://"), "{line}");
        assert!(
            url.contains("{version}"),
            "the URL follows the version: {line}"
        );
        assert!(
            url.contains("{arch}") || url.contains("{uarch}") || url.contains("{gcloud_arch}"),
            "{line}"
        );
        assert!(
            version.chars().all(|c| c.is_ascii_digit() || c == '.'),
            "{line}"
        );
        for sum in &cols[3..] {
            let hex = sum.len() == 64 && sum.chars().all(|c| c.is_ascii_hexdigit());
            assert!(hex || *sum == "UNPINNED", "{name}: {sum}");
        }
        names.push(name.to_owned());
    }
    for needed in [
        "terraform",
        "kubeone",
        "flux",
        "kubectl",
        "helm",
        "sops",
        "awscli",
        "gcloud",
    ] {
        assert!(
            names.iter().any(|n| n == needed),
            "{needed} is not in docker/tools.lock"
        );
    }
    // The build refuses an unpinned tool before downloading anything.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("docker/install-tools.sh"),
        dir.path().join("install-tools.sh"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("tools.lock"),
        "tool 1.0.0 https://example.invalid/{version}/{arch} UNPINNED UNPINNED\n",
    )
    .unwrap();
    let out = Command::new("sh")
        .arg(dir.path().join("install-tools.sh"))
        .arg(dir.path().join("out"))
        .arg("amd64")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no pinned SHA-256"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// On cancellation the runner signals only the step's entry process. The action `exec`s the
/// binary, so the binary is that process (its parent is the runner, not a shell) and receives
/// the signal itself — which is what lets Terraform release its lock. Proven under act with a
/// stand-in binary that records its parent and the signal.
#[test]
fn the_action_execs_the_binary_so_it_receives_the_cancel_signal() {
    let Some(act) = tool(&tools_dir().join("venv/bin/act")) else {
        return;
    };
    let (repo, _, _) = packaged_repo();
    let probe = tempfile::tempdir().unwrap();
    let bin = probe.path().join("stage");
    std::fs::write(
        &bin,
        "#!/bin/sh\n\
         trap 'echo INT > \"$PROBE/got\"; exit 130' INT\n\
         trap 'echo TERM > \"$PROBE/got\"; exit 143' TERM\n\
         cat /proc/$PPID/comm > \"$PROBE/parent\"\n\
         echo $$ > \"$PROBE/pid.tmp\" && mv \"$PROBE/pid.tmp\" \"$PROBE/pid\"\n\
         while :; do sleep 0.1; done\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let wf = repo.path().join(".github/workflows/cancel.yml");
    std::fs::create_dir_all(wf.parent().unwrap()).unwrap();
    std::fs::write(
        &wf,
        "name: cancel\non: [push]\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp -a \"$SRC/.\" .\n      - uses: ./actions/terraform-plan\n        with:\n          binary-path: ${{ env.PROBE_BIN }}\n",
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let child = Command::new(act)
        .current_dir(repo.path())
        .env("XDG_CACHE_HOME", cache.path())
        .args(crate::common::act_air_gapped_actions())
        .args([
            "push",
            "-W",
            ".github/workflows/cancel.yml",
            "-P",
            "ubuntu-latest=-self-hosted",
        ])
        .args(["--env", &format!("SRC={}", repo.path().display())])
        .args(["--env", &format!("PROBE={}", probe.path().display())])
        .args(["--env", &format!("PROBE_BIN={}", bin.display())])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid_file = probe.path().join("pid");
    let started = std::time::Instant::now();
    while !pid_file.exists() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the step never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let parent = std::fs::read_to_string(probe.path().join("parent")).unwrap();
    assert!(
        !matches!(parent.trim(), "sh" | "bash" | "dash"),
        "the step's shell must exec the binary, but its parent is {parent}"
    );
    // The runner's cancel: SIGINT to the step's entry process.
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGINT,
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    let got = std::fs::read_to_string(probe.path().join("got")).unwrap_or_default();
    assert_eq!(
        got.trim(),
        "INT",
        "the binary received the signal:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The actions' installer, as the release chain feeds it: `scripts/release.sh` writes the sums
/// of the release archives into dist/SHA256SUMS; at that commit, an action with no compiler
/// installs the archive only when its SHA-256 matches, verified in every run (also from the tool
/// cache), into a fresh folder of the job. A binary or archive planted in the cache is never run
/// or returned; a tampered download installs nothing; `binary-path` wins and must be an
/// executable; a source build sees none of the job's secret variables.
#[test]
fn the_action_installer_verifies_every_use_and_builds_without_the_jobs_secrets() {
    use std::os::unix::fs::PermissionsExt;
    if !matches!(std::env::consts::OS, "linux") {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    // An action checkout: Cargo.toml (its version), the scripts, and dist/.
    let action = work.path().join("action");
    std::fs::create_dir_all(action.join("scripts")).unwrap();
    std::fs::create_dir_all(action.join("dist")).unwrap();
    for script in ["install.sh", "release.sh"] {
        std::fs::copy(
            root().join("scripts").join(script),
            action.join("scripts").join(script),
        )
        .unwrap();
    }
    std::fs::write(
        action.join("Cargo.toml"),
        "[package]\nname = \"kkp-delivery\"\nversion = \"9.9.9\"\n",
    )
    .unwrap();
    let target = match std::env::consts::ARCH {
        "aarch64" => "aarch64-unknown-linux-musl",
        _ => "x86_64-unknown-linux-musl",
    };
    let asset = format!("kkp-delivery-v9.9.9-{target}.tar.gz");
    // A release archive holding `kkp-delivery` that says `said`.
    let archive = |said: &str, name: &str| -> Vec<u8> {
        let payload = work.path().join(format!("payload-{name}"));
        std::fs::create_dir_all(&payload).unwrap();
        let bin = payload.join("kkp-delivery");
        std::fs::write(&bin, format!("#!/bin/sh\necho {said}\n")).unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let tarball = work.path().join(name);
        // Packed as the release workflow packs it (.github/workflows/release.yml).
        assert!(Command::new("sh")
            .arg("-c")
            .arg("tar -czf \"$0\" -- *")
            .arg(&tarball)
            .current_dir(&payload)
            .status()
            .unwrap()
            .success());
        std::fs::read(&tarball).unwrap()
    };
    let released = archive("released kkp-delivery", &asset);
    // The release workflow's step: the sums, written by scripts/release.sh.
    let out = Command::new("sh")
        .arg(action.join("scripts/release.sh"))
        .arg(work.path().join(&asset))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sums = std::fs::read_to_string(action.join("dist/SHA256SUMS")).unwrap();
    assert!(sums.contains(&format!("  {asset}\n")), "{sums}");
    let tampered = archive("tampered kkp-delivery", "tampered.tar.gz");
    let server = crate::kube::files(vec![
        (
            format!("/download/v9.9.9/{asset}"),
            "application/gzip".to_owned(),
            released.clone(),
        ),
        (
            format!("/tampered/v9.9.9/{asset}"),
            "application/gzip".to_owned(),
            tampered.clone(),
        ),
    ]);
    // PATH with sh, tar and the coreutils but no cargo: a runner with no compiler.
    let no_cargo = work.path().join("no-cargo-bin");
    std::fs::create_dir_all(&no_cargo).unwrap();
    for tool in [
        "sh",
        "tar",
        "gzip",
        "sha256sum",
        "cut",
        "awk",
        "head",
        "sed",
        "mktemp",
        "mkdir",
        "cp",
        "mv",
        "rm",
        "chmod",
        "uname",
        "dirname",
        "curl",
        "env",
        "cat",
    ] {
        if let Some(path) = ["/usr/bin", "/bin"]
            .iter()
            .map(|d| Path::new(d).join(tool))
            .find(|p| p.exists())
        {
            let _ = std::os::unix::fs::symlink(path, no_cargo.join(tool));
        }
    }
    let install = |cache: &Path, releases: &str, extra: &[(&str, &str)], path: &Path| {
        let output = work.path().join("github_output");
        let _ = std::fs::remove_file(&output);
        let temp = work.path().join("runner-temp");
        std::fs::create_dir_all(&temp).unwrap();
        let mut cmd = Command::new("/bin/sh");
        cmd.arg(action.join("scripts/install.sh"))
            .env_clear()
            .env("PATH", path)
            .env("HOME", work.path())
            .env("RUNNER_TOOL_CACHE", cache)
            .env("RUNNER_TEMP", &temp)
            .env(
                "KKP_DELIVERY_RELEASES_URL",
                format!("{}/{releases}", server.url),
            )
            .env("GITHUB_OUTPUT", &output);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let log = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        let binary = std::fs::read_to_string(&output)
            .unwrap_or_default()
            .trim()
            .strip_prefix("binary=")
            .map(PathBuf::from);
        (out.status.code(), log, binary)
    };
    let says = |binary: &Path| {
        String::from_utf8_lossy(&Command::new(binary).output().unwrap().stdout)
            .trim()
            .to_owned()
    };
    // A matching sum: installed with no compiler, into the job's own folder.
    let cache = work.path().join("cache");
    let (code, log, binary) = install(&cache, "download", &[], &no_cargo);
    assert_eq!(code, Some(0), "{log}");
    let binary = binary.unwrap();
    assert!(
        binary.starts_with(work.path().join("runner-temp")),
        "{binary:?}"
    );
    assert_eq!(says(&binary), "released kkp-delivery");
    // A binary planted in the cache (where an earlier installer kept it) and a tampered
    // archive under the cached name: neither is run or returned. The cached archive fails its
    // hash, the download is verified again.
    let version_cache = cache.join("kkp-delivery/9.9.9");
    std::fs::create_dir_all(version_cache.join(target)).unwrap();
    let planted = version_cache.join(target).join("kkp-delivery");
    std::fs::write(&planted, "#!/bin/sh\necho planted\n").unwrap();
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(version_cache.join(&asset), &tampered).unwrap();
    let (code, log, binary) = install(&cache, "download", &[], &no_cargo);
    assert_eq!(code, Some(0), "{log}");
    let binary = binary.unwrap();
    assert_ne!(binary, planted);
    assert_eq!(says(&binary), "released kkp-delivery", "{log}");
    assert!(log.contains("does not match"), "{log}");
    // From the (now verified) cache, whatever the server says.
    let (code, log, binary) = install(&cache, "tampered", &[], &no_cargo);
    assert_eq!(code, Some(0), "{log}");
    assert_eq!(says(&binary.unwrap()), "released kkp-delivery");
    // A tampered download: nothing installed, nothing cached.
    let fresh = work.path().join("fresh");
    let (code, log, binary) = install(&fresh, "tampered", &[], &no_cargo);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("but dist/SHA256SUMS says"), "{log}");
    assert!(binary.is_none());
    assert!(!fresh.join(format!("kkp-delivery/9.9.9/{asset}")).exists());
    // binary-path wins, and must be an executable.
    let given = planted.display().to_string();
    let (code, _, binary) = install(
        &fresh,
        "download",
        &[("KKP_BINARY_PATH", &given)],
        &no_cargo,
    );
    assert_eq!(code, Some(0));
    assert_eq!(binary.as_deref(), Some(planted.as_path()));
    let (code, log, _) = install(
        &fresh,
        "download",
        &[("KKP_BINARY_PATH", "/nonexistent/kkp")],
        &no_cargo,
    );
    assert_eq!(code, Some(2), "{log}");
    assert!(log.contains("binary-path"), "{log}");

    // No release for this version: a source build, through a stand-in `cargo` that records
    // its environment and leaves a binary where `--profile ci-install` puts it.
    std::fs::write(action.join("dist/SHA256SUMS"), "# no release yet\n").unwrap();
    let with_cargo = work.path().join("cargo-bin");
    std::fs::create_dir_all(&with_cargo).unwrap();
    let seen = work.path().join("cargo-env");
    let cargo = with_cargo.join("cargo");
    std::fs::write(
        &cargo,
        format!(
            "#!/bin/sh\nenv > '{}'\nwhile [ $# -gt 0 ]; do [ \"$1\" = --target-dir ] && dir=$2; shift; done\nmkdir -p \"$dir/ci-install\"\nprintf '#!/bin/sh\\necho built\\n' > \"$dir/ci-install/kkp-delivery\"\nchmod +x \"$dir/ci-install/kkp-delivery\"\n",
            seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths([with_cargo.as_path(), no_cargo.as_path()]).unwrap();
    let secrets = [
        ("GITHUB_TOKEN", "ghs_installer-canary-token"),
        ("SSH_PRIVATE_KEY", "installer-canary-ssh-key"),
        ("AWS_SECRET_ACCESS_KEY", "installer-canary-aws"),
        ("KKP_FLUX_TOKEN", "installer-canary-flux"),
        ("CARGO_HOME", "/opt/cargo-home"),
    ];
    let (code, log, binary) = install(&fresh, "download", &secrets, Path::new(&path));
    assert_eq!(code, Some(0), "{log}");
    assert_eq!(says(&binary.unwrap()), "built");
    let env = std::fs::read_to_string(&seen).unwrap();
    for (name, value) in &secrets[..4] {
        assert!(
            !env.contains(name) && !env.contains(value),
            "{name} reached the build:\n{env}"
        );
    }
    // A fresh CARGO_HOME, and the build runs in the job's own folder, not in the checkout.
    assert!(
        !env.contains("/opt/cargo-home") && env.contains("/cargo-home"),
        "{env}"
    );
    let temp = work.path().join("runner-temp").display().to_string();
    assert!(env.contains(&format!("PWD={temp}/")), "{env}");
    // A planted binary where a source build used to be cached is not returned either.
    let source_cache = fresh.join("kkp-delivery/9.9.9/source");
    std::fs::create_dir_all(&source_cache).unwrap();
    std::fs::copy(&planted, source_cache.join("kkp-delivery")).unwrap();
    let (code, log, binary) = install(&fresh, "download", &[], Path::new(&path));
    assert_eq!(code, Some(0), "{log}");
    assert_eq!(says(&binary.unwrap()), "built");
}

/// The setup-tools action, as `init` writes it into a GitHub job: it installs exactly the tools
/// named, each from docker/tools.lock and only when the download's SHA-256 is the pinned one,
/// and puts them on PATH for the job's later steps. Run under act with a lock whose URLs are
/// local files (the real lock names the projects' release downloads, which need the network);
/// a download whose sum differs, a name not in the lock and an unpinned tool stop the step.
#[test]
fn setup_tools_installs_the_named_pinned_tools_and_refuses_the_rest() {
    let Some(act) = tool(&tools_dir().join("venv/bin/act")) else {
        return;
    };
    let (repo, _, _) = packaged_repo();
    let downloads = tempfile::tempdir().unwrap();
    // Release downloads shaped as the real ones: a zip (kubeone), a tarball (flux), a bare
    // binary (sops).
    let stage = downloads.path().join("stage");
    std::fs::create_dir_all(&stage).unwrap();
    use std::os::unix::fs::PermissionsExt;
    for name in ["kubeone", "flux", "sops"] {
        let bin = stage.join(name);
        std::fs::write(&bin, format!("#!/bin/sh\necho \"{name} stand-in $*\"\n")).unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let run = |cmd: &mut Command| assert!(cmd.status().unwrap().success());
    run(Command::new("zip")
        .arg("-q")
        .arg(downloads.path().join("kubeone_1.11.4_linux_amd64.zip"))
        .arg("kubeone")
        .current_dir(&stage));
    run(Command::new("tar")
        .arg("-czf")
        .arg(downloads.path().join("flux_2.6.4_linux_amd64.tar.gz"))
        .arg("flux")
        .current_dir(&stage));
    std::fs::copy(
        stage.join("sops"),
        downloads.path().join("sops-v3.9.4.linux.amd64"),
    )
    .unwrap();
    let sum = |file: &str| {
        use sha2::Digest;
        format!(
            "{:x}",
            sha2::Sha256::digest(std::fs::read(downloads.path().join(file)).unwrap())
        )
    };
    let d = downloads.path().display();
    let lock = |kubeone_sum: &str| {
        format!(
            "# name version url sha256-amd64 sha256-arm64\n\
             kubeone 1.11.4 file://{d}/kubeone_{{version}}_linux_{{arch}}.zip {kubeone_sum} UNPINNED\n\
             flux 2.6.4 file://{d}/flux_{{version}}_linux_{{arch}}.tar.gz {} UNPINNED\n\
             sops 3.9.4 file://{d}/sops-v{{version}}.linux.{{arch}} {} UNPINNED\n\
             helm 3.18.6 file://{d}/helm-v{{version}}-linux-{{arch}}.tar.gz UNPINNED UNPINNED\n",
            sum("flux_2.6.4_linux_amd64.tar.gz"),
            sum("sops-v3.9.4.linux.amd64"),
        )
    };
    copy_dir(&root().join("docker"), &repo.path().join("docker"));
    let wf = repo.path().join(".github/workflows/tools.yml");
    std::fs::create_dir_all(wf.parent().unwrap()).unwrap();
    let act_with = |tools: &str, lock_text: String| {
        std::fs::write(repo.path().join("docker/tools.lock"), lock_text).unwrap();
        std::fs::write(
            &wf,
            format!(
                "name: tools\non: [push]\njobs:\n  deliver:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp -a \"$SRC/.\" .\n      - uses: ./actions/setup-tools\n        with:\n          tools: {tools}\n      - run: kubeone version && flux version --client && if command -v sops; then echo SOPS-ON-PATH; fi\n"
            ),
        )
        .unwrap();
        let cache = tempfile::tempdir().unwrap();
        let out = Command::new(&act)
            .current_dir(repo.path())
            .env("XDG_CACHE_HOME", cache.path())
            .args([
                "push",
                "-W",
                ".github/workflows/tools.yml",
                "-P",
                "ubuntu-latest=-self-hosted",
            ])
            .args(["--env", &format!("SRC={}", repo.path().display())])
            .output()
            .unwrap();
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };
    let good = lock(&sum("kubeone_1.11.4_linux_amd64.zip"));
    let (ok, log) = act_with("kubeone flux", good.clone());
    assert!(ok, "{log}");
    assert!(log.contains("kubeone stand-in version"), "{log}");
    assert!(log.contains("flux stand-in version --client"), "{log}");
    assert!(
        log.contains("install-tools: kubeone 1.11.4 (amd64) verified and installed"),
        "{log}"
    );
    assert!(
        !log.contains("| SOPS-ON-PATH") && !log.contains("sops 3.9.4 (amd64)"),
        "only the named tools: {log}"
    );
    // A download that is not the pinned one is never installed.
    let (ok, log) = act_with("kubeone flux", lock(&"0".repeat(64)));
    assert!(!ok, "{log}");
    assert!(log.contains("kubeone: SHA-256 mismatch"), "{log}");
    // A name the lock does not have, and a tool the lock has not pinned.
    let (ok, log) = act_with("kubeone terraform", good.clone());
    assert!(
        !ok && log.contains("terraform is not in tools.lock"),
        "{log}"
    );
    let (ok, log) = act_with("helm", good);
    assert!(
        !ok && log.contains("helm 3.18.6 has no pinned SHA-256"),
        "{log}"
    );
}
