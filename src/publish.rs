//! The one publisher: a stage's decision and its neutral [`Report`] become each platform's
//! native output. This is the single place with one exhaustive `match` per platform, and it
//! applies every platform limit (annotation caps, summary size, comment size, report sizes),
//! saying where whatever does not fit can be found.
//!
//! - GitHub: workflow commands (annotations, groups with `::stop-commands::`), the step summary,
//!   `$GITHUB_OUTPUT`, the pull request comment.
//! - GitLab: collapsible sections, Code Quality and Terraform report files, the dotenv file,
//!   the merge request note.
//! - Bitbucket: plain log lines, Code Insights reports and annotations, the dotenv file, the
//!   pull request comment.
//! - Local: readable, coloured terminal text honouring `NO_COLOR`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::changes::ChangeSet;
use crate::context::{Context, Platform};
use crate::decision::{Decision, Verdict};
use crate::env::{vars, Env};
use crate::files::write_new;
use crate::mask::Masker;
use crate::platform::github::publish::append;
use crate::platform::http::ApiError;
use crate::platform::{
    bitbucket, github, gitlab, CommentMode, Forge, InsightsReport, Tracked, Written,
};
use crate::report::comment::fit;
use crate::report::markdown::{decision_summary, DecisionView};
use crate::report::model::{
    plan_counts_json, Artifact, Finding, Level, Outputs, Report, PLAN_COUNTS_FILE,
};
use crate::stages::env_prefix;
use crate::text::one_line;
use crate::tools::fold::{FoldEnd, FoldStyle};

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

/// The decision outputs every stage sets: `run`, `reason`, `changed-files`, `matched-files`
/// (docs/REFERENCES.md, "Design: outputs of every stage").
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
    stage: &str,
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
            write_shell_exports(&ctx.workspace, stage, &outputs)?;
        }
        Platform::Local => terminal_decision(log, &view, sinks.color)?,
    }
    Ok(())
}

/// GitLab dotenv reports hold at most 5 KB in all (GitLab's default limit), so one value is
/// capped well below it; the full text stays in the job log.
const DOTENV_VALUE_MAX: usize = 1000;

/// Writes `kkp-<stage>.env` in the work tree: `KKP_<STAGE>_<NAME>=value`, one per line, which
/// GitLab passes on with `artifacts: reports: dotenv` and Bitbucket with `artifacts:`.
pub fn write_dotenv(workspace: &Path, stage: &str, outputs: &Outputs) -> Result<PathBuf> {
    let path = workspace.join(format!("kkp-{stage}.env"));
    let prefix = env_prefix(stage);
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
    write_new(&path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Writes `kkp-<stage>.sh` in the work tree: `export KKP_<STAGE>_<NAME>='value'`, single-quoted
/// so a later step can `source` it safely whatever the values hold (the reason names files a
/// pull request's author chose).
pub fn write_shell_exports(workspace: &Path, stage: &str, outputs: &Outputs) -> Result<PathBuf> {
    let path = workspace.join(format!("kkp-{stage}.sh"));
    let prefix = env_prefix(stage);
    let mut text = String::from("# kkp-delivery outputs: source this file\n");
    for (name, value) in outputs.iter() {
        let var = if name.starts_with("TF_") {
            name.to_owned()
        } else {
            format!("{prefix}_{}", name.to_ascii_uppercase().replace('-', "_"))
        };
        // Only names a shell accepts: anything else is left out rather than run.
        if !var.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let quoted = value.replace(['\n', '\r'], " ").replace('\'', "'\\''");
        text.push_str(&format!("export {var}='{quoted}'\n"));
    }
    write_new(&path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Readable terminal output; colour only where `sinks.color` allows.
fn terminal_decision(log: &mut dyn Write, v: &DecisionView<'_>, color: bool) -> Result<()> {
    let (word, code) = verdict_label(&v.decision.verdict);
    let paint = |text: &str, code: &str| paint(text, code, color);
    writeln!(
        log,
        "{} {}: {}",
        paint(word, code),
        paint(v.stage, "1"),
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
        writeln!(
            log,
            "  - {}  ({})",
            one_line(&m.file.to_string()),
            m.pattern
        )?;
    }
    Ok(())
}

/// `text` in the ANSI colour `code` when `color`, else as it is.
pub fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

pub fn verdict_label(v: &Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Run => ("RUN ", "32"),
        Verdict::Skip => ("SKIP", "33"),
        Verdict::Fail => ("FAIL", "31"),
    }
}

/// Characters a sticky comment leaves free for the status line terraform-apply adds.
const STATUS_ROOM: usize = 4_000;

/// How many findings the summary table lists; the rest are counted and the job log has them.
const FINDINGS_IN_SUMMARY: usize = 200;
/// GitHub's step summary holds at most 1 MiB per step; the long text is fitted below that.
const GITHUB_SUMMARY_MAX: usize = 1_000_000;

fn findings_table(findings: &[&Finding]) -> String {
    use crate::text::escape;
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

/// The log folding of a platform, handed to the tool runner.
pub struct LogStyle {
    pub platform: Platform,
}

impl FoldStyle for LogStyle {
    fn open(&self, out: &mut dyn Write, id: &str, title: &str) -> std::io::Result<FoldEnd> {
        match self.platform {
            Platform::GitHub => {
                // Tool output inside the group cannot issue workflow commands: the token that
                // ends `::stop-commands::` is unguessable.
                let token = github::publish::stop_commands(out, title)?;
                Ok(Box::new(move |out: &mut dyn Write| {
                    writeln!(out, "::{token}::")?;
                    writeln!(out, "::endgroup::")
                }))
            }
            Platform::GitLab => {
                gitlab::publish::section_start(out, id, title, true)?;
                let id = id.to_owned();
                Ok(Box::new(move |out: &mut dyn Write| {
                    gitlab::publish::section_end(out, &id)
                }))
            }
            Platform::Bitbucket | Platform::Local => {
                writeln!(out, "── {title}")?;
                Ok(Box::new(|_: &mut dyn Write| Ok(())))
            }
        }
    }
}

/// Where and how a report is published.
pub struct Publication<'a> {
    pub ctx: &'a Context,
    pub forge: &'a Forge,
    pub rt: &'a tokio::runtime::Runtime,
    pub stage: &'a str,
    pub decision: &'a Decision,
    pub comment: CommentMode,
    pub sinks: &'a Sinks,
    /// Masks what goes to the summary, comments, reports and outputs.
    pub masker: &'a Masker,
}

impl Publication<'_> {
    /// Publishes `report` natively. Failures to reach the host are warnings in the log: the
    /// log has the whole report.
    pub fn publish(&self, report: &Report, log: &mut dyn Write) -> Result<()> {
        // Masked once, before any rendering: escaping for Markdown, JSON or workflow commands
        // would otherwise change a secret so the masker no longer sees it.
        let mut report = report.masked(self.masker);
        // A failure is published like a success: with an error annotation even when the tool
        // named no file.
        if !report.success && !report.findings.iter().any(|f| f.level == Level::Error) {
            // The headline may quote a tool's output: nothing in it looks like a workflow
            // command, even inside the annotation's text.
            let mut f = Finding::new(
                Level::Error,
                one_line(&report.headline).replace("::", ": :"),
            );
            f.title = Some(format!("{} failed", self.stage));
            report.findings.push(f);
        }
        if report.findings_path.is_empty() {
            report.findings_path = report.scope.clone();
        }
        let report = &report;
        let m = |t: &str| self.masker.mask(t);
        let platform = self.ctx.platform;
        let mut comment_failed = None;
        if !report.findings.is_empty() {
            self.log_findings(report, log)?;
        }
        match platform {
            Platform::GitHub => self.github(report, log)?,
            Platform::GitLab => self.gitlab(report, log)?,
            Platform::Bitbucket => self.bitbucket(report, log)?,
            Platform::Local => {}
        }
        if let (Some(comment), Some(number)) = (&report.comment, self.ctx.request_number()) {
            let mut body = comment.marker.clone();
            for h in comment.hidden.iter().filter(|h| !h.is_empty()) {
                body.push('\n');
                body.push_str(h);
            }
            body.push('\n');
            body.push_str(&comment.head);
            // With `--comment changes-only`, a plan without changes only keeps an existing
            // comment current.
            let previous = if comment.quiet && self.comment == CommentMode::ChangesOnly {
                match self
                    .rt
                    .block_on(self.forge.own_comment(number, &comment.marker))
                {
                    Ok(previous) => previous,
                    Err(e) => {
                        writeln!(
                            log,
                            "WARNING: the earlier {} comment could not be read ({})",
                            comment.long_title.to_lowercase(),
                            m(&e.to_string())
                        )?;
                        None
                    }
                }
            } else {
                None
            };
            let body = m(&body);
            let long = comment.long.map(m);
            // Room for the status line a later apply adds.
            let limit = self.forge.comment_limit() - STATUS_ROOM;
            // A failure keeps the last good plan of the comment it replaces, folded.
            let compose = |replaced: Option<&str>| {
                let mut head = body.clone();
                if let Some(section) = replaced
                    .filter(|_| comment.supersedes)
                    .and_then(crate::report::comment::superseded_section)
                {
                    head.push('\n');
                    head.push_str(&m(&section));
                }
                fit(
                    &head,
                    &comment.long_title,
                    &long,
                    &comment.where_full,
                    limit,
                )
            };
            let quiet_and_new =
                comment.quiet && self.comment == CommentMode::ChangesOnly && previous.is_none();
            let written = if quiet_and_new {
                writeln!(
                    log,
                    "No {} comment: the plan changes nothing (--comment changes-only)",
                    comment.long_title.to_lowercase()
                )?;
                Ok(None)
            } else {
                self.rt.block_on(self.forge.upsert_comment_with(
                    number,
                    &comment.marker,
                    &compose,
                    self.comment,
                ))
            };
            let what = &comment.long_title;
            let at = self.ctx.request_ref(number);
            match written {
                Ok(Some(Written::Created(id))) => {
                    writeln!(log, "{what} comment {id} created on {at}")?
                }
                Ok(Some(Written::Updated(id))) => {
                    writeln!(log, "{what} comment {id} updated on {at}")?
                }
                Ok(None) => {}
                // No token for comments is a configuration the user chose: say so and go on.
                Err(e @ ApiError::NoToken { .. }) => writeln!(
                    log,
                    "WARNING: the {} comment was not written ({}); the summary above is complete.{}",
                    what.to_lowercase(),
                    m(&e.to_string()),
                    if comment.hidden.iter().any(|h| h.starts_with("<!-- kkp-fingerprint:")) {
                        " terraform-apply will refuse to apply this plan: it finds the reviewed plan in this comment, so it needs a token that can read and write request comments"
                    } else {
                        ""
                    }
                )?,
                // A refusal is an error: the comment is what a later apply checks against.
                Err(e) => {
                    comment_failed = Some(anyhow::anyhow!(
                        "the {} comment on {at} could not be written: {}",
                        what.to_lowercase(),
                        m(&e.to_string())
                    ))
                }
            }
        }
        if let (Some(label), Some(number)) = (&report.label, self.ctx.request_number()) {
            let at = self.ctx.request_ref(number);
            match self
                .rt
                .block_on(self.forge.set_labels(number, &label.add, &label.remove))
            {
                Ok(true) => writeln!(log, "Label {} set on {at}", label.add)?,
                Ok(false) => writeln!(
                    log,
                    "INFO: {} has no pull request labels: --label is not applied",
                    match self.ctx.platform {
                        Platform::Bitbucket => "Bitbucket",
                        Platform::GitHub | Platform::GitLab | Platform::Local => "this host",
                    }
                )?,
                // Labels are a convenience: the comment and the summary are complete.
                Err(e) => writeln!(
                    log,
                    "WARNING: the label {} could not be set on {at} ({})",
                    label.add,
                    m(&e.to_string())
                )?,
            }
        }
        if let Some(drift) = &report.drift {
            match self.rt.block_on(self.forge.track_drift(drift)) {
                Ok(Some(tracked)) => {
                    let said = match tracked {
                        Tracked::Opened(n) => format!("drift tracking issue #{n} opened"),
                        Tracked::Updated(n) => format!("drift tracking issue #{n} updated"),
                        Tracked::Closed(n) => format!("drift tracking issue #{n} closed: no drift"),
                        Tracked::Nothing => "no drift, and no open tracking issue".to_owned(),
                    };
                    writeln!(log, "{}: {said}", drift.key)?;
                }
                Ok(None) => {}
                // The tracking issue is what a scheduled plan is for: not writing it fails.
                Err(e) => {
                    comment_failed = Some(anyhow::anyhow!(
                        "the drift tracking issue of {} could not be written: {}",
                        drift.key,
                        m(&e.to_string())
                    ))
                }
            }
        }
        write_stage_outputs(
            self.ctx,
            self.stage,
            self.decision,
            &report.outputs,
            self.sinks,
        )?;
        match comment_failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every finding in the log, so nothing a platform limit drops is lost.
    fn log_findings(&self, report: &Report, log: &mut dyn Write) -> Result<()> {
        let style = LogStyle {
            platform: self.ctx.platform,
        };
        let mut fold = crate::tools::fold::Fold::open(
            &style,
            log,
            "kkp_findings",
            &format!("{} finding(s) in {}", report.findings.len(), report.scope),
        )?;
        for f in &report.findings {
            let place = match (&f.file, f.line) {
                (Some(p), Some(l)) => format!("{p}:{l}: "),
                (Some(p), None) => format!("{p}: "),
                _ => String::new(),
            };
            let word = match (self.sinks.color, f.level) {
                (true, Level::Error) => "\x1b[31merror\x1b[0m",
                (true, Level::Warning) => "\x1b[33mwarning\x1b[0m",
                (_, level) => level.command(),
            };
            writeln!(
                fold,
                "{word} {place}{}: {}",
                f.title.as_deref().unwrap_or(""),
                one_line(&f.message)
            )?;
        }
        fold.close()?;
        Ok(())
    }

    fn github(&self, report: &Report, log: &mut dyn Write) -> Result<()> {
        use crate::report::annotations::{budget, write_annotation, PER_TYPE_PER_STEP};
        let (shown, rest) = budget(&report.findings);
        for f in &shown {
            write_annotation(log, f)?;
        }
        let mut md = report.summary.clone();
        if let Some((title, text)) = &report.details {
            let where_full = report
                .comment
                .as_ref()
                .map_or("the job log has all of it", |c| c.where_full.as_str());
            md = fit(&md, title, text, where_full, GITHUB_SUMMARY_MAX);
        }
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
        if let (Some(path), false) = (&self.sinks.github_summary, md.is_empty()) {
            append(path, &self.masker.mask(&md))?;
        }
        Ok(())
    }

    fn gitlab(&self, report: &Report, log: &mut dyn Write) -> Result<()> {
        let ws = &self.ctx.workspace;
        if !report.findings.is_empty() || !report.metrics.is_empty() {
            let path = ws.join(format!("kkp-{}-codequality.json", self.stage));
            let json = crate::report::codequality::report(
                self.stage,
                &report.findings,
                &report.findings_path,
            );
            write_new(
                &path,
                self.masker
                    .mask(&serde_json::to_string_pretty(&json)?)
                    .as_bytes(),
            )
            .with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(
                log,
                "Code Quality report: {} ({} finding(s))",
                path.display(),
                report.findings.len()
            )?;
        }
        for artifact in &report.artifacts {
            match artifact {
                Artifact::TerraformPlanCounts {
                    create,
                    update,
                    delete,
                } => {
                    let json = plan_counts_json(*create, *update, *delete);
                    let path = ws.join(PLAN_COUNTS_FILE);
                    write_new(&path, json.to_string().as_bytes())
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    writeln!(
                        log,
                        "Terraform report for the merge request widget: {}",
                        path.display()
                    )?;
                }
            }
        }
        Ok(())
    }

    fn bitbucket(&self, report: &Report, log: &mut dyn Write) -> Result<()> {
        if report.success && report.findings.is_empty() && report.metrics.is_empty() {
            return Ok(());
        }
        let scope = &report.scope;
        let id = format!("kkp-{}-{}", self.stage, scope.replace(['/', '.'], "-"));
        let title = format!("{} ({scope})", self.stage.replace('-', " "));
        let details = self.masker.mask(&report.headline);
        let insights = InsightsReport {
            id: &id,
            title: &title,
            details: &details,
            passed: report.success,
            metrics: &report.metrics,
            check: self.stage,
            findings: &report.findings,
        };
        match self.rt.block_on(self.forge.publish_insights(self.ctx, &insights)) {
            Ok(Some(p)) => writeln!(
                log,
                "INFO: Code Insights report {id}: {} annotation(s), {} left out",
                p.annotations, p.left_out
            ),
            Ok(None) => Ok(()),
            Err(e) => writeln!(
                log,
                "WARNING: the Code Insights report could not be published ({}); the log above is complete",
                self.masker.mask(&e.to_string())
            ),
        }?;
        Ok(())
    }
}

/// Writes a stage's outputs after its tool run: appended to `$GITHUB_OUTPUT`, or merged into the
/// dotenv file with the decision outputs.
pub fn write_stage_outputs(
    ctx: &Context,
    stage: &str,
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
            if ctx.platform == Platform::Bitbucket {
                write_shell_exports(&ctx.workspace, stage, &all)?;
            }
        }
        Platform::Local => {}
    }
    Ok(())
}
