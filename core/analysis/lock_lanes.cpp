#include "analysis/lock_lanes.h"

#include <algorithm>
#include <cmath>

namespace shm {

void LockActivity::reset(uint32_t workers, uint32_t locks, SyncMode sync, size_t keepPerWorker) {
    m_workers.assign(workers, Worker{});
    m_locks = std::max<uint32_t>(1, locks);
    m_order.assign(m_locks, LockOrder{});
    m_sync = sync;
    m_keep = std::max<size_t>(1, keepPerWorker);
    m_newestNs = 0;
    m_counts = {};
}

bool LockActivity::close(std::deque<LockInterval>& into, const LockInterval& iv,
                         uint64_t& counter) {
    into.push_back(iv);
    ++counter;
    if (into.size() <= m_keep) return false;
    into.pop_front();
    ++m_counts.trimmed;
    return true;
}

bool cutOverlap(LockInterval& earlier, LockInterval& later) {
    if (later.beginNs >= earlier.endNs || later.endNs <= later.beginNs ||
        earlier.endNs <= earlier.beginNs)
        return false; // disjoint, or one is empty already
    uint64_t x =
        later.beginNs >= earlier.beginNs ? later.beginNs : std::min(earlier.endNs, later.endNs);
    x = std::max(x, earlier.beginNs);
    earlier.endNs = x;
    later.beginNs = std::min(std::max(later.beginNs, x), later.endNs);
    return true;
}

uint64_t LockActivity::unwrap(uint32_t lock, const Event& e) {
    if (!eventHasSequence(e) || lock >= m_order.size()) return 0;
    const uint64_t s40 = eventSequence(e);
    LockOrder& o = m_order[lock];
    if (o.newestSequence == 0) {
        o.newestSequence = s40;
        return s40;
    }
    // The nearest value with these 40 bits: events of one lock never arrive 2^39 acquisitions
    // out of order (that would take hours at the fastest rate measured here).
    constexpr int kShift = 64 - 40;
    const int64_t d = int64_t((s40 - o.newestSequence) << kShift) >> kShift;
    if (d < 0 && uint64_t(-d) >= o.newestSequence) return 0;
    const uint64_t full = o.newestSequence + uint64_t(d);
    o.newestSequence = std::max(o.newestSequence, full);
    return full;
}

// A kept hold that covers some time; trimmed ones and ones cut to nothing cannot overlap
// anything and leave the order.
LockInterval* LockActivity::liveAt(const HoldRef& r) {
    Worker& w = m_workers[r.worker];
    if (r.index < w.holdBase || r.index - w.holdBase >= w.holds.size()) return nullptr;
    LockInterval& iv = w.holds[size_t(r.index - w.holdBase)];
    return iv.empty() ? nullptr : &iv;
}

// The nearest live holds before and after `it`. Holds cut to nothing or forgotten by their
// worker's list, passed on the way, leave the order (a run of them would otherwise be walked
// again by every hold landing beside it); the sequence gap they leave only delays trimOrder.
LockActivity::OrderMap::iterator LockActivity::prevLive(OrderMap& m, OrderMap::iterator it) {
    while (it != m.begin()) {
        const auto p = std::prev(it);
        if (liveAt(p->second)) return p;
        m.erase(p);
    }
    return m.end();
}

LockActivity::OrderMap::iterator LockActivity::nextLive(OrderMap& m, OrderMap::iterator it) {
    auto n = std::next(it);
    while (n != m.end() && !liveAt(n->second))
        n = m.erase(n);
    return n;
}

// The oldest live hold of the order begins no earlier than every forgotten one ended.
bool LockActivity::cutAtFloor(const LockOrder& o, LockInterval& iv) {
    if (iv.beginNs >= o.floorNs) return false;
    iv.beginNs = std::min(o.floorNs, iv.endNs);
    ++m_counts.cut;
    return true;
}

// Makes the hold at `first` disjoint from its nearest live neighbours in sequence order (or,
// with none before it, from the forgotten ones). A hold a cut leaves empty no longer counts,
// and its neighbours become adjacent and are cut in turn, so every pair of adjacent live holds
// (hence all of them) stay disjoint.
void LockActivity::settle(uint32_t lock, uint64_t first) {
    LockOrder& o = m_order[lock];
    OrderMap& m = o.holds;
    std::vector<uint64_t>& todo = m_todo;
    todo.assign(1, first);
    while (!todo.empty()) {
        const auto it = m.find(todo.back());
        todo.pop_back();
        if (it == m.end()) continue;
        LockInterval* me = liveAt(it->second);
        if (!me) { // its neighbours are now adjacent
            if (const auto p = prevLive(m, it); p != m.end())
                todo.push_back(p->first);
            else if (const auto n = nextLive(m, it); n != m.end())
                todo.push_back(n->first);
            continue;
        }
        if (const auto p = prevLive(m, it); p == m.end()) {
            cutAtFloor(o, *me);
        } else if (cutOverlap(*liveAt(p->second), *me)) {
            ++m_counts.cut;
            if (!liveAt(p->second)) todo.push_back(p->first);
        }
        if (!liveAt(it->second)) {
            todo.push_back(it->first);
            continue;
        }
        if (const auto n = nextLive(m, it); n != m.end() && cutOverlap(*me, *liveAt(n->second))) {
            ++m_counts.cut;
            if (!liveAt(n->second)) todo.push_back(n->first);
            if (!liveAt(it->second)) todo.push_back(it->first);
        }
    }
}

// An open hold (its Released not seen yet) against the live holds before it.
void LockActivity::cutOpenHold(uint32_t lock, uint64_t first, LockInterval& open) {
    LockOrder& o = m_order[lock];
    for (;;) {
        const auto p = prevLive(o.holds, o.holds.lower_bound(first));
        if (p == o.holds.end()) {
            cutAtFloor(o, open);
            return;
        }
        if (!cutOverlap(*liveAt(p->second), open)) return;
        ++m_counts.cut;
        if (liveAt(p->second)) return; // else the one before it may reach into it too
    }
}

void LockActivity::closeHold(uint32_t k, LockInterval iv, uint64_t first, uint64_t last) {
    Worker& w = m_workers[k];
    // An open hold's begin may have been cut past where it turned out to end: then it is empty.
    iv.beginNs = std::min(iv.beginNs, iv.endNs);
    if (close(w.holds, iv, m_counts.holds)) ++w.holdBase;
    if (first == 0 || iv.lock >= m_order.size()) return;
    // Forget what is too old first: such a neighbour gets the floor, not a cut.
    trimOrder(m_order[iv.lock]);
    OrderMap& m = m_order[iv.lock].holds;
    if (!m.try_emplace(first, HoldRef{k, w.holdBase + w.holds.size() - 1, std::max(first, last)})
             .second) {
        ++m_counts.malformed; // a sequence seen twice: not ordered (cannot happen in a run)
        return;
    }
    settle(iv.lock, first);
    trimOrder(m_order[iv.lock]);
}

// Forgets the oldest holds of the order. Whatever arrives after a hold is forgotten begins
// after it (floorNs), so forgetting costs accuracy, never exclusion; holds are kept while a
// neighbour may still come: not once the next one's sequence follows on from theirs, nor once
// they ended kOrderHorizonNs before the newest event (far longer than a frame's drain lag;
// events dropped by a full ring never come), nor beyond the lock's share of kOrderBudget.
// Holds already forgotten by their worker's list or cut to nothing go first.
void LockActivity::trimOrder(LockOrder& o) {
    OrderMap& m = o.holds;
    const size_t cap = std::max<size_t>(kOrderMinPerLock, kOrderBudget / m_order.size());
    while (!m.empty()) {
        const auto front = m.begin();
        const LockInterval* iv = liveAt(front->second);
        const bool settled = m.size() > kOrderKeep && front->first == o.forgottenSequence + 1 &&
                             std::next(front)->first == front->second.lastSequence + 1;
        if (iv && !settled && m.size() <= cap && iv->endNs + kOrderHorizonNs >= m_newestNs) break;
        if (iv) o.floorNs = std::max(o.floorNs, iv->endNs);
        o.forgottenSequence = front->second.lastSequence;
        m.erase(front);
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
        const uint32_t lock = eventLock(ev[i]);
        w.lastNs = t;
        m_newestNs = std::max(m_newestNs, t); // trimOrder's age limit needs it as we go
        switch (eventKind(ev[i])) {
        case EventKind::WaitBegin:
            if (w.holding) {
                ++m_counts.malformed;
                closeHold(k, {w.hold.beginNs, t, w.hold.lock}, w.holdSequence, w.holdSequence);
                w.holding = false;
            }
            if (w.waiting) ++m_counts.malformed; // a wait whose Acquired was lost: restart it
            w.waiting = true;
            w.wait = {t, t, lock};
            break;
        case EventKind::Acquired:
            if (w.holding) {
                ++m_counts.malformed;
                closeHold(k, {w.hold.beginNs, t, w.hold.lock}, w.holdSequence, w.holdSequence);
            }
            if (w.waiting) {
                if (w.wait.lock != lock) ++m_counts.malformed;
                if (close(w.waits, {w.wait.beginNs, t, w.wait.lock}, m_counts.waits)) ++w.waitBase;
                w.waiting = false;
            }
            w.holding = true;
            w.hold = {t, t, lock};
            w.holdSequence = unwrap(lock, ev[i]);
            break;
        case EventKind::Released:
            if (w.holding && w.hold.lock == lock) {
                const uint64_t last = unwrap(lock, ev[i]);
                closeHold(k, {w.hold.beginNs, t, lock}, w.holdSequence,
                          last ? last : w.holdSequence);
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
    if (w.waiting) w.wait.endNs = w.lastNs;
    m_newestNs = std::max(m_newestNs, w.lastNs);
    // An open hold (a parked holder's: its Released comes from its recoverer) is not in the
    // order; it must not overlap any hold before it, whichever worker's events came first.
    for (Worker& o : m_workers) {
        if (!o.holding) continue;
        if (o.holdSequence && o.hold.lock < m_order.size()) {
            LockInterval open{o.hold.beginNs, UINT64_MAX, o.hold.lock};
            cutOpenHold(o.hold.lock, o.holdSequence, open);
            o.hold.beginNs = open.beginNs;
        }
        o.hold.endNs = std::max(o.lastNs, o.hold.beginNs);
    }
}

void LockActivity::endWorker(uint32_t k, uint64_t atNs) {
    if (k >= m_workers.size()) return;
    Worker& w = m_workers[k];
    if (!w.waiting) return;
    if (close(w.waits, {w.wait.beginNs, std::max(atNs, w.wait.beginNs), w.wait.lock},
              m_counts.waits))
        ++w.waitBase;
    w.waiting = false;
}

uint64_t LockActivity::holdsClosed(uint32_t k) const {
    const Worker& w = m_workers.at(k);
    return w.holdBase + w.holds.size();
}

uint64_t LockActivity::waitsClosed(uint32_t k) const {
    const Worker& w = m_workers.at(k);
    return w.waitBase + w.waits.size();
}

void LockActivity::release(uint32_t k, size_t holds, size_t waits) {
    Worker& w = m_workers.at(k);
    holds = std::min(holds, w.holds.size());
    waits = std::min(waits, w.waits.size());
    // The order map's references to released holds stop resolving (liveAt), as trimmed ones do.
    w.holds.erase(w.holds.begin(), w.holds.begin() + std::ptrdiff_t(holds));
    w.holdBase += holds;
    w.waits.erase(w.waits.begin(), w.waits.begin() + std::ptrdiff_t(waits));
    w.waitBase += waits;
}

void LockActivity::restore(uint32_t k, Activity kind, std::span<const LockInterval> closed,
                           std::optional<LockInterval> open) {
    if (k >= m_workers.size()) return;
    Worker& w = m_workers[k];
    const size_t keep = std::min(closed.size(), m_keep);
    m_counts.trimmed += closed.size() - keep;
    const auto first = closed.end() - std::ptrdiff_t(keep);
    auto& into = kind == Activity::Hold ? w.holds : w.waits;
    into.assign(first, closed.end());
    (kind == Activity::Hold ? m_counts.holds : m_counts.waits) += closed.size();
    if (kind == Activity::Hold) {
        w.holdBase = closed.size() - keep;
        w.holding = open.has_value();
        w.hold = open.value_or(LockInterval{});
        w.holdSequence = 0;
    } else {
        w.waitBase = closed.size() - keep;
        w.waiting = open.has_value();
        w.wait = open.value_or(LockInterval{});
    }
    uint64_t last = into.empty() ? 0 : into.back().endNs;
    if (open) last = std::max(last, open->endNs);
    w.lastNs = std::max(w.lastNs, last);
    m_newestNs = std::max(m_newestNs, w.lastNs);
}

std::optional<LockInterval> LockActivity::openHold(uint32_t k) const {
    const Worker& w = m_workers.at(k);
    return w.holding ? std::optional(w.hold) : std::nullopt;
}

std::optional<LockInterval> LockActivity::openWait(uint32_t k) const {
    const Worker& w = m_workers.at(k);
    return w.waiting ? std::optional(w.wait) : std::nullopt;
}

namespace {

// A window checked once (columns > 0, t1Ns > t0Ns) for coverage added many times over.
struct ColumnMap {
    double t0, t1, span;
    int n;
    double* cover;

    void add(double a, double b) const {
        a = std::max(a, t0);
        b = std::min(b, t1);
        if (!(b > a)) return;
        // Work in column units: x = (t - t0) / column span, column c covers [c, c + 1). Both
        // are >= 0 (a >= t0), so truncation is floor.
        const double xa = (a - t0) / span, xb = (b - t0) / span;
        const int ca = std::min(int(xa), n - 1);
        const int cb = std::min(int(xb), n - 1);
        if (ca == cb) {
            cover[ca] += xb - xa;
            return;
        }
        cover[ca] += double(ca + 1) - xa;
        for (int c = ca + 1; c < cb; ++c)
            cover[c] += 1.0;
        cover[cb] += std::min(1.0, xb - double(cb));
    }
};

std::optional<ColumnMap> columnMap(const TimeColumns& w, std::vector<double>& cover) {
    const int n = int(cover.size());
    if (n <= 0 || !(w.t1Ns > w.t0Ns)) return std::nullopt;
    return ColumnMap{w.t0Ns, w.t1Ns, w.columnNs(), n, cover.data()};
}

// A time as a double through int64_t: one instruction instead of the unsigned conversion's
// branch, and the same value for any time below 2^63 ns.
double toDouble(uint64_t ns) {
    return double(int64_t(ns));
}

} // namespace

void addCoverage(const TimeColumns& w, double a, double b, std::vector<double>& cover) {
    if (const auto map = columnMap(w, cover)) map->add(a, b);
}

namespace {

// Intervals of one worker and kind are disjoint and ordered, so their ends are sorted too:
// binary search for the first one ending after t0, stop at the first beginning at/after t1.
// The timeline's hot loop: a replayed 64-worker mutex run passes up to all its ~600 k holds
// through here on every paint, so the window is checked once, not per interval.
void addIntervals(const std::deque<LockInterval>& ivs, const TimeColumns& w, int lock,
                  std::vector<double>& cover) {
    const auto map = columnMap(w, cover);
    if (!map) return;
    auto it =
        std::upper_bound(ivs.begin(), ivs.end(), w.t0Ns,
                         [](double t, const LockInterval& iv) { return t < toDouble(iv.endNs); });
    for (; it != ivs.end(); ++it) {
        const double begin = toDouble(it->beginNs);
        if (!(begin < w.t1Ns)) break;
        if (lock < 0 || it->lock == uint32_t(lock)) map->add(begin, toDouble(it->endNs));
    }
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
