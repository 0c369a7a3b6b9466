//! Local runs on a laptop: no CI variables, so the event is inferred from git. On the default
//! branch it is a push to the default branch, compared with `origin/<default>` (what you are
//! about to push); on any other branch it is treated as the pull request that branch would open.

use crate::context::{Context, DetectOptions, Event, Platform, RepoRef};
use crate::env::Env;
use crate::error::UsageError;
use crate::git::Git;

pub fn detect(_env: &Env, opts: &DetectOptions) -> Result<Context, UsageError> {
    let root = Git::toplevel(&opts.workspace).unwrap_or_else(|| opts.workspace.clone());
    let git = Git::new(&root);
    let head = git.resolve("HEAD");
    let branch = git.current_branch();
    let default_branch = opts
        .default_branch
        .clone()
        .or_else(|| git.remote_default_branch())
        .or_else(|| {
            ["main", "master"]
                .into_iter()
                .find(|b| git.resolve(b).is_some())
                .map(str::to_owned)
        });
    let base = match &opts.base {
        Some(rev) => Some(git.resolve(rev).ok_or_else(|| {
            UsageError::invalid(
                "--base",
                "a commit, branch or tag present in this clone",
                rev,
            )
        })?),
        None => None,
    };
    let on_default = branch.is_some() && branch == default_branch;
    let event = if on_default {
        Event::Push {
            branch: branch.clone().unwrap_or_default(),
            before: base.clone(),
            after: head.clone(),
            created: false,
            forced: false,
            deleted: false,
        }
    } else {
        Event::PullRequest {
            number: None,
            base_branch: default_branch.clone(),
            base_sha: base,
            head_sha: head.clone(),
        }
    };
    Ok(Context {
        platform: Platform::Local,
        event,
        trigger: format!(
            "local checkout on {}",
            branch.as_deref().unwrap_or("a detached HEAD")
        ),
        repo: RepoRef::Local,
        head_sha: head,
        default_branch,
        workspace: root,
        in_bitbucket_pipe: false,
        links: Default::default(),
    })
}
