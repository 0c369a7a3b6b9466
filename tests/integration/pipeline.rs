//! The whole pipeline, as a platform team runs it: the bundled example repository
//! (examples/start-kkp) is reviewed on a pull/merge request (validate and plan, the bot's plan
//! comment), merged, and the push to the default branch runs all eight stages in order, each
//! deciding for itself from the host's answer. Real Terraform; fake kubeone, installer and flux;
//! the fake forge and the fake Kubernetes API; on GitHub and on GitLab environments.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;

use crate::cluster::{fake, ssh_key};
use crate::common::{
    host_env, refs, request_event, run, tool, tools_dir, write_event, Host, Repo, Run, TOKEN,
};
use crate::deploy::KUBE_TOKEN;
use crate::forge::{files, Forge};
use crate::kube::FakeKube;

const FLUX_TOKEN: &str = "flux-pat-pipeline-9f8e7d";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == ".terraform" || name.to_string_lossy().starts_with("terraform.tfstate") {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file of `dir`, relative to it.
fn list(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            if name != ".git" {
                list(&entry.path(), &format!("{name}/"), out);
            }
        } else {
            out.push(name);
        }
    }
}

fn the_whole_pipeline_on(host: Host) {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/start-kkp");
    let repo = Repo::new();
    let base = repo.commit(&[("README.md", "# platform\n")]);
    copy_dir(&example, repo.path());
    let head = repo.commit(&[]);
    let mut changed = Vec::new();
    list(&example, "", &mut changed);
    let changed: Vec<&str> = changed.iter().map(String::as_str).collect();

    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls.insert(7, files(&changed));
        s.gl_mrs.insert(7, files(&changed));
        s.gh_compares
            .insert(format!("{base}...{head}"), files(&changed));
        for straight in ["true", "false"] {
            s.gl_compares
                .insert(format!("{base}..{head}:{straight}"), files(&changed));
        }
        s.commit_prs.insert(head.clone(), vec![7]);
        s.owners.insert("acme".into(), "Organization");
    });
    let kube = FakeKube::start(KUBE_TOKEN);
    kube.ingress(
        "nginx-ingress-controller",
        "nginx-ingress-controller",
        1,
        json!({"hostname": "kkp-ingress-0123.elb.example"}),
    );
    let scratch = tempfile::tempdir().unwrap();
    let s = scratch.path();
    std::fs::create_dir_all(s.join("tmp")).unwrap();
    std::fs::create_dir_all(s.join("charts")).unwrap();
    std::fs::write(s.join("admin.conf"), kube.kubeconfig()).unwrap();
    let key = ssh_key(s);
    let p = |n: &str| s.join(n).display().to_string();

    let mut common = host_env(host, &forge.url, repo.path());
    common.extend([
        (
            "KKP_TERRAFORM_BIN",
            tools_dir().join("bin/terraform").display().to_string(),
        ),
        (
            "TF_CLI_CONFIG_FILE",
            tools_dir().join("empty.tfrc").display().to_string(),
        ),
        ("KKP_KUBEONE_BIN", fake("kubeone")),
        ("KKP_INSTALLER_BIN", fake("kubermatic-installer")),
        ("KKP_CHARTS_DIR", p("charts")),
        ("KKP_FLUX_BIN", fake("flux")),
        ("KKP_SOPS_BIN", fake("sops")),
        ("FAKE_KUBEONE_KUBECONFIG", p("admin.conf")),
        ("FAKE_KUBEONE_LOG", p("kubeone.log")),
        ("FAKE_INSTALLER_LOG", p("installer.log")),
        ("FAKE_FLUX_LOG", p("flux.log")),
        ("TMPDIR", p("tmp")),
        ("SSH_PRIVATE_KEY", key.clone()),
        ("KKP_FLUX_TOKEN", FLUX_TOKEN.to_owned()),
        ("KKP_DEFAULT_BRANCH", "main".to_owned()),
    ]);
    let terraform_root = [("KKP_WORKING_DIRECTORY", "terraform/aws".to_owned())];

    // The review: validate and plan on request 7; the bot's plan comment is what apply checks.
    let review = request_event(host, 7, &base, &head, repo.path());
    for stage in ["kkp-terraform-validate", "kkp-terraform-plan"] {
        let mut env = common.clone();
        env.extend(terraform_root.clone());
        env.extend(review.clone());
        let r = run(stage, &[], &refs(&env), repo.path()).expect_code(0);
        assert!(r.ran(), "{stage} runs on the request: {}", r.all_text());
    }
    let _ = std::fs::remove_file(repo.path().join("terraform/aws/kkp.tfplan"));

    // The merge: a push of the reviewed commit to the default branch.
    let push: Vec<(&'static str, String)> = match host {
        Host::GitHub => {
            let payload = json!({"ref": "refs/heads/main", "before": base, "after": head, "repository": {"default_branch": "main", "full_name": "acme/kkp"}});
            vec![
                ("GITHUB_EVENT_NAME", "push".to_owned()),
                ("GITHUB_EVENT_PATH", write_event(repo.path(), &payload)),
                ("GITHUB_SHA", head.clone()),
                ("GITHUB_REF", "refs/heads/main".to_owned()),
            ]
        }
        Host::GitLab => vec![
            ("CI_PIPELINE_SOURCE", "push".to_owned()),
            ("CI_COMMIT_BRANCH", "main".to_owned()),
            ("CI_COMMIT_BEFORE_SHA", base.clone()),
            ("CI_COMMIT_SHA", head.clone()),
        ],
        Host::Bitbucket => unreachable!("Bitbucket is covered stage by stage"),
    };
    let stages = [
        "kkp-terraform-validate",
        "kkp-terraform-backend-prepare",
        "kkp-terraform-plan",
        "kkp-terraform-apply",
        "kkp-kubeone-apply",
        "kkp-deploy",
        "kkp-dns-update",
        "kkp-flux-bootstrap",
    ];
    let mut transcript = String::new();
    let mut runs: Vec<(&str, Run)> = Vec::new();
    for stage in stages {
        let mut env = common.clone();
        if stage.starts_with("kkp-terraform") {
            env.extend(terraform_root.clone());
        }
        env.extend(push.clone());
        let r = run(stage, &[], &refs(&env), repo.path()).expect_code(0);
        assert!(
            r.ran(),
            "{stage} decides to run on the push: {}",
            r.all_text()
        );
        let _ = writeln!(transcript, "==================== {stage}");
        let _ = writeln!(transcript, "{}", r.stderr.trim());
        match host {
            Host::GitHub => {
                let _ = writeln!(transcript, "--- outputs\n{}", r.outputs.trim());
                let _ = writeln!(transcript, "--- step summary\n{}", r.summary.trim());
            }
            _ => {
                let _ = writeln!(transcript, "--- dotenv\n{}", r.dotenv.trim());
            }
        }
        runs.push((stage, r));
    }
    // Shown with `cargo test -- --nocapture`: what a user sees, stage by stage.
    println!("{transcript}");

    let out = |stage: &str, name: &str| {
        runs.iter()
            .find(|(s, _)| *s == stage)
            .and_then(|(_, r)| r.output(name))
            .unwrap_or_default()
    };
    assert_eq!(out("kkp-terraform-plan", "has-changes"), "true");
    assert_eq!(
        out("kkp-terraform-apply", "outputs-json"),
        "terraform/aws/kkp-outputs.json"
    );
    assert_eq!(out("kkp-kubeone-apply", "actions"), "3");
    assert_eq!(out("kkp-deploy", "storageclass"), "aws");
    assert_eq!(out("kkp-deploy", "objects"), "9");
    assert_eq!(
        out("kkp-dns-update", "hostname"),
        "kkp-ingress-0123.elb.example"
    );
    assert_eq!(out("kkp-dns-update", "create"), "2");
    // The platform is up: the cluster objects, the records, and Flux bootstrapped.
    assert!(kube
        .object("/api/v1/namespaces/kubermatic/secrets/kubeconfig-cluster")
        .is_some());
    assert!(kube
        .object("/apis/cert-manager.io/v1/clusterissuers/letsencrypt-prod")
        .is_some());
    let dns_state =
        std::fs::read_to_string(repo.path().join("terraform/aws/dns/terraform.tfstate")).unwrap();
    assert!(dns_state.contains("kkp-ingress-0123.elb.example"));
    let flux = std::fs::read_to_string(s.join("flux.log")).unwrap();
    assert!(flux.contains("argv: bootstrap"), "{flux}");
    let installer = std::fs::read_to_string(s.join("installer.log")).unwrap();
    assert!(installer.contains("--storageclass aws"), "{installer}");
    // Nothing secret anywhere a user or an artifact sees, nothing left behind.
    for secret in [KUBE_TOKEN, FLUX_TOKEN] {
        assert!(!transcript.contains(secret), "{secret} leaked");
    }
    for line in key.lines().filter(|l| !l.starts_with("-----")) {
        assert!(!transcript.contains(line), "the SSH key leaked");
    }
    let left: Vec<_> = std::fs::read_dir(s.join("tmp")).unwrap().collect();
    assert!(left.is_empty(), "left in temp: {left:?}");
}

#[test]
fn the_whole_pipeline_on_github() {
    the_whole_pipeline_on(Host::GitHub);
}

#[test]
fn the_whole_pipeline_on_gitlab() {
    the_whole_pipeline_on(Host::GitLab);
}
