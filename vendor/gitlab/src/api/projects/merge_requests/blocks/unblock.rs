// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Remove a dependency from a merge request.
#[derive(Debug, Builder, Clone)]
pub struct UnblockMergeRequest<'a> {
    /// The project to query.
    #[builder(setter(into))]
    project: NameOrId<'a>,

    /// The internal ID of the merge request.
    merge_request: u64,

    /// The ID of the block.
    block_id: u64,
}

impl<'a> UnblockMergeRequest<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> UnblockMergeRequestBuilder<'a> {
        UnblockMergeRequestBuilder::default()
    }
}

impl Endpoint for UnblockMergeRequest<'_> {
    fn method(&self) -> Method {
        Method::DELETE
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/blocks/{}",
            self.project, self.merge_request, self.block_id,
        )
        .into()
    }
}

#[cfg(test)]
mod tests {
    use http::Method;

    use crate::api::projects::merge_requests::blocks::{
        UnblockMergeRequest, UnblockMergeRequestBuilderError,
    };
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_merge_request_and_block_id_are_needed() {
        let err = UnblockMergeRequest::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, UnblockMergeRequestBuilderError, "project");
    }

    #[test]
    fn project_is_needed() {
        let err = UnblockMergeRequest::builder()
            .merge_request(1)
            .block_id(2)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, UnblockMergeRequestBuilderError, "project");
    }

    #[test]
    fn merge_request_is_needed() {
        let err = UnblockMergeRequest::builder()
            .project(1)
            .block_id(2)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, UnblockMergeRequestBuilderError, "merge_request");
    }

    #[test]
    fn block_id_is_needed() {
        let err = UnblockMergeRequest::builder()
            .project(1)
            .merge_request(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, UnblockMergeRequestBuilderError, "block_id");
    }

    #[test]
    fn sufficient_parameters() {
        UnblockMergeRequest::builder()
            .project(1)
            .merge_request(1)
            .block_id(2)
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::DELETE)
            .endpoint("projects/simple%2Fproject/merge_requests/1/blocks/2")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = UnblockMergeRequest::builder()
            .project("simple/project")
            .merge_request(1)
            .block_id(2)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
