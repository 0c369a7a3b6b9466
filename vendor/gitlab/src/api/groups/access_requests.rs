// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project access requests API endpoints.
//!
//! These endpoints are used for querying groups access requests

mod access_requests;
mod approve;
mod deny;
mod request;

pub use self::access_requests::GroupAccessRequests;
pub use self::access_requests::GroupAccessRequestsBuilder;
pub use self::access_requests::GroupAccessRequestsBuilderError;

pub use self::approve::GroupAccessLevel;
pub use self::approve::GroupAccessRequestsApprove;
pub use self::approve::GroupAccessRequestsApproveBuilder;
pub use self::approve::GroupAccessRequestsApproveBuilderError;

pub use self::deny::GroupAccessRequestsDeny;
pub use self::deny::GroupAccessRequestsDenyBuilder;
pub use self::deny::GroupAccessRequestsDenyBuilderError;

pub use self::request::GroupAccessRequest;
pub use self::request::GroupAccessRequestBuilder;
pub use self::request::GroupAccessRequestBuilderError;
