// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Query for custom attributes of a user.
///
/// Fetches all custom attributes for the specified user.
#[derive(Debug, Clone, Builder)]
pub struct CustomAttributes<'a> {
    /// The ID of the user.
    #[builder(setter(into))]
    user: NameOrId<'a>,
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
        format!("users/{}/custom_attributes", self.user).into()
    }
}

impl Pageable for CustomAttributes<'_> {}

#[cfg(test)]
mod tests {
    use crate::api::users::custom_attributes::{CustomAttributes, CustomAttributesBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn user_is_needed() {
        let err = CustomAttributes::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, CustomAttributesBuilderError, "user");
    }

    #[test]
    fn user_is_sufficient() {
        CustomAttributes::builder().user(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("users/user/custom_attributes")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = CustomAttributes::builder().user("user").build().unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
