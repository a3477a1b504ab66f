#!/usr/bin/env bash
# Packs dist/hush-VERSION-linux-ARCH.tar.gz (the stripped static binary, its man page, bash,
# zsh and fish completions, LICENSE, README) and its .sha256, for `make dist`.
# Usage: dist.sh STATIC_HUSH GENERATE_MANUAL DATE
# Atomic: everything is made in a staging folder under dist/ and renamed into place, so a
# failed run leaves the previous tarball (or none), never half of one. Reproducible: sorted
# names, owner 0, the files dated DATE (the last commit's), gzip without a timestamp.
set -euo pipefail
hush=$1 generator=$2 date=$3
cd "$(dirname "$0")/.."

version=$("$hush" --version | awk '{print $2}')
name="hush-$version-linux-$(uname -m)"
mkdir -p dist
stage=$(mktemp -d dist/.stage.XXXXXX)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/completions"

strip -o "$root/hush" "$hush"
chmod 0755 "$root/hush"
"$root/hush" --generate-completion-script bash > "$root/completions/hush.bash"
"$root/hush" --generate-completion-script zsh > "$root/completions/_hush"
"$root/hush" --generate-completion-script fish > "$root/completions/hush.fish"
"$generator" "$root/hush" --date "$date" --output-directory "$root"
test -s "$root/hush.1"
install -m 0644 LICENSE README.md "$root/"

tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$date 00:00:00Z" -C "$stage" -cf - "$name" |
  gzip -9n > "$stage/$name.tar.gz"
(cd "$stage" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
rm -f "dist/$name.tar.gz.sha256"
mv -f "$stage/$name.tar.gz" "dist/$name.tar.gz"
mv -f "$stage/$name.tar.gz.sha256" "dist/$name.tar.gz.sha256"
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1); binary $(du -h "$root/hush" | cut -f1))"
