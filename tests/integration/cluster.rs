//! The cluster stages with fake tools that replay the real tools' output formats
//! (tests/support/fakes, after the sections "kubeone: output and exit codes" and
//! "flux: output" of docs/REFERENCES.md). kubeone-apply: its own ssh-agent, the key never in
//! kubeone's environment, the plan as the summary, findings, a one-line reason, and nothing
//! left behind.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;

use crate::common::{host_env, refs, run, terraform_env, tool, tools_dir, Host, Repo, Run, TOKEN};
use crate::forge::Forge;

pub const OUTPUTS: &str = r#"{"kubeone_api":{"sensitive":false,"type":"object","value":{"endpoint":"lb.example"}},"kubeone_hosts":{"sensitive":false,"type":"object","value":{"control_plane":{"cluster_name":"kkp","cloud_provider":"aws","public_address":["10.0.0.1"],"private_address":["10.0.0.1"],"ssh_user":"ubuntu"}}}}"#;

pub fn fake(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/support/fakes")
        .join(name)
        .display()
        .to_string()
}

/// A fresh ed25519 key without a passphrase, as OpenSSH text.
pub fn ssh_key(dir: &Path) -> String {
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
    /// A usable kubeconfig file (token auth, the fake tools' cluster address) for the stages
    /// that take `KUBECONFIG`.
    kubeconfig: String,
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
        // As a repository's .gitignore would: terraform-apply's file is never committed.
        std::fs::write(repo.path().join(".git/info/exclude"), "kkp-outputs.json\n").unwrap();
        if with_outputs {
            std::fs::write(repo.path().join("terraform/aws/kkp-outputs.json"), OUTPUTS).unwrap();
        }
        let scratch = tempfile::tempdir().unwrap();
        let key = ssh_key(scratch.path());
        let log = scratch.path().join("kubeone.log");
        let kubeconfig = scratch.path().join("kube.conf");
        std::fs::write(
            &kubeconfig,
            "apiVersion: v1\nkind: Config\nclusters:\n- name: kkp\n  cluster:\n    server: https://lb.example:6443\ncontexts:\n- name: admin@kkp\n  context:\n    cluster: kkp\n    user: admin\ncurrent-context: admin@kkp\nusers:\n- name: admin\n  user:\n    token: fake-cluster-token-9a8b7c6d\n",
        )
        .unwrap();
        Cluster {
            forge: Forge::start(TOKEN),
            repo,
            scratch,
            key,
            log,
            kubeconfig: kubeconfig.display().to_string(),
        }
    }

    /// The variables of a manual kubeone-apply run on GitHub with the fake kubeone.
    fn apply_env(
        &self,
        key: Option<&str>,
        extra: &[(&'static str, &str)],
    ) -> Vec<(&'static str, String)> {
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
        env
    }

    fn apply(&self, key: Option<&str>, extra: &[(&'static str, &str)]) -> Run {
        let env = self.apply_env(key, extra);
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

// ---------------------------------------------------------------- flux-bootstrap

const FLUX_TOKEN: &str = "flux-pat-4b1d9e2a7c";

impl Cluster {
    /// flux-bootstrap on `host`, a manual run on the default branch `main`, with the fake flux
    /// and, without `KUBECONFIG` in `extra`, the fake kubeone deriving the kubeconfig.
    fn flux(&self, host: Host, extra: &[(&'static str, &str)]) -> Run {
        let tmp = self.scratch.path().join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let mut env = host_env(host, &self.forge.url, self.repo.path());
        env.extend(terraform_env());
        env.extend([
            ("KKP_KUBEONE_BIN", fake("kubeone")),
            ("KKP_FLUX_BIN", fake("flux")),
            ("FAKE_KUBEONE_LOG", self.log.display().to_string()),
            ("FAKE_FLUX_LOG", self.flux_log().display().to_string()),
            ("TMPDIR", tmp.display().to_string()),
        ]);
        match host {
            Host::GitHub => env.extend([
                ("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned()),
                ("KKP_DEFAULT_BRANCH", "main".to_owned()),
            ]),
            Host::GitLab => env.push(("CI_PIPELINE_SOURCE", "web".to_owned())),
            Host::Bitbucket => {}
        }
        // An extra replaces the variable of that name; an empty one unsets it.
        for (k, v) in extra {
            env.retain(|(ek, _)| ek != k);
            if !v.is_empty() {
                env.push((k, (*v).to_owned()));
            }
        }
        run("kkp-flux-bootstrap", &[], &refs(&env), self.repo.path())
    }

    fn flux_log(&self) -> PathBuf {
        self.scratch.path().join("flux.log")
    }

    fn flux_calls(&self) -> String {
        std::fs::read_to_string(self.flux_log()).unwrap_or_default()
    }

    fn owner(&self, name: &str, kind: &'static str) {
        self.forge.with(|s| {
            s.owners.insert(name.into(), kind);
        });
    }
}

/// The bootstrap line of the fake flux's log, and the environment it saw with it.
fn bootstrap_call(log: &str) -> String {
    let start = log
        .find("argv: bootstrap")
        .unwrap_or_else(|| panic!("flux bootstrap never ran: {log}"));
    log[start..]
        .lines()
        .take_while(|l| !l.starts_with("argv: ") || l.starts_with("argv: bootstrap"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn flux_bootstrap_on_github_for_an_organization_derives_the_kubeconfig() {
    let c = Cluster::new(true);
    c.owner("acme", "Organization");
    let r = c
        .flux(
            Host::GitHub,
            &[("SSH_PRIVATE_KEY", &c.key), ("KKP_FLUX_TOKEN", FLUX_TOKEN)],
        )
        .expect_code(0);
    let log = c.flux_calls();
    let call = bootstrap_call(&log);
    assert!(
        call.contains(
            "argv: bootstrap github --owner=acme --repository=kkp --branch=main \
             --path=flux/clusters/master --commit-message-appendix=[ci skip]"
        ),
        "{call}"
    );
    assert!(!call.contains("--personal"), "an organization: {call}");
    // The token only as flux's own variable; none of the stage's secrets.
    assert!(
        call.contains(&format!("GITHUB_TOKEN={FLUX_TOKEN}")),
        "{call}"
    );
    for hidden in ["KKP_FLUX_TOKEN=\n", "SSH_PRIVATE_KEY=\n", "GITLAB_TOKEN=\n"] {
        assert!(log.contains(hidden), "{hidden}: {log}");
    }
    assert!(!log.contains(TOKEN), "the forge token never reaches flux");
    // The kubeconfig came from `kubeone kubeconfig` through the agent, into a private file.
    assert!(
        c.kubeone_log().contains("argv: kubeconfig -m "),
        "{}",
        c.kubeone_log()
    );
    assert!(
        call.contains("kubeconfig-server: server:https://lb.example:6443"),
        "{call}"
    );
    assert!(call.contains("/kkp-delivery-"), "{call}");
    assert!(
        !r.all_text().contains("RkFLRS1DTElFTlQtS0VZLVNFQ1JFVA=="),
        "{}",
        r.all_text()
    );
    assert!(!r.all_text().contains(FLUX_TOKEN), "{}", r.all_text());
    assert!(
        r.stderr
            .contains("Flux v2.6.4 bootstrapped into acme/kkp@main:flux/clusters/master")
            || r.stdout
                .contains("Flux v2.6.4 bootstrapped into acme/kkp@main:flux/clusters/master"),
        "{}",
        r.all_text()
    );
    assert!(r.summary.contains("What flux did"), "{}", r.summary);
    assert!(
        r.summary.contains("Flux is not on the cluster"),
        "{}",
        r.summary
    );
    assert_eq!(r.output("bootstrapped").as_deref(), Some("true"));
    assert_eq!(r.output("flux-version").as_deref(), Some("v2.6.4"));
    c.nothing_left();
}

#[test]
fn flux_bootstrap_passes_personal_only_for_a_user_account() {
    let c = Cluster::new(true);
    c.owner("acme", "User");
    let r = c
        .flux(
            Host::GitHub,
            &[
                ("KUBECONFIG", c.kubeconfig.as_str()),
                ("KKP_FLUX_TOKEN", FLUX_TOKEN),
                ("FAKE_FLUX_OWNER_USER", "acme"),
                ("GITHUB_SERVER_URL", "https://ghe.example.com"),
            ],
        )
        .expect_code(0);
    let call = bootstrap_call(&c.flux_calls());
    assert!(call.contains("--personal"), "{call}");
    assert!(
        call.contains("--hostname=ghe.example.com"),
        "Enterprise Server: {call}"
    );
    assert!(
        call.contains(&format!("KUBECONFIG={}", c.kubeconfig)),
        "KUBECONFIG is used as set: {call}"
    );
    assert!(c.kubeone_log().is_empty(), "no kubeone with KUBECONFIG set");
    assert_eq!(r.output("bootstrapped").as_deref(), Some("true"));
    c.nothing_left();
}

#[test]
fn flux_bootstrap_looks_up_the_owner_with_the_flux_token_when_the_job_has_none() {
    let c = Cluster::new(true);
    c.owner("acme", "User");
    // The forge accepts only the flux token: the job's own token is not set.
    c.forge.with(|s| s.token = FLUX_TOKEN.to_owned());
    let r = c
        .flux(
            Host::GitHub,
            &[
                ("GITHUB_TOKEN", ""),
                ("KUBECONFIG", c.kubeconfig.as_str()),
                ("KKP_FLUX_TOKEN", FLUX_TOKEN),
                ("FAKE_FLUX_OWNER_USER", "acme"),
            ],
        )
        .expect_code(0);
    let call = bootstrap_call(&c.flux_calls());
    assert!(call.contains("--personal"), "{call}");
    assert!(!r.all_text().contains(FLUX_TOKEN), "{}", r.all_text());
    c.nothing_left();
}

#[test]
fn flux_bootstrap_on_gitlab_uses_the_namespace_and_server() {
    let c = Cluster::new(true);
    c.owner("acme", "Organization");
    let r = c
        .flux(
            Host::GitLab,
            &[
                ("KUBECONFIG", c.kubeconfig.as_str()),
                ("KKP_FLUX_TOKEN", FLUX_TOKEN),
                ("CI_SERVER_FQDN", "gitlab.example.com"),
            ],
        )
        .expect_code(0);
    let call = bootstrap_call(&c.flux_calls());
    assert!(
        call.contains(
            "argv: bootstrap gitlab --owner=acme --repository=kkp --hostname=gitlab.example.com \
             --branch=main --path=flux/clusters/master --commit-message-appendix=[ci skip]"
        ),
        "{call}"
    );
    assert!(
        call.contains(&format!("GITLAB_TOKEN={FLUX_TOKEN}")),
        "{call}"
    );
    assert!(call.contains("GITHUB_TOKEN=\n"), "{call}");
    assert!(!r.all_text().contains(FLUX_TOKEN));
    c.nothing_left();
}

#[test]
fn flux_bootstrap_on_bitbucket_hands_the_key_as_a_private_file() {
    let c = Cluster::new(true);
    let r = c
        .flux(
            Host::Bitbucket,
            &[
                ("KUBECONFIG", c.kubeconfig.as_str()),
                ("KKP_FLUX_SSH_PRIVATE_KEY", &c.key),
            ],
        )
        .expect_code(0);
    let log = c.flux_calls();
    let call = bootstrap_call(&log);
    assert!(
        call.contains("argv: bootstrap git --url=ssh://git@bitbucket.org/acme/kkp.git --silent"),
        "{call}"
    );
    assert!(call.contains("--private-key-file="), "{call}");
    assert!(
        log.contains("keyfile: -----BEGIN OPENSSH PRIVATE KEY-----"),
        "flux read the key from its file: {log}"
    );
    assert!(log.contains("KKP_FLUX_SSH_PRIVATE_KEY=\n"), "{log}");
    for line in c.key.lines().filter(|l| !l.starts_with("-----")) {
        assert!(
            !call.contains(line),
            "the key is never on flux's command line"
        );
        assert!(!r.all_text().contains(line), "the key leaked");
    }
    c.nothing_left();
}

#[test]
fn flux_bootstrap_decides_on_the_cluster() {
    let c = Cluster::new(true);
    c.owner("acme", "Organization");
    let base = [
        ("KUBECONFIG", c.kubeconfig.as_str()),
        ("KKP_FLUX_TOKEN", FLUX_TOKEN),
    ];
    let with = |v: &'static str| {
        let mut e = base.to_vec();
        e.push(("FAKE_FLUX_CLUSTER", v));
        e
    };
    // The same version: nothing to do.
    let r = c.flux(Host::GitHub, &with("v2.6.4")).expect_code(0);
    assert!(
        !c.flux_calls().contains("argv: bootstrap"),
        "{}",
        c.flux_calls()
    );
    assert!(
        r.all_text()
            .contains("Flux v2.6.4 is already on the cluster"),
        "{}",
        r.all_text()
    );
    assert_eq!(r.output("bootstrapped").as_deref(), Some("false"));
    // A newer Flux on the cluster: never downgraded, and said so.
    let r = c.flux(Host::GitHub, &with("v2.7.0")).expect_code(0);
    assert!(!c.flux_calls().contains("argv: bootstrap"));
    assert!(
        r.stdout
            .contains("::warning title=flux::Flux v2.7.0 on the cluster is newer"),
        "{}",
        r.stdout
    );
    // An older one is upgraded.
    let r = c.flux(Host::GitHub, &with("v2.5.1")).expect_code(0);
    assert!(c.flux_calls().contains("argv: bootstrap github"));
    assert!(
        r.summary
            .contains("Flux v2.5.1 is on the cluster: upgrading to v2.6.4"),
        "{}",
        r.summary
    );
    // A cluster that cannot be reached is a clear failure, not a bootstrap.
    std::fs::remove_file(c.flux_log()).unwrap();
    let r = c.flux(Host::GitHub, &with("unreachable")).expect_code(1);
    assert!(
        r.stderr
            .contains("cannot tell whether Flux is on the cluster: cluster info unavailable"),
        "{}",
        r.stderr
    );
    assert!(!c.flux_calls().contains("argv: bootstrap"));
    c.nothing_left();
}

#[test]
fn flux_failures_are_one_line_findings_and_masked() {
    let c = Cluster::new(true);
    c.owner("acme", "Organization");
    let base = [
        ("KUBECONFIG", c.kubeconfig.as_str()),
        ("KKP_FLUX_TOKEN", FLUX_TOKEN),
    ];
    let mut denied = base.to_vec();
    denied.push(("FAKE_FLUX", "denied"));
    let r = c.flux(Host::GitHub, &denied).expect_code(1);
    assert!(
        r.stderr
            .contains("flux bootstrap failed: failed to get Git repository"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .contains("::error title=flux::failed to get Git repository"),
        "{}",
        r.stdout
    );
    assert!(r.summary.contains("failed"), "{}", r.summary);
    // flux echoing the token: masked everywhere.
    let mut echo = base.to_vec();
    echo.push(("FAKE_FLUX", "echo"));
    let r = c.flux(Host::GitHub, &echo).expect_code(1);
    assert!(r.stdout.contains("authentication required"), "{}", r.stdout);
    assert!(!r.all_text().contains(FLUX_TOKEN), "{}", r.all_text());
    // A personal flag would have failed for an organization; a timeout stops flux.
    let mut slow = base.to_vec();
    slow.extend([("FAKE_FLUX_SLEEP", "30"), ("KKP_TIMEOUT", "2")]);
    let r = c.flux(Host::GitHub, &slow).expect_code(1);
    assert!(r.stderr.contains("timed out after 2 s"), "{}", r.stderr);
    c.nothing_left();
}

#[test]
fn flux_bootstrap_missing_inputs_exit_2_naming_them_before_any_tool() {
    let c = Cluster::new(true);
    let r = c
        .flux(Host::GitHub, &[("KUBECONFIG", c.kubeconfig.as_str())])
        .expect_code(2);
    assert!(r.stderr.contains("KKP_FLUX_TOKEN"), "{}", r.stderr);
    let r = c
        .flux(Host::GitHub, &[("KKP_FLUX_TOKEN", FLUX_TOKEN)])
        .expect_code(2);
    assert!(r.stderr.contains("SSH_PRIVATE_KEY"), "{}", r.stderr);
    assert!(r.stderr.contains("KUBECONFIG is not set"), "{}", r.stderr);
    let r = c
        .flux(Host::Bitbucket, &[("KUBECONFIG", c.kubeconfig.as_str())])
        .expect_code(2);
    assert!(
        r.stderr.contains("KKP_FLUX_SSH_PRIVATE_KEY"),
        "{}",
        r.stderr
    );
    let r = c
        .flux(
            Host::GitHub,
            &[
                ("KUBECONFIG", c.kubeconfig.as_str()),
                ("KKP_FLUX_TOKEN", FLUX_TOKEN),
                ("KKP_FLUX_PATH", "../elsewhere"),
            ],
        )
        .expect_code(2);
    assert!(r.stderr.contains("KKP_FLUX_PATH"), "{}", r.stderr);
    assert!(
        c.flux_calls().is_empty(),
        "flux never ran: {}",
        c.flux_calls()
    );
    assert!(c.kubeone_log().is_empty());
    c.nothing_left();
}

/// Whether a process with this id exists.
fn alive(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// The processes whose command line mentions `needle`.
fn processes_mentioning(needle: &str) -> Vec<String> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().parse::<u32>().is_ok())
        .filter_map(|e| {
            let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
            let text = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            text.contains(needle)
                .then(|| format!("{}: {text}", e.file_name().to_string_lossy()))
        })
        .collect()
}

/// SIGKILL of kubeone-apply while kubeone runs: no handler runs, yet within 5 s kubeone (and
/// its children), the stage's ssh-agent and its private folder (key, socket) are gone, through
/// the watchdog. And a folder such a stage left (here made by hand, for a process that is gone)
/// is removed by the next stage that runs.
#[test]
fn a_killed_cluster_stage_leaves_no_process_no_key_and_no_folder() {
    let c = Cluster::new(true);
    let tmp = c.scratch.path().join("tmp");
    let mut env = c.apply_env(Some(&c.key), &[("FAKE_KUBEONE_SLEEP", "60")]);
    env.extend([
        ("PATH", std::env::var("PATH").unwrap_or_default()),
        ("HOME", c.scratch.path().display().to_string()),
    ]);
    let mut stage = Command::new(crate::bins::bin("kkp-kubeone-apply"))
        .current_dir(c.repo.path())
        .env_clear()
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until kubeone apply runs (the fake logs its pid and the agent's keys).
    let started = std::time::Instant::now();
    let (kubeone, socket) = loop {
        let log = c.kubeone_log();
        // The fake writes its pid, argv, environment, then what the agent holds: the block is
        // read once its last line is there.
        let apply = log
            .split("pid: ")
            .find(|part| part.contains("argv: apply") && part.contains("agent: "));
        if let Some(part) = apply {
            let pid: i32 = part.lines().next().unwrap().trim().parse().unwrap();
            let socket = part
                .lines()
                .find_map(|l| l.strip_prefix("SSH_AUTH_SOCK="))
                .unwrap()
                .to_owned();
            assert!(
                part.contains("agent: 256 SHA256:"),
                "the key is in the agent: {part}"
            );
            break (pid, socket);
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "kubeone apply never started: {log}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let private = Path::new(&socket).parent().unwrap().to_owned();
    assert!(private.starts_with(&tmp), "{socket}");
    stage.kill().unwrap();
    stage.wait().unwrap();
    let killed = std::time::Instant::now();
    loop {
        let left = processes_mentioning(&private.display().to_string());
        let done = !alive(kubeone) && left.is_empty() && !private.exists();
        if done {
            break;
        }
        assert!(
            killed.elapsed() < std::time::Duration::from_secs(5),
            "5 s after SIGKILL: kubeone alive: {}, processes: {left:?}, folder: {}",
            alive(kubeone),
            private.exists()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // kubeone's own children (the fake's `sleep`) went with its process group.
    let group = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(kubeone), None);
    assert!(group.is_err(), "kubeone's process group is gone");
    let served = Command::new("ssh-add")
        .arg("-l")
        .env("SSH_AUTH_SOCK", &socket)
        .output()
        .unwrap();
    assert!(!served.status.success(), "the agent's socket serves no key");

    // A folder left by a stage whose process is gone is removed by the next stage's run.
    let mut gone = Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    let abandoned = tmp.join(format!("kkp-delivery-{gone_pid}-1"));
    std::fs::create_dir_all(&abandoned).unwrap();
    std::fs::write(abandoned.join("id"), "a key").unwrap();
    c.apply(Some(&c.key), &[]).expect_code(0);
    c.nothing_left();
}

/// SIGTERM and SIGINT while flux-bootstrap asks the host who owns the repository, on a host
/// that does not answer: the stage exits 1 within 3 s, saying it was stopped.
#[test]
fn a_signal_stops_the_flux_owner_lookup_within_three_seconds() {
    use nix::sys::signal::Signal;
    let c = Cluster::new(true);
    c.forge.fault(
        "/users/acme",
        10,
        crate::forge::Fault::Delay(std::time::Duration::from_secs(120)),
    );
    for signal in [Signal::SIGTERM, Signal::SIGINT] {
        let tmp = c.scratch.path().join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let mut env = host_env(Host::GitHub, &c.forge.url, c.repo.path());
        env.extend(terraform_env());
        env.extend([
            ("KKP_KUBEONE_BIN", fake("kubeone")),
            ("KKP_FLUX_BIN", fake("flux")),
            ("FAKE_KUBEONE_LOG", c.log.display().to_string()),
            ("FAKE_FLUX_LOG", c.flux_log().display().to_string()),
            ("TMPDIR", tmp.display().to_string()),
            ("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned()),
            ("KKP_DEFAULT_BRANCH", "main".to_owned()),
            ("SSH_PRIVATE_KEY", c.key.clone()),
            ("KKP_FLUX_TOKEN", FLUX_TOKEN.to_owned()),
            ("HOME", c.scratch.path().display().to_string()),
        ]);
        // The lookup is the one request that hangs: the wait began when one is in flight.
        let (took, code, text) = crate::common::signal_during(
            "kkp-flux-bootstrap",
            &env,
            c.repo.path(),
            || c.forge.with(|s| s.in_flight) > 0,
            signal,
        );
        crate::common::assert_stopped_in_time(signal, took, code, &text);
        c.nothing_left();
    }
}

/// A `KUBECONFIG` whose user has an exec credential plugin (EKS, GKE, AKS): flux-bootstrap runs
/// the plugin once and hands flux a private kubeconfig with its token, never the plugin; the
/// token is masked. kubeone-apply, which reaches the nodes over SSH, is not affected by it.
#[test]
fn flux_bootstrap_with_an_exec_plugin_kubeconfig_hands_flux_the_token_not_the_plugin() {
    use std::os::unix::fs::PermissionsExt as _;
    let c = Cluster::new(true);
    c.owner("acme", "Organization");
    let token = "eks-exec-token-7f3a9c2b1d";
    let plugin = c.scratch.path().join("credential-plugin");
    std::fs::write(
        &plugin,
        format!("#!/bin/sh\nprintf '{{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{{\"token\":\"{token}\"}}}}\\n'\n"),
    )
    .unwrap();
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = c.scratch.path().join("exec.conf");
    std::fs::write(
        &config,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: kkp\n  cluster:\n    server: https://lb.example:6443\ncontexts:\n- name: eks\n  context:\n    cluster: kkp\n    user: eks\ncurrent-context: eks\nusers:\n- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n",
            plugin.display()
        ),
    )
    .unwrap();
    let config = config.display().to_string();
    let r = c
        .flux(
            Host::GitHub,
            &[
                ("KUBECONFIG", config.as_str()),
                ("KKP_FLUX_TOKEN", FLUX_TOKEN),
            ],
        )
        .expect_code(0);
    let call = bootstrap_call(&c.flux_calls());
    assert!(
        call.contains("/kkp-delivery-") && !call.contains(&format!("KUBECONFIG={config}")),
        "flux gets the private, resolved kubeconfig: {call}"
    );
    assert!(!r.all_text().contains(token), "{}", r.all_text());
    assert!(
        c.kubeone_log().is_empty(),
        "no kubeone: the kubeconfig came from KUBECONFIG"
    );
    c.nothing_left();
    let r = c.apply(Some(&c.key), &[("KUBECONFIG", config.as_str())]);
    assert_eq!(r.code(), 0, "{r:?}");
    c.nothing_left();
}

/// A fleet: with two installations, kubeone-apply needs to know which (exit 2 naming
/// KKP_INSTALLATION and the candidates); `--installation` gives it that installation's root
/// outputs and its own kubeone manifest.
#[test]
fn kubeone_apply_works_on_the_named_installation_of_a_fleet() {
    let c = Cluster::new(true);
    c.repo.commit(&[
        (
            "terraform/gcp/main.tf",
            "output \"kubeone_api\" {\n  value = { endpoint = \"gcp-lb.example\" }\n}\n",
        ),
        (
            "kubeone/gcp.yaml",
            "apiVersion: kubeone.k8c.io/v1beta2\nkind: KubeOneCluster\nname: gcp\n",
        ),
    ]);
    std::fs::write(
        c.repo.path().join(".git/info/exclude"),
        "kkp-outputs.json\n",
    )
    .unwrap();
    std::fs::write(
        c.repo.path().join("terraform/gcp/kkp-outputs.json"),
        OUTPUTS.replace("lb.example", "gcp-lb.example"),
    )
    .unwrap();
    let r = c.apply(Some(&c.key), &[]).expect_code(2);
    assert!(
        r.stderr.contains("KKP_INSTALLATION") || r.stderr.contains("KKP_TERRAFORM_DIR"),
        "{}",
        r.stderr
    );
    let r = c
        .apply(Some(&c.key), &[("KKP_INSTALLATION", "gcp")])
        .expect_code(0);
    let log = c.kubeone_log();
    assert!(log.contains("kubeone/gcp.yaml"), "its own manifest: {log}");
    assert!(log.contains("gcp-lb.example"), "its own outputs: {log}");
    assert!(r.stdout.contains("kubeone"), "{}", r.stdout);
    c.nothing_left();
}
