// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use chrono::NaiveDate;
use derive_builder::Builder;

use crate::api::common::{NameOrId, SortOrder};
use crate::api::endpoint_prelude::*;
use crate::api::events::{EventAction, EventTarget};

/// Query for events for a specific user.
#[derive(Debug, Clone, Builder)]
#[builder(setter(strip_option))]
pub struct UserEvents<'a> {
    /// The ID or name of the user.
    #[builder(setter(into))]
    user: NameOrId<'a>,

    /// Filter events to those with a specific action type.
    #[builder(default)]
    action: Option<EventAction>,
    /// Filter events to those acting on a given type of target.
    #[builder(default)]
    target_type: Option<EventTarget>,
    /// Filter events to those before the given date.
    #[builder(default)]
    before: Option<NaiveDate>,
    /// Filter events to those after the given date.
    #[builder(default)]
    after: Option<NaiveDate>,
    /// The sort order of the events.
    #[builder(default)]
    sort: Option<SortOrder>,
}

impl<'a> UserEvents<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> UserEventsBuilder<'a> {
        UserEventsBuilder::default()
    }
}

impl Endpoint for UserEvents<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("users/{}/events", self.user).into()
    }

    fn parameters(&self) -> QueryParams<'_> {
        let mut params = QueryParams::default();

        params
            .push_opt("action", self.action)
            .push_opt("target_type", self.target_type)
            .push_opt("before", self.before)
            .push_opt("after", self.after)
            .push_opt("sort", self.sort);

        params
    }
}

impl Pageable for UserEvents<'_> {}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::api::common::SortOrder;
    use crate::api::events::{EventAction, EventTarget, UserEvents, UserEventsBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn user_is_needed() {
        let err = UserEvents::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, UserEventsBuilderError, "user");
    }

    #[test]
    fn user_is_sufficient() {
        UserEvents::builder().user(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/1/events")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = UserEvents::builder().user(1).build().unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_action() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/user/events")
            .add_query_params(&[("action", "reopened")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = UserEvents::builder()
            .user("user")
            .action(EventAction::Reopened)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_target_type() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/user/events")
            .add_query_params(&[("target_type", "issue")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = UserEvents::builder()
            .user("user")
            .target_type(EventTarget::Issue)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_before() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/user/events")
            .add_query_params(&[("before", "2025-01-01")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = UserEvents::builder()
            .user("user")
            .before(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_after() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/user/events")
            .add_query_params(&[("after", "2025-01-01")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = UserEvents::builder()
            .user("user")
            .after(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_sort() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/user/events")
            .add_query_params(&[("sort", "asc")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = UserEvents::builder()
            .user("user")
            .sort(SortOrder::Ascending)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
