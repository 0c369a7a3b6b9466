// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Query the export status of a project.
///
/// The response includes an `export_status` field with one of:
/// `none`, `queued`, `started`, `finished`, or `regeneration_in_progress`.
#[derive(Debug, Builder, Clone)]
pub struct ExportStatus<'a> {
    /// The project to query the export status of.
    #[builder(setter(into))]
    project: NameOrId<'a>,
}

impl<'a> ExportStatus<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> ExportStatusBuilder<'a> {
        ExportStatusBuilder::default()
    }
}

impl Endpoint for ExportStatus<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/export", self.project).into()
    }
}

#[cfg(test)]
mod tests {
    use crate::api::projects::export::{ExportStatus, ExportStatusBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_is_necessary() {
        let err = ExportStatus::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, ExportStatusBuilderError, "project");
    }

    #[test]
    fn project_is_sufficient() {
        ExportStatus::builder().project(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/simple%2Fproject/export")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ExportStatus::builder()
            .project("simple/project")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
