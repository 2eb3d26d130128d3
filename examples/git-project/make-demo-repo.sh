#!/bin/sh
# Makes DIR a git repository of this project, as a real one would be: the files committed and
# tagged 0.10.0, then eight more commits, each adding a line to NEWS. Authors, committers and
# dates are fixed, so every run makes the same commits: xsbuild build DIR versions the package
# 0.10.0-1+s0+0.10.0+8+g<abbreviated id>, as XenServer's xcp-networkd-0.9.6-1+s0+0.10.0+8+g96c3fcc was.
#
# usage: examples/git-project/make-demo-repo.sh DIR
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
dir=$1
if [ -e "$dir" ]; then
  echo "make-demo-repo.sh: $dir exists: name a new directory" >&2
  exit 2
fi
command -v git >/dev/null 2>&1 || { echo "make-demo-repo.sh: git is not installed" >&2; exit 3; }
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$dir"
cp "$here/xsdemo-git.spec" "$here/Makefile" "$here/xsdemo-git.c" "$here/NEWS" "$dir/"
cd "$dir"

# Nothing from the user's or the system's git configuration: the same commits everywhere.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$PWD"
export GIT_AUTHOR_NAME=xsbuild GIT_AUTHOR_EMAIL=xsbuild@example.com
export GIT_COMMITTER_NAME=xsbuild GIT_COMMITTER_EMAIL=xsbuild@example.com
at() {
  export GIT_AUTHOR_DATE="@$1 +0000" GIT_COMMITTER_DATE="@$1 +0000"
}

git init -q
git symbolic-ref HEAD refs/heads/main
at 1736150400
git add xsdemo-git.spec Makefile xsdemo-git.c NEWS
git commit -q -m "xsdemo-git 0.10.0"
git tag -a -m "xsdemo-git 0.10.0" 0.10.0
for i in 1 2 3 4 5 6 7 8; do
  at $((1736150400 + i * 3600))
  echo "- Change $i after 0.10.0." >> NEWS
  git commit -q -a -m "Change $i after 0.10.0"
done
echo "$dir: $(git describe --tags)"
