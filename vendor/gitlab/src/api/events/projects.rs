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

/// Query for events for a specific project.
#[derive(Debug, Clone, Builder)]
#[builder(setter(strip_option))]
pub struct ProjectEvents<'a> {
    /// The ID or name of the project.
    #[builder(setter(into))]
    project: NameOrId<'a>,

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

impl<'a> ProjectEvents<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> ProjectEventsBuilder<'a> {
        ProjectEventsBuilder::default()
    }
}

impl Endpoint for ProjectEvents<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/events", self.project).into()
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

impl Pageable for ProjectEvents<'_> {}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::api::common::SortOrder;
    use crate::api::events::{EventAction, EventTarget, ProjectEvents, ProjectEventsBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_is_needed() {
        let err = ProjectEvents::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, ProjectEventsBuilderError, "project");
    }

    #[test]
    fn project_is_sufficient() {
        ProjectEvents::builder().project(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/foo%2Fbar/events")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ProjectEvents::builder().project("foo/bar").build().unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_action() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/1/events")
            .add_query_params(&[("action", "reopened")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ProjectEvents::builder()
            .project(1)
            .action(EventAction::Reopened)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_target_type() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/1/events")
            .add_query_params(&[("target_type", "issue")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ProjectEvents::builder()
            .project(1)
            .target_type(EventTarget::Issue)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_before() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/1/events")
            .add_query_params(&[("before", "2025-01-01")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ProjectEvents::builder()
            .project(1)
            .before(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_after() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/1/events")
            .add_query_params(&[("after", "2025-01-01")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ProjectEvents::builder()
            .project(1)
            .after(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_sort() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/1/events")
            .add_query_params(&[("sort", "asc")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ProjectEvents::builder()
            .project(1)
            .sort(SortOrder::Ascending)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
