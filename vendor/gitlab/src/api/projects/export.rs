// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project export API endpoints.
//!
//! These endpoints are used for exporting projects and downloading the resulting archive.

mod download;
mod schedule;
mod status;

pub use self::download::DownloadExport;
pub use self::download::DownloadExportBuilder;
pub use self::download::DownloadExportBuilderError;

pub use self::schedule::ExportUpload;
pub use self::schedule::ExportUploadBuilder;
pub use self::schedule::ExportUploadBuilderError;
pub use self::schedule::ExportUploadMethod;
pub use self::schedule::ScheduleExport;
pub use self::schedule::ScheduleExportBuilder;
pub use self::schedule::ScheduleExportBuilderError;

pub use self::status::ExportStatus;
pub use self::status::ExportStatusBuilder;
pub use self::status::ExportStatusBuilderError;
