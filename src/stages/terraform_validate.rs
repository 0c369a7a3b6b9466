//! `terraform-validate`: `init -backend=false`, `validate -json`, `fmt -check -diff`. Every
//! diagnostic becomes a finding with a repository-relative file and line range, published as
//! annotations and code-quality reports in the host's own form.

use super::Scope;
use crate::tools::TERRAFORM;
use std::fmt::Write as _;

use anyhow::Context as _;

use crate::error::StageError;
use crate::report::model::{Finding, Level, Report};
use crate::text::escape;
use crate::tools::runner::Echo;
use crate::tools::terraform::{self, ValidateOutput};

use super::terraform::Terraform;
use super::{NoArgs, OutputInfo, Stage, StageCx, StageInfo, REVIEW_EVENTS};

/// Largest fmt diff the summary embeds; the job log has all of it.
const DIFF_MAX: usize = 20_000;

pub struct TerraformValidate;

const INFO: StageInfo = StageInfo {
    name: "terraform-validate",
    about:
        "terraform init -backend=false, validate -json and fmt -check, as annotations and reports",
    default_run_on: REVIEW_EVENTS,
    outputs: &[
        OutputInfo {
            name: "errors",
            about: "Validation errors",
        },
        OutputInfo {
            name: "warnings",
            about: "Validation warnings",
        },
        OutputInfo {
            name: "unformatted",
            about: "Files terraform fmt would change",
        },
    ],
    scope: Scope::TerraformCode,
    after: &[],
    hands_on: &[],
    plan_counts: false,
    tools: &[TERRAFORM],
    variables: &[],
};

impl Stage for TerraformValidate {
    type Args = NoArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, _args: &NoArgs) -> Result<Report, StageError> {
        run(cx)
    }
}

fn run(cx: &mut StageCx<'_>) -> Result<Report, StageError> {
    cx.root_dir()?;
    let terraform = Terraform::new(cx, None);
    let tf = |args: &[&str]| terraform.cmd(args);
    let failed = |e: anyhow::Error| StageError::Failed(e);
    let label = cx.dir_label();

    // init: JSON log lines, shown as their messages; on failure its diagnostics are the findings.
    let init = terraform.run_init(cx, false)?;

    let mut findings: Vec<Finding> = Vec::new();
    if init.success() {
        let validate = cx.run_folded(
            "kkp_tf_validate",
            &format!("terraform validate ({label})"),
            &tf(&["validate", "-json", "-no-color"]),
            Echo::Quiet,
        )?;
        let parsed: ValidateOutput = serde_json::from_str(&validate.stdout)
            .with_context(|| {
                format!(
                    "terraform validate -json printed no JSON: {}",
                    validate.stderr.trim()
                )
            })
            .map_err(failed)?;
        findings.extend(
            parsed
                .diagnostics
                .iter()
                .map(|d| d.to_finding(&cx.working_dir)),
        );
    } else {
        let mut diags = terraform::diagnostics_from_log(&init.stdout);
        // init wraps the real problems in one diagnostic without a location; keep only the
        // located ones when there are any.
        if diags.iter().any(|d| d.range.is_some()) {
            diags.retain(|d| d.range.is_some());
        }
        if diags.is_empty() {
            let why = match (init.stderr.trim(), init.code) {
                ("", Some(code)) => format!("exit status {code}"),
                ("", None) => "killed by a signal".to_owned(),
                (stderr, _) => crate::text::one_line(stderr),
            };
            return Err(failed(anyhow::anyhow!(
                "terraform init failed (its output is in the log above): {why}"
            )));
        }
        findings.extend(diags.iter().map(|d| d.to_finding(&cx.working_dir)));
    }

    let fmt = cx.run_folded(
        "kkp_tf_fmt",
        &format!("terraform fmt -check ({label})"),
        &tf(&["fmt", "-check", "-diff", "-recursive", "-no-color"]),
        // The diff in the log: the summary embeds only its first part.
        Echo::Lines,
    )?;
    let (unformatted, diff) = terraform::parse_fmt(&fmt.stdout, &cx.working_dir);
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
            "<details><summary>terraform fmt -diff</summary>\n\n{}",
            crate::text::code_block("diff", &shown)
        );
        if diff.len() > DIFF_MAX {
            let _ = writeln!(
                md,
                "The diff is cut at {DIFF_MAX} characters; the job log has all of it.\n"
            );
        }
        md.push_str("</details>\n\n");
    }

    let mut report = Report::new(success, headline, label.clone());
    report.summary = md;
    report.findings_path = label;
    report
        .outputs
        .set("errors", (errors - unformatted.len()).to_string());
    report.outputs.set("warnings", warnings.to_string());
    report
        .outputs
        .set("unformatted", unformatted.len().to_string());
    report.metric("Errors", errors - unformatted.len());
    report.metric("Warnings", warnings);
    report.metric("Unformatted files", unformatted.len());
    report.findings = findings;
    Ok(report)
}
