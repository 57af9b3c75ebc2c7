#include "record/replay.h"

#include <algorithm>

namespace shm {

namespace {

// The latest element of `v` (oldest first by atNs) at or before t; null when all are later.
template <class T> const T* latestAt(const std::vector<T>& v, uint64_t t) {
    const auto it =
        std::upper_bound(v.begin(), v.end(), t, [](uint64_t x, const T& s) { return x < s.atNs; });
    return it == v.begin() ? nullptr : &*std::prev(it);
}

uint64_t clampToRun(const RecordedRun& run, uint64_t atNs) {
    return std::clamp(atNs, run.releaseNs, std::max(run.releaseNs, run.endNs));
}

size_t workerCount(const RecordedRun& run) {
    return std::max(run.final.workers.size(), run.samples.size());
}

} // namespace

ReplayFrame frameAt(const std::shared_ptr<const RecordedRun>& run, uint64_t atNs) {
    ReplayFrame out;
    if (!run) return out;
    const RecordedRun& r = *run;
    const uint64_t t = clampToRun(r, atNs);
    RunSnapshot& s = out.frame.snapshot;
    s.config = r.config;
    s.nowNs = t;
    s.releaseNs = r.releaseNs;
    const size_t n = workerCount(r);
    s.workers.resize(n);
    for (size_t k = 0; k < n; ++k) {
        const WorkerSample* w = k < r.samples.size() ? latestAt(r.samples[k], t) : nullptr;
        if (w) {
            s.workers[k] = w->record;
        } else if (k < r.final.workers.size() && (k >= r.samples.size() || r.samples[k].empty())) {
            s.workers[k] = r.final.workers[k]; // never sampled: all we have is how it ended
        } else {
            s.workers[k].id = uint32_t(k); // not started yet at t
        }
    }
    s.phase = Phase::Running;
    if (const RunSample* rs = latestAt(r.runSamples, t)) {
        s.phase = rs->phase;
        s.pausedNs = rs->pausedNs;
        s.cursor = rs->cursor;
        s.stopRequested = rs->stopRequested;
        s.failed = rs->failed;
        s.ended = rs->ended;
        s.queue = rs->queue;
    }
    if (t >= r.endNs) s.phase = Phase::Finished;
    out.array = latestAt(r.frames, t);
    if (out.array && out.array->full()) {
        s.array.data = out.array->values.data();
        s.array.owner = out.array->owners.size() >= out.array->values.size()
                            ? out.array->owners.data()
                            : nullptr;
        s.array.count = out.array->values.size();
        s.array.keepAlive = run; // the values live in the run
    }
    out.frame.newEvents.resize(n);
    return out;
}

namespace {

// Intervals of one worker and kind as they were at t: the closed prefix (ended by t), and the
// one going on at t (or the run's open one, once begun) as open, ending at t.
void replayKind(LockActivity& locks, uint32_t k, Activity kind,
                const std::vector<LockInterval>& ivs, const std::optional<LockInterval>& openAtEnd,
                uint64_t t) {
    // Disjoint and ordered, so their ends are sorted.
    const auto closedEnd = std::upper_bound(
        ivs.begin(), ivs.end(), t, [](uint64_t x, const LockInterval& iv) { return x < iv.endNs; });
    std::optional<LockInterval> open;
    if (closedEnd != ivs.end()) {
        if (closedEnd->beginNs <= t) open = LockInterval{closedEnd->beginNs, t, closedEnd->lock};
    } else if (openAtEnd && openAtEnd->beginNs <= t) {
        open = LockInterval{openAtEnd->beginNs, t, openAtEnd->lock};
    }
    locks.restore(k, kind,
                  std::span<const LockInterval>(ivs.data(), size_t(closedEnd - ivs.begin())), open);
}

} // namespace

void replayLocks(const RecordedRun& run, uint64_t atNs, LockActivity& locks, WaitHistogram& waits) {
    const uint64_t t = clampToRun(run, atNs);
    const ExperimentConfig& cfg = run.config;
    const uint32_t n = uint32_t(std::max<size_t>(workerCount(run), run.intervals.size()));
    locks.reset(n, cfg.sync == SyncMode::Striped ? 1 + cfg.stripes : 1, cfg.sync,
                LockActivity::keepPerWorker(n)); // as the window keeps them live
    waits.reset(n);
    for (uint32_t k = 0; k < run.intervals.size(); ++k) {
        const WorkerIntervals& w = run.intervals[k];
        replayKind(locks, k, Activity::Hold, w.holds, w.openHold, t);
        replayKind(locks, k, Activity::Wait, w.waits, w.openWait, t);
        // Every closed wait ended in an acquisition (the histogram's one count per wait), but
        // for a process's last wait, which the recorder closed at its exit: when its record
        // says it still waited then, that wait is an open one (WaitHistogram::openCounts),
        // which a live window never counted among the acquired either. Schema 1 files cannot
        // tell (no wait_since_ns): counted as before.
        const uint64_t stillWaiting =
            k < run.final.workers.size() ? run.final.workers[k].waitSinceNs : 0;
        for (size_t i = 0; i < w.waits.size(); ++i) {
            const LockInterval& iv = w.waits[i];
            if (iv.endNs > t) break;
            // packSince keeps the moment to 1.024 us (layout.h): the same wait.
            const bool open = stillWaiting && i + 1 == w.waits.size() &&
                              iv.beginNs + 2048 >= stillWaiting && iv.beginNs < stillWaiting + 2048;
            if (!open) waits.add(iv.endNs - iv.beginNs);
        }
    }
}

std::vector<uint64_t> eventTimes(const RecordedRun& run) {
    std::vector<uint64_t> times;
    size_t n = run.marks.size();
    for (const WorkerIntervals& w : run.intervals)
        n += w.holds.size() + 1;
    times.reserve(n);
    for (const WorkerIntervals& w : run.intervals) {
        for (const LockInterval& iv : w.holds)
            times.push_back(iv.beginNs);
        if (w.openHold) times.push_back(w.openHold->beginNs);
    }
    for (const RunMark& m : run.marks)
        times.push_back(m.atNs);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

uint64_t nextEventAfter(const std::vector<uint64_t>& times, uint64_t atNs) {
    const auto it = std::upper_bound(times.begin(), times.end(), atNs);
    return it == times.end() ? atNs : *it;
}

uint64_t previousEventBefore(const std::vector<uint64_t>& times, uint64_t atNs) {
    const auto it = std::lower_bound(times.begin(), times.end(), atNs);
    return it == times.begin() ? atNs : *std::prev(it);
}

} // namespace shm
