// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project repository files API endpoints.
//!
//! These endpoints are used for querying a project's files.

mod create;
mod delete;
mod file;
mod file_raw;
mod update;

pub use self::file::File;
pub use self::file::FileBuilder;
pub use self::file::FileBuilderError;

pub use self::create::CreateFile;
pub use self::create::CreateFileBuilder;
pub use self::create::CreateFileBuilderError;
pub use self::create::Encoding;

pub use self::delete::DeleteFile;
pub use self::delete::DeleteFileBuilder;
pub use self::delete::DeleteFileBuilderError;

pub use self::file_raw::FileRaw;
pub use self::file_raw::FileRawBuilder;
pub use self::file_raw::FileRawBuilderError;

pub use self::update::UpdateFile;
pub use self::update::UpdateFileBuilder;
pub use self::update::UpdateFileBuilderError;
