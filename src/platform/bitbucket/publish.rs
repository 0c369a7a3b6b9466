//! Bitbucket publishing: Bitbucket logs have no folding, so the decision is one `INFO:` line
//! (Atlassian pipe convention) followed by indented details. Outputs go to the dotenv file.

use std::io::Write;

use anyhow::Result;

use crate::report::markdown::detail_text;
use crate::report::markdown::{verdict_word, DecisionView};

pub fn log_decision(log: &mut dyn Write, v: &DecisionView<'_>) -> Result<()> {
    writeln!(
        log,
        "INFO: kkp-delivery {}: {} ({})",
        v.stage,
        verdict_word(&v.decision.verdict),
        v.decision.reason
    )?;
    log.write_all(detail_text(v, "    ").as_bytes())?;
    Ok(())
}
