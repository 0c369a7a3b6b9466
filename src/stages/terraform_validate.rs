//! `terraform-validate`: `init -backend=false`, `validate -json`, `fmt -check -diff`. Every
//! diagnostic becomes a finding with a repository-relative file and line range, published as
//! GitHub annotations, a GitLab Code Quality report or a Bitbucket Code Insights report.

use std::fmt::Write as _;

use anyhow::Context as _;
use serde_json::json;

use crate::context::Platform;
use crate::error::StageError;
use crate::platform::bitbucket::insights;
use crate::publish::{self, FindingsReport};
use crate::report::markdown::escape;
use crate::report::model::{Finding, Level, Outputs};
use crate::tools::process::{Echo, Section};
use crate::tools::terraform::{self, ValidateOutput};

use super::run::{StageResult, StageRun};

/// Largest fmt diff the summary embeds; the job log has all of it.
const DIFF_MAX: usize = 20_000;

pub fn run(sr: &mut StageRun<'_>) -> Result<StageResult, StageError> {
    sr.root_dir()?;
    let terraform = sr.terraform();
    let tf = |args: &[&str]| terraform.cmd(args);
    let failed = |e: anyhow::Error| StageError::Failed(e);
    let platform = sr.ctx.platform;
    let label = sr.dir_label();

    // init: JSON log lines, shown as their messages; on failure its diagnostics are the findings.
    let section = Section::open(
        platform,
        sr.log,
        "kkp_tf_init",
        &format!("terraform init -backend=false ({label})"),
    )
    .map_err(|e| failed(e.into()))?;
    let init = terraform
        .init(false)
        .run(sr.log, Echo::Map(&terraform::log_message), &sr.redactor)
        .map_err(failed)?;
    section.close(sr.log).map_err(|e| failed(e.into()))?;

    let mut findings: Vec<Finding> = Vec::new();
    if init.success() {
        let validate = tf(&["validate", "-json", "-no-color"])
            .run(sr.log, Echo::Quiet, &sr.redactor)
            .map_err(failed)?;
        let parsed: ValidateOutput = serde_json::from_str(&validate.stdout)
            .with_context(|| {
                format!(
                    "terraform validate -json printed no JSON: {}",
                    sr.redactor.mask(validate.stderr.trim())
                )
            })
            .map_err(failed)?;
        findings.extend(
            parsed
                .diagnostics
                .iter()
                .map(|d| d.to_finding(&sr.working_dir)),
        );
    } else {
        let mut diags = terraform::diagnostics_from_log(&init.stdout);
        // init wraps the real problems in one diagnostic without a location; keep only the
        // located ones when there are any.
        if diags.iter().any(|d| d.range.is_some()) {
            diags.retain(|d| d.range.is_some());
        }
        if diags.is_empty() {
            return Err(failed(anyhow::anyhow!(
                "terraform init failed: {}",
                sr.redactor.mask(init.stderr.trim())
            )));
        }
        findings.extend(diags.iter().map(|d| d.to_finding(&sr.working_dir)));
    }

    let fmt = tf(&["fmt", "-check", "-diff", "-recursive", "-no-color"])
        .run(sr.log, Echo::Quiet, &sr.redactor)
        .map_err(failed)?;
    let (unformatted, diff) = terraform::parse_fmt(&fmt.stdout, &sr.working_dir);
    for file in &unformatted {
        let mut f = Finding::new(
            Level::Error,
            "The file is not in canonical format; run `terraform fmt` and commit the result.",
        );
        f.title = Some("terraform fmt".to_owned());
        f.file = Some(file.clone());
        findings.push(f);
    }

    // Worst first, then by place: the order annotations are budgeted and reports are read in.
    findings.sort_by(|a, b| {
        (a.level, &a.file, a.line, a.column).cmp(&(b.level, &b.file, b.line, b.column))
    });

    // Every finding in the log, so nothing any platform limit drops is lost.
    let section = Section::open(
        platform,
        sr.log,
        "kkp_tf_findings",
        &format!("{} finding(s) in {label}", findings.len()),
    )
    .map_err(|e| failed(e.into()))?;
    for f in &findings {
        let place = match (&f.file, f.line) {
            (Some(p), Some(l)) => format!("{p}:{l}: "),
            (Some(p), None) => format!("{p}: "),
            _ => String::new(),
        };
        writeln!(
            sr.log,
            "{} {place}{}: {}",
            f.level.command(),
            f.title.as_deref().unwrap_or(""),
            crate::report::markdown::one_line(&f.message)
        )
        .map_err(|e| failed(e.into()))?;
    }
    section.close(sr.log).map_err(|e| failed(e.into()))?;

    let errors = findings.iter().filter(|f| f.level == Level::Error).count();
    let warnings = findings
        .iter()
        .filter(|f| f.level == Level::Warning)
        .count();
    let success = errors == 0;
    let headline = if success {
        format!(
            "{label} is valid and formatted ({warnings} warning{})",
            if warnings == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{label}: {} validation error{}, {} unformatted file{}",
            errors - unformatted.len(),
            if errors - unformatted.len() == 1 {
                ""
            } else {
                "s"
            },
            unformatted.len(),
            if unformatted.len() == 1 { "" } else { "s" }
        )
    };

    let mut md = String::new();
    let _ = writeln!(
        md,
        "### {} `terraform-validate` in `{}`: {}\n",
        if success { "✅" } else { "❌" },
        escape(&label),
        escape(&headline)
    );
    if !unformatted.is_empty() {
        let _ = writeln!(
            md,
            "**Not formatted:** {}\n",
            unformatted
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let shown: String = diff.chars().take(DIFF_MAX).collect();
        let _ = writeln!(
            md,
            "<details><summary>terraform fmt -diff</summary>\n\n```diff\n{shown}\n```\n"
        );
        if diff.len() > DIFF_MAX {
            let _ = writeln!(
                md,
                "The diff is cut at {DIFF_MAX} characters; the job log has all of it.\n"
            );
        }
        md.push_str("</details>\n\n");
    }

    let report = FindingsReport {
        check: "terraform-validate",
        findings: &findings,
        summary: md,
        default_path: label.clone(),
    };
    let mut outputs = Outputs::default();
    outputs.set("errors", (errors - unformatted.len()).to_string());
    outputs.set("warnings", warnings.to_string());
    outputs.set("unformatted", unformatted.len().to_string());
    match platform {
        Platform::Bitbucket => {
            let data = vec![
                json!({"title": "Errors", "type": "NUMBER", "value": errors - unformatted.len()}),
                json!({"title": "Warnings", "type": "NUMBER", "value": warnings}),
                json!({"title": "Unformatted files", "type": "NUMBER", "value": unformatted.len()}),
            ];
            let id = format!("kkp-terraform-validate-{}", label.replace(['/', '.'], "-"));
            let spec = insights::ReportSpec {
                id: &id,
                title: &format!("terraform validate ({label})"),
                details: &headline,
                passed: success,
                data,
                check: "terraform-validate",
            };
            let published = sr.rt.block_on(insights::publish(
                sr.ctx,
                sr.api.token.as_ref(),
                spec,
                &findings,
            ));
            match published {
                Ok(p) => writeln!(sr.log, "INFO: Code Insights report {id}: {} annotation(s), {} left out", p.annotations, p.left_out),
                Err(e) => writeln!(sr.log, "WARNING: the Code Insights report could not be published ({e}); the findings above are complete"),
            }
            .map_err(|e| failed(e.into()))?;
        }
        _ => publish::publish_findings(sr.ctx, sr.stage, &report, sr.sinks, sr.log)
            .map_err(failed)?,
    }
    Ok(StageResult {
        success,
        headline,
        outputs,
    })
}
