#!/usr/bin/env bash
# Runs every test: unit and contract tests (vitest, fake browser), then end-to-end tests (the
# e2e build in real Chromium against the fake server). Prints one final line
# "N passed, N failed[, N skipped]" summed over both runners, and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
results=.test-results
rm -rf "$results" && mkdir -p "$results"
status=0

npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json" || status=1

# The store zip: `wxt zip` builds the shipped build (.output/chrome-mv3) and zips it next to the
# builds, where bench/sizes.ts reads it; the e2e build below is that build plus loopback access.
npx wxt zip > "$results/zip.log" 2>&1 || { echo "wxt zip failed; see $results/zip.log" >&2; tail -20 "$results/zip.log" >&2; status=1; }

if WXT_E2E=1 npx wxt build > "$results/e2e-build.log" 2>&1; then
  # Sizes first (a second): a change that grows the popup, the service worker or the store zip
  # past its budget (or, while over, past its ceiling) fails here.
  npx tsx bench/sizes.ts --dir=.output/chrome-mv3-e2e --check || { echo "A bundle is over its size budget (above)." >&2; status=1; }
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$results/e2e.json" || status=1
else
  echo "The e2e build failed; see $results/e2e-build.log" >&2
  tail -20 "$results/e2e-build.log" >&2
  status=1
fi

node tests/support/summarize-results.mjs "$results/unit.json" "$results/e2e.json" || status=1
exit $status
