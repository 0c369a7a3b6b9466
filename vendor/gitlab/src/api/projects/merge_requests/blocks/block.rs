// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Supported descriptions of merge requests for blocking purposes.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum BlockingMergeRequest<'a> {
    /// A merge request within the same project, by iid.
    ///
    /// The "internal ID" is the common id shown in URLs.
    LocalId {
        /// The "internal ID" of the merge request.
        id: u64,
    },
    /// A merge request on the instance by global ID.
    ///
    /// This is *not* the same as the common ID shown in URLs.
    GlobalId {
        /// The global ID.
        id: u64,
    },
    /// A merge request on an arbitrary project.
    Remote {
        /// The name or ID of the project.
        project: NameOrId<'a>,
        /// The "internal ID" of the merge request.
        id: u64,
    },
}

impl<'a> BlockingMergeRequest<'a> {
    /// Construct a `LocalId` instance.
    pub fn local_id(id: u64) -> Self {
        Self::LocalId {
            id,
        }
    }

    /// Construct a `GlobalId` instance.
    pub fn global_id(id: u64) -> Self {
        Self::GlobalId {
            id,
        }
    }

    /// Construct a `Remote` instance.
    pub fn remote<P>(project: P, id: u64) -> Self
    where
        P: Into<NameOrId<'a>>,
    {
        Self::Remote {
            project: project.into(),
            id,
        }
    }

    pub(crate) fn add_query_params<'b>(&'b self, params: &mut QueryParams<'b>) {
        match self {
            Self::LocalId {
                id,
            } => {
                params.push("blocking_merge_request_iid", *id);
            },
            Self::GlobalId {
                id,
            } => {
                params.push("blocking_merge_request_id", *id);
            },
            Self::Remote {
                project,
                id,
            } => {
                params
                    .push("blocking_project_id", format!("{project}"))
                    .push("blocking_merge_request_iid", *id);
            },
        }
    }
}

/// Add a dependency to a merge request.
#[derive(Debug, Builder, Clone)]
pub struct BlockMergeRequest<'a> {
    /// The project to query.
    #[builder(setter(into))]
    project: NameOrId<'a>,

    /// The internal ID of the merge request.
    merge_request: u64,

    /// The merge request blocking this one.
    blocking_merge_request: BlockingMergeRequest<'a>,
}

impl<'a> BlockMergeRequest<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> BlockMergeRequestBuilder<'a> {
        BlockMergeRequestBuilder::default()
    }
}

impl Endpoint for BlockMergeRequest<'_> {
    fn method(&self) -> Method {
        Method::POST
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/blocks",
            self.project, self.merge_request,
        )
        .into()
    }

    fn parameters(&self) -> QueryParams<'_> {
        let mut params = QueryParams::default();

        self.blocking_merge_request.add_query_params(&mut params);

        params
    }
}

#[cfg(test)]
mod tests {
    use http::Method;

    use crate::api::projects::merge_requests::blocks::{
        BlockMergeRequest, BlockMergeRequestBuilderError, BlockingMergeRequest,
    };
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_merge_request_and_blocking_merge_request_are_needed() {
        let err = BlockMergeRequest::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, BlockMergeRequestBuilderError, "project");
    }

    #[test]
    fn project_is_needed() {
        let err = BlockMergeRequest::builder()
            .merge_request(1)
            .blocking_merge_request(BlockingMergeRequest::local_id(2))
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, BlockMergeRequestBuilderError, "project");
    }

    #[test]
    fn merge_request_is_needed() {
        let err = BlockMergeRequest::builder()
            .project(1)
            .blocking_merge_request(BlockingMergeRequest::local_id(2))
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, BlockMergeRequestBuilderError, "merge_request");
    }

    #[test]
    fn blocking_merge_request_is_needed() {
        let err = BlockMergeRequest::builder()
            .project(1)
            .merge_request(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(
            err,
            BlockMergeRequestBuilderError,
            "blocking_merge_request",
        );
    }

    #[test]
    fn sufficient_parameters() {
        BlockMergeRequest::builder()
            .project(1)
            .merge_request(1)
            .blocking_merge_request(BlockingMergeRequest::local_id(2))
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint_local() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::POST)
            .endpoint("projects/simple%2Fproject/merge_requests/1/blocks")
            .add_query_params(&[("blocking_merge_request_iid", "2")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = BlockMergeRequest::builder()
            .project("simple/project")
            .merge_request(1)
            .blocking_merge_request(BlockingMergeRequest::local_id(2))
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_global() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::POST)
            .endpoint("projects/simple%2Fproject/merge_requests/1/blocks")
            .add_query_params(&[("blocking_merge_request_id", "2")])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = BlockMergeRequest::builder()
            .project("simple/project")
            .merge_request(1)
            .blocking_merge_request(BlockingMergeRequest::global_id(2))
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_remote() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::POST)
            .endpoint("projects/simple%2Fproject/merge_requests/1/blocks")
            .add_query_params(&[
                ("blocking_project_id", "group%2Fproject"),
                ("blocking_merge_request_iid", "2"),
            ])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = BlockMergeRequest::builder()
            .project("simple/project")
            .merge_request(1)
            .blocking_merge_request(BlockingMergeRequest::remote("group/project", 2))
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }

    #[test]
    fn endpoint_remote_id() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::POST)
            .endpoint("projects/simple%2Fproject/merge_requests/1/blocks")
            .add_query_params(&[
                ("blocking_project_id", "4"),
                ("blocking_merge_request_iid", "2"),
            ])
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = BlockMergeRequest::builder()
            .project("simple/project")
            .merge_request(1)
            .blocking_merge_request(BlockingMergeRequest::remote(4, 2))
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
