// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use std::borrow::Cow;

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Edit a custom attribute for a project.
///
/// Creates or updates a custom attribute for the specified project.
#[derive(Debug, Clone, Builder)]
pub struct EditCustomAttribute<'a> {
    /// The ID of the project.
    #[builder(setter(into))]
    project: NameOrId<'a>,
    /// The key of the custom attribute.
    #[builder(setter(into))]
    key: Cow<'a, str>,
    /// The value of the custom attribute.
    #[builder(setter(into))]
    value: Cow<'a, str>,
}

impl<'a> EditCustomAttribute<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> EditCustomAttributeBuilder<'a> {
        EditCustomAttributeBuilder::default()
    }
}

impl<'a> Endpoint for EditCustomAttribute<'a> {
    fn method(&self) -> Method {
        Method::PUT
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/custom_attributes/{}", self.project, self.key).into()
    }

    fn body(&self) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
        let mut params = FormParams::default();
        params.push("value", &self.value);
        params.into_body()
    }
}

#[cfg(test)]
mod tests {
    use crate::api::projects::custom_attributes::{
        EditCustomAttribute, EditCustomAttributeBuilderError,
    };
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};
    use http::Method;

    #[test]
    fn project_is_needed() {
        let err = EditCustomAttribute::builder()
            .key("test")
            .value("value")
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, EditCustomAttributeBuilderError, "project");
    }

    #[test]
    fn key_is_needed() {
        let err = EditCustomAttribute::builder()
            .project(1)
            .value("value")
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, EditCustomAttributeBuilderError, "key");
    }

    #[test]
    fn value_is_needed() {
        let err = EditCustomAttribute::builder()
            .project(1)
            .key("test")
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, EditCustomAttributeBuilderError, "value");
    }

    #[test]
    fn project_key_value_are_sufficient() {
        EditCustomAttribute::builder()
            .project(1)
            .key("test")
            .value("value")
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .method(Method::PUT)
            .endpoint("projects/group%2Fproject/custom_attributes/test")
            .content_type("application/x-www-form-urlencoded")
            .body_str("value=value")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = EditCustomAttribute::builder()
            .project("group/project")
            .key("test")
            .value("value")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
