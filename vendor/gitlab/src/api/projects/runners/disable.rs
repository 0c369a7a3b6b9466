// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Disable a runner on a project.
#[derive(Debug, Builder, Clone)]
pub struct DisableProjectRunner<'a> {
    /// The ID or URL-encoded path of the project.
    #[builder(setter(into))]
    project: NameOrId<'a>,
    /// The ID of the runner.
    runner: u64,
}

impl<'a> DisableProjectRunner<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> DisableProjectRunnerBuilder<'a> {
        DisableProjectRunnerBuilder::default()
    }
}

impl Endpoint for DisableProjectRunner<'_> {
    fn method(&self) -> Method {
        Method::DELETE
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/runners/{}", self.project, self.runner).into()
    }
}

#[cfg(test)]
mod tests {
    use http::Method;

    use crate::api::projects::runners::{DisableProjectRunner, DisableProjectRunnerBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_and_runner_are_required() {
        let err = DisableProjectRunner::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, DisableProjectRunnerBuilderError, "project");
    }

    #[test]
    fn project_is_required() {
        let err = DisableProjectRunner::builder()
            .runner(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DisableProjectRunnerBuilderError, "project");
    }

    #[test]
    fn runner_is_required() {
        let err = DisableProjectRunner::builder()
            .project("project/example")
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DisableProjectRunnerBuilderError, "runner");
    }

    #[test]
    fn project_and_runner_are_sufficient() {
        DisableProjectRunner::builder()
            .project(1)
            .runner(1)
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::DELETE)
            .endpoint("projects/1/runners/2")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = DisableProjectRunner::builder()
            .project(1)
            .runner(2)
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
