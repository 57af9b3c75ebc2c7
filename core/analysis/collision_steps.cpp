// An example's accesses as the steps the Collision view walks through, and its one-line story.
#include "analysis/collisions.h"

#include <algorithm>

namespace shm {

std::string_view nameOf(CollisionPattern p) {
    return p == CollisionPattern::RolledBack ? "rolled_back" : "overwritten";
}

std::vector<CollisionStep> collisionSteps(const CollisionExample& e) {
    std::vector<CollisionStep> steps;
    for (size_t i = 0; i < e.accesses.size(); ++i) {
        const UpdateAccess& a = e.accesses[i];
        steps.push_back({int(i), false, a.readNs, a.readValue, 0, false});
        // A half-done update's write is unknown: no step for it (the view marks it).
        if (a.written)
            steps.push_back(
                {int(i), true, a.writeNs, a.readValue + 1, 0, e.roles[i] == AccessRole::Lost});
    }
    // Reads before writes at one time: a read timed at t saw what was there before t.
    std::stable_sort(steps.begin(), steps.end(),
                     [](const CollisionStep& x, const CollisionStep& y) {
                         if (x.tNs != y.tNs) return x.tNs < y.tNs;
                         return !x.write && y.write;
                     });
    // Except a read of exactly what a write at the same time wrote: the clock could not part
    // them (atomics read and write in one instruction, under one stamp), and the value says the
    // write came first. Without this the view showed "w0 reads 395" beside "bin 0 = 394".
    for (size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].write) continue;
        for (size_t j = i + 1; j < steps.size() && steps[j].tNs == steps[i].tNs; ++j)
            if (steps[j].write && steps[j].value == steps[i].value) {
                std::rotate(steps.begin() + std::ptrdiff_t(i), steps.begin() + std::ptrdiff_t(j),
                            steps.begin() + std::ptrdiff_t(j) + 1);
                break;
            }
    }
    uint64_t bin = e.valueBefore;
    for (CollisionStep& s : steps) {
        if (s.write) bin = s.value;
        s.binAfter = bin;
    }
    return steps;
}

namespace {
std::string plusNs(uint64_t t, uint64_t origin) {
    return "+" + std::to_string(t - std::min(t, origin)) + " ns";
}
std::string who(const UpdateAccess& a) {
    return "w" + std::to_string(a.worker);
}
} // namespace

std::string describeCollision(const CollisionExample& e) {
    if (e.accesses.empty()) return {};
    // Times from the first access the story names (a lost update's names only the colliding
    // ones).
    uint64_t origin = e.accesses.front().readNs;
    if (e.lost >= 0) {
        origin = UINT64_MAX;
        for (size_t i = 0; i < e.accesses.size(); ++i)
            if (e.roles[i] != AccessRole::Other) origin = std::min(origin, e.accesses[i].readNs);
    }
    std::string s;
    for (const CollisionStep& st : collisionSteps(e)) {
        const UpdateAccess& a = e.accesses[size_t(st.access)];
        const AccessRole role = e.roles[size_t(st.access)];
        // A lost update's story names only the colliding updates; a near miss names all.
        if (role == AccessRole::Other && e.lost >= 0) continue;
        if (!s.empty()) s += ", ";
        s += who(a) + (st.write ? " wrote " : " read ") + std::to_string(st.value) + " at " +
             plusNs(st.tNs, origin);
    }
    if (e.lost < 0) return s + ": nothing lost";
    const UpdateAccess& lost = e.accesses[size_t(e.lost)];
    if (e.pattern == CollisionPattern::RolledBack && e.overwriter >= 0) {
        const UpdateAccess& o = e.accesses[size_t(e.overwriter)];
        return s + ": " + who(o) + "'s stale write rolled bin " + std::to_string(e.bin) +
               " back over " + std::to_string(e.updatesLost) +
               (e.updatesLost == 1 ? " update" : " updates") + ", " + who(lost) + "'s among them";
    }
    return s + ": " + who(lost) + "'s update was overwritten";
}

} // namespace shm
