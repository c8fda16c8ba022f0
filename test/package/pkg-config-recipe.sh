#!/usr/bin/env bash
# Runs the pkg-config recipe exactly as docs/building.md shows it (the sh
# block after the "pkg-config recipe" marker) on examples/consumer, against
# an installed cosm, then runs the program it built.
#
#   PKG_CONFIG_PATH=<prefix>/lib/pkgconfig pkg-config-recipe.sh DOC SOURCE WORK BINDIR
# BINDIR (the installed cosm-lower's directory) goes first on PATH.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 DOC SOURCE WORK BINDIR" >&2; exit 2; }
doc="$1" source="$2" work="$3" bindir="$4"
: "${PKG_CONFIG_PATH:?must name the directory of the installed cosm.pc}"

# The fenced block that follows the marker line.
fence="$(printf '\140\140\140')"
recipe="$(awk -v fence="$fence" '
  /<!-- pkg-config recipe/ { found = 1; next }
  found && index($0, fence) == 1 { if (inside) exit; inside = 1; next }
  inside { print }' "$doc")"
[ -n "$recipe" ] || { echo "no pkg-config recipe found in $doc" >&2; exit 1; }
printf 'recipe from %s:\n%s\n' "$doc" "$recipe"

rm -rf "$work"
mkdir -p "$work"
cp "$source/main.cpp" "$work/prog.cpp"
cp "$source/workers.hpp" "$work/"
cd "$work"
export PATH="$bindir:$PATH"
bash -euo pipefail -c "$recipe"
./prog
