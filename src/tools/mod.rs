//! The wrapped tools: running them as child processes, and parsing what they print.

pub mod plan;
pub mod process;
pub mod terraform;
