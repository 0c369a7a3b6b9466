// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project access token API endpoints
//!
//! These endpoints are used for querying and modifying project access tokens.

mod access_token;
mod access_tokens;
mod create;
mod revoke;
mod rotate;

pub use self::access_token::ProjectAccessToken;
pub use self::access_token::ProjectAccessTokenBuilder;
pub use self::access_token::ProjectAccessTokenBuilderError;

pub use self::access_tokens::ProjectAccessTokenOrderBy;
pub use self::access_tokens::ProjectAccessTokenState;
pub use self::access_tokens::ProjectAccessTokens;
pub use self::access_tokens::ProjectAccessTokensBuilder;
pub use self::access_tokens::ProjectAccessTokensBuilderError;

pub use self::create::CreateProjectAccessToken;
pub use self::create::CreateProjectAccessTokenBuilder;
pub use self::create::CreateProjectAccessTokenBuilderError;
pub use self::create::ProjectAccessTokenAccessLevel;
pub use self::create::ProjectAccessTokenScope;

pub use self::revoke::RevokeProjectAccessToken;
pub use self::revoke::RevokeProjectAccessTokenBuilder;
pub use self::revoke::RevokeProjectAccessTokenBuilderError;

pub use self::rotate::RotateProjectAccessToken;
pub use self::rotate::RotateProjectAccessTokenBuilder;
pub use self::rotate::RotateProjectAccessTokenBuilderError;
