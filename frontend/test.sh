#!/usr/bin/env bash
# Web app tests: unit tests, the production build with its size budget, then end-to-end tests in
# headless Chromium against a local chain. Needs compiled contracts (`hardhat compile`) and Debian's
# `chromium` and `fonts-nanum` packages. Run it through `npm run test:web` or `npm test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
vitest run --config frontend/vite.config.ts
vite build --config frontend/vite.config.ts --logLevel warn
node frontend/scripts/bundle-size.ts
node --test --test-reporter=spec frontend/e2e/app.e2e.test.ts
