// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! API endpoints for accessing container registry repositories.

mod repository_details;

pub use self::repository_details::RepositoryDetails;
pub use self::repository_details::RepositoryDetailsBuilder;
pub use self::repository_details::RepositoryDetailsBuilderError;
