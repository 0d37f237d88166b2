#!/usr/bin/env bash
# compare-outputs.sh: proof that a change leaves docgen's output as it was.
#
#   scripts/compare-outputs.sh [-k] OLD_REF [DOCS_DIR...]
#
# Builds docgen at OLD_REF (a git revision, in a temporary worktree) and
# from the working tree, runs `docgen dump` and `docgen generate` (all
# parts, then -generate models) of each DOCS_DIR (default: docs and, when
# present, ../shared/corpus/*/) with both binaries, and compares stdout,
# stderr, exit status and every generated file byte for byte. It prints a
# unified diff of whatever differs (first 200 lines per item) and exits 1
# when anything does, 0 when the outputs are identical. -k keeps the
# temporary folder.
set -euo pipefail
keep=0
if [ "${1:-}" = "-k" ]; then keep=1; shift; fi
if [ $# -lt 1 ]; then
  sed -n '3,13p' "$0" >&2; exit 2
fi
ref=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  dirs=(docs)
  for d in ../shared/corpus/*/; do [ -d "$d" ] && dirs+=("${d%/}"); done
fi
tmp=$(mktemp -d)
cleanup() {
  git worktree remove --force "$tmp/old-src" >/dev/null 2>&1 || true
  if [ $keep = 0 ]; then rm -rf "$tmp"; else echo "kept $tmp"; fi
}
trap cleanup EXIT
git worktree add --detach "$tmp/old-src" "$ref" >/dev/null 2>&1
(cd "$tmp/old-src" && go build -o "$tmp/docgen-old" ./cmd/docgen)
go build -o "$tmp/docgen-new" ./cmd/docgen
echo "old: $(git rev-parse --short "$ref")  new: working tree of $(git rev-parse --short HEAD)"

status=0
compare() { # compare LABEL OLDPATH NEWPATH
  if diff -r -u "$2" "$3" >"$tmp/diff" 2>&1; then
    echo "same      $1"
  else
    echo "DIFFERENT $1"; status=1
    if [ -d "$2" ]; then diff -r -q "$2" "$3" | sed "s#$tmp/##g; s#^#  #" || true; fi
    head -n 200 "$tmp/diff"
  fi
}
run() { # run WHICH NAME ARGS...: stdout, stderr and exit status into $tmp/WHICH/NAME.*
  local which=$1 name=$2; shift 2
  mkdir -p "$tmp/$which"
  set +e
  "$tmp/docgen-$which" "$@" >"$tmp/$which/$name.stdout" 2>"$tmp/$which/$name.stderr"
  echo $? >"$tmp/$which/$name.rc"
  set -e
}
i=0
for d in "${dirs[@]}"; do
  i=$((i+1))
  for which in old new; do
    run $which "$i-dump" dump "$d"
    for parts in all models; do
      # Both binaries write to the same path, so their messages match.
      out="$tmp/out"
      rm -rf "$out"; mkdir -p "$out"
      if [ $parts = all ]; then run $which "$i-gen-$parts" generate -docs "$d" -out "$out"
      else run $which "$i-gen-$parts" generate -generate models -docs "$d" -out "$out"; fi
      mv "$out" "$tmp/$which/$i-gen-$parts"
    done
  done
  for item in dump gen-all gen-models; do
    for ext in stdout stderr rc; do
      compare "$d: $item $ext" "$tmp/old/$i-$item.$ext" "$tmp/new/$i-$item.$ext"
    done
  done
  compare "$d: generate files (all parts)" "$tmp/old/$i-gen-all" "$tmp/new/$i-gen-all"
  compare "$d: generate files (-generate models)" "$tmp/old/$i-gen-models" "$tmp/new/$i-gen-models"
done
exit $status
