//! GitHub publishing: the decision line, a folded `::group::` with the details, and outputs in
//! `$GITHUB_OUTPUT`.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::publish::{append, detail_lines};
use crate::report::annotations::escape_data;
use crate::report::markdown::{verdict_word, DecisionView};
use crate::report::model::Outputs;

pub fn log_decision(log: &mut dyn Write, v: &DecisionView<'_>) -> Result<()> {
    writeln!(
        log,
        "kkp-delivery {}: {} ({})",
        v.stage.name(),
        verdict_word(&v.decision.verdict),
        v.decision.reason
    )?;
    writeln!(
        log,
        "::group::{}",
        escape_data(&format!("Decision details for {}", v.stage.name()))
    )?;
    for line in detail_lines(v) {
        writeln!(log, "{line}")?;
    }
    writeln!(log, "::endgroup::")?;
    Ok(())
}

/// Appends `name=value` lines. Values are single-line by construction; a value that still holds
/// a newline uses the heredoc form with a delimiter that cannot occur in it.
pub fn write_outputs(path: &Path, outputs: &Outputs) -> Result<()> {
    let mut text = String::new();
    for (name, value) in outputs.iter() {
        if value.contains('\n') || value.contains('\r') {
            let mut delim = String::from("ghadelimiter_kkp");
            while value.contains(&delim) {
                delim.push('_');
            }
            text.push_str(&format!("{name}<<{delim}\n{value}\n{delim}\n"));
        } else {
            text.push_str(&format!("{name}={value}\n"));
        }
    }
    append(path, &text)
}
