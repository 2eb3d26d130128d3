#!/usr/bin/env bash
# Wall time of `xsbuild repo create --iso` (the image's packages copied, hashed and parsed in one
# pass, its SHA-256 computed beside them) against the reference pipeline on the same image in the
# same run: `xorriso -osirrox on -indev ISO -extract / DIR` then `createrepo_c --workers 2
# --no-database DIR`. Also the next snapshot of the same image with --update (every package
# hard-linked, none read). Not a test: it prints figures.
#
# Usage: benchmarks/iso-repo-create.sh [COUNT...]    (default: 1000)
# Environment and corpora: see corpus.sh. The image of each corpus is made once, with xorriso.
#
# Every run writes into a directory of its own and all are removed at the end: deleting hundreds of
# megabytes between runs makes the next run's file creations wait on the file system (discard).
set -euo pipefail
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000)
# shellcheck source=benchmarks/corpus.sh
. "$(dirname "$0")/corpus.sh"
command -v xorriso >/dev/null || { echo "xorriso is not installed (apt-get install -y xorriso)" >&2; exit 3; }

runs_dir="$bench/iso-runs"
rm -rf "$runs_dir"
trap 'rm -rf "$runs_dir"' EXIT

machine
printf '%-9s %-10s %-12s %-20s %-7s %-22s\n' packages image_MB xsbuild_s xorriso+createrepo_c_s ratio \
    xsbuild_next_update_s

for count in "${counts[@]}"; do
  corpus=$(corpus "$count")
  iso="$bench/corpus-$count.iso"
  if [ ! -f "$iso" ] || [ "$corpus/.complete" -nt "$iso" ]; then
    echo "making $iso..." >&2
    xorriso -outdev "$iso.tmp" -map "$corpus" / >/dev/null 2>&1 && mv "$iso.tmp" "$iso"
  fi
  ours=() theirs=() next=()
  for run in $(seq 1 "$runs"); do
    out="$runs_dir/$count-$run"
    mkdir -p "$out"
    sync
    t0=$(now); "$root/xsbuild" repo create --workers 2 --iso "$iso" --out "$out/xsbuild" --snapshot a >/dev/null 2>&1; t1=$(now)
    sync
    t2=$(now)
    xorriso -osirrox on -indev "$iso" -extract / "$out/extracted" >/dev/null 2>&1
    createrepo_c --workers 2 --no-database "$out/extracted" >/dev/null 2>&1; t3=$(now)
    sync
    t4=$(now); "$root/xsbuild" repo create --workers 2 --iso "$iso" --out "$out/xsbuild" --snapshot b --update \
        >/dev/null 2>&1; t5=$(now)
    ours+=("$(seconds "$t0" "$t1")") theirs+=("$(seconds "$t2" "$t3")") next+=("$(seconds "$t4" "$t5")")
  done
  x=$(median "${ours[@]}") c=$(median "${theirs[@]}") n=$(median "${next[@]}")
  printf '%-9s %-10s %-12s %-20s %-7s %-22s\n' "$count" "$(( $(stat -c %s "$iso") >> 20 ))" "$x" "$c" \
      "$(ratio "$x" "$c")" "$n"
  echo "  runs: xsbuild ${ours[*]} | xorriso+createrepo_c ${theirs[*]} | next --update ${next[*]}" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
