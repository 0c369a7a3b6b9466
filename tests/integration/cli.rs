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
    crate::common::snapshot("explain_local_branch", &r.stdout);
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

/// `init` writes a pipeline file per platform that passes that platform's linter, never
/// overwrites one, and `doctor` names what is missing without printing any value.
#[test]
fn init_writes_a_linted_pipeline_and_doctor_checks_the_setup() {
    let venv = crate::common::tools_dir().join("venv/bin");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/start-kkp");
    let kkp = env!("CARGO_BIN_EXE_kkp-delivery");
    let scratch = || {
        let repo = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("cp")
            .arg("-a")
            .arg(format!("{}/.", example.display()))
            .arg(repo.path())
            .status()
            .unwrap();
        assert!(status.success());
        repo
    };
    // Default branch `master` (given), then `main` (found: a folder outside git says main):
    // the file names it, and lints clean.
    let mut last = None;
    for branch in ["master", "main"] {
        let repo = scratch();
        for (platform, file) in [
            ("github", ".github/workflows/kkp.yml"),
            ("gitlab", ".gitlab-ci.yml"),
            ("bitbucket", "bitbucket-pipelines.yml"),
        ] {
            let mut args = vec!["init", "--platform", platform];
            if branch == "master" {
                args.extend(["--default-branch", "master"]);
            }
            let out = std::process::Command::new(kkp)
                .args(&args)
                .current_dir(repo.path())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = std::fs::read_to_string(repo.path().join(file)).unwrap();
            let other = if branch == "main" { "master" } else { "main" };
            // GitLab's rules compare with $CI_DEFAULT_BRANCH, which the project says.
            match platform {
                "github" => assert!(
                    text.contains(&format!("    branches: [{branch}]\n"))
                        && !text.contains(&format!("[{other}]")),
                    "{text}"
                ),
                "bitbucket" => assert!(
                    text.contains(&format!("  branches:\n    {branch}:\n"))
                        && !text.contains(&format!("    {other}:\n")),
                    "{text}"
                ),
                _ => assert!(!text.contains("branches"), "{text}"),
            }
            let text = std::fs::read_to_string(repo.path().join(file)).unwrap();
            assert!(text.contains("terraform/aws"), "{text}");
            assert!(text.contains("flux-bootstrap"), "the whole flow: {text}");
            if platform == "github" {
                // The kkp actions by the commit this binary was built from, and the tools no
                // hosted image has by the setup-tools action of the same commit.
                let pins: Vec<&str> = text
                    .lines()
                    .filter_map(|l| {
                        l.trim()
                            .strip_prefix("- uses: kkp-delivery/kkp-delivery/actions/")
                    })
                    .collect();
                assert!(pins.len() > 8, "{text}");
                for pin in &pins {
                    let (_, rest) = pin.split_once('@').unwrap();
                    let (sha, comment) = rest.split_once(" # ").unwrap();
                    assert!(
                        sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
                        "{pin}"
                    );
                    assert_eq!(comment, format!("v{}", env!("CARGO_PKG_VERSION")));
                }
                assert!(
                    text.contains("actions/setup-tools@")
                        && text.contains("tools: kubeone sops flux"),
                    "{text}"
                );
            }
            let lint = match platform {
                "github" => crate::common::tool(&venv.join("actionlint")).map(|a| {
                    let zizmor = crate::common::tool(&venv.join("zizmor")).unwrap_or_default();
                    // zizmor as a new repository has it: its default policy, no configuration.
                    let z = std::process::Command::new(zizmor)
                        .args(["--offline", "--no-config"])
                        .arg(repo.path().join(file))
                        .output()
                        .unwrap();
                    assert!(
                        z.status.success(),
                        "zizmor: {}{}",
                        String::from_utf8_lossy(&z.stdout),
                        String::from_utf8_lossy(&z.stderr)
                    );
                    std::process::Command::new(a)
                        .arg(repo.path().join(file))
                        .output()
                        .unwrap()
                }),
                "gitlab" => crate::common::tool(&venv.join("check-jsonschema")).map(|c| {
                    std::process::Command::new(c)
                        .args([
                            "--builtin-schema",
                            "vendor.gitlab-ci",
                            "--data-transform",
                            "gitlab-ci",
                        ])
                        .arg(repo.path().join(file))
                        .output()
                        .unwrap()
                }),
                _ => crate::common::tool(&venv.join("check-jsonschema")).map(|c| {
                    std::process::Command::new(c)
                        .args(["--builtin-schema", "vendor.bitbucket-pipelines"])
                        .arg(repo.path().join(file))
                        .output()
                        .unwrap()
                }),
            };
            if let Some(out) = lint {
                assert!(
                    out.status.success(),
                    "{platform}: {}",
                    String::from_utf8_lossy(&out.stdout)
                );
            }
            // A second init never overwrites: exit 2 naming the file.
            let again = std::process::Command::new(kkp)
                .args(["init", "--platform", platform])
                .current_dir(repo.path())
                .output()
                .unwrap();
            assert_eq!(again.status.code(), Some(2));
            assert!(String::from_utf8_lossy(&again.stderr).contains(file));
        }
        last = Some(repo);
    }
    let repo = last.unwrap();
    let bad = std::process::Command::new(kkp)
        .args(["init", "--platform", "jenkins", "--print"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--platform"));
    // The pins a user gives: a commit and the image's digest, each checked.
    let digest = format!("sha256:{}", "ab".repeat(32));
    let pinned = std::process::Command::new(kkp)
        .args([
            "init",
            "--print",
            "--platform",
            "bitbucket",
            "--image-digest",
            &digest,
        ])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(pinned.status.success());
    assert!(String::from_utf8_lossy(&pinned.stdout).contains(&format!(
        "- pipe: docker://ghcr.io/kkp-delivery/kkp-delivery:{}@{digest}",
        env!("CARGO_PKG_VERSION")
    )));
    let pinned = std::process::Command::new(kkp)
        .args([
            "init",
            "--print",
            "--platform",
            "gitlab",
            "--image-digest",
            &digest,
        ])
        .current_dir(repo.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&pinned.stdout);
    assert_eq!(
        text.matches(&format!(
            "      image: ghcr.io/kkp-delivery/kkp-delivery:{}@{digest}",
            env!("CARGO_PKG_VERSION")
        ))
        .count(),
        8,
        "{text}"
    );
    let sha = "0123456789abcdef0123456789abcdef01234567";
    let pinned = std::process::Command::new(kkp)
        .args([
            "init",
            "--print",
            "--platform",
            "github",
            "--actions-ref",
            sha,
        ])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&pinned.stdout).contains(&format!("actions/kkp-deploy@{sha} # v"))
    );
    for (flag, value) in [
        ("--actions-ref", "v0.1.0"),
        ("--image-digest", "sha256:short"),
        ("--image-digest", "latest"),
    ] {
        let bad = std::process::Command::new(kkp)
            .args(["init", "--print", "--platform", "github", flag, value])
            .current_dir(repo.path())
            .output()
            .unwrap();
        assert_eq!(bad.status.code(), Some(2), "{flag} {value}");
        assert!(
            String::from_utf8_lossy(&bad.stderr).contains(flag),
            "{}",
            String::from_utf8_lossy(&bad.stderr)
        );
    }

    let secret = "doctor-canary-key-9f8e7d";
    let out = std::process::Command::new(kkp)
        .arg("doctor")
        .current_dir(repo.path())
        .env("SSH_PRIVATE_KEY", secret)
        .env("KKP_KUBEONE_BIN", "/nonexistent/kubeone")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("ok    repository Terraform root terraform/aws"),
        "{text}"
    );
    assert!(text.contains("SSH_PRIVATE_KEY is set"), "{text}");
    assert!(
        text.contains("kubeone not found (PATH or KKP_KUBEONE_BIN)"),
        "{text}"
    );
    assert!(!text.contains(secret), "doctor never prints a value");
    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(kkp)
        .arg("doctor")
        .current_dir(empty.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAIL"));
}

/// One multi-call binary: `kkp-delivery` linked as `kkp-<stage>` is that stage's executable,
/// with its own flags only (what a release ships instead of nine copies of the same code).
#[test]
fn the_multi_call_binary_is_each_stage_by_the_name_it_is_called() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("kkp-terraform-plan");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kkp-delivery"), &link).unwrap();
    let out = std::process::Command::new(&link)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{help}");
    assert!(help.contains("Usage: kkp-terraform-plan"), "{help}");
    assert!(help.contains("--backend-config"), "{help}");
    assert!(
        !help.contains("explain"),
        "a stage's own help, not the multi-command's: {help}"
    );
    let deploy = dir.path().join("kkp-deploy");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kkp-delivery"), &deploy).unwrap();
    let out = std::process::Command::new(&deploy)
        .arg("--help")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("--storageclass"));
}

/// `doctor` reads the pipeline file `init` wrote and names, per stage, what the file does not
/// give it: each secret removed in turn, `kkp-version` removed, the token removed, and a
/// default branch no trigger names. Each is exit 1 with one line naming the file, the job or
/// pipe and the variable; the file as written is exit 0.
#[test]
fn doctor_checks_the_pipeline_file_stage_by_stage() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/start-kkp");
    let kkp = env!("CARGO_BIN_EXE_kkp-delivery");
    let fresh = |platform: &str, branch: &str| {
        let repo = tempfile::tempdir().unwrap();
        assert!(std::process::Command::new("cp")
            .arg("-a")
            .arg(format!("{}/.", example.display()))
            .arg(repo.path())
            .status()
            .unwrap()
            .success());
        for args in [
            vec!["init", "--quiet", "--initial-branch", branch],
            vec!["add", "-A"],
            vec![
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "commit",
                "--quiet",
                "-m",
                "kkp",
            ],
        ] {
            assert!(std::process::Command::new("git")
                .args(&args)
                .current_dir(repo.path())
                .status()
                .unwrap()
                .success());
        }
        let out = std::process::Command::new(kkp)
            .args(["init", "--platform", platform])
            .current_dir(repo.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        repo
    };
    let doctor = |repo: &std::path::Path| {
        let out = std::process::Command::new(kkp)
            .arg("doctor")
            .current_dir(repo)
            .env_remove("GITHUB_TOKEN")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let without = |repo: &std::path::Path, file: &str, line: &str| {
        let path = repo.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(line), "{line} in {text}");
        std::fs::write(&path, text.replacen(line, "", 1)).unwrap();
    };
    for branch in ["main", "master"] {
        // GitHub: the file as written, then each secret and kkp-version removed in turn.
        let repo = fresh("github", branch);
        let (code, text) = doctor(repo.path());
        assert_eq!(code, Some(0), "{text}");
        assert!(
            text.contains(".github/workflows/kkp.yml: every kkp step is given what it reads"),
            "{text}"
        );
        // The hosted runner gets Terraform and the locked tools from the workflow.
        assert!(!text.contains("which no step installs"), "{text}");
        assert!(!text.contains("pinned by tag"), "{text}");
        {
            let repo = fresh("github", branch);
            let path = repo.path().join(".github/workflows/kkp.yml");
            let wf = std::fs::read_to_string(&path).unwrap();
            let start = wf
                .find("      - uses: kkp-delivery/kkp-delivery/actions/setup-tools@")
                .unwrap();
            let end = start
                + wf[start..].find("tools: kubeone sops flux\n").unwrap()
                + "tools: kubeone sops flux\n".len();
            std::fs::write(&path, format!("{}{}", &wf[..start], &wf[end..])).unwrap();
            let (_, text) = doctor(repo.path());
            assert!(
                text.contains("job deliver: kubeone-apply needs kubeone, which no step installs"),
                "{text}"
            );
        }
        for (line, expected) in [
            (
                "      SSH_PRIVATE_KEY: ${{ secrets.SSH_PRIVATE_KEY }}\n",
                "job deliver, kubeone-apply: SSH_PRIVATE_KEY is not passed",
            ),
            (
                "      SOPS_AGE_SECRET_KEY: ${{ secrets.SOPS_AGE_SECRET_KEY }}\n",
                "job deliver, kkp-deploy: SOPS_AGE_SECRET_KEY is not passed",
            ),
            (
                "      KKP_FLUX_TOKEN: ${{ secrets.KKP_FLUX_TOKEN }}\n",
                "job deliver, flux-bootstrap: KKP_FLUX_TOKEN is not passed",
            ),
            (
                "        with:\n          kkp-version: ${{ vars.KKP_VERSION }}\n",
                "job deliver, kkp-deploy: kkp-version is not given",
            ),
            (
                &format!("    branches: [{branch}]\n"),
                "names no trigger for the default branch",
            ),
        ] {
            let repo = fresh("github", branch);
            without(repo.path(), ".github/workflows/kkp.yml", line);
            if line.contains("branches") {
                without(repo.path(), ".github/workflows/kkp.yml", "  push:\n");
            }
            let (code, text) = doctor(repo.path());
            assert_eq!(code, Some(1), "without {line}: {text}");
            let fails: Vec<&str> = text.lines().filter(|l| l.starts_with("FAIL")).collect();
            assert!(
                fails
                    .iter()
                    .any(|l| l.contains(".github/workflows/kkp.yml") && l.contains(expected)),
                "without {line}: {text}"
            );
        }
        // Bitbucket: the file as written, then a secret, KKP_VERSION and the token removed.
        let repo = fresh("bitbucket", branch);
        let (code, text) = doctor(repo.path());
        assert_eq!(code, Some(0), "{text}");
        for (line, expected) in [
            ("                SOPS_AGE_SECRET_KEY: $SOPS_AGE_SECRET_KEY\n", "pipe kkp-deploy: SOPS_AGE_SECRET_KEY is not passed"),
            ("                KKP_VERSION: $KKP_VERSION\n", "pipe kkp-deploy: KKP_VERSION is not passed"),
            ("                STAGE: terraform-apply\n                BITBUCKET_ACCESS_TOKEN: $BITBUCKET_ACCESS_TOKEN\n", "pipe terraform-apply: BITBUCKET_ACCESS_TOKEN is not passed"),
        ] {
            let repo = fresh("bitbucket", branch);
            let replacement_keeps_stage = line.starts_with("                STAGE:");
            if replacement_keeps_stage {
                let path = repo.path().join("bitbucket-pipelines.yml");
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, text.replacen(line, "                STAGE: terraform-apply\n", 1)).unwrap();
            } else {
                without(repo.path(), "bitbucket-pipelines.yml", line);
            }
            let (code, text) = doctor(repo.path());
            assert_eq!(code, Some(1), "without {line}: {text}");
            assert!(
                text.lines().any(|l| l.starts_with("FAIL") && l.contains("bitbucket-pipelines.yml") && l.contains(expected)),
                "without {line}: {text}"
            );
        }
    }
}

/// `examples/github`, `examples/gitlab` and `examples/bitbucket` hold what `init` writes for
/// `examples/start-kkp` (default branch `main`): a stale one fails here, with the command that
/// writes it again.
#[test]
fn the_platform_examples_are_what_init_writes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (platform, file) in [
        ("github", "examples/github/.github/workflows/kkp.yml"),
        ("gitlab", "examples/gitlab/.gitlab-ci.yml"),
        ("bitbucket", "examples/bitbucket/bitbucket-pipelines.yml"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kkp-delivery"))
            .args([
                "init",
                "--print",
                "--platform",
                platform,
                "--default-branch",
                "main",
            ])
            .arg("--root")
            .arg(root.join("examples/start-kkp"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The kkp actions are pinned to the commit the binary was built from: the example
        // holds the commit it was last written from, which is older than the one under test.
        let commits_masked = |text: &str| {
            text.lines()
                .map(|l| {
                    match l.split_once("@").filter(|(head, rest)| {
                        head.contains("kkp-delivery/actions/")
                            && rest.len() > 40
                            && rest.as_bytes()[..40].iter().all(u8::is_ascii_hexdigit)
                    }) {
                        Some((head, rest)) => format!("{head}@<commit>{}\n", &rest[40..]),
                        None => format!("{l}\n"),
                    }
                })
                .collect::<String>()
        };
        let written = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert_eq!(
            commits_masked(&written),
            commits_masked(&String::from_utf8_lossy(&out.stdout)),
            "{file} is stale: kkp-delivery init --print --platform {platform} --default-branch main --root examples/start-kkp > {file}"
        );
    }
}

/// A root with OpenTofu's `.tofu` files: `init` installs OpenTofu (its setup action pinned by
/// commit, without the wrapper) instead of Terraform, and `doctor` accepts it.
#[test]
fn init_installs_opentofu_for_a_root_with_tofu_files() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/start-kkp");
    let repo = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", example.display()))
        .arg(repo.path())
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::write(
        repo.path().join("terraform/aws/versions.tofu"),
        "terraform {\n  required_version = \"1.10.0\"\n}\n",
    )
    .unwrap();
    let kkp = env!("CARGO_BIN_EXE_kkp-delivery");
    let out = std::process::Command::new(kkp)
        .args(["init", "--platform", "github", "--default-branch", "main"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(repo.path().join(".github/workflows/kkp.yml")).unwrap();
    assert!(
        text.contains(
            "- uses: opentofu/setup-opentofu@a1320f892987e89d278cc92dc5adc984fb93aca4 # v2.0.2"
        ) && text.contains("tofu_wrapper: false")
            && !text.contains("hashicorp/setup-terraform"),
        "{text}"
    );
    let doctor = std::process::Command::new(kkp)
        .args(["doctor"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&doctor.stdout);
    assert!(
        !said.contains("needs terraform, which no step installs"),
        "{said}"
    );
}
