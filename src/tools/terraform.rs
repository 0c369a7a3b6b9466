//! Terraform: locating the binary and turning its machine-readable output into findings.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::report::model::{Finding, Level};

pub use crate::files::{has_tofu_files, is_code_file};

/// `terraform validate -json` (format 1.0).
#[derive(Debug, Deserialize)]
pub struct ValidateOutput {
    #[serde(default)]
    pub valid: bool,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Diagnostic {
    pub severity: String,
    pub summary: String,
    #[serde(default)]
    pub detail: String,
    pub range: Option<Range>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Range {
    pub filename: String,
    pub start: Pos,
    pub end: Pos,
}

#[derive(Clone, Copy, Debug, Deserialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// Joins the working directory and a file name Terraform reports relative to it, so findings
/// carry repository-relative paths.
pub fn repo_path(working_dir: &Path, filename: &str) -> String {
    let joined = working_dir.join(filename);
    let mut parts: Vec<String> = Vec::new();
    for c in joined.components() {
        match c {
            // An absolute name (a module outside the checkout) stays inside the repository's
            // namespace: findings never point at the runner's file system.
            std::path::Component::CurDir
            | std::path::Component::RootDir
            | std::path::Component::Prefix(_) => {}
            std::path::Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}

impl Diagnostic {
    pub fn to_finding(&self, working_dir: &Path) -> Finding {
        let level = match self.severity.as_str() {
            "error" => Level::Error,
            "warning" => Level::Warning,
            _ => Level::Notice,
        };
        let message = if self.detail.trim().is_empty() {
            self.summary.clone()
        } else {
            self.detail.clone()
        };
        let mut f = Finding::new(level, message);
        f.title = Some(self.summary.clone());
        if let Some(r) = &self.range {
            f.file = Some(repo_path(working_dir, &r.filename));
            f.line = Some(r.start.line.max(1));
            f.end_line = Some(r.end.line.max(r.start.line).max(1));
            f.column = Some(r.start.column.max(1));
            f.end_column = Some(r.end.column.max(1));
        }
        f
    }
}

/// Diagnostics from `-json` log lines (`init -json`): lines of `"type":"diagnostic"`.
pub fn diagnostics_from_log(stdout: &str) -> Vec<Diagnostic> {
    stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v.get("type").and_then(Value::as_str) == Some("diagnostic"))
        .filter_map(|v| serde_json::from_value(v.get("diagnostic")?.clone()).ok())
        .collect()
}

/// The human text of a `-json` log line (its `@message`), for echoing into the job log. A line
/// that is not JSON (a crash, a panic, a provider's raw output) is shown as it is: output is
/// never swallowed.
pub fn log_message(line: &str) -> Option<String> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(v)) => v.get("@message").and_then(Value::as_str).map(str::to_owned),
        // Anything else, even text that happens to parse as a JSON number, is shown.
        Ok(_) | Err(_) => Some(line.to_owned()),
    }
}

/// `terraform fmt -check -diff -recursive`: the unformatted files (repository-relative) and the
/// diff text.
pub fn parse_fmt(stdout: &str, working_dir: &Path) -> (Vec<String>, String) {
    let mut files = Vec::new();
    for line in stdout.lines() {
        if let Some(path) = line.strip_prefix("--- old/") {
            files.push(repo_path(working_dir, path.trim()));
        }
    }
    let diff: String = stdout
        .lines()
        .skip_while(|l| !l.starts_with("--- old/"))
        .collect::<Vec<_>>()
        .join("\n");
    (files, diff)
}

/// The diagnostics in Terraform's human output (`plan`, `apply`, with or without colour
/// boxes) as findings: `Error: summary`, then `on FILE line N, in …:` when the diagnostic has a
/// source range, then the detail. Paths are made repository-relative from `working_dir`.
/// Terraform's `-json` log would carry the same, but the job log keeps its readable form.
pub fn findings_from_output(output: &str, working_dir: &Path) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    // The detail of the diagnostic being read: its unindented lines after the summary.
    let mut detail: Vec<String> = Vec::new();
    let finish = |findings: &mut Vec<Finding>, detail: &mut Vec<String>| {
        if let Some(last) = findings.last_mut() {
            if !detail.is_empty() {
                last.message = detail.join(" ");
            }
        }
        detail.clear();
    };
    let mut open = false;
    for raw in output.lines() {
        let line = raw
            .strip_prefix('│')
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .unwrap_or(raw)
            .trim_end();
        let severity = [("Error: ", Level::Error), ("Warning: ", Level::Warning)]
            .into_iter()
            .find_map(|(word, level)| line.strip_prefix(word).map(|rest| (level, rest)));
        if let Some((level, summary)) = severity {
            finish(&mut findings, &mut detail);
            let mut f = Finding::new(level, summary.trim());
            f.title = Some(summary.trim().to_owned());
            findings.push(f);
            open = true;
            continue;
        }
        if !open {
            continue;
        }
        if line.starts_with('╵') {
            finish(&mut findings, &mut detail);
            open = false;
            continue;
        }
        if let Some(place) = line.trim_start().strip_prefix("on ") {
            let located = findings.last().is_some_and(|f| f.file.is_some());
            if let (false, Some((file, rest))) = (located, place.rsplit_once(" line ")) {
                let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if let (Ok(n), Some(last)) = (number.parse::<u32>(), findings.last_mut()) {
                    last.file = Some(repo_path(working_dir, file));
                    last.line = Some(n.max(1));
                    last.end_line = Some(n.max(1));
                    continue;
                }
            }
        }
        // The detail is unindented; the source snippet and values are indented.
        if !line.is_empty() && !line.starts_with([' ', '\t']) {
            detail.push(line.trim().to_owned());
        }
    }
    finish(&mut findings, &mut detail);
    findings
}

/// A readable one-line reason for a failed plan or apply: lock contention with the lock's
/// owner and age, else the first `Error:` line.
pub fn failure_reason(output: &str, what: &str) -> String {
    if output.contains("Error acquiring the state lock") {
        let info: Vec<&str> = output
            .lines()
            .map(str::trim)
            .filter(|l| {
                ["ID:", "Who:", "Operation:", "Created:", "Path:"]
                    .iter()
                    .any(|p| l.starts_with(p))
            })
            .collect();
        return format!(
            "the state is locked by another run ({}); wait for it to finish, or run `terraform force-unlock <ID>` if it died",
            info.join(", ")
        );
    }
    let mut lines = output
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("Error:"));
    let Some(first_error) = lines.next().map(str::trim) else {
        return format!("{what} failed: see the log above");
    };
    // The diagnostic's detail is its first unindented line after the source snippet (a
    // precondition's error_message, a provider's explanation).
    let detail = lines
        .take_while(|l| !l.trim_start().starts_with("Error:"))
        .find(|l| !l.trim().is_empty() && !l.starts_with([' ', '\t', '│', '╷', '╵']))
        .map(str::trim);
    match detail {
        Some(d) if !first_error.contains(d) => format!("{what} failed: {first_error}: {d}"),
        _ => format!("{what} failed: {first_error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_get_repo_relative_paths() {
        let out: ValidateOutput = serde_json::from_str(r#"{"valid":false,"diagnostics":[{"severity":"error","summary":"Reference to undeclared input variable","detail":"No var","range":{"filename":"main.tf","start":{"line":2,"column":11},"end":{"line":2,"column":22}}}]}"#).unwrap();
        let f = out.diagnostics[0].to_finding(Path::new("terraform/aws"));
        assert_eq!(f.file.as_deref(), Some("terraform/aws/main.tf"));
        assert_eq!(
            (f.line, f.end_line, f.column, f.end_column),
            (Some(2), Some(2), Some(11), Some(22))
        );
        assert_eq!(f.level, Level::Error);
        assert_eq!(
            repo_path(Path::new("terraform/aws/dns"), "../main.tf"),
            "terraform/aws/main.tf"
        );
    }

    #[test]
    fn fmt_lists_files_and_keeps_diff() {
        let (files, diff) = parse_fmt(
            "output.tf\n--- old/output.tf\n+++ new/output.tf\n@@ -1 +1 @@\n-a =1\n+a = 1\n",
            Path::new("terraform/aws"),
        );
        assert_eq!(files, vec!["terraform/aws/output.tf"]);
        assert!(diff.starts_with("--- old/output.tf") && diff.contains("+a = 1"));
    }

    #[test]
    fn human_diagnostics_become_findings_at_their_file_and_line() {
        // Terraform 1.x `plan -no-color` after a reference error, and the boxed form a
        // coloured run prints.
        let plain = "random_pet.x: Refreshing...\n\nError: Reference to undeclared resource\n\n  on main.tf line 3, in resource \"terraform_data\" \"x\":\n   3:   input = foo.bar\n\nA managed resource \"foo\" \"bar\" has not been declared in the root\nmodule.\n\nWarning: Deprecated\n\nsomething\n";
        let f = findings_from_output(plain, Path::new("terraform/aws"));
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].level, Level::Error);
        assert_eq!(f[0].file.as_deref(), Some("terraform/aws/main.tf"));
        assert_eq!((f[0].line, f[0].end_line), (Some(3), Some(3)));
        assert_eq!(
            f[0].title.as_deref(),
            Some("Reference to undeclared resource")
        );
        assert_eq!(
            f[0].message,
            "A managed resource \"foo\" \"bar\" has not been declared in the root module."
        );
        assert_eq!((f[1].level, f[1].file.as_deref()), (Level::Warning, None));
        let boxed = "╷\n│ Error: Invalid count argument\n│ \n│   on ../modules/net/main.tf line 12, in resource \"x\" \"y\":\n│   12:   count = var.n\n│ \n│ The count value depends on values that cannot be known.\n╵\n";
        let f = findings_from_output(boxed, Path::new("terraform/aws"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].file.as_deref(), Some("terraform/modules/net/main.tf"));
        assert_eq!(f[0].line, Some(12));
        assert_eq!(
            f[0].message,
            "The count value depends on values that cannot be known."
        );
        // No diagnostic at all (a crash): nothing invented.
        assert!(findings_from_output("panic: boom\n", Path::new(".")).is_empty());
    }

    #[test]
    fn init_log_diagnostics() {
        let log = r#"{"@message":"Terraform 1.15.5","type":"version"}
{"@level":"error","@message":"Error: Unclosed configuration block","diagnostic":{"severity":"error","summary":"Unclosed configuration block","detail":"x","range":{"filename":"syntax.tf","start":{"line":1,"column":14},"end":{"line":1,"column":15}}},"type":"diagnostic"}"#;
        let d = diagnostics_from_log(log);
        assert_eq!(d.len(), 1);
        assert_eq!(
            log_message(log.lines().next().unwrap()).as_deref(),
            Some("Terraform 1.15.5")
        );
    }
}
