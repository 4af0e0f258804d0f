#!/usr/bin/env bash
# The runtime action.yml names (node24), from the npm package `node`, into
# .cache/node24: the action's tests run the committed dist/ under it as well
# as under the project's own Node 20. Costs nothing the second time.
set -euo pipefail
cd "$(dirname "$0")/.."
version=24.21.0
bin=.cache/node24/node_modules/.bin/node
if [ ! -x "$bin" ] || [ "$("$bin" --version)" != "v$version" ]; then
  mkdir -p .cache/node24
  npm install --prefix .cache/node24 --no-save --no-audit --no-fund --loglevel=error "node@$version"
fi
