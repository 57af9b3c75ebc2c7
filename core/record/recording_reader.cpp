// readRecording: checks the file before trusting it (a recording, not damaged, a schema this
// build reads), then reads every run. Every problem is one line naming the file.
#include "model/flat_json.h"
#include "record/collision_rows.h"
#include "record/recording_file.h"
#include "record/recording_schema.h"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>
#include <string_view>
#include <sys/stat.h>

namespace shm {

using namespace recfile;

namespace {

// A number or string the stored report holds under `key` (its first occurrence): the figures
// without a column of their own come back this way. Nothing for null or a missing key (a file
// written before the figure existed).
std::optional<double> storedNumber(const std::string& json, std::string_view key) {
    const std::optional<FlatValue> v = valueAfter(json, key);
    const double* d = v ? std::get_if<double>(&*v) : nullptr;
    if (!d || !std::isfinite(*d)) return std::nullopt;
    return *d;
}
std::optional<std::string> storedString(const std::string& json, std::string_view key) {
    const std::optional<FlatValue> v = valueAfter(json, key);
    const std::string* text = v ? std::get_if<std::string>(&*v) : nullptr;
    if (!text) return std::nullopt;
    return *text;
}

// The sampler's overlap (a live run's only; no column): as the stored report printed it.
CpuOverlap storedOverlap(const std::string& json) {
    const std::optional<std::string> method = storedString(json, "\"overlap_method\":");
    if (!method) return RunMeta{}.overlap; // a file from before the sampler
    CpuOverlap o;
    o.fraction = storedNumber(json, "\"overlap\":");
    o.resolutionMs = storedNumber(json, "\"overlap_resolution_ms\":");
    o.method = *method;
    return o;
}

struct Problem {
    std::string what;
};

class Reader {
  public:
    Reader(sqlite3* db, const std::string& path) : m_db(db), m_path(path) {}

    // Throws Problem.
    Recording read() {
        checkFile();
        Recording rec;
        {
            Stmt s = query("SELECT app_version, host, cores, created FROM recording");
            if (!s.next()) {
                done(s);
                throw Problem{"not a ShmScope recording (its recording table is empty)"};
            }
            rec.info = {s.colText(0), s.colText(1), uint32_t(s.colInt(2)), s.colText(3), m_version};
        }
        {
            Stmt s = query("SELECT kind, name, definition_json FROM groups ORDER BY id");
            while (s.next())
                rec.groups.push_back({s.colText(0), s.colText(1), s.colText(2)});
            done(s);
        }
        std::vector<int64_t> ids;
        {
            Stmt s = query("SELECT id FROM runs ORDER BY id");
            while (s.next())
                ids.push_back(s.colInt(0));
            done(s);
        }
        for (int64_t id : ids)
            rec.runs.push_back(readRun(id));
        return rec;
    }

  private:
    Stmt query(const std::string& sql) {
        Stmt s(m_db, sql);
        if (!s.prepared()) throw damaged();
        return s;
    }
    // A query that stopped early on an error: the file is damaged (or not ours).
    void done(const Stmt& s) {
        if (s.failed()) throw damaged();
    }
    Problem damaged() const {
        return Problem{"damaged (" + std::string(sqlite3_errmsg(m_db)) + ")"};
    }

    void checkFile() {
        {
            Stmt s(m_db, "PRAGMA user_version");
            if (!s.prepared() || !s.next()) {
                const int code = sqlite3_errcode(m_db);
                if (code == SQLITE_NOTADB)
                    throw Problem{"not a ShmScope recording (not a SQLite database)"};
                throw damaged();
            }
            m_version = int(s.colInt(0));
        }
        if (m_version > kRecordingSchemaVersion)
            throw Problem{"recording schema " + std::to_string(m_version) +
                          " is newer than this ShmScope reads (" +
                          std::to_string(kRecordingSchemaVersion) + ")"};
        {
            Stmt s(m_db, "PRAGMA quick_check");
            if (!s.prepared()) throw damaged();
            if (!s.next()) throw damaged();
            std::string first = s.colText(0);
            // Its report spans lines ("*** in database main ***\nPage 7: ..."): one line.
            for (char& ch : first)
                if (ch == '\n') ch = ' ';
            if (first != "ok") throw Problem{"damaged (PRAGMA quick_check: " + first + ")"};
        }
        for (std::string_view table : requiredTables()) {
            Stmt s(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
            s.text(table);
            if (!s.next()) {
                if (s.failed()) throw damaged();
                throw Problem{"not a ShmScope recording (no table " + std::string(table) + ")"};
            }
        }
        if (m_version < 1) throw Problem{"not a ShmScope recording (schema version 0)"};
    }

    RecordedRun readRun(int64_t id);
    void readConfig(int64_t id, RecordedRun& run);
    void readRunEnd(const Stmt& s, RecordedRun& run);
    void readRows(int64_t id, RecordedRun& run);
    void readMarks(RecordedRun& run, const std::string& where, const std::string& bad);
    void checkRun(int64_t id, const RecordedRun& run);

    sqlite3* m_db;
    const std::string& m_path;
    int m_version = 0;
};

RecordedRun Reader::readRun(int64_t id) {
    RecordedRun run;
    const std::vector<std::string> endCols = runEndColumns();
    Stmt s = query("SELECT label, group_id, release_ns, final_phase IS NOT NULL, " +
                   joined(endCols) + " FROM runs WHERE id = " + std::to_string(id));
    if (!s.next()) throw damaged();
    run.label = s.colText(0);
    run.groupIndex = int(s.colInt(1));
    run.releaseNs = uint64_t(s.colInt(2));
    const bool ended = s.colInt(3) != 0;
    readConfig(id, run);
    readRunEnd(s, run);
    if (ended) {
        Stmt w = query("SELECT " + joined(workerColumnsToRead(m_version)) +
                       " FROM workers WHERE run_id = " + std::to_string(id) + " ORDER BY rowid");
        bool ok = true;
        while (w.next())
            run.final.workers.push_back(readWorker(w, 0, run.releaseNs, &ok));
        done(w);
        if (!ok) throw Problem{"run " + run.label + ": a worker's state is not one ShmScope knows"};
        Stmt e = query("SELECT message FROM run_errors WHERE run_id = " + std::to_string(id) +
                       " ORDER BY seq");
        while (e.next())
            run.meta.errors.push_back(e.colText(0));
        done(e);
    }
    readRows(id, run);
    if (!run.reportJson.empty()) {
        // The machine's figures have no columns: the stored report holds them (older files
        // have none, and their reports stay as they were printed).
        if (auto machine = machineInReport(run.reportJson)) run.meta.machine = *machine;
        // The report is rebuilt from what it was built from; the stored JSON stays the
        // printed one (the --json contract), and the two agree for every run that started.
        // The picture's figure has no column (it is a statistic of the final array, which the
        // file keeps only decimated): it comes back from the stored report.
        run.verified.lag1Autocorrelation =
            storedNumber(run.reportJson, "\"lag1_autocorrelation\":");
        run.meta.overlap = storedOverlap(run.reportJson);
        run.meta.workerScheduling =
            storedString(run.reportJson, "\"worker_scheduling\":").value_or(std::string());
        if (auto c = readCollisions(m_db, id)) run.meta.collisions = std::move(*c);
        run.report = buildReport(run.final, run.verified, run.meta);
        if (toJson(run.report) != run.reportJson) {
            RunReport never = failedToStartReport(run.config, run.meta.version, run.meta.failure,
                                                  run.meta.machine);
            if (toJson(never) == run.reportJson) run.report = std::move(never);
        }
    }
    checkRun(id, run);
    return run;
}

void Reader::readConfig(int64_t id, RecordedRun& run) {
    Stmt s = query("SELECT name, value FROM settings WHERE run_id = " + std::to_string(id));
    while (s.next()) {
        const std::string name = s.colText(0);
        const SettingRow* row = findSetting(name);
        if (!row) continue; // a setting of a later build of the same schema: not ours to apply
        if (const auto why = applySetting(run.config, *row, s.colText(1)))
            throw Problem{"run " + run.label + ": " + *why};
    }
    done(s);
    run.final.config = run.config; // the final snapshot's config is the run's
}

// The runs row's end columns, from column 4 on (readRun's SELECT).
void Reader::readRunEnd(const Stmt& s, RecordedRun& run) {
    const uint64_t base = run.releaseNs;
    int c = 4;
    run.endNs = s.colTime(c++, base);
    run.complete = s.colInt(c++) != 0;
    run.droppedEvents = uint64_t(s.colInt(c++));
    run.trimmedIntervals = uint64_t(s.colInt(c++));
    run.samples.resize(size_t(s.colInt(c++)));
    run.intervals.resize(size_t(s.colInt(c++)));
    run.reportJson = s.colText(c++);
    RunSnapshot& f = run.final;
    if (!s.colNull(c)) {
        const auto phase = phaseFromName(s.colText(c));
        if (!phase) throw Problem{"run " + run.label + ": unknown phase " + s.colText(c)};
        f.phase = *phase;
    }
    ++c;
    f.nowNs = s.colTime(c++, base);
    f.releaseNs = s.colTime(c++, base);
    f.pausedNs = uint64_t(s.colInt(c++));
    f.stopRequested = s.colInt(c++) != 0;
    f.failed = s.colInt(c++) != 0;
    f.ended = s.colInt(c++) != 0;
    f.cursor = uint64_t(s.colInt(c++));
    f.queue = readQueue(s, c, base);
    c += int(queueColumns().size());
    run.verified.mismatches = uint64_t(s.colInt(c++));
    run.verified.unwritten = uint64_t(s.colInt(c++));
    run.verified.lostUpdates = s.colInt(c++);
    RunMeta& m = run.meta;
    m.version = s.colText(c++);
    m.segmentName = s.colText(c++);
    m.segmentBytes = uint64_t(s.colInt(c++));
    m.segmentRemoved = s.colInt(c++) != 0;
    m.wallSeconds = s.colReal(c++);
    m.terminatedBySignal = int(s.colInt(c++));
    m.failure = s.colText(c++);
    m.fault.killed = s.colInt(c++) != 0;
    m.fault.atMs = s.colReal(c++);
    m.workerCommand = s.colText(c++);
    m.mpiLauncherSeconds = s.colReal(c++);
    m.mpiCommand = s.colText(c++);
}

void Reader::readMarks(RecordedRun& run, const std::string& where, const std::string& bad) {
    const uint64_t base = run.releaseNs;
    Stmt s = query("SELECT t_ns, kind, worker, detail FROM marks" + where);
    while (s.next()) {
        const auto kind = markKindFromName(s.colText(1));
        if (!kind) throw Problem{bad + "unknown mark " + s.colText(1)};
        run.marks.push_back({s.colRelTime(0, base), *kind, int32_t(s.colInt(2)), s.colText(3)});
    }
    done(s);
    // Written as they were seen; a run in memory holds them by time (RunBuilder sorts them the
    // same way, stably, at its end).
    std::stable_sort(run.marks.begin(), run.marks.end(),
                     [](const RunMark& a, const RunMark& b) { return a.atNs < b.atNs; });
}

void Reader::readRows(int64_t id, RecordedRun& run) {
    const std::string where = " WHERE run_id = " + std::to_string(id) + " ORDER BY rowid";
    const uint64_t base = run.releaseNs;
    const std::string bad = "run " + run.label + ": ";
    {
        Stmt s = query("SELECT t_ns, " + joined(workerColumnsToRead(m_version)) + " FROM samples" +
                       where);
        bool ok = true;
        while (s.next()) {
            WorkerSample ws{s.colRelTime(0, base), readWorker(s, 1, base, &ok)};
            const size_t w = size_t(s.colInt(1));
            if (w >= run.samples.size()) run.samples.resize(w + 1);
            run.samples[w].push_back(std::move(ws));
        }
        done(s);
        if (!ok) throw Problem{bad + "a worker's state is not one ShmScope knows"};
    }
    {
        Stmt s = query("SELECT t_ns, phase, paused_ns, cursor, stop_requested, failed, ended, " +
                       joined(queueColumns()) + " FROM run_samples" + where);
        while (s.next()) {
            RunSample rs;
            rs.atNs = s.colRelTime(0, base);
            const auto phase = phaseFromName(s.colText(1));
            if (!phase) throw Problem{bad + "unknown phase " + s.colText(1)};
            rs.phase = *phase;
            rs.pausedNs = uint64_t(s.colInt(2));
            rs.cursor = uint64_t(s.colInt(3));
            rs.stopRequested = s.colInt(4) != 0;
            rs.failed = s.colInt(5) != 0;
            rs.ended = s.colInt(6) != 0;
            rs.queue = readQueue(s, 7, base);
            run.runSamples.push_back(rs);
        }
        done(s);
    }
    {
        Stmt s = query("SELECT worker, lock, kind, t0_ns, t1_ns, open FROM intervals" + where);
        while (s.next()) {
            const int64_t w = s.colInt(0);
            if (w < 0 || w >= 65536)
                throw Problem{bad + "an interval of worker " + std::to_string(w)};
            if (size_t(w) >= run.intervals.size()) run.intervals.resize(size_t(w) + 1);
            WorkerIntervals& wi = run.intervals[size_t(w)];
            const LockInterval i{s.colRelTime(3, base), s.colRelTime(4, base),
                                 uint32_t(s.colInt(1))};
            const std::string kind = s.colText(2);
            const bool open = s.colInt(5) != 0;
            if (kind == "hold")
                open ? void(wi.openHold = i) : wi.holds.push_back(i);
            else if (kind == "wait")
                open ? void(wi.openWait = i) : wi.waits.push_back(i);
            // other kinds ("work", "send": MPI ranks) are for later schema users
        }
        done(s);
    }
    {
        Stmt s =
            query("SELECT t_ns, count, values_f64, owners_u8, columns_bin FROM frames" + where);
        while (s.next()) {
            ArrayFrame f;
            f.atNs = s.colRelTime(0, base);
            f.count = uint64_t(s.colInt(1));
            const std::vector<uint8_t> values = s.colBlob(2);
            if (values.size() % sizeof(double) != 0)
                throw Problem{bad + "an array frame's values are cut"};
            f.values.resize(values.size() / sizeof(double));
            if (!values.empty()) std::memcpy(f.values.data(), values.data(), values.size());
            f.owners = s.colBlob(3);
            if (!unpackColumns(s.colBlob(4), &f.columns))
                throw Problem{bad + "an array frame's columns are cut"};
            run.frames.push_back(std::move(f));
        }
        done(s);
    }
    readMarks(run, where, bad);
}

// A complete run that timed its lock acquisitions has their intervals.
void Reader::checkRun(int64_t id, const RecordedRun& run) {
    (void)id;
    if (!run.complete || !run.config.instrument || !run.config.usesLock()) return;
    LockStats lock;
    for (const WorkerRecord& w : run.final.workers)
        lock += w.lock;
    if (lock.acquisitions == 0) return;
    for (const WorkerIntervals& wi : run.intervals)
        if (!wi.holds.empty() || !wi.waits.empty() || wi.openHold || wi.openWait) return;
    throw Problem{"run " + run.label + " has no lock intervals although its report counts " +
                  std::to_string(lock.acquisitions) + " acquisitions"};
}

// What the first bytes say, before SQLite sees the file.
std::optional<std::string> checkHeader(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0)
        return std::string("cannot open (") + std::strerror(errno) + ")";
    if (S_ISDIR(st.st_mode)) return std::string("is a directory");
    if (st.st_size == 0) return std::string("empty file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::string("cannot open (") + std::strerror(errno) + ")";
    char head[16] = {};
    in.read(head, sizeof head);
    if (in.gcount() < 16 || std::memcmp(head, "SQLite format 3", 16) != 0)
        return std::string("not a ShmScope recording (not a SQLite database)");
    return std::nullopt;
}

} // namespace

std::optional<Recording> readRecording(const std::string& path, std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<Recording> {
        if (error) *error = path + ": " + why;
        return std::nullopt;
    };
    if (const auto why = checkHeader(path)) return fail(*why);
    sqlite3* db = nullptr;
    // Read-only: a recording on a read-only medium or with mode 0444 opens, and reading never
    // leaves a journal or changes the file.
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return fail("cannot open (" + why + ")");
    }
    sqlite3_busy_timeout(db, 250); // a writer holding it: fail soon, never hang
    std::optional<Recording> rec;
    try {
        rec = Reader(db, path).read();
    } catch (const Problem& p) {
        sqlite3_close(db);
        return fail(p.what);
    }
    sqlite3_close(db);
    return rec;
}

} // namespace shm
