#include "analysis/collisions_json.h"

#include "analysis/report.h"

namespace shm {

std::string_view nameOf(AccessRole r) {
    switch (r) {
    case AccessRole::Lost:
        return "lost";
    case AccessRole::Overwriter:
        return "overwriter";
    case AccessRole::Collider:
        return "collider";
    case AccessRole::Other:
        break;
    }
    return "other";
}

namespace {
std::string str(std::string_view s) {
    return "\"" + jsonEscape(std::string(s)) + "\"";
}
std::string n(uint64_t v) {
    return std::to_string(v);
}
std::string index(int i) {
    return i < 0 ? std::string("null") : std::to_string(i);
}

std::string accessJson(const UpdateAccess& a, AccessRole role) {
    return "{\"worker\":" + n(a.worker) + ",\"bin\":" + n(a.bin) + ",\"read\":" + n(a.readValue) +
           ",\"wrote\":" + (a.written ? n(a.readValue + 1) : "null") +
           ",\"read_ns\":" + n(a.readNs) + ",\"write_ns\":" + (a.written ? n(a.writeNs) : "null") +
           ",\"role\":" + str(nameOf(role)) + "}";
}

std::string examplesJson(const std::vector<CollisionExample>& v, size_t max) {
    std::string s = "[";
    for (size_t i = 0; i < v.size() && i < max; ++i) {
        const CollisionExample& e = v[i];
        s += (i ? ",{" : "{");
        s += "\"pattern\":" + (e.lost < 0 ? std::string("null") : str(nameOf(e.pattern))) +
             ",\"bin\":" + n(e.bin) + ",\"value_before\":" + n(e.valueBefore) +
             ",\"updates_lost\":" + n(e.updatesLost) + ",\"lost\":" + index(e.lost) +
             ",\"overwriter\":" + index(e.overwriter) + ",\"collider\":" + index(e.collider) +
             ",\"text\":" + str(describeCollision(e)) + ",\"accesses\":[";
        for (size_t k = 0; k < e.accesses.size(); ++k)
            s += (k ? "," : "") + accessJson(e.accesses[k], e.roles[k]);
        s += "]}";
    }
    return s + "]";
}
} // namespace

std::string collisionsJson(const CollisionReport& c, size_t maxExamples) {
    if (!c.logged) return "{\"logged\":false,\"reason\":" + str(c.offReason) + "}";
    std::string s =
        "{\"logged\":true,\"reason\":null,\"log_bytes\":" + n(c.logBytes) +
        ",\"updates\":" + n(c.updates) + ",\"explained\":" + n(c.explained) +
        ",\"unexplained\":" + n(c.unexplained) +
        ",\"by_pattern\":{\"overwritten\":" + n(c.overwritten) +
        ",\"rolled_back\":" + n(c.rolledBack) + "},\"same_read_pairs\":" + n(c.sameReadPairs) +
        ",\"half_done\":" + n(c.halfDone) + ",\"clock_slack_ns\":" + n(c.clockSlackNs) +
        ",\"together\":" + (c.together ? jsonNumber(*c.together) : std::string("null")) +
        ",\"unexplained_reasons\":[";
    for (size_t i = 0; i < c.reasons.size(); ++i)
        s += std::string(i ? "," : "") + "{\"code\":" + str(c.reasons[i].code) +
             ",\"text\":" + str(c.reasons[i].text) + ",\"count\":" + n(c.reasons[i].count) + "}";
    return s + "],\"examples\":" + examplesJson(c.examples, maxExamples) +
           ",\"closest\":" + examplesJson(c.closest, maxExamples) + "}";
}

} // namespace shm
