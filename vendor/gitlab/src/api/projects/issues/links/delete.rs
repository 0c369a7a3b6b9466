// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Delete an existing issue link on an issue within a project.
#[derive(Debug, Builder, Clone)]
pub struct DeleteIssueLink<'a> {
    /// The project to query for the issue.
    #[builder(setter(into))]
    project: NameOrId<'a>,
    /// The ID of the issue.
    issue: u64,
    /// The ID of the link.
    link: u64,
}

impl<'a> DeleteIssueLink<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> DeleteIssueLinkBuilder<'a> {
        DeleteIssueLinkBuilder::default()
    }
}

impl Endpoint for DeleteIssueLink<'_> {
    fn method(&self) -> Method {
        Method::DELETE
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
    use http::Method;

    use crate::api::projects::issues::links::{DeleteIssueLink, DeleteIssueLinkBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_issue_and_link_are_necessary() {
        let err = DeleteIssueLink::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, DeleteIssueLinkBuilderError, "project");
    }

    #[test]
    fn project_is_necessary() {
        let err = DeleteIssueLink::builder()
            .issue(1)
            .link(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DeleteIssueLinkBuilderError, "project");
    }

    #[test]
    fn issue_is_necessary() {
        let err = DeleteIssueLink::builder()
            .project(1)
            .link(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DeleteIssueLinkBuilderError, "issue");
    }

    #[test]
    fn link_is_necessary() {
        let err = DeleteIssueLink::builder()
            .project(1)
            .issue(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DeleteIssueLinkBuilderError, "link");
    }

    #[test]
    fn project_issue_and_link_are_sufficient() {
        DeleteIssueLink::builder()
            .project(1)
            .issue(1)
            .link(1)
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::DELETE)
            .endpoint("projects/simple%2Fproject/issues/1/links/2")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = DeleteIssueLink::builder()
            .project("simple/project")
            .issue(1)
            .link(2)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
