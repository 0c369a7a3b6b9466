//! kubeone's output (docs/REFERENCES.md, "kubeone: output and exit codes"): the action plan on
//! stdout, logrus JSON lines on stderr (`--log-format json`), a final plain `Error: …` on
//! stderr, and typed exit codes. Turned into readable log lines, findings, the summary and a
//! one-line reason.

use serde_json::Value;

use crate::report::model::{Finding, Level};

/// One stderr line as the log shows it: `warning: Task failed, … (node=10.0.0.1)` for a JSON
/// log line; any other line as it is.
pub fn log_line(line: &str) -> Option<String> {
    let Ok(Value::Object(v)) = serde_json::from_str::<Value>(line) else {
        return Some(line.to_owned());
    };
    let level = v.get("level").and_then(Value::as_str).unwrap_or("info");
    let msg = v.get("msg").and_then(Value::as_str).unwrap_or("");
    let fields: Vec<String> = v
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "level" | "msg" | "time"))
        .map(|(k, val)| match val {
            Value::String(s) => format!("{k}={s}"),
            other => format!("{k}={other}"),
        })
        .collect();
    let msg = msg.replace('\n', " — ");
    Some(if fields.is_empty() {
        format!("{level}: {msg}")
    } else {
        format!("{level}: {msg} ({})", fields.join(", "))
    })
}

/// kubeone's warnings and errors as findings.
pub fn findings(stderr: &str) -> Vec<Finding> {
    stderr
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|v| {
            let level = match v.get("level").and_then(Value::as_str)? {
                "warning" => Level::Warning,
                "error" | "fatal" | "panic" => Level::Error,
                _ => return None,
            };
            let msg = v.get("msg").and_then(Value::as_str)?.replace('\n', " — ");
            let mut f = Finding::new(
                level,
                match v.get("node").and_then(Value::as_str) {
                    Some(node) => format!("{msg} (node {node})"),
                    None => msg,
                },
            );
            f.title = Some("kubeone".to_owned());
            Some(f)
        })
        .collect()
}

/// The planned actions (`+ initialize control plane node …`), from stdout.
pub fn planned_actions(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .skip_while(|l| !l.starts_with("The following actions will be taken"))
        .skip(1)
        .filter(|l| l.starts_with('\t') || l.starts_with("  "))
        .map(|l| l.trim().to_owned())
        .filter(|l| l.starts_with('+') || l.starts_with('~') || l.starts_with('-'))
        .collect()
}

/// The text after kubeone's final `Error: ` line, as one line.
pub fn error_text(stderr: &str) -> Option<String> {
    let start = stderr
        .find("\nError: ")
        .map(|i| i + 1)
        .or_else(|| stderr.starts_with("Error: ").then_some(0))?;
    let text = stderr[start + "Error: ".len()..]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    Some(text)
}

/// What kubeone's exit code says (`pkg/fail/exitcodes.go`).
pub fn exit_kind(code: i32) -> &'static str {
    match code {
        10 => "runtime error",
        11 => "etcd error",
        12 => "Kubernetes client error",
        13 => "SSH error",
        14 => "connection error",
        15 => "configuration error",
        16 => "exec error",
        17 => "machine-controller error",
        18 => "cloud provider error",
        _ => "error",
    }
}

/// One line saying why kubeone failed: the cause where it is recognisable (an SSH login that
/// the node refused, an agent that cannot be reached), else the exit code's meaning and the
/// first part of kubeone's own error.
pub fn failure_reason(code: Option<i32>, stderr: &str) -> String {
    let error = error_text(stderr).unwrap_or_default();
    let all = format!("{stderr}\n{error}");
    if all.contains("unable to authenticate") {
        let host = all
            .split("connection to: ")
            .nth(1)
            .and_then(|rest| rest.split([':', ' ', '\\', '\n', '"']).next())
            .filter(|h| !h.is_empty())
            .unwrap_or("the node");
        return format!(
            "SSH authentication to {host} failed: the node does not accept the key in SSH_PRIVATE_KEY (check ssh_user and the node's authorized_keys)"
        );
    }
    if all.contains("could not open socket") {
        return "kubeone could not reach the SSH agent (SSH_AUTH_SOCK)".to_owned();
    }
    match code {
        Some(c) => {
            let first: String = error.chars().take(300).collect();
            format!(
                "kubeone apply failed with a {} (exit status {c}){}",
                exit_kind(c),
                if first.is_empty() {
                    String::new()
                } else {
                    format!(": {first}")
                }
            )
        }
        None => "kubeone apply was killed by a signal".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STDERR: &str = concat!(
        r#"{"level":"info","msg":"Running host probes...","time":"2026-08-21T10:15:01Z"}"#,
        "\n",
        r#"{"level":"error","msg":"ssh: dialing\nconnection to: 10.0.0.1:22\nssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain","node":"10.0.0.1","time":"2026-08-21T10:15:03Z"}"#,
        "\n",
        r#"{"level":"warning","msg":"Task failed, error was: runtime: running task on \"10.0.0.1\"\nssh: dialing","time":"2026-08-21T10:15:03Z"}"#,
        "\nError: runtime: detecting hostname\nruntime: running task on \"10.0.0.1\"\nssh: dialing\nconnection to: 10.0.0.1:22\nssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain\n"
    );

    #[test]
    fn an_ssh_failure_becomes_one_line_naming_the_host() {
        assert_eq!(
            failure_reason(Some(10), STDERR),
            "SSH authentication to 10.0.0.1 failed: the node does not accept the key in SSH_PRIVATE_KEY (check ssh_user and the node's authorized_keys)"
        );
        let f = findings(STDERR);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].level, Level::Error);
        assert!(f[0].message.ends_with("(node 10.0.0.1)"));
        assert_eq!(
            log_line(STDERR.lines().next().unwrap()).as_deref(),
            Some("info: Running host probes...")
        );
        assert!(error_text(STDERR)
            .unwrap()
            .starts_with("runtime: detecting hostname / "));
    }

    #[test]
    fn the_plan_is_read_from_stdout() {
        let out = "The following actions will be taken: \nRun with --verbose flag for more information.\n\t+ initialize control plane node \"ip-10-0-0-1\" (10.0.0.1) using 1.31.4\n\t+ ensure machinedeployment \"kkp-pool1\" with 2 replica(s) exists\n\t+ apply embedded addons\n\n";
        assert_eq!(
            planned_actions(out),
            vec![
                "+ initialize control plane node \"ip-10-0-0-1\" (10.0.0.1) using 1.31.4",
                "+ ensure machinedeployment \"kkp-pool1\" with 2 replica(s) exists",
                "+ apply embedded addons"
            ]
        );
        assert!(
            failure_reason(Some(15), "Error: configuration validation\nbad")
                .contains("configuration error (exit status 15)")
        );
    }
}
