//! The platform-neutral report: findings, outputs and Markdown, plus the encoders that turn them
//! into each platform's native form.

pub mod annotations;
pub mod codequality;
pub mod comment;
pub mod markdown;
pub mod model;
