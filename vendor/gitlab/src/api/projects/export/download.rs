// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use derive_builder::Builder;

use crate::api::common::NameOrId;
use crate::api::endpoint_prelude::*;

/// Download a completed project export archive.
///
/// Note: this endpoint returns raw binary data. Use [`crate::api::raw`] rather than the normal
/// JSON-deserialising query to retrieve the archive bytes.
#[derive(Debug, Builder, Clone)]
pub struct DownloadExport<'a> {
    /// The project to download the export archive for.
    #[builder(setter(into))]
    project: NameOrId<'a>,
}

impl<'a> DownloadExport<'a> {
    /// Create a builder for the endpoint.
    pub fn builder() -> DownloadExportBuilder<'a> {
        DownloadExportBuilder::default()
    }
}

impl Endpoint for DownloadExport<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!("projects/{}/export/download", self.project).into()
    }
}

#[cfg(test)]
mod tests {
    use crate::api::projects::export::{DownloadExport, DownloadExportBuilderError};
    use crate::api::{self, Query};
    use crate::test::client::{ExpectedUrl, SingleTestClient};

    #[test]
    fn project_is_necessary() {
        let err = DownloadExport::builder().build().unwrap_err();
        crate::test::assert_missing_field!(err, DownloadExportBuilderError, "project");
    }

    #[test]
    fn project_is_sufficient() {
        DownloadExport::builder().project(1).build().unwrap();
    }

    #[test]
    fn endpoint() {
        let endpoint = ExpectedUrl::builder()
            .endpoint("projects/simple%2Fproject/export/download")
            .build()
            .unwrap();
        let client = SingleTestClient::new_raw(endpoint, "");

        let endpoint = DownloadExport::builder()
            .project("simple/project")
            .build()
            .unwrap();
        api::ignore(endpoint).query(&client).unwrap();
    }
}
