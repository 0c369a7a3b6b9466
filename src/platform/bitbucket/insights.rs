//! Bitbucket Code Insights (platform-facts §3.5): one report per stage and commit, with
//! annotations posted at most 100 per request and 1000 per report. Findings beyond 1000 are
//! counted in the report's details, which point at the job log.
//!
//! With a token the API is called directly; without one, from inside Pipelines, requests go
//! through the authless proxy (`localhost:29418`, or `host.docker.internal:29418` inside a pipe).

use std::time::Duration;

use serde_json::{json, Value};

use crate::changes::git::Git;
use crate::context::{Context, RepoRef};
use crate::platform::http::{ApiError, Token};
use crate::report::codequality::fingerprint;
use crate::report::model::{Finding, Level};

use super::detect::DEFAULT_API_URL;

pub const ANNOTATIONS_PER_REQUEST: usize = 100;
pub const ANNOTATIONS_PER_REPORT: usize = 1000;
/// Bitbucket rejects annotation summaries longer than this.
const SUMMARY_MAX: usize = 450;

/// What a published report contained.
#[derive(Debug)]
pub struct Published {
    pub annotations: usize,
    pub left_out: usize,
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn annotation(check: &str, f: &Finding) -> Value {
    let mut a = json!({
        "external_id": fingerprint(check, f),
        "title": f.title.clone().unwrap_or_else(|| check.to_owned()),
        "annotation_type": if f.level == Level::Error { "BUG" } else { "CODE_SMELL" },
        "summary": truncate(&f.message, SUMMARY_MAX),
        "details": f.message,
        "severity": match f.level { Level::Error => "HIGH", Level::Warning => "MEDIUM", Level::Notice => "LOW" },
        "result": "FAILED",
    });
    if let Some(p) = &f.file {
        a["path"] = json!(p);
    }
    if let Some(l) = f.line {
        a["line"] = json!(l);
    }
    a
}

/// The report itself: what Bitbucket shows above the annotations.
pub struct ReportSpec<'a> {
    /// Unique per commit; prefixed with the tool name.
    pub id: &'a str,
    pub title: &'a str,
    pub details: &'a str,
    pub passed: bool,
    /// At most 10 data fields (`{title, type, value}`).
    pub data: Vec<Value>,
    /// The check name used in annotation ids.
    pub check: &'a str,
}

/// Publishes `findings` as the Code Insights report `spec.id` on the built commit.
pub async fn publish(
    ctx: &Context,
    token: Option<&Token>,
    spec: ReportSpec<'_>,
    findings: &[Finding],
) -> Result<Published, ApiError> {
    let ReportSpec {
        id: report_id,
        title,
        details,
        passed,
        data,
        check,
    } = spec;
    let RepoRef::Bitbucket {
        workspace,
        slug,
        api_url,
    } = &ctx.repo
    else {
        return Err(ApiError::Other("not a Bitbucket repository".to_owned()));
    };
    let commit = ctx
        .head_sha
        .clone()
        .ok_or_else(|| ApiError::Other("BITBUCKET_COMMIT is not set".to_owned()))?;
    // Reports must name the full commit; Bitbucket may give us 12 characters.
    let commit = Git::new(&ctx.workspace).resolve(&commit).unwrap_or(commit);
    let mut builder = reqwest::Client::builder().timeout(Duration::from_secs(30));
    let base = match token {
        Some(_) => api_url.clone(),
        None => {
            if api_url != DEFAULT_API_URL {
                return Err(ApiError::NoToken {
                    hint:
                        "a custom BITBUCKET_API_URL needs BITBUCKET_ACCESS_TOKEN for Code Insights"
                            .to_owned(),
                });
            }
            let proxy_host = if ctx.in_bitbucket_pipe {
                "host.docker.internal"
            } else {
                "localhost"
            };
            let proxy = reqwest::Proxy::http(format!("http://{proxy_host}:29418"))
                .map_err(|e| ApiError::Other(e.to_string()))?;
            builder = builder.proxy(proxy);
            "http://api.bitbucket.org/2.0".to_owned()
        }
    };
    let http = builder
        .build()
        .map_err(|e| ApiError::Other(e.to_string()))?;
    let report_url =
        format!("{base}/repositories/{workspace}/{slug}/commit/{commit}/reports/{report_id}");
    let with_auth = |rb: reqwest::RequestBuilder| match token {
        Some(t) => rb.bearer_auth(t.expose()),
        None => rb,
    };
    let send = |rb: reqwest::RequestBuilder, what: &'static str| async move {
        let resp = rb
            .send()
            .await
            .map_err(|e| ApiError::Other(format!("{what}: {}", e.without_url())))?;
        let status = resp.status();
        if status.is_success() {
            Ok(())
        } else {
            let body = resp.text().await.unwrap_or_default();
            Err(match status.as_u16() {
                401 | 403 => ApiError::Auth {
                    status: status.as_u16(),
                    message: truncate(&body, 200),
                },
                _ => ApiError::Other(format!("{what}: HTTP {status}: {}", truncate(&body, 200))),
            })
        }
    };
    // Deleting first clears the annotations of an earlier run on the same commit.
    let _ = send(
        with_auth(http.delete(&report_url)),
        "deleting the old report",
    )
    .await;
    let shown = findings.len().min(ANNOTATIONS_PER_REPORT);
    let left_out = findings.len() - shown;
    let mut details = details.to_owned();
    if left_out > 0 {
        details.push_str(&format!(
            " {left_out} more findings are not annotated (Bitbucket keeps at most {ANNOTATIONS_PER_REPORT} per report); the job log lists them all."
        ));
    }
    let report = json!({
        "title": title,
        "details": truncate(&details, 2000),
        "report_type": "BUG",
        "reporter": "kkp-delivery",
        "result": if passed { "PASSED" } else { "FAILED" },
        "data": data,
    });
    send(
        with_auth(http.put(&report_url).json(&report)),
        "creating the report",
    )
    .await?;
    for chunk in findings[..shown].chunks(ANNOTATIONS_PER_REQUEST) {
        let body: Vec<Value> = chunk.iter().map(|f| annotation(check, f)).collect();
        send(
            with_auth(http.post(format!("{report_url}/annotations")).json(&body)),
            "posting annotations",
        )
        .await?;
    }
    Ok(Published {
        annotations: shown,
        left_out,
    })
}
