// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project repository contributors API endpoint.
//!
//! These endpoints are used for querying a project's contributors.

mod contributors;

pub use self::contributors::Contributors;
pub use self::contributors::ContributorsBuilder;
pub use self::contributors::ContributorsBuilderError;

pub use self::contributors::ContributorsOrderBy;
