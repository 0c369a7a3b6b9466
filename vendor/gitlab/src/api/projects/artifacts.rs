// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project artifact API endpoints.
//!
//! Endpoints to manage job artifacts project-wide.

mod delete;

pub use self::delete::DeleteProjectArtifacts;
pub use self::delete::DeleteProjectArtifactsBuilder;
pub use self::delete::DeleteProjectArtifactsBuilderError;
