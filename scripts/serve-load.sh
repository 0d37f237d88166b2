#!/usr/bin/env bash
# serve-load.sh: loopback load test of `docgen serve -stateful` against the
# generated server doing the same work (the seed pages plus a get and a
# list page, internal/serve/testdata/docs): requests/second and p99 for a
# documented GET and a create, 8 workers, 5 s each. Then the startup of
# `docgen serve` on the whole corpus (../shared/corpus), best of 3, as a
# process: from exec until /healthz answers.
#
#   scripts/serve-load.sh [DURATION]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dur=${1:-5s}
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$root"
go build -o "$tmp/docgen" ./cmd/docgen
mkdir -p "$tmp/docs" "$tmp/mod/genserver"
cp docs/*.md internal/serve/testdata/docs/*.md "$tmp/docs/"
"$tmp/docgen" generate -docs "$tmp/docs" -out "$tmp/mod/gen" -generate models,handlers 2>/dev/null || true
printf 'module x\n\ngo 1.24\n' > "$tmp/mod/go.mod"
cp scripts/serveload/genserver.go.txt "$tmp/mod/genserver/main.go"
(cd "$tmp/mod" && GOFLAGS=-mod=mod GOWORK=off go build -o "$tmp/genserver" ./genserver)
go build -o "$tmp/load" scripts/serveload/load.go

"$tmp/docgen" serve -docs "$tmp/docs" -stateful -addr 127.0.0.1:18781 -log none 2>/dev/null & pids+=($!)
"$tmp/genserver" 127.0.0.1:18782 2>/dev/null & pids+=($!)
for port in 18781 18782; do
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
body='{"cloudPcId":"pc-1","status":"ready","lastRestoredDateTime":"2021-07-01T00:00:00Z"}'
coll=/deviceManagement/virtualEndpoint/snapshots
for port in 18781 18782; do
  id=$(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port$coll" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  name=$([ $port = 18781 ] && echo "docgen serve" || echo "generated server")
  "$tmp/load" -label "$name GET" -url "http://127.0.0.1:$port$coll/$id" -d "$dur" -status 200
  "$tmp/load" -label "$name create" -method POST -body "$body" -url "http://127.0.0.1:$port$coll" -d "$dur" -status 201
done

corpus="$root/../shared/corpus/graph-docs-v1.0-2021-07"
if [ -d "$corpus" ]; then
  best=""
  for i in 1 2 3; do
    t0=$(date +%s%N)
    "$tmp/docgen" serve -docs "$corpus" -addr 127.0.0.1:18783 -log none 2>"$tmp/startup.log" & p=$!
    until curl -s -o /dev/null http://127.0.0.1:18783/healthz; do sleep 0.02; done
    t1=$(date +%s%N)
    kill $p; wait $p 2>/dev/null || true
    ms=$(( (t1 - t0) / 1000000 ))
    echo "startup on the corpus, run $i: ${ms} ms ($(sed -n 's/.*(\(ready in [^)]*\)).*/\1/p' "$tmp/startup.log"))"
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "startup on the corpus: best of 3 ${best} ms"
  # The floor: parsing the corpus alone (docgen dump), best of 3.
  bestd=""
  for i in 1 2 3; do
    t0=$(date +%s%N); "$tmp/docgen" dump -o /dev/null "$corpus" 2>/dev/null || true; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 )); if [ -z "$bestd" ] || [ "$ms" -lt "$bestd" ]; then bestd=$ms; fi
  done
  echo "floor, docgen dump of the corpus (parse and encode): best of 3 ${bestd} ms"
fi
