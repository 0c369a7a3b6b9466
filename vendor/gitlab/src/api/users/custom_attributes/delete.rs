// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use std::borrow::Cow;

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Delete a custom attribute from a user.
#[derive(Debug, Clone, Builder)]
pub struct DeleteCustomAttribute<'a> {
    /// The ID of the user.
    #[builder(setter(into))]
    user: NameOrId<'a>,
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
        format!("users/{}/custom_attributes/{}", self.user, self.key).into()
    }
}

#[cfg(test)]
mod tests {
    use crate::api::users::custom_attributes::{
        DeleteCustomAttribute, DeleteCustomAttributeBuilderError,
    };
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn user_is_needed() {
        let err = DeleteCustomAttribute::builder()
            .key("test")
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DeleteCustomAttributeBuilderError, "user");
    }

    #[test]
    fn key_is_needed() {
        let err = DeleteCustomAttribute::builder()
            .user(1)
            .build()
            .unwrap_err();
        crate::test::assert_missing_field!(err, DeleteCustomAttributeBuilderError, "key");
    }

    #[test]
    fn user_key_are_sufficient() {
        DeleteCustomAttribute::builder()
            .user(1)
            .key("test")
            .build()
            .unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/user/custom_attributes/test")
            .method(http::Method::DELETE)
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = DeleteCustomAttribute::builder()
            .user("user")
            .key("test")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
