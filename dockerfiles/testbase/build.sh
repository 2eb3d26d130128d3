#!/usr/bin/env bash
# Makes the image xsbuild/testbase:bookworm without a registry: a minbase debootstrap of Debian
# bookworm from the mirror apt already uses, with the RPM toolchain, then `docker import` (or
# `podman import` where no Docker engine answers and podman is installed).
#
#   dockerfiles/testbase/build.sh            make it unless it exists, made from this package list
#   dockerfiles/testbase/build.sh --force    make it again
#
# Environment: XSBUILD_TESTBASE_IMAGE (default xsbuild/testbase:bookworm),
#              XSBUILD_DEBIAN_MIRROR (default: the first Debian mirror apt is configured with),
#              XSBUILD_CONTAINER_CLI (docker or podman; default docker, else podman).
set -euo pipefail

image="${XSBUILD_TESTBASE_IMAGE:-xsbuild/testbase:bookworm}"
suite=bookworm
force=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h|--help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$arg' (expected --force or --help)" >&2; exit 2 ;;
  esac
done

packages=(
  rpm dnf dnf-plugins-core createrepo-c
  gcc libc6-dev make git cpio xz-utils ca-certificates
  patch bzip2 gzip tar diffutils findutils file passwd
)

cli="${XSBUILD_CONTAINER_CLI:-}"
if [ -z "$cli" ]; then
  if docker info >/dev/null 2>&1; then
    cli=docker
  elif command -v podman >/dev/null 2>&1; then
    cli=podman
  fi
fi
case "$cli" in
  docker) docker info >/dev/null 2>&1 || {
            echo "build.sh: cannot reach a Docker engine: is dockerd running? (DOCKER_HOST selects another)" >&2; exit 3; } ;;
  podman) podman info >/dev/null 2>&1 || {
            echo "build.sh: podman info fails: run it to see why" >&2; exit 3; } ;;
  "") echo "build.sh: cannot reach a Docker engine and podman is not installed: is dockerd running? (DOCKER_HOST selects another)" >&2
      exit 3 ;;
  *) echo "build.sh: XSBUILD_CONTAINER_CLI is '$cli' (expected docker or podman)" >&2; exit 2 ;;
esac
made_from="$suite minbase + ${packages[*]}"
if [ "$force" = 0 ] && "$cli" image inspect "$image" >/dev/null 2>&1; then
  if [ "$("$cli" image inspect -f '{{index .Config.Labels "xsbuild.testbase"}}' "$image")" = "$made_from" ]; then
    echo "$image exists (use --force to make it again)"
    exit 0
  fi
  echo "$image was made from another package list: making it again"
fi
for tool in debootstrap tar; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build.sh: $tool is missing: apt-get install -y $tool" >&2; exit 3; }
done
if [ "$(id -u)" != 0 ]; then
  echo "build.sh: debootstrap needs root: run it with sudo" >&2
  exit 3
fi

mirror="${XSBUILD_DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror=$( { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}';
              grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}'; } |
            grep -v -- '-security' | grep -m1 '/debian/\?$' || true)
fi
mirror="${mirror:-http://deb.debian.org/debian}"

work=$(mktemp -d "${TMPDIR:-/tmp}/xsbuild-testbase.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/root"

echo "debootstrap $suite from $mirror into $root"
include=$(IFS=,; echo "${packages[*]}")
debootstrap --variant=minbase --include="$include" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  echo "build.sh: debootstrap failed (full log above)" >&2
  exit 1
}

# Trim what an image does not need, and make rpm's database usable by dnf.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
mkdir -p "$root"/var/lib/rpm "$root"/etc/yum.repos.d
echo "$made_from" >"$root"/etc/xsbuild-testbase

echo "$cli import -> $image"
tar -C "$root" --numeric-owner -c . |
  "$cli" import \
    --change 'CMD ["/bin/bash"]' \
    --change 'ENV LANG=C.UTF-8' \
    --change "LABEL xsbuild.testbase=\"$made_from\"" \
    --message "xsbuild testbase: debootstrap $suite" \
    - "$image" >/dev/null
echo "$image ready"
