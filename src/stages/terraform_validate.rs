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

use super::terraform::{Engine, EngineArgs, Terraform};
use super::{OutputInfo, Stage, StageCx, StageInfo, REVIEW_EVENTS};
use crate::error::UsageError;

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

/// The validate stage's flags.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct ValidateArgs {
    /// What an unformatted file is: error (the stage fails), warning (an annotation; the stage
    /// succeeds, so the plan still runs) or off (`terraform fmt` is not run)
    #[arg(long, value_name = "LEVEL", default_value = "error")]
    pub fmt: Option<String>,
    #[command(flatten)]
    pub engine: EngineArgs,
}

impl Stage for TerraformValidate {
    type Args = ValidateArgs;

    fn info(&self) -> StageInfo {
        INFO
    }

    fn run(&self, cx: &mut StageCx<'_>, args: &ValidateArgs) -> Result<Report, StageError> {
        let fmt_level = match args.fmt.as_deref().map(str::trim) {
            None | Some("") | Some("error") => Some(Level::Error),
            Some("warning") => Some(Level::Warning),
            Some("off") => None,
            Some(other) => {
                return Err(
                    UsageError::invalid("--fmt (KKP_FMT)", "error, warning or off", other).into(),
                )
            }
        };
        cx.root_dir()?;
        let engine = args.engine.resolve(&cx.dir())?;
        run(cx, fmt_level, engine)
    }
}

fn run(
    cx: &mut StageCx<'_>,
    fmt_level: Option<Level>,
    engine: Engine,
) -> Result<Report, StageError> {
    let terraform = Terraform::new(cx, None).with_engine(cx, engine);
    let name = terraform.name();
    let tf = |args: &[&str]| terraform.cmd(args);
    let failed = |e: anyhow::Error| StageError::Failed(e);
    let label = cx.dir_label();

    // init: JSON log lines, shown as their messages; on failure its diagnostics are the findings.
    let init = terraform.run_init(cx, false)?;

    let mut findings: Vec<Finding> = Vec::new();
    if init.success() {
        let validate = cx.run_folded(
            "kkp_tf_validate",
            &format!("{name} validate ({label})"),
            &tf(&["validate", "-json", "-no-color"]),
            Echo::Quiet,
        )?;
        let parsed: ValidateOutput = serde_json::from_str(&validate.stdout)
            .with_context(|| {
                format!(
                    "{name} validate -json printed no JSON: {}",
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
                "{name} init failed (its output is in the log above): {why}"
            )));
        }
        findings.extend(diags.iter().map(|d| d.to_finding(&cx.working_dir)));
    }

    let (unformatted, diff) = match fmt_level {
        Some(_) => {
            let fmt = cx.run_folded(
                "kkp_tf_fmt",
                &format!("{name} fmt -check ({label})"),
                &tf(&["fmt", "-check", "-diff", "-recursive", "-no-color"]),
                // The diff in the log: the summary embeds only its first part.
                Echo::Lines,
            )?;
            terraform::parse_fmt(&fmt.stdout, &cx.working_dir)
        }
        None => (Vec::new(), String::new()),
    };
    let fmt_level = fmt_level.unwrap_or(Level::Error);
    for file in &unformatted {
        let mut f = Finding::new(
            fmt_level,
            format!("The file is not in canonical format; run `{name} fmt` and commit the result."),
        );
        f.title = Some(format!("{name} fmt"));
        f.file = Some(file.clone());
        findings.push(f);
    }

    // Worst first, then by place: the order annotations are budgeted and reports are read in.
    findings.sort_by(|a, b| {
        (a.level, &a.file, a.line, a.column).cmp(&(b.level, &b.file, b.line, b.column))
    });

    // Validation's own counts, the unformatted files apart.
    let fmt_errors = if fmt_level == Level::Error {
        unformatted.len()
    } else {
        0
    };
    let fmt_warnings = unformatted.len() - fmt_errors;
    let errors = findings.iter().filter(|f| f.level == Level::Error).count() - fmt_errors;
    let warnings = findings
        .iter()
        .filter(|f| f.level == Level::Warning)
        .count()
        - fmt_warnings;
    let success = errors == 0 && fmt_errors == 0;
    let label = engine.describe(&label);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let headline = if success && unformatted.is_empty() {
        format!(
            "{label} is valid and formatted ({warnings} warning{})",
            plural(warnings)
        )
    } else if success {
        format!(
            "{label} is valid ({warnings} warning{}); {} unformatted file{} (a warning: --fmt warning)",
            plural(warnings),
            unformatted.len(),
            plural(unformatted.len())
        )
    } else {
        format!(
            "{label}: {errors} validation error{}, {} unformatted file{}",
            plural(errors),
            unformatted.len(),
            plural(unformatted.len())
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
            "<details><summary>{name} fmt -diff</summary>\n\n{}",
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

    let mut report = Report::new(success, headline, cx.dir_label());
    report.summary = md;
    report.findings_path = cx.dir_label();
    report.outputs.set("errors", errors.to_string());
    report.outputs.set("warnings", warnings.to_string());
    report
        .outputs
        .set("unformatted", unformatted.len().to_string());
    report.metric("Errors", errors);
    report.metric("Warnings", warnings);
    report.metric("Unformatted files", unformatted.len());
    report.findings = findings;
    Ok(report)
}
