//! flux's output (docs/REFERENCES.md, "flux: output"): every line on stderr starts with a symbol
//! (`►` action, `✚` generate, `◎` waiting, `✔` success, `⚠️` warning, `✗` failure); `flux
//! version -o json` is a flat map on stdout. Turned into versions, findings and a one-line reason.

use serde_json::Value;

use crate::report::model::{Finding, Level};

/// A Flux release, `v2.6.4` or `2.6.4`, compared by its numbers.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FluxVersion(Vec<u64>);

impl FluxVersion {
    /// `v2.6.4`, `2.6.4`, `flux-v2.6.4` (a distribution name); `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let text = text.strip_prefix("flux-").unwrap_or(text);
        let text = text.strip_prefix('v').unwrap_or(text);
        // A pre-release or build suffix (`2.7.0-rc.1`) does not change the order we need.
        let core = text.split(['-', '+']).next()?;
        let numbers: Option<Vec<u64>> = core.split('.').map(|n| n.parse().ok()).collect();
        numbers.filter(|n| n.len() == 3).map(Self)
    }
}

impl std::fmt::Display for FluxVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(u64::to_string).collect();
        write!(f, "v{}", parts.join("."))
    }
}

/// The CLI's own version from `flux version --client -o json` (`{"flux": "v2.6.4"}`).
pub fn client_version(stdout: &str) -> Option<FluxVersion> {
    let v: Value = serde_json::from_str(stdout.trim()).ok()?;
    FluxVersion::parse(v.get("flux")?.as_str()?)
}

/// What `flux version -o json` says about the cluster.
#[derive(Debug, PartialEq, Eq)]
pub enum OnCluster {
    /// `no deployments found in flux-system namespace`.
    Missing,
    /// Installed; the version from `distribution` (`flux-v2.6.4`).
    Installed(FluxVersion),
    /// Installed, but its version cannot be read (no `distribution`: not installed by flux).
    Unknown,
}

/// Reads `flux version -o json`'s answer; `Err` with flux's message when it failed for another
/// reason than Flux being absent (the cluster cannot be reached, for example).
pub fn on_cluster(success: bool, stdout: &str, stderr: &str) -> Result<OnCluster, String> {
    if !success {
        if stderr.contains("no deployments found") {
            return Ok(OnCluster::Missing);
        }
        return Err(failure_reason(stderr)
            .unwrap_or_else(|| "flux version failed without a message".to_owned()));
    }
    let Ok(v) = serde_json::from_str::<Value>(stdout.trim()) else {
        return Ok(OnCluster::Unknown);
    };
    Ok(v.get("distribution")
        .and_then(Value::as_str)
        .and_then(FluxVersion::parse)
        .map_or(OnCluster::Unknown, OnCluster::Installed))
}

fn failure_line(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix('✗').map(str::trim)
}

fn warning_line(line: &str) -> Option<&str> {
    let line = line.trim_start().strip_prefix('⚠')?;
    Some(line.strip_prefix('\u{fe0f}').unwrap_or(line).trim())
}

/// flux's `✗` lines as errors and `⚠️` lines as warnings.
pub fn findings(stderr: &str) -> Vec<Finding> {
    stderr
        .lines()
        .filter_map(|line| {
            let (level, msg) = if let Some(msg) = failure_line(line) {
                (Level::Error, msg)
            } else {
                (Level::Warning, warning_line(line)?)
            };
            let mut f = Finding::new(level, msg.to_owned());
            f.title = Some("flux".to_owned());
            Some(f)
        })
        .collect()
}

/// The last `✗` line: flux prints its fatal error last.
pub fn failure_reason(stderr: &str) -> Option<String> {
    stderr
        .lines()
        .rev()
        .find_map(failure_line)
        .map(|msg| msg.replace("\\n", " — "))
}

/// flux's `✔` lines, for the summary.
pub fn done_steps(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix('✔').map(str::trim))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_number() {
        let v = |s| FluxVersion::parse(s).unwrap();
        assert!(v("v2.6.4") > v("2.5.10"));
        assert_eq!(v("flux-v2.6.4"), v("2.6.4"));
        assert_eq!(v("v2.7.0-rc.1").to_string(), "v2.7.0");
        assert_eq!(FluxVersion::parse("latest"), None);
        assert_eq!(client_version(r#"{"flux":"v2.6.4"}"#), Some(v("2.6.4")));
    }

    #[test]
    fn the_cluster_side_answer() {
        assert_eq!(
            on_cluster(
                false,
                "",
                "✗ no deployments found in flux-system namespace\n"
            ),
            Ok(OnCluster::Missing)
        );
        assert_eq!(
            on_cluster(
                true,
                r#"{"distribution":"flux-v2.5.1","flux":"v2.6.4","source-controller":"v1.5.0"}"#,
                ""
            ),
            Ok(OnCluster::Installed(FluxVersion::parse("2.5.1").unwrap()))
        );
        assert_eq!(
            on_cluster(false, "", "✗ cluster info unavailable: dial tcp: refused\n"),
            Err("cluster info unavailable: dial tcp: refused".to_owned())
        );
    }

    #[test]
    fn failures_and_warnings_become_findings() {
        let stderr = "► connecting to github.com\n⚠\u{fe0f} something odd\n✔ cloned repository\n✗ failed to push manifests: denied\n";
        let f = findings(stderr);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].level, Level::Warning);
        assert_eq!(f[0].message, "something odd");
        assert_eq!(f[1].message, "failed to push manifests: denied");
        assert_eq!(
            failure_reason(stderr).as_deref(),
            Some("failed to push manifests: denied")
        );
        assert_eq!(done_steps(stderr), vec!["cloned repository".to_owned()]);
    }
}
