// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Query for an issue link of an issue within a project.
#[derive(Debug, Builder, Clone)]
pub struct IssueLink<'a> {
    /// The project to query for the issue.
    #[builder(setter(into))]
    project: NameOrId<'a>,
    /// The ID of the issue.
    issue: u64,
    /// The ID of the link.
    link: u64,
}

impl<'a> IssueLink<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> IssueLinkBuilder<'a> {
        IssueLinkBuilder::default()
    }
}

impl Endpoint for IssueLink<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/issues/{}/links/{}",
            self.project, self.issue, self.link,
        )
        .into()
    }
}

#[cfg(test)]
mod tests {
    use crate::api::projects::issues::links::{IssueLink, IssueLinkBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_issue_and_link_are_necessary() {
        let err = IssueLink::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, IssueLinkBuilderError, "project");
    }

    #[test]
    fn project_is_necessary() {
        let err = IssueLink::builder().issue(1).link(1).build().unwrap_err();
        crate::test::assert_missing_field!(err, IssueLinkBuilderError, "project");
    }

    #[test]
    fn issue_is_necessary() {
        let err = IssueLink::builder().project(1).link(1).build().unwrap_err();
        crate::test::assert_missing_field!(err, IssueLinkBuilderError, "issue");
    }

    #[test]
    fn link_is_necessary() {
        let err = IssueLink::builder()
            .project(1)
            .issue(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, IssueLinkBuilderError, "link");
    }

    #[test]
    fn project_issue_and_link_are_sufficient() {
        IssueLink::builder()
            .project(1)
            .issue(1)
            .link(1)
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/simple%2Fproject/issues/1/links/2")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = IssueLink::builder()
            .project("simple/project")
            .issue(1)
            .link(2)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
