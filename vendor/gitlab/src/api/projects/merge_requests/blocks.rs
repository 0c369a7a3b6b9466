// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

//! Project merge request approval rules API endpoints.
//!
//! These endpoints are used for querying project merge request approval rules.

mod block;
mod blockees;
mod blocks;
mod unblock;

pub use self::block::BlockMergeRequest;
pub use self::block::BlockMergeRequestBuilder;
pub use self::block::BlockMergeRequestBuilderError;
pub use self::block::BlockingMergeRequest;

pub use self::blockees::MergeRequestBlockees;
pub use self::blockees::MergeRequestBlockeesBuilder;
pub use self::blockees::MergeRequestBlockeesBuilderError;

pub use self::blocks::MergeRequestBlocks;
pub use self::blocks::MergeRequestBlocksBuilder;
pub use self::blocks::MergeRequestBlocksBuilderError;

pub use self::unblock::UnblockMergeRequest;
pub use self::unblock::UnblockMergeRequestBuilder;
pub use self::unblock::UnblockMergeRequestBuilderError;
