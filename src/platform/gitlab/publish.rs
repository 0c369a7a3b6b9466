//! GitLab publishing: a collapsible log section (`section_start`/`section_end` lines, see
//! docs/REFERENCES.md, "GitLab: collapsible log sections") with the decision in its header.
//! Outputs go to the dotenv file the publisher writes.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Result;

use crate::report::markdown::detail_text;
use crate::report::markdown::{verdict_word, DecisionView};

/// Starts a section. `name` may hold only letters, digits, `_`, `.` and `-`.
pub fn section_start(
    log: &mut dyn Write,
    name: &str,
    header: &str,
    collapsed: bool,
) -> std::io::Result<()> {
    let ts = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let opts = if collapsed { "[collapsed=true]" } else { "" };
    write!(
        log,
        "\x1b[0Ksection_start:{ts}:{name}{opts}\r\x1b[0K{header}\n"
    )
}

pub fn section_end(log: &mut dyn Write, name: &str) -> std::io::Result<()> {
    let ts = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    write!(log, "\x1b[0Ksection_end:{ts}:{name}\r\x1b[0K\n")
}

pub fn log_decision(log: &mut dyn Write, v: &DecisionView<'_>) -> Result<()> {
    let name = format!("kkp_{}_decision", v.stage.replace('-', "_"));
    let header = format!(
        "kkp-delivery {}: {} ({})",
        v.stage,
        verdict_word(&v.decision.verdict),
        v.decision.reason
    );
    section_start(log, &name, &header, true)?;
    log.write_all(detail_text(v, "").as_bytes())?;
    section_end(log, &name)?;
    Ok(())
}
