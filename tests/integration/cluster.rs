//! The cluster stages with fake tools that replay the real tools' output formats
//! (tests/support/fakes, after reference/cluster-tools.md). kubeone-apply: its own ssh-agent,
//! the key never in kubeone's environment, the plan as the summary, findings, a one-line reason,
//! and nothing left behind.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;

use crate::common::{host_env, refs, run, terraform_env, tool, tools_dir, Host, Repo, Run, TOKEN};
use crate::forge::Forge;

const OUTPUTS: &str = r#"{"kubeone_api":{"sensitive":false,"type":"object","value":{"endpoint":"lb.example"}},"kubeone_hosts":{"sensitive":false,"type":"object","value":{"control_plane":{"cluster_name":"kkp","cloud_provider":"aws","public_address":["10.0.0.1"],"private_address":["10.0.0.1"],"ssh_user":"ubuntu"}}}}"#;

fn fake(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/support/fakes")
        .join(name)
        .display()
        .to_string()
}

/// A fresh ed25519 key without a passphrase, as OpenSSH text.
fn ssh_key(dir: &Path) -> String {
    let file = dir.join("id_test");
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "kkp-test", "-f"])
        .arg(&file)
        .output()
        .expect("ssh-keygen is needed for the kubeone-apply tests");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(file).unwrap()
}

struct Cluster {
    forge: Forge,
    repo: Repo,
    scratch: tempfile::TempDir,
    key: String,
    log: PathBuf,
}

impl Cluster {
    fn new(with_outputs: bool) -> Self {
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
        ]);
        if with_outputs {
            std::fs::write(repo.path().join("terraform/aws/kkp-outputs.json"), OUTPUTS).unwrap();
        }
        let scratch = tempfile::tempdir().unwrap();
        let key = ssh_key(scratch.path());
        let log = scratch.path().join("kubeone.log");
        Cluster {
            forge: Forge::start(TOKEN),
            repo,
            scratch,
            key,
            log,
        }
    }

    fn apply(&self, key: Option<&str>, extra: &[(&'static str, &str)]) -> Run {
        let tmp = self.scratch.path().join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let mut env = host_env(Host::GitHub, &self.forge.url, self.repo.path());
        env.extend(terraform_env());
        env.extend([
            ("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned()),
            ("KKP_KUBEONE_BIN", fake("kubeone")),
            ("FAKE_KUBEONE_LOG", self.log.display().to_string()),
            ("TMPDIR", tmp.display().to_string()),
        ]);
        if let Some(key) = key {
            env.push(("SSH_PRIVATE_KEY", key.to_owned()));
        }
        env.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
        run("kkp-kubeone-apply", &[], &refs(&env), self.repo.path())
    }

    fn kubeone_log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Nothing the stage made is left: no private folder (key, agent socket, outputs copy).
    fn nothing_left(&self) {
        let left: Vec<_> = std::fs::read_dir(self.scratch.path().join("tmp"))
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }
}

#[test]
fn kubeone_apply_runs_with_its_own_agent_and_reports_the_plan() {
    let c = Cluster::new(true);
    let r = c.apply(Some(&c.key), &[]).expect_code(0);
    let log = c.kubeone_log();
    assert!(log.contains("argv: apply -m "), "{log}");
    assert!(log.contains("-y --log-format json"), "{log}");
    assert!(
        log.contains("tfjson: {\"kubeone_api\""),
        "kubeone got the outputs: {log}"
    );
    assert!(
        log.contains("SSH_PRIVATE_KEY=\n"),
        "kubeone never sees the key: {log}"
    );
    assert!(
        log.contains("agent: 256 SHA256:"),
        "the agent holds the key: {log}"
    );
    assert!(!r.all_text().contains("PRIVATE KEY"), "{}", r.all_text());
    for line in c.key.lines().filter(|l| !l.starts_with("-----")) {
        assert!(!r.all_text().contains(line), "the key leaked");
    }
    assert!(
        r.summary.contains("The actions kubeone planned (3)"),
        "{}",
        r.summary
    );
    assert!(
        r.summary.contains("initialize control plane node"),
        "{}",
        r.summary
    );
    assert_eq!(r.output("actions").as_deref(), Some("3"));
    assert!(
        r.stdout.contains("info: Determine hostname..."),
        "readable log lines: {}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("::warning title=kubeone::Machine-controller webhook is not ready yet"),
        "warnings become annotations: {}",
        r.stdout
    );
    c.nothing_left();
    // The agent is gone: its socket went with it.
    let socket = log
        .lines()
        .find_map(|l| l.strip_prefix("SSH_AUTH_SOCK="))
        .unwrap()
        .to_owned();
    assert!(!Path::new(&socket).exists(), "the agent was stopped");
}

#[test]
fn kubeone_apply_takes_a_base64_key_and_reads_terraform_outputs_itself() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let c = Cluster::new(false);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&c.key);
    let r = c.apply(Some(&b64), &[]).expect_code(0);
    let log = c.kubeone_log();
    // `terraform output -json` of the root (no state yet: `{}`), in the stage's private folder.
    assert!(
        log.contains("tfjson: {}")
            && log.contains("/kkp-delivery-")
            && log.contains("/kkp-outputs.json -y"),
        "terraform output -json in terraform/aws reached kubeone: {log}\n{}",
        r.stdout
    );
    assert!(
        !log.contains(&format!("-t {}", c.repo.path().display())),
        "{log}"
    );
    assert!(
        r.stdout.contains("terraform output (terraform/aws)"),
        "{}",
        r.stdout
    );
    c.nothing_left();
}

#[test]
fn an_ssh_failure_is_one_clear_line_and_findings() {
    let c = Cluster::new(true);
    let r = c
        .apply(Some(&c.key), &[("FAKE_KUBEONE", "ssh")])
        .expect_code(1);
    assert!(
        r.stderr.contains("SSH authentication to 10.0.0.1 failed"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("::error title=kubeone::ssh: dialing"),
        "{}",
        r.stdout
    );
    assert!(r.summary.contains("kubeone apply` failed"), "{}", r.summary);
    c.nothing_left();
}

#[test]
fn a_missing_or_broken_key_is_bad_input_before_kubeone_runs() {
    let c = Cluster::new(true);
    let r = c.apply(None, &[]).expect_code(2);
    assert!(r.stderr.contains("SSH_PRIVATE_KEY"), "{}", r.stderr);
    let r = c.apply(Some("not a key at all"), &[]).expect_code(2);
    assert!(
        r.stderr.contains("SSH_PRIVATE_KEY: expected a private key"),
        "{}",
        r.stderr
    );
    let broken = c.key.replace('A', "B");
    let r = c.apply(Some(&broken), &[]).expect_code(2);
    assert!(r.stderr.contains("SSH_PRIVATE_KEY"), "{}", r.stderr);
    assert!(c.kubeone_log().is_empty(), "kubeone never ran");
    c.nothing_left();
}
