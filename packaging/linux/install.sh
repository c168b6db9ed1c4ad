#!/bin/sh
# Install (or remove) the Briefing bundle and its desktop integration on Linux:
# program files, a `briefing` command, the menu entry, the .briefing file type with its
# icon (so files open with Briefing), and AppStream metadata for software centres.
#
#   install.sh [--system] [--uninstall] [BUNDLE]
#
# BUNDLE is the PyInstaller folder holding the `briefing` executable.  Default: the folder
# this script sits in when it ships inside the bundle (dist/Briefing/install.sh),
# otherwise dist/Briefing of the source checkout.
#
# Per user (default)  program  ~/.local/lib/briefing     command  ~/.local/bin/briefing
#                     menu, MIME type, icons, metainfo under ${XDG_DATA_HOME:-~/.local/share}
# --system (as root)  program  /opt/briefing             command  /usr/local/bin/briefing
#                     menu, MIME type, icons, metainfo under /usr/local/share
set -eu

here=$(cd "$(dirname "$0")" && pwd)
scope=user
action=install
bundle=
for arg in "$@"; do
    case $arg in
        --system) scope=system ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
        *) bundle=$arg ;;
    esac
done

if [ "$scope" = system ]; then
    prefix_lib=/opt/briefing
    bin_dir=/usr/local/bin
    data=/usr/local/share
else
    prefix_lib="$HOME/.local/lib/briefing"
    bin_dir="$HOME/.local/bin"
    data="${XDG_DATA_HOME:-$HOME/.local/share}"
fi

# Integration files: beside this script (source tree or bundle).
for file in briefing.desktop briefing-mime.xml org.briefing.Briefing.metainfo.xml; do
    [ -f "$here/$file" ] || { echo "install.sh: $here/$file is missing" >&2; exit 2; }
done

sizes="16 24 32 48 64 128 256 512"

refresh_caches() {
    command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
    command -v update-desktop-database >/dev/null &&
        update-desktop-database -q "$data/applications" || true
    command -v gtk-update-icon-cache >/dev/null &&
        gtk-update-icon-cache -q -f -t "$data/icons/hicolor" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
    rm -rf "$prefix_lib"
    rm -f "$bin_dir/briefing" \
        "$data/applications/briefing.desktop" \
        "$data/mime/packages/briefing.xml" \
        "$data/metainfo/org.briefing.Briefing.metainfo.xml" \
        "$data/icons/hicolor/scalable/apps/briefing.svg" \
        "$data/icons/hicolor/scalable/mimetypes/application-x-briefing.svg"
    for size in $sizes; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/briefing.png" \
            "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-briefing.png"
    done
    refresh_caches
    echo "Briefing removed ($scope)."
    exit 0
fi

if [ -z "$bundle" ]; then
    if [ -x "$here/briefing" ]; then
        bundle=$here
    else
        bundle="$here/../../dist/Briefing"
    fi
fi
[ -x "$bundle/briefing" ] || {
    echo "install.sh: no briefing executable in $bundle (run 'make package' first)" >&2
    exit 2
}
bundle=$(cd "$bundle" && pwd)
icons="$bundle/_internal/resources/icons"
[ -d "$icons" ] || icons="$here/../../resources/icons"

# Program files and the command.
if [ "$bundle" != "$prefix_lib" ]; then
    rm -rf "$prefix_lib"
    mkdir -p "$(dirname "$prefix_lib")"
    cp -a "$bundle" "$prefix_lib"
fi
mkdir -p "$bin_dir"
ln -sf "$prefix_lib/briefing" "$bin_dir/briefing"

# Menu entry: Exec points at the installed command, so ~/.local/bin need not be on PATH.
mkdir -p "$data/applications"
sed "s|^Exec=briefing |Exec=$bin_dir/briefing |" "$here/briefing.desktop" \
    > "$data/applications/briefing.desktop"

# File type, icons, software-centre metadata.
mkdir -p "$data/mime/packages" "$data/metainfo" \
    "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/scalable/mimetypes"
cp "$here/briefing-mime.xml" "$data/mime/packages/briefing.xml"
cp "$here/org.briefing.Briefing.metainfo.xml" "$data/metainfo/"
cp "$icons/briefing.svg" "$data/icons/hicolor/scalable/apps/briefing.svg"
cp "$icons/application-x-briefing.svg" \
    "$data/icons/hicolor/scalable/mimetypes/application-x-briefing.svg"
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps" \
        "$data/icons/hicolor/${size}x${size}/mimetypes"
    cp "$icons/briefing-$size.png" "$data/icons/hicolor/${size}x${size}/apps/briefing.png"
    cp "$icons/application-x-briefing-$size.png" \
        "$data/icons/hicolor/${size}x${size}/mimetypes/application-x-briefing.png"
done
refresh_caches

# Make Briefing the default application for .briefing files (per user only).
if [ "$scope" = user ] && command -v xdg-mime >/dev/null; then
    xdg-mime default briefing.desktop application/x-briefing 2>/dev/null || true
fi

echo "Briefing installed ($scope): run '$bin_dir/briefing' or open a .briefing file."
