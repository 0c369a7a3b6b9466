// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Group members API endpoints.
//!
//! These endpoints are used for querying group members.

mod add;
mod all_members;
mod edit;
mod member;
mod members;
mod remove;

pub use self::add::AddGroupMember;
pub use self::add::AddGroupMemberBuilder;
pub use self::add::AddGroupMemberBuilderError;
pub use self::add::GroupInviteTasksToBeDone;

pub use self::all_members::AllGroupMembers;
pub use self::all_members::AllGroupMembersBuilder;
pub use self::all_members::AllGroupMembersBuilderError;
pub use self::all_members::GroupMemberState;

pub use self::edit::EditGroupMember;
pub use self::edit::EditGroupMemberBuilder;
pub use self::edit::EditGroupMemberBuilderError;

pub use self::member::GroupMember;
pub use self::member::GroupMemberBuilder;
pub use self::member::GroupMemberBuilderError;

pub use self::members::GroupMembers;
pub use self::members::GroupMembersBuilder;
pub use self::members::GroupMembersBuilderError;

pub use self::remove::RemoveGroupMember;
pub use self::remove::RemoveGroupMemberBuilder;
pub use self::remove::RemoveGroupMemberBuilderError;
