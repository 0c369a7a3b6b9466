// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Query the import status of a project.
#[derive(Debug, Builder, Clone)]
pub struct ImportStatus<'a> {
    /// The project to query the import status of.
    #[builder(setter(into))]
    project: NameOrId<'a>,
}

impl<'a> ImportStatus<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> ImportStatusBuilder<'a> {
        ImportStatusBuilder::default()
    }
}

impl Endpoint for ImportStatus<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/import", self.project).into()
    }
}

#[cfg(test)]
mod tests {
    use crate::api::projects::import::{ImportStatus, ImportStatusBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_is_necessary() {
        let err = ImportStatus::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, ImportStatusBuilderError, "project");
    }

    #[test]
    fn project_is_sufficient() {
        ImportStatus::builder().project(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/simple%2Fproject/import")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = ImportStatus::builder()
            .project("simple/project")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
