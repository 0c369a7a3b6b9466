//! The secrets sweep: every stage on every platform, with canary values in every secret input,
//! then every byte the product wrote is searched for them — stdout, stderr, summaries, outputs,
//! dotenv files, reports, what was posted to the fake forge, and files left in the workspace
//! and in the temporary folder.
//!
//! The only files allowed to hold a canary are Terraform's own: its state, its provider cache,
//! the saved plan and `show -json` of it (both owner-only, checked), which Terraform writes in
//! the clear by design and which the product documents as secret-bearing.

use std::path::{Path, PathBuf};

use crate::common::{
    host_env, refs, request_event, run, terraform_env, tool, tools_dir, write_event, Host, Repo,
    Run,
};
use crate::forge::Forge;
use crate::kube::FakeKube;

const FORGE_TOKEN: &str = "canary-forge-token-4b9d2e";
const JOB_TOKEN: &str = "canary-job-token-8c1f3a";
const AWS_KEY_ID: &str = "AKIACANARY7Q2W3E4R5T";
const AWS_SECRET: &str = "canary-aws-secret-0f9e8d7c6b5a";
const FLUX_TOKEN: &str = "canary-flux-token-77aa11";
const TF_SECRET: &str = "canary-tf-sensitive-5e6f";
const KUBE_TOKEN: &str = "canary-kube-admin-token-31c4";
const VALUES_SECRET: &str = "canary-dex-secret-a1b2c3";
/// A real key (kubeone-apply checks it and loads it into its agent), made for the run.
fn ssh_key() -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("id");
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&file)
        .output()
        .expect("ssh-keygen");
    assert!(out.status.success());
    std::fs::read_to_string(file).unwrap()
}

fn canaries(ssh_key: &str) -> Vec<&str> {
    let mut all = vec![
        FORGE_TOKEN,
        JOB_TOKEN,
        AWS_KEY_ID,
        AWS_SECRET,
        // A real key: the real sops decrypts the values with it.
        crate::deploy::age_key(),
        FLUX_TOKEN,
        TF_SECRET,
        KUBE_TOKEN,
        VALUES_SECRET,
    ];
    all.extend(ssh_key.lines().filter(|l| !l.starts_with("-----")));
    all
}

const MAIN_TF: &str = "terraform {\n  backend \"http\" {}\n}\n\nvariable \"db_password\" {\n  type      = string\n  sensitive = true\n}\n\nresource \"terraform_data\" \"db\" {\n  input = var.db_password\n}\n\noutput \"db\" {\n  value     = var.db_password\n  sensitive = true\n}\n\noutput \"endpoint\" {\n  value = \"https://kkp.example\"\n}\n";

use crate::bins::stage_binaries;

/// Every file below `dir`, but Terraform's own secret-bearing ones (checked owner-only where the
/// product writes them).
fn product_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == ".git" || name == ".terraform" || name.starts_with("terraform.tfstate") {
            continue;
        }
        if name == "kkp.tfplan" || name == "kkp.tfplan.json" {
            use std::os::unix::fs::PermissionsExt;
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} must be owner-only", path.display());
            continue;
        }
        if path.is_dir() {
            product_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn sweep(key: &str, what: &str, text: &str) {
    for canary in canaries(key) {
        assert!(
            !text.contains(canary),
            "the canary {canary:?} leaked into {what}:\n{text}"
        );
    }
}

fn sweep_run(key: &str, host: Host, stage: &str, r: &Run) {
    sweep(key, &format!("{host:?} {stage} output"), &r.all_text());
}

#[test]
fn no_secret_reaches_any_output_on_any_platform() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let key = ssh_key();
    let fakes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fakes");
    let kubeone = fakes.join("kubeone");
    let flux = fakes.join("flux");
    for host in Host::ALL {
        let forge = Forge::start(FORGE_TOKEN);
        forge.with(|s| {
            s.job_token = JOB_TOKEN.to_owned();
            s.owners.insert("acme".into(), "Organization");
        });
        let repo = Repo::new();
        let base = repo.commit(&[("README.md", "x\n")]);
        let values = format!("dex:\n  clientSecret: {VALUES_SECRET}\n");
        let head = repo.commit(&[
            ("terraform/aws/main.tf", MAIN_TF),
            ("kubeone/kubeone.yaml", "name: kkp\n"),
            ("kubermatic/kubermatic-configuration.yaml", "apiVersion: kubermatic.k8c.io/v1\nkind: KubermaticConfiguration\n"),
            ("kubermatic/values.yaml", &crate::deploy::encrypted(&values)),
            ("terraform/aws/dns/main.tf", "variable \"ingress_hostname\" {\n  type = string\n}\n\nresource \"terraform_data\" \"record\" {\n  input = var.ingress_hostname\n}\n"),
        ]);
        let tmp = tempfile::tempdir().unwrap();
        // The cluster: the fake Kubernetes API, its admin kubeconfig (what kubeone derives), the
        // charts for the fake installer (the real sops decrypts the values).
        let kube = FakeKube::start(KUBE_TOKEN);
        kube.ingress(
            "nginx-ingress-controller",
            "nginx-ingress-controller",
            0,
            serde_json::json!({"hostname": "lb.example"}),
        );
        let cluster = tempfile::tempdir().unwrap();
        let admin = cluster.path().join("admin.conf");
        std::fs::write(&admin, kube.kubeconfig()).unwrap();
        std::fs::create_dir_all(cluster.path().join("charts")).unwrap();
        let mut secrets = host_env(host, &forge.url, repo.path());
        // The canary forge token replaces the harness's own.
        for (k, v) in secrets.iter_mut() {
            if k.ends_with("TOKEN") && *k != "CI_JOB_TOKEN" {
                *v = FORGE_TOKEN.to_owned();
            }
            if *k == "CI_JOB_TOKEN" {
                *v = JOB_TOKEN.to_owned();
            }
        }
        secrets.extend(terraform_env());
        secrets.extend([
            ("KKP_DEFAULT_BRANCH", "main".to_owned()),
            ("AWS_ACCESS_KEY_ID", AWS_KEY_ID.to_owned()),
            ("AWS_SECRET_ACCESS_KEY", AWS_SECRET.to_owned()),
            ("SSH_PRIVATE_KEY", key.clone()),
            ("KKP_KUBEONE_BIN", kubeone.display().to_string()),
            ("SOPS_AGE_SECRET_KEY", crate::deploy::age_key().to_owned()),
            ("SOPS_AGE_KEY", crate::deploy::age_key().to_owned()),
            ("KKP_FLUX_TOKEN", FLUX_TOKEN.to_owned()),
            ("KKP_FLUX_BIN", flux.display().to_string()),
            ("KKP_FLUX_SSH_PRIVATE_KEY", key.clone()),
            ("TF_VAR_db_password", TF_SECRET.to_owned()),
            ("TMPDIR", tmp.path().display().to_string()),
            (
                "KKP_INSTALLER_BIN",
                fakes.join("kubermatic-installer").display().to_string(),
            ),
            (
                "KKP_CHARTS_DIR",
                cluster.path().join("charts").display().to_string(),
            ),
            ("FAKE_KUBEONE_KUBECONFIG", admin.display().to_string()),
        ]);
        secrets.extend(crate::deploy::sops_env(&cluster.path().join("sops.log")));
        if host != Host::GitLab {
            // The http backend is GitLab's managed state; elsewhere the root uses local state.
            std::fs::write(
                repo.path().join("terraform/aws/main.tf"),
                MAIN_TF.replace("terraform {\n  backend \"http\" {}\n}\n\n", ""),
            )
            .unwrap();
        }
        // The pull request: validate and plan, with the plan comment posted.
        let pr = request_event(host, 7, &base, &head, repo.path());
        for stage in ["kkp-terraform-validate", "kkp-terraform-plan"] {
            let mut env = secrets.clone();
            env.extend(pr.clone());
            let r = run(stage, &[], &refs(&env), repo.path()).expect_code(0);
            sweep_run(&key, host, stage, &r);
        }
        let _ = std::fs::remove_file(repo.path().join("terraform/aws/kkp.tfplan"));
        // The push to the default branch: every stage, the plan reviewed on #7.
        forge.with(|s| s.commit_prs.insert(head.clone(), vec![7]));
        let push: Vec<(&'static str, String)> = match host {
            Host::GitHub => {
                let payload = serde_json::json!({"ref": "refs/heads/main", "before": base, "after": head, "repository": {"default_branch": "main"}});
                vec![
                    ("GITHUB_EVENT_NAME", "push".into()),
                    ("GITHUB_EVENT_PATH", write_event(repo.path(), &payload)),
                    ("GITHUB_SHA", head.clone()),
                ]
            }
            Host::GitLab => vec![
                ("CI_PIPELINE_SOURCE", "push".into()),
                ("CI_COMMIT_BRANCH", "main".into()),
                ("CI_COMMIT_BEFORE_SHA", base.clone()),
                ("CI_COMMIT_SHA", head.clone()),
            ],
            Host::Bitbucket => vec![
                ("BITBUCKET_BRANCH", "main".into()),
                ("BITBUCKET_COMMIT", head.clone()),
            ],
        };
        for stage in stage_binaries() {
            let mut env = secrets.clone();
            env.extend(push.clone());
            env.push(("KKP_FORCE", "true".into()));
            if *stage == "kkp-dns-update" {
                // Its own root, terraform/aws/dns, by default.
                env.retain(|(k, _)| *k != "KKP_WORKING_DIRECTORY");
            }
            let r = run(stage, &[], &refs(&env), repo.path()).expect_code(0);
            sweep_run(&key, host, stage, &r);
        }
        // What the forge received: comments, notes, reports, annotations, state.
        for request in forge.received() {
            let state = request.path.contains("/terraform/state/");
            if !state {
                sweep(
                    &key,
                    &format!("{host:?} request {} {}", request.method, request.path),
                    &format!("{} {}", request.query, request.body),
                );
            }
        }
        for comment in forge.with(|s| s.comments.clone()) {
            sweep(
                &key,
                &format!("{host:?} comment {}", comment.id),
                &comment.body,
            );
        }
        // Files left in the workspace and in the temporary folder.
        let mut files = Vec::new();
        product_files(repo.path(), &mut files);
        product_files(tmp.path(), &mut files);
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            sweep(
                &key,
                &file.display().to_string(),
                &String::from_utf8_lossy(&bytes),
            );
        }
    }
}
