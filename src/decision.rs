//! The decision: run or skip, and why. Pure: it takes the event, the change set and the rules,
//! so every case in the table is a unit test.

use std::fmt::Write as _;

use crate::changes::filter::PathFilter;
use crate::changes::ChangeSet;
use crate::context::EventKind;
use crate::files::ChangedFile;

/// What to do when the changed files cannot be determined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnUnknown {
    /// Run: every stage is idempotent, so running is the safe side (default).
    Run,
    Skip,
    /// Fail the job (exit 1) so a person looks.
    Fail,
}

impl OnUnknown {
    pub fn parse(v: &str) -> Option<Self> {
        match v.trim().to_ascii_lowercase().as_str() {
            "run" => Some(OnUnknown::Run),
            "skip" => Some(OnUnknown::Skip),
            "fail" => Some(OnUnknown::Fail),
            _ => None,
        }
    }
}

/// The rules one stage decides by.
#[derive(Clone, Debug)]
pub struct Rules {
    pub run_on: Vec<EventKind>,
    pub paths: PathFilter,
    pub force: bool,
    pub on_unknown: OnUnknown,
}

/// A matched file, with the pattern that selected it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchedFile {
    pub file: ChangedFile,
    pub pattern: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Run,
    Skip,
    /// `--on-unknown fail`: the stage must not be decided silently.
    Fail,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub verdict: Verdict,
    /// One line: which files matched which patterns, or why nothing did, or why changes are unknown.
    pub reason: String,
    pub matched: Vec<MatchedFile>,
    pub changed_count: usize,
}

impl Decision {
    pub fn runs(&self) -> bool {
        self.verdict == Verdict::Run
    }
}

/// How many file names a one-line reason shows before "and N more".
const NAMES_IN_REASON: usize = 3;

/// Whether the event alone already decides. Checked before the change set is fetched, so a
/// stage skipped by event costs no API call.
pub fn decide_by_event(kind: EventKind, event_text: &str, rules: &Rules) -> Option<Decision> {
    if rules.force {
        return Some(Decision {
            verdict: Verdict::Run,
            reason: format!("forced (--force) on {event_text}; event and paths not checked"),
            matched: Vec::new(),
            changed_count: 0,
        });
    }
    if !rules.run_on.contains(&kind) {
        let list: Vec<&str> = rules.run_on.iter().map(|k| k.name()).collect();
        return Some(Decision {
            verdict: Verdict::Skip,
            reason: format!(
                "{event_text} is a `{kind}` event; this stage runs on {} (--run-on)",
                list.join(", ")
            ),
            matched: Vec::new(),
            changed_count: 0,
        });
    }
    None
}

/// The full decision once the change set is known. The reason is always one line: file names
/// and tool errors may hold newlines, which must never split a log line or an output.
pub fn decide(kind: EventKind, event_text: &str, changes: &ChangeSet, rules: &Rules) -> Decision {
    let mut d = decide_inner(kind, event_text, changes, rules);
    d.reason = crate::text::one_line(&d.reason);
    d
}

fn decide_inner(kind: EventKind, event_text: &str, changes: &ChangeSet, rules: &Rules) -> Decision {
    if let Some(d) = decide_by_event(kind, event_text, rules) {
        return d;
    }
    match changes {
        ChangeSet::NotApplicable { why } => Decision {
            verdict: Verdict::Run,
            reason: format!("{why}, so trigger paths are not checked: runs on every {kind}"),
            matched: Vec::new(),
            changed_count: 0,
        },
        ChangeSet::Unknown { why } => {
            let (verdict, what) = match rules.on_unknown {
                OnUnknown::Run => (Verdict::Run, "running to be safe (--on-unknown run)"),
                OnUnknown::Skip => (Verdict::Skip, "skipping (--on-unknown skip)"),
                OnUnknown::Fail => (Verdict::Fail, "failing (--on-unknown fail)"),
            };
            Decision {
                verdict,
                reason: format!("changed files unknown ({why}); {what}"),
                matched: Vec::new(),
                changed_count: 0,
            }
        }
        ChangeSet::Known { files, .. } => {
            let matched: Vec<MatchedFile> = rules
                .paths
                .matches(files)
                .into_iter()
                .map(|m| MatchedFile {
                    file: m.file.clone(),
                    pattern: m.pattern.to_owned(),
                })
                .collect();
            let reason = if matched.is_empty() {
                if files.is_empty() {
                    format!("{event_text} changes no files")
                } else {
                    let names: Vec<String> = files.iter().map(ToString::to_string).collect();
                    format!(
                        "none of the {} changed file{} ({}) match {}",
                        files.len(),
                        plural(files.len()),
                        list_some(&names),
                        rules.paths.patterns().collect::<Vec<_>>().join(", ")
                    )
                }
            } else {
                let mut by_pattern: Vec<(String, Vec<String>)> = Vec::new();
                for m in &matched {
                    match by_pattern.iter_mut().find(|(p, _)| *p == m.pattern) {
                        Some((_, names)) => names.push(m.file.to_string()),
                        None => by_pattern.push((m.pattern.clone(), vec![m.file.to_string()])),
                    }
                }
                let mut r = format!(
                    "{} of {} changed file{} match: ",
                    matched.len(),
                    files.len(),
                    plural(files.len())
                );
                for (i, (pattern, names)) in by_pattern.iter().enumerate() {
                    if i > 0 {
                        r.push_str("; ");
                    }
                    let _ = write!(r, "{} matched `{pattern}`", list_some(names));
                }
                r
            };
            Decision {
                verdict: if matched.is_empty() {
                    Verdict::Skip
                } else {
                    Verdict::Run
                },
                reason,
                matched,
                changed_count: files.len(),
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn list_some(names: &[String]) -> String {
    let shown: Vec<&str> = names
        .iter()
        .take(NAMES_IN_REASON)
        .map(String::as_str)
        .collect();
    let mut s = shown.join(", ");
    if names.len() > NAMES_IN_REASON {
        let _ = write!(s, " and {} more", names.len() - NAMES_IN_REASON);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::filter::DEFAULT_PATHS;
    use crate::files::FileStatus;

    fn rules(run_on: &[EventKind]) -> Rules {
        Rules {
            run_on: run_on.to_vec(),
            paths: PathFilter::from_patterns(DEFAULT_PATHS, "--paths").unwrap(),
            force: false,
            on_unknown: OnUnknown::Run,
        }
    }

    fn known(paths: &[&str]) -> ChangeSet {
        ChangeSet::Known {
            files: paths
                .iter()
                .map(|p| ChangedFile::new(*p, FileStatus::Modified))
                .collect(),
            source: "test".into(),
            notes: vec![],
        }
    }

    #[test]
    fn matching_file_runs_and_reason_names_file_and_pattern() {
        let d = decide(
            EventKind::PullRequest,
            "pull request #1",
            &known(&["terraform/aws/main.tf", "README.md"]),
            &rules(&[EventKind::PullRequest]),
        );
        assert_eq!(d.verdict, Verdict::Run);
        assert!(
            d.reason
                .contains("terraform/aws/main.tf matched `terraform/**`"),
            "{}",
            d.reason
        );
        assert_eq!((d.matched.len(), d.changed_count), (1, 2));
    }

    #[test]
    fn docs_only_skips_and_names_files_and_patterns() {
        let d = decide(
            EventKind::PullRequest,
            "pull request #1",
            &known(&["README.md", "docs/a.md", "docs/b.md", "docs/c.md"]),
            &rules(&[EventKind::PullRequest]),
        );
        assert_eq!(d.verdict, Verdict::Skip);
        assert!(d.reason.contains("none of the 4 changed files (README.md, docs/a.md, docs/b.md and 1 more) match kubeone/**"), "{}", d.reason);
    }

    #[test]
    fn event_rule_skips_before_paths() {
        let d = decide(
            EventKind::PullRequest,
            "pull request #1",
            &known(&["terraform/x.tf"]),
            &rules(&[EventKind::PushDefault]),
        );
        assert_eq!(d.verdict, Verdict::Skip);
        assert!(d.reason.contains("runs on push-default"), "{}", d.reason);
    }

    #[test]
    fn unknown_follows_on_unknown() {
        let unknown = ChangeSet::Unknown {
            why: "API down".into(),
        };
        let mut r = rules(&[EventKind::Push]);
        assert_eq!(
            decide(EventKind::Push, "push", &unknown, &r).verdict,
            Verdict::Run
        );
        r.on_unknown = OnUnknown::Skip;
        assert_eq!(
            decide(EventKind::Push, "push", &unknown, &r).verdict,
            Verdict::Skip
        );
        r.on_unknown = OnUnknown::Fail;
        let d = decide(EventKind::Push, "push", &unknown, &r);
        assert_eq!(d.verdict, Verdict::Fail);
        assert!(d.reason.contains("API down"));
    }

    #[test]
    fn force_overrides_event_and_paths() {
        let mut r = rules(&[EventKind::PushDefault]);
        r.force = true;
        assert_eq!(
            decide(EventKind::Tag, "tag v1", &known(&["README.md"]), &r).verdict,
            Verdict::Run
        );
    }

    #[test]
    fn file_names_with_newlines_cannot_split_the_reason() {
        let d = decide(
            EventKind::PullRequest,
            "pr",
            &known(&["terraform/a\n::error::x.tf"]),
            &rules(&[EventKind::PullRequest]),
        );
        assert!(!d.reason.contains('\n'), "{}", d.reason);
    }

    #[test]
    fn no_range_runs_without_paths() {
        let d = decide(
            EventKind::Schedule,
            "scheduled run",
            &ChangeSet::NotApplicable {
                why: "a scheduled run has no change range".into(),
            },
            &rules(&[EventKind::Schedule]),
        );
        assert_eq!(d.verdict, Verdict::Run);
    }
}
