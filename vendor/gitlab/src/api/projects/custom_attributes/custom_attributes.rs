// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Query for custom attributes of a project.
///
/// Fetches all custom attributes for the specified project.
#[derive(Debug, Clone, Builder)]
pub struct CustomAttributes<'a> {
    /// The ID of the project.
    #[builder(setter(into))]
    project: NameOrId<'a>,
}

impl<'a> CustomAttributes<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> CustomAttributesBuilder<'a> {
        CustomAttributesBuilder::default()
    }
}

impl Endpoint for CustomAttributes<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/custom_attributes", self.project).into()
    }
}

impl Pageable for CustomAttributes<'_> {}

#[cfg(test)]
mod tests {
    use crate::api::projects::custom_attributes::{CustomAttributes, CustomAttributesBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_is_needed() {
        let err = CustomAttributes::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, CustomAttributesBuilderError, "project");
    }

    #[test]
    fn project_is_sufficient() {
        CustomAttributes::builder().project(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/group%2Fproject/custom_attributes")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = CustomAttributes::builder()
            .project("group/project")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
