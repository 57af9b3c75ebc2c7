// The reconstruction described in collisions.h.
#include "analysis/collisions.h"

#include "analysis/collision_order.h"
#include "analysis/update_concurrency.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace shm {
namespace {

using collision_order::BinOrder;

struct Candidate {
    uint32_t bin;
    int lost;
};

class Reconstruction {
  public:
    Reconstruction(const UpdateLog& log, std::span<const double> bins)
        : m_bins(bins.size()), m_index(bins.size()) {
        std::vector<std::vector<const UpdateAccess*>> complete(bins.size());
        for (const auto& w : log.workers)
            for (const UpdateAccess& a : w) {
                if (a.bin >= m_bins.size()) continue;
                (a.written ? complete[a.bin] : m_halfDone[a.bin]).push_back(&a);
            }
        for (size_t i = 0; i < m_bins.size(); ++i) {
            const double v = bins[i];
            const uint64_t final = std::isfinite(v) && v > 0 ? uint64_t(std::llround(v)) : 0;
            for (const collision_order::Attempt& a : collision_order::kAttempts)
                if (!m_bins[i].consistent)
                    m_bins[i] = collision_order::orderBin(complete[i], final, a, m_budget);
        }
        m_complete = std::move(complete);
    }

    void fill(CollisionReport& r, size_t maxExamples) {
        std::vector<Candidate> candidates;
        for (uint32_t i = 0; i < m_bins.size(); ++i) {
            BinOrder& b = m_bins[i];
            const uint64_t n = m_complete[i].size();
            r.updates += n;
            countSameReads(r, i);
            if (!b.consistent) {
                (b.gaveUp ? m_gaveUp : m_ambiguous) += n - std::min(n, b.finalValue);
                continue;
            }
            r.explained += b.lost;
            if (b.lost) r.clockSlackNs = std::max(r.clockSlackNs, b.slackNs);
            for (size_t p = 0; p < b.writes.size(); ++p) {
                if (b.survived[p]) continue;
                const int o = b.overwriter[p];
                if (o >= 0 && b.writes[size_t(o)]->readValue < b.writes[p]->readValue)
                    ++r.rolledBack;
                else
                    ++r.overwritten;
                candidates.push_back({i, int(p)});
            }
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [this](const Candidate& x, const Candidate& y) {
                             return access(x)->readNs < access(y)->readNs;
                         });
        pickExamples(r, candidates, maxExamples);
        if (candidates.empty())
            if (auto c = closestPair()) r.closest.push_back(*c);
    }

    uint64_t ambiguous() const { return m_ambiguous; }
    uint64_t gaveUp() const { return m_gaveUp; }
    uint64_t halfDone() const {
        uint64_t n = 0;
        for (const auto& [bin, v] : m_halfDone)
            n += v.size();
        return n;
    }

  private:
    // The first lost updates by time, those whose logged times tell the order's story first:
    // where two CPUs' clocks disagree by more than the time between two accesses, drawn by time
    // a read can come after the write that replaced the value it read, which no student can
    // follow. The rest fill up behind them.
    void pickExamples(CollisionReport& r, const std::vector<Candidate>& candidates,
                      size_t maxExamples) const {
        std::vector<CollisionExample> incoherent;
        const size_t tried = std::min(candidates.size(), 10 * maxExamples);
        for (size_t k = 0; k < tried && r.examples.size() < maxExamples; ++k) {
            CollisionExample e = example(candidates[k]);
            if (readsAgree(e))
                r.examples.push_back(std::move(e));
            else if (incoherent.size() < maxExamples)
                incoherent.push_back(std::move(e));
        }
        for (CollisionExample& e : incoherent)
            if (r.examples.size() < maxExamples) r.examples.push_back(std::move(e));
    }
    static bool readsAgree(const CollisionExample& e) {
        uint64_t bin = e.valueBefore;
        for (const CollisionStep& s : collisionSteps(e)) {
            if (!s.write && s.value != bin) return false;
            bin = s.binAfter;
        }
        return true;
    }

    const UpdateAccess* access(const Candidate& c) const {
        return m_bins[c.bin].writes[size_t(c.lost)];
    }
    void countSameReads(CollisionReport& r, uint32_t bin) {
        std::unordered_map<uint64_t, uint64_t> reads;
        for (const UpdateAccess* a : m_complete[bin])
            ++reads[a->readValue];
        if (auto it = m_halfDone.find(bin); it != m_halfDone.end())
            for (const UpdateAccess* a : it->second)
                ++reads[a->readValue];
        for (const auto& [value, n] : reads)
            r.sameReadPairs += n * (n - 1) / 2;
    }

    // The accesses of `bin` overlapping [from, to] beyond `keep`, nearest first, up to the cap.
    void addNeighbours(std::vector<const UpdateAccess*>& keep, uint32_t bin, uint64_t from,
                       uint64_t to) const {
        std::vector<const UpdateAccess*> near;
        auto consider = [&](const UpdateAccess* a) {
            if (std::find(keep.begin(), keep.end(), a) != keep.end()) return;
            const uint64_t end = a->written ? a->writeNs : a->readNs;
            if (a->readNs <= to && end >= from) near.push_back(a);
        };
        forOverlapping(bin, from, to, [&](size_t, const UpdateAccess* a) { consider(a); });
        if (auto it = m_halfDone.find(bin); it != m_halfDone.end())
            for (const UpdateAccess* a : it->second)
                consider(a);
        const uint64_t mid = from / 2 + to / 2;
        std::sort(near.begin(), near.end(), [mid](const UpdateAccess* x, const UpdateAccess* y) {
            auto d = [mid](const UpdateAccess* a) {
                return a->readNs > mid ? a->readNs - mid : mid - a->readNs;
            };
            return d(x) < d(y);
        });
        for (const UpdateAccess* a : near) {
            if (keep.size() >= kExampleAccesses) break;
            keep.push_back(a);
        }
    }

    // Calls fn(position in the bin's order, access) for each write of `bin` whose interval
    // meets [from, to]. Examples are picked from up to 2,000 lost updates, and a scan of the
    // whole bin for each (125,000 writes a bin at 2*10^6 updates) took longer than the search.
    template <typename Fn>
    void forOverlapping(uint32_t bin, uint64_t from, uint64_t to, Fn fn) const {
        const BinOrder& b = m_bins[bin];
        TimeIndex& t = m_index[bin];
        if (t.byRead.size() != b.writes.size()) {
            t.byRead.resize(b.writes.size());
            for (size_t p = 0; p < b.writes.size(); ++p)
                t.byRead[p] = p;
            std::sort(t.byRead.begin(), t.byRead.end(), [&b](size_t x, size_t y) {
                return b.writes[x]->readNs < b.writes[y]->readNs;
            });
            t.maxEnd.resize(b.writes.size());
            uint64_t m = 0;
            for (size_t k = 0; k < t.byRead.size(); ++k)
                t.maxEnd[k] = m = std::max(m, b.writes[t.byRead[k]]->writeNs);
        }
        // Those read by `to`, walked back while any of them can still end at `from` or later.
        size_t k = size_t(
            std::upper_bound(t.byRead.begin(), t.byRead.end(), to,
                             [&b](uint64_t v, size_t p) { return v < b.writes[p]->readNs; }) -
            t.byRead.begin());
        for (; k > 0 && t.maxEnd[k - 1] >= from; --k) {
            const size_t p = t.byRead[k - 1];
            if (b.writes[p]->writeNs >= from) fn(p, b.writes[p]);
        }
    }

    CollisionExample build(uint32_t bin, std::vector<const UpdateAccess*> picked,
                           const UpdateAccess* lost, const UpdateAccess* over,
                           const UpdateAccess* collider) const {
        uint64_t from = UINT64_MAX, to = 0;
        for (const UpdateAccess* a : picked) {
            from = std::min(from, a->readNs);
            to = std::max(to, a->written ? a->writeNs : a->readNs);
        }
        addNeighbours(picked, bin, from, to);
        std::sort(picked.begin(), picked.end(), [](const UpdateAccess* x, const UpdateAccess* y) {
            return x->readNs < y->readNs;
        });
        CollisionExample e;
        e.bin = bin;
        for (const UpdateAccess* a : picked) {
            const int i = int(e.accesses.size());
            e.accesses.push_back(*a);
            AccessRole role = AccessRole::Other;
            if (a == lost) role = AccessRole::Lost, e.lost = i;
            if (a == over) role = AccessRole::Overwriter, e.overwriter = i;
            if (a == collider && a != over) role = AccessRole::Collider, e.collider = i;
            e.roles.push_back(role);
        }
        // The first step is the first access's read: the bin holds what it read.
        e.valueBefore = e.accesses.front().readValue;
        return e;
    }

    CollisionExample example(const Candidate& c) const {
        const BinOrder& b = m_bins[c.bin];
        const UpdateAccess* lost = b.writes[size_t(c.lost)];
        const int o = b.overwriter[size_t(c.lost)];
        const UpdateAccess* over = o >= 0 ? b.writes[size_t(o)] : nullptr;
        // The collider: another update that read what the lost one read, while it was under way
        // (the overwriter itself when it did).
        const UpdateAccess* collider = nullptr;
        if (over && over->readValue == lost->readValue) collider = over;
        if (!collider) { // the first such in the bin's order
            size_t first = b.writes.size();
            forOverlapping(c.bin, lost->readNs, lost->writeNs,
                           [&](size_t p, const UpdateAccess* a) {
                               if (a != lost && a->readValue == lost->readValue && p < first)
                                   first = p;
                           });
            if (first < b.writes.size()) collider = b.writes[first];
        }
        std::vector<const UpdateAccess*> picked{lost};
        if (over) picked.push_back(over);
        if (collider && collider != over) picked.push_back(collider);
        // The write the overwriter's read saw: without it, an overwriter that read the lost
        // write's value (written again by someone else) looks as if it had seen the lost write.
        if (o >= 0 && b.source[size_t(o)] >= 0) {
            const UpdateAccess* seen = b.writes[size_t(b.source[size_t(o)])];
            if (std::find(picked.begin(), picked.end(), seen) == picked.end())
                picked.push_back(seen);
        }
        CollisionExample e = build(c.bin, picked, lost, over, collider);
        e.pattern = over && over->readValue < lost->readValue ? CollisionPattern::RolledBack
                                                              : CollisionPattern::Overwritten;
        if (o >= 0) e.updatesLost = b.overwrote[size_t(o)];
        return e;
    }

    // Two consecutive writes of one bin by different workers, the second having seen the first,
    // that came closest in time: what a lock or an atomic makes of a near collision.
    std::optional<CollisionExample> closestPair() const {
        uint32_t bestBin = 0;
        int best = -1;
        uint64_t bestGap = UINT64_MAX;
        for (uint32_t i = 0; i < m_bins.size(); ++i) {
            const BinOrder& b = m_bins[i];
            for (size_t p = 1; p < b.writes.size(); ++p) {
                const UpdateAccess *x = b.writes[p - 1], *y = b.writes[p];
                if (x->worker == y->worker || b.source[p] != int(p) - 1) continue;
                const uint64_t gap =
                    y->readNs > x->writeNs ? y->readNs - x->writeNs : x->writeNs - y->readNs;
                if (gap < bestGap) bestGap = gap, bestBin = i, best = int(p);
            }
        }
        if (best < 0) return std::nullopt;
        const BinOrder& b = m_bins[bestBin];
        const UpdateAccess *x = b.writes[size_t(best) - 1], *y = b.writes[size_t(best)];
        CollisionExample e = build(bestBin, {x, y}, nullptr, nullptr, nullptr);
        e.updatesLost = 0;
        return e;
    }

    struct TimeIndex {
        std::vector<size_t> byRead;   // positions in the bin's order, by read time
        std::vector<uint64_t> maxEnd; // the latest write time among byRead[0..k]
    };

    std::vector<BinOrder> m_bins;
    mutable std::vector<TimeIndex> m_index; // per bin, made when an example first needs it
    std::vector<std::vector<const UpdateAccess*>> m_complete; // per bin, as logged
    std::unordered_map<uint32_t, std::vector<const UpdateAccess*>> m_halfDone;
    uint64_t m_ambiguous = 0, m_gaveUp = 0;
    uint64_t m_budget = collision_order::kRunBacktracks;
};

void addReason(CollisionReport& r, uint64_t& left, std::string code, std::string text,
               uint64_t count) {
    if (count == 0 || left == 0) return;
    const uint64_t n = std::min(count, left);
    left -= n;
    r.reasons.push_back({std::move(code), std::move(text), n});
}

} // namespace

CollisionReport reconstructCollisions(const UpdateLog& log, std::span<const double> finalBins,
                                      int64_t lostUpdates, uint64_t expectedUpdates,
                                      size_t maxExamples) {
    CollisionReport r;
    r.logged = log.enabled;
    r.offReason = log.offReason;
    r.logBytes = log.bytes;
    if (!log.enabled) return r;
    Reconstruction rec(log, finalBins);
    rec.fill(r, maxExamples);
    r.halfDone = rec.halfDone();
    r.together = updatesTogether(log);
    const uint64_t lost = lostUpdates > 0 ? uint64_t(lostUpdates) : 0;
    r.unexplained = lost > r.explained ? lost - r.explained : 0;
    uint64_t dropped = 0;
    for (uint64_t d : log.dropped)
        dropped += d;
    const uint64_t known = r.updates + r.halfDone + dropped;
    uint64_t left = r.unexplained;
    addReason(r, left, "log_full",
              std::to_string(dropped) + " updates were made after a worker's log was full (" +
                  std::to_string(log.capacityPerWorker) + " per worker)",
              dropped);
    addReason(r, left, "not_logged",
              std::to_string(expectedUpdates - std::min(expectedUpdates, known)) +
                  " updates have no record: never made (a worker stopped or killed first) or "
                  "made by a worker that does not log",
              expectedUpdates - std::min(expectedUpdates, known));
    addReason(r, left, "half_done",
              std::to_string(r.halfDone) +
                  " updates were cut short between their read and their write (the worker died)",
              r.halfDone);
    addReason(r, left, "order_ambiguous",
              "in some bins no order of the logged updates gives every read its value within "
              "the clocks' tolerance: the clocks disagree more than it allows",
              rec.ambiguous());
    addReason(
        r, left, "search_limit",
        "in some bins the search for an order gave up (after " +
            std::to_string(
                collision_order::kAttempts[std::size(collision_order::kAttempts) - 1].backtracks) +
            " back-tracks, or the run's " + std::to_string(collision_order::kRunBacktracks) +
            "): one may exist",
        rec.gaveUp());
    addReason(r, left, "unknown", "no record explains these", left);
    return r;
}

} // namespace shm
