#!/usr/bin/env bash
# Installs everything kehu needs on Debian 12, idempotently: Debian packages with apt-get,
# the web UI's packages with npm ci. Called by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config git
  librestinio-dev libhttp-parser-dev libasio-dev libfmt-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3 libsodium-dev libspdlog-dev libcli11-dev wrk
  libopencc-dev opencc libicu-dev libgtest-dev libgmock-dev
  python3 python3-lunardate python3-icalendar nodejs npm chromium fonts-wqy-microhei
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm may come from elsewhere than Debian (the machine image ships Node 20).
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]:-}"
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.kehu-lock
  if [ ! -f "$stamp" ] || ! cmp -s web/package-lock.json "$stamp"; then
    echo "deps: npm ci (web)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
