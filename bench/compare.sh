#!/usr/bin/env bash
# bench/compare.sh: build and test cost of the generated corpus package
# against msgraph-sdk-go's models package, side by side, on this machine.
#
#   bench/compare.sh [-reps N] [-parts PARTS] [-no-test] [-no-kiota] [-no-cli] [-keep DIR]
#
# Each figure is the best of N runs (default 3) of a process under
# /usr/bin/time: elapsed seconds, CPU seconds (user+system, of the go
# command and everything it waited for: the figure to compare on a machine
# that other jobs share) and peak resident memory (the largest process the
# go command waited for, i.e. the compiler or the test binary).
# A nonce file written before each run forces the package (and only it) to
# recompile. The corpus is ../shared/corpus beside the repository (or
# $DOCGEN_CORPUS). msgraph-sdk-go v1.89.0 is fetched as a module with the go
# command into a temporary folder; where it cannot be, that row is skipped
# with a message. Not part of go test ./...
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${DOCGEN_CORPUS:-$root/../shared/corpus/graph-docs-v1.0-2021-07}
kiota_version=${KIOTA_VERSION:-v1.89.0}
reps=3 parts=models,handlers,tests do_test=1 do_kiota=1 do_cli=1 keep=
while [ $# -gt 0 ]; do
	case $1 in
	-reps) reps=$2; shift ;;
	-parts) parts=$2; shift ;;
	-no-test) do_test= ;;
	-no-kiota) do_kiota= ;;
	-no-cli) do_cli= ;;
	-keep) keep=$2; shift ;;
	-h|--help) sed -n 2,16p "$0"; exit 0 ;;
	*) echo "compare.sh: unknown flag $1" >&2; exit 2 ;;
	esac
	shift
done
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "compare.sh: corpus not found at $corpus" >&2; exit 2; }

tmp=${keep:-$(mktemp -d)}
mkdir -p "$tmp"
[ -n "$keep" ] || trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export GOWORK=off GOFLAGS=-mod=mod

# timed DIR CMD...: run CMD in DIR reps times after a fresh nonce in
# $nonce_dir; prints "best_seconds cpu_seconds peak_MB" (the run with the
# best time gives the others too; every run is in $tmp/times).
timed() {
	local dir=$1; shift
	local best= best_mem= best_cpu= i t u s m
	for ((i = 0; i < reps; i++)); do
		printf 'package %s\n\nconst benchNonce%d = "%s"\n' "$nonce_pkg" "$RANDOM" "$(date +%s%N)" >"$nonce_dir/zz_bench_nonce.go"
		if ! (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.out" "$@" >"$tmp/cmd.out" 2>&1); then
			if [ -n "${allow_test_failures:-}" ] && grep -q '^--- FAIL' "$tmp/cmd.out"; then
				# The corpus documents responses that contradict their own
				# types: those tests fail by design, and the run still
				# measures the cost of compiling and running them.
				echo "compare.sh: $* ran with $(grep -c '^    --- FAIL' "$tmp/cmd.out") failing subtests (the corpus's documented contradictions); timed anyway" >&2
			else
				echo "compare.sh: $* failed in $dir:" >&2
				tail -30 "$tmp/cmd.out" >&2
				exit 1
			fi
		fi
		read -r t u s m < <(tail -n 1 "$tmp/time.out") # /usr/bin/time puts "Command exited with non-zero status N" first
		echo "$* $t s elapsed, $u s user, $s s system, $m KB peak" >>"$tmp/times"
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t best_mem=$m best_cpu=$(awk "BEGIN{print $u + $s}"); fi
	done
	rm -f "$nonce_dir/zz_bench_nonce.go"
	echo "$best $best_cpu $((best_mem / 1024))"
}

row() { # name types seconds cpu_seconds MB
	awk -v n="$1" -v k="$2" -v s="$3" -v c="$4" -v m="$5" 'BEGIN{
		printf "| %s | %d | %.1f s | %.1f s | %.2f GB | %.1f ms, %.1f ms CPU, %.2f MB |\n", n, k, s, c, m/1024, (k ? 1000*s/k : 0), (k ? 1000*c/k : 0), (k ? m/k : 0) }'
}

echo "# bench/compare.sh $(date -u +%FT%TZ), $(go version | cut -d' ' -f3), $(nproc) cores, git $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo '+dirty'), best of $reps"
echo

# --- the docgen corpus package -------------------------------------------
(cd "$root" && go build -o "$tmp/docgen" ./cmd/docgen)
mod=$tmp/docgen-mod
rm -rf "$mod" && mkdir -p "$mod/corpus"
printf 'module x\n\ngo 1.24\n\nrequire github.com/google/go-cmp v0.7.0\n' >"$mod/go.mod"
grep '^github.com/google/go-cmp ' "$root/go.sum" >"$mod/go.sum"
"$tmp/docgen" generate -docs "$corpus" -out "$mod/corpus" -pkg corpus -generate "$parts" >/dev/null 2>&1 || true
files=$(ls "$mod/corpus" | wc -l)
lines=$(cat "$mod/corpus"/*.go | wc -l)
test_lines=$(cat "$mod/corpus"/*_test.go 2>/dev/null | wc -l)
types=$(cat $(ls "$mod/corpus"/*.go | grep -v '_test.go$' | grep -v '/docgen_') | grep -c '^	Extra JSONMembers' || true)
echo "docgen corpus package (-generate $parts): $files files, $lines lines ($test_lines in tests), $types struct types"
nonce_dir=$mod/corpus nonce_pkg=corpus
# warm the build cache for the dependencies (standard library, go-cmp)
(cd "$mod" && go list -deps -test ./corpus | grep -v '^x/corpus' | grep -v '^x$' | xargs go build)
read -r b_s b_c b_m < <(timed "$mod" go build ./corpus)
if [ -n "$do_test" ]; then
	read -r t_s t_c t_m < <(allow_test_failures=1 timed "$mod" go test -count=1 ./corpus)
fi

# --- msgraph-sdk-go models ------------------------------------------------
k_s= k_m= k_types=
if [ -n "$do_kiota" ]; then
	kmod=$tmp/kiota-mod
	mkdir -p "$kmod"
	if (cd "$kmod" && { [ -f go.mod ] || go mod init k >/dev/null 2>&1; } && go mod download github.com/microsoftgraph/msgraph-sdk-go@"$kiota_version" >/dev/null 2>"$tmp/kiota.err"); then
		src=$(cd "$kmod" && go mod download -json github.com/microsoftgraph/msgraph-sdk-go@"$kiota_version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
		rm -rf "$kmod/msgraph" && cp -r "$src" "$kmod/msgraph" && chmod -R u+w "$kmod/msgraph"
		(cd "$kmod" && go mod edit -require=github.com/microsoftgraph/msgraph-sdk-go@"$kiota_version" -replace=github.com/microsoftgraph/msgraph-sdk-go=./msgraph)
		if (cd "$kmod" && go build github.com/microsoftgraph/msgraph-sdk-go/models) >"$tmp/kiota.err" 2>&1; then
			k_types=$(grep -l '^type [A-Za-z0-9_]* struct' "$kmod/msgraph/models"/*.go | wc -l)
			echo "msgraph-sdk-go $kiota_version models: $(ls "$kmod/msgraph/models"/*.go | wc -l) files, $(cat "$kmod/msgraph/models"/*.go | wc -l) lines, $k_types struct types"
			nonce_dir=$kmod/msgraph/models nonce_pkg=models
			read -r k_s k_c k_m < <(timed "$kmod" go build github.com/microsoftgraph/msgraph-sdk-go/models)
		else
			echo "msgraph-sdk-go $kiota_version: skipped, its models package does not build here: $(tail -3 "$tmp/kiota.err")"
		fi
	else
		echo "msgraph-sdk-go $kiota_version: skipped, cannot fetch it: $(tail -3 "$tmp/kiota.err")"
	fi
fi

echo
echo "| package | struct types | elapsed | CPU (user+sys) | peak memory | per struct type |"
echo "| --- | --- | --- | --- | --- | --- |"
[ -z "$k_s" ] || row "msgraph-sdk-go $kiota_version \`models\`, go build" "$k_types" "$k_s" "$k_c" "$k_m"
row "docgen corpus ($parts), go build" "$types" "$b_s" "$b_c" "$b_m"
[ -z "$do_test" ] || row "docgen corpus ($parts), go test (compile and run)" "$types" "$t_s" "$t_c" "$t_m"
if [ -n "$k_s" ]; then
	awk -v a="$b_s" -v ac="$b_c" -v na="$types" -v k="$k_s" -v kc="$k_c" -v nk="$k_types" 'BEGIN{ if (na && nk && k && kc) printf "\ndocgen build per struct type / msgraph-sdk-go models per struct type: %.2f elapsed, %.2f CPU (target <= 0.33)\n", (a/na)/(k/nk), (ac/na)/(kc/nk) }'
fi

# --- the CLI against the goldmark-only parse (issue 14b) --------------------
# bench/cli.sh, when present, prints the CLI rows (docgen dump/generate
# against gmfloor); it gets the docgen binary and the corpus folder.
if [ -n "$do_cli" ]; then
	echo
	if [ -x "$root/bench/cli.sh" ]; then
		DOCGEN_BIN=$tmp/docgen DOCGEN_CORPUS=$corpus REPS=$reps "$root/bench/cli.sh"
	else
		echo "CLI against goldmark-only parse: skipped (bench/cli.sh not present)"
	fi
fi
