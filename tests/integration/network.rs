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
    for (_, vars) in pull_request_vars(&forge, &event, &base) {
        assert_loopback_only(&traced_connects(
            "kkp-terraform-validate",
            &vars,
            repo.path(),
        ));
    }
    assert_eq!(
        forge.received().len(),
        2 + 2 + 3,
        "GitHub PR+files, GitLab MR+diffs (no separate token check), Bitbucket repo+302+diffstat: {:?}",
        forge.received()
    );
}

/// A forward proxy on loopback: every request it gets (absolute-form, as a client sends to an
/// HTTP proxy) is recorded by its target and passed on.
struct LoopbackProxy {
    url: String,
    seen: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    _server: crate::kube::Server,
}

impl LoopbackProxy {
    fn start() -> Self {
        use axum::body::Bytes;
        use axum::http::{HeaderMap, Method, Uri};
        use axum::response::IntoResponse;
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let record = seen.clone();
        let server = crate::kube::Server::start(axum::Router::new().fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let record = record.clone();
                async move {
                    record.lock().unwrap().push(uri.to_string());
                    let client = kkp_delivery::tls::client_builder()
                        .no_proxy()
                        .redirect(reqwest::redirect::Policy::none())
                        .build()
                        .unwrap();
                    let mut request = client.request(method, uri.to_string()).body(body);
                    for (k, v) in &headers {
                        if k != "host" && k != "proxy-connection" {
                            request = request.header(k, v);
                        }
                    }
                    match request.send().await {
                        Ok(answer) => {
                            let status = answer.status();
                            let headers = answer.headers().clone();
                            let body = answer.bytes().await.unwrap_or_default();
                            let mut response = (status, body).into_response();
                            for (k, v) in &headers {
                                if k != "transfer-encoding" && k != "content-length" {
                                    response.headers_mut().insert(k, v.clone());
                                }
                            }
                            response
                        }
                        Err(e) => {
                            (axum::http::StatusCode::BAD_GATEWAY, e.to_string()).into_response()
                        }
                    }
                }
            },
        ));
        LoopbackProxy {
            url: server.url.clone(),
            seen,
            _server: server,
        }
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

/// Every host's client sends through `HTTP_PROXY`/`HTTPS_PROXY` from the environment (GitHub's
/// too: octocrab runs over the same reqwest client), and not for hosts in `NO_PROXY`. The fake
/// forge is plain http, so `HTTP_PROXY` is the one it exercises; `HTTPS_PROXY` goes through the
/// same code for https hosts.
#[test]
fn every_host_client_goes_through_the_proxy_unless_no_proxy_names_the_host() {
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
    let hosts = pull_request_vars(&forge, &event, &base);
    let forge_host = forge.url.trim_start_matches("http://").to_owned();
    for (name, vars) in &hosts {
        for (no_proxy, through) in [(None, true), (Some("127.0.0.1"), false)] {
            let proxy = LoopbackProxy::start();
            let mut env: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
            env.push(("HTTP_PROXY", proxy.url.as_str()));
            if let Some(hosts) = no_proxy {
                env.push(("NO_PROXY", hosts));
            }
            let r = crate::common::run(
                "kkp-terraform-validate",
                &["--decide-only"],
                &env,
                repo.path(),
            );
            assert_eq!(r.code(), 0, "{name}: {r:?}");
            assert!(
                r.stdout.contains("terraform/a.tf"),
                "{name}: the API's list decided: {}",
                r.stdout
            );
            let seen = proxy.seen();
            let via_proxy = seen.iter().any(|u| u.contains(&forge_host));
            assert_eq!(
                via_proxy, through,
                "{name} with NO_PROXY={no_proxy:?}: the proxy saw {seen:?}"
            );
        }
    }
}

/// The variables of pull/merge request 1 on each host, its API pointed at `forge`.
fn pull_request_vars(
    forge: &Forge,
    event: &str,
    base: &str,
) -> [(&'static str, Vec<(&'static str, String)>); 3] {
    [
        (
            "GitHub",
            vec![
                ("GITHUB_ACTIONS", "true".to_owned()),
                ("GITHUB_EVENT_NAME", "pull_request".to_owned()),
                ("GITHUB_EVENT_PATH", event.to_owned()),
                ("GITHUB_REPOSITORY", "acme/kkp".to_owned()),
                ("GITHUB_API_URL", forge.github_api()),
                ("GITHUB_TOKEN", TOKEN.to_owned()),
            ],
        ),
        (
            "GitLab",
            vec![
                ("GITLAB_CI", "true".to_owned()),
                ("CI_PIPELINE_SOURCE", "merge_request_event".to_owned()),
                ("CI_MERGE_REQUEST_IID", "1".to_owned()),
                ("CI_API_V4_URL", forge.gitlab_api()),
                ("CI_PROJECT_ID", "42".to_owned()),
                ("GITLAB_TOKEN", TOKEN.to_owned()),
            ],
        ),
        (
            "Bitbucket",
            vec![
                ("BITBUCKET_BUILD_NUMBER", "1".to_owned()),
                ("BITBUCKET_WORKSPACE", "acme".to_owned()),
                ("BITBUCKET_REPO_SLUG", "kkp".to_owned()),
                ("BITBUCKET_PR_ID", "1".to_owned()),
                ("BITBUCKET_COMMIT", base.to_owned()),
                ("BITBUCKET_API_URL", forge.bitbucket_api()),
                ("BITBUCKET_ACCESS_TOKEN", TOKEN.to_owned()),
            ],
        ),
    ]
}
