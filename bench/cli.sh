#!/usr/bin/env bash
# cli.sh: the docgen CLI timed as the processes a user runs, beside the
# goldmark-only parse of the same pages (the floor).
#
#   bench/cli.sh [-n RUNS] [-base REF] [DOCS_DIR]
#
# Builds docgen (this working tree), ../shared/tools/gmfloor and
# bench/writefloor, then runs each command RUNS times (default 3) under
# /usr/bin/time and prints the best run by wall time: wall, user and system
# CPU seconds, peak RSS, and the ratios to the floor measured in the same
# run, of wall time and of CPU time (user+sys; steadier than wall on a
# machine other work shares). Commands: gmfloor, `docgen dump`, the write
# floor (bench/writefloor: creating files of the names and sizes docgen
# writes, in a fresh folder, as docgen does), `docgen generate` (all parts,
# into a fresh folder), `docgen generate -generate models` (fresh folder),
# `docgen generate` again over an up-to-date folder (nothing changed), and
# last a fresh generate right after `rm -rf` of a previous output. The
# format cache (DOCGEN_CACHE) is off, as on a first run, except in the two
# "warm cache" rows: the fresh and the nothing-changed generate when every
# file's formatted form is in the cache, as after a doc edit.
#
# Every fresh run writes into a folder never used before, and no output is
# deleted until the script exits, because deletions make creates slow for
# minutes on some file systems: on ext4 without a journal (this machine's),
# the inode allocator skips every inode freed in the last 1-5 minutes
# (ext4 find_inode_bit/recently_deleted) and scans them again for each
# create, so creating N files after deleting M costs O(N*M) in the kernel.
# The last row shows that cost; the write floor row shows what creating
# the files costs at the time of the run, whoever deleted files before it.
# -base REF also builds docgen at the git revision REF (in a temporary
# worktree) and times it in the row after each docgen row, "(base)", in the
# same run: before and after under the same load.
# DOCS_DIR defaults to the corpus (../shared/corpus/*/); without it the
# script says so and exits 0. Not part of `go test ./...`; timings on a
# shared machine are noisy, hence best of N.
set -euo pipefail
runs=3 base=
while [ $# -gt 0 ]; do
  case $1 in
  -n) runs=$2; shift 2 ;;
  -base) base=$2; shift 2 ;;
  *) break ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
docs=${1:-}
if [ -z "$docs" ]; then
  for d in ../shared/corpus/*/; do [ -d "$d" ] && docs=${d%/} && break; done
fi
if [ -z "$docs" ] || [ ! -d "$docs" ]; then
  echo "bench/cli.sh: no corpus at ../shared/corpus (and no DOCS_DIR given); skipped"
  exit 0
fi
floorsrc=../shared/tools/gmfloor
if [ ! -f "$floorsrc/main.go" ]; then
  echo "bench/cli.sh: no goldmark floor program at $floorsrc; skipped"
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench/cli.sh: /usr/bin/time (GNU time) is missing; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/docgen" ./cmd/docgen
go build -o "$tmp/writefloor" ./bench/writefloor
if [ -n "$base" ]; then
  git worktree add --detach -q "$tmp/base-src" "$base"
  (cd "$tmp/base-src" && go build -o "$tmp/docgen-base" ./cmd/docgen) || { git worktree remove --force "$tmp/base-src"; exit 1; }
  git worktree remove --force "$tmp/base-src"
fi
(cd "$floorsrc" && go build -o "$tmp/gmfloor" .)
pages=$(find "$docs" -name '*.md' | wc -l)
echo "docs: $docs ($pages pages)  docgen: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo +changes)  runs: best of $runs  cores: $(nproc)${base:+  base: $base ($(git rev-parse --short "$base"))}"

floor=""
floorcpu=""
n=0
# measure LABEL PREP CMD: PREP and CMD are shell commands; PREP runs before
# each run, untimed (it may set $out, a folder never used before: next_out);
# prints the best run by wall time.
next_out() { n=$((n+1)); out=$tmp/runs/$n; }
measure() {
  local label=$1 prep=$2 cmd=$3
  local best="" line
  for _ in $(seq "$runs"); do
    eval "$prep"
    eval "/usr/bin/time -f '%e %U %S %M' -o '$tmp/time' $cmd" >/dev/null 2>"$tmp/stderr" || true
    line=$(tail -n 1 "$tmp/time")
    case $line in
      [0-9]*) ;;
      *) echo "$label: failed: $line"; sed -n '1,5p' "$tmp/stderr"; return ;;
    esac
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$line; fi
  done
  set -- $best
  [ -z "$floor" ] && floor=$1 && floorcpu=$(awk -v u="$2" -v s="$3" 'BEGIN{print u+s}')
  awk -v l="$label" -v w="$1" -v u="$2" -v s="$3" -v m="$4" -v f="$floor" -v fc="$floorcpu" \
    'BEGIN{printf "%-36s %7.2f %7.2f %7.2f %8.0f %7.1fx %7.1fx\n", l, w, u, s, m/1024, (f>0? w/f : 0), (fc>0? (u+s)/fc : 0)}'
}
mkdir -p "$tmp/runs"
bins=docgen
[ -n "$base" ] && bins="docgen docgen-base"
# The up-to-date folders for "nothing changed", and the sample of the write floor.
# Every generate names the package (-pkg corpus), so that the output does not
# depend on the folder; the format cache is off except in the rows that say
# "warm cache", which use a cache filled by the up-to-date folder's run.
export DOCGEN_CACHE=off
warm="DOCGEN_CACHE=$tmp/cache"
for b in $bins; do env "$warm" "$tmp/$b" generate -pkg corpus -docs "$docs" -out "$tmp/ref-$b" >/dev/null 2>&1 || true; done
printf "%-36s %7s %7s %7s %8s %8s %8s\n" "process" "wall s" "user s" "sys s" "peak MB" "wall/fl" "cpu/fl"
measure "goldmark floor (gmfloor)" ":" '"$tmp/gmfloor" "$docs"'
measure "write floor ($(ls "$tmp/ref-docgen" | wc -l) files, fresh)" next_out '"$tmp/writefloor" "$tmp/ref-docgen" "$out"'
# each_bin LABEL PREP CMD: measure CMD (in which $b is the binary and $ref
# its up-to-date folder) for docgen, then for the base build.
each_bin() {
  local b ref
  for b in $bins; do
    ref=$tmp/ref-$b
    measure "$1$([ "$b" = docgen-base ] && echo " (base)")" "$2" "$3"
  done
}
each_bin "docgen dump" ":" '"$tmp/$b" dump "$docs"'
each_bin "generate (all, fresh)" next_out '"$tmp/$b" generate -pkg corpus -docs "$docs" -out "$out"'
measure "generate (all, fresh, warm cache)" next_out 'env "$warm" "$tmp/docgen" generate -pkg corpus -docs "$docs" -out "$out"'
each_bin "generate -generate models" next_out '"$tmp/$b" generate -pkg corpus -generate models -docs "$docs" -out "$out"'
each_bin "generate (nothing changed)" ":" '"$tmp/$b" generate -pkg corpus -docs "$docs" -out "$ref"'
measure "generate (nothing changed, warm cache)" ":" 'env "$warm" "$tmp/docgen" generate -pkg corpus -docs "$docs" -out "$tmp/ref-docgen"'
# Last, as it deletes: a fresh generate right after rm -rf of a whole output.
next_out; "$tmp/docgen" generate -pkg corpus -docs "$docs" -out "$out" >/dev/null 2>&1 || true
measure "generate (fresh, just after rm -rf)" 'rm -rf "$out"; next_out' '"$tmp/docgen" generate -pkg corpus -docs "$docs" -out "$out"'
