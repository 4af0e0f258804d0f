#!/usr/bin/env bash
# npm test: installs what is missing, rebuilds everything from source,
# fails if the committed dist/ differs from that build, then runs every test
# (BPF ones on the real kernel, as root: they fail rather than skip).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh binutils docker.io busybox-static bind9-dnsutils chromium sudo
bash scripts/ensure-node24.sh
# On other distributions (GitHub's runners) the committed dist/ is what is
# tested: it is the artifact users run, and a rebuild there would differ.
if [ "${CICD_SENSOR_SKIP_BUILD:-0}" != 1 ]; then
  bash scripts/build.sh
fi

if [ "${CICD_SENSOR_DIST_CHECK:-1}" = 1 ] && git rev-parse --git-dir >/dev/null 2>&1; then
  if [ -n "$(git status --porcelain -- dist)" ]; then
    echo "dist/ differs from a fresh build of its sources; run 'npm run build' and commit dist/:" >&2
    git status --short -- dist >&2
    exit 1
  fi
fi

npx tsc --noEmit -p .
results=$(mktemp)
trap 'rm -f "$results"' EXIT
status=0
node --experimental-vm-modules node_modules/jest/bin/jest.js --runInBand --json --outputFile="$results" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$results" || true
exit $status
