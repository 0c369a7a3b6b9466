//! The change set: which files the triggering event changed.
//!
//! The host's API is asked first (it needs no git history). When its answer may be incomplete
//! (a cap reached, no token, errors after retries, no before SHA) a local git tree diff is tried,
//! and when that fails too the change set is `Unknown`, which `--on-unknown` then decides.

pub mod filter;
pub mod glob;

use std::future::Future;

use crate::context::{Context, Event, EventKind, Platform};
use crate::files::{short, ApiChanges, ChangedFile};
use crate::git::Git;

/// What is known about the changed files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeSet {
    /// The complete list. `source` says where it came from; `notes` say why a fallback was used.
    Known {
        files: Vec<ChangedFile>,
        source: String,
        notes: Vec<String>,
    },
    /// The event has no change range (schedule, manual run, tag): paths are not checked.
    NotApplicable { why: String },
    /// The list could not be determined.
    Unknown { why: String },
}

impl ChangeSet {
    pub fn files(&self) -> &[ChangedFile] {
        match self {
            ChangeSet::Known { files, .. } => files,
            _ => &[],
        }
    }
}

/// The commits a git fallback compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GitRange {
    /// `git diff base head`: exactly the tree difference (pushes, force pushes, merge queues).
    TwoDot { base: String, head: String },
    /// Diff from the merge-base of `base` and `head`, as pull requests show it.
    MergeBase { base: String, head: String },
    /// Local runs: from the merge-base to the work tree, plus untracked files.
    WorkTree { base: String },
    /// The first push of a repository: every file.
    AllFiles { head: String },
    /// No range can be formed.
    None { why: String },
}

/// Determines the change set for the event in `ctx`.
///
/// `api_lookup` is the host's answer (the caller bounds it in time); it is awaited only for
/// events that have a change range. Its error says why the API list was not used.
pub async fn resolve(
    ctx: &Context,
    api_lookup: impl Future<Output = Result<ApiChanges, String>>,
) -> ChangeSet {
    match &ctx.event {
        Event::Schedule | Event::Manual | Event::Tag { .. } => {
            return ChangeSet::NotApplicable {
                why: format!("a {} has no change range", ctx.describe_event()),
            }
        }
        Event::Push { deleted: true, .. } => {
            return ChangeSet::NotApplicable {
                why: "the push deleted the branch".to_owned(),
            }
        }
        _ => {}
    }
    let note = match api_lookup.await {
        Ok(found) => {
            return ChangeSet::Known {
                files: found.files,
                source: found.source,
                notes: Vec::new(),
            }
        }
        Err(e) => e,
    };
    // Locally git is the source, not a fallback: no note on why the API was not used.
    let api_note = match ctx.platform {
        Platform::Local => None,
        Platform::GitHub | Platform::GitLab | Platform::Bitbucket => Some(note),
    };
    // Git only when the API did not answer: it is a process start or more on the way to a
    // decision the API already gave.
    let git = Git::new(&ctx.workspace);
    let range = git_range(ctx, &git);
    match from_git(&git, &range) {
        Ok((files, source)) => ChangeSet::Known {
            files,
            source,
            notes: api_note.into_iter().collect(),
        },
        Err(git_err) => ChangeSet::Unknown {
            why: match api_note {
                None => git_err,
                Some(note) => format!("{note}; git fallback: {git_err}"),
            },
        },
    }
}

/// The range a git fallback uses for this event.
pub fn git_range(ctx: &Context, git: &Git) -> GitRange {
    let head = ctx.head_sha.clone().unwrap_or_else(|| "HEAD".to_owned());
    let default_ref = |branch: Option<&String>| -> Option<String> {
        let b = branch.or(ctx.default_branch.as_ref())?;
        // Prefer the remote-tracking ref: CI clones rarely have the local branch.
        Some(if git.resolve(&format!("origin/{b}")).is_some() {
            format!("origin/{b}")
        } else {
            b.clone()
        })
    };
    let local = match ctx.platform {
        Platform::Local => true,
        Platform::GitHub | Platform::GitLab | Platform::Bitbucket => false,
    };
    if local {
        return match &ctx.event {
            Event::PullRequest {
                base_sha: Some(b), ..
            }
            | Event::Push {
                before: Some(b), ..
            } => GitRange::WorkTree { base: b.clone() },
            Event::PullRequest { base_branch, .. } => match default_ref(base_branch.as_ref()) {
                Some(base) => GitRange::WorkTree { base },
                None => GitRange::None {
                    why: "no base to compare with: pass --base <rev> or --default-branch"
                        .to_owned(),
                },
            },
            _ => match default_ref(None) {
                Some(base) => GitRange::WorkTree { base },
                None => GitRange::None {
                    why: "no base to compare with: pass --base <rev>".to_owned(),
                },
            },
        };
    }
    match &ctx.event {
        Event::PullRequest {
            base_sha,
            base_branch,
            head_sha,
            ..
        } => {
            let head = head_sha.clone().unwrap_or(head);
            match base_sha
                .clone()
                .or_else(|| default_ref(base_branch.as_ref()))
            {
                Some(base) => GitRange::MergeBase { base, head },
                None => GitRange::None {
                    why: "the pull request's base is unknown".to_owned(),
                },
            }
        }
        Event::MergeQueue {
            base_sha: Some(base),
            head_sha,
            ..
        } => GitRange::TwoDot {
            base: base.clone(),
            head: head_sha.clone().unwrap_or(head),
        },
        Event::MergeQueue { base_branch, .. } => match default_ref(base_branch.as_ref()) {
            Some(base) => GitRange::MergeBase { base, head },
            None => GitRange::None {
                why: "the merge queue's base is unknown".to_owned(),
            },
        },
        Event::Push {
            before: Some(before),
            after,
            ..
        } => GitRange::TwoDot {
            base: before.clone(),
            head: after.clone().unwrap_or(head),
        },
        Event::Push { branch, after, .. } => {
            let head = after.clone().unwrap_or(head);
            if ctx.event_kind() == EventKind::PushDefault {
                match ctx.platform {
                    // No before SHA there, so an empty one does not mean a first push.
                    Platform::Bitbucket => GitRange::None { why: "Bitbucket has no before commit for a push to the default branch and no earlier successful pipeline was found".to_owned() },
                    Platform::GitHub | Platform::GitLab | Platform::Local => GitRange::AllFiles { head },
                }
            } else {
                match default_ref(None) {
                    Some(base) if base.trim_start_matches("origin/") != branch => GitRange::MergeBase { base, head },
                    _ => GitRange::None { why: format!("push to {branch} has no before commit and the default branch is unknown (--default-branch)") },
                }
            }
        }
        Event::Tag { .. } | Event::Schedule | Event::Manual => GitRange::None {
            why: "no change range".to_owned(),
        },
    }
}

/// Runs the git fallback for `range`.
pub fn from_git(git: &Git, range: &GitRange) -> Result<(Vec<ChangedFile>, String), String> {
    let run = || -> anyhow::Result<(Vec<ChangedFile>, String)> {
        match range {
            GitRange::TwoDot { base, head } => {
                let b = git.ensure_commit(base)?;
                let h = git.ensure_commit(head)?;
                Ok((
                    git.diff(&b, Some(&h))?,
                    format!("git diff {}..{}", short(&b), short(&h)),
                ))
            }
            GitRange::MergeBase { base, head } => {
                let b = git.ensure_commit(base)?;
                let h = git.ensure_commit(head)?;
                let mb = git.merge_base(&b, &h)?;
                Ok((
                    git.diff(&mb, Some(&h))?,
                    format!(
                        "git diff {}...{} (merge-base {})",
                        short(base),
                        short(&h),
                        short(&mb)
                    ),
                ))
            }
            GitRange::WorkTree { base } => {
                let b = git
                    .resolve(base)
                    .ok_or_else(|| anyhow::anyhow!("{base} is not a commit in this clone"))?;
                let mb = git.merge_base(&b, "HEAD")?;
                let mut files = git.diff(&mb, None)?;
                files.extend(git.untracked()?);
                Ok((
                    files,
                    format!(
                        "git diff {}...work tree (merge-base {}), with untracked files",
                        short(base),
                        short(&mb)
                    ),
                ))
            }
            GitRange::AllFiles { head } => {
                let h = git.ensure_commit(head)?;
                Ok((
                    git.all_files(&h)?,
                    format!("every file at {} (first push of the branch)", short(&h)),
                ))
            }
            GitRange::None { why } => Err(anyhow::anyhow!("{why}")),
        }
    };
    run().map_err(|e| format!("{e:#}"))
}
