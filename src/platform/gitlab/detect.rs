//! GitLab event detection from predefined variables: see docs/REFERENCES.md, sections
//! "GitLab: predefined variables" and "GitLab: pipeline sources".

use std::path::PathBuf;

use crate::context::{real_sha, Context, DetectOptions, Event, Links, Platform, RepoRef};
use crate::env::{vars, Env};
use crate::error::UsageError;

pub fn detect(env: &Env, opts: &DetectOptions) -> Result<Context, UsageError> {
    let source = env
        .get(vars::CI_PIPELINE_SOURCE)
        .ok_or_else(|| {
            UsageError::missing(
                vars::CI_PIPELINE_SOURCE,
                "GitLab sets it in every job; is GITLAB_CI=true set outside GitLab?",
            )
        })?
        .to_owned();
    let api_url = env
        .get(vars::CI_API_V4_URL)
        .ok_or_else(|| {
            UsageError::missing(
                vars::CI_API_V4_URL,
                "GitLab sets it in every job (https://<host>/api/v4)",
            )
        })?
        .trim_end_matches('/')
        .to_owned();
    let project = env
        .get(vars::CI_PROJECT_ID)
        .or_else(|| env.get(vars::CI_PROJECT_PATH))
        .ok_or_else(|| UsageError::missing(vars::CI_PROJECT_ID, "GitLab sets it in every job"))?
        .to_owned();
    let head_sha = env.get(vars::CI_COMMIT_SHA).map(str::to_owned);
    let mr_iid = match env.get(vars::CI_MERGE_REQUEST_IID) {
        Some(v) => Some(v.parse::<u64>().map_err(|_| {
            UsageError::invalid(vars::CI_MERGE_REQUEST_IID, "a merge request number", v)
        })?),
        None => None,
    };
    let mr_event = || {
        let base_branch = env
            .get(vars::CI_MERGE_REQUEST_TARGET_BRANCH_NAME)
            .map(str::to_owned);
        let base_sha = real_sha(env.get(vars::CI_MERGE_REQUEST_DIFF_BASE_SHA));
        if env.get(vars::CI_MERGE_REQUEST_EVENT_TYPE) == Some("merge_train") {
            Event::MergeQueue {
                number: mr_iid,
                base_branch,
                base_sha,
                head_sha: head_sha.clone(),
            }
        } else {
            Event::PullRequest {
                number: mr_iid,
                base_branch,
                base_sha,
                head_sha: head_sha.clone(),
            }
        }
    };
    let branch_or_tag = || {
        if let Some(tag) = env.get(vars::CI_COMMIT_TAG) {
            Event::Tag {
                name: tag.to_owned(),
            }
        } else {
            let before_raw = env.get(vars::CI_COMMIT_BEFORE_SHA);
            Event::Push {
                branch: env
                    .get(vars::CI_COMMIT_BRANCH)
                    .or_else(|| env.get(vars::CI_COMMIT_REF_NAME))
                    .unwrap_or("HEAD")
                    .to_owned(),
                before: real_sha(before_raw),
                after: head_sha.clone(),
                // GitLab sends all zeros for the first pipeline of a branch; it has no force flag,
                // so a non-ancestor before is caught later by the compare (straight=true) diff.
                created: before_raw.is_none_or(crate::context::is_null_sha),
                forced: false,
                deleted: false,
            }
        }
    };
    let event = match source.as_str() {
        "merge_request_event" => mr_event(),
        // Child pipelines of MR pipelines report `parent_pipeline`
        // (docs/REFERENCES.md, "GitLab: pipeline sources").
        "parent_pipeline" if mr_iid.is_some() => mr_event(),
        "external_pull_request_event" => Event::PullRequest {
            number: None,
            base_branch: env
                .get(vars::CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_NAME)
                .map(str::to_owned),
            base_sha: real_sha(env.get(vars::CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA)),
            head_sha: head_sha.clone(),
        },
        "push" | "parent_pipeline" | "pipeline" => branch_or_tag(),
        "schedule" => Event::Schedule,
        "web"
        | "api"
        | "trigger"
        | "chat"
        | "webide"
        | "ondemand_dast_scan"
        | "ondemand_dast_validation"
        | "security_orchestration_policy"
        | "external" => {
            if let Some(tag) = env.get(vars::CI_COMMIT_TAG) {
                Event::Tag {
                    name: tag.to_owned(),
                }
            } else {
                Event::Manual
            }
        }
        // A source newer than this binary: nothing code-change-shaped is known about it, so it is
        // treated like a manual run (the reason names the source) instead of failing pipelines.
        _ => Event::Manual,
    };
    Ok(Context {
        platform: Platform::GitLab,
        event,
        trigger: source,
        repo: RepoRef::GitLab { project, api_url },
        head_sha,
        default_branch: env.get(vars::CI_DEFAULT_BRANCH).map(str::to_owned),
        workspace: env
            .get(vars::CI_PROJECT_DIR)
            .map(PathBuf::from)
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| opts.workspace.clone()),
        in_bitbucket_pipe: false,
        links: Links {
            repository: env
                .get(vars::CI_PROJECT_URL)
                .map(|u| u.trim_end_matches('/').to_owned()),
            run: env.get(vars::CI_JOB_URL).map(str::to_owned),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::EventKind;

    fn detect_with(pairs: &[(&str, &str)]) -> Result<Context, UsageError> {
        let mut all = vec![
            ("CI_API_V4_URL", "https://gl.example/api/v4"),
            ("CI_PROJECT_ID", "42"),
            ("CI_COMMIT_SHA", "abc"),
            ("CI_DEFAULT_BRANCH", "main"),
        ];
        all.extend_from_slice(pairs);
        detect(
            &Env::from_pairs(all.iter().map(|(k, v)| (k.to_string(), v.to_string()))),
            &DetectOptions::default(),
        )
    }

    #[test]
    fn mr_pipeline_ignores_zero_before_sha() {
        let ctx = detect_with(&[
            ("CI_PIPELINE_SOURCE", "merge_request_event"),
            ("CI_MERGE_REQUEST_IID", "7"),
            (
                "CI_COMMIT_BEFORE_SHA",
                "0000000000000000000000000000000000000000",
            ),
        ])
        .unwrap();
        assert_eq!(ctx.event_kind(), EventKind::PullRequest);
        assert!(matches!(
            ctx.event,
            Event::PullRequest {
                number: Some(7),
                ..
            }
        ));
    }

    #[test]
    fn child_pipeline_of_mr_is_an_mr() {
        let ctx = detect_with(&[
            ("CI_PIPELINE_SOURCE", "parent_pipeline"),
            ("CI_MERGE_REQUEST_IID", "9"),
        ])
        .unwrap();
        assert_eq!(ctx.event_kind(), EventKind::PullRequest);
    }

    #[test]
    fn merge_train_is_merge_queue() {
        let ctx = detect_with(&[
            ("CI_PIPELINE_SOURCE", "merge_request_event"),
            ("CI_MERGE_REQUEST_IID", "9"),
            ("CI_MERGE_REQUEST_EVENT_TYPE", "merge_train"),
        ])
        .unwrap();
        assert_eq!(ctx.event_kind(), EventKind::MergeQueue);
    }

    #[test]
    fn default_branch_push_and_tag_and_schedule() {
        let push = detect_with(&[
            ("CI_PIPELINE_SOURCE", "push"),
            ("CI_COMMIT_BRANCH", "main"),
            ("CI_COMMIT_BEFORE_SHA", "def"),
        ])
        .unwrap();
        assert_eq!(push.event_kind(), EventKind::PushDefault);
        let tag =
            detect_with(&[("CI_PIPELINE_SOURCE", "push"), ("CI_COMMIT_TAG", "v1.0")]).unwrap();
        assert_eq!(tag.event_kind(), EventKind::Tag);
        let web =
            detect_with(&[("CI_PIPELINE_SOURCE", "web"), ("CI_COMMIT_BRANCH", "main")]).unwrap();
        assert_eq!(web.event_kind(), EventKind::Manual);
        let sched = detect_with(&[("CI_PIPELINE_SOURCE", "schedule")]).unwrap();
        assert_eq!(sched.event_kind(), EventKind::Schedule);
    }

    #[test]
    fn unknown_source_is_treated_as_manual() {
        let ctx = detect_with(&[("CI_PIPELINE_SOURCE", "some_future_source")]).unwrap();
        assert_eq!(ctx.event_kind(), EventKind::Manual);
        assert_eq!(ctx.trigger, "some_future_source");
    }

    #[test]
    fn missing_api_url_names_the_variable() {
        let env = Env::from_pairs([("CI_PIPELINE_SOURCE", "push"), ("CI_PROJECT_ID", "1")]);
        let err = detect(&env, &DetectOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("CI_API_V4_URL"), "{err}");
    }
}
