#!/usr/bin/env bash
# Runs a command after compiling the contracts when their artifacts are missing or older than a
# source file, because the CLI, the web app and the benchmarks import the ABIs from artifacts/.
# Compiler output goes to stderr, so that a command's --json line stays last on stdout.
# Usage: bash scripts/with-artifacts.sh COMMAND [ARG...] (inside scripts/with-node.sh)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
marker="$root/artifacts/contracts/RevenueSplitter.sol/RevenueSplitter.json"

if [[ ! -f "$marker" || -n "$(find "$root/contracts" -name '*.sol' -newer "$marker" -print -quit)" ]]; then
  echo "Compiling the contracts (artifacts/ is missing or older than contracts/)." >&2
  (cd "$root" && hardhat compile) >&2
  touch "$marker"
fi

exec "$@"
