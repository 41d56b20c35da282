#!/usr/bin/env bash
# Type-checks and lints TypeScript and Solidity. Run it through `npm run lint`.
set -euo pipefail
tsc -p tsconfig.json
tsc -p frontend/tsconfig.json
tsc -p frontend/e2e/tsconfig.json
eslint .
solhint --max-warnings 0 'contracts/**/*.sol'
