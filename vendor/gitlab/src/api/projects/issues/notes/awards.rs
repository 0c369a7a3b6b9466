// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project issue note award API endpoints.
//!
//! These endpoints are used for querying project issue note awards.

mod award;
mod awards;
mod create;
mod delete;

pub use self::award::IssueNoteAward;
pub use self::award::IssueNoteAwardBuilder;
pub use self::award::IssueNoteAwardBuilderError;

pub use self::awards::IssueNoteAwards;
pub use self::awards::IssueNoteAwardsBuilder;
pub use self::awards::IssueNoteAwardsBuilderError;

pub use self::create::CreateIssueNoteAward;
pub use self::create::CreateIssueNoteAwardBuilder;
pub use self::create::CreateIssueNoteAwardBuilderError;

pub use self::delete::DeleteIssueNoteAward;
pub use self::delete::DeleteIssueNoteAwardBuilder;
pub use self::delete::DeleteIssueNoteAwardBuilderError;
