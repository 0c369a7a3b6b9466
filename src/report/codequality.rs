//! GitLab Code Quality reports (docs/REFERENCES.md, "GitLab: Code Quality report"): one JSON
//! array, each finding with a `fingerprint` that stays the same across runs so the merge
//! request widget can tell new findings from old ones.

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::model::{Finding, Level};

pub fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "critical",
        Level::Warning => "minor",
        Level::Notice => "info",
    }
}

/// A stable id for a finding: what was found and where, never when.
pub fn fingerprint(check: &str, f: &Finding) -> String {
    let mut h = Sha256::new();
    for part in [
        check,
        f.title.as_deref().unwrap_or(""),
        f.file.as_deref().unwrap_or(""),
        &f.line.unwrap_or(0).to_string(),
        &f.message,
    ] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The report for `findings`. `default_path` locates findings that have no file (GitLab
/// requires a path on every entry).
pub fn report(check: &str, findings: &[Finding], default_path: &str) -> Value {
    let entries: Vec<Value> = findings
        .iter()
        .map(|f| {
            let title = f.title.clone().unwrap_or_else(|| check.to_owned());
            json!({
                "type": "issue",
                "description": format!("{title}: {}", f.message),
                "check_name": format!("{check}/{}", slug(&title)),
                "fingerprint": fingerprint(check, f),
                "severity": severity(f.level),
                "location": {
                    "path": f.file.clone().unwrap_or_else(|| default_path.to_owned()),
                    "lines": {"begin": f.line.unwrap_or(1), "end": f.end_line.or(f.line).unwrap_or(1)}
                }
            })
        })
        .collect();
    Value::Array(entries)
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let mut a = Finding::new(Level::Error, "No var");
        a.file = Some("terraform/main.tf".into());
        a.line = Some(2);
        let mut b = a.clone();
        b.line = Some(3);
        assert_eq!(
            fingerprint("terraform-validate", &a),
            fingerprint("terraform-validate", &a.clone())
        );
        assert_ne!(
            fingerprint("terraform-validate", &a),
            fingerprint("terraform-validate", &b)
        );
        let r = report(
            "terraform-validate",
            &[a, Finding::new(Level::Warning, "w")],
            "terraform",
        );
        assert_eq!(r[0]["severity"], "critical");
        assert_eq!(r[1]["location"]["path"], "terraform");
        assert_eq!(r[1]["location"]["lines"]["begin"], 1);
    }
}
