//! Bitbucket Code Insights (docs/REFERENCES.md, "Bitbucket: Code Insights"): one report per
//! stage and commit, with annotations posted at most 100 per request and 1000 per report.
//! Findings beyond 1000 are counted in the report's details, which point at the job log.
//!
//! With a token the API is called directly; without one, from inside Pipelines, requests go
//! through the authless proxy (`localhost:29418`, or `host.docker.internal:29418` inside a pipe).

use serde_json::{json, Value};

use crate::context::Context;
use crate::git::Git;
use crate::platform::http::{classify, ApiError, Attempt};
use crate::platform::{InsightsReport, Published};
use crate::report::codequality::fingerprint;
use crate::report::model::{Finding, Level};

use super::api::Host;
use super::detect::DEFAULT_API_URL;

pub const ANNOTATIONS_PER_REQUEST: usize = 100;
pub const ANNOTATIONS_PER_REPORT: usize = 1000;
/// Bitbucket rejects annotation summaries longer than this.
const SUMMARY_MAX: usize = 450;

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

impl Host {
    /// Publishes `report` as a Code Insights report on the built commit: one report per stage
    /// and commit, its findings as annotations.
    pub async fn publish_insights(
        &self,
        ctx: &Context,
        report: &InsightsReport<'_>,
    ) -> Result<Published, ApiError> {
        let http = self.http.as_ref().map_err(Clone::clone)?;
        let commit = ctx
            .head_sha
            .clone()
            .ok_or_else(|| ApiError::Other("BITBUCKET_COMMIT is not set".to_owned()))?;
        // Reports must name the full commit; Bitbucket may give us 12 characters.
        let commit = Git::new(&ctx.workspace).resolve(&commit).unwrap_or(commit);
        let base =
            match &self.token {
                Some(_) => self.api_url.clone(),
                None if self.api_url != DEFAULT_API_URL => return Err(ApiError::NoToken {
                    hint:
                        "a custom BITBUCKET_API_URL needs BITBUCKET_ACCESS_TOKEN for Code Insights"
                            .to_owned(),
                }),
                // The proxy adds the credentials; it serves plain HTTP.
                None => "http://api.bitbucket.org/2.0".to_owned(),
            };
        let report_url = format!(
            "{base}/repositories/{}/{}/commit/{commit}/reports/{}",
            self.workspace, self.slug, report.id
        );
        let with_auth = |rb: reqwest::RequestBuilder| match &self.token {
            Some(t) => super::api::WithToken::with_token(rb, t),
            None => rb,
        };
        let send = |rb: reqwest::RequestBuilder, what: &'static str| async move {
            let resp = rb
                .send()
                .await
                .map_err(|e| ApiError::Other(format!("{what}: {}", e.without_url())))?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let body = resp.text().await.unwrap_or_default();
            match classify::<()>(status, &headers, &body, what) {
                Ok(()) => Ok(()),
                Err(Attempt::Fail(e)) => Err(e),
                Err(Attempt::Retry { .. }) => Err(ApiError::Other(format!(
                    "{what}: HTTP {}: {}",
                    status.as_u16(),
                    truncate(&body, 200)
                ))),
                Err(Attempt::Done(())) => Ok(()),
            }
        };
        // Deleting first clears the annotations of an earlier run on the same commit.
        let _ = send(
            with_auth(http.delete(&report_url)),
            "deleting the old report",
        )
        .await;
        let findings = report.findings;
        let shown = findings.len().min(ANNOTATIONS_PER_REPORT);
        let left_out = findings.len() - shown;
        let mut details = report.details.to_owned();
        if left_out > 0 {
            details.push_str(&format!(
                " {left_out} more findings are not annotated (Bitbucket keeps at most {ANNOTATIONS_PER_REPORT} per report); the job log lists them all."
            ));
        }
        if report.metrics.len() > 10 {
            details.push_str(&format!(
                " Bitbucket shows 10 data fields; {} more are in the job log.",
                report.metrics.len() - 10
            ));
        }
        let data: Vec<Value> = report
            .metrics
            .iter()
            .take(10)
            .map(|(title, value)| json!({"title": title, "type": "NUMBER", "value": value}))
            .collect();
        let body = json!({
            "title": report.title,
            "details": truncate(&details, 2000),
            "report_type": "BUG",
            "reporter": "kkp-delivery",
            "result": if report.passed { "PASSED" } else { "FAILED" },
            "data": data,
        });
        send(
            with_auth(http.put(&report_url).json(&body)),
            "creating the report",
        )
        .await?;
        for chunk in findings[..shown].chunks(ANNOTATIONS_PER_REQUEST) {
            let body: Vec<Value> = chunk.iter().map(|f| annotation(report.check, f)).collect();
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
}
