#include "lock_lanes.h"

#include <algorithm>
#include <cmath>

namespace shm {

void LockActivity::reset(uint32_t workers, uint32_t locks, SyncMode sync, size_t keepPerWorker) {
    m_workers.assign(workers, Worker{});
    m_locks = std::max<uint32_t>(1, locks);
    m_sync = sync;
    m_keep = std::max<size_t>(1, keepPerWorker);
    m_newestNs = 0;
    m_counts = {};
}

void LockActivity::close(std::deque<LockInterval>& into, const LockInterval& iv,
                         uint64_t& counter) {
    into.push_back(iv);
    ++counter;
    if (into.size() > m_keep) {
        into.pop_front();
        ++m_counts.trimmed;
    }
}

// The worker writes, per acquisition: [WaitBegin(t0)] Acquired(t1) Released(t2), never nesting
// (a worker holds at most one lock at a time) and never going back in time (the ring writer
// clamps). Anything else means an event was dropped: the open interval is closed at the odd
// event so the lanes stay consistent, and the event is counted as malformed.
void LockActivity::consume(uint32_t k, const Event* ev, size_t n) {
    if (k >= m_workers.size()) return;
    Worker& w = m_workers[k];
    for (size_t i = 0; i < n; ++i) {
        const uint64_t t = std::max(ev[i].tNs, w.lastNs);
        const uint32_t lock = ev[i].lock;
        w.lastNs = t;
        switch (EventKind(ev[i].kind)) {
        case EventKind::WaitBegin:
            if (w.holding) {
                ++m_counts.malformed;
                close(w.holds, {w.hold.beginNs, t, w.hold.lock}, m_counts.holds);
                w.holding = false;
            }
            if (w.waiting) ++m_counts.malformed; // a wait whose Acquired was lost: restart it
            w.waiting = true;
            w.wait = {t, t, lock};
            break;
        case EventKind::Acquired:
            if (w.holding) {
                ++m_counts.malformed;
                close(w.holds, {w.hold.beginNs, t, w.hold.lock}, m_counts.holds);
            }
            if (w.waiting) {
                if (w.wait.lock != lock) ++m_counts.malformed;
                close(w.waits, {w.wait.beginNs, t, w.wait.lock}, m_counts.waits);
                w.waiting = false;
            }
            w.holding = true;
            w.hold = {t, t, lock};
            break;
        case EventKind::Released:
            if (w.holding && w.hold.lock == lock) {
                close(w.holds, {w.hold.beginNs, t, lock}, m_counts.holds);
                w.holding = false;
            } else {
                ++m_counts.malformed;
            }
            break;
        default:
            ++m_counts.malformed;
            break;
        }
        ++m_counts.events;
    }
    if (w.holding) w.hold.endNs = w.lastNs;
    if (w.waiting) w.wait.endNs = w.lastNs;
    m_newestNs = std::max(m_newestNs, w.lastNs);
}

void LockActivity::endWorker(uint32_t k, uint64_t atNs) {
    if (k >= m_workers.size()) return;
    Worker& w = m_workers[k];
    if (!w.waiting) return;
    close(w.waits, {w.wait.beginNs, std::max(atNs, w.wait.beginNs), w.wait.lock}, m_counts.waits);
    w.waiting = false;
}

std::optional<LockInterval> LockActivity::openHold(uint32_t k) const {
    const Worker& w = m_workers.at(k);
    return w.holding ? std::optional(w.hold) : std::nullopt;
}

std::optional<LockInterval> LockActivity::openWait(uint32_t k) const {
    const Worker& w = m_workers.at(k);
    return w.waiting ? std::optional(w.wait) : std::nullopt;
}

void addCoverage(const TimeColumns& w, double a, double b, std::vector<double>& cover) {
    const int n = int(cover.size());
    if (n <= 0 || !(w.t1Ns > w.t0Ns)) return;
    a = std::max(a, w.t0Ns);
    b = std::min(b, w.t1Ns);
    if (!(b > a)) return;
    // Work in column units: x = (t - t0) / column span, column c covers [c, c + 1).
    const double span = w.columnNs();
    const double xa = (a - w.t0Ns) / span, xb = (b - w.t0Ns) / span;
    const int ca = std::clamp(int(std::floor(xa)), 0, n - 1);
    const int cb = std::clamp(int(std::floor(xb)), 0, n - 1);
    if (ca == cb) {
        cover[size_t(ca)] += xb - xa;
        return;
    }
    cover[size_t(ca)] += double(ca + 1) - xa;
    for (int c = ca + 1; c < cb; ++c)
        cover[size_t(c)] += 1.0;
    cover[size_t(cb)] += std::min(1.0, xb - double(cb));
}

namespace {

// Intervals of one worker and kind are disjoint and ordered, so their ends are sorted too:
// binary search for the first one ending after t0, stop at the first beginning at/after t1.
void addIntervals(const std::deque<LockInterval>& ivs, const TimeColumns& w, int lock,
                  std::vector<double>& cover) {
    auto it =
        std::upper_bound(ivs.begin(), ivs.end(), w.t0Ns,
                         [](double t, const LockInterval& iv) { return t < double(iv.endNs); });
    for (; it != ivs.end() && double(it->beginNs) < w.t1Ns; ++it)
        if (lock < 0 || it->lock == uint32_t(lock))
            addCoverage(w, double(it->beginNs), double(it->endNs), cover);
}

void finish(std::vector<double>& cover) {
    for (double& v : cover)
        v = std::clamp(v, 0.0, 1.0); // rounding only: true coverage is within [0, 1]
}

} // namespace

std::vector<double> workerCoverage(const LockActivity& a, uint32_t k, Activity kind,
                                   const TimeColumns& w, uint64_t openEndNs, int lock) {
    std::vector<double> cover(size_t(std::max(0, w.columns)), 0.0);
    if (k >= a.workers()) return cover;
    addIntervals(kind == Activity::Hold ? a.holds(k) : a.waits(k), w, lock, cover);
    const auto open = kind == Activity::Hold ? a.openHold(k) : a.openWait(k);
    if (open && (lock < 0 || open->lock == uint32_t(lock)))
        addCoverage(w, double(open->beginNs), double(std::max(open->endNs, openEndNs)), cover);
    finish(cover);
    return cover;
}

uint32_t lockLaneCount(const LockActivity& a) {
    switch (a.sync()) {
    case SyncMode::Mutex:
    case SyncMode::Spin:
    case SyncMode::Robust:
        return 1;
    case SyncMode::Striped: {
        const uint32_t stripes = a.locks() > 1 ? a.locks() - 1 : 1;
        return stripes <= kMaxStripeLanes ? stripes : 1;
    }
    case SyncMode::None:
    case SyncMode::Atomic:
        break;
    }
    return 0;
}

std::vector<LockLane> lockLanes(const LockActivity& a, const TimeColumns& w, uint64_t openEndNs,
                                const std::vector<std::vector<double>>* holds) {
    std::vector<LockLane> lanes;
    const size_t cols = size_t(std::max(0, w.columns));
    const uint32_t workers = a.workers();
    const bool oneLock = a.sync() != SyncMode::Striped; // lock 0 is every hold there
    if (holds && (holds->size() < workers || (workers && (*holds)[0].size() != cols)))
        holds = nullptr; // not for these columns: compute
    auto coverage = [&](uint32_t k, int lock) {
        if (holds && (lock < 0 || oneLock)) return (*holds)[k];
        return workerCoverage(a, k, Activity::Hold, w, openEndNs, lock);
    };
    // divisor: 1 for one lock; the stripe count for the summary, whose sum over workers can
    // exceed 1 before it is divided.
    auto laneFor = [&](int lock, std::string label, double divisor) {
        LockLane lane{std::move(label), std::vector<double>(cols, 0.0),
                      std::vector<int32_t>(cols, -1)};
        std::vector<double> best(cols, 0.0);
        for (uint32_t k = 0; k < workers; ++k) {
            const auto c = coverage(k, lock);
            for (size_t i = 0; i < cols; ++i) {
                lane.cover[i] += c[i];
                if (c[i] > best[i]) {
                    best[i] = c[i];
                    lane.holder[i] = int32_t(k);
                }
            }
        }
        for (double& v : lane.cover)
            v /= divisor;
        finish(lane.cover);
        return lane;
    };
    switch (a.sync()) {
    case SyncMode::Mutex:
    case SyncMode::Spin:
    case SyncMode::Robust:
        lanes.push_back(laneFor(0, "lock", 1));
        break;
    case SyncMode::Striped: {
        const uint32_t stripes = a.locks() > 1 ? a.locks() - 1 : 1;
        if (stripes <= kMaxStripeLanes) {
            for (uint32_t s = 0; s < stripes; ++s)
                lanes.push_back(laneFor(int(s + 1), "s" + std::to_string(s), 1));
        } else {
            // Each worker holds at most one stripe at a time, so the sum over workers of "any
            // stripe held" is the number of stripes held; divided by stripes it is in 0..1.
            lanes.push_back(laneFor(-1, "stripes", double(stripes)));
        }
        break;
    }
    case SyncMode::None:
    case SyncMode::Atomic:
        break;
    }
    return lanes;
}

} // namespace shm
