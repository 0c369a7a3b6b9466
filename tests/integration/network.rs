//! No network access but loopback: every `connect(2)` a stage makes, on all three platforms
//! (API, redirect and git fallback paths), is traced with strace and checked.

use std::process::Command;

use serde_json::json;

use crate::common::{bin, tool, write_event, Repo, TOKEN};
use crate::forge::{files, Forge};

fn traced_connects(binary: &str, env: &[(&str, String)], cwd: &std::path::Path) -> Vec<String> {
    let strace = tool(std::path::Path::new("/usr/bin/strace")).unwrap();
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut cmd = Command::new(strace);
    cmd.args(["-f", "-qq", "-e", "trace=connect", "-o"])
        .arg(log.path())
        .arg(bin(binary))
        .arg("--decide-only");
    cmd.current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(log.path())
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn assert_loopback_only(lines: &[String]) {
    let inet: Vec<&String> = lines.iter().filter(|l| l.contains("AF_INET")).collect();
    assert!(
        !inet.is_empty(),
        "the trace saw no connection at all, so it proves nothing: {lines:?}"
    );
    for l in inet {
        assert!(
            l.contains("inet_addr(\"127.0.0.1\")") || l.contains("\"::1\""),
            "non-loopback connect: {l}"
        );
    }
}

#[test]
fn stages_connect_only_to_loopback() {
    if tool(std::path::Path::new("/usr/bin/strace")).is_none() {
        return;
    }
    let (repo, base) = Repo::kkp();
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.gh_pulls.insert(1, files(&["terraform/a.tf"]));
        s.gl_mrs.insert(1, files(&["terraform/a.tf"]));
        s.bb_prs.insert(1, files(&["terraform/a.tf"]));
    });
    let event = write_event(
        repo.path(),
        &json!({"number": 1, "pull_request": {"number": 1, "base": {"ref": "main", "sha": base}, "head": {"sha": base}}}),
    );
    let gh = [
        ("GITHUB_ACTIONS", "true".to_owned()),
        ("GITHUB_EVENT_NAME", "pull_request".to_owned()),
        ("GITHUB_EVENT_PATH", event),
        ("GITHUB_REPOSITORY", "acme/kkp".to_owned()),
        ("GITHUB_API_URL", forge.github_api()),
        ("GITHUB_TOKEN", TOKEN.to_owned()),
    ];
    assert_loopback_only(&traced_connects("kkp-terraform-validate", &gh, repo.path()));
    let gl = [
        ("GITLAB_CI", "true".to_owned()),
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_owned()),
        ("CI_MERGE_REQUEST_IID", "1".to_owned()),
        ("CI_API_V4_URL", forge.gitlab_api()),
        ("CI_PROJECT_ID", "42".to_owned()),
        ("GITLAB_TOKEN", TOKEN.to_owned()),
    ];
    assert_loopback_only(&traced_connects("kkp-terraform-validate", &gl, repo.path()));
    let bb = [
        ("BITBUCKET_BUILD_NUMBER", "1".to_owned()),
        ("BITBUCKET_WORKSPACE", "acme".to_owned()),
        ("BITBUCKET_REPO_SLUG", "kkp".to_owned()),
        ("BITBUCKET_PR_ID", "1".to_owned()),
        ("BITBUCKET_COMMIT", base.clone()),
        ("BITBUCKET_API_URL", forge.bitbucket_api()),
        ("BITBUCKET_ACCESS_TOKEN", TOKEN.to_owned()),
    ];
    assert_loopback_only(&traced_connects("kkp-terraform-validate", &bb, repo.path()));
    assert_eq!(
        forge.received().len(),
        2 + 2 + 3,
        "GitHub PR+files, GitLab MR+diffs (no separate token check), Bitbucket repo+302+diffstat: {:?}",
        forge.received()
    );
}
