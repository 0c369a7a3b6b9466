//! The wrapped tools: running them as child processes, and parsing what they print.

pub mod backend;
pub mod flux;
pub mod installer;
pub mod json_stream;
pub mod kubeone;
pub mod plan;
pub mod runner;
pub mod sops;
pub mod terraform;
