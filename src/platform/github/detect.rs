//! GitHub event detection: `GITHUB_EVENT_NAME` plus the payload at `GITHUB_EVENT_PATH`.
//!
//! The payload is authoritative for commits (`GITHUB_SHA` is the merge commit on pull requests:
//! docs/REFERENCES.md, "GitHub: GITHUB_SHA on pull requests"); where a field is missing we fall
//! back to the environment.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::context::{real_sha, Context, DetectOptions, Event, Links, Platform, RepoRef};
use crate::env::{vars, Env};
use crate::error::UsageError;

const DEFAULT_API_URL: &str = "https://api.github.com";

pub fn detect(env: &Env, opts: &DetectOptions) -> Result<Context, UsageError> {
    let event_name = env
        .get(vars::GITHUB_EVENT_NAME)
        .ok_or_else(|| {
            UsageError::missing(
                vars::GITHUB_EVENT_NAME,
                "GitHub Actions sets it for every run; is this really a GitHub runner?",
            )
        })?
        .to_owned();
    let payload = match env.get(vars::GITHUB_EVENT_PATH) {
        Some(path) => read_payload(Path::new(path))?,
        None => Value::Object(Default::default()),
    };
    let repository = env
        .get(vars::GITHUB_REPOSITORY)
        .map(str::to_owned)
        .or_else(|| {
            payload
                .pointer("/repository/full_name")
                .and_then(Value::as_str)
                .map(str::to_owned)
        });
    let repo = match repository.as_deref().and_then(|r| r.split_once('/')) {
        Some((owner, name)) if !owner.is_empty() && !name.is_empty() => RepoRef::GitHub {
            owner: owner.to_owned(),
            name: name.to_owned(),
            api_url: env
                .get(vars::GITHUB_API_URL)
                .unwrap_or(DEFAULT_API_URL)
                .trim_end_matches('/')
                .to_owned(),
        },
        _ => {
            return Err(UsageError::invalid(
                vars::GITHUB_REPOSITORY,
                "owner/name",
                repository.as_deref().unwrap_or(""),
            ))
        }
    };
    let default_branch = str_at(&payload, "/repository/default_branch");
    let git_ref = env.get(vars::GITHUB_REF).unwrap_or("");
    let env_sha = env.get(vars::GITHUB_SHA).map(str::to_owned);

    let (event, head_sha) = match event_name.as_str() {
        "pull_request"
        | "pull_request_target"
        | "pull_request_review"
        | "pull_request_review_comment" => {
            let number = payload
                .pointer("/pull_request/number")
                .or_else(|| payload.get("number"))
                .and_then(Value::as_u64)
                .or_else(|| pr_number_from_ref(git_ref));
            let head = str_at(&payload, "/pull_request/head/sha");
            let event = Event::PullRequest {
                number,
                base_branch: str_at(&payload, "/pull_request/base/ref")
                    .or_else(|| env.get(vars::GITHUB_BASE_REF).map(str::to_owned)),
                base_sha: str_at(&payload, "/pull_request/base/sha"),
                head_sha: head.clone(),
            };
            (event, head.or(env_sha))
        }
        "merge_group" => {
            let head = str_at(&payload, "/merge_group/head_sha").or(env_sha);
            let event = Event::MergeQueue {
                number: None,
                base_branch: str_at(&payload, "/merge_group/base_ref")
                    .map(|r| r.trim_start_matches("refs/heads/").to_owned()),
                base_sha: str_at(&payload, "/merge_group/base_sha"),
                head_sha: head.clone(),
            };
            (event, head)
        }
        "push" => {
            let full_ref = str_at(&payload, "/ref").unwrap_or_else(|| git_ref.to_owned());
            if let Some(tag) = full_ref.strip_prefix("refs/tags/") {
                (
                    Event::Tag {
                        name: tag.to_owned(),
                    },
                    env_sha,
                )
            } else {
                let branch = full_ref
                    .strip_prefix("refs/heads/")
                    .unwrap_or(&full_ref)
                    .to_owned();
                let after = real_sha(payload.get("after").and_then(Value::as_str)).or(env_sha);
                let before_raw = payload.get("before").and_then(Value::as_str);
                let event = Event::Push {
                    branch,
                    before: real_sha(before_raw),
                    after: after.clone(),
                    created: bool_at(&payload, "created")
                        || before_raw.is_some_and(crate::context::is_null_sha),
                    forced: bool_at(&payload, "forced"),
                    deleted: bool_at(&payload, "deleted"),
                };
                (event, after)
            }
        }
        "release" | "create" if git_ref.starts_with("refs/tags/") => (
            Event::Tag {
                name: git_ref.trim_start_matches("refs/tags/").to_owned(),
            },
            env_sha,
        ),
        "schedule" => (Event::Schedule, env_sha),
        // Everything started by a person or another system rather than by a code change.
        _ => (Event::Manual, env_sha),
    };
    let workspace = env
        .get(vars::GITHUB_WORKSPACE)
        .map(PathBuf::from)
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| opts.workspace.clone());
    Ok(Context {
        platform: Platform::GitHub,
        event,
        trigger: event_name,
        repo,
        head_sha,
        default_branch,
        workspace,
        in_bitbucket_pipe: false,
        links: links(env),
    })
}

/// The repository's page (`GITHUB_SERVER_URL`/`GITHUB_REPOSITORY`) and the workflow run's
/// (`…/actions/runs/GITHUB_RUN_ID`, with the attempt when it is a re-run).
fn links(env: &Env) -> Links {
    let server = env
        .get(vars::GITHUB_SERVER_URL)
        .unwrap_or("https://github.com")
        .trim_end_matches('/');
    let repository = env
        .get(vars::GITHUB_REPOSITORY)
        .filter(|r| r.split('/').count() == 2)
        .map(|r| format!("{server}/{r}"));
    let run = match (&repository, env.get(vars::GITHUB_RUN_ID)) {
        (Some(repository), Some(id)) if id.chars().all(|c| c.is_ascii_digit()) => {
            let mut url = format!("{repository}/actions/runs/{id}");
            if let Some(attempt) = env
                .get(vars::GITHUB_RUN_ATTEMPT)
                .filter(|a| *a != "1" && a.chars().all(|c| c.is_ascii_digit()))
            {
                url.push_str(&format!("/attempts/{attempt}"));
            }
            Some(url)
        }
        _ => None,
    };
    Links { repository, run }
}

/// Reads and validates the event payload. A file that is missing, unreadable or not a JSON object
/// is bad input: the run cannot be trusted to describe the right commits.
fn read_payload(path: &Path) -> Result<Value, UsageError> {
    // GitHub caps webhook payloads at 25 MB; a larger file is not an event.
    const PAYLOAD_MAX: u64 = 25 * 1024 * 1024;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > PAYLOAD_MAX {
            return Err(UsageError::EventPayload {
                path: path.to_owned(),
                problem: format!(
                    "is {} MiB; an event payload is at most 25 MiB",
                    meta.len() / (1024 * 1024)
                ),
            });
        }
    }
    let text = std::fs::read_to_string(path).map_err(|e| UsageError::EventPayload {
        path: path.to_owned(),
        problem: format!("cannot be read: {e}"),
    })?;
    let value: Value = serde_json::from_str(&text).map_err(|e| UsageError::EventPayload {
        path: path.to_owned(),
        problem: format!("is not valid JSON: {e}"),
    })?;
    if !value.is_object() {
        return Err(UsageError::EventPayload {
            path: path.to_owned(),
            problem: "is not a JSON object".to_owned(),
        });
    }
    Ok(value)
}

fn str_at(v: &Value, pointer: &str) -> Option<String> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn bool_at(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// `refs/pull/7/merge` → 7: the fallback when a payload lacks the number
/// (docs/REFERENCES.md, "GitHub: pull request number from the ref").
fn pr_number_from_ref(git_ref: &str) -> Option<u64> {
    git_ref
        .strip_prefix("refs/pull/")?
        .split('/')
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        Env::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn write(dir: &tempfile::TempDir, body: &str) -> String {
        let p = dir.path().join("event.json");
        std::fs::write(&p, body).unwrap();
        p.display().to_string()
    }

    #[test]
    fn pull_request_uses_payload_head_not_merge_sha() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            &dir,
            r#"{"number":7,"pull_request":{"number":7,"base":{"ref":"main","sha":"b1"},"head":{"sha":"h1"}},"repository":{"default_branch":"main"}}"#,
        );
        let e = env(&[
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_EVENT_PATH", &path),
            ("GITHUB_REPOSITORY", "acme/kkp"),
            ("GITHUB_SHA", "merge"),
        ]);
        let ctx = detect(&e, &DetectOptions::default()).unwrap();
        assert_eq!(ctx.head_sha.as_deref(), Some("h1"));
        assert_eq!(
            ctx.event,
            Event::PullRequest {
                number: Some(7),
                base_branch: Some("main".into()),
                base_sha: Some("b1".into()),
                head_sha: Some("h1".into())
            }
        );
    }

    #[test]
    fn pr_number_falls_back_to_ref() {
        let e = env(&[
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_REPOSITORY", "acme/kkp"),
            ("GITHUB_REF", "refs/pull/42/merge"),
        ]);
        let ctx = detect(&e, &DetectOptions::default()).unwrap();
        assert!(matches!(
            ctx.event,
            Event::PullRequest {
                number: Some(42),
                ..
            }
        ));
    }

    #[test]
    fn new_branch_push_has_no_before() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            &dir,
            r#"{"ref":"refs/heads/feat","before":"0000000000000000000000000000000000000000","after":"abc","created":true,"repository":{"default_branch":"main"}}"#,
        );
        let e = env(&[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", &path),
            ("GITHUB_REPOSITORY", "acme/kkp"),
        ]);
        let ctx = detect(&e, &DetectOptions::default()).unwrap();
        assert!(matches!(
            &ctx.event,
            Event::Push {
                before: None,
                created: true,
                ..
            }
        ));
        assert_eq!(ctx.event_kind(), crate::context::EventKind::Push);
    }

    #[test]
    fn malformed_payload_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "{\"ref\": ");
        let e = env(&[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_EVENT_PATH", &path),
            ("GITHUB_REPOSITORY", "acme/kkp"),
        ]);
        let err = detect(&e, &DetectOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&path) && err.contains("not valid JSON"),
            "{err}"
        );
    }

    #[test]
    fn tag_push_is_a_tag() {
        let e = env(&[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_REPOSITORY", "a/b"),
            ("GITHUB_REF", "refs/tags/v1"),
        ]);
        assert_eq!(
            detect(&e, &DetectOptions::default()).unwrap().event,
            Event::Tag { name: "v1".into() }
        );
    }
}
