// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project Packages Package Files API endpoints.
//!
//! These endpoints are used for querying packages files of a single package.

mod delete;
mod package_files;

pub use self::delete::DeletePackageFile;
pub use self::delete::DeletePackageFileBuilder;
pub use self::delete::DeletePackageFileBuilderError;

pub use self::package_files::PackageFiles;
pub use self::package_files::PackageFilesBuilder;
pub use self::package_files::PackageFilesBuilderError;
