//! GitLab CI: `CI_PIPELINE_SOURCE` detection, the REST API through the `gitlab` crate, and
//! collapsible-section / report-artifact publishing.

pub mod api;
pub mod detect;
pub mod publish;
