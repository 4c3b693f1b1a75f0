#!/bin/sh
# Re-renders the committed PNG icons from vigil.svg (needs rsvg-convert, package librsvg2-bin).
# The PNGs are committed so building the package needs no SVG renderer.
set -eu
cd "$(dirname "$0")"
for s in 16 22 24 32 48 64 128 256; do
  rsvg-convert -w "$s" -h "$s" vigil.svg -o "vigil-$s.png"
done
