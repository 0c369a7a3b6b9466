// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Issue links API endpoints.
//!
//! These endpoints are used for querying issue links (related issues).

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Query for issue links (related issues) of an issue.
#[derive(Debug, Builder, Clone)]
pub struct IssueLinks<'a> {
    /// The project of the issue.
    #[builder(setter(into))]
    project: NameOrId<'a>,
    /// The ID of the issue.
    issue: u64,
}

impl<'a> IssueLinks<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> IssueLinksBuilder<'a> {
        IssueLinksBuilder::default()
    }
}

impl Endpoint for IssueLinks<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/issues/{}/links", self.project, self.issue).into()
    }
}

impl Pageable for IssueLinks<'_> {}

#[cfg(test)]
mod tests {
    use crate::api::projects::issues::links::{IssueLinks, IssueLinksBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_and_issue_is_needed() {
        let err = IssueLinks::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, IssueLinksBuilderError, "project");
    }

    #[test]
    fn project_is_needed() {
        let err = IssueLinks::builder().issue(1).build().unwrap_err();
        crate::test::assert_missing_field!(err, IssueLinksBuilderError, "project");
    }

    #[test]
    fn issue_is_needed() {
        let err = IssueLinks::builder().project(1).build().unwrap_err();
        crate::test::assert_missing_field!(err, IssueLinksBuilderError, "issue");
    }

    #[test]
    fn project_and_issue_are_sufficient() {
        IssueLinks::builder().project(1).issue(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/simple%2Fproject/issues/1/links")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = IssueLinks::builder()
            .project("simple/project")
            .issue(1)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
