//! The stage kernel under hostile conditions: hosts that hang or redirect to another host, a
//! git remote that hangs, and a tool that tries to leak secrets and inject workflow commands.

use std::time::{Duration, Instant};

use crate::common::{host_env, refs, request_event, run, Host, Repo, Run, TOKEN};
use crate::forge::{files, Fault, Forge, Hanging};

/// A repository whose feature branch changes Terraform, on `feat`.
fn feature_repo() -> (Repo, String, String) {
    let (repo, base) = Repo::kkp();
    repo.git(&["checkout", "--quiet", "-b", "feat"]);
    let head = repo.commit(&[("terraform/aws/main.tf", "# changed\n")]);
    (repo, base, head)
}

fn decide(host: Host, server: &str, repo: &Repo, base: &str, head: &str) -> Run {
    let mut env = host_env(host, server, repo.path());
    env.extend(request_event(host, 1, base, head, repo.path()));
    run(
        "kkp-terraform-validate",
        &["--decide-only"],
        &refs(&env),
        repo.path(),
    )
}

#[test]
fn hanging_hosts_and_a_hanging_git_remote_still_decide_within_two_minutes() {
    let hang = Hanging::start();
    let results: Vec<(Host, Duration, Run)> = std::thread::scope(|s| {
        let jobs: Vec<_> = Host::ALL
            .into_iter()
            .map(|host| {
                let url = hang.url.clone();
                s.spawn(move || {
                    let (repo, _, head) = feature_repo();
                    // The base is not in the clone and origin hangs: the git fallback must
                    // fetch, and the fetch never ends by itself.
                    repo.git(&["branch", "-D", "main"]);
                    repo.git(&["remote", "add", "origin", &format!("{url}/acme/kkp.git")]);
                    let missing = "1234567890abcdef1234567890abcdef12345678";
                    let started = Instant::now();
                    let r = decide(host, &url, &repo, missing, &head);
                    (host, started.elapsed(), r)
                })
            })
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap()).collect()
    });
    for (host, took, r) in results {
        let r = r.expect_code(0);
        assert!(
            took < Duration::from_secs(120),
            "{host:?}: the decision took {took:?}"
        );
        // Unknown changes run by default (--on-unknown run).
        assert!(r.ran(), "{host:?}: {r:?}");
        assert!(r.stdout.contains("unknown"), "{host:?}: {}", r.stdout);
        assert!(
            r.stdout.contains("did not answer within") || r.stdout.contains("timed out"),
            "{host:?} says the API did not answer: {}",
            r.stdout
        );
        assert!(
            r.stdout.contains("timed out after") || r.stdout.contains("budget"),
            "{host:?} says the git fetch was stopped: {}",
            r.stdout
        );
    }
}

#[test]
fn a_redirect_to_another_host_is_not_followed_on_any_host() {
    let forge = Forge::start(TOKEN);
    let other = Forge::start(TOKEN);
    // Were the other host's answer used, only docs would have changed and the stage would skip.
    other.with(|s| {
        s.gh_pulls.insert(1, files(&["docs/guide.md"]));
        s.gl_mrs.insert(1, files(&["docs/guide.md"]));
        s.bb_prs.insert(1, files(&["docs/guide.md"]));
    });
    forge.fault(
        "/repos/acme/kkp/pulls/1",
        10,
        Fault::Redirect(format!("{}/repos/acme/kkp/pulls/1", other.url)),
    );
    forge.fault(
        "/merge_requests/1",
        10,
        Fault::Redirect(format!("{}/api/v4/projects/42/merge_requests/1", other.url)),
    );
    forge.fault(
        "/pullrequests/1/diffstat",
        10,
        Fault::Redirect(format!(
            "{}/2.0/repositories/acme/kkp/pullrequests/1/diffstat",
            other.url
        )),
    );
    for host in Host::ALL {
        let (repo, base, head) = feature_repo();
        let r = decide(host, &forge.url, &repo, &base, &head).expect_code(0);
        assert!(
            r.ran(),
            "{host:?}: decided from git, not the other host: {r:?}"
        );
        assert!(
            r.stdout.contains("redirected") && r.stdout.contains("not followed"),
            "{host:?}: the log says why the API list was not used: {}",
            r.stdout
        );
        assert!(
            r.stdout.contains("git diff"),
            "{host:?}: the change set came from git: {}",
            r.stdout
        );
    }
    assert!(
        other.received().is_empty(),
        "the other host received nothing, so no credential: {:?}",
        other.received()
    );
    // GitHub asks for the pull request and its first page together: both are refused.
    let refused = forge.received().iter().filter(|r| r.status == 302).count();
    assert!(
        (3..=4).contains(&refused),
        "a refused redirect per host request: {:?}",
        forge.received()
    );
}

const PEM: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQAAACDxCzQ7mPz\n-----END OPENSSH PRIVATE KEY-----";

/// A `terraform` that behaves like an attacker's: it records its environment, prints a
/// multi-line secret, echoes every forge token it can find, crashes `init` with output that is
/// not JSON, and tries workflow commands on stderr.
const HOSTILE_TOOL: &str = r#"#!/bin/sh
env > "$KKP_TEST_ENV_DUMP"
echo '{"@message":"Terraform 1.15.5","type":"version"}'
printf '%s\n' "$SSH_PRIVATE_KEY"
echo "tokens: gh=${GITHUB_TOKEN:-none} kkp=${KKP_TOKEN:-none} gl=${GITLAB_TOKEN:-none} job=${CI_JOB_TOKEN:-none}"
echo "panic: fake crash in $1"
echo "::set-output name=pwned::yes" >&2
echo "::warning::injected from stderr" >&2
printf '%s\n' "$SSH_PRIVATE_KEY" >&2
exit 1
"#;

#[test]
fn a_hostile_tool_cannot_leak_secrets_or_issue_workflow_commands() {
    use std::os::unix::fs::PermissionsExt;
    let (repo, _) = Repo::kkp();
    let scratch = tempfile::tempdir().unwrap();
    let tool = scratch.path().join("terraform");
    std::fs::write(&tool, HOSTILE_TOOL).unwrap();
    std::fs::set_permissions(&tool, std::fs::Permissions::from_mode(0o755)).unwrap();
    let dump = scratch.path().join("env");
    let forge = Forge::start(TOKEN);
    let mut env = host_env(Host::GitHub, &forge.url, repo.path());
    env.extend([
        ("GITHUB_EVENT_NAME", "workflow_dispatch".to_owned()),
        ("KKP_FORCE", "true".to_owned()),
        ("KKP_WORKING_DIRECTORY", "terraform/aws".to_owned()),
        ("KKP_TERRAFORM_BIN", tool.display().to_string()),
        ("KKP_TEST_ENV_DUMP", dump.display().to_string()),
        ("SSH_PRIVATE_KEY", PEM.to_owned()),
        // A key Terraform legitimately gets (a provisioner's connection key): masked.
        ("TF_VAR_ssh_private_key", PEM.to_owned()),
        ("KKP_TOKEN", "kkp-flag-token-7d1e0b".to_owned()),
    ]);
    let r = run("kkp-terraform-plan", &[], &refs(&env), repo.path()).expect_code(1);
    let text = r.all_text();
    for secret in PEM
        .lines()
        .chain([TOKEN, "kkp-flag-token-7d1e0b", "job-token-for-state"])
    {
        assert!(!text.contains(secret), "{secret:?} leaked:\n{text}");
    }
    let tool_env = std::fs::read_to_string(&dump).unwrap();
    for var in [
        "GITHUB_TOKEN=",
        "KKP_TOKEN=",
        "GITLAB_TOKEN=",
        "BITBUCKET_ACCESS_TOKEN=",
        "CI_JOB_TOKEN=",
        // The cluster stages' secrets reach only the tool that needs them, explicitly.
        "SSH_PRIVATE_KEY=",
    ] {
        assert!(
            !tool_env.lines().any(|l| l.starts_with(var)),
            "the tool's environment held {var}"
        );
    }
    assert!(
        tool_env.contains("TF_VAR_ssh_private_key="),
        "other variables reach the tool"
    );
    assert!(
        r.stdout.contains("panic: fake crash in init"),
        "output that is not JSON is shown, never swallowed:\n{}",
        r.stdout
    );
    // Outside `::stop-commands::` blocks, only our own commands start a line.
    let mut stopped_by: Option<String> = None;
    for line in r.stdout.lines() {
        if let Some(token) = &stopped_by {
            if line == format!("::{token}::") {
                stopped_by = None;
            }
            continue;
        }
        if let Some(token) = line.strip_prefix("::stop-commands::") {
            stopped_by = Some(token.to_owned());
            continue;
        }
        // The failure's own annotation quotes the tool's error: one line, and nothing in its
        // text reads as a command (`::` is broken up).
        if let Some(text) = line.strip_prefix("::error title=terraform-plan failed::") {
            assert!(
                !text.contains("::"),
                "a command inside the annotation: {line}"
            );
            continue;
        }
        if line.starts_with("::") {
            assert!(
                [
                    "::group::",
                    "::endgroup::",
                    "::error",
                    "::warning",
                    "::notice"
                ]
                .iter()
                .any(|ok| line.starts_with(ok))
                    && !line.contains("injected")
                    && !line.contains("set-output"),
                "a workflow command escaped the tool's block: {line}\n{}",
                r.stdout
            );
        }
    }
    assert!(stopped_by.is_none(), "every stop-commands block was ended");
    assert!(
        r.stdout.contains("::warning::injected from stderr"),
        "the tool's stderr is shown, inside the block:\n{}",
        r.stdout
    );
    assert!(
        !r.stderr.lines().any(|l| l.starts_with("::")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("terraform init failed"), "{}", r.stderr);
}

#[test]
fn the_forge_looks_up_the_token_user_and_owners_on_each_host() {
    use kkp_delivery::context::DetectOptions;
    use kkp_delivery::env::Env;
    use kkp_delivery::platform::http::{ApiSettings, RetryPolicy, Token, CHANGES_BUDGET};
    use kkp_delivery::platform::{detect, OwnerKind};

    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.owners.insert("alice".into(), "User");
        s.owners.insert("acme".into(), "Organization");
    });
    let (repo, base, head) = feature_repo();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // octocrab builds its client inside a runtime, as the stages do.
    let _runtime = rt.enter();
    let api = ApiSettings {
        token: Some(Token::new(TOKEN)),
        concurrency: 8,
        retry: RetryPolicy::default(),
        changes_budget: CHANGES_BUDGET,
        bot_login: None,
    };
    for host in Host::ALL {
        let mut vars = host_env(host, &forge.url, repo.path());
        vars.extend(request_event(host, 1, &base, &head, repo.path()));
        let opts = DetectOptions {
            workspace: repo.path().to_owned(),
            ..DetectOptions::default()
        };
        let ctx = detect(&Env::from_pairs(vars), &opts).unwrap();
        let client = kkp_delivery::platform::Forge::new(&ctx, &api);
        let user = rt.block_on(client.token_user());
        match host {
            // An access token cannot read the current user: 401, as Bitbucket answers.
            Host::Bitbucket => assert!(
                matches!(
                    user,
                    Err(kkp_delivery::platform::http::ApiError::Auth { status: 401, .. })
                ),
                "{user:?}"
            ),
            Host::GitHub | Host::GitLab => {
                assert_eq!(user.unwrap().as_deref(), Some("kkp-bot"), "{host:?}")
            }
        }
        let kinds = (
            rt.block_on(client.owner_kind("alice")).unwrap(),
            rt.block_on(client.owner_kind("acme")).unwrap(),
        );
        match host {
            Host::GitHub | Host::GitLab => assert_eq!(
                kinds,
                (Some(OwnerKind::User), Some(OwnerKind::Organization)),
                "{host:?}"
            ),
            Host::Bitbucket => assert_eq!(kinds, (None, None), "workspaces have no kind"),
        }
    }
    let lookups: Vec<String> = forge
        .received()
        .iter()
        .map(|r| format!("{} {} {}", r.path, r.status, r.authorized))
        .collect();
    for path in [
        "/user 200 true",
        "/users/alice 200 true",
        "/api/v4/user 200 true",
        "/api/v4/namespaces/acme 200 true",
        "/2.0/user 401 true",
    ] {
        assert!(lookups.iter().any(|l| l == path), "{path} in {lookups:?}");
    }
}
