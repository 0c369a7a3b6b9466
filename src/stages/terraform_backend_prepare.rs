//! `terraform-backend-prepare`: makes sure the state backend exists before the first plan.
//!
//! - S3: the bucket with versioning, default encryption and the public access block, and the
//!   optional DynamoDB lock table (S3-native `use_lockfile` locking needs no table). Uses the
//!   official `aws` CLI, so credentials stay in its own environment handling and no request
//!   signing is written here. Idempotent: a bucket we already own is success; a name taken by
//!   someone else is a clear failure.
//! - GCS: the bucket with uniform access, public access prevention and versioning, through the
//!   official `gcloud` CLI. GCS locks state natively, so there is no lock table.
//! - State the host manages itself: nothing to create. Its HTTP backend is configured through
//!   `TF_HTTP_*` variables (never `-backend-config`, which would be stored in the plan), exported
//!   as outputs for later jobs; the password is never exported.

use super::Scope;
use crate::env::vars;
use crate::tools::TERRAFORM;
use std::fmt::Write as _;
use std::io::Write;

use crate::error::{StageError, UsageError};
use crate::platform::ManagedState;
use crate::report::model::Report;
use crate::text::{escape, one_line};
use crate::tools::backend::{self, BackendConfig};
use crate::tools::fold::Fold;
use crate::tools::runner::{Echo, Runner, ToolCommand};
use crate::tools::{AWS, GCLOUD};

use super::terraform::BackendArgs;
use super::{OutputInfo, Stage, StageCx, StageInfo, PUSH_DEFAULT_ONLY};

pub struct TerraformBackendPrepare;

#[derive(clap::Args, Clone, Debug)]
pub struct PrepareArgs {
    #[command(flatten)]
    pub backend: BackendArgs,
    /// Where a new GCS state bucket is created (a GCS location such as EU, US or europe-west3)
    #[arg(long, value_name = "LOCATION", default_value = "EU")]
    pub gcs_location: String,
}

const INFO: StageInfo = StageInfo {
    name: "terraform-backend-prepare",
    about:
        "create the Terraform state bucket and lock (idempotent), or use the state the host manages",
    default_run_on: PUSH_DEFAULT_ONLY,
    outputs: &[
        OutputInfo {
            name: "bucket",
            about: "The S3 state bucket",
        },
        OutputInfo {
            name: "region",
            about: "The S3 bucket's region",
        },
        OutputInfo {
            name: "state-name",
            about: "The host-managed state's name (where the host manages the state)",
        },
        OutputInfo {
            name: "TF_HTTP_ADDRESS",
            about: "The managed state's address (where the host manages the state)",
        },
        OutputInfo {
            name: "TF_HTTP_LOCK_ADDRESS",
            about: "The managed state's lock address (where the host manages the state)",
        },
        OutputInfo {
            name: "TF_HTTP_LOCK_METHOD",
            about: "The lock method (where the host manages the state)",
        },
        OutputInfo {
            name: "TF_HTTP_UNLOCK_ADDRESS",
            about: "The managed state's unlock address (where the host manages the state)",
        },
        OutputInfo {
            name: "TF_HTTP_UNLOCK_METHOD",
            about: "The unlock method (where the host manages the state)",
        },
        OutputInfo {
            name: "TF_HTTP_USERNAME",
            about: "The managed state's user name (where the host manages the state)",
        },
        OutputInfo {
            name: "TF_HTTP_RETRY_WAIT_MIN",
            about: "Seconds between state retries (where the host manages the state)",
        },
    ],
    scope: Scope::TerraformState,
    after: &["terraform-validate"],
    hands_on: &[],
    plan_counts: false,
    tools: &[TERRAFORM, AWS, GCLOUD],
    variables: &[
        vars::AWS_REGION,
        vars::AWS_DEFAULT_REGION,
        vars::AWS_ACCESS_KEY_ID,
        vars::AWS_SECRET_ACCESS_KEY,
    ],
};

impl Stage for TerraformBackendPrepare {
    type Args = PrepareArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &PrepareArgs) -> Result<Report, StageError> {
        let dir = cx.root_dir()?;
        let cfg = backend::read(&dir, args.backend.file(cx).as_deref())
            .map_err(|e| StageError::Failed(e.into()))?;
        let label = cx.dir_label();
        let name = args.backend.state_name(&label);
        let mut report = match (cx.forge.managed_terraform_state(&name), cfg.kind.as_deref()) {
            (Some(state), _) => managed_state(cx, state, &name, &label)?,
            (None, Some("s3")) => s3(cx, &cfg, &label)?,
            (None, Some("gcs")) => gcs(cx, &cfg, &label, &args.gcs_location)?,
            (None, kind) => Report::new(
                true,
                format!(
                    "{label}: the `{}` backend needs no preparation",
                    kind.unwrap_or("local")
                ),
                label.clone(),
            ),
        };
        let icon = if report.success { "✅" } else { "❌" };
        report.summary = format!(
            "### {icon} `terraform-backend-prepare`\n\n{}\n\n",
            escape(&report.headline)
        );
        Ok(report)
    }
}

/// State the host manages: nothing to create. Later jobs use the `TF_HTTP_*` settings,
/// exported as outputs; the password is never exported.
fn managed_state(
    cx: &mut StageCx<'_>,
    state: ManagedState,
    name: &str,
    label: &str,
) -> Result<Report, StageError> {
    let what = state.description;
    let mut report = Report::new(
        true,
        format!("{label}: {what} `{name}` (HTTP backend configured through TF_HTTP_* variables)"),
        label,
    );
    for (k, v) in state.vars {
        report.outputs.set(&k, v);
    }
    report.outputs.set("state-name", name);
    cx.say(&format!(
        "{what} `{name}` for {label}: nothing to create; later stages use TF_HTTP_* with {}",
        state.password_var
    ))?;
    Ok(report)
}

/// What one `aws` call answered.
struct AwsResult {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// The bucket a backend block names; a usage error naming the setting when it names none.
fn bucket_of(cfg: &BackendConfig, kind: &str) -> Result<String, StageError> {
    cfg.get("bucket").map(str::to_owned).ok_or_else(|| {
        UsageError::missing(
            "bucket",
            &format!("the backend \"{kind}\" block (or --backend-config) must name the bucket"),
        )
        .into()
    })
}

/// Runs one cloud CLI call inside the backend's log section, showing the command first.
fn cli_call(
    runner: &Runner,
    fold: &mut Fold<'_>,
    cmd: &ToolCommand,
    shown_args: &[&str],
) -> Result<AwsResult, StageError> {
    writeln!(fold, "$ {} {}", cmd.tool.name, shown_args.join(" "))
        .map_err(|e| StageError::Failed(e.into()))?;
    let out = runner
        .run(cmd, fold, Echo::Quiet)
        .map_err(StageError::Failed)?;
    Ok(AwsResult {
        ok: out.success(),
        stdout: out.stdout,
        stderr: out.stderr,
    })
}

fn s3(cx: &mut StageCx<'_>, cfg: &BackendConfig, label: &str) -> Result<Report, StageError> {
    let io = |e: std::io::Error| StageError::Failed(e.into());
    let bucket = bucket_of(cfg, "s3")?;
    let region = cfg
        .get("region")
        .map(str::to_owned)
        .or_else(|| cx.env.get(vars::AWS_REGION).map(str::to_owned))
        .or_else(|| cx.env.get(vars::AWS_DEFAULT_REGION).map(str::to_owned))
        .ok_or_else(|| {
            UsageError::missing("AWS_REGION", "set the backend's region, or AWS_REGION")
        })?;
    let dir = cx.dir();
    let (env, runner) = (cx.env, &cx.runner);
    let mut fold = Fold::open(
        cx.folds,
        &mut *cx.log,
        "kkp_backend",
        &format!("S3 state bucket {bucket} ({region})"),
    )
    .map_err(io)?;
    let mut steps: Vec<String> = Vec::new();
    let mut call = |args: &[&str]| -> Result<AwsResult, StageError> {
        let cmd = AWS
            .command(env, &dir, args)
            .arg("--region")
            .arg(region.clone())
            .arg("--output")
            .arg("json")
            .env("AWS_PAGER", "");
        cli_call(runner, &mut fold, &cmd, args)
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
        let created = call(&args)?;
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
            let r = call(&args)?;
            if !r.ok {
                return Ok(Err(format!(
                    "setting {what} on {bucket} failed: {}",
                    one_line(r.stderr.trim())
                )));
            }
            steps.push(what.to_owned());
        }
        let versioning = call(&["s3api", "get-bucket-versioning", "--bucket", &bucket])?;
        if !versioning.stdout.contains("Enabled") {
            return Ok(Err(format!(
                "versioning on {bucket} did not read back as Enabled"
            )));
        }
        if let Some(table) = cfg.get("dynamodb_table") {
            let d = call(&["dynamodb", "describe-table", "--table-name", table])?;
            if d.ok {
                steps.push(format!("lock table {table} exists"));
            } else if d.stderr.contains("ResourceNotFoundException") {
                let c = call(&[
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
                ])?;
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
    fold.close().map_err(io)?;
    let lock = if cfg.get("use_lockfile") == Some("true") {
        "S3 lock file (use_lockfile)".to_owned()
    } else if let Some(t) = cfg.get("dynamodb_table") {
        format!("DynamoDB table {t}")
    } else {
        "none: add `use_lockfile = true` to the backend".to_owned()
    };
    let mut report = match outcome {
        Ok(()) => {
            let mut headline = String::new();
            let _ = write!(
                headline,
                "{label}: state bucket {bucket} ready ({}); locking: {lock}",
                steps.join(", ")
            );
            Report::new(true, headline, label)
        }
        Err(why) => Report::failed(why, label),
    };
    report.outputs.set("bucket", bucket.clone());
    report.outputs.set("region", region.clone());
    Ok(report)
}

fn gcs(
    cx: &mut StageCx<'_>,
    cfg: &BackendConfig,
    label: &str,
    location: &str,
) -> Result<Report, StageError> {
    let io = |e: std::io::Error| StageError::Failed(e.into());
    let bucket = bucket_of(cfg, "gcs")?;
    let dir = cx.dir();
    let url = format!("gs://{bucket}");
    let (env, runner) = (cx.env, &cx.runner);
    let mut fold = Fold::open(
        cx.folds,
        &mut *cx.log,
        "kkp_backend",
        &format!("GCS state bucket {url} ({location})"),
    )
    .map_err(io)?;
    let mut call = |args: &[&str]| -> Result<AwsResult, StageError> {
        let mut cmd = GCLOUD.command(env, &dir, &["storage"]);
        cmd.args.extend(args.iter().map(|s| (*s).to_owned()));
        let shown: Vec<&str> = std::iter::once("storage")
            .chain(args.iter().copied())
            .collect();
        cli_call(runner, &mut fold, &cmd.arg("--quiet"), &shown)
    };
    let location_arg = format!("--location={location}");
    let created = call(&[
        "buckets",
        "create",
        &url,
        &location_arg,
        "--uniform-bucket-level-access",
        "--public-access-prevention",
    ])?;
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
            let updated = call(&[
                "buckets",
                "update",
                &url,
                "--versioning",
                "--public-access-prevention",
            ])?;
            if !updated.ok {
                Err(format!(
                    "enabling versioning on {bucket} failed: {}",
                    one_line(updated.stderr.trim())
                ))
            } else {
                let described = call(&["buckets", "describe", &url, "--format=json"])?;
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
    fold.close().map_err(io)?;
    let mut report = match outcome {
        Ok(()) => Report::new(
            true,
            format!(
                "{label}: state bucket {url} ready ({}); locking: GCS native",
                steps.join(", ")
            ),
            label,
        ),
        Err(why) => Report::failed(why, label),
    };
    report.outputs.set("bucket", bucket.clone());
    Ok(report)
}
