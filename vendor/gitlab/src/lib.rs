// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

// TODO: Document API entities.
// #![warn(missing_docs)]

//! A library for communicating with Gitlab instances.

#[cfg(feature = "client_api")]
mod gitlab;

pub mod hooktypes;

#[cfg(feature = "endpoints")]
pub mod api;
#[cfg(feature = "endpoints")]
#[cfg_attr(not(feature = "client_api"), allow(dead_code))]
mod auth;

#[cfg(feature = "endpoints")]
pub use crate::auth::AuthError;
#[cfg(feature = "client_api")]
pub use crate::gitlab::{
    AsyncGitlab, CertificateBundle, Gitlab, GitlabBuilder, GitlabError, ImpersonationClient,
    RestError,
};

#[cfg(test)]
mod test;
