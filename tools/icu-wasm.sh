#!/usr/bin/env bash
# Cross-builds ICU for WebAssembly from Debian's own source package (the same 72.1 that the native
# build links as libicu-dev), once, into a cache outside the checkout. Prints the install prefix.
#
# Layout of the prefix: include/unicode/*.h, lib/libicuuc.a, lib/libicui18n.a, and
# share/icudt72l.dat (the full prebuilt data archive the subset is cut from).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${CRONACA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cronaca}
jobs=${JOBS:-$(nproc)}

icu_version=$(dpkg-query -W -f='${Version}' libicu-dev)
emcc_version=$(emcc -dumpversion 2>/dev/null || emcc --version | head -1)
icu_cflags="-O2 -DNDEBUG -DU_CHARSET_IS_UTF8=1 -DUCONFIG_NO_SERVICE=1"
# The key covers everything that changes the output: ICU's Debian version, the compiler, the
# flags, and this script itself.
key=$(printf '%s\n' "$icu_version" "$emcc_version" "$icu_cflags" "$(cat "$0")" | sha256sum | cut -c1-12)
prefix="$cache/icu-wasm-${icu_version//[^0-9A-Za-z.]/_}-$key"

if [ -f "$prefix/.done" ]; then
  echo "$prefix"
  exit 0
fi

log() { echo "icu-wasm: $*" >&2; }
# Debian's emcc runs its JS optimiser with Debian's acorn, found only through NODE_PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# Each finished stage leaves a marker, so an interrupted build resumes where it stopped.
work="$cache/icu-work-$key"
mkdir -p "$work"
cd "$work"

if [ ! -f "$work/.source-done" ]; then
  log "fetching Debian source package icu=$icu_version"
  find "$work" -mindepth 1 -delete
  apt-get source -qq "icu=$icu_version" >/dev/null 2>"$work/apt-source.log" || {
    cat "$work/apt-source.log" >&2
    log "apt-get source failed: tools/deps.sh adds the deb-src entry it needs"
    exit 1
  }
  touch "$work/.source-done"
fi
src=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'icu-*' | head -1)
[ -d "$src/source" ] || { log "unexpected source layout in $work"; exit 1; }

if [ ! -f "$work/.host-done" ]; then
  log "host build (needed by the cross build for its data tools), $jobs jobs"
  rm -rf "$work/host"
  mkdir -p "$work/host"
  (cd "$work/host" &&
    CFLAGS=-O1 CXXFLAGS=-O1 "$src/source/configure" --disable-tests --disable-samples \
      --disable-extras --disable-icuio --disable-layoutex >"$work/host-configure.log" 2>&1 &&
    make -j"$jobs" >"$work/host-make.log" 2>&1) || {
    tail -40 "$work"/host-*.log >&2
    exit 1
  }
  touch "$work/.host-done"
fi

log "wasm build, $jobs jobs"
rm -rf "$work/wasm"
mkdir -p "$work/wasm"
(cd "$work/wasm" &&
  CFLAGS="$icu_cflags" CXXFLAGS="$icu_cflags -std=c++17" \
    emconfigure "$src/source/configure" --host=wasm32-unknown-linux \
    --with-cross-build="$work/host" --prefix="$prefix" \
    --enable-static --disable-shared --disable-tools --disable-tests --disable-samples \
    --disable-extras --disable-icuio --disable-layoutex \
    --with-data-packaging=archive >"$work/wasm-configure.log" 2>&1 &&
  emmake make -j"$jobs" >"$work/wasm-make.log" 2>&1 &&
  emmake make install >"$work/wasm-install.log" 2>&1) || {
  tail -40 "$work"/wasm-*.log >&2
  exit 1
}

mkdir -p "$prefix/share"
cp "$src/source/data/in/icudt72l.dat" "$prefix/share/icudt72l.dat"
for lib in libicuuc.a libicui18n.a; do
  [ -f "$prefix/lib/$lib" ] || { log "missing $prefix/lib/$lib"; exit 1; }
done
touch "$prefix/.done"
rm -rf "$work"
log "done: $prefix"
echo "$prefix"
