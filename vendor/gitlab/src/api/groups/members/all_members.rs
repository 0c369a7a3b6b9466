// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use std::collections::BTreeSet;

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;
use crate::api::ParamValue;

/// States that group memberships may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum GroupMemberState {
    /// Users awaiting acceptance.
    Awaiting,
    /// Users actively members of the group.
    Active,
}

impl GroupMemberState {
    fn as_str(self) -> &'static str {
        match self {
            GroupMemberState::Awaiting => "awaiting",
            GroupMemberState::Active => "active",
        }
    }
}

impl ParamValue<'static> for GroupMemberState {
    fn as_value(&self) -> Cow<'static, str> {
        self.as_str().into()
    }
}

/// Query the members of a group including inherited and invited memberships.
///
/// Unlike `GroupMembers`, which returns only the group's direct members, this also returns
/// members inherited from ancestor groups and members of groups the group is shared with. A
/// user which is a member of both the group and one of its ancestors is reported once, at
/// their effective (maximum) access level.
#[derive(Debug, Builder, Clone)]
#[builder(setter(strip_option))]
pub struct AllGroupMembers<'a> {
    /// The group to query for membership.
    #[builder(setter(into))]
    group: NameOrId<'a>,

    /// A search string to filter members by.
    #[builder(setter(into), default)]
    query: Option<Cow<'a, str>>,
    /// Filter results to the given user IDs.
    #[builder(setter(name = "_user_ids"), default, private)]
    user_ids: BTreeSet<u64>,
    /// Show seat information for users.
    #[builder(default)]
    show_seat_info: Option<bool>,
    /// Filter results by member state.
    #[builder(default)]
    state: Option<GroupMemberState>,
}

impl<'a> AllGroupMembers<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> AllGroupMembersBuilder<'a> {
        AllGroupMembersBuilder::default()
    }
}

impl AllGroupMembersBuilder<'_> {
    /// Filter results by the given user ID.
    pub fn user_id(&mut self, user_id: u64) -> &mut Self {
        self.user_ids
            .get_or_insert_with(BTreeSet::new)
            .insert(user_id);
        self
    }

    /// Filter results by the given user IDs.
    pub fn user_ids<I>(&mut self, iter: I) -> &mut Self
    where
        I: Iterator<Item = u64>,
    {
        self.user_ids.get_or_insert_with(BTreeSet::new).extend(iter);
        self
    }
}

impl Endpoint for AllGroupMembers<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("groups/{}/members/all", self.group).into()
    }

    fn parameters(&self) -> QueryParams<'_> {
        let mut params = QueryParams::default();

        params
            .push_opt("query", self.query.as_ref())
            .extend(self.user_ids.iter().map(|&value| ("user_ids[]", value)))
            .push_opt("show_seat_info", self.show_seat_info)
            .push_opt("state", self.state);

        params
    }
}

impl Pageable for AllGroupMembers<'_> {}

#[cfg(test)]
mod tests {
    use crate::api::groups::members::{
        AllGroupMembers, AllGroupMembersBuilderError, GroupMemberState,
    };
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn group_member_state_as_str() {
        let items = &[
            (GroupMemberState::Awaiting, "awaiting"),
            (GroupMemberState::Active, "active"),
        ];

        for (i, s) in items {
            assert_eq!(i.as_str(), *s);
        }
    }

    #[test]
    fn group_is_needed() {
        let err = AllGroupMembers::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, AllGroupMembersBuilderError, "group");
    }

    #[test]
    fn group_is_sufficient() {
        AllGroupMembers::builder().group(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("groups/group%2Fsubgroup/members/all")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = AllGroupMembers::builder()
            .group("group/subgroup")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_query() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("groups/group%2Fsubgroup/members/all")
            .add_query_params(&[("query", "search")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = AllGroupMembers::builder()
            .group("group/subgroup")
            .query("search")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_user_ids() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("groups/group%2Fsubgroup/members/all")
            .add_query_params(&[("user_ids[]", "1"), ("user_ids[]", "2")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = AllGroupMembers::builder()
            .group("group/subgroup")
            .user_id(1)
            .user_ids([1, 2].iter().copied())
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_show_seat_info() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("groups/group%2Fsubgroup/members/all")
            .add_query_params(&[("show_seat_info", "true")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = AllGroupMembers::builder()
            .group("group/subgroup")
            .show_seat_info(true)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_state() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("groups/group%2Fsubgroup/members/all")
            .add_query_params(&[("state", "awaiting")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = AllGroupMembers::builder()
            .group("group/subgroup")
            .state(GroupMemberState::Awaiting)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
