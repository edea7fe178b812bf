#!/usr/bin/env bash
# Cuts the ICU data subset the browser loads: icu-data.sh FULL.dat SUBSET.txt OUT.dat [ALIASES.txt]
# With ALIASES.txt (gencnval input: assets/icu/converters.txt), the converter alias table is
# compiled from it instead of taken whole from FULL.dat.
# The output keeps the package name icudt72l, which is what ICU looks for once the archive is
# registered with udata_setCommonData.
set -euo pipefail
full=$1 list=$2 out=$3 aliases=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

icupkg -l "$full" | sed 's/\r$//' | sort >"$tmp/all.txt"
: >"$tmp/keep.txt"
while IFS= read -r pattern; do
  pattern=${pattern%%#*}
  pattern=$(echo "$pattern" | xargs)
  [ -n "$pattern" ] || continue
  matched=0
  while IFS= read -r item; do
    # shellcheck disable=SC2053  # the pattern is a glob on purpose
    if [[ $item == $pattern ]]; then echo "$item" >>"$tmp/keep.txt"; matched=1; fi
  done <"$tmp/all.txt"
  [ "$matched" -eq 1 ] || { echo "icu-data: '$pattern' matches no item of $full" >&2; exit 1; }
done <"$list"
sort -u -o "$tmp/keep.txt" "$tmp/keep.txt"

mkdir -p "$tmp/items" "$tmp/out"
icupkg -d "$tmp/items" -x "$tmp/keep.txt" "$full"
if [ -n "$aliases" ]; then
  grep -qx cnvalias.icu "$tmp/keep.txt" || { echo "icu-data: $aliases given but cnvalias.icu is not in $list" >&2; exit 1; }
  gencnval -d "$tmp/items" "$aliases"
fi
icupkg -tl --ignore-deps -s "$tmp/items" -a "$tmp/keep.txt" new "$tmp/out/icudt72l.dat"
mkdir -p "$(dirname "$out")"
mv "$tmp/out/icudt72l.dat" "$out"
echo "icu-data: $(wc -l <"$tmp/keep.txt") items, $(stat -c %s "$out") bytes -> $out" >&2
