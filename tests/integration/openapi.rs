//! The fake forge answers as GitHub's published REST description says GitHub does: every
//! answer the product reads, for every operation it calls, validates against the response
//! schema of `@octokit/openapi` (installed by scripts/install-tools.sh). So the fake cannot
//! drift from the real API unnoticed. Bitbucket Cloud's description reaches this machine as
//! the TypeScript types `@coderabbitai/bitbucket` generates from it: the fake's Bitbucket
//! answers are type-checked against them by the TypeScript compiler. GitLab publishes no
//! description that this machine can install; its shapes follow its documentation (see the
//! forge's module docs).

use serde_json::{json, Value};

use crate::common::{tool, tools_dir, TOKEN};
use crate::forge::{
    bb_pipeline, files, github_description_path, FileChange, Forge, GITHUB_OPERATIONS,
};

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
    let client = kkp_delivery::tls::client_builder().build().unwrap();
    let request = |method: &str, path: &str, body: Option<Value>| {
        let url = format!("{}{path}", forge.url);
        let mut rb = match method {
            "post" => client.post(url),
            "patch" => client.patch(url),
            "delete" => client.delete(url),
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
        "/repos/acme/kkp/issues/1/labels",
        "/repos/acme/kkp/issues/1/labels/plan:changes",
        "/repos/acme/kkp/issues",
        "/repos/acme/kkp/issues?state=open&labels=kkp-drift&per_page=100",
        "/repos/acme/kkp/issues/500",
    ];
    let mut answers = Vec::new();
    for ((method, template, status), path) in GITHUB_OPERATIONS.iter().zip(concrete) {
        let body = match (*method, *template) {
            (_, t) if t.ends_with("/labels") => Some(json!({"labels": ["plan:changes", "plan:x"]})),
            ("post", t) if t.ends_with("/issues") => {
                Some(json!({"title": "Drift: aws", "body": "x", "labels": ["kkp-drift"]}))
            }
            ("post" | "patch", _) => Some(json!({"body": "edited"})),
            _ => None,
        };
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
        GITHUB_OPERATIONS.len(),
        "{report}"
    );
}

/// One request to the fake: (method, the description's path, status, the request's path, its
/// body, Basic auth).
type BitbucketRequest = (&'static str, &'static str, u16, String, Option<Value>, bool);

/// Every Bitbucket operation the product calls, as the fake answers it: (method, the
/// description's path, status, the request's path, its body, Basic auth). Basic is a user's
/// API token (`GET /user` answers it); the rest use an access token (Bearer), whose `GET /user`
/// is refused with 401.
fn bitbucket_requests(diffstat: &str) -> Vec<BitbucketRequest> {
    let repo = "/2.0/repositories/acme/kkp";
    let report = json!({"title": "terraform plan (terraform/aws)", "details": "1 to create", "report_type": "BUG", "reporter": "kkp-delivery", "result": "PASSED", "data": [{"title": "To create", "type": "NUMBER", "value": 1}]});
    let annotation = json!([{"external_id": "kkp-1", "title": "Reference to undeclared resource", "annotation_type": "BUG", "summary": "A managed resource has not been declared", "details": "A managed resource has not been declared", "severity": "HIGH", "result": "FAILED", "path": "terraform/aws/main.tf", "line": 2}]);
    vec![
        ("get", "/user", 200, "/2.0/user".into(), None, true),
        ("get", "/user", 401, "/2.0/user".into(), None, false),
        ("get", "/repositories/{workspace}/{repo_slug}", 200, repo.into(), None, false),
        ("get", "/repositories/{workspace}/{repo_slug}/diffstat/{spec}", 200, diffstat.to_owned(), None, false),
        ("get", "/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments", 200, format!("{repo}/pullrequests/1/comments"), None, false),
        ("post", "/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments", 201, format!("{repo}/pullrequests/1/comments"), Some(json!({"content": {"raw": "a plan"}})), false),
        ("put", "/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments/{comment_id}", 200, format!("{repo}/pullrequests/1/comments/1000"), Some(json!({"content": {"raw": "edited"}})), false),
        ("get", "/repositories/{workspace}/{repo_slug}/commit/{commit}/pullrequests", 200, format!("{repo}/commit/bbb/pullrequests"), None, false),
        ("get", "/repositories/{workspace}/{repo_slug}/pipelines", 200, format!("{repo}/pipelines?target.branch=main&sort=-created_on"), None, false),
        ("put", "/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}", 200, format!("{repo}/commit/bbb/reports/kkp-terraform-plan-terraform-aws"), Some(report), false),
        ("post", "/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}/annotations", 200, format!("{repo}/commit/bbb/reports/kkp-terraform-plan-terraform-aws/annotations"), Some(annotation), false),
    ]
}

#[test]
fn the_fake_bitbucket_answers_type_check_against_the_published_description() {
    let node = tools_dir().join("node/node_modules");
    let Some(tsc) = tool(&node.join(".bin/tsc")) else {
        return;
    };
    let types = node.join("@coderabbitai/bitbucket/dist/cloud/openapi/openapi-typescript.d.ts");
    assert!(types.is_file(), "{} is missing", types.display());
    let forge = Forge::start(TOKEN);
    forge.with(|s| {
        s.bb_prs.insert(1, files(&["terraform/aws/main.tf"]));
        s.commit_prs.insert("bbb".into(), vec![1]);
        s.bb_pipelines
            .push(bb_pipeline("main", "bbb", "SUCCESSFUL"));
        s.add_comment_by("bitbucket:1", "kkp-bot", "a plan");
    });
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = kkp_delivery::tls::client_builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let send = |method: &str, path: &str, body: Option<Value>, basic: bool| {
        let url = format!("{}{path}", forge.url);
        let mut rb = match method {
            "post" => client.post(url),
            "put" => client.put(url),
            _ => client.get(url),
        };
        rb = if basic {
            rb.basic_auth("kkp-bot@example.com", Some(TOKEN))
        } else {
            rb.bearer_auth(TOKEN)
        };
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        rt.block_on(async {
            let resp = rb.send().await.unwrap();
            let status = resp.status().as_u16();
            let location = resp
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .map(str::to_owned);
            let text = resp.text().await.unwrap();
            (status, location, text)
        })
    };
    // The pull request's diffstat redirects to the repository's, which is what is read.
    let (code, location, _) = send(
        "get",
        "/2.0/repositories/acme/kkp/pullrequests/1/diffstat",
        None,
        false,
    );
    assert_eq!(code, 302);
    let diffstat = location.unwrap().replace(&forge.url, "");
    let mut ts = format!(
        "import type {{ components, paths }} from {};\n\
         type Answer<P extends keyof paths, M extends string, S extends number> =\n\
           M extends keyof paths[P]\n\
             ? NonNullable<paths[P][M]> extends {{ readonly responses: infer R }}\n\
               ? S extends keyof R\n\
                 ? R[S] extends {{ content: {{ readonly \"application/json\": infer T }} }} ? T : never\n\
                 : never\n\
               : never\n\
             : never;\n\
         // The description declares a base schema where Bitbucket answers with a subtype of it\n\
         // (`account` is answered by a `user`, `pipeline_state` by `pipeline_state_completed`),\n\
         // and the generated types fix `type` to the base's name: `type` is any string here,\n\
         // every other field is checked.\n\
         type Loose<T> = T extends readonly (infer U)[] ? readonly Loose<U>[]\n\
           : T extends object ? {{ [K in keyof T as K extends \"type\" ? never : K]: Loose<T[K]> }} & {{ readonly type?: string }}\n\
           : T;\n",
        serde_json::to_string(&types.with_extension("").with_extension("").display().to_string()).unwrap()
    );
    let requests = bitbucket_requests(&diffstat);
    for (i, (method, template, status, path, body, basic)) in requests.iter().enumerate() {
        let (code, _, text) = send(method, path, body.clone(), *basic);
        assert_eq!(code, *status, "{method} {path}: {text}");
        let mut answer: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
        // A report's data values: the description types `value` as an object, while Bitbucket's
        // Code Insights documentation (and the API) take a number, boolean, text, link,
        // percentage, date or duration by the element's `type`. The product sends NUMBER
        // elements: checked here, then left out of the type check.
        if let Some(data) = answer.get_mut("data").and_then(Value::as_array_mut) {
            for element in data {
                assert_eq!(element["type"], "NUMBER", "{element}");
                assert!(element["value"].is_u64(), "{element}");
                element.as_object_mut().unwrap().remove("value");
            }
        }
        // The description gives this operation `paginated_commitstatuses`, which its own prose
        // ("a paginated list of all pull requests as part of which this commit was reviewed")
        // and the API contradict: it answers pull requests, and is checked as such.
        let declared = if template.ends_with("/commit/{commit}/pullrequests") {
            "components[\"schemas\"][\"paginated_pullrequests\"]".to_owned()
        } else {
            format!(
                "Answer<{}, \"{method}\", {status}>",
                serde_json::to_string(template).unwrap()
            )
        };
        ts.push_str(&format!(
            "// {method} {path}\nexport const answer{i}: Loose<{declared}> = {answer};\n"
        ));
    }
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("answers.ts");
    std::fs::write(&file, &ts).unwrap();
    let out = std::process::Command::new(tsc)
        .args([
            "--noEmit",
            "--strict",
            "--skipLibCheck",
            "--target",
            "es2020",
            "--module",
            "commonjs",
            "--moduleResolution",
            "node10",
            "--ignoreDeprecations",
            "5.0",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the fake forge's Bitbucket answers do not match the description's types:\n{}{}\n{ts}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(ts.matches("export const answer").count(), requests.len());
}
