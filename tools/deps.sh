#!/usr/bin/env bash
# Installs everything the build and the tests need on Debian bookworm, and nothing from outside
# Debian's archive and the npm registry. Safe to run again: it only installs what is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libicu-dev icu-devtools nlohmann-json3-dev catch2
  emscripten binaryen node-acorn
  clang-14 libclang-rt-14-dev llvm-14  # the sanitizer and fuzzing build: libFuzzer, ASan/UBSan, llvm-symbolizer
  dpkg-dev
  chromium
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# The wasm ICU is cross-built from Debian's own source package, so apt needs a deb-src entry.
src_list=/etc/apt/sources.list.d/cronaca-deb-src.sources
need_src=0
if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  need_src=1
fi

if [ "${#missing[@]}" -gt 0 ] || [ "$need_src" -eq 1 ]; then
  if [ "$need_src" -eq 1 ]; then
    echo "deps: adding a deb-src entry for Debian bookworm ($src_list)"
    as_root tee "$src_list" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  fi
  echo "deps: apt-get install ${missing[*]:-(sources only)}"
  as_root apt-get update -qq
  if [ "${#missing[@]}" -gt 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# Web tooling (test drivers, the page's vendored modules) comes from the npm registry, pinned by
# the committed lockfile.
cd "$root"
stamp=node_modules/.cronaca-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
