//! A stage stopped mid-apply, as a cancelled job is: real Terraform applying a resource whose
//! `local-exec` provisioner sleeps, on the GitLab-style HTTP state backend of the fake forge.
//! Whether the stage is sent SIGTERM (its PID only, as a CI runner does) or reaches
//! `--timeout`, Terraform must get the chance to release its state lock, and a rerun succeeds.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bin, host_env, refs, run, terraform_env, tool, tools_dir, Host, Repo, TOKEN};
use crate::forge::Forge;

fn slow_repo() -> Repo {
    let repo = Repo::new();
    repo.commit(&[
        ("terraform/aws/backend.tf", "terraform {\n  backend \"http\" {}\n}\n"),
        (
            "terraform/aws/main.tf",
            "variable \"sleep\" {\n  type    = number\n  default = 0\n}\n\nresource \"terraform_data\" \"slow\" {\n  input = \"v1\"\n\n  provisioner \"local-exec\" {\n    command = \"exec sleep ${var.sleep}\"\n  }\n}\n",
        ),
    ]);
    repo
}

/// A manual GitLab run of terraform-apply with the apply sleeping `sleep` seconds.
fn apply_env(repo: &Repo, forge: &Forge, sleep: &str) -> Vec<(&'static str, String)> {
    let mut env = terraform_env();
    env.extend(host_env(Host::GitLab, &forge.url, repo.path()));
    env.extend([
        ("CI_PIPELINE_SOURCE", "web".to_owned()),
        ("TF_VAR_sleep", sleep.to_owned()),
        // A manual run has no reviewed plan; these tests are about stopping, not the guard.
        ("KKP_ALLOW_UNREVIEWED_CHANGES", "true".to_owned()),
    ]);
    env
}

/// Starts the stage and waits until Terraform is inside the provisioner. The caller waits for
/// the child it gets back.
#[allow(clippy::zombie_processes)]
fn start_apply(repo: &Repo, env: &[(&'static str, String)], log: &Path) -> std::process::Child {
    let mut cmd = Command::new(bin("kkp-terraform-apply"));
    cmd.current_dir(repo.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", repo.path())
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(log).unwrap())
        .stderr(std::fs::File::create(log.with_extension("err")).unwrap());
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.contains("Executing:") {
            return child;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the apply never reached its provisioner:\n{text}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits for the stage to end, at most `limit`.
fn wait(mut child: std::process::Child, limit: Duration) -> (i32, Duration) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code().unwrap_or(-1), started.elapsed());
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the stage did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// After a stopped apply: the lock was released on the backend and a rerun succeeds.
fn lock_released_and_rerun_succeeds(repo: &Repo, forge: &Forge) {
    assert!(
        forge.with(|s| s.gl_locks.is_empty()),
        "the state lock is still held: {:?}",
        forge.with(|s| s.gl_locks.clone())
    );
    assert!(
        forge
            .hits("/terraform/state/terraform-aws/lock")
            .iter()
            .any(|h| h.method == "DELETE" && h.status == 200),
        "Terraform unlocked the state: {:?}",
        forge.hits("/lock")
    );
    // A new job starts from a fresh checkout: no saved plan from the stopped one.
    let _ = std::fs::remove_file(repo.path().join("terraform/aws/kkp.tfplan"));
    let r = run(
        "kkp-terraform-apply",
        &[],
        &refs(&apply_env(repo, forge, "0")),
        repo.path(),
    )
    .expect_code(0);
    assert!(r.stdout.contains("Apply complete!"), "{}", r.stdout);
    assert!(forge.with(|s| s.gl_locks.is_empty()));
}

#[test]
fn sigterm_mid_apply_releases_the_state_lock() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let repo = slow_repo();
    let forge = Forge::start(TOKEN);
    let log = repo.path().join("stage.log");
    let child = start_apply(&repo, &apply_env(&repo, &forge, "300"), &log);
    assert!(
        !forge.with(|s| s.gl_locks.is_empty()),
        "the apply holds the lock while it runs"
    );
    // The stage's PID only, as a CI runner signals the step's process.
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    let (code, took) = wait(child, Duration::from_secs(60));
    let out = std::fs::read_to_string(&log).unwrap();
    let err = std::fs::read_to_string(log.with_extension("err")).unwrap();
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(
        took < Duration::from_secs(30),
        "it stopped within the grace period: {took:?}"
    );
    assert!(
        err.contains("was stopped: the stage received SIGTERM"),
        "the stage says what happened: {err}"
    );
    assert!(
        out.contains("sending SIGTERM to terraform"),
        "the log says the signal was forwarded: {out}"
    );
    lock_released_and_rerun_succeeds(&repo, &forge);
}

#[test]
fn timeout_mid_apply_releases_the_state_lock() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let repo = slow_repo();
    let forge = Forge::start(TOKEN);
    let log = repo.path().join("stage.log");
    let mut env = apply_env(&repo, &forge, "300");
    env.push(("KKP_TIMEOUT", "20".to_owned()));
    let started = Instant::now();
    let child = start_apply(&repo, &env, &log);
    let (code, _) = wait(child, Duration::from_secs(120));
    let out = std::fs::read_to_string(&log).unwrap();
    let err = std::fs::read_to_string(log.with_extension("err")).unwrap();
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(
        started.elapsed() < Duration::from_secs(90),
        "the timeout stopped the 300 s apply: {:?}",
        started.elapsed()
    );
    assert!(
        err.contains("timed out after 20 s (--timeout)"),
        "the stage says what happened: {err}"
    );
    lock_released_and_rerun_succeeds(&repo, &forge);
}
