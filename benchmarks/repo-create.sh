#!/usr/bin/env bash
# Wall time of `xsbuild repo create` against `createrepo_c --workers 2 --no-database` on the same
# generated packages, fresh and with --update after one new package. Not a test: it prints figures.
#
# Usage: benchmarks/repo-create.sh [COUNT...]        (default: 1000 10000)
# Environment: RUNS (runs of each tool per figure, default 5; the median is shown),
#              BENCH_DIR (where corpora and metadata go, default ${TMPDIR:-/tmp}/xsbuild-bench).
#
# Corpora are generated once per count (packager-rpm, through the repo-builder test classes):
# varied files, dependencies and changelogs, and a 3 MB payload in every hundredth package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
bench=${BENCH_DIR:-${TMPDIR:-/tmp}/xsbuild-bench}
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)

command -v createrepo_c >/dev/null || { echo "createrepo_c is not installed (apt-get install -y createrepo-c)" >&2; exit 3; }
mkdir -p "$bench"

echo "building the toolkit and the corpus generator..." >&2
"$root/xsbuild" --version >/dev/null
(cd "$root" && mvn -B -q -pl repo-builder test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$bench/classpath.txt" >/dev/null)
generator_cp="$root/repo-builder/target/test-classes:$root/repo-builder/target/classes:$(cat "$bench/classpath.txt")"

now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", (b - a) / 1e9}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {printf "%.3f", (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

xsbuild() { "$root/xsbuild" repo create --workers 2 "$@" >/dev/null 2>&1; }
createrepo() { createrepo_c --workers 2 --no-database "$@" >/dev/null 2>&1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)," \
    "createrepo_c $(createrepo_c --version | sed -n 's/Version: \([0-9.]*\).*/\1/p')"
printf '%-9s %-12s %-14s %-7s %-20s %-22s %-7s\n' packages xsbuild_s createrepo_c_s ratio xsbuild_update_s \
    createrepo_c_update_s ratio

for count in "${counts[@]}"; do
  corpus="$bench/corpus-$count"
  if [ ! -f "$corpus/.complete" ]; then
    echo "generating $count packages in $corpus..." >&2
    rm -rf "$corpus"
    java -cp "$generator_cp" io.xsbuild.testing.Corpus "$corpus" "$count" 42 100 3000000
    touch "$corpus/.complete"
  fi
  out_x="$bench/out-xsbuild-$count"
  out_c="$bench/out-createrepo-$count"
  fresh_x=() fresh_c=() update_x=() update_c=()
  for run in $(seq 1 "$runs"); do
    rm -rf "$out_x" "$out_c" && mkdir -p "$out_x" "$out_c"
    t0=$(now); xsbuild --out "$out_x" "$corpus"; t1=$(now)
    createrepo -o "$out_c" "$corpus"; t2=$(now)
    fresh_x+=("$(seconds "$t0" "$t1")") fresh_c+=("$(seconds "$t1" "$t2")")

    java -cp "$generator_cp" io.xsbuild.testing.Corpus "$corpus/zz-new-$run" 1 $((1000 + run))
    t0=$(now); xsbuild --update --out "$out_x" "$corpus"; t1=$(now)
    createrepo --update -o "$out_c" "$corpus"; t2=$(now)
    update_x+=("$(seconds "$t0" "$t1")") update_c+=("$(seconds "$t1" "$t2")")
    rm -rf "$corpus/zz-new-$run"
  done
  fx=$(median "${fresh_x[@]}") fc=$(median "${fresh_c[@]}") ux=$(median "${update_x[@]}") uc=$(median "${update_c[@]}")
  printf '%-9s %-12s %-14s %-7s %-20s %-22s %-7s\n' "$count" "$fx" "$fc" "$(ratio "$fx" "$fc")" "$ux" "$uc" \
      "$(ratio "$ux" "$uc")"
  echo "  runs: xsbuild ${fresh_x[*]} | createrepo_c ${fresh_c[*]} | update ${update_x[*]} | ${update_c[*]}" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
