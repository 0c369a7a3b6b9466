#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit tests and the integration tests (fake forge,
# real git, act, gitlab-ci-local, linters). Install the tools first: scripts/install-tools.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
bash scripts/check-boundaries.sh
cargo clippy --all-targets --quiet -- -D warnings
cargo test --all-targets
