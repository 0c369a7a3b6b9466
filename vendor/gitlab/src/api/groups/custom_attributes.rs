// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Custom attributes API endpoints
//!
//! These endpoints allow getting, editing, and deleting custom attributes on groups.

mod custom_attribute;
mod custom_attributes;
mod delete;
mod edit;

pub use self::custom_attribute::CustomAttribute;
pub use self::custom_attribute::CustomAttributeBuilder;
pub use self::custom_attribute::CustomAttributeBuilderError;

pub use self::custom_attributes::CustomAttributes;
pub use self::custom_attributes::CustomAttributesBuilder;
pub use self::custom_attributes::CustomAttributesBuilderError;

pub use self::delete::DeleteCustomAttribute;
pub use self::delete::DeleteCustomAttributeBuilder;
pub use self::delete::DeleteCustomAttributeBuilderError;

pub use self::edit::EditCustomAttribute;
pub use self::edit::EditCustomAttributeBuilder;
pub use self::edit::EditCustomAttributeBuilderError;
