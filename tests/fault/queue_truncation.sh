#!/bin/bash
# Another process truncates the result queue's file inside its first page while a run is going
# (the cut that once made the app die of SIGSEGV inside Boost's message_queue, about 1 run in
# 20). Each run must end with exit 3 and leave nothing in /dev/shm.
#   tests/fault/queue_truncation.sh [APP] [RUNS]     (APP: build/app/shmscope, RUNS: 20)
# Prints one line a run and a tally; exits 1 if any run died of a signal or left files.
APP=${1:-build/app/shmscope}
N=${2:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
deaths=0 other=0 left=0
for i in $(seq 1 "$N"); do
    "$APP" --headless --json --transport queue --workload histogram --sync atomic --workers 5 \
        --elements 54000 --delay-us 15 >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    sleep 0.3
    size=$((RANDOM % 4095 + 1))
    q=$(ls /dev/shm | grep -E "^shmscope-$pid-.*-q-" | head -1)
    [ -n "$q" ] && truncate -s "$size" "/dev/shm/$q"
    wait "$pid"
    rc=$?
    l=$(ls /dev/shm | grep -E "^shmscope-$pid-" | tr '\n' ' ')
    echo "run $i: rc=$rc size=$size queue=${q:-none} left=[$l] $(head -c 160 "$tmp/err" | tr '\n' '|')"
    case $rc in
    3) ;;
    13[0-9] | 14[0-9]) deaths=$((deaths + 1)) ;;
    *) other=$((other + 1)) ;;
    esac
    if [ -n "$l" ]; then
        left=$((left + 1))
        for f in $l; do rm -f "/dev/shm/$f"; done # this run's own files
    fi
done
echo "runs=$N signal_deaths=$deaths other_exit_codes=$other left_behind=$left"
[ "$deaths" -eq 0 ] && [ "$left" -eq 0 ]
