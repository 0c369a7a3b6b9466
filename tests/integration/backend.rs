//! State backends with real Terraform: S3 on a local AWS emulator (moto), created by
//! terraform-backend-prepare and then used by plan and apply; a missing bucket on a PR plan.

use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::common::{host_env, refs, run, terraform_env, tool, tools_dir, Host, Repo, Run, TOKEN};
use crate::forge::Forge;

/// A moto server on a free loopback port, stopped on drop.
struct Moto {
    child: Child,
    url: String,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Moto {
    fn start() -> Option<Moto> {
        let server = tool(&tools_dir().join("venv/bin/moto_server"))?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(server)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}");
        // From here on the Moto value owns the child, so Drop kills and reaps it.
        let moto = Moto { child, url };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                // The first request loads moto's S3 backend; make it here, not in the test.
                moto.aws(&["s3api", "list-buckets"]);
                return Some(moto);
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        drop(moto);
        panic!("moto_server did not start");
    }

    fn aws(&self, args: &[&str]) -> String {
        let out = Command::new(tools_dir().join("venv/bin/aws"))
            .args(args)
            .envs(aws_env(&self.url))
            .output()
            .unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }
}

const AWS_SECRET: &str = "moto-secret-key-never-printed";

fn aws_env(url: &str) -> Vec<(&'static str, String)> {
    vec![
        ("AWS_ACCESS_KEY_ID", "testing".into()),
        ("AWS_SECRET_ACCESS_KEY", AWS_SECRET.into()),
        ("AWS_DEFAULT_REGION", "eu-central-1".into()),
        ("AWS_ENDPOINT_URL", url.into()),
    ]
}

fn s3_repo(bucket: &str, moto: &str) -> Repo {
    let repo = Repo::new();
    let backend = format!("terraform {{\n  backend \"s3\" {{\n    bucket = \"{bucket}\"\n    key    = \"terraform-kkp.tfstate\"\n    region = \"eu-central-1\"\n    encrypt = true\n    use_lockfile = true\n  }}\n}}\n");
    let test_cfg = format!(
        "endpoints = {{ s3 = \"{moto}\", sts = \"{moto}\", iam = \"{moto}\", dynamodb = \"{moto}\" }}\nuse_path_style = true\nskip_credentials_validation = true\nskip_requesting_account_id = true\nskip_metadata_api_check = true\n"
    );
    repo.commit(&[
        ("terraform/aws/backend.tf", &backend),
        ("terraform/aws/main.tf", "resource \"terraform_data\" \"vm\" {\n  count = 2\n  input = \"vm-${count.index}\"\n}\n"),
        ("terraform/aws/moto.s3.tfbackend", &test_cfg),
    ]);
    repo
}

fn stage(binary: &str, repo: &Repo, forge: &Forge, moto: &Moto, extra: &[(&str, &str)]) -> Run {
    let mut env = terraform_env();
    env.extend(host_env(Host::GitHub, &forge.url, repo.path()));
    env.extend(aws_env(&moto.url));
    env.extend([
        (
            "KKP_AWS_BIN",
            tools_dir().join("venv/bin/aws").display().to_string(),
        ),
        (
            "KKP_BACKEND_CONFIG",
            "terraform/aws/moto.s3.tfbackend".into(),
        ),
        ("GITHUB_EVENT_NAME", "workflow_dispatch".into()),
    ]);
    let mut all = refs(&env);
    all.extend_from_slice(extra);
    let r = run(binary, &[], &all, repo.path());
    assert!(
        !r.all_text().contains(AWS_SECRET),
        "AWS secret leaked:\n{}",
        r.all_text()
    );
    r
}

fn no_credentials_on_disk(root: &Path) {
    let out = Command::new("grep")
        .args(["-rl", AWS_SECRET, "."])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        out.stdout.is_empty(),
        "credentials written to {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn backend_prepare_creates_a_safe_bucket_idempotently_and_plan_apply_use_it() {
    let Some(moto) = Moto::start() else { return };
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let repo = s3_repo("tf-state-kkp-test", &moto.url);
    let forge = Forge::start(TOKEN);
    let r = stage("kkp-terraform-backend-prepare", &repo, &forge, &moto, &[]);
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(r.stdout.contains("bucket created"), "{}", r.stdout);
    assert!(
        r.stdout.contains("locking: S3 lock file (use_lockfile)"),
        "{}",
        r.stdout
    );
    assert!(moto
        .aws(&[
            "s3api",
            "get-bucket-versioning",
            "--bucket",
            "tf-state-kkp-test"
        ])
        .contains("Enabled"));
    assert!(moto
        .aws(&[
            "s3api",
            "get-bucket-encryption",
            "--bucket",
            "tf-state-kkp-test"
        ])
        .contains("AES256"));
    let pab = moto.aws(&[
        "s3api",
        "get-public-access-block",
        "--bucket",
        "tf-state-kkp-test",
    ]);
    assert_eq!(pab.matches("true").count(), 4, "{pab}");

    // Safe to rerun.
    let again = stage("kkp-terraform-backend-prepare", &repo, &forge, &moto, &[]);
    assert_eq!(again.code(), 0, "{again:?}");
    assert!(
        again.stdout.contains("bucket already exists and is yours"),
        "{}",
        again.stdout
    );

    let plan = stage("kkp-terraform-plan", &repo, &forge, &moto, &[]);
    assert_eq!(plan.code(), 0, "{plan:?}");
    assert_eq!(plan.output("create").as_deref(), Some("2"));
    // A manual run has no reviewed plan: this test is about the backend, not the guard.
    let apply = stage(
        "kkp-terraform-apply",
        &repo,
        &forge,
        &moto,
        &[("KKP_ALLOW_UNREVIEWED_CHANGES", "true")],
    );
    assert_eq!(apply.code(), 0, "{apply:?}");
    let objects = moto.aws(&["s3api", "list-objects-v2", "--bucket", "tf-state-kkp-test"]);
    assert!(
        objects.contains("terraform-kkp.tfstate"),
        "state stored in the bucket: {objects}"
    );
    no_credentials_on_disk(repo.path());
}

#[test]
fn a_bucket_name_taken_by_another_account_fails_clearly() {
    let Some(moto) = Moto::start() else { return };
    // Another AWS account (an assumed role in account 111111111111) owns the name.
    let creds: serde_json::Value = serde_json::from_str(&moto.aws(&[
        "sts",
        "assume-role",
        "--role-arn",
        "arn:aws:iam::111111111111:role/other",
        "--role-session-name",
        "other",
        "--output",
        "json",
    ]))
    .unwrap();
    let c = &creds["Credentials"];
    let out = Command::new(tools_dir().join("venv/bin/aws"))
        .args([
            "s3api",
            "create-bucket",
            "--bucket",
            "tf-state-taken",
            "--create-bucket-configuration",
            "LocationConstraint=eu-central-1",
        ])
        .envs(aws_env(&moto.url))
        .env("AWS_ACCESS_KEY_ID", c["AccessKeyId"].as_str().unwrap())
        .env(
            "AWS_SECRET_ACCESS_KEY",
            c["SecretAccessKey"].as_str().unwrap(),
        )
        .env("AWS_SESSION_TOKEN", c["SessionToken"].as_str().unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let repo = s3_repo("tf-state-taken", &moto.url);
    let forge = Forge::start(TOKEN);
    let r = stage("kkp-terraform-backend-prepare", &repo, &forge, &moto, &[]);
    assert_eq!(r.code(), 1, "{r:?}");
    assert!(
        r.stderr
            .contains("bucket name tf-state-taken is taken by another AWS account"),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_bucket_on_a_pr_plan_says_what_to_do() {
    let Some(moto) = Moto::start() else { return };
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let repo = s3_repo("tf-state-never-created", &moto.url);
    let forge = Forge::start(TOKEN);
    let r = stage("kkp-terraform-plan", &repo, &forge, &moto, &[]);
    assert_eq!(r.code(), 1, "{r:?}");
    assert!(
        r.stderr.contains("terraform init failed in terraform/aws"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("terraform-backend-prepare"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("tf-state-never-created")
            || r.stderr.contains("NoSuchBucket")
            || r.stderr.contains("does not exist"),
        "{}",
        r.stderr
    );
}

// ------------------------------------------------ GitLab-managed state (HTTP backend)

fn gitlab_state_repo() -> Repo {
    let repo = Repo::new();
    repo.commit(&[
        ("terraform/aws/backend.tf", "terraform {\n  backend \"http\" {}\n}\n"),
        ("terraform/aws/main.tf", "resource \"terraform_data\" \"vm\" {\n  count = 2\n  input = \"vm-${count.index}\"\n}\n"),
    ]);
    repo
}

fn gitlab_stage(binary: &str, repo: &Repo, forge: &Forge, extra: &[(&str, &str)]) -> Run {
    let mut owned = terraform_env();
    owned.extend(host_env(Host::GitLab, &forge.url, repo.path()));
    let mut env = refs(&owned);
    env.extend_from_slice(extra);
    let r = run(binary, &[], &env, repo.path());
    assert!(
        !r.all_text().contains("job-token-for-state"),
        "the job token leaked:\n{}",
        r.all_text()
    );
    r
}

#[test]
fn gitlab_managed_state_with_locking_and_auth() {
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let repo = gitlab_state_repo();
    let forge = Forge::start(TOKEN);
    let prep = gitlab_stage(
        "kkp-terraform-backend-prepare",
        &repo,
        &forge,
        &[("CI_PIPELINE_SOURCE", "push"), ("CI_COMMIT_BRANCH", "main")],
    );
    assert_eq!(prep.code(), 0, "{prep:?}");
    assert!(
        prep.dotenv.contains(&format!(
            "TF_HTTP_ADDRESS={}/projects/42/terraform/state/terraform-aws",
            forge.gitlab_api()
        )),
        "{}",
        prep.dotenv
    );
    assert!(
        prep.dotenv.contains("TF_HTTP_LOCK_METHOD=POST")
            && !prep.dotenv.contains("TF_HTTP_PASSWORD"),
        "{}",
        prep.dotenv
    );

    let head = repo.git(&["rev-parse", "HEAD"]);
    let mr = [
        ("CI_PIPELINE_SOURCE", "merge_request_event"),
        ("CI_MERGE_REQUEST_IID", "7"),
        ("CI_COMMIT_SHA", head.as_str()),
    ];
    // A later job gets backend-prepare's TF_HTTP_* through the dotenv report, as GitLab
    // passes it on: the stage still gives Terraform the job token for that address.
    let passed_on: Vec<(&str, &str)> = prep
        .dotenv
        .lines()
        .filter(|l| l.starts_with("TF_HTTP_"))
        .filter_map(|l| l.split_once('='))
        .collect();
    assert!(!passed_on.is_empty(), "{}", prep.dotenv);
    let mut mr_after_prepare = mr.to_vec();
    mr_after_prepare.extend(passed_on);
    let plan = gitlab_stage("kkp-terraform-plan", &repo, &forge, &mr_after_prepare);
    assert_eq!(plan.code(), 0, "{plan:?}");
    forge.with(|s| s.commit_prs.insert(head.clone(), vec![7]));
    let push = [
        ("CI_PIPELINE_SOURCE", "push"),
        ("CI_COMMIT_BRANCH", "main"),
        (
            "CI_COMMIT_BEFORE_SHA",
            "1111111111111111111111111111111111111111",
        ),
        ("CI_COMMIT_SHA", head.as_str()),
    ];
    let apply = gitlab_stage("kkp-terraform-apply", &repo, &forge, &push);
    assert_eq!(apply.code(), 0, "{apply:?}");
    assert!(
        apply.stdout.contains("matches the one reviewed on !7"),
        "{}",
        apply.stdout
    );

    let state = forge
        .with(|s| s.gl_states.get("terraform-aws").cloned())
        .expect("state stored in GitLab");
    assert!(state.contains("\"terraform_version\""), "{state}");
    let state_hits = forge.hits("/terraform/state/terraform-aws");
    assert!(
        state_hits.iter().all(|h| h.authorized),
        "every state request carries the job token: {state_hits:?}"
    );
    assert!(
        state_hits
            .iter()
            .any(|h| h.method == "POST" && h.path.ends_with("/lock")),
        "the apply locked the state"
    );
    assert!(
        state_hits
            .iter()
            .any(|h| h.method == "DELETE" && h.path.ends_with("/lock")),
        "and unlocked it"
    );
    assert!(forge.with(|s| s.gl_locks.is_empty()));

    // A lock held by another job.
    forge.with(|s| {
        s.gl_locks.insert(
            "terraform-aws".into(),
            r#"{"ID":"5d8c1f3e-1111-2222-3333-444455556666","Operation":"OperationTypeApply","Info":"","Who":"runner@ci-7","Version":"1.15.5","Created":"2026-11-28T10:00:00Z","Path":""}"#.into(),
        )
    });
    let locked = gitlab_stage("kkp-terraform-plan", &repo, &forge, &mr);
    assert_eq!(locked.code(), 1, "{locked:?}");
    assert!(
        locked.stderr.contains("the state is locked by another run"),
        "{}",
        locked.stderr
    );
    assert!(
        locked.stderr.contains("runner@ci-7") && locked.stderr.contains("Created:"),
        "{}",
        locked.stderr
    );
}

// ------------------------------------------------ GCS on gcp-storage-emulator, with gcloud

struct GcsEmulator {
    child: Child,
    url: String,
}

impl Drop for GcsEmulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn backend_prepare_creates_a_gcs_bucket_and_plan_uses_it() {
    let Some(emulator) = tool(&tools_dir().join("venv/bin/gcp-storage-emulator")) else {
        return;
    };
    let Some(gcloud) = tool(Path::new("/usr/bin/gcloud")) else {
        return;
    };
    if tool(&tools_dir().join("bin/terraform")).is_none() {
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(emulator)
        .args([
            "start",
            "-H",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--in-memory",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let gcs = GcsEmulator {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let repo = Repo::new();
    repo.commit(&[
        ("terraform/gce/backend.tf", "terraform {\n  backend \"gcs\" {\n    bucket = \"tf-state-kkp-gce\"\n    prefix = \"terraform-kkp\"\n  }\n}\n"),
        ("terraform/gce/main.tf", "resource \"terraform_data\" \"vm\" {\n  input = \"vm\"\n}\n"),
        ("terraform/gce/emulator.gcs.tfbackend", &format!("access_token = \"dummy\"\nstorage_custom_endpoint = \"{}/storage/v1/\"\n", gcs.url)),
    ]);
    let cfg = tempfile::tempdir().unwrap();
    let token = cfg.path().join("token");
    std::fs::write(&token, "dummy-gcs-token\n").unwrap();
    let tf = tools_dir().join("bin/terraform").display().to_string();
    let rc = tools_dir().join("empty.tfrc").display().to_string();
    let (gcloud, cfg_dir, token, endpoint, dir) = (
        gcloud.display().to_string(),
        cfg.path().display().to_string(),
        token.display().to_string(),
        format!("{}/", gcs.url),
        repo.path().display().to_string(),
    );
    let env: Vec<(&str, &str)> = vec![
        ("KKP_TERRAFORM_BIN", &tf),
        ("KKP_GCLOUD_BIN", &gcloud),
        ("TF_CLI_CONFIG_FILE", &rc),
        ("KKP_FORCE", "true"),
        ("KKP_WORKING_DIRECTORY", "terraform/gce"),
        ("KKP_BACKEND_CONFIG", "terraform/gce/emulator.gcs.tfbackend"),
        ("KKP_GCS_LOCATION", "europe-west3"),
        ("CLOUDSDK_CONFIG", &cfg_dir),
        ("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE", &token),
        ("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE", &endpoint),
        ("CLOUDSDK_CORE_PROJECT", "kkp-test"),
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "workflow_dispatch"),
        ("GITHUB_REPOSITORY", "acme/kkp"),
        ("GITHUB_WORKSPACE", &dir),
    ];
    let r = run("kkp-terraform-backend-prepare", &[], &env, repo.path());
    assert_eq!(r.code(), 0, "{r:?}");
    assert!(
        r.stdout
            .contains("state bucket gs://tf-state-kkp-gce ready (bucket created, versioning on"),
        "{}",
        r.stdout
    );
    let again = run("kkp-terraform-backend-prepare", &[], &env, repo.path());
    assert_eq!(again.code(), 0, "{again:?}");
    assert!(
        again.stdout.contains("bucket already exists and is yours"),
        "{}",
        again.stdout
    );
    let plan = run("kkp-terraform-plan", &[], &env, repo.path());
    assert_eq!(plan.code(), 0, "{plan:?}");
    assert_eq!(plan.output("create").as_deref(), Some("1"));
}
