//! kkp-delivery: per-stage CI executables that take a Kubermatic KKP repository from commit to
//! running platform. The binaries are thin; everything lives here. See docs/ARCHITECTURE.md.
//!
//! Flow of one stage: environment snapshot → [`context`] → [`changes`] → [`decision`] → tool
//! run → [`report`] → [`publish`].

/// Which files the event changed: host API first, git fallback, else unknown.
pub mod changes;
/// Flags, their environment variables, and the entry points the binaries call.
pub mod cli;
/// Platform, event and repository detection from the environment snapshot.
pub mod context;
/// Run or skip, and why.
pub mod decision;
/// The environment snapshot taken once in `main`, and every variable name we read.
pub mod env;
/// Errors at the library boundary and their exit codes.
pub mod error;
/// GitHub, GitLab, Bitbucket and local specifics: detection, API, publishing.
pub mod platform;
/// Publishing a decision natively on each platform.
pub mod publish;
/// The platform-neutral report model and its renderers.
pub mod report;
/// The eight stages and their defaults.
pub mod stages;
/// Running the wrapped tools and parsing their output.
pub mod tools;
