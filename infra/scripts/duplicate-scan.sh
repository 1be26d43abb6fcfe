#!/usr/bin/env bash
# Counts duplicate-code pairs in the main (non-test) sources only, the figure issue notes report;
# it copies the tracked main files to a scratch folder because the scan reads whole trees.
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$root"
git ls-files -co --exclude-standard \
  | grep -E '\.(java|ts|tsx|css|sql|sh)$' \
  | grep -vE '(^|/)src/test/|\.test\.tsx?$|(^|/)e2e/|(^|/)node_modules/' \
  | while read -r f; do [ -f "$f" ] && mkdir -p "$scratch/$(dirname "$f")" && cp "$f" "$scratch/$f"; done
duplicates --repo "$scratch" --most "${MOST:-200}" --seconds "${SECONDS_LIMIT:-180}"
