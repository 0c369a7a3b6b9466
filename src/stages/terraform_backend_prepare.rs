//! `terraform-backend-prepare`: makes sure the state backend exists before the first plan.
//!
//! - S3: the bucket with versioning, default encryption and the public access block, and the
//!   optional DynamoDB lock table (S3-native `use_lockfile` locking needs no table). Uses the
//!   official `aws` CLI, so credentials stay in its own environment handling and no request
//!   signing is written here. Idempotent: a bucket we already own is success; a name taken by
//!   someone else is a clear failure.
//! - GCS: the bucket with uniform access, public access prevention and versioning, through the
//!   official `gcloud` CLI. GCS locks state natively, so there is no lock table.
//! - GitLab: nothing to create. The GitLab-managed HTTP backend is configured through
//!   `TF_HTTP_*` variables (never `-backend-config`, which would be stored in the plan), exported
//!   in the dotenv report for later jobs; the password is never exported.

use std::fmt::Write as _;
use std::io::Write;

use crate::context::Platform;
use crate::env::vars;
use crate::error::{StageError, UsageError};
use crate::report::markdown::{escape, one_line};
use crate::report::model::Outputs;
use crate::tools::backend::{self, BackendConfig};
use crate::tools::process::{tool_path, Echo, Section, ToolCommand};

use super::run::{StageResult, StageRun};

pub fn run(sr: &mut StageRun<'_>) -> Result<StageResult, StageError> {
    let dir = sr.root_dir()?;
    let cfg = backend::read(&dir, sr.backend_config.as_deref())
        .map_err(|e| StageError::Failed(e.into()))?;
    let label = sr.dir_label();
    let result = match (sr.ctx.platform, cfg.kind.as_deref()) {
        (Platform::GitLab, _) => gitlab_state(sr, &label),
        (_, Some("s3")) => s3(sr, &cfg, &label),
        (_, Some("gcs")) => gcs(sr, &cfg, &label),
        (_, kind) => Ok(StageResult {
            success: true,
            headline: format!(
                "{label}: the `{}` backend needs no preparation",
                kind.unwrap_or("local")
            ),
            outputs: Outputs::default(),
        }),
    }?;
    if let Some(path) = &sr.sinks.github_summary {
        let icon = if result.success { "✅" } else { "❌" };
        crate::publish::append(
            path,
            &format!(
                "### {icon} `terraform-backend-prepare`\n\n{}\n\n",
                escape(&result.headline)
            ),
        )
        .map_err(StageError::Failed)?;
    }
    Ok(result)
}

/// The GitLab-managed state address for a root (platform-facts §2.8).
pub fn gitlab_state_address(api_url: &str, project: &str, state_name: &str) -> String {
    let encoded: String = state_name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{api_url}/projects/{project}/terraform/state/{encoded}")
}

/// The non-secret `TF_HTTP_*` settings for the GitLab-managed state of `state_name`.
pub fn gitlab_http_env(api_url: &str, project: &str, state_name: &str) -> Vec<(String, String)> {
    let address = gitlab_state_address(api_url, project, state_name);
    vec![
        ("TF_HTTP_ADDRESS".into(), address.clone()),
        ("TF_HTTP_LOCK_ADDRESS".into(), format!("{address}/lock")),
        ("TF_HTTP_LOCK_METHOD".into(), "POST".into()),
        ("TF_HTTP_UNLOCK_ADDRESS".into(), format!("{address}/lock")),
        ("TF_HTTP_UNLOCK_METHOD".into(), "DELETE".into()),
        ("TF_HTTP_USERNAME".into(), "gitlab-ci-token".into()),
        ("TF_HTTP_RETRY_WAIT_MIN".into(), "5".into()),
    ]
}

/// The state name for a root: `KKP_STATE_NAME`, else the folder with `/` as `-`.
pub fn state_name(sr: &StageRun<'_>) -> String {
    sr.env
        .get("KKP_STATE_NAME")
        .map(str::to_owned)
        .unwrap_or_else(|| {
            let l = sr.dir_label();
            if l == "." {
                "default".to_owned()
            } else {
                l.replace('/', "-")
            }
        })
}

fn gitlab_state(sr: &mut StageRun<'_>, label: &str) -> Result<StageResult, StageError> {
    let crate::context::RepoRef::GitLab { project, api_url } = &sr.ctx.repo else {
        return Err(StageError::Failed(anyhow::anyhow!("not a GitLab project")));
    };
    let name = state_name(sr);
    let mut outputs = Outputs::default();
    for (k, v) in gitlab_http_env(api_url, project, &name) {
        outputs.set(&k, v);
    }
    outputs.set("state-name", name.clone());
    writeln!(sr.log, "GitLab-managed Terraform state `{name}` for {label}: nothing to create; later stages use TF_HTTP_* with CI_JOB_TOKEN").map_err(|e| StageError::Failed(e.into()))?;
    Ok(StageResult {
        success: true,
        headline: format!("{label}: GitLab-managed state `{name}` (HTTP backend configured through TF_HTTP_* variables)"),
        outputs,
    })
}

/// What one `aws` call answered.
struct AwsResult {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn s3(sr: &mut StageRun<'_>, cfg: &BackendConfig, label: &str) -> Result<StageResult, StageError> {
    let io = |e: std::io::Error| StageError::Failed(e.into());
    let Some(bucket) = cfg.get("bucket").map(str::to_owned) else {
        return Err(UsageError::missing(
            "bucket",
            "the backend \"s3\" block (or --backend-config) must name the bucket",
        )
        .into());
    };
    let region = cfg
        .get("region")
        .map(str::to_owned)
        .or_else(|| sr.env.get("AWS_REGION").map(str::to_owned))
        .or_else(|| sr.env.get("AWS_DEFAULT_REGION").map(str::to_owned))
        .ok_or_else(|| {
            UsageError::missing("AWS_REGION", "set the backend's region, or AWS_REGION")
        })?;
    let program = tool_path(sr.env, "KKP_AWS_BIN", "aws");
    let dir = sr.dir();
    let section = Section::open(
        sr.ctx.platform,
        sr.log,
        "kkp_backend",
        &format!("S3 state bucket {bucket} ({region})"),
    )
    .map_err(io)?;
    let mut steps: Vec<String> = Vec::new();
    let call = |log: &mut dyn Write, args: &[&str]| -> Result<AwsResult, StageError> {
        let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        all.extend([
            "--region".to_owned(),
            region.clone(),
            "--output".to_owned(),
            "json".to_owned(),
        ]);
        let cmd = ToolCommand {
            program: program.clone(),
            args: all,
            dir: dir.clone(),
            env: sr.env,
            extra_env: vec![("AWS_PAGER".into(), String::new())],
        };
        writeln!(log, "$ aws {}", args.join(" ")).map_err(io)?;
        let out = cmd
            .run(log, Echo::Quiet, &sr.redactor)
            .map_err(StageError::Failed)?;
        Ok(AwsResult {
            ok: out.success(),
            stdout: out.stdout,
            stderr: sr.redactor.mask(&out.stderr),
        })
    };
    let outcome = (|| -> Result<Result<(), String>, StageError> {
        // create-bucket answers ownership exactly: BucketAlreadyOwnedByYou is ours,
        // BucketAlreadyExists is someone else's. (head-bucket cannot tell: it succeeds on any
        // bucket the credentials may read.)
        let mut args = vec!["s3api", "create-bucket", "--bucket", bucket.as_str()];
        let constraint = format!("LocationConstraint={region}");
        if region != "us-east-1" {
            args.extend(["--create-bucket-configuration", constraint.as_str()]);
        }
        let created = call(sr.log, &args)?;
        if created.ok {
            steps.push("bucket created".into());
        } else if created.stderr.contains("BucketAlreadyOwnedByYou") {
            steps.push("bucket already exists and is yours".into());
        } else if created.stderr.contains("BucketAlreadyExists") {
            return Ok(Err(format!("bucket name {bucket} is taken by another AWS account: S3 bucket names are global, choose another name")));
        } else if created.stderr.contains("AccessDenied") || created.stderr.contains("(403)") {
            return Ok(Err(format!(
                "these credentials may not create or use bucket {bucket} (access denied)"
            )));
        } else {
            return Ok(Err(format!(
                "creating bucket {bucket} failed: {}",
                one_line(created.stderr.trim())
            )));
        }
        let settings: [(&str, Vec<&str>); 3] = [
            ("versioning on", vec!["s3api", "put-bucket-versioning", "--bucket", &bucket, "--versioning-configuration", "Status=Enabled"]),
            ("default encryption (AES256)", vec!["s3api", "put-bucket-encryption", "--bucket", &bucket, "--server-side-encryption-configuration", r#"{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}"#]),
            ("public access blocked", vec!["s3api", "put-public-access-block", "--bucket", &bucket, "--public-access-block-configuration", "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"]),
        ];
        for (what, args) in settings {
            let r = call(sr.log, &args)?;
            if !r.ok {
                return Ok(Err(format!(
                    "setting {what} on {bucket} failed: {}",
                    one_line(r.stderr.trim())
                )));
            }
            steps.push(what.to_owned());
        }
        let versioning = call(
            sr.log,
            &["s3api", "get-bucket-versioning", "--bucket", &bucket],
        )?;
        if !versioning.stdout.contains("Enabled") {
            return Ok(Err(format!(
                "versioning on {bucket} did not read back as Enabled"
            )));
        }
        if let Some(table) = cfg.get("dynamodb_table") {
            let d = call(
                sr.log,
                &["dynamodb", "describe-table", "--table-name", table],
            )?;
            if d.ok {
                steps.push(format!("lock table {table} exists"));
            } else if d.stderr.contains("ResourceNotFoundException") {
                let c = call(
                    sr.log,
                    &[
                        "dynamodb",
                        "create-table",
                        "--table-name",
                        table,
                        "--attribute-definitions",
                        "AttributeName=LockID,AttributeType=S",
                        "--key-schema",
                        "AttributeName=LockID,KeyType=HASH",
                        "--billing-mode",
                        "PAY_PER_REQUEST",
                    ],
                )?;
                if !c.ok && !c.stderr.contains("ResourceInUseException") {
                    return Ok(Err(format!(
                        "creating lock table {table} failed: {}",
                        one_line(c.stderr.trim())
                    )));
                }
                steps.push(format!("lock table {table} created"));
            } else {
                return Ok(Err(format!(
                    "checking lock table {table} failed: {}",
                    one_line(d.stderr.trim())
                )));
            }
        }
        Ok(Ok(()))
    })()?;
    section.close(sr.log).map_err(io)?;
    let lock = if cfg.get("use_lockfile") == Some("true") {
        "S3 lock file (use_lockfile)".to_owned()
    } else if let Some(t) = cfg.get("dynamodb_table") {
        format!("DynamoDB table {t}")
    } else {
        "none: add `use_lockfile = true` to the backend".to_owned()
    };
    let mut outputs = Outputs::default();
    outputs.set("bucket", bucket.clone());
    outputs.set("region", region.clone());
    let mut headline = String::new();
    match outcome {
        Ok(()) => {
            let _ = write!(
                headline,
                "{label}: state bucket {bucket} ready ({}); locking: {lock}",
                steps.join(", ")
            );
            Ok(StageResult {
                success: true,
                headline,
                outputs,
            })
        }
        Err(why) => Ok(StageResult {
            success: false,
            headline: why,
            outputs,
        }),
    }
}

/// `TF_HTTP_*` for tool runs on GitLab when the root uses the `http` backend and the job did not
/// set them: the job token is the password, passed only to Terraform's environment.
pub fn gitlab_terraform_env(sr: &StageRun<'_>) -> Vec<(String, String)> {
    let crate::context::RepoRef::GitLab { project, api_url } = &sr.ctx.repo else {
        return Vec::new();
    };
    if sr.env.get("TF_HTTP_ADDRESS").is_some() {
        return Vec::new();
    }
    let is_http = backend::read(&sr.dir(), sr.backend_config.as_deref())
        .is_ok_and(|c| c.kind.as_deref() == Some("http"));
    if !is_http {
        return Vec::new();
    }
    let mut env = gitlab_http_env(api_url, project, &state_name(sr));
    if let (None, Some(token)) = (
        sr.env.get("TF_HTTP_PASSWORD"),
        sr.env.get(vars::CI_JOB_TOKEN),
    ) {
        env.push(("TF_HTTP_PASSWORD".into(), token.to_owned()));
    }
    env
}

fn gcs(sr: &mut StageRun<'_>, cfg: &BackendConfig, label: &str) -> Result<StageResult, StageError> {
    let io = |e: std::io::Error| StageError::Failed(e.into());
    let Some(bucket) = cfg.get("bucket").map(str::to_owned) else {
        return Err(UsageError::missing(
            "bucket",
            "the backend \"gcs\" block (or --backend-config) must name the bucket",
        )
        .into());
    };
    let location = sr
        .env
        .get(vars::KKP_GCS_LOCATION)
        .unwrap_or("EU")
        .to_owned();
    let program = tool_path(sr.env, "KKP_GCLOUD_BIN", "gcloud");
    let dir = sr.dir();
    let url = format!("gs://{bucket}");
    let section = Section::open(
        sr.ctx.platform,
        sr.log,
        "kkp_backend",
        &format!("GCS state bucket {url} ({location})"),
    )
    .map_err(io)?;
    let call = |log: &mut dyn Write, args: &[&str]| -> Result<AwsResult, StageError> {
        let mut all: Vec<String> = vec!["storage".into()];
        all.extend(args.iter().map(|s| s.to_string()));
        all.push("--quiet".into());
        let cmd = ToolCommand {
            program: program.clone(),
            args: all,
            dir: dir.clone(),
            env: sr.env,
            extra_env: Vec::new(),
        };
        writeln!(log, "$ gcloud storage {}", args.join(" ")).map_err(io)?;
        let out = cmd
            .run(log, Echo::Quiet, &sr.redactor)
            .map_err(StageError::Failed)?;
        Ok(AwsResult {
            ok: out.success(),
            stdout: out.stdout,
            stderr: sr.redactor.mask(&out.stderr),
        })
    };
    let location_arg = format!("--location={location}");
    let created = call(
        sr.log,
        &[
            "buckets",
            "create",
            &url,
            &location_arg,
            "--uniform-bucket-level-access",
            "--public-access-prevention",
        ],
    )?;
    let mut steps = Vec::new();
    let outcome: Result<(), String> = (|| {
        if created.ok {
            steps.push("bucket created".to_owned());
        } else if created.stderr.contains("already own") {
            steps.push("bucket already exists and is yours".to_owned());
        } else if created.stderr.contains("409") || created.stderr.contains("not available") {
            return Err(format!("bucket name {bucket} is taken by another project: GCS bucket names are global, choose another name"));
        } else if created.stderr.contains("403") {
            return Err(format!(
                "these credentials may not create or use bucket {bucket} (403)"
            ));
        } else {
            return Err(format!(
                "creating bucket {bucket} failed: {}",
                one_line(created.stderr.trim())
            ));
        }
        Ok(())
    })();
    let outcome = match outcome {
        Ok(()) => {
            let updated = call(
                sr.log,
                &[
                    "buckets",
                    "update",
                    &url,
                    "--versioning",
                    "--public-access-prevention",
                ],
            )?;
            if !updated.ok {
                Err(format!(
                    "enabling versioning on {bucket} failed: {}",
                    one_line(updated.stderr.trim())
                ))
            } else {
                let described = call(sr.log, &["buckets", "describe", &url, "--format=json"])?;
                let versioned = serde_json::from_str::<serde_json::Value>(&described.stdout)
                    .ok()
                    .and_then(|v| {
                        v.get("versioning_enabled")
                            .and_then(serde_json::Value::as_bool)
                    })
                    == Some(true);
                if versioned {
                    steps.extend([
                        "versioning on".to_owned(),
                        "public access prevented".to_owned(),
                    ]);
                    Ok(())
                } else {
                    Err(format!(
                        "versioning on {bucket} did not read back as enabled"
                    ))
                }
            }
        }
        Err(e) => Err(e),
    };
    section.close(sr.log).map_err(io)?;
    let mut outputs = Outputs::default();
    outputs.set("bucket", bucket.clone());
    match outcome {
        Ok(()) => Ok(StageResult {
            success: true,
            headline: format!(
                "{label}: state bucket {url} ready ({}); locking: GCS native",
                steps.join(", ")
            ),
            outputs,
        }),
        Err(why) => Ok(StageResult {
            success: false,
            headline: why,
            outputs,
        }),
    }
}
