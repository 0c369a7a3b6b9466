// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project repository API endpoints.
//!
//! These endpoints are used for querying a project's repository.

mod archive;
pub mod branches;
pub mod commits;
pub mod contributors;
pub mod files;
pub mod tags;
mod tree;

pub use archive::Archive;
pub use archive::ArchiveBuilder;
pub use archive::ArchiveBuilderError;
pub use archive::ArchiveFormat;

pub use tree::Tree;
pub use tree::TreeBuilder;
pub use tree::TreeBuilderError;
