#!/usr/bin/env bash
# Wall time of `xsbuild repo create` against `createrepo_c --workers 2 --no-database` on the same
# generated packages: fresh, with --update after one new package, and with --update again when nothing
# changed. Not a test: it prints figures.
#
# Usage: benchmarks/repo-create.sh [COUNT...]        (default: 1000 5000 10000)
# Environment and corpora: see corpus.sh.
set -euo pipefail
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 5000 10000)
# shellcheck source=benchmarks/corpus.sh
. "$(dirname "$0")/corpus.sh"

xsbuild() { "$root/xsbuild" repo create --workers 2 "$@" >/dev/null 2>&1; }
createrepo() { createrepo_c --workers 2 --no-database "$@" >/dev/null 2>&1; }

machine
printf '%-9s %-12s %-14s %-7s %-20s %-22s %-7s %-14s %-16s %-7s\n' packages xsbuild_s createrepo_c_s ratio \
    xsbuild_update_s createrepo_c_update_s ratio same_xsbuild_s same_createrepo_s ratio

for count in "${counts[@]}"; do
  corpus=$(corpus "$count")
  out_x="$bench/out-xsbuild-$count"
  out_c="$bench/out-createrepo-$count"
  fresh_x=() fresh_c=() update_x=() update_c=() same_x=() same_c=()
  for run in $(seq 1 "$runs"); do
    rm -rf "$out_x" "$out_c" && mkdir -p "$out_x" "$out_c"
    t0=$(now); xsbuild --out "$out_x" "$corpus"; t1=$(now)
    createrepo -o "$out_c" "$corpus"; t2=$(now)
    fresh_x+=("$(seconds "$t0" "$t1")") fresh_c+=("$(seconds "$t1" "$t2")")

    generate "$corpus/zz-new-$run" 1 $((1000 + run))
    t0=$(now); xsbuild --update --out "$out_x" "$corpus"; t1=$(now)
    createrepo --update -o "$out_c" "$corpus"; t2=$(now)
    update_x+=("$(seconds "$t0" "$t1")") update_c+=("$(seconds "$t1" "$t2")")
    t0=$(now); xsbuild --update --out "$out_x" "$corpus"; t1=$(now)
    createrepo --update -o "$out_c" "$corpus"; t2=$(now)
    same_x+=("$(seconds "$t0" "$t1")") same_c+=("$(seconds "$t1" "$t2")")
    rm -rf "$corpus/zz-new-$run"
  done
  fx=$(median "${fresh_x[@]}") fc=$(median "${fresh_c[@]}") ux=$(median "${update_x[@]}") uc=$(median "${update_c[@]}")
  sx=$(median "${same_x[@]}") sc=$(median "${same_c[@]}")
  printf '%-9s %-12s %-14s %-7s %-20s %-22s %-7s %-14s %-16s %-7s\n' "$count" "$fx" "$fc" "$(ratio "$fx" "$fc")" \
      "$ux" "$uc" "$(ratio "$ux" "$uc")" "$sx" "$sc" "$(ratio "$sx" "$sc")"
  echo "  runs: xsbuild ${fresh_x[*]} | createrepo_c ${fresh_c[*]} | update ${update_x[*]} | ${update_c[*]}" \
      "| unchanged ${same_x[*]} | ${same_c[*]}" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
