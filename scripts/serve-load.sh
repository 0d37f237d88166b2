#!/usr/bin/env bash
# serve-load.sh: loopback load test of `docgen serve` against the generated
# server doing the same work (the seed pages plus a get and a list page,
# internal/serve/testdata/docs): requests/second, p99 and the server's CPU
# per request for
#   - a documented GET: `docgen serve -stateful` answering a stored object,
#     and `docgen serve` (no store) answering the documented example;
#   - a create: `docgen serve -stateful` storing the object;
# and the generated server with an in-memory implementation (store on
# create, look up on get). 8 workers, DURATION each, ROUNDS rounds (the
# servers alternate which goes first), best of the rounds. Then the
# startup of `docgen serve` on the whole corpus (../shared/corpus), best of
# 3, as a process: wall time from exec until /healthz answers and the CPU
# it used by then, beside `docgen dump` of the same pages (parse and
# encode) as the floor.
#
# The machine may be shared: the load average is printed, and the CPU per
# request (user+sys of the server process over the requests it answered)
# is the figure load moves least.
#
# BASE=REV also runs `docgen serve` built from git revision REV in every
# round and startup run, for before/after figures taken side by side.
#
#   scripts/serve-load.sh [DURATION]       (ROUNDS=3 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dur=${1:-5s}
rounds=${ROUNDS:-3}
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$root"
tck=$(getconf CLK_TCK)
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
go build -o "$tmp/docgen" ./cmd/docgen
mkdir -p "$tmp/docs" "$tmp/mod/genserver"
cp docs/*.md internal/serve/testdata/docs/*.md "$tmp/docs/"
"$tmp/docgen" generate -docs "$tmp/docs" -out "$tmp/mod/gen" -generate models,handlers 2>/dev/null || true
printf 'module x\n\ngo 1.24\n' > "$tmp/mod/go.mod"
cp scripts/serveload/genserver.go.txt "$tmp/mod/genserver/main.go"
(cd "$tmp/mod" && GOFLAGS=-mod=mod GOWORK=off go build -o "$tmp/genserver" ./genserver)
go build -o "$tmp/load" scripts/serveload/load.go
base=${BASE:-}
if [ -n "$base" ]; then
  mkdir -p "$tmp/base"
  git archive "$base" | tar -x -C "$tmp/base"
  (cd "$tmp/base" && go build -o "$tmp/docgen-base" ./cmd/docgen)
fi

"$tmp/docgen" serve -docs "$tmp/docs" -stateful -addr 127.0.0.1:18781 -log none 2>/dev/null & pids+=($!); spid=$!
"$tmp/genserver" 127.0.0.1:18782 2>/dev/null & pids+=($!); gpid=$!
"$tmp/docgen" serve -docs "$tmp/docs" -addr 127.0.0.1:18784 -log none 2>/dev/null & pids+=($!); xpid=$!
ports="18781 18782 18784"
if [ -n "$base" ]; then
  "$tmp/docgen-base" serve -docs "$tmp/docs" -stateful -addr 127.0.0.1:18785 -log none 2>/dev/null & pids+=($!); bpid=$!
  "$tmp/docgen-base" serve -docs "$tmp/docs" -addr 127.0.0.1:18786 -log none 2>/dev/null & pids+=($!); bxpid=$!
  ports="$ports 18785 18786"
fi
for port in $ports; do
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
body='{"cloudPcId":"pc-1","status":"ready","lastRestoredDateTime":"2021-07-01T00:00:00Z"}'
coll=/deviceManagement/virtualEndpoint/snapshots
sid=$(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:18781$coll" | sed 's/.*"id":"\([^"]*\)".*/\1/')
gid=$(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:18782$coll" | sed 's/.*"id":"\([^"]*\)".*/\1/')
example=$coll/CPC_63ce8cf8-5d0f-4a8a-8d18-aa3e9a7b4d4a_2021-07-01T00:00:00Z
if [ -n "$base" ]; then
  bid=$(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:18785$coll" | sed 's/.*"id":"\([^"]*\)".*/\1/')
fi

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
# measure LABEL PID LOAD-ARGS...: one load run, with the server's CPU per
# request; appends "label rps p99 cpu" to $tmp/runs.
measure() {
  local label=$1 pid=$2; shift 2
  local c0 c1 out n rps p99 us
  c0=$(cpu "$pid")
  out=$("$tmp/load" -label "$label" -d "$dur" "$@")
  c1=$(cpu "$pid")
  n=$(sed -n 's/.* n \([0-9]*\) .*/\1/p' <<<"$out")
  us=$(( (c1 - c0) * 1000000 / tck / (n > 0 ? n : 1) ))
  echo "$out  server CPU ${us} µs/req"
  rps=$(awk '{for(i=1;i<=NF;i++) if($i=="req/s") print $(i-1)}' <<<"$out")
  p99=$(awk '{for(i=1;i<=NF;i++) if($i=="p99") print $(i+1)}' <<<"$out")
  echo "$label|$rps|$p99|$us" >> "$tmp/runs"
}
serve_runs() {
  measure "docgen serve GET (stored)" "$spid" -url "http://127.0.0.1:18781$coll/$sid" -status 200
  measure "docgen serve GET (example)" "$xpid" -url "http://127.0.0.1:18784$example" -status 200
  measure "docgen serve create" "$spid" -method POST -body "$body" -url "http://127.0.0.1:18781$coll" -status 201
}
base_runs() {
  [ -n "$base" ] || return 0
  measure "serve@$base GET (stored)" "$bpid" -url "http://127.0.0.1:18785$coll/$bid" -status 200
  measure "serve@$base GET (example)" "$bxpid" -url "http://127.0.0.1:18786$example" -status 200
  measure "serve@$base create" "$bpid" -method POST -body "$body" -url "http://127.0.0.1:18785$coll" -status 201
}
gen_runs() {
  measure "generated server GET" "$gpid" -url "http://127.0.0.1:18782$coll/$gid" -status 200
  measure "generated server create" "$gpid" -method POST -body "$body" -url "http://127.0.0.1:18782$coll" -status 201
}
for i in $(seq "$rounds"); do
  echo "round $i (load average $(cut -d' ' -f1 /proc/loadavg))"
  if [ $((i % 2)) = 1 ]; then serve_runs; base_runs; gen_runs; else gen_runs; base_runs; serve_runs; fi
done
echo
echo "best of $rounds rounds (highest req/s with its p99; lowest server CPU per request):"
awk -F'|' '
  { if (!($1 in rps) || $2 > rps[$1]) { rps[$1] = $2; p99[$1] = $3 }
    if (!($1 in cpu) || $4 < cpu[$1]) cpu[$1] = $4; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END {
    for (i = 1; i <= n; i++) printf "  %-30s %7.0f req/s  p99 %9s  CPU %5d µs/req\n", order[i], rps[order[i]], p99[order[i]], cpu[order[i]]
    g = "generated server GET"; c = "generated server create"
    printf "  GET (stored) / generated:   %.2fx req/s, %.2fx CPU per request\n", rps["docgen serve GET (stored)"] / rps[g], cpu["docgen serve GET (stored)"] / cpu[g]
    printf "  GET (example) / generated:  %.2fx req/s, %.2fx CPU per request\n", rps["docgen serve GET (example)"] / rps[g], cpu["docgen serve GET (example)"] / cpu[g]
    printf "  create / generated:         %.2fx req/s, %.2fx CPU per request\n", rps["docgen serve create"] / rps[c], cpu["docgen serve create"] / cpu[c]
    if (b != "") {
      printf "  serve@%s GET (stored) / generated:  %.2fx req/s, %.2fx CPU per request\n", b, rps["serve@" b " GET (stored)"] / rps[g], cpu["serve@" b " GET (stored)"] / cpu[g]
      printf "  serve@%s GET (example) / generated: %.2fx req/s, %.2fx CPU per request\n", b, rps["serve@" b " GET (example)"] / rps[g], cpu["serve@" b " GET (example)"] / cpu[g]
      printf "  serve@%s create / generated:        %.2fx req/s, %.2fx CPU per request\n", b, rps["serve@" b " create"] / rps[c], cpu["serve@" b " create"] / cpu[c]
    }
  }' b="$base" "$tmp/runs"
echo "load average after the load runs: $(cut -d' ' -f1-3 /proc/loadavg)"

corpus="$root/../shared/corpus/graph-docs-v1.0-2021-07"
if [ -d "$corpus" ]; then
  echo
  bins=docgen
  [ -n "$base" ] && bins="docgen docgen-base"
  declare -A best bestc
  for i in 1 2 3; do
    for bin in $bins; do
      t0=$(date +%s%N)
      "$tmp/$bin" serve -docs "$corpus" -addr 127.0.0.1:18783 -log none 2>"$tmp/startup.log" & p=$!
      until curl -s -o /dev/null http://127.0.0.1:18783/healthz; do sleep 0.01; done
      t1=$(date +%s%N)
      c=$(( $(cpu $p) * 1000 / tck ))
      kill $p; wait $p 2>/dev/null || true
      ms=$(( (t1 - t0) / 1000000 ))
      echo "startup on the corpus ($bin), run $i: ${ms} ms wall, ${c} ms CPU ($(sed -n 's/.*(\(ready in [^)]*\)).*/\1/p' "$tmp/startup.log"); load average $(cut -d' ' -f1 /proc/loadavg))"
      if [ -z "${best[$bin]:-}" ] || [ "$ms" -lt "${best[$bin]}" ]; then best[$bin]=$ms; fi
      if [ -z "${bestc[$bin]:-}" ] || [ "$c" -lt "${bestc[$bin]}" ]; then bestc[$bin]=$c; fi
    done
  done
  for bin in $bins; do
    name="this tree"; [ "$bin" = docgen ] || name="serve@$base"
    echo "startup on the corpus until /healthz answers ($name): best of 3 ${best[$bin]} ms wall, ${bestc[$bin]} ms CPU"
  done
  # The floor: parsing the corpus alone (docgen dump), best of 3.
  bestd="" bestdc=""
  for i in 1 2 3; do
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$tmp/docgen" dump -o /dev/null "$corpus" 2>/dev/null || true
    # (time writes "Command exited with non-zero status" first when dump
    # reports findings; the figures are the last line.)
    read -r e u s < <(tail -n 1 "$tmp/time")
    ms=$(awk -v e="$e" 'BEGIN{printf "%d", e*1000}'); c=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%d", (u+s)*1000}')
    if [ -z "$bestd" ] || [ "$ms" -lt "$bestd" ]; then bestd=$ms; fi
    if [ -z "$bestdc" ] || [ "$c" -lt "$bestdc" ]; then bestdc=$c; fi
  done
  echo "floor, docgen dump of the corpus (parse and encode): best of 3 ${bestd} ms wall, ${bestdc} ms CPU"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
