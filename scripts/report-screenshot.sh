#!/usr/bin/env bash
# Makes docs/report.png, the README's picture of `hush history --format html`: a throwaway
# repository of fake secrets (random, made here, never real), its report, and a headless
# chromium screenshot of it. Usage: scripts/report-screenshot.sh [HUSH] (default: the debug build).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hush="${1:-$root/.build/debug/hush}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/acme-shop"
mkdir -p "$repo" && cd "$repo"
git init -q -b main

# Random but fixed (seeded), shaped like the real thing: Hush only ever shows them redacted.
random() { python3 -c "import random,string,sys; r=random.Random(int(sys.argv[1])); print(''.join(r.choice(string.ascii_letters+string.digits) for _ in range(int(sys.argv[2]))))" "$1" "$2"; }
github_token() {
  python3 -c "
import random, string, sys, zlib
r = random.Random(int(sys.argv[1])); a = string.digits + string.ascii_uppercase + string.ascii_lowercase
body = ''.join(r.choice(a) for _ in range(30)); n = zlib.crc32(body.encode()); s = ''
for _ in range(6): s = a[n % 62] + s; n //= 62
print('gh' + 'p_' + body + s)" "$1"
}
commit() { # author day message
  git add -A
  GIT_AUTHOR_DATE="2025-$2T10:00:00Z" GIT_COMMITTER_DATE="2025-$2T10:00:00Z" \
    git -c user.name="$1" -c user.email="$(echo "$1" | tr 'A-Z ' 'a-z.')@acme.example" commit -q --no-verify -m "$3"
}

stripe="sk""_live_$(random 1 24)"
echo 'print("shop")' > app.py && commit "Dana Whitfield" 03-02 "Start the shop"
printf 'STRIPE_KEY = "%s"\n' "$stripe" > billing.py && commit "Sam Ortega" 03-10 "Add Stripe billing"
mkdir -p old && cp billing.py old/billing.py && commit "Sam Ortega" 03-14 "Keep the old billing module"
echo 'STRIPE_KEY = os.environ["STRIPE_KEY"]' > billing.py && rm old/billing.py && commit "Dana Whitfield" 04-02 "Read the Stripe key from the environment"
mkdir -p .github/workflows && printf 'env:\n  GH_TOKEN: %s\n' "$(github_token 2)" > .github/workflows/release.yml
commit "Lee Park" 06-20 "Release workflow"
printf 'DATABASE_URL=postgres://shop@db/shop\nDEBUG=1\n' > .env && commit "Lee Park" 09-01 "Local settings"

"$hush" history --format html -o "$work/report.html" || [ $? = 1 ]
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars \
  --user-data-dir="$work/profile" --window-size="${WINDOW:-1100,2250}" --screenshot="$root/docs/report.png" \
  "file://$work/report.html" 2>/dev/null
ls -l "$root/docs/report.png"
