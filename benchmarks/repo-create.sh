#!/usr/bin/env bash
# Wall time of `xsbuild repo create` against `createrepo_c --workers 2 --no-database` on the same
# generated packages: fresh, with --update after one new package, and with --update again when nothing
# changed. Not a test: it prints figures.
#
# Usage: benchmarks/repo-create.sh [COUNT...]        (default: 1000 5000 10000)
# Environment and corpora: see corpus.sh. BEFORE=DIR (another checkout of xsbuild, an earlier
# commit) adds its times and ratios, measured in the same runs, alternating with the other two.
set -euo pipefail
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 5000 10000)
# shellcheck source=benchmarks/corpus.sh
. "$(dirname "$0")/corpus.sh"

xsbuild() { "$root/xsbuild" repo create --workers 2 "$@" >/dev/null 2>&1; }
before() { [ -z "${BEFORE:-}" ] || "$BEFORE/xsbuild" repo create --workers 2 "$@" >/dev/null 2>&1; }
[ -z "${BEFORE:-}" ] || "$BEFORE/xsbuild" --version >/dev/null
createrepo() { createrepo_c --workers 2 --no-database "$@" >/dev/null 2>&1; }

machine
printf '%-9s %-12s %-14s %-7s %-20s %-22s %-7s %-14s %-16s %-7s\n' packages xsbuild_s createrepo_c_s ratio \
    xsbuild_update_s createrepo_c_update_s ratio same_xsbuild_s same_createrepo_s ratio

for count in "${counts[@]}"; do
  corpus=$(corpus "$count")
  out_x="$bench/out-xsbuild-$count"
  out_c="$bench/out-createrepo-$count"
  out_b="$bench/out-before-$count"
  fresh_x=() fresh_c=() update_x=() update_c=() same_x=() same_c=() fresh_b=() update_b=() same_b=()
  for run in $(seq 1 "$runs"); do
    rm -rf "$out_x" "$out_c" "$out_b" && mkdir -p "$out_x" "$out_c" "$out_b"
    t0=$(now); xsbuild --out "$out_x" "$corpus"; t1=$(now)
    createrepo -o "$out_c" "$corpus"; t2=$(now)
    before --out "$out_b" "$corpus"; t3=$(now)
    fresh_x+=("$(seconds "$t0" "$t1")") fresh_c+=("$(seconds "$t1" "$t2")") fresh_b+=("$(seconds "$t2" "$t3")")

    generate "$corpus/zz-new-$run" 1 $((1000 + run))
    t0=$(now); xsbuild --update --out "$out_x" "$corpus"; t1=$(now)
    createrepo --update -o "$out_c" "$corpus"; t2=$(now)
    before --update --out "$out_b" "$corpus"; t3=$(now)
    update_x+=("$(seconds "$t0" "$t1")") update_c+=("$(seconds "$t1" "$t2")") update_b+=("$(seconds "$t2" "$t3")")
    t0=$(now); xsbuild --update --out "$out_x" "$corpus"; t1=$(now)
    createrepo --update -o "$out_c" "$corpus"; t2=$(now)
    before --update --out "$out_b" "$corpus"; t3=$(now)
    same_x+=("$(seconds "$t0" "$t1")") same_c+=("$(seconds "$t1" "$t2")") same_b+=("$(seconds "$t2" "$t3")")
    rm -rf "$corpus/zz-new-$run"
  done
  fx=$(median "${fresh_x[@]}") fc=$(median "${fresh_c[@]}") ux=$(median "${update_x[@]}") uc=$(median "${update_c[@]}")
  sx=$(median "${same_x[@]}") sc=$(median "${same_c[@]}")
  printf '%-9s %-12s %-14s %-7s %-20s %-22s %-7s %-14s %-16s %-7s\n' "$count" "$fx" "$fc" "$(ratio "$fx" "$fc")" \
      "$ux" "$uc" "$(ratio "$ux" "$uc")" "$sx" "$sc" "$(ratio "$sx" "$sc")"
  echo "  runs: xsbuild ${fresh_x[*]} | createrepo_c ${fresh_c[*]} | update ${update_x[*]} | ${update_c[*]}" \
      "| unchanged ${same_x[*]} | ${same_c[*]}" >&2
  if [ -n "${BEFORE:-}" ]; then
    fb=$(median "${fresh_b[@]}") ub=$(median "${update_b[@]}") sb=$(median "${same_b[@]}")
    printf '%-9s %-12s %-14s %-7s %-20s %-22s %-7s %-14s %-16s %-7s\n' "before" "$fb" "$fc" "$(ratio "$fb" "$fc")" \
        "$ub" "$uc" "$(ratio "$ub" "$uc")" "$sb" "$sc" "$(ratio "$sb" "$sc")"
    echo "  runs before: ${fresh_b[*]} | update ${update_b[*]} | unchanged ${same_b[*]}" >&2
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
