//! Bitbucket event detection (docs/REFERENCES.md, "Bitbucket: variables and events").
//! Bitbucket has no before SHA and no marker for custom pipelines: pushes are refined later
//! through the pipelines API, and custom pipelines can say what they are with `--event`.

use std::path::PathBuf;

use crate::context::{Context, DetectOptions, Event, Links, Platform, RepoRef};
use crate::env::{vars, Env};
use crate::error::UsageError;

pub const DEFAULT_API_URL: &str = "https://api.bitbucket.org/2.0";

pub fn detect(env: &Env, opts: &DetectOptions) -> Result<Context, UsageError> {
    let (workspace, slug) = match (env.get(vars::BITBUCKET_WORKSPACE), env.get(vars::BITBUCKET_REPO_SLUG)) {
        (Some(w), Some(s)) => (w.to_owned(), s.to_owned()),
        _ => match env.get(vars::BITBUCKET_REPO_FULL_NAME).and_then(|f| f.split_once('/')) {
            Some((w, s)) => (w.to_owned(), s.to_owned()),
            None => {
                return Err(UsageError::missing(
                    vars::BITBUCKET_REPO_FULL_NAME,
                    "Bitbucket sets BITBUCKET_WORKSPACE and BITBUCKET_REPO_SLUG (or BITBUCKET_REPO_FULL_NAME=workspace/slug); a pipe must forward them",
                ))
            }
        },
    };
    let head_sha = env.get(vars::BITBUCKET_COMMIT).map(str::to_owned);
    let (event, trigger) = if let Some(pr) = env.get(vars::BITBUCKET_PR_ID) {
        let number = pr
            .parse::<u64>()
            .map_err(|_| UsageError::invalid(vars::BITBUCKET_PR_ID, "a pull request number", pr))?;
        (
            Event::PullRequest {
                number: Some(number),
                base_branch: env
                    .get(vars::BITBUCKET_PR_DESTINATION_BRANCH)
                    .map(str::to_owned),
                base_sha: None,
                head_sha: head_sha.clone(),
            },
            "pull-requests",
        )
    } else if let Some(tag) = env.get(vars::BITBUCKET_TAG) {
        (
            Event::Tag {
                name: tag.to_owned(),
            },
            "tags",
        )
    } else if let Some(branch) = env.get(vars::BITBUCKET_BRANCH) {
        (
            Event::Push {
                branch: branch.to_owned(),
                before: None,
                after: head_sha.clone(),
                created: false,
                forced: false,
                deleted: false,
            },
            "branches",
        )
    } else {
        // Custom pipelines started from a commit carry neither a branch nor a tag.
        (Event::Manual, "custom")
    };
    Ok(Context {
        platform: Platform::Bitbucket,
        event,
        trigger: trigger.to_owned(),
        repo: RepoRef::Bitbucket {
            workspace,
            slug,
            api_url: env
                .get(vars::BITBUCKET_API_URL)
                .unwrap_or(DEFAULT_API_URL)
                .trim_end_matches('/')
                .to_owned(),
        },
        head_sha,
        // Not an environment variable on Bitbucket: `--default-branch`, else the API, else git.
        default_branch: None,
        workspace: env
            .get(vars::BITBUCKET_CLONE_DIR)
            .map(PathBuf::from)
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| opts.workspace.clone()),
        in_bitbucket_pipe: env.get(vars::BITBUCKET_PIPE_STORAGE_DIR).is_some()
            || env.get(vars::BITBUCKET_PIPE_SHARED_STORAGE_DIR).is_some(),
        links: links(env),
    })
}

/// The repository's page on Bitbucket Cloud and the pipeline's
/// (`…/pipelines/results/BITBUCKET_BUILD_NUMBER`).
fn links(env: &Env) -> Links {
    let full_name = env
        .get(vars::BITBUCKET_REPO_FULL_NAME)
        .map(str::to_owned)
        .or_else(|| {
            Some(format!(
                "{}/{}",
                env.get(vars::BITBUCKET_WORKSPACE)?,
                env.get(vars::BITBUCKET_REPO_SLUG)?
            ))
        });
    let repository = full_name
        .filter(|r| r.split('/').count() == 2)
        .map(|r| format!("https://bitbucket.org/{r}"));
    let run = match (&repository, env.get(vars::BITBUCKET_BUILD_NUMBER)) {
        (Some(repository), Some(n)) if n.chars().all(|c| c.is_ascii_digit()) => {
            Some(format!("{repository}/pipelines/results/{n}"))
        }
        _ => None,
    };
    Links { repository, run }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::EventKind;

    fn detect_with(pairs: &[(&str, &str)]) -> Context {
        let mut all = vec![
            ("BITBUCKET_BUILD_NUMBER", "3"),
            ("BITBUCKET_WORKSPACE", "acme"),
            ("BITBUCKET_REPO_SLUG", "kkp"),
            ("BITBUCKET_COMMIT", "abc123def456"),
        ];
        all.extend_from_slice(pairs);
        detect(
            &Env::from_pairs(all.iter().map(|(k, v)| (k.to_string(), v.to_string()))),
            &DetectOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn pr_branch_tag_custom() {
        assert_eq!(
            detect_with(&[("BITBUCKET_PR_ID", "5"), ("BITBUCKET_BRANCH", "feat")]).event_kind(),
            EventKind::PullRequest
        );
        assert_eq!(
            detect_with(&[("BITBUCKET_TAG", "v1")]).event_kind(),
            EventKind::Tag
        );
        assert_eq!(detect_with(&[]).event_kind(), EventKind::Manual);
        let push = detect_with(&[("BITBUCKET_BRANCH", "main")]);
        assert!(matches!(push.event, Event::Push { before: None, .. }));
    }

    #[test]
    fn pipe_container_is_detected() {
        assert!(detect_with(&[("BITBUCKET_PIPE_STORAGE_DIR", "/opt/atlassian/pipelines/agent/build/.bitbucket/pipelines/generated/pipeline/pipes")]).in_bitbucket_pipe);
        assert!(!detect_with(&[]).in_bitbucket_pipe);
    }
}
