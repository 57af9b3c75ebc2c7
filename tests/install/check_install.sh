#!/bin/sh
# cmake --install into a temporary prefix, then the installed shmscope runs a headless
# experiment from / (it must find the installed worker, not the build tree's), and the
# installed man page, desktop entry and icons are where desktops look for them.
set -eu
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
for f in bin/shmscope bin/shmscope-worker share/applications/shmscope.desktop \
         share/icons/hicolor/scalable/apps/shmscope.svg \
         share/icons/hicolor/256x256/apps/shmscope.png share/man/man1/shmscope.1 \
         share/shmscope/python/shmscope_worker.py share/mime/packages/shmscope.xml; do
    test -e "$prefix/$f" || { echo "not installed: $f"; exit 1; }
done
grep -q 'application/x-shmscope-recording' "$prefix/share/applications/shmscope.desktop" ||
    { echo "desktop entry does not name the recording type"; exit 1; }
# The MIME file parses and its glob is there (update-mime-database, where installed, checks it).
if command -v update-mime-database > /dev/null; then
    update-mime-database "$prefix/share/mime" > /dev/null 2>&1
    grep -q 'shmscope' "$prefix/share/mime/globs2" || { echo "MIME type not registered"; exit 1; }
fi
grep -q '^\.TH SHMSCOPE 1' "$prefix/share/man/man1/shmscope.1" || { echo "man page has no .TH"; exit 1; }
grep -q 'stall\\-timeout\\-ms' "$prefix/share/man/man1/shmscope.1" || { echo "man page misses a setting"; exit 1; }
out=$(cd / && env -u DISPLAY -u WAYLAND_DISPLAY "$prefix/bin/shmscope" --headless --json \
      --workers 2 --elements 1000 --workload sin)
echo "$out" | grep -q '"verdict":"array verified"' || { echo "installed run failed: $out"; exit 1; }
# The installed Python worker beside the installed C++ one, where numpy is installed.
if /usr/bin/python3 -c 'import numpy' 2> /dev/null; then
    out=$(cd / && env -u DISPLAY -u WAYLAND_DISPLAY "$prefix/bin/shmscope" --headless --json \
          --workers 2 --elements 1000 --workload sin --worker-command-count 1 \
          --worker-command "/usr/bin/python3 $prefix/share/shmscope/python/shmscope_worker.py")
    echo "$out" | grep -q '"verdict":"array verified"' || { echo "installed Python run failed: $out"; exit 1; }
fi
# The window's program beside the installed shmscope (which execs it for --screenshot).
if [ -e "$build/app/shmscope-gui" ]; then
    png="$prefix/window.png"
    (cd / && env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$prefix/bin/shmscope" \
        --screenshot "$png" --workers 2 --elements 1000 --workload sin > /dev/null) ||
        { echo "installed --screenshot failed"; exit 1; }
    test -s "$png" || { echo "installed --screenshot wrote no picture"; exit 1; }
fi
echo "installed to $prefix and ran from /: array verified"
