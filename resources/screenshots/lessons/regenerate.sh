#!/bin/sh
# One picture per lesson (the window after the lesson's runs, Lessons panel in front), from a
# build tree (default ./build), offscreen. resources/lessons/make_page.py puts them on the
# lessons page. Look at them before committing: they are measured, not drawn.
set -e
bin=${1:-build}/app/shmscope
out=$(dirname "$0")
size=${SIZE:-1280x800}
for id in $("$bin" --list-lessons | cut -d' ' -f1); do
    rm -f "$out/$id.png"
    QT_QPA_PLATFORM=offscreen "$bin" --lesson "$id" --size "$size" --screenshot "$out/$id.png" \
        2>/dev/null
    test -s "$out/$id.png" || { echo "no picture: $id" >&2; exit 1; }
done
