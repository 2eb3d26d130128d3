# Shared by the repository benchmarks (sourced, not run): where corpora live, how they are made,
# and the arithmetic of the figures.
#
# Environment: RUNS (runs of each tool per figure, default 5; the median is shown),
#              BENCH_DIR (where corpora and outputs go, default ${TMPDIR:-/tmp}/xsbuild-bench).
#
# Corpora are generated once per count (packager-rpm, through the repo-builder test classes):
# varied files, dependencies and changelogs, and a 3 MB payload in every hundredth package.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-5}
bench=${BENCH_DIR:-${TMPDIR:-/tmp}/xsbuild-bench}

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

# Generates SEED's packages into DIR: generate DIR COUNT SEED [LARGE_EVERY LARGE_BYTES].
generate() { java -cp "$generator_cp" io.xsbuild.testing.Corpus "$@"; }

# The corpus of COUNT packages, generated on first use; prints its directory.
corpus() {
  local dir="$bench/corpus-$1"
  if [ ! -f "$dir/.complete" ]; then
    echo "generating $1 packages in $dir..." >&2
    rm -rf "$dir"
    generate "$dir" "$1" 42 100 3000000 >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

machine() {
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)," \
      "createrepo_c $(createrepo_c --version | sed -n 's/Version: \([0-9.]*\).*/\1/p')"
}
