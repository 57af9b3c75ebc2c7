#include "record/recording_file.h"

#include "record/collision_rows.h"
#include "record/recording_schema.h"

#include <sqlite3.h>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <sys/stat.h>

namespace shm {

static_assert(std::endian::native == std::endian::little,
              "BLOBs are stored little-endian (docs/recording.md): add byte swapping first");

using namespace recfile;

// ---------------------------------------------------------------------------------------------
// Writer

struct RecordingWriter::State {
    std::map<std::string, sqlite3_stmt*> statements; // by SQL text: prepared once, reused
    std::map<int64_t, uint64_t> base;                // run id -> the releaseNs its times use
    std::string error;
    ~State() {
        for (auto& [sql, s] : statements)
            sqlite3_finalize(s);
    }
};

RecordingWriter::RecordingWriter() : m_state(std::make_unique<State>()) {}

RecordingWriter::~RecordingWriter() {
    m_state.reset(); // statements first: sqlite3_close refuses while any is open
    if (m_db) sqlite3_close(m_db);
}

const std::string& RecordingWriter::error() const {
    return m_state->error;
}

bool RecordingWriter::fail(const std::string& what, std::string* error) {
    if (!m_failed) {
        const int code = m_db ? sqlite3_extended_errcode(m_db) & 0xff : SQLITE_ERROR;
        const std::string why = m_db ? sqlite3_errmsg(m_db) : what;
        m_state->error =
            m_path + ": recording stopped: " +
            (code == SQLITE_FULL ? "disk full (" + why + ")" : what + " failed (" + why + ")");
        m_failed = true;
        if (m_db && !sqlite3_get_autocommit(m_db))
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    if (error) *error = m_state->error;
    return false;
}

namespace {

bool execSql(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace

std::unique_ptr<RecordingWriter>
RecordingWriter::create(const std::string& path, const RecordingInfo& info, std::string* error) {
    auto fail = [&](const std::string& why) -> std::unique_ptr<RecordingWriter> {
        if (error) *error = "cannot create " + path + ": " + why;
        return nullptr;
    };
    for (const std::string& p : {path, path + "-journal"})
        if (std::remove(p.c_str()) != 0 && errno != ENOENT) return fail(std::strerror(errno));
    std::unique_ptr<RecordingWriter> w(new RecordingWriter());
    w->m_path = path;
    if (sqlite3_open_v2(path.c_str(), &w->m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK)
        return fail(w->m_db ? sqlite3_errmsg(w->m_db) : "out of memory");
    sqlite3_busy_timeout(w->m_db, 250);
    // A rollback journal, not WAL: a finished recording is one file, and a read-only copy
    // opens without -wal/-shm files beside it. NORMAL: a power cut may lose the last
    // transaction, never the file.
    const std::string schema = "PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE; "
                               "PRAGMA synchronous = NORMAL; BEGIN; " +
                               schemaSql() + collisionSchemaSql() +
                               "PRAGMA user_version = " + std::to_string(kRecordingSchemaVersion) +
                               "; COMMIT;";
    if (!execSql(w->m_db, schema.c_str())) return fail(sqlite3_errmsg(w->m_db));
    Stmt s(w->m_db, "INSERT INTO recording(app_version, host, cores, created) VALUES(?,?,?,?)");
    s.text(info.appVersion).text(info.host).integer(info.cores).text(info.created);
    if (!s.run()) return fail(sqlite3_errmsg(w->m_db));
    return w;
}

void RecordingWriter::limitBytes(uint64_t bytes) {
    const std::string sql = "PRAGMA max_page_count = " + std::to_string(bytes / 4096);
    execSql(m_db, sql.c_str());
}

bool RecordingWriter::addGroup(const RunGroup& group, int* groupIndex, std::string* error) {
    if (m_failed) return fail("", error);
    sqlite3_stmt* count = nullptr;
    int index = 0;
    if (sqlite3_prepare_v2(m_db, "SELECT count(*) FROM groups", -1, &count, nullptr) == SQLITE_OK &&
        sqlite3_step(count) == SQLITE_ROW)
        index = sqlite3_column_int(count, 0);
    sqlite3_finalize(count);
    Stmt s(m_db, "INSERT INTO groups(id, kind, name, definition_json) VALUES(?,?,?,?)");
    s.integer(index).text(group.kind).text(group.name).text(group.definitionJson);
    if (!s.run()) return fail("adding a group", error);
    if (groupIndex) *groupIndex = index;
    return true;
}

bool RecordingWriter::beginRun(const RecordedRun& header, int64_t* runId, std::string* error) {
    if (m_failed) return fail("", error);
    if (!execSql(m_db, "BEGIN IMMEDIATE")) return fail("beginning a run", error);
    {
        Stmt s(m_db, "INSERT INTO runs(label, group_id, release_ns, complete) VALUES(?,?,?,0)");
        s.text(header.label).integer(header.groupIndex).integer(int64_t(header.releaseNs));
        if (!s.run()) return fail("beginning a run", error);
    }
    const int64_t id = sqlite3_last_insert_rowid(m_db);
    for (const SettingRow& row : kSettings) {
        Stmt s(m_db, "INSERT INTO settings(run_id, name, value) VALUES(?,?,?)");
        s.integer(id).text(row.name).text(settingText(row, header.config));
        if (!s.run()) return fail("beginning a run", error);
    }
    if (!execSql(m_db, "COMMIT")) return fail("beginning a run", error);
    m_state->base[id] = header.releaseNs;
    if (runId) *runId = id;
    return true;
}

namespace {

// The rows of `delta`, every time relative to base.
bool appendRows(sqlite3* db, int64_t runId, uint64_t base, const RecordedRun& delta,
                std::map<std::string, sqlite3_stmt*>& cache) {
    const std::string sampleSql = insertSql("samples", "run_id, t_ns", workerColumns());
    for (size_t w = 0; w < delta.samples.size(); ++w)
        for (const WorkerSample& ws : delta.samples[w]) {
            Stmt s(db, sampleSql, cache);
            s.integer(runId).integer(relative(ws.atNs, base));
            bindWorker(s, ws.record, base);
            if (!s.run()) return false;
        }
    const std::string runSampleSql = insertSql(
        "run_samples", "run_id, t_ns, phase, paused_ns, cursor, stop_requested, failed, ended",
        queueColumns());
    for (const RunSample& rs : delta.runSamples) {
        Stmt s(db, runSampleSql, cache);
        s.integer(runId).integer(relative(rs.atNs, base)).text(nameOf(rs.phase));
        s.integer(int64_t(rs.pausedNs)).integer(int64_t(rs.cursor)).integer(rs.stopRequested);
        s.integer(rs.failed).integer(rs.ended);
        bindQueue(s, rs.queue, base);
        if (!s.run()) return false;
    }
    for (size_t w = 0; w < delta.intervals.size(); ++w) {
        const WorkerIntervals& wi = delta.intervals[w];
        for (const auto* list : {&wi.holds, &wi.waits})
            for (const LockInterval& i : *list)
                if (!insertInterval(db, cache, runId, base, int(w),
                                    list == &wi.holds ? "hold" : "wait", i, false))
                    return false;
    }
    for (const ArrayFrame& f : delta.frames) {
        Stmt s(db,
               "INSERT INTO frames(run_id, t_ns, count, values_f64, owners_u8, columns_bin) "
               "VALUES(?,?,?,?,?,?)",
               cache);
        s.integer(runId).integer(relative(f.atNs, base)).integer(int64_t(f.count));
        const std::vector<uint8_t> columns = packColumns(f.columns);
        s.blob(f.values.data(), f.values.size() * sizeof(double));
        s.blob(f.owners.data(), f.owners.size());
        s.blob(columns.data(), columns.size());
        if (!s.run()) return false;
    }
    for (const RunMark& m : delta.marks) {
        Stmt s(db, "INSERT INTO marks(run_id, t_ns, kind, worker, detail) VALUES(?,?,?,?,?)",
               cache);
        s.integer(runId).integer(relative(m.atNs, base)).text(nameOf(m.kind));
        s.integer(m.worker).text(m.detail);
        if (!s.run()) return false;
    }
    Stmt s(db,
           "UPDATE runs SET sample_workers = max(sample_workers, ?), "
           "interval_workers = max(interval_workers, ?), end_ns = coalesce(?, end_ns), "
           "dropped_events = max(dropped_events, ?), "
           "trimmed_intervals = max(trimmed_intervals, ?) WHERE id = ?",
           cache);
    s.integer(int64_t(delta.samples.size())).integer(int64_t(delta.intervals.size()));
    s.time(delta.endNs, base).integer(int64_t(delta.droppedEvents));
    s.integer(int64_t(delta.trimmedIntervals)).integer(runId);
    return s.run();
}

} // namespace

bool RecordingWriter::append(int64_t runId, const RecordedRun& delta, std::string* error) {
    if (m_failed) return fail("", error);
    if (!execSql(m_db, "BEGIN IMMEDIATE")) return fail("writing", error);
    uint64_t& base = m_state->base[runId];
    // The barrier opened since the run began: rows written before it used base 0 (absolute
    // times); shift them onto the run's one time base.
    if (base == 0 && delta.releaseNs != 0) {
        if (!rebaseRun(m_db, runId, delta.releaseNs)) return fail("writing", error);
        base = delta.releaseNs;
    }
    if (!appendRows(m_db, runId, base, delta, m_state->statements)) return fail("writing", error);
    if (!execSql(m_db, "COMMIT")) return fail("writing", error);
    return true;
}

bool RecordingWriter::endRun(int64_t runId, const RecordedRun& run, std::string* error) {
    return endRunAs(runId, run, true, error);
}

bool RecordingWriter::endRunAs(int64_t runId, const RecordedRun& run, bool complete,
                               std::string* error) {
    if (m_failed) return fail("", error);
    if (!execSql(m_db, "BEGIN IMMEDIATE")) return fail("ending a run", error);
    uint64_t& base = m_state->base[runId];
    if (base == 0 && run.releaseNs != 0) {
        if (!rebaseRun(m_db, runId, run.releaseNs)) return fail("ending a run", error);
        base = run.releaseNs;
    }
    auto& cache = m_state->statements;
    for (size_t w = 0; w < run.intervals.size(); ++w) {
        const WorkerIntervals& wi = run.intervals[w];
        if (wi.openHold &&
            !insertInterval(m_db, cache, runId, base, int(w), "hold", *wi.openHold, true))
            return fail("ending a run", error);
        if (wi.openWait &&
            !insertInterval(m_db, cache, runId, base, int(w), "wait", *wi.openWait, true))
            return fail("ending a run", error);
    }
    const std::string workerSql = insertSql("workers", "run_id", workerColumns());
    for (const WorkerRecord& w : run.final.workers) {
        Stmt s(m_db, workerSql, cache);
        s.integer(runId);
        bindWorker(s, w, base);
        if (!s.run()) return fail("ending a run", error);
    }
    for (size_t k = 0; k < run.meta.errors.size(); ++k) {
        Stmt s(m_db, "INSERT INTO run_errors(run_id, seq, message) VALUES(?,?,?)", cache);
        s.integer(runId).integer(int64_t(k)).text(run.meta.errors[k]);
        if (!s.run()) return fail("ending a run", error);
    }
    if (!writeCollisions(m_db, cache, runId, run.meta.collisions))
        return fail("ending a run", error);
    if (!updateRunEnd(m_db, cache, runId, base, run, complete)) return fail("ending a run", error);
    if (!execSql(m_db, "COMMIT")) return fail("ending a run", error);
    return true;
}

bool writeRecording(const std::string& path, const Recording& rec, std::string* error) {
    std::vector<RunToWrite> runs;
    runs.reserve(rec.runs.size());
    for (const RecordedRun& run : rec.runs)
        runs.push_back({&run, run.groupIndex});
    return writeRecording(path, rec.info, rec.groups, runs, error);
}

bool writeRecording(const std::string& path, const RecordingInfo& info,
                    const std::vector<RunGroup>& groups, const std::vector<RunToWrite>& runs,
                    std::string* error) {
    auto writer = RecordingWriter::create(path, info, error);
    if (!writer) return false;
    for (const RunGroup& g : groups)
        if (!writer->addGroup(g, nullptr, error)) return false;
    for (const RunToWrite& r : runs) {
        // beginRun reads only the header fields (label, group, time base, settings).
        RecordedRun header;
        header.label = r.run->label;
        header.groupIndex = r.groupIndex;
        header.config = r.run->config;
        header.releaseNs = r.run->releaseNs;
        int64_t id = 0;
        if (!writer->beginRun(header, &id, error)) return false;
        if (!writer->append(id, *r.run, error)) return false;
        if (!writer->endRunAs(id, *r.run, r.run->complete, error)) return false;
    }
    return true;
}

} // namespace shm
