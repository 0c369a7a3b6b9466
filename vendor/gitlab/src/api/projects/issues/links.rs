// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project issue link API endpoints.
//!
//! These endpoints are used for querying project issue links.

mod create;
mod delete;
mod link;
mod links;

pub use self::link::IssueLink;
pub use self::link::IssueLinkBuilder;
pub use self::link::IssueLinkBuilderError;

pub use self::links::IssueLinks;
pub use self::links::IssueLinksBuilder;
pub use self::links::IssueLinksBuilderError;

pub use self::create::CreateIssueLink;
pub use self::create::CreateIssueLinkBuilder;
pub use self::create::CreateIssueLinkBuilderError;
pub use self::create::IssueLinkType;

pub use self::delete::DeleteIssueLink;
pub use self::delete::DeleteIssueLinkBuilder;
pub use self::delete::DeleteIssueLinkBuilderError;
