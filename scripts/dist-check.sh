#!/usr/bin/env bash
# Checks what `make dist` made, by hand (a static release build takes minutes, so `make test`
# does not): the checksum verifies, the tarball holds exactly the expected files, the binary is
# static, stripped and at most 25 MiB, has no full Foundation (ICU) in it, and runs: --version,
# scan, the pre-commit hook (staged), history; the man page renders with every subcommand.
# Usage: dist-check.sh [TARBALL] [UNSTRIPPED_HUSH]
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${1:-$(ls -t dist/hush-*.tar.gz | head -1)}
unstripped=${2:-.build-static/release/hush}
name=$(basename "$tarball" .tar.gz)
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }
ok() { echo "dist-check: ok: $*"; }

(cd "$(dirname "$tarball")" && sha256sum --quiet -c "$name.tar.gz.sha256") || fail "checksum"
ok "sha256sum -c $name.tar.gz.sha256"

expected="$name/
$name/LICENSE
$name/README.md
$name/completions/
$name/completions/_hush
$name/completions/hush.bash
$name/completions/hush.fish
$name/hush
$name/hush.1"
members=$(tar -tzf "$tarball" | sort)
[ "$members" = "$expected" ] || fail "members differ: $(diff <(echo "$expected") <(echo "$members") | tr '\n' ' ')"
ok "members: $(echo "$members" | tr '\n' ' ')"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
hush="$work/$name/hush"
file "$hush" | grep -q "statically linked" || fail "not statically linked: $(file "$hush")"
file "$hush" | grep -q ", stripped" || fail "not stripped"
linkage=$(ldd "$hush" 2>&1 || true)  # ldd exits 1 on a static executable
echo "$linkage" | grep -q "not a dynamic executable" || fail "ldd: $linkage"
size=$(stat -c %s "$hush")
[ "$size" -le $((25 * 1024 * 1024)) ] || fail "binary is $size bytes, over 25 MiB"
ok "static, stripped, $size bytes; ldd: $(echo "$linkage" | tr -d '\t')"

if [ -f "$unstripped" ]; then
  foundation=$(nm "$unstripped" | grep -c -E ' \$s10Foundation|icudt[0-9]+_dat' || true)
  [ "$foundation" -eq 0 ] || fail "$foundation symbols of full Foundation or ICU in $unstripped"
  ok "no full Foundation or ICU symbols in $unstripped"
fi

"$hush" --version | grep -qE '^hush [0-9]+\.[0-9]+[^ ]* \(.+\)$' || fail "--version: $("$hush" --version)"
ok "$("$hush" --version)"

# A repository with a planted AWS key id, made here so that no file holds one.
repo="$work/repo"
git init -q "$repo"
git -C "$repo" config user.email dist@example.invalid
git -C "$repo" config user.name dist
key="AKIA$(printf dist-check | sha256sum | head -c 20 | base32 | head -c 16)"
echo "aws_access_key_id = $key" > "$repo/config.ini"
echo "clean" > "$repo/readme.txt"
git -C "$repo" add readme.txt
git -C "$repo" commit -qm clean
status=0; (cd "$repo" && "$hush" scan config.ini >/dev/null) || status=$?
[ "$status" -eq 1 ] || fail "scan: exit $status, expected 1 (findings)"
ok "scan finds the planted key (exit 1)"
(cd "$repo" && PATH="$(dirname "$hush"):$PATH" "$hush" install >/dev/null)
git -C "$repo" add config.ini
if git -C "$repo" commit -qm leak 2>"$work/hook.err"; then fail "the pre-commit hook let the key through"; fi
grep -q "config.ini" "$work/hook.err" || fail "the hook's message does not name the file: $(cat "$work/hook.err")"
ok "hush staged in the pre-commit hook blocks the commit"
git -C "$repo" commit -qm leak --no-verify
status=0; (cd "$repo" && "$hush" history >/dev/null) || status=$?
[ "$status" -eq 1 ] || fail "history: exit $status, expected 1"
ok "history finds the committed key (exit 1)"

page=$(MANWIDTH=100 man -l "$work/$name/hush.1" 2>/dev/null)
for command in scan staged history pre-push install uninstall doctor audit baseline config rules agent-hook mcp; do
  echo "$page" | grep -qw "$command" || fail "the man page does not mention '$command'"
done
ok "man -l renders hush.1 ($(echo "$page" | wc -l) lines), every subcommand in it"
echo "dist-check: all passed for $tarball"
