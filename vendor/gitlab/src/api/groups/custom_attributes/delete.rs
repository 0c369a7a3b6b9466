// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use std::borrow::Cow;

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Delete a custom attribute from a group.
#[derive(Debug, Clone, Builder)]
pub struct DeleteCustomAttribute<'a> {
    /// The ID of the group.
    #[builder(setter(into))]
    group: NameOrId<'a>,
    /// The key of the custom attribute.
    #[builder(setter(into))]
    key: Cow<'a, str>,
}

impl<'a> DeleteCustomAttribute<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> DeleteCustomAttributeBuilder<'a> {
        DeleteCustomAttributeBuilder::default()
    }
}

impl<'a> Endpoint for DeleteCustomAttribute<'a> {
    fn method(&self) -> Method {
        Method::DELETE
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("groups/{}/custom_attributes/{}", self.group, self.key).into()
    }
}

#[cfg(test)]
mod tests {
    use crate::api::groups::custom_attributes::{
        DeleteCustomAttribute, DeleteCustomAttributeBuilderError,
    };
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn group_is_needed() {
        let err = DeleteCustomAttribute::builder()
            .key("test")
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DeleteCustomAttributeBuilderError, "group");
    }

    #[test]
    fn key_is_needed() {
        let err = DeleteCustomAttribute::builder()
            .group(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DeleteCustomAttributeBuilderError, "key");
    }

    #[test]
    fn group_key_are_sufficient() {
        DeleteCustomAttribute::builder()
            .group(1)
            .key("test")
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("groups/groupname/custom_attributes/test")
            .method(http::Method::DELETE)
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = DeleteCustomAttribute::builder()
            .group("groupname")
            .key("test")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
