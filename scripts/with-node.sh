#!/usr/bin/env bash
# Runs a command with Node >= 22.13 and installed dependencies, so that the README's commands
# work on a machine whose system Node is older (Hardhat 3 needs 22.13 or later).
# Usage: bash scripts/with-node.sh COMMAND [ARG...]
set -euo pipefail

NODE_PACKAGE="node@24.21.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 13) ? 0 : 1)'
}

if ! node_is_recent; then
  if [[ -n "${ONETT_NODE_REEXEC:-}" ]]; then
    echo "error: $NODE_PACKAGE from the npm registry did not provide Node >= 22.13 (got $(node -v 2>/dev/null || echo none))." >&2
    exit 1
  fi
  echo "Node $(node -v 2>/dev/null || echo missing) is older than 22.13; re-running under $NODE_PACKAGE from the npm registry." >&2
  export ONETT_NODE_REEXEC=1
  exec npx --yes -p "$NODE_PACKAGE" -- bash "${BASH_SOURCE[0]}" "$@"
fi

# The re-run inherits the outer npx's settings, which would make any npx that the command starts
# look for its binaries in the node package (npm_config_package) and install unknown packages
# without asking (npm_config_yes).
if [[ -n "${ONETT_NODE_REEXEC:-}" ]]; then
  unset npm_config_package npm_config_yes npm_command
fi

# Install when node_modules is missing, older than package-lock.json (npm rewrites its own
# node_modules/.package-lock.json on every install), or lacks Hardhat's native engine. npm itself
# must run under the new Node: under Node 20 it silently skips that engine package.
installed="$root/node_modules/.package-lock.json"
engine="$root/node_modules/@nomicfoundation/edr-linux-x64-gnu"
if [[ ! -f "$installed" || "$root/package-lock.json" -nt "$installed" || ! -d "$engine" ]]; then
  echo "Installing dependencies with npm ci (node_modules is missing or older than package-lock.json)." >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

export PATH="$root/node_modules/.bin:$PATH"
cd "$root"
exec "$@"
