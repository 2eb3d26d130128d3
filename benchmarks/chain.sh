#!/usr/bin/env bash
# Chain benchmark: a chain of N independent packages (generated spec folders, tiny noarch packages)
# built with --jobs 2 and with --jobs 1 (--no-cache, so each run builds every package), then the
# unchanged chain run again (every package reused from the cache), each the median of RUNS runs of
# the whole command, in the testbase profile. Prints jobs 2 / jobs 1 and re-run / first run. With
# ENGINE2 set to a second engine's DOCKER_HOST URL, also the chain on both engines against the
# default one alone (each engine as many builds as its processors). Not a test: its figures go to the
# README, with the load the machine had.
#
#   benchmarks/chain.sh                                 8 packages, 3 runs of each
#   N=16 RUNS=5 benchmarks/chain.sh                     16 packages, 5 runs
#   ENGINE2=tcp://builder2:2375 benchmarks/chain.sh     also two engines against one
#
# Needs: a Docker engine with xsbuild/testbase:bookworm (dockerfiles/testbase/build.sh), jq, bc.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${N:-8}
runs=${RUNS:-3}
for tool in jq bc docker; do
  command -v "$tool" >/dev/null 2>&1 || { echo "chain.sh: $tool is missing" >&2; exit 3; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/xsbuild-chain-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
xsbuild=(./xsbuild)
now() { date +%s.%N; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# N packages that need nothing of each other: one level of the chain, all ready at once.
for i in $(seq 1 "$n"); do
  mkdir -p "$work/packages/xsbench-chain$i"
  cat >"$work/packages/xsbench-chain$i/xsbench-chain$i.spec" <<EOF
Name:           xsbench-chain$i
Version:        1.0
Release:        1
Summary:        Package $i of the chain benchmark
License:        MIT
BuildArch:      noarch

%description
One of $n independent packages that benchmarks/chain.sh builds.

%build
echo "package $i" > chain$i.txt

%install
install -D -m 0644 chain$i.txt %{buildroot}%{_datadir}/xsbench-chain/chain$i.txt

%files
%{_datadir}/xsbench-chain/chain$i.txt
EOF
done
inputs=("$work"/packages/*/)

# One chain: its wall time, checked to have built (or reused) every package.
chain() {
  local label=$1 i=$2 status=$3 start end
  shift 3
  start=$(now)
  "${xsbuild[@]}" chain --profile testbase --out "$work/out-$label" --json "$@" "${inputs[@]}" \
    >"$work/$label-$i.json" 2>"$work/$label-$i.err" || { tail -n 20 "$work/$label-$i.err" >&2; exit 1; }
  end=$(now)
  local done
  done=$(jq --arg s "$status" '[.packages[] | select(.status == $s)] | length' "$work/$label-$i.json")
  [ "$done" = "$n" ] || { echo "chain.sh: $label run $i: $done of $n packages $status" >&2; exit 1; }
  echo "$end - $start" | bc >>"$work/$label.times"
}

echo "== $n independent packages, $runs runs of each; load average at the start: $(load) on $(nproc) cores"
"${xsbuild[@]}" image build --profile testbase >/dev/null 2>&1
for i in $(seq 1 "$runs"); do
  chain jobs1 "$i" BUILT --jobs 1 --no-cache
  chain jobs2 "$i" BUILT --jobs 2 --no-cache
done
chain first 1 BUILT --jobs 2
for i in $(seq 1 "$runs"); do
  chain rerun "$i" REUSED --jobs 2
done
if [ -n "${ENGINE2:-}" ]; then
  for i in $(seq 1 "$runs"); do
    chain one "$i" BUILT --no-cache
    chain two "$i" BUILT --no-cache --engine "${DOCKER_HOST:-unix:///var/run/docker.sock}" --engine "$ENGINE2"
  done
fi

one_job=$(median <"$work/jobs1.times")
two_jobs=$(median <"$work/jobs2.times")
rerun=$(median <"$work/rerun.times")
echo
echo "median of $runs runs (s)"
printf '  --jobs 1, every package built        %7.2f\n' "$one_job"
printf '  --jobs 2, every package built        %7.2f\n' "$two_jobs"
printf '  --jobs 2, unchanged: all reused      %7.2f\n' "$rerun"
if [ -n "${ENGINE2:-}" ]; then
  printf '  %-36s %7.2f\n' "the default engine alone" "$(median <"$work/one.times")"
  printf '  %-36s %7.2f\n' "it and $ENGINE2" "$(median <"$work/two.times")"
fi
echo "load average at the end: $(load) on $(nproc) cores"
printf 'jobs 2 / jobs 1        %.2f\n' "$(echo "$two_jobs / $one_job" | bc -l)"
printf 're-run / first run     %.2f   (the first run: --jobs 2, every package built)\n' "$(echo "$rerun / $two_jobs" | bc -l)"
if [ -n "${ENGINE2:-}" ]; then
  printf 'two engines / one      %.2f\n' "$(echo "$(median <"$work/two.times") / $(median <"$work/one.times")" | bc -l)"
fi
