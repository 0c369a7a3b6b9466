//! The one integration-test binary. It runs the real executables with a scrubbed environment
//! against the fake forge (tests/support/forge.rs), real git repositories and real CI runners.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

#[path = "../support/bins.rs"]
mod bins;

#[path = "../support/forge.rs"]
mod forge;

#[path = "../support/kube.rs"]
mod kube;

mod common;

mod backend;
mod bitbucket;
mod cli;
mod cluster;
mod deploy;
mod escaping;
mod faults;
mod fleet;
mod github;
mod gitlab;
mod guard;
mod interrupts;
mod kernel;
mod network;
mod openapi;
mod pipeline;
mod properties;
mod runners;
mod secrets;
mod soak;
mod terraform;
mod trust;
