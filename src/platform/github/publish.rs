//! GitHub publishing: the decision line, a folded `::group::` with the details, and outputs in
//! `$GITHUB_OUTPUT`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::report::annotations::escape_data;
use crate::report::markdown::detail_text;
use crate::report::markdown::{verdict_word, DecisionView};
use crate::report::model::Outputs;

pub fn log_decision(log: &mut dyn Write, v: &DecisionView<'_>) -> Result<()> {
    writeln!(
        log,
        "kkp-delivery {}: {} ({})",
        v.stage,
        verdict_word(&v.decision.verdict),
        v.decision.reason
    )?;
    writeln!(
        log,
        "::group::{}",
        escape_data(&format!("Decision details for {}", v.stage))
    )?;
    log.write_all(detail_text(v, "").as_bytes())?;
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

/// Appends `text` to the file at `path` (the step summary, the outputs file).
pub fn append(path: &Path, text: &str) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    f.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Opens a group whose content cannot issue workflow commands: `::stop-commands::` with an
/// unguessable token, which is returned for the caller to end the block with `::<token>::`.
pub fn stop_commands(out: &mut dyn Write, title: &str) -> std::io::Result<String> {
    writeln!(out, "::group::{}", escape_data(title))?;
    let token = random_token(title);
    writeln!(out, "::stop-commands::{token}")?;
    Ok(token)
}

/// An unguessable token for `::stop-commands::` (tool output must not be able to end it).
/// `RandomState` is seeded from the OS per instance.
fn random_token(seed: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::time::{SystemTime, UNIX_EPOCH};
    let mut parts = String::new();
    for round in 0..2u8 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write(seed.as_bytes());
        h.write_u8(round);
        h.write_u128(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        parts.push_str(&format!("{:016x}", h.finish()));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_groups_stop_commands() {
        let mut out = Vec::new();
        let token = stop_commands(&mut out, "terraform init").unwrap();
        writeln!(out, "::error::injected").unwrap();
        writeln!(out, "::{token}::").unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "::group::terraform init");
        assert_eq!(lines[1], format!("::stop-commands::{token}"));
        assert_eq!(token.len(), 32);
    }
}
