#!/usr/bin/env bash
# check-speed.sh: `docgen check` (with its API comparison) against
# `docgen generate` on a docs tree, measured as processes.
#
#   scripts/check-speed.sh [DOCS_DIR] [RUNS]
#
# DOCS_DIR defaults to the corpus (../shared/corpus/*/), RUNS to 3. Prints,
# best of RUNS (seconds, peak RSS): generate into an empty folder; check of
# the tree just generated (no file changed: nothing to compare); check of
# the tree with a comment appended to every generated file (every file
# changed: the API of every file is read and compared, the worst case);
# and the goldmark floor (/tmp/gmfloor, if built) on the same pages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
docs=${1:-}
if [ -z "$docs" ]; then
  for d in "$root"/../shared/corpus/*/; do docs=${d%/}; break; done
fi
runs=${2:-3}
docs=$(cd "$docs" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/docgen" ./cmd/docgen)
best() { sort -n | head -1; }
measure() { # label, command...
  local label=$1; shift
  local times=() t
  for _ in $(seq "$runs"); do
    "${PREPARE:-true}"
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
    times+=("$(tail -1 "$tmp/time")")
  done
  t=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  printf '%-34s %6s s  %7s KB   (runs: %s)\n' "$label" "${t% *}" "${t#* }" "$(printf '%s ' "${times[@]%% *}")"
}
cd "$tmp"
fresh() { rm -rf gen; }
PREPARE=fresh measure "generate (empty -out)" ./docgen generate -docs "$docs" -out gen
./docgen generate -docs "$docs" -out gen >/dev/null 2>&1 || true
measure "check (clean tree)" ./docgen check -docs "$docs" -out gen
touchall() { rm -rf gen2; cp -r gen gen2; for f in gen2/*.go; do echo "// changed" >> "$f"; done; }
touchall
measure "check (every file changed)" ./docgen check -docs "$docs" -out gen2 -pkg gen
if [ -x /tmp/gmfloor ]; then
  measure "goldmark floor (/tmp/gmfloor)" /tmp/gmfloor "$docs"
fi
