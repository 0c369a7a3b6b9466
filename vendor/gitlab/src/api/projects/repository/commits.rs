// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project repository commits API endpoints.
//!
//! These endpoints are used for querying a project's commits.

mod cherry_pick;
mod comment;
mod comments;
mod commit;
mod commits;
mod compare;
mod create;
mod create_status;
mod merge_requests;
mod refs;
mod signature;
mod statuses;

pub use self::comment::CommentOnCommit;
pub use self::comment::CommentOnCommitBuilder;
pub use self::comment::CommentOnCommitBuilderError;
pub use self::comment::LineType;

pub use self::comments::CommitComments;
pub use self::comments::CommitCommentsBuilder;
pub use self::comments::CommitCommentsBuilderError;

pub use self::commit::Commit;
pub use self::commit::CommitBuilder;
pub use self::commit::CommitBuilderError;

pub use self::commits::Commits;
pub use self::commits::CommitsBuilder;
pub use self::commits::CommitsBuilderError;
pub use self::commits::CommitsOrder;

pub use self::create::CommitAction;
pub use self::create::CommitActionBuilder;
pub use self::create::CommitActionBuilderError;
pub use self::create::CommitActionType;
pub use self::create::CreateCommit;
pub use self::create::CreateCommitBuilder;
pub use self::create::CreateCommitBuilderError;

pub use self::create_status::CommitStatusState;
pub use self::create_status::CreateCommitStatus;
pub use self::create_status::CreateCommitStatusBuilder;
pub use self::create_status::CreateCommitStatusBuilderError;

pub use self::refs::CommitReferences;
pub use self::refs::CommitReferencesBuilder;
pub use self::refs::CommitReferencesBuilderError;
pub use self::refs::CommitRefsType;

pub use self::compare::CompareCommits;
pub use self::compare::CompareCommitsBuilder;
pub use self::compare::CompareCommitsBuilderError;

pub use self::statuses::CommitStatuses;
pub use self::statuses::CommitStatusesBuilder;
pub use self::statuses::CommitStatusesBuilderError;
pub use self::statuses::CommitStatusesOrderBy;

pub use self::merge_requests::MergeRequests;
pub use self::merge_requests::MergeRequestsBuilder;
pub use self::merge_requests::MergeRequestsBuilderError;

pub use self::cherry_pick::CherryPick;
pub use self::cherry_pick::CherryPickBuilder;
pub use self::cherry_pick::CherryPickBuilderError;

pub use self::signature::Signature;
pub use self::signature::SignatureBuilder;
pub use self::signature::SignatureBuilderError;
