//! One Markdown renderer for the job summary, MR note and PR comment.

use std::fmt::Write as _;

use crate::changes::ChangeSet;
use crate::context::Context;
use crate::decision::{Decision, Verdict};
use crate::text::{escape, one_line};

/// How many matched files a summary lists before pointing at the job log for the rest: the
/// summary stays far below GitHub's 1 MiB step-summary limit whatever the pull request size.
pub const MATCHED_FILES_SHOWN: usize = 50;

/// Everything a decision summary shows.
pub struct DecisionView<'a> {
    /// The stage's name (`terraform-plan`).
    pub stage: &'a str,
    pub ctx: &'a Context,
    pub changes: Option<&'a ChangeSet>,
    pub decision: &'a Decision,
    pub notes: &'a [String],
}

pub fn verdict_word(v: &Verdict) -> &'static str {
    match v {
        Verdict::Run => "runs",
        Verdict::Skip => "skipped",
        Verdict::Fail => "failed to decide",
    }
}

pub fn decision_summary(v: &DecisionView<'_>) -> String {
    let icon = match v.decision.verdict {
        Verdict::Run => "▶️",
        Verdict::Skip => "⏭️",
        Verdict::Fail => "❌",
    };
    let mut md = String::new();
    let _ = writeln!(
        md,
        "### {icon} `{}` {}\n",
        v.stage,
        verdict_word(&v.decision.verdict)
    );
    let _ = writeln!(md, "**Why:** {}\n", escape(&v.decision.reason));
    let _ = writeln!(
        md,
        "**Event:** {} (`{}` on {})\n",
        escape(&v.ctx.describe_event()),
        escape(&v.ctx.trigger),
        v.ctx.platform
    );
    if let Some(ChangeSet::Known { files, source, .. }) = v.changes {
        let _ = writeln!(
            md,
            "**Changed files:** {} from {}\n",
            files.len(),
            escape(source)
        );
    }
    for note in v.notes {
        let _ = writeln!(md, "> **Note:** {}\n", escape(note));
    }
    let matched = &v.decision.matched;
    if !matched.is_empty() {
        let _ = writeln!(
            md,
            "<details><summary>Matched files ({})</summary>\n",
            matched.len()
        );
        md.push_str("| file | pattern |\n|---|---|\n");
        for m in matched.iter().take(MATCHED_FILES_SHOWN) {
            let _ = writeln!(
                md,
                "| {} | `{}` |",
                escape(&m.file.to_string()),
                m.pattern.replace('`', "'")
            );
        }
        if matched.len() > MATCHED_FILES_SHOWN {
            let _ = writeln!(
                md,
                "\n…and {} more: the job log lists every matched file.",
                matched.len() - MATCHED_FILES_SHOWN
            );
        }
        md.push_str("\n</details>\n");
    }
    md
}

/// [`detail_lines`] as one text, each line after `indent`: written to the log at once, since
/// a line at a time is a system call per changed file.
pub fn detail_text(v: &DecisionView<'_>, indent: &str) -> String {
    let mut text = String::new();
    for line in detail_lines(v) {
        text.push_str(indent);
        text.push_str(&line);
        text.push('\n');
    }
    text
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
