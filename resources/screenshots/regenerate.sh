#!/bin/sh
# Regenerates every picture in this folder from a build tree (default ./build), offscreen.
# Live pictures (--at-ms) depend on the machine's speed; look at them before committing.
# `regenerate.sh BUILD ko` makes only the Korean ones (ko/: --lang ko, which needs a Hangul
# font such as fonts-nanum).
set -e
bin=${1:-build}/app/shmscope
out=$(dirname "$0")
only=${2:-}
# A run that fails on purpose (the deadlock) exits 3 but still renders its picture.
shot() {
    name=$1; shift
    rm -f "$out/$name"
    QT_QPA_PLATFORM=offscreen "$bin" "$@" --screenshot "$out/$name" >/dev/null 2>&1 || true
    test -s "$out/$name" || { echo "no picture: $name" >&2; exit 1; }
}
base="--workers 4 --sync mutex --delay-us 20 --elements 100000"
# Korean (issue 28): the window, a lesson and the sweep, each at 1024x700 (where wider Korean
# text clips first) and 1920x1080.
korean() {
    mkdir -p "$out/ko"
    for size in 1024x700 1920x1080; do
        shot ko/window-$size.png $base --lang ko --size $size
        shot ko/lesson-lost-updates-$size.png --lang ko --lesson lost-updates --size $size
        shot ko/sweep-$size.png --lang ko --sweep sync=none,mutex,atomic --workload histogram \
            --elements 300000 --view sweep --size $size
    done
}
if [ "$only" = ko ]; then
    korean
    exit 0
fi
shot window.png $base
shot array.png $base --view array
shot contention.png $base --view contention
shot progress.png $base --view progress
shot window-1024x700.png $base --size 1024x700
shot window-live.png $base --at-ms 1500
shot window-zoom-1920x1080.png $base --zoom 1.6 --size 1920x1080
# The first window (welcome page, the window's defaults), and a run without a lock.
shot window-first-1024x700.png --no-run --size 1024x700
shot window-nolock-1024x700.png --workload mandelbrot --elements 300000 --size 1024x700
# Sweeps (issue 9): a scaling line, and a setting compared by throughput at 1024x700.
shot sweep-workers.png --sweep workers=1,2,4,8 --workload sin --elements 4000000
shot sweep-grid-1024x700.png --sweep workers=1,2,4 --sweep sync=none,mutex,atomic --workload histogram --elements 300000 --view sweep --size 1024x700
shot sweep-sync-1024x700.png --sweep sync=none,mutex,striped,atomic --workload histogram --elements 300000 --view sweep --size 1024x700
# A/B: a mutex run saved, the atomic run beside it (the pinned bar over the views).
QT_QPA_PLATFORM=offscreen "$bin" --headless --json --workload histogram --sync mutex --elements 1000000 > /tmp/shmscope-pinned.json
shot window-pinned-1024x700.png --workload histogram --sync atomic --elements 1000000 --compare-with /tmp/shmscope-pinned.json --size 1024x700
# The experiments (issue 7), one picture each.
shot experiment-private.png --transport private --workers 4 --elements 1000000
shot experiment-queue.png --transport queue --workers 4 --delay-us 5 --elements 200000 --at-ms 400
shot experiment-counters-packed.png --workload counters --workers 4 --increments 100000000
shot experiment-counters-padded.png --workload counters --workers 4 --counter-layout padded --increments 100000000
shot experiment-mutex-deadlock.png $base --kill-worker 1 --kill-at-ms 300 --kill-when holding --at-ms 700
shot experiment-robust-recovery.png --workers 4 --sync robust --delay-us 20 --elements 100000 --kill-worker 1 --kill-at-ms 300 --kill-when holding
shot experiment-spin-cpu.png --workers 8 --sync spin --elements 8000 --delay-us 50 --lock-scope chunk --chunk 100
# --transport mpi (issue 13): 4 ranks mid-run, the message timeline (needs Open MPI).
shot window-mpi.png --transport mpi --workers 4 --workload sin --elements 20000000 --at-ms 600 --size 1280x800
# The same across two hosts: this one and shmscope-b, simulated (root; tests/mpi/simulated-hosts.sh).
sim=$(dirname "$0")/../../tests/mpi/simulated-hosts.sh
if [ "$(id -u)" = 0 ] && "$sim" check >/dev/null 2>&1; then
    simdir=/var/tmp/shmscope-screenshot-hosts
    "$sim" up "$simdir" >/dev/null
    shot window-mpi-two-hosts-1024x700.png --transport mpi --workers 4 --workload sin \
        --elements 20000000 --size 1024x700 --mpi-args "$(cat "$simdir/mpi-args")"
    "$sim" down "$simdir"
fi
shot experiment-seed-split.png --partition seed --workers 4 --elements 203 --delay-us 2000 --view array --size 900x500
shot experiment-counters-1920x1080.png --workload counters --workers 8 --increments 50000000 --size 1920x1080
korean
