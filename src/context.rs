//! Where a stage runs and what triggered it: the platform, the event and the repository
//! coordinates, detected from the environment snapshot alone (no network), so detection is
//! cheap, deterministic and unit-testable.

use std::fmt;
use std::path::PathBuf;

use crate::env::{vars, Env};

/// The CI host the stage runs on. An exhaustive enum rather than trait objects: every place that
/// behaves per platform is a `match`, so adding a platform is a compile error until it is handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    GitHub,
    GitLab,
    Bitbucket,
    Local,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::GitHub => "github",
            Platform::GitLab => "gitlab",
            Platform::Bitbucket => "bitbucket",
            Platform::Local => "local",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "github" => Some(Platform::GitHub),
            "gitlab" => Some(Platform::GitLab),
            "bitbucket" => Some(Platform::Bitbucket),
            "local" => Some(Platform::Local),
            _ => None,
        }
    }

    /// Detection order from docs/REFERENCES.md, "CI detection markers": each marker is
    /// specific to its host.
    pub fn detect(env: &Env) -> Self {
        if env.is_true(vars::GITHUB_ACTIONS) {
            Platform::GitHub
        } else if env.is_true(vars::GITLAB_CI) {
            Platform::GitLab
        } else if env.get(vars::BITBUCKET_BUILD_NUMBER).is_some()
            || env.get(vars::BITBUCKET_PIPELINE_UUID).is_some()
        {
            Platform::Bitbucket
        } else {
            Platform::Local
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Platform::GitHub => "GitHub Actions",
            Platform::GitLab => "GitLab CI",
            Platform::Bitbucket => "Bitbucket Pipelines",
            Platform::Local => "local checkout",
        })
    }
}

/// The events a stage can be configured to run on (`--run-on`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKind {
    PullRequest,
    PushDefault,
    Push,
    Tag,
    Schedule,
    Manual,
    MergeQueue,
}

impl EventKind {
    pub const ALL: [EventKind; 7] = [
        EventKind::PullRequest,
        EventKind::PushDefault,
        EventKind::Push,
        EventKind::Tag,
        EventKind::Schedule,
        EventKind::Manual,
        EventKind::MergeQueue,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EventKind::PullRequest => "pull-request",
            EventKind::PushDefault => "push-default",
            EventKind::Push => "push",
            EventKind::Tag => "tag",
            EventKind::Schedule => "schedule",
            EventKind::Manual => "manual",
            EventKind::MergeQueue => "merge-queue",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim().to_ascii_lowercase().replace('_', "-");
        Self::ALL.into_iter().find(|k| k.name() == value)
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What triggered the pipeline, with the commits needed to compute the change set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A pull/merge request. `number` is `None` where the host has no API for the request's files
    /// (GitLab external pull requests); the change set then comes from git.
    PullRequest {
        number: Option<u64>,
        base_branch: Option<String>,
        base_sha: Option<String>,
        head_sha: Option<String>,
    },
    /// A push to a branch. `before` is `None` when the host does not know it (Bitbucket) or it is
    /// the all-zero SHA of a new branch (`created`).
    Push {
        branch: String,
        before: Option<String>,
        after: Option<String>,
        created: bool,
        forced: bool,
        deleted: bool,
    },
    Tag {
        name: String,
    },
    Schedule,
    Manual,
    /// GitHub merge queue (`merge_group`) or GitLab merge train.
    MergeQueue {
        number: Option<u64>,
        base_branch: Option<String>,
        base_sha: Option<String>,
        head_sha: Option<String>,
    },
}

/// A host's all-zero SHA, which means "no previous commit".
pub fn is_null_sha(sha: &str) -> bool {
    !sha.is_empty() && sha.bytes().all(|b| b == b'0')
}

/// Turns a SHA that may be all zeros or empty into `None`.
pub fn real_sha(sha: Option<&str>) -> Option<String> {
    sha.map(str::trim)
        .filter(|s| !s.is_empty() && !is_null_sha(s))
        .map(str::to_owned)
}

/// The repository on its host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepoRef {
    GitHub {
        owner: String,
        name: String,
        api_url: String,
    },
    GitLab {
        project: String,
        api_url: String,
    },
    Bitbucket {
        workspace: String,
        slug: String,
        api_url: String,
    },
    Local,
}

/// Everything detected about the run, before any network access.
#[derive(Clone, Debug)]
pub struct Context {
    pub platform: Platform,
    pub event: Event,
    /// How the host named the trigger, for messages (`pull_request`, `merge_request_event`, …).
    pub trigger: String,
    pub repo: RepoRef,
    /// The commit being built.
    pub head_sha: Option<String>,
    /// The default branch, where known without a network call.
    pub default_branch: Option<String>,
    /// The repository root on disk.
    pub workspace: PathBuf,
    /// Bitbucket only: running inside a pipe container (changes the Code Insights proxy host).
    pub in_bitbucket_pipe: bool,
    /// The links comments and summaries carry: the repository's and this run's web pages.
    pub links: Links,
}

/// The web pages of the repository and of this run, where the host's variables name them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// The repository's web page (`https://github.com/acme/kkp`).
    pub repository: Option<String>,
    /// This run's page: the GitHub workflow run, the GitLab job, the Bitbucket pipeline.
    pub run: Option<String>,
}

impl Links {
    /// The web page of commit `sha` on the host.
    pub fn commit(&self, platform: Platform, sha: &str) -> Option<String> {
        let repository = self.repository.as_deref()?;
        let path = match platform {
            Platform::GitHub => "commit",
            Platform::GitLab => "-/commit",
            Platform::Bitbucket => "commits",
            Platform::Local => return None,
        };
        Some(format!("{repository}/{path}/{sha}"))
    }
}

impl Context {
    /// The pull/merge request number of the event, if it has one with an API.
    pub fn request_number(&self) -> Option<u64> {
        match &self.event {
            Event::PullRequest { number, .. } | Event::MergeQueue { number, .. } => *number,
            _ => None,
        }
    }

    /// The event's kind, for `--run-on`. A push is `push-default` only when the branch is known to
    /// be the default branch.
    pub fn event_kind(&self) -> EventKind {
        match &self.event {
            Event::PullRequest { .. } => EventKind::PullRequest,
            Event::Push { branch, .. } => {
                if self.default_branch.as_deref() == Some(branch.as_str()) {
                    EventKind::PushDefault
                } else {
                    EventKind::Push
                }
            }
            Event::Tag { .. } => EventKind::Tag,
            Event::Schedule => EventKind::Schedule,
            Event::Manual => EventKind::Manual,
            Event::MergeQueue { .. } => EventKind::MergeQueue,
        }
    }

    /// The commit being built as Markdown: its short SHA, linked to its page where the host
    /// names one; `None` when the commit is unknown.
    pub fn commit_markdown(&self) -> Option<String> {
        let sha = self.head_sha.as_deref()?;
        let short = &sha[..sha.len().min(7)];
        Some(match self.links.commit(self.platform, sha) {
            Some(url) => format!("[`{short}`]({url})"),
            None => format!("`{short}`"),
        })
    }

    /// This run as a Markdown link (`[run](…)`), where the host names its page.
    pub fn run_markdown(&self) -> Option<String> {
        let url = self.links.run.as_deref()?;
        let noun = match self.platform {
            Platform::GitHub => "workflow run",
            Platform::GitLab => "job",
            Platform::Bitbucket => "pipeline",
            Platform::Local => "run",
        };
        Some(format!("[{noun}]({url})"))
    }

    /// How the host writes request `n`: `!7` on GitLab, `#7` elsewhere.
    pub fn request_ref(&self, n: u64) -> String {
        match self.platform {
            Platform::GitLab => format!("!{n}"),
            Platform::GitHub | Platform::Bitbucket | Platform::Local => format!("#{n}"),
        }
    }

    /// One line naming the event for humans: `pull request #7 into main`.
    pub fn describe_event(&self) -> String {
        match &self.event {
            Event::PullRequest {
                number,
                base_branch,
                ..
            } => {
                // Each host's own words: GitLab has merge requests numbered `!7`.
                let (noun, sigil) = match self.platform {
                    Platform::GitLab => ("merge request", '!'),
                    Platform::GitHub | Platform::Bitbucket | Platform::Local => {
                        ("pull request", '#')
                    }
                };
                let mut s = String::from(noun);
                if let Some(n) = number {
                    s.push_str(&format!(" {sigil}{n}"));
                }
                if let Some(b) = base_branch {
                    s.push_str(&format!(" into {b}"));
                }
                s
            }
            Event::Push {
                branch,
                created,
                forced,
                deleted,
                ..
            } => {
                let default = if self.event_kind() == EventKind::PushDefault {
                    " (default branch)"
                } else {
                    ""
                };
                let how = if *deleted {
                    " deleting the branch"
                } else if *created {
                    " creating the branch"
                } else if *forced {
                    " (force push)"
                } else {
                    ""
                };
                format!("push to {branch}{default}{how}")
            }
            Event::Tag { name } => format!("tag {name}"),
            Event::Schedule => "scheduled run".to_owned(),
            Event::Manual => "manual run".to_owned(),
            Event::MergeQueue { base_branch, .. } => match base_branch {
                Some(b) => format!("merge queue into {b}"),
                None => "merge queue".to_owned(),
            },
        }
    }
}

/// Options that influence detection, resolved from flags before detection runs.
#[derive(Clone, Debug, Default)]
pub struct DetectOptions {
    pub platform: Option<Platform>,
    pub event: Option<EventKind>,
    pub default_branch: Option<String>,
    pub base: Option<String>,
    pub workspace: PathBuf,
}

/// Replaces the detected event with the one named by `--event`, keeping the commits we know.
/// Used for Bitbucket custom pipelines (which have no marker of their own) and local dry runs.
pub fn override_event(ctx: &Context, kind: EventKind) -> Event {
    let head = ctx.head_sha.clone();
    let branch = match &ctx.event {
        Event::Push { branch, .. } => Some(branch.clone()),
        _ => None,
    };
    let before = match &ctx.event {
        Event::Push { before, .. } => before.clone(),
        Event::PullRequest { base_sha, .. } | Event::MergeQueue { base_sha, .. } => {
            base_sha.clone()
        }
        _ => None,
    };
    match kind {
        EventKind::PullRequest => Event::PullRequest {
            number: None,
            base_branch: ctx.default_branch.clone(),
            base_sha: before,
            head_sha: head,
        },
        EventKind::MergeQueue => Event::MergeQueue {
            number: None,
            base_branch: ctx.default_branch.clone(),
            base_sha: before,
            head_sha: head,
        },
        EventKind::PushDefault | EventKind::Push => Event::Push {
            branch: if kind == EventKind::PushDefault {
                ctx.default_branch
                    .clone()
                    .or(branch)
                    .unwrap_or_else(|| "main".to_owned())
            } else {
                branch.unwrap_or_else(|| "HEAD".to_owned())
            },
            before,
            after: head,
            created: false,
            forced: false,
            deleted: false,
        },
        EventKind::Tag => Event::Tag {
            name: "(from --event)".to_owned(),
        },
        EventKind::Schedule => Event::Schedule,
        EventKind::Manual => Event::Manual,
    }
}
