// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project import API endpoints.
//!
//! These endpoints are used for importing projects from local archives or remote sources.

mod project;
mod remote;
mod remote_s3;
mod status;

pub use self::project::ImportProject;
pub use self::project::ImportProjectBuilder;
pub use self::project::ImportProjectBuilderError;

pub use self::remote::RemoteImport;
pub use self::remote::RemoteImportBuilder;
pub use self::remote::RemoteImportBuilderError;

pub use self::remote_s3::RemoteImportS3;
pub use self::remote_s3::RemoteImportS3Builder;
pub use self::remote_s3::RemoteImportS3BuilderError;

pub use self::status::ImportStatus;
pub use self::status::ImportStatusBuilder;
pub use self::status::ImportStatusBuilderError;
