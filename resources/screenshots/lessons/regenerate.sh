#!/bin/sh
# One picture per lesson: its runs side by side (the effect next to the fix: lost updates
# beside the verified mutex and atomic runs), rendered from a recording so the picture can be
# made again byte for byte from the same file. From a build tree (default ./build), offscreen,
# at 1600x1000. resources/lessons/make_page.py puts them on the lessons page. Look at them
# before committing: they are measured, not drawn. RECORDINGS=DIR keeps the recordings there.
set -e
bin=${1:-build}/app/shmscope
out=$(dirname "$0")
size=${SIZE:-1600x1000}
dir=${RECORDINGS:-$(mktemp -d)}
for id in $("$bin" --list-lessons | cut -d' ' -f1); do
    rec="$dir/$id.shmscope"
    rm -f "$rec" "$out/$id.png"
    "$bin" --lesson "$id" --headless --json --record "$rec" > /dev/null
    # A lesson about one view shows that view: the collision lesson's point is the
    # interleaving of run A, which the side-by-side arrays cannot show.
    case $id in
    update-lost-up-close) view=collisions ;;
    *) view=side ;;
    esac
    QT_QPA_PLATFORM=offscreen "$bin" --screenshot "$out/$id.png" --open "$rec" --view $view \
        --size "$size" 2>/dev/null
    test -s "$out/$id.png" || { echo "no picture: $id" >&2; exit 1; }
done
[ -n "$RECORDINGS" ] || rm -rf "$dir"
