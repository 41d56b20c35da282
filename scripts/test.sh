#!/usr/bin/env bash
# The whole test suite: Solidity unit, fuzz and invariant tests, then the TypeScript tests.
# Run it through `npm test`, which provides the right Node and dependencies.
set -euo pipefail
hardhat test
