//! Bitbucket Pipelines: detection, the REST API through reqwest, Code Insights and dotenv
//! publishing.

pub mod api;
pub mod detect;
pub mod insights;
pub mod publish;
