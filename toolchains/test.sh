#!/usr/bin/env bash
# Sets up (idempotently) and runs the whole test suite: the runtime's cargo tests, the formatter
# check, and the vitest suite (which builds and runs the examples through rog).
set -euo pipefail
cd "$(dirname "$0")/.."
./toolchains/setup.sh
(cd runtime-rs && cargo test --release --quiet)
npm run --silent lint
npx vitest run
