//! Publishing a decision natively: GitHub outputs, step summary and log groups; GitLab
//! collapsible sections and dotenv; Bitbucket dotenv and plain log; coloured terminal locally.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::changes::ChangeSet;
use crate::context::{Context, Platform};
use crate::decision::{Decision, Verdict};
use crate::env::{vars, Env};
use crate::platform::{bitbucket, github, gitlab};
use crate::report::markdown::{decision_summary, one_line, DecisionView};
use crate::report::model::Outputs;
use crate::stages::Stage;

/// Where publishers write, resolved once from the environment.
#[derive(Clone, Debug, Default)]
pub struct Sinks {
    pub github_output: Option<PathBuf>,
    pub github_summary: Option<PathBuf>,
    /// Colour in terminal output (local runs on a terminal without `NO_COLOR`).
    pub color: bool,
}

impl Sinks {
    pub fn from_env(env: &Env, stdout_is_terminal: bool) -> Self {
        Self {
            github_output: env.get(vars::GITHUB_OUTPUT).map(PathBuf::from),
            github_summary: env.get(vars::GITHUB_STEP_SUMMARY).map(PathBuf::from),
            color: stdout_is_terminal && env.get(vars::NO_COLOR).is_none(),
        }
    }
}

/// The decision outputs every stage sets (DESIGN §4).
pub fn decision_outputs(decision: &Decision) -> Outputs {
    let mut o = Outputs::default();
    o.set("run", if decision.runs() { "true" } else { "false" });
    o.set("reason", one_line(&decision.reason));
    o.set("changed-files", decision.changed_count.to_string());
    o.set("matched-files", decision.matched.len().to_string());
    o
}

/// Publishes the decision for `stage`: log, outputs and summary.
pub fn publish_decision(
    ctx: &Context,
    stage: Stage,
    changes: Option<&ChangeSet>,
    decision: &Decision,
    notes: &[String],
    sinks: &Sinks,
    log: &mut dyn Write,
) -> Result<()> {
    let view = DecisionView {
        stage,
        ctx,
        changes,
        decision,
        notes,
    };
    let outputs = decision_outputs(decision);
    match ctx.platform {
        Platform::GitHub => {
            github::publish::log_decision(log, &view)?;
            if let Some(path) = &sinks.github_output {
                github::publish::write_outputs(path, &outputs)?;
            }
            if let Some(path) = &sinks.github_summary {
                append(path, &decision_summary(&view))?;
            }
        }
        Platform::GitLab => {
            gitlab::publish::log_decision(log, &view)?;
            write_dotenv(&ctx.workspace, stage, &outputs)?;
        }
        Platform::Bitbucket => {
            bitbucket::publish::log_decision(log, &view)?;
            write_dotenv(&ctx.workspace, stage, &outputs)?;
        }
        Platform::Local => terminal_decision(log, &view, sinks.color)?,
    }
    Ok(())
}

pub fn append(path: &Path, text: &str) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    f.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// GitLab dotenv reports hold at most 5 KB in all (GitLab's default limit), so one value is
/// capped well below it; the full text stays in the job log.
const DOTENV_VALUE_MAX: usize = 1000;

/// Writes `kkp-<stage>.env` in the work tree: `KKP_<STAGE>_<NAME>=value`, one per line, which
/// GitLab passes on with `artifacts: reports: dotenv` and Bitbucket with `artifacts:`.
pub fn write_dotenv(workspace: &Path, stage: Stage, outputs: &Outputs) -> Result<PathBuf> {
    let path = workspace.join(format!("kkp-{}.env", stage.name()));
    let prefix = stage.env_prefix();
    let mut text = String::new();
    for (name, value) in outputs.iter() {
        let mut value: String = value.replace(['\n', '\r'], " ");
        if value.len() > DOTENV_VALUE_MAX {
            let mut cut = DOTENV_VALUE_MAX - 3;
            while !value.is_char_boundary(cut) {
                cut -= 1;
            }
            value.truncate(cut);
            value.push_str("...");
        }
        // TF_* settings (the GitLab HTTP backend) keep their own names, for Terraform in later
        // jobs to read.
        if name.starts_with("TF_") {
            text.push_str(&format!("{name}={value}\n"));
        } else {
            text.push_str(&format!(
                "{prefix}_{}={value}\n",
                name.to_ascii_uppercase().replace('-', "_")
            ));
        }
    }
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Readable terminal output; colour only where `sinks.color` allows.
fn terminal_decision(log: &mut dyn Write, v: &DecisionView<'_>, color: bool) -> Result<()> {
    let (word, code) = verdict_label(&v.decision.verdict);
    let paint = |text: &str, code: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    writeln!(
        log,
        "{} {}: {}",
        paint(word, code),
        paint(v.stage.name(), "1"),
        v.decision.reason
    )?;
    writeln!(
        log,
        "  event: {} ({})",
        v.ctx.describe_event(),
        v.ctx.trigger
    )?;
    if let Some(ChangeSet::Known { files, source, .. }) = v.changes {
        writeln!(
            log,
            "  changes: {} file{} from {source}",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        )?;
    }
    for note in v.notes {
        writeln!(log, "  {}: {note}", paint("note", "33"))?;
    }
    for m in &v.decision.matched {
        writeln!(log, "  - {}  ({})", m.file, m.pattern)?;
    }
    Ok(())
}

pub fn verdict_label(v: &Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Run => ("RUN ", "32"),
        Verdict::Skip => ("SKIP", "33"),
        Verdict::Fail => ("FAIL", "31"),
    }
}

/// The detail lines every platform log shows inside its folded section. Each line starts with
/// `-` or a word, never `::`, so file names cannot form GitHub workflow commands.
pub fn detail_lines(v: &DecisionView<'_>) -> Vec<String> {
    let mut lines = vec![format!(
        "event: {} ({} on {})",
        v.ctx.describe_event(),
        v.ctx.trigger,
        v.ctx.platform
    )];
    match v.changes {
        Some(ChangeSet::Known { files, source, .. }) => {
            lines.push(format!(
                "changes: {} file{} from {source}",
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ));
        }
        Some(ChangeSet::Unknown { why }) => lines.push(format!("changes: unknown: {why}")),
        Some(ChangeSet::NotApplicable { why }) => {
            lines.push(format!("changes: not checked: {why}"))
        }
        None => lines.push("changes: not fetched (the event alone decided)".to_owned()),
    }
    for note in v.notes {
        lines.push(format!("note: {note}"));
    }
    if !v.decision.matched.is_empty() {
        lines.push(format!("matched files ({}):", v.decision.matched.len()));
        for m in &v.decision.matched {
            lines.push(format!("  - {}  ({})", m.file, m.pattern));
        }
    }
    lines.into_iter().map(|l| one_line(&l)).collect()
}

/// Findings with their Markdown summary, ready to publish.
pub struct FindingsReport<'a> {
    /// The check name (stage), used for fingerprints and report names.
    pub check: &'a str,
    pub findings: &'a [crate::report::model::Finding],
    /// The stage's own summary; the findings table is appended here.
    pub summary: String,
    /// Where findings without a file point (the stage's folder).
    pub default_path: String,
}

/// How many findings the summary table lists; the rest are counted and the job log has them.
const FINDINGS_IN_SUMMARY: usize = 200;

fn findings_table(findings: &[&crate::report::model::Finding]) -> String {
    use crate::report::markdown::escape;
    let mut md = String::from("| level | location | finding |\n|---|---|---|\n");
    for f in findings.iter().take(FINDINGS_IN_SUMMARY) {
        let place = match (&f.file, f.line) {
            (Some(p), Some(l)) => format!("`{p}:{l}`"),
            (Some(p), None) => format!("`{p}`"),
            _ => String::new(),
        };
        md.push_str(&format!(
            "| {} | {place} | **{}** {} |\n",
            f.level.command(),
            escape(f.title.as_deref().unwrap_or("")),
            escape(&f.message)
        ));
    }
    if findings.len() > FINDINGS_IN_SUMMARY {
        md.push_str(&format!(
            "\n…and {} more: the job log lists every finding.\n",
            findings.len() - FINDINGS_IN_SUMMARY
        ));
    }
    md
}

/// Publishes findings on GitHub (annotations within the caps, the rest in the summary), GitLab
/// (a Code Quality report file) or the terminal. Bitbucket's Code Insights need the API and are
/// published by the stage itself.
pub fn publish_findings(
    ctx: &Context,
    stage: Stage,
    report: &FindingsReport<'_>,
    sinks: &Sinks,
    log: &mut dyn Write,
) -> Result<()> {
    use crate::report::annotations::{budget, write_annotation, PER_TYPE_PER_STEP};
    match ctx.platform {
        Platform::GitHub => {
            let (shown, rest) = budget(report.findings);
            for f in &shown {
                write_annotation(log, f)?;
            }
            let mut md = report.summary.clone();
            if !rest.is_empty() {
                md.push_str(&format!(
                    "> **{} finding(s) are not annotated**: GitHub shows at most {PER_TYPE_PER_STEP} annotations of each level per step. They are listed here and in the job log.\n\n",
                    rest.len()
                ));
                md.push_str(&findings_table(&rest));
                md.push('\n');
            } else if !shown.is_empty() {
                md.push_str(&findings_table(&shown));
                md.push('\n');
            }
            if let Some(path) = &sinks.github_summary {
                append(path, &md)?;
            }
        }
        Platform::GitLab => {
            let path = ctx
                .workspace
                .join(format!("kkp-{}-codequality.json", stage.name()));
            let json = crate::report::codequality::report(
                report.check,
                report.findings,
                &report.default_path,
            );
            std::fs::write(&path, serde_json::to_string_pretty(&json)?)
                .with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(
                log,
                "Code Quality report: {} ({} finding(s))",
                path.display(),
                report.findings.len()
            )?;
        }
        Platform::Bitbucket | Platform::Local => {
            for f in report.findings {
                let place = f.file.as_deref().map(|p| match f.line {
                    Some(l) => format!("{p}:{l}"),
                    None => p.to_owned(),
                });
                let word = if sinks.color {
                    match f.level {
                        crate::report::model::Level::Error => "\x1b[31merror\x1b[0m",
                        crate::report::model::Level::Warning => "\x1b[33mwarning\x1b[0m",
                        crate::report::model::Level::Notice => "notice",
                    }
                } else {
                    f.level.command()
                };
                writeln!(
                    log,
                    "{word}: {}{}",
                    place.map(|p| format!("{p}: ")).unwrap_or_default(),
                    crate::report::markdown::one_line(&f.message)
                )?;
            }
        }
    }
    Ok(())
}

/// Writes a stage's outputs after its tool run: appended to `$GITHUB_OUTPUT`, or merged into the
/// dotenv file with the decision outputs.
pub fn write_stage_outputs(
    ctx: &Context,
    stage: Stage,
    decision: &Decision,
    extra: &Outputs,
    sinks: &Sinks,
) -> Result<()> {
    match ctx.platform {
        Platform::GitHub => {
            if let Some(path) = &sinks.github_output {
                github::publish::write_outputs(path, extra)?;
            }
        }
        Platform::GitLab | Platform::Bitbucket => {
            let mut all = decision_outputs(decision);
            for (k, v) in extra.iter() {
                all.set(k, v);
            }
            write_dotenv(&ctx.workspace, stage, &all)?;
        }
        Platform::Local => {}
    }
    Ok(())
}
