#!/bin/sh
# Render the icon PNGs, the Windows .ico and the macOS .icns from the SVG sources in
# resources/icons/.  The outputs are committed, so building a package never needs this;
# run it after editing an SVG.
#
# Needs: rsvg-convert (Debian: librsvg2-bin), ImageMagick `convert` (for .ico) and
# png2icns (Debian: icnsutils).  16 px comes from the hand-hinted NAME-16.svg; 24 px is
# shifted up half a pixel so the sheet's top and bottom edges land on pixel boundaries
# (the master is drawn on a 16-unit grid, which is whole pixels at 16, 32, 48, 64 ... px).
set -eu
cd "$(dirname "$0")/../../resources/icons"

SIZES="16 24 32 48 64 128 256 512"
ICO_SIZES="16 24 32 48 64 128 256"
ICNS_SIZES="16 32 48 128 256 512"

for name in briefing application-x-briefing; do
    for size in $SIZES; do
        source="$name.svg"
        shift=0px
        [ "$size" = 16 ] && source="$name-16.svg"
        [ "$size" = 24 ] && shift=-0.5px
        rsvg-convert --width "$size" --height "$size" --page-width "${size}px" \
            --page-height "${size}px" --top="$shift" "$source" --output "$name-$size.png"
    done
    convert $(for s in $ICO_SIZES; do printf '%s ' "$name-$s.png"; done) "$name.ico"
    png2icns "$name.icns" $(for s in $ICNS_SIZES; do printf '%s ' "$name-$s.png"; done) >/dev/null
done
ls -l
