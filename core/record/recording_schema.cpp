#include "record/recording_schema.h"

#include <sqlite3.h>

#include <bit>
#include <cstring>

namespace shm::recfile {

namespace {

// How a column holds its field: a whole number (uint64 stored bit for bit as SQLite's signed
// INTEGER), a time (relative to the run's releaseNs, NULL for 0), text.
enum class Col : uint8_t { Int, Time, State, Host };

struct WorkerField {
    const char* name;
    Col kind;
    uint64_t (*get)(const WorkerRecord&);
    void (*set)(WorkerRecord&, uint64_t);
};

#define SHM_FIELD(col, kind, member)                                                               \
    WorkerField {                                                                                  \
        col, Col::kind, [](const WorkerRecord& w) { return uint64_t(w.member); },                  \
            [](WorkerRecord& w, uint64_t v) { w.member = decltype(w.member)(v); }                  \
    }

// Every WorkerRecord field, in the tables' column order (docs/recording.md lists them).
const WorkerField kWorkerFields[] = {
    SHM_FIELD("worker", Int, id),
    SHM_FIELD("pid", Int, pid),
    SHM_FIELD("state", State, state),
    SHM_FIELD("processed", Int, processed),
    SHM_FIELD("assigned", Int, assigned),
    SHM_FIELD("heartbeat_ns", Time, heartbeatNs),
    SHM_FIELD("start_ns", Time, startNs),
    SHM_FIELD("done_ns", Time, doneNs),
    SHM_FIELD("paused_ns", Int, pausedNs),
    SHM_FIELD("cpu_ns", Int, cpuNs),
    SHM_FIELD("holding_lock", Int, holdingLock),
    SHM_FIELD("parked", Int, parked),
    SHM_FIELD("wait_since_ns", Time, waitSinceNs), // schema 2
    SHM_FIELD("hold_since_ns", Time, holdSinceNs), // schema 2
    SHM_FIELD("recovered_by", Int, recoveredBy),
    SHM_FIELD("recovered_at_ns", Time, recoveredAtNs),
    SHM_FIELD("queue_messages", Int, queueMessages),
    SHM_FIELD("queue_bytes", Int, queueBytes),
    SHM_FIELD("queue_send_wait_ns", Int, queueSendWaitNs),
    SHM_FIELD("wait_cpu_ns", Int, waitCpuNs),
    SHM_FIELD("mpi_compute_ns", Int, mpiComputeNs),
    SHM_FIELD("mpi_comm_ns", Int, mpiCommNs),
    WorkerField{"host", Col::Host, nullptr, nullptr},
    SHM_FIELD("host_index", Int, hostIndex),
    SHM_FIELD("dropped_events", Int, droppedEvents),
    SHM_FIELD("clamped_events", Int, clampedEvents),
    SHM_FIELD("lock_acquisitions", Int, lock.acquisitions),
    SHM_FIELD("lock_contended", Int, lock.contended),
    SHM_FIELD("lock_wait_ns", Int, lock.waitNs),
    SHM_FIELD("lock_hold_ns", Int, lock.holdNs),
    SHM_FIELD("lock_max_wait_ns", Int, lock.maxWaitNs),
    SHM_FIELD("exited", Int, exited),
    SHM_FIELD("failed_to_start", Int, failedToStart),
    SHM_FIELD("exit_code", Int, exitCode),
    SHM_FIELD("signal", Int, signal),
    SHM_FIELD("terminated_by_us", Int, terminatedByUs),
    SHM_FIELD("died_holding_lock", Int, diedHoldingLock),
    SHM_FIELD("suspended", Int, suspended),
    SHM_FIELD("exit_ns", Time, exitNs),
    SHM_FIELD("external", Int, external),
};
#undef SHM_FIELD

struct QueueField {
    const char* name;
    bool time;
    uint64_t QueueStats::*member;
};
const QueueField kQueueFields[] = {
    {"messages", false, &QueueStats::messages}, {"bytes", false, &QueueStats::bytes},
    {"depth", false, &QueueStats::depth},       {"max_depth", false, &QueueStats::maxDepth},
    {"capacity", false, &QueueStats::capacity}, {"drained_ns", true, &QueueStats::drainedNs},
};

std::string workerColumnDefs() {
    std::string out;
    for (const WorkerField& f : kWorkerFields)
        out += std::string(", ") + f.name +
               (f.kind == Col::State || f.kind == Col::Host ? " TEXT NOT NULL"
                : f.kind == Col::Time                       ? " INTEGER"
                                                            : " INTEGER NOT NULL");
    return out;
}

std::string queueColumnDefs(std::string_view prefix, bool nullable) {
    std::string out = ", " + std::string(prefix) + "active INTEGER" + (nullable ? "" : " NOT NULL");
    for (const QueueField& f : kQueueFields)
        out += ", " + std::string(prefix) + f.name + " INTEGER" +
               (f.time || nullable ? "" : " NOT NULL");
    return out;
}

void putU64(std::vector<uint8_t>& out, uint64_t v) {
    uint8_t b[8];
    std::memcpy(b, &v, 8); // little-endian host (static_assert in recording_file.cpp)
    out.insert(out.end(), b, b + 8);
}
uint64_t getU64(const uint8_t* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

} // namespace

std::string schemaSql() {
    const std::string worker = workerColumnDefs();
    return "CREATE TABLE recording(app_version TEXT NOT NULL, host TEXT NOT NULL, "
           "cores INTEGER NOT NULL, created TEXT NOT NULL);"
           "CREATE TABLE groups(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, "
           "definition_json TEXT NOT NULL);"
           "CREATE TABLE runs(id INTEGER PRIMARY KEY, label TEXT NOT NULL, "
           "group_id INTEGER NOT NULL REFERENCES groups(id), release_ns INTEGER NOT NULL, "
           "end_ns INTEGER, complete INTEGER NOT NULL DEFAULT 0, "
           "dropped_events INTEGER NOT NULL DEFAULT 0, "
           "trimmed_intervals INTEGER NOT NULL DEFAULT 0, "
           "sample_workers INTEGER NOT NULL DEFAULT 0, "
           "interval_workers INTEGER NOT NULL DEFAULT 0, report_json TEXT, "
           "final_phase TEXT, final_now_ns INTEGER, final_release_ns INTEGER, "
           "final_paused_ns INTEGER, final_stop_requested INTEGER, final_failed INTEGER, "
           "final_ended INTEGER, final_cursor INTEGER" +
           queueColumnDefs("final_queue_", true) +
           ", mismatches INTEGER, unwritten INTEGER, lost_updates INTEGER, version TEXT, "
           "segment_name TEXT, segment_bytes INTEGER, segment_removed INTEGER, "
           "wall_seconds REAL, terminated_by_signal INTEGER, failure TEXT, "
           "fault_killed INTEGER, fault_at_ms REAL, worker_command TEXT, "
           "mpi_launcher_seconds REAL, mpi_command TEXT);"
           "CREATE TABLE settings(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(run_id, name));"
           "CREATE TABLE run_errors(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "seq INTEGER NOT NULL, message TEXT NOT NULL, PRIMARY KEY(run_id, seq));"
           "CREATE TABLE workers(run_id INTEGER NOT NULL REFERENCES runs(id)" +
           worker +
           ");"
           "CREATE TABLE samples(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "t_ns INTEGER NOT NULL" +
           worker +
           ");"
           "CREATE INDEX samples_by_time ON samples(run_id, t_ns);"
           "CREATE TABLE run_samples(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "t_ns INTEGER NOT NULL, phase TEXT NOT NULL, paused_ns INTEGER NOT NULL, "
           "cursor INTEGER NOT NULL, stop_requested INTEGER NOT NULL, failed INTEGER NOT NULL, "
           "ended INTEGER NOT NULL" +
           queueColumnDefs("queue_", false) +
           ");"
           "CREATE INDEX run_samples_by_time ON run_samples(run_id, t_ns);"
           "CREATE TABLE intervals(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "worker INTEGER NOT NULL, lock INTEGER NOT NULL, kind TEXT NOT NULL, "
           "t0_ns INTEGER NOT NULL, t1_ns INTEGER NOT NULL, open INTEGER NOT NULL);"
           "CREATE INDEX intervals_by_time ON intervals(run_id, t0_ns);"
           "CREATE TABLE frames(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "t_ns INTEGER NOT NULL, count INTEGER NOT NULL, values_f64 BLOB, owners_u8 BLOB, "
           "columns_bin BLOB);"
           "CREATE INDEX frames_by_time ON frames(run_id, t_ns);"
           "CREATE TABLE marks(run_id INTEGER NOT NULL REFERENCES runs(id), "
           "t_ns INTEGER NOT NULL, kind TEXT NOT NULL, worker INTEGER NOT NULL, "
           "detail TEXT NOT NULL);"
           "CREATE INDEX marks_by_time ON marks(run_id, t_ns);";
}

const std::vector<std::string_view>& requiredTables() {
    static const std::vector<std::string_view> t = {
        "recording", "groups",      "runs",      "settings", "run_errors", "workers",
        "samples",   "run_samples", "intervals", "frames",   "marks"};
    return t;
}

// ---------------------------------------------------------------------------------------------
// Stmt

Stmt::Stmt(sqlite3* db, const std::string& sql, std::map<std::string, sqlite3_stmt*>& cache)
    : m_owned(false) {
    auto it = cache.find(sql);
    if (it == cache.end()) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
            SQLITE_OK) {
            sqlite3_finalize(s);
            m_failed = true;
            return;
        }
        it = cache.emplace(sql, s).first;
    }
    m_stmt = it->second;
}

Stmt::Stmt(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        m_failed = true;
    }
}

Stmt::Stmt(Stmt&& o) noexcept
    : m_stmt(o.m_stmt), m_owned(o.m_owned), m_failed(o.m_failed), m_bind(o.m_bind) {
    o.m_stmt = nullptr;
}

Stmt::~Stmt() {
    if (!m_stmt) return;
    if (m_owned) {
        sqlite3_finalize(m_stmt);
    } else {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Stmt& Stmt::integer(int64_t v) {
    if (m_stmt && sqlite3_bind_int64(m_stmt, ++m_bind, v) != SQLITE_OK) m_failed = true;
    return *this;
}
Stmt& Stmt::real(double v) {
    if (m_stmt && sqlite3_bind_double(m_stmt, ++m_bind, v) != SQLITE_OK) m_failed = true;
    return *this;
}
Stmt& Stmt::text(std::string_view v) {
    if (m_stmt && sqlite3_bind_text64(m_stmt, ++m_bind, v.data(), v.size(), SQLITE_TRANSIENT,
                                      SQLITE_UTF8) != SQLITE_OK)
        m_failed = true;
    return *this;
}
Stmt& Stmt::blob(const void* data, size_t bytes) {
    if (bytes == 0) return null();
    if (m_stmt && sqlite3_bind_blob64(m_stmt, ++m_bind, data, bytes, SQLITE_STATIC) != SQLITE_OK)
        m_failed = true;
    return *this;
}
Stmt& Stmt::null() {
    if (m_stmt && sqlite3_bind_null(m_stmt, ++m_bind) != SQLITE_OK) m_failed = true;
    return *this;
}
Stmt& Stmt::time(uint64_t absNs, uint64_t base) {
    return absNs == 0 ? null() : integer(relative(absNs, base));
}

bool Stmt::run() {
    if (!m_stmt || m_failed) return false;
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bind = 0;
    return rc == SQLITE_DONE;
}

bool Stmt::next() {
    if (!m_stmt || m_failed) return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) m_failed = true;
    return false;
}

bool Stmt::colNull(int col) const {
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
int64_t Stmt::colInt(int col) const {
    return sqlite3_column_int64(m_stmt, col);
}
double Stmt::colReal(int col) const {
    return sqlite3_column_double(m_stmt, col);
}
std::string Stmt::colText(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, col))) : std::string();
}
std::vector<uint8_t> Stmt::colBlob(int col) const {
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(m_stmt, col));
    return p ? std::vector<uint8_t>(p, p + sqlite3_column_bytes(m_stmt, col))
             : std::vector<uint8_t>();
}
uint64_t Stmt::colTime(int col, uint64_t base) const {
    return colNull(col) ? 0 : base + uint64_t(colInt(col));
}
uint64_t Stmt::colRelTime(int col, uint64_t base) const {
    return base + uint64_t(colInt(col));
}

// ---------------------------------------------------------------------------------------------
// Columns

std::vector<std::string> workerColumns() {
    std::vector<std::string> out;
    for (const WorkerField& f : kWorkerFields)
        out.emplace_back(f.name);
    return out;
}

// Schema 1 had no wait_since_ns / hold_since_ns: read as NULL (not waiting, not parked), so an
// older file's open waits count as they did when it was written: not at all.
std::vector<std::string> workerColumnsToRead(int schemaVersion) {
    std::vector<std::string> out = workerColumns();
    if (schemaVersion < 2)
        for (std::string& c : out)
            if (c == "wait_since_ns" || c == "hold_since_ns") c = "NULL";
    return out;
}

std::vector<std::string> queueColumns(std::string_view prefix) {
    std::vector<std::string> out{std::string(prefix) + "active"};
    for (const QueueField& f : kQueueFields)
        out.push_back(std::string(prefix) + f.name);
    return out;
}

std::string joined(const std::vector<std::string>& cols) {
    std::string out;
    for (const std::string& c : cols)
        out += (out.empty() ? "" : ", ") + c;
    return out;
}

std::string insertSql(std::string_view table, std::string_view lead,
                      const std::vector<std::string>& cols) {
    size_t params = cols.size() + 1;
    for (char c : lead)
        params += c == ',';
    std::string q = "?";
    for (size_t i = 1; i < params; ++i)
        q += ",?";
    return "INSERT INTO " + std::string(table) + "(" + std::string(lead) + ", " + joined(cols) +
           ") VALUES(" + q + ")";
}

void bindWorker(Stmt& s, const WorkerRecord& w, uint64_t base) {
    for (const WorkerField& f : kWorkerFields) {
        switch (f.kind) {
        case Col::Int:
            s.integer(int64_t(f.get(w)));
            break;
        case Col::Time:
            s.time(f.get(w), base);
            break;
        case Col::State:
            s.text(toString(w.state));
            break;
        case Col::Host:
            s.text(w.host);
            break;
        }
    }
}

WorkerRecord readWorker(const Stmt& s, int firstCol, uint64_t base, bool* ok) {
    WorkerRecord w;
    int col = firstCol;
    for (const WorkerField& f : kWorkerFields) {
        switch (f.kind) {
        case Col::Int:
            f.set(w, uint64_t(s.colInt(col)));
            break;
        case Col::Time:
            f.set(w, s.colTime(col, base));
            break;
        case Col::State:
            if (const auto st = workerStateFromName(s.colText(col)))
                w.state = *st;
            else
                *ok = false;
            break;
        case Col::Host:
            w.host = s.colText(col);
            break;
        }
        ++col;
    }
    return w;
}

void bindQueue(Stmt& s, const QueueStats& q, uint64_t base) {
    s.integer(q.active);
    for (const QueueField& f : kQueueFields)
        f.time ? s.time(q.*f.member, base) : s.integer(int64_t(q.*f.member));
}

QueueStats readQueue(const Stmt& s, int firstCol, uint64_t base) {
    QueueStats q;
    q.active = s.colInt(firstCol) != 0;
    int col = firstCol + 1;
    for (const QueueField& f : kQueueFields) {
        q.*f.member = f.time ? s.colTime(col, base) : uint64_t(s.colInt(col));
        ++col;
    }
    return q;
}

// Each column: begin u64, end u64, min f64, max f64, written u64, mismatches u64,
// dominantOwner u32, scanned u8; little-endian, packed (kPackedColumnBytes each).
std::vector<uint8_t> packColumns(const std::vector<DecimatedColumn>& columns) {
    std::vector<uint8_t> out;
    out.reserve(columns.size() * kPackedColumnBytes);
    for (const DecimatedColumn& c : columns) {
        putU64(out, c.begin);
        putU64(out, c.end);
        putU64(out, std::bit_cast<uint64_t>(c.min));
        putU64(out, std::bit_cast<uint64_t>(c.max));
        putU64(out, c.written);
        putU64(out, c.mismatches);
        uint8_t b[4];
        std::memcpy(b, &c.dominantOwner, 4);
        out.insert(out.end(), b, b + 4);
        out.push_back(c.scanned ? 1 : 0);
    }
    return out;
}

bool unpackColumns(const std::vector<uint8_t>& bytes, std::vector<DecimatedColumn>* out) {
    if (bytes.size() % kPackedColumnBytes != 0) return false;
    out->clear();
    out->reserve(bytes.size() / kPackedColumnBytes);
    for (size_t at = 0; at < bytes.size(); at += kPackedColumnBytes) {
        const uint8_t* p = bytes.data() + at;
        DecimatedColumn c;
        c.begin = getU64(p);
        c.end = getU64(p + 8);
        c.min = std::bit_cast<double>(getU64(p + 16));
        c.max = std::bit_cast<double>(getU64(p + 24));
        c.written = getU64(p + 32);
        c.mismatches = getU64(p + 40);
        std::memcpy(&c.dominantOwner, p + 48, 4);
        c.scanned = p[52] != 0;
        out->push_back(c);
    }
    return true;
}

bool insertInterval(sqlite3* db, std::map<std::string, sqlite3_stmt*>& cache, int64_t runId,
                    uint64_t base, int worker, std::string_view kind, const LockInterval& i,
                    bool open) {
    Stmt s(db,
           "INSERT INTO intervals(run_id, worker, lock, kind, t0_ns, t1_ns, open) "
           "VALUES(?,?,?,?,?,?,?)",
           cache);
    s.integer(runId).integer(worker).integer(i.lock).text(kind);
    s.integer(relative(i.beginNs, base)).integer(relative(i.endNs, base)).integer(open);
    return s.run();
}

bool rebaseRun(sqlite3* db, int64_t runId, uint64_t releaseNs) {
    std::vector<std::pair<std::string, std::vector<std::string>>> shifts = {
        {"runs", {"end_ns"}},
        {"run_samples", {"t_ns", "queue_drained_ns"}},
        {"intervals", {"t0_ns", "t1_ns"}},
        {"frames", {"t_ns"}},
        {"marks", {"t_ns"}},
    };
    std::vector<std::string> sampleTimes{"t_ns"};
    for (const WorkerField& f : kWorkerFields)
        if (f.kind == Col::Time) sampleTimes.emplace_back(f.name);
    shifts.emplace_back("samples", sampleTimes);
    for (const auto& [table, cols] : shifts) {
        std::string set;
        for (const std::string& c : cols)
            set += (set.empty() ? "" : ", ") + c + " = " + c + " - ?1";
        Stmt s(db, "UPDATE " + table + " SET " + set + " WHERE " +
                       (table == "runs" ? "id" : "run_id") + " = ?2");
        s.integer(int64_t(releaseNs)).integer(runId);
        if (!s.run()) return false;
    }
    Stmt s(db, "UPDATE runs SET release_ns = ? WHERE id = ?");
    s.integer(int64_t(releaseNs)).integer(runId);
    return s.run();
}

std::vector<std::string> runEndColumns() {
    std::vector<std::string> cols = {
        "end_ns",         "complete",         "dropped_events",  "trimmed_intervals",
        "sample_workers", "interval_workers", "report_json",     "final_phase",
        "final_now_ns",   "final_release_ns", "final_paused_ns", "final_stop_requested",
        "final_failed",   "final_ended",      "final_cursor"};
    for (const std::string& q : queueColumns("final_queue_"))
        cols.push_back(q);
    for (const char* c :
         {"mismatches", "unwritten", "lost_updates", "version", "segment_name", "segment_bytes",
          "segment_removed", "wall_seconds", "terminated_by_signal", "failure", "fault_killed",
          "fault_at_ms", "worker_command", "mpi_launcher_seconds", "mpi_command"})
        cols.emplace_back(c);
    return cols;
}

bool updateRunEnd(sqlite3* db, std::map<std::string, sqlite3_stmt*>& cache, int64_t runId,
                  uint64_t base, const RecordedRun& run, bool complete) {
    std::string set;
    for (const std::string& c : runEndColumns())
        set += (set.empty() ? "" : ", ") + c + " = ?";
    Stmt s(db, "UPDATE runs SET " + set + " WHERE id = ?", cache);
    const RunSnapshot& f = run.final;
    s.time(run.endNs, base).integer(complete).integer(int64_t(run.droppedEvents));
    s.integer(int64_t(run.trimmedIntervals)).integer(int64_t(run.samples.size()));
    s.integer(int64_t(run.intervals.size())).text(run.reportJson).text(nameOf(f.phase));
    s.time(f.nowNs, base).time(f.releaseNs, base).integer(int64_t(f.pausedNs));
    s.integer(f.stopRequested).integer(f.failed).integer(f.ended).integer(int64_t(f.cursor));
    bindQueue(s, f.queue, base);
    const VerifyResult& v = run.verified;
    s.integer(int64_t(v.mismatches)).integer(int64_t(v.unwritten)).integer(v.lostUpdates);
    const RunMeta& m = run.meta;
    s.text(m.version).text(m.segmentName).integer(int64_t(m.segmentBytes));
    s.integer(m.segmentRemoved).real(m.wallSeconds).integer(m.terminatedBySignal);
    s.text(m.failure).integer(m.fault.killed).real(m.fault.atMs).text(m.workerCommand);
    s.real(m.mpiLauncherSeconds).text(m.mpiCommand).integer(runId);
    return s.run();
}

std::optional<Phase> phaseFromName(std::string_view name) {
    for (size_t i = 0; i <= size_t(Phase::Finished); ++i)
        if (nameOf(Phase(i)) == name) return Phase(i);
    return std::nullopt;
}

std::optional<WorkerState> workerStateFromName(std::string_view name) {
    for (uint32_t i = 0; i <= kLastWorkerState; ++i)
        if (toString(WorkerState(i)) == name) return WorkerState(i);
    return std::nullopt;
}

} // namespace shm::recfile
