//! kubermatic-installer's output (docs/REFERENCES.md,
//! "kubermatic-installer: output and exit codes"): logrus lines on stderr, as text
//! (`time="…" level=info msg="…" k=v`, or `INFO[0005] msg   k=v` on a terminal) or as JSON
//! with `-o json` (v2.24 and later); every failure is exit 1, with the reason in the error lines.
//! Turned into readable log lines, findings that name the invalid field, and a one-line reason.

use serde_json::Value;

/// Where KKP releases are downloaded from (`KKP_RELEASES_URL`): the release's assets on GitHub.
pub const DEFAULT_RELEASES_URL: &str = "https://github.com/kubermatic/kubermatic/releases/download";
/// The releases API that publishes each asset's SHA-256 (`KKP_RELEASES_API_URL`).
pub const DEFAULT_RELEASES_API_URL: &str = "https://api.github.com";
/// The repository whose releases hold the installer.
pub const KKP_REPOSITORY: &str = "kubermatic/kubermatic";

use crate::report::model::{Finding, Level};

/// One logrus line, taken apart.
#[derive(Debug, PartialEq, Eq)]
pub struct LogLine {
    pub level: String,
    pub msg: String,
    pub fields: Vec<(String, String)>,
}

/// Parses a logrus JSON or text line; `None` for anything else.
pub fn parse(line: &str) -> Option<LogLine> {
    let line = line.trim_end();
    if line.starts_with('{') {
        let Ok(Value::Object(v)) = serde_json::from_str::<Value>(line) else {
            return None;
        };
        let level = v.get("level").and_then(Value::as_str)?.to_owned();
        let msg = v
            .get("msg")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let fields = v
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "level" | "msg" | "time"))
            .map(|(k, val)| {
                let val = match val {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (k.clone(), val)
            })
            .collect();
        return Some(LogLine { level, msg, fields });
    }
    // TTY form: `INFO[0005] 🛫 Deploying KKP master stack…   k=v`
    if let Some((head, rest)) = line.split_once("] ") {
        if let Some((lvl, secs)) = head.split_once('[') {
            if lvl.chars().all(|c| c.is_ascii_uppercase())
                && !lvl.is_empty()
                && secs.chars().all(|c| c.is_ascii_digit())
            {
                let (msg, fields) = split_trailing_fields(rest);
                return Some(LogLine {
                    level: normalise_level(lvl),
                    msg,
                    fields,
                });
            }
        }
    }
    // Text form: `time="…" level=info msg="…" k=v`
    let pairs = logfmt(line)?;
    let level = pairs.iter().find(|(k, _)| k == "level")?.1.clone();
    let msg = pairs
        .iter()
        .find(|(k, _)| k == "msg")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let fields = pairs
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "level" | "msg" | "time"))
        .collect();
    Some(LogLine { level, msg, fields })
}

fn normalise_level(tty: &str) -> String {
    match tty {
        "WARN" | "WARNING" => "warning".to_owned(),
        "ERRO" | "ERROR" => "error".to_owned(),
        "FATA" | "FATAL" => "fatal".to_owned(),
        "DEBU" | "DEBUG" => "debug".to_owned(),
        "TRAC" => "trace".to_owned(),
        "PANI" => "panic".to_owned(),
        _ => "info".to_owned(),
    }
}

/// `msg    key=value key2="v 2"` → the message and the trailing fields.
fn split_trailing_fields(rest: &str) -> (String, Vec<(String, String)>) {
    // logrus pads the message and appends `k=v` pairs; a field starts after two spaces.
    if let Some(at) = rest.trim_end().rfind("  ") {
        let (msg, tail) = rest.split_at(at);
        if let Some(pairs) = logfmt(tail.trim()) {
            return (msg.trim_end().to_owned(), pairs);
        }
    }
    (rest.trim_end().to_owned(), Vec::new())
}

/// `k=v k2="quoted \"v\""` pairs; `None` when the text is not logfmt.
fn logfmt(text: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek() == Some(&' ') {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c == ' ' {
                break;
            }
            key.push(c);
            chars.next();
        }
        if chars.next() != Some('=') || key.is_empty() {
            return None;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some('n') => value.push('\n'),
                        Some('t') => value.push('\t'),
                        Some(other) => value.push(other),
                        None => break,
                    },
                    '"' => {
                        closed = true;
                        break;
                    }
                    other => value.push(other),
                }
            }
            if !closed {
                return None;
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        out.push((key, value));
    }
    (!out.is_empty()).then_some(out)
}

/// One stderr/stdout line as the log shows it: `info: 🛫 Deploying KKP master stack…`, with
/// fields in brackets; any other line as it is.
pub fn log_line(line: &str) -> Option<String> {
    let Some(parsed) = parse(line) else {
        return Some(line.to_owned());
    };
    let msg = parsed.msg.replace('\n', " — ");
    Some(if parsed.fields.is_empty() {
        format!("{}: {msg}", parsed.level)
    } else {
        // Field values may hold newlines (logfmt `\n`, JSON strings): one log line each.
        let fields: Vec<String> = parsed
            .fields
            .iter()
            .map(|(k, v)| format!("{k}={}", crate::text::one_line(v)))
            .collect();
        format!("{}: {msg} ({})", parsed.level, fields.join(", "))
    })
}

/// Which of the installer's inputs a validation message is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Configuration,
    HelmValues,
}

/// A configuration validation error: `KubermaticConfiguration: spec.ingress.domain cannot be
/// left empty` → the file it is about, the field (when the message starts with one) and the text.
pub fn validation_error(msg: &str) -> Option<(Source, Option<String>, String)> {
    let msg = msg.trim();
    let (source, rest) = if let Some(rest) = msg.strip_prefix("KubermaticConfiguration: ") {
        (Source::Configuration, rest)
    } else if let Some(rest) = msg.strip_prefix("Helm values: ") {
        (Source::HelmValues, rest)
    } else {
        return None;
    };
    let first = rest.split_whitespace().next().unwrap_or("");
    let field = (first.contains('.')
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '[' | ']' | '_' | '-')))
    .then(|| first.to_owned());
    Some((source, field, rest.to_owned()))
}

/// The installer's warnings and errors as findings; validation errors titled with their field.
/// `file_of` names the file a validation error is about.
pub fn findings(output: &str, file_of: &dyn Fn(Source) -> String) -> Vec<Finding> {
    output
        .lines()
        .filter_map(parse)
        .filter_map(|l| {
            let level = match l.level.as_str() {
                "warning" => Level::Warning,
                "error" | "fatal" | "panic" => Level::Error,
                _ => return None,
            };
            let mut f = Finding::new(level, l.msg.trim().replace('\n', " — "));
            match validation_error(&l.msg) {
                Some((source, field, _)) => {
                    f.file = Some(file_of(source));
                    f.title = Some(match field {
                        Some(field) => format!("kubermatic-installer: {field}"),
                        None => "kubermatic-installer".to_owned(),
                    });
                }
                None => f.title = Some("kubermatic-installer".to_owned()),
            }
            Some(f)
        })
        // "⛔ The provided configuration files are invalid:" introduces the list; the list is
        // what matters.
        .filter(|f| !f.message.ends_with("are invalid:"))
        .collect()
}

/// The reason for a failed run, as one line: the validation errors (the first, and how many
/// more), else the last error line, else the exit code.
pub fn failure_reason(code: Option<i32>, output: &str) -> String {
    let errors: Vec<LogLine> = output
        .lines()
        .filter_map(parse)
        .filter(|l| matches!(l.level.as_str(), "error" | "fatal" | "panic"))
        .collect();
    let invalid: Vec<String> = errors
        .iter()
        .filter_map(|l| validation_error(&l.msg).map(|(_, _, _)| l.msg.trim().to_owned()))
        .collect();
    if let Some(first) = invalid.first() {
        return match invalid.len() {
            1 => format!("the configuration is invalid: {first}"),
            n => format!("the configuration is invalid: {first} (and {} more)", n - 1),
        };
    }
    let last = errors
        .iter()
        .rev()
        .map(|l| {
            l.msg
                .trim()
                .trim_start_matches(['❌', '⛔'])
                .trim()
                .to_owned()
        })
        .find(|m| !m.is_empty());
    match (last, code) {
        (Some(m), _) => crate::text::one_line(&m),
        (None, Some(c)) => format!("kubermatic-installer exited with status {c}"),
        (None, None) => "kubermatic-installer was stopped by a signal".to_owned(),
    }
}

/// The version in `version --short` output (`Kubermatic Community Edition Installer v2.29.1`).
pub fn version(text: &str) -> Option<(u32, u32)> {
    text.split_whitespace()
        .find_map(|w| w.strip_prefix('v'))
        .and_then(parse_minor)
}

/// `2.29.1` (or `v2.29.1`) → (2, 29).
pub fn parse_minor(v: &str) -> Option<(u32, u32)> {
    let v = v.trim().trim_start_matches('v');
    let mut parts = v.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts
        .next()?
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    Some((major, minor))
}

/// Whether the installer has `-o json` (the root `--output` flag, v2.24 and later).
pub fn has_json_output(version: (u32, u32)) -> bool {
    version >= (2, 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_log_forms_read_the_same() {
        let text = r#"time="2026-01-01T00:00:00Z" level=info msg="   📦 Deploying cert-manager…" chart=cert-manager"#;
        let json = r#"{"chart":"cert-manager","level":"info","msg":"   📦 Deploying cert-manager…","time":"2026-01-01T00:00:00Z"}"#;
        let tty = "INFO[0005]    📦 Deploying cert-manager…                 chart=cert-manager";
        for l in [text, json, tty] {
            assert_eq!(
                log_line(l).unwrap(),
                "info:    📦 Deploying cert-manager… (chart=cert-manager)",
                "{l}"
            );
        }
        assert_eq!(log_line("plain text").unwrap(), "plain text");
    }

    #[test]
    fn validation_errors_name_the_field_and_the_file() {
        let out = concat!(
            "time=\"t\" level=error msg=\"⛔ The provided configuration files are invalid:\"\n",
            "time=\"t\" level=error msg=\"   KubermaticConfiguration: spec.ingress.domain cannot be left empty\"\n",
            "time=\"t\" level=error msg=\"   Helm values: No Helm Values file was provided, or the file was empty; installation cannot proceed. Please use the flag --helm-values=<valuesfile.yaml>\"\n",
            "time=\"t\" level=error msg=\"❌ Operation failed: please review your configuration and try again.\"\n",
        );
        let f = findings(out, &|s| format!("{s:?}"));
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(
            f[0].title.as_deref(),
            Some("kubermatic-installer: spec.ingress.domain")
        );
        assert_eq!(f[0].file.as_deref(), Some("Configuration"));
        assert_eq!(f[1].file.as_deref(), Some("HelmValues"));
        assert_eq!(
            failure_reason(Some(1), out),
            "the configuration is invalid: KubermaticConfiguration: spec.ingress.domain cannot be left empty (and 1 more)"
        );
        let other =
            "time=\"t\" level=error msg=\"❌ Operation failed: preflight checks have failed.\"\n";
        assert_eq!(
            failure_reason(Some(1), other),
            "Operation failed: preflight checks have failed."
        );
        assert_eq!(
            failure_reason(Some(1), "garbage"),
            "kubermatic-installer exited with status 1"
        );
    }

    #[test]
    fn versions() {
        assert_eq!(
            version("Kubermatic Community Edition Installer v2.29.1"),
            Some((2, 29))
        );
        assert!(has_json_output((2, 24)) && !has_json_output((2, 23)));
        assert_eq!(parse_minor("v2.30.0-rc.1"), Some((2, 30)));
    }
}
