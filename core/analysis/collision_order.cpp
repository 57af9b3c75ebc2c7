#include "analysis/collision_order.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <unordered_set>

namespace shm::collision_order {
namespace {

struct Ev {
    uint64_t lo, hi;
    int update; // index into the updates
    bool write;
    int before; // the event that must be placed first (-1: none): its read, or the worker's
                // previous write to this bin
    int worker; // dense, per bin
};

uint64_t mix(uint64_t z) { // splitmix64's finaliser
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

// A state of the search: which events are placed and the bin's value. A worker's events on a bin
// form one chain (read, write, read, ...), so what is placed is each worker's count of placed
// events; two 64-bit sums over the workers name it (a collision could only prune a state that
// had an order, leaving its bin unexplained, never explain one wrongly).
struct StateKey {
    uint64_t a, b;
    bool operator==(const StateKey&) const = default;
};
struct StateKeyHash {
    size_t operator()(const StateKey& k) const { return size_t(k.a ^ (k.b * 31)); }
};

class Search {
  public:
    Search(const std::vector<const UpdateAccess*>& u, uint64_t finalValue, uint64_t slackNs)
        : m_u(u), m_final(finalValue) {
        // The updates of each worker in program order (read times), then their events.
        std::vector<int> idx(u.size());
        for (size_t i = 0; i < u.size(); ++i)
            idx[i] = int(i);
        std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) {
            if (u[size_t(a)]->worker != u[size_t(b)]->worker)
                return u[size_t(a)]->worker < u[size_t(b)]->worker;
            return u[size_t(a)]->readNs < u[size_t(b)]->readNs;
        });
        std::vector<Ev> evs;
        int workers = 0;
        for (size_t k = 0; k < idx.size(); ++k) {
            const UpdateAccess& a = *u[size_t(idx[k])];
            const uint64_t lo = a.readNs > slackNs ? a.readNs - slackNs : 0;
            const uint64_t hi = a.writeNs + slackNs;
            const bool sameWorker = k > 0 && u[size_t(idx[k - 1])]->worker == a.worker;
            if (!sameWorker) ++workers;
            evs.push_back(
                {lo, hi, idx[k], false, sameWorker ? int(evs.size()) - 1 : -1, workers - 1});
            evs.push_back({lo, hi, idx[k], true, int(evs.size()) - 1, workers - 1});
        }
        m_count.assign(size_t(workers), 0);
        // By earliest time; `before` renumbered to the sorted positions.
        std::vector<int> order(evs.size());
        for (size_t i = 0; i < evs.size(); ++i)
            order[i] = int(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return evs[size_t(a)].lo < evs[size_t(b)].lo; });
        std::vector<int> at(evs.size());
        for (size_t i = 0; i < order.size(); ++i)
            at[size_t(order[i])] = int(i);
        for (int o : order) {
            Ev e = evs[size_t(o)];
            if (e.before >= 0) e.before = at[size_t(e.before)];
            m_ev.push_back(e);
        }
        m_placed.assign(m_ev.size(), false);
        const int n = int(m_ev.size());
        m_next.resize(size_t(n) + 1);
        m_prev.resize(size_t(n) + 1);
        for (int i = 0; i <= n; ++i) {
            m_next[size_t(i)] = i == n ? 0 : i + 1;
            m_prev[size_t(i)] = i == 0 ? n : i - 1;
        }
        if (n == 0) m_next[0] = m_prev[0] = 0;
    }

    // The events in a consistent order, or nothing (gaveUp(): the budget ran out first).
    // `budget`: back-tracks allowed, decreased by those made.
    std::optional<std::vector<int>> run(uint64_t& budget) {
        struct Choice {
            std::vector<int> options;
            size_t taken = 0;
            uint64_t value = 0;
        };
        std::vector<Choice> stack;
        std::vector<int> placedOrder;
        uint64_t value = 0;
        while (placedOrder.size() < m_ev.size() || value != m_final) {
            std::vector<int> options;
            if (placedOrder.size() < m_ev.size() && !m_dead.count(key(value)))
                options = candidates(value);
            if (!options.empty()) {
                stack.push_back({std::move(options), 0, value});
                place(stack.back().options[0], value, placedOrder);
                continue;
            }
            // A dead end (or a complete order ending at the wrong value): undo to the last
            // choice with an alternative left.
            for (;;) {
                if (stack.empty()) return std::nullopt;
                if (budget == 0) {
                    m_gaveUp = true;
                    return std::nullopt;
                }
                --budget;
                Choice& c = stack.back();
                unplace(placedOrder);
                value = c.value;
                if (++c.taken < c.options.size()) {
                    place(c.options[c.taken], value, placedOrder);
                    break;
                }
                // Every way on from here failed: so will every later path that comes back to
                // this state. Remembering it turns the search from exponential in how often
                // the workers collided into one visit per state (the budget counts the rest).
                m_dead.insert(key(value));
                stack.pop_back();
            }
        }
        return placedOrder;
    }

    const Ev& event(int i) const { return m_ev[size_t(i)]; }
    bool gaveUp() const { return m_gaveUp; }

  private:
    // Placeable now: not placed, its predecessor placed, starting no later than the earliest
    // end of any unplaced event (nothing can be put before an event that surely came first),
    // and a read only when the bin holds what it read. Tried in the order of their logged times
    // (a read at its read's, a write at its write's; a read first on a tie): among the orders
    // the values allow, the first found is the one the clocks tell, so a lost write drawn on
    // the time axis comes before the write that overwrote it. Reads first regardless, as
    // before, found orders that the picture contradicted when two writes wrote the same value.
    std::vector<int> candidates(uint64_t value) {
        const int end = int(m_ev.size());
        uint64_t horizon = std::numeric_limits<uint64_t>::max();
        for (int i = m_next[size_t(end)]; i != end && m_ev[size_t(i)].lo <= horizon;
             i = m_next[size_t(i)])
            horizon = std::min(horizon, m_ev[size_t(i)].hi);
        std::vector<int> options;
        for (int i = m_next[size_t(end)]; i != end && m_ev[size_t(i)].lo <= horizon;
             i = m_next[size_t(i)]) {
            const Ev& e = m_ev[size_t(i)];
            if (e.before >= 0 && !m_placed[size_t(e.before)]) continue;
            if (e.write || m_u[size_t(e.update)]->readValue == value) options.push_back(i);
        }
        auto at = [this](int i) {
            const Ev& e = m_ev[size_t(i)];
            const UpdateAccess& u = *m_u[size_t(e.update)];
            return std::pair(e.write ? u.writeNs : u.readNs, e.write);
        };
        std::stable_sort(options.begin(), options.end(),
                         [&](int a, int b) { return at(a) < at(b); });
        return options;
    }
    // The unplaced events stay linked in time order (dancing links: placing unlinks, undoing
    // in reverse relinks), so a long update (its worker preempted between read and write) that
    // stays unplaced for thousands of steps costs no rescan of what was placed after it.
    void place(int i, uint64_t& value, std::vector<int>& order) {
        count(m_ev[size_t(i)].worker, +1);
        m_placed[size_t(i)] = true;
        m_next[size_t(m_prev[size_t(i)])] = m_next[size_t(i)];
        m_prev[size_t(m_next[size_t(i)])] = m_prev[size_t(i)];
        order.push_back(i);
        if (m_ev[size_t(i)].write) value = m_u[size_t(m_ev[size_t(i)].update)]->readValue + 1;
    }
    void unplace(std::vector<int>& order) {
        const int i = order.back();
        order.pop_back();
        count(m_ev[size_t(i)].worker, -1);
        m_placed[size_t(i)] = false;
        m_next[size_t(m_prev[size_t(i)])] = i;
        m_prev[size_t(m_next[size_t(i)])] = i;
    }

    void count(int worker, int step) {
        uint32_t& c = m_count[size_t(worker)];
        const uint64_t id = uint64_t(uint32_t(worker)) << 32;
        m_keyA -= mix(id | c);
        m_keyB -= mix((id | c) ^ 0x5851f42d4c957f2dull);
        c = uint32_t(int64_t(c) + step);
        m_keyA += mix(id | c);
        m_keyB += mix((id | c) ^ 0x5851f42d4c957f2dull);
    }
    StateKey key(uint64_t value) const {
        return {m_keyA ^ mix(value + 0x9e3779b97f4a7c15ull), m_keyB ^ mix(~value)};
    }

    const std::vector<const UpdateAccess*>& m_u;
    const uint64_t m_final;
    std::vector<uint32_t> m_count; // placed events per worker
    uint64_t m_keyA = 0, m_keyB = 0;
    std::unordered_set<StateKey, StateKeyHash> m_dead;
    bool m_gaveUp = false;
    std::vector<Ev> m_ev;
    std::vector<bool> m_placed;
    std::vector<int> m_next, m_prev; // over events, with the sentinel at index size()
};

// Write p did not see the writes ordered after its source and before it: it is the overwriter
// of those that have none yet (the first such p). Each position is assigned once: "next
// unassigned" pointers with path halving keep it linear.
void findOverwriters(BinOrder& b) {
    const size_t n = b.writes.size();
    b.overwriter.assign(n, -1);
    b.overwrote.assign(n, 0);
    std::vector<size_t> next(n + 1);
    for (size_t i = 0; i <= n; ++i)
        next[i] = i;
    auto find = [&](size_t i) {
        while (next[i] != i)
            i = next[i] = next[next[i]];
        return i;
    };
    for (size_t p = 0; p < n; ++p) {
        for (size_t l = find(size_t(b.source[p] + 1)); l < p; l = find(l + 1)) {
            if (!b.survived[l]) {
                b.overwriter[l] = int(p);
                ++b.overwrote[p];
            }
            next[l] = l + 1;
        }
    }
}

} // namespace

BinOrder orderBin(std::vector<const UpdateAccess*> updates, uint64_t finalValue, Attempt attempt,
                  uint64_t& budget) {
    BinOrder b;
    b.finalValue = finalValue;
    Search search(updates, finalValue, attempt.slackNs);
    uint64_t mine = std::min(budget, attempt.backtracks);
    const uint64_t given = mine;
    const auto order = search.run(mine);
    budget -= given - mine;
    b.gaveUp = search.gaveUp();
    if (!order) return b;
    b.slackNs = attempt.slackNs;
    // Writes in placed order; each read saw the write placed last before it.
    std::vector<int> posOf(updates.size(), -1), sourceOf(updates.size(), -1);
    int lastWrite = -1;
    for (int i : *order) {
        const Ev& e = search.event(i);
        if (e.write) {
            posOf[size_t(e.update)] = int(b.writes.size());
            b.writes.push_back(updates[size_t(e.update)]);
            b.source.push_back(sourceOf[size_t(e.update)]);
            lastWrite = int(b.writes.size()) - 1;
        } else {
            sourceOf[size_t(e.update)] = lastWrite;
        }
    }
    // The chain of survivors: from the last write back through what each one read.
    b.survived.assign(b.writes.size(), false);
    uint64_t chain = 0;
    for (int p = int(b.writes.size()) - 1; p >= 0; p = b.source[size_t(p)]) {
        b.survived[size_t(p)] = true;
        ++chain;
    }
    b.consistent = chain == finalValue;
    b.lost = b.writes.size() - chain;
    findOverwriters(b);
    return b;
}

} // namespace shm::collision_order
