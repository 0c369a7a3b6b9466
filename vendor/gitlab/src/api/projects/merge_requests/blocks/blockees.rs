// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Query for requests blocked by a merge request.
#[derive(Debug, Builder, Clone)]
pub struct MergeRequestBlockees<'a> {
    /// The project to query.
    #[builder(setter(into))]
    project: NameOrId<'a>,

    /// The internal ID of the merge request.
    merge_request: u64,
}

impl<'a> MergeRequestBlockees<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> MergeRequestBlockeesBuilder<'a> {
        MergeRequestBlockeesBuilder::default()
    }
}

impl Endpoint for MergeRequestBlockees<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/blockees",
            self.project, self.merge_request,
        )
        .into()
    }
}

impl Pageable for MergeRequestBlockees<'_> {}

#[cfg(test)]
mod tests {
    use crate::api::projects::merge_requests::blocks::{
        MergeRequestBlockees, MergeRequestBlockeesBuilderError,
    };
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_and_merge_request_are_needed() {
        let err = MergeRequestBlockees::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, MergeRequestBlockeesBuilderError, "project");
    }

    #[test]
    fn project_is_needed() {
        let err = MergeRequestBlockees::builder()
            .merge_request(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, MergeRequestBlockeesBuilderError, "project");
    }

    #[test]
    fn merge_request_is_needed() {
        let err = MergeRequestBlockees::builder()
            .project(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, MergeRequestBlockeesBuilderError, "merge_request");
    }

    #[test]
    fn project_and_merge_request_are_sufficient() {
        MergeRequestBlockees::builder()
            .project(1)
            .merge_request(1)
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/simple%2Fproject/merge_requests/1/blockees")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = MergeRequestBlockees::builder()
            .project("simple/project")
            .merge_request(1)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
