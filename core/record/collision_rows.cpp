#include "record/collision_rows.h"

#include <algorithm>

namespace shm::recfile {

std::string collisionSchemaSql() {
    return "CREATE TABLE collisions(run_id INTEGER PRIMARY KEY REFERENCES runs(id), "
           "logged INTEGER NOT NULL, off_reason TEXT NOT NULL, log_bytes INTEGER NOT NULL, "
           "updates INTEGER NOT NULL, explained INTEGER NOT NULL, unexplained INTEGER NOT NULL, "
           "overwritten INTEGER NOT NULL, rolled_back INTEGER NOT NULL, "
           "same_read_pairs INTEGER NOT NULL, half_done INTEGER NOT NULL, "
           "clock_slack_ns INTEGER NOT NULL DEFAULT 0, together REAL);"
           "CREATE TABLE collision_reasons(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "seq INTEGER NOT NULL, code TEXT NOT NULL, text TEXT NOT NULL, "
           "count INTEGER NOT NULL);"
           "CREATE TABLE collision_examples(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "seq INTEGER NOT NULL, closest INTEGER NOT NULL, pattern INTEGER NOT NULL, "
           "bin INTEGER NOT NULL, value_before INTEGER NOT NULL, lost INTEGER NOT NULL, "
           "overwriter INTEGER NOT NULL, collider INTEGER NOT NULL, "
           "updates_lost INTEGER NOT NULL);"
           "CREATE TABLE collision_accesses(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "example INTEGER NOT NULL, seq INTEGER NOT NULL, worker INTEGER NOT NULL, "
           "bin INTEGER NOT NULL, read_value INTEGER NOT NULL, read_ns INTEGER NOT NULL, "
           "write_ns INTEGER NOT NULL, written INTEGER NOT NULL, role INTEGER NOT NULL);";
}

namespace {
bool writeExamples(sqlite3* db, std::map<std::string, sqlite3_stmt*>& cache, int64_t runId,
                   const std::vector<CollisionExample>& examples, bool closest, int64_t& seq) {
    for (const CollisionExample& e : examples) {
        Stmt s(db, "INSERT INTO collision_examples VALUES(?,?,?,?,?,?,?,?,?,?)", cache);
        s.integer(runId).integer(seq).integer(closest).integer(int64_t(e.pattern));
        s.integer(e.bin).integer(int64_t(e.valueBefore)).integer(e.lost).integer(e.overwriter);
        s.integer(e.collider).integer(e.updatesLost);
        if (!s.run()) return false;
        for (size_t k = 0; k < e.accesses.size(); ++k) {
            const UpdateAccess& a = e.accesses[k];
            Stmt r(db, "INSERT INTO collision_accesses VALUES(?,?,?,?,?,?,?,?,?,?)", cache);
            r.integer(runId).integer(seq).integer(int64_t(k)).integer(a.worker).integer(a.bin);
            r.integer(int64_t(a.readValue)).integer(int64_t(a.readNs));
            r.integer(int64_t(a.writeNs)).integer(a.written).integer(int64_t(e.roles[k]));
            if (!r.run()) return false;
        }
        ++seq;
    }
    return true;
}
} // namespace

bool writeCollisions(sqlite3* db, std::map<std::string, sqlite3_stmt*>& cache, int64_t runId,
                     const CollisionReport& c) {
    Stmt s(db, "INSERT INTO collisions VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", cache);
    s.integer(runId).integer(c.logged).text(c.offReason).integer(int64_t(c.logBytes));
    s.integer(int64_t(c.updates)).integer(int64_t(c.explained)).integer(int64_t(c.unexplained));
    s.integer(int64_t(c.overwritten)).integer(int64_t(c.rolledBack));
    s.integer(int64_t(c.sameReadPairs)).integer(int64_t(c.halfDone));
    s.integer(int64_t(c.clockSlackNs));
    if (c.together)
        s.real(*c.together);
    else
        s.null();
    if (!s.run()) return false;
    for (size_t k = 0; k < c.reasons.size(); ++k) {
        Stmt r(db, "INSERT INTO collision_reasons VALUES(?,?,?,?,?)", cache);
        r.integer(runId).integer(int64_t(k)).text(c.reasons[k].code).text(c.reasons[k].text);
        r.integer(int64_t(c.reasons[k].count));
        if (!r.run()) return false;
    }
    int64_t seq = 0;
    return writeExamples(db, cache, runId, c.examples, false, seq) &&
           writeExamples(db, cache, runId, c.closest, true, seq);
}

std::optional<CollisionReport> readCollisions(sqlite3* db, int64_t runId) {
    const std::string id = std::to_string(runId);
    const std::string columns = "SELECT logged, off_reason, log_bytes, updates, explained, "
                                "unexplained, overwritten, rolled_back, same_read_pairs, "
                                "half_done";
    const std::string where = " FROM collisions WHERE run_id = " + id;
    // clock_slack_ns and then together came within schema 3 (columns with a default): a file
    // without them is read without them.
    int extra = 2;
    Stmt s = [&] {
        Stmt both(db, columns + ", clock_slack_ns, together" + where);
        if (both.prepared()) return both;
        extra = 1;
        Stmt withSlack(db, columns + ", clock_slack_ns" + where);
        if (withSlack.prepared()) return withSlack;
        extra = 0;
        return Stmt(db, columns + where);
    }();
    if (!s.prepared() || !s.next()) return std::nullopt; // schema 2, or no row
    CollisionReport c;
    c.logged = s.colInt(0) != 0;
    c.offReason = s.colText(1);
    c.logBytes = uint64_t(s.colInt(2));
    c.updates = uint64_t(s.colInt(3));
    c.explained = uint64_t(s.colInt(4));
    c.unexplained = uint64_t(s.colInt(5));
    c.overwritten = uint64_t(s.colInt(6));
    c.rolledBack = uint64_t(s.colInt(7));
    c.sameReadPairs = uint64_t(s.colInt(8));
    c.halfDone = uint64_t(s.colInt(9));
    if (extra >= 1) c.clockSlackNs = uint64_t(s.colInt(10));
    if (extra >= 2 && !s.colNull(11)) c.together = s.colReal(11);
    Stmt r(db, "SELECT code, text, count FROM collision_reasons WHERE run_id = " + id +
                   " ORDER BY seq");
    while (r.next())
        c.reasons.push_back({r.colText(0), r.colText(1), uint64_t(r.colInt(2))});
    Stmt e(db, "SELECT seq, closest, pattern, bin, value_before, lost, overwriter, collider, "
               "updates_lost FROM collision_examples WHERE run_id = " +
                   id + " ORDER BY seq");
    std::vector<int64_t> seqs;
    std::vector<bool> closest;
    std::vector<CollisionExample> all;
    while (e.next()) {
        CollisionExample x;
        seqs.push_back(e.colInt(0));
        closest.push_back(e.colInt(1) != 0);
        x.pattern = e.colInt(2) == int64_t(CollisionPattern::RolledBack)
                        ? CollisionPattern::RolledBack
                        : CollisionPattern::Overwritten;
        x.bin = uint32_t(e.colInt(3));
        x.valueBefore = uint64_t(e.colInt(4));
        x.lost = int(e.colInt(5));
        x.overwriter = int(e.colInt(6));
        x.collider = int(e.colInt(7));
        x.updatesLost = uint32_t(e.colInt(8));
        all.push_back(std::move(x));
    }
    Stmt a(db, "SELECT example, worker, bin, read_value, read_ns, write_ns, written, role FROM "
               "collision_accesses WHERE run_id = " +
                   id + " ORDER BY example, seq");
    while (a.next()) {
        const int64_t ex = a.colInt(0);
        const auto it = std::find(seqs.begin(), seqs.end(), ex);
        if (it == seqs.end()) continue;
        CollisionExample& x = all[size_t(it - seqs.begin())];
        const int64_t role = a.colInt(7);
        x.accesses.push_back(UpdateAccess{uint32_t(a.colInt(1)), uint32_t(a.colInt(2)),
                                          uint64_t(a.colInt(3)), uint64_t(a.colInt(4)),
                                          uint64_t(a.colInt(5)), a.colInt(6) != 0});
        x.roles.push_back(role >= 0 && role <= int64_t(AccessRole::Other) ? AccessRole(role)
                                                                          : AccessRole::Other);
    }
    for (size_t k = 0; k < all.size(); ++k)
        (closest[k] ? c.closest : c.examples).push_back(std::move(all[k]));
    return c;
}

} // namespace shm::recfile
