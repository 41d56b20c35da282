#!/usr/bin/env bash
# The whole test suite: type-check and lint, then Solidity unit, fuzz and invariant tests and the
# TypeScript tests. Run it through `npm test`, which provides the right Node and dependencies.
set -euo pipefail
hardhat compile
bash scripts/lint.sh
hardhat test
# Web app: unit tests, build with its size budget, and end-to-end tests in headless Chromium.
bash frontend/test.sh
