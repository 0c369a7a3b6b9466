//! kkp-delivery: per-stage CI executables that take a Kubermatic KKP repository from commit to
//! running platform. The binaries are thin; everything lives here. See docs/ARCHITECTURE.md.
//!
//! Flow of one stage: environment snapshot → [`context`] → [`changes`] → [`decision`] → tool
//! run → [`report`] → [`publish`].

/// Which files the event changed: host API first, git fallback, else unknown.
pub mod changes;
/// The command line generated from the stage registry, and the entry points the binaries call.
pub mod cli;
/// Platform, event and repository detection from the environment snapshot.
pub mod context;
/// Run or skip, and why.
pub mod decision;
/// Verified downloads of release assets (SHA-256 against a pin or the releases API's digest).
pub mod download;
/// The environment snapshot taken once in `main`, and every variable name we read.
pub mod env;
/// Errors at the library boundary and their exit codes.
pub mod error;
/// Changed files and where their list came from: the types hosts, git and decisions share.
pub mod files;
/// The flag grammar: common flags, `--x-y` ↔ `KKP_X_Y`, validated settings.
pub mod flags;
/// The local git fallback, with deadlines on every command.
pub mod git;

/// The KKP installations of a repository and their trigger paths.
pub mod installations;
/// The few Kubernetes API calls the cluster stages make: server-side apply, Service status.
pub mod kubernetes;
/// The masker: secrets replaced in any text before it is written.
pub mod mask;
/// `init` and `doctor`: the pipeline file for a repository, and what the stages need here.
pub mod onboarding;
/// The GitHub actions, GitLab components and Bitbucket pipe, generated from the registry.
pub mod packaging;
/// One folder per platform, and the `Forge` that owns every host call.
pub mod platform;
/// Process primitives: held signals, undumpable process, process groups.
pub mod process;
/// The one publisher: decisions and reports in each platform's native form.
pub mod publish;
/// A stage added through the registry alone, proven to reach every generated surface.
#[cfg(test)]
mod registry_tests;
/// The platform-neutral report model and its renderers.
pub mod report;
/// The `Stage` trait, the registry, and one file per stage.
pub mod stages;
/// Text primitives: one line, Markdown escaping, code blocks, URL path segments.
pub mod text;
/// The one TLS crypto provider every HTTP client uses.
pub mod tls;
/// The one tool runner (timeouts, signals, masking) and the tools' output parsers.
pub mod tools;
/// The walk of one stage: context, change set, decision, run, publish; `explain`.
pub mod walk;
