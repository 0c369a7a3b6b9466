//! GitHub Actions: event payload detection, the REST API through octocrab, and workflow-command
//! publishing.

pub mod api;
pub mod detect;
pub mod publish;
