//! The fake forge answers as GitHub's published REST description says GitHub does: every
//! answer the product reads, for every operation it calls, validates against the response
//! schema of `@octokit/openapi` (installed by scripts/install-tools.sh). So the fake cannot
//! drift from the real API unnoticed. GitLab and Bitbucket publish no description that this
//! machine can install; their shapes follow their documentation (see the forge's module docs).

use serde_json::{json, Value};

use crate::common::{tool, tools_dir, TOKEN};
use crate::forge::{files, github_description_path, FileChange, Forge, GITHUB_OPERATIONS};

#[test]
fn the_fake_github_answers_validate_against_the_published_description() {
    let Some(description) = tool(&github_description_path()) else {
        return;
    };
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        let mut changed = files(&["terraform/aws/main.tf"]);
        changed.push(FileChange::renamed("kubeone/old.yaml", "kubeone/new.yaml"));
        s.gh_pulls.insert(1, changed.clone());
        s.gh_compares.insert("aaa...bbb".into(), changed);
        s.commit_prs.insert("bbb".into(), vec![1]);
        s.owners.insert("alice".into(), "User");
        s.add_comment_by("github:1", "kkp-bot", "a plan");
    });
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = reqwest::Client::new();
    let request = |method: &str, path: &str, body: Option<Value>| {
        let url = format!("{}{path}", forge.url);
        let mut rb = match method {
            "post" => client.post(url),
            "patch" => client.patch(url),
            _ => client.get(url),
        };
        rb = rb.bearer_auth(TOKEN);
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        rt.block_on(async {
            let resp = rb.send().await.unwrap();
            (resp.status().as_u16(), resp.json::<Value>().await.unwrap())
        })
    };
    let concrete = [
        "/repos/acme/kkp/pulls/1",
        "/repos/acme/kkp/pulls/1/files?per_page=100&page=1",
        "/repos/acme/kkp/compare/aaa...bbb",
        "/repos/acme/kkp/issues/1/comments",
        "/repos/acme/kkp/issues/1/comments",
        "/repos/acme/kkp/issues/comments/1000",
        "/repos/acme/kkp/commits/bbb/pulls",
        "/user",
        "/users/alice",
    ];
    let mut answers = Vec::new();
    for ((method, template, status), path) in GITHUB_OPERATIONS.iter().zip(concrete) {
        let body = matches!(*method, "post" | "patch").then(|| json!({"body": "edited"}));
        let (code, answer) = request(method, path, body);
        assert_eq!(code.to_string(), *status, "{method} {path}: {answer}");
        answers.push(json!({"method": method, "path": template, "status": status, "body": answer}));
    }
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("answers.json");
    std::fs::write(&file, Value::Array(answers).to_string()).unwrap();
    let out = std::process::Command::new(tools_dir().join("venv/bin/python"))
        .arg(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/openapi_check.py"),
        )
        .arg(&description)
        .arg(&file)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the fake forge's GitHub answers do not match the description:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        report.lines().filter(|l| l.starts_with("ok ")).count(),
        9,
        "{report}"
    );
}
