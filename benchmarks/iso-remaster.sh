#!/usr/bin/env bash
# Wall time of `xsbuild iso remaster` (packages added, an answer file put into install.img, the
# boot entries changed, the image written again with its boot setup) against the shell it replaces,
# on the same installer-shaped image in the same run: `xorriso -osirrox on -extract`, `zcat | cpio
# -idm`, the answer file copied in, `find | cpio -o -H newc | gzip`, sed on isolinux.cfg and
# grub.cfg, the packages copied over, `createrepo_c --groupfile`, and `xorriso -as mkisofs` with the
# image's boot options (isolinux with a boot info table, the EFI image, isohybrid MBR and GPT).
# Not a test: it prints figures.
#
# Usage: benchmarks/iso-remaster.sh [COUNT...]    (default: 1000 packages)
# Environment: INITRD_MB (uncompressed size of install.img, default 150: files of /usr), RUNS, BENCH_DIR
# (see corpus.sh). Needs xorriso, cpio, mtools and Debian's isolinux and syslinux-common.
set -eu
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000)
# shellcheck source=benchmarks/corpus.sh
. "$(dirname "$0")/corpus.sh"
initrd_mb=${INITRD_MB:-150}
for tool in xorriso cpio mformat mcopy; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 3; }
done
for file in /usr/lib/ISOLINUX/isolinux.bin /usr/lib/ISOLINUX/isohdpfx.bin /usr/lib/syslinux/modules/bios/mboot.c32; do
  [ -f "$file" ] || { echo "$file is missing (apt-get install -y isolinux syslinux-common)" >&2; exit 3; }
done

runs_dir="$bench/remaster-runs"
rm -rf "$runs_dir"
trap 'rm -rf "$runs_dir"' EXIT
args="answerfile=file:///answerfile.xml install"
boot_options=(-R -J -V XenServer-8.4.0 -c boot/isolinux/boot.cat -b boot/isolinux/isolinux.bin -no-emul-boot
  -boot-load-size 4 -boot-info-table -isohybrid-mbr /usr/lib/ISOLINUX/isohdpfx.bin -eltorito-alt-boot
  -e boot/efiboot.img -no-emul-boot -isohybrid-gpt-basdat)

# The installer-shaped image of a corpus: its packages in Packages/ with repodata and a comps group,
# isolinux, an EFI image, install.img of INITRD_MB of /usr's files; made once.
image() {
  local count=$1 corpus iso tree
  corpus=$(corpus "$count")
  iso="$bench/installer-$count-$initrd_mb.iso"
  if [ -f "$iso" ] && [ "$iso" -nt "$corpus/.complete" ]; then echo "$iso"; return; fi
  echo "making $iso..." >&2
  tree="$bench/installer-tree"
  rm -rf "$tree" && mkdir -p "$tree/boot/isolinux" "$tree/EFI/BOOT" "$tree/Packages" "$bench/initrd"
  cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/{mboot.c32,ldlinux.c32,libcom32.c32} "$tree/boot/isolinux/"
  printf 'DEFAULT install\nLABEL install\n\tKERNEL mboot.c32\n\tAPPEND /boot/xen.gz dom0_mem=1024M --- /boot/vmlinuz console=hvc0 --- /install.img\n' \
      > "$tree/boot/isolinux/isolinux.cfg"
  printf 'set default="0"\nmenuentry "install" {\n    multiboot2 /boot/xen.gz dom0_mem=1024M\n    module2 /boot/vmlinuz console=hvc0\n    module2 /install.img\n}\n' \
      > "$tree/EFI/BOOT/grub.cfg"
  head -c 2000000 /dev/urandom > "$tree/boot/xen.gz"
  head -c 8000000 /dev/urandom > "$tree/boot/vmlinuz"
  mformat -C -f 2880 -i "$tree/boot/efiboot.img" ::
  mmd -i "$tree/boot/efiboot.img" ::/EFI ::/EFI/BOOT
  mcopy -i "$tree/boot/efiboot.img" "$tree/EFI/BOOT/grub.cfg" ::/EFI/BOOT/grub.cfg
  if [ ! -f "$bench/initrd/.complete-$initrd_mb" ]; then
    rm -rf "$bench/initrd" && mkdir -p "$bench/initrd"
    find /usr/lib /usr/share -type f -size -20M 2>/dev/null | head -n 100000 | while read -r f; do
      [ "$(du -sm "$bench/initrd" | cut -f1)" -ge "$initrd_mb" ] && break
      mkdir -p "$bench/initrd$(dirname "$f")" && cp "$f" "$bench/initrd$f" 2>/dev/null || true
    done
    touch "$bench/initrd/.complete-$initrd_mb"
  fi
  (cd "$bench/initrd" && find . | cpio -o -H newc 2>/dev/null | gzip) > "$tree/install.img"
  cp "$corpus"/*.rpm "$tree/Packages/"
  printf '<comps><group><id>xenserver_base</id><name>base</name><packagelist>%s</packagelist></group></comps>\n' \
      "$(ls "$tree/Packages" | head -n 50 | sed 's/-[^-]*-[^-]*\.[^.]*\.rpm$//' | sed 's|.*|<packagereq type="mandatory">&</packagereq>|' | tr -d '\n')" \
      > "$bench/comps.xml"
  createrepo_c -q --groupfile "$bench/comps.xml" "$tree"
  printf '[system-v1]\nproduct_name = XenServer\nproduct_version = 8.4.0\n' > "$tree/.treeinfo"
  xorriso -as mkisofs -o "$iso.tmp" "${boot_options[@]}" "$tree" >/dev/null 2>&1 && mv "$iso.tmp" "$iso"
  rm -rf "$tree"
  echo "$iso"
}

machine
printf '%-9s %-9s %-10s %-12s %-14s %-7s\n' packages image_MB initrd_MB xsbuild_s shell_s ratio

for count in "${counts[@]}"; do
  iso=$(image "$count")
  patched="$bench/patched" && rm -rf "$patched" && mkdir -p "$patched"
  ls "$(corpus "$count")"/*.rpm | head -n 2 | xargs -I{} cp {} "$patched/"
  printf '<installation><primary-disk>sda</primary-disk><keymap>us</keymap><root-password>x</root-password>'\
'<source type="local"/><admin-interface name="eth0" proto="dhcp"/></installation>\n' > "$bench/answers.xml"
  ours=() theirs=()
  for run in $(seq 1 "$runs"); do
    out="$runs_dir/$count-$run"
    mkdir -p "$out"
    sync
    t0=$(now)
    "$root/xsbuild" iso remaster --iso "$iso" --out "$out/ours.iso" --add-rpms "$patched" --answerfile "$bench/answers.xml" \
        >/dev/null 2>&1
    t1=$(now)
    rm -f "$out/ours.iso"
    sync
    t2=$(now)
    xorriso -osirrox on -indev "$iso" -extract / "$out/tree" >/dev/null 2>&1
    chmod -R u+w "$out/tree"
    mkdir "$out/initrd"
    (cd "$out/initrd" && zcat "$out/tree/install.img" | cpio -idm --quiet 2>/dev/null
     cp "$bench/answers.xml" answerfile.xml
     find . | cpio -o -H newc 2>/dev/null | gzip > "$out/tree/install.img")
    sed -i "s|/boot/vmlinuz console=hvc0|/boot/vmlinuz console=hvc0 $args|" "$out/tree/boot/isolinux/isolinux.cfg" \
        "$out/tree/EFI/BOOT/grub.cfg"
    cp "$patched"/*.rpm "$out/tree/Packages/"
    rm -rf "$out/tree/repodata"
    createrepo_c -q --workers 2 --groupfile "$bench/comps.xml" "$out/tree"
    (cd "$out/tree" && xorriso -as mkisofs -o "$out/theirs.iso" "${boot_options[@]}" . >/dev/null 2>&1)
    t3=$(now)
    rm -rf "$out"
    ours+=("$(seconds "$t0" "$t1")") theirs+=("$(seconds "$t2" "$t3")")
  done
  x=$(median "${ours[@]}") c=$(median "${theirs[@]}")
  printf '%-9s %-9s %-10s %-12s %-14s %-7s\n' "$count" "$(( $(stat -c %s "$iso") >> 20 ))" "$initrd_mb" "$x" "$c" "$(ratio "$x" "$c")"
  echo "  runs: xsbuild ${ours[*]} | shell ${theirs[*]}" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
