//! Per-platform code: detection from the environment, the host's REST API, and publishing.
//! Shared pieces (the token type and the retry policy) live in [`http`].

pub mod bitbucket;
pub mod comments;
pub mod github;
pub mod gitlab;
pub mod http;
pub mod local;
