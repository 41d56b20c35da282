#!/usr/bin/env bash
# Web app tests: unit tests, then the production build with its size budget.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
vitest run --config frontend/vite.config.ts
vite build --config frontend/vite.config.ts --logLevel warn
node frontend/scripts/bundle-size.ts
