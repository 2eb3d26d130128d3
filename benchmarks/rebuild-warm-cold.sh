#!/usr/bin/env bash
# Rebuild benchmark: a package with several BuildRequires rebuilt cold (its BuildRequires installed
# on every run, the seed's flow) and warm (in the image `xsbuild image build --builddeps` made for
# it), and xsbuild's own overhead: a run's wall time minus the time its commands ran in the
# container, and apart the time outside the container's life. Runs offline on the testbase
# profile; not a test, its figures go to the README.
#
#   benchmarks/rebuild-warm-cold.sh            3 runs of each
#   RUNS=5 benchmarks/rebuild-warm-cold.sh     5 runs of each
#
# Needs: a Docker engine with xsbuild/testbase:bookworm (dockerfiles/testbase/build.sh), createrepo_c, jq.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
deps=${DEPS:-8}
for tool in createrepo_c jq docker; do
  command -v "$tool" >/dev/null 2>&1 || { echo "rebuild-warm-cold.sh: $tool is missing" >&2; exit 3; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/xsbuild-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/specs" "$work/repo"
xsbuild=(./xsbuild)
now() { date +%s.%N; }

# The benchmark's packages: xsbench-deps makes $deps -devel packages of 400 headers each (about
# 3 MB apiece, like a mid-sized dom0 library's), and xsbench-app includes one header of each and
# xsdemo.h from the examples.
{
  printf 'Name: xsbench-deps\nVersion: 1.0\nRelease: 1\nSummary: Headers to install\nLicense: MIT\nBuildArch: noarch\n'
  printf '%%description\nBuildRequires for the rebuild benchmark.\n'
  for i in $(seq 1 "$deps"); do
    printf '%%package -n xsbench-dep%s-devel\nSummary: Headers %s\n%%description -n xsbench-dep%s-devel\nHeaders %s.\n' "$i" "$i" "$i" "$i"
    printf '%%files -n xsbench-dep%s-devel\n/usr/include/xsbench%s\n' "$i" "$i"
  done
  printf '%%install\nfor i in $(seq 1 %s); do\n  d=%%{buildroot}/usr/include/xsbench$i; mkdir -p $d\n' "$deps"
  printf '  for j in $(seq 1 400); do { echo "#define XSBENCH_${i}_${j} $j"; head -c 7000 /usr/share/common-licenses/GPL-3 | sed "s|^|// |"; } > $d/h$j.h; done\ndone\n'
} > "$work/specs/xsbench-deps.spec"
{
  printf 'Name: xsbench-app\nVersion: 1.0\nRelease: 1\nSummary: Builds against many headers\nLicense: MIT\n'
  printf 'BuildRequires: xsdemo-devel\n'
  for i in $(seq 1 "$deps"); do printf 'BuildRequires: xsbench-dep%s-devel\n' "$i"; done
  printf '%%description\nThe rebuild benchmark'"'"'s package.\n%%build\n'
  printf 'for i in $(seq 1 %s); do echo "#include <xsbench$i/h1.h>"; done > app.c\n' "$deps"
  printf 'printf "#include <xsdemo.h>\\nint main(void) { return XSDEMO_TWICE(21) == 42 ? 0 : 1; }\\n" >> app.c\n'
  printf 'gcc -O2 -o xsbench-app app.c\n%%install\ninstall -D -m 0755 xsbench-app %%{buildroot}/usr/bin/xsbench-app\n'
  printf '%%files\n/usr/bin/xsbench-app\n'
} > "$work/specs/xsbench-app.spec"

echo "== packages ($deps BuildRequires of about 3 MB each, and xsdemo-devel)"
"${xsbuild[@]}" shell --profile testbase --user root -v "$PWD/examples/packages:/src:ro" -v "$work/specs:/specs:ro" \
  -v "$work/repo:/out" -- sh -c '
    set -e
    for d in /src/*/; do rpmbuild -bs --nodeps --define "_topdir /tmp/top" --define "_sourcedir $d" "$d"/*.spec; done >/dev/null
    for s in /specs/*.spec; do rpmbuild -bs --nodeps --define "_topdir /tmp/top" "$s"; done >/dev/null
    rpmbuild -bb --define "_topdir /tmp/top" --define "_sourcedir /src/xsdemo" /src/xsdemo/xsdemo.spec >/dev/null 2>&1
    rpmbuild -bb --define "_topdir /tmp/top" /specs/xsbench-deps.spec >/dev/null 2>&1
    cp -r /tmp/top/RPMS /tmp/top/SRPMS /out/'
createrepo_c --quiet "$work/repo"
du -sh "$work/repo/RPMS" | awk '{print "   binary packages: " $1}'

# One rebuild: its wall time, the builddep stage, the time commands ran in the container.
rebuild() {
  local label=$1 i=$2 start end
  start=$(now)
  "${xsbuild[@]}" rebuild --profile testbase --repo "$work/repo" --out "$work/out-$label" --json xsbench-app \
    >"$work/$label-$i.json" 2>"$work/$label-$i.err" || { cat "$work/$label-$i.err" >&2; exit 1; }
  end=$(now)
  jq -r --arg wall "$(echo "$end - $start" | bc)" \
    '.packages[0] as $p | [$wall, $p.stages.builddep, $p.stepSeconds, $p.stages.container + $p.stages.remove,
      ($p.stages | to_entries | map(select(.key != "image") | .value) | add), .image]
     | @tsv' "$work/$label-$i.json" >>"$work/$label.tsv"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

echo "== image: the testbase profile's (made once, then found)"
"${xsbuild[@]}" image build --profile testbase >/dev/null 2>&1
echo "== cold: $runs rebuilds, BuildRequires installed each time"
for i in $(seq 1 "$runs"); do rebuild cold "$i"; done

echo "== warm image: xsbuild image build --builddeps xsbench-app"
start=$(now)
warm=$("${xsbuild[@]}" image build --profile testbase --repo "$work/repo" --builddeps xsbench-app 2>/dev/null)
first=$(echo "$(now) - $start" | bc)
start=$(now)
"${xsbuild[@]}" image build --profile testbase --repo "$work/repo" --builddeps xsbench-app >/dev/null 2>&1
again=$(echo "$(now) - $start" | bc)
echo "== warm: $runs rebuilds in $warm"
for i in $(seq 1 "$runs"); do rebuild warm "$i"; done
cut -f6 "$work/warm.tsv" | grep -qx "$warm" || { echo "the warm rebuilds did not use $warm" >&2; exit 1; }

cold=$(cut -f1 "$work/cold.tsv" | median)
hot=$(cut -f1 "$work/warm.tsv" | median)
echo
# Columns: wall; builddep; the time commands ran in the container; the container's life (start to
# removal); xsbuild outside it (JVM, engine connection, image lookup, result.json); and all but
# the commands' own time (that, plus starting, removing, copying out, cutting the network).
echo "median of $runs runs (s)   wall  builddep  commands  container life  outside it  all but commands"
for label in cold warm; do
  printf '%-24s %6.2f %9.2f %9.2f %15.2f %11.2f %17.2f\n' "$label" \
    "$(cut -f1 "$work/$label.tsv" | median)" "$(cut -f2 "$work/$label.tsv" | median)" \
    "$(cut -f3 "$work/$label.tsv" | median)" "$(cut -f5 "$work/$label.tsv" | median)" \
    "$(awk '{print $1 - $5}' "$work/$label.tsv" | median)" "$(awk '{print $1 - $3}' "$work/$label.tsv" | median)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf 'warm / cold                       %.2f   (goal: 0.5 or less)\n' "$(echo "$hot / $cold" | bc -l)"
printf 'image build --builddeps: %.2f s the first time, %.2f s again (nothing built)\n' "$first" "$again"
"${xsbuild[@]}" image build --profile testbase --repo "$work/repo" --builddeps xsbench-app --json 2>/dev/null |
  jq -r '.tag' | xargs -r docker rmi >/dev/null
