#pragma once
// The recording file's schema and the pieces its writer and reader share (internal to
// core/record: recording_file.h is the interface). The schema is documented, table by table,
// in docs/recording.md; a change to it bumps kRecordingSchemaVersion.
//
// One time base: every stored time is signed ns relative to the run's releaseNs. Times that
// a record leaves 0 for "not yet" (a worker's doneNs, exitNs, ...) are stored as NULL.
#include "record/recorded_run.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace shm::recfile {

// Every CREATE statement, each ending in ';'.
std::string schemaSql();
// The tables a recording has (a file lacking one is not a recording).
const std::vector<std::string_view>& requiredTables();

// A prepared statement: from the writer's cache (reused, reset after each run) or owned.
class Stmt {
  public:
    Stmt(sqlite3* db, const std::string& sql, std::map<std::string, sqlite3_stmt*>& cache);
    Stmt(sqlite3* db, const std::string& sql);
    ~Stmt();
    Stmt(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt& operator=(Stmt&&) = delete;

    bool prepared() const { return m_stmt != nullptr; }
    Stmt& integer(int64_t v);
    Stmt& real(double v);
    Stmt& text(std::string_view v);
    Stmt& blob(const void* data, size_t bytes); // NULL when bytes == 0
    Stmt& null();
    Stmt& time(uint64_t absNs, uint64_t base); // NULL for 0 (not set)
    // Steps to the end (an INSERT/UPDATE); false on any error.
    bool run();
    // Reading: true while there is a row; failed() tells an error from the end.
    bool next();
    bool failed() const { return m_failed; }
    bool colNull(int col) const;
    int64_t colInt(int col) const;
    double colReal(int col) const;
    std::string colText(int col) const;
    std::vector<uint8_t> colBlob(int col) const;
    uint64_t colTime(int col, uint64_t base) const;    // NULL: 0
    uint64_t colRelTime(int col, uint64_t base) const; // never NULL: base + value

  private:
    sqlite3_stmt* m_stmt = nullptr;
    bool m_owned = true;
    bool m_failed = false;
    int m_bind = 0;
};

inline int64_t relative(uint64_t absNs, uint64_t base) {
    return int64_t(absNs - base);
}

// The columns that hold a WorkerRecord (the workers and samples tables) and a QueueStats.
std::vector<std::string> workerColumns();
// The same for a SELECT from a file of an older schema: NULL where it has no column yet.
std::vector<std::string> workerColumnsToRead(int schemaVersion);
std::vector<std::string> queueColumns(std::string_view prefix = "queue_");
// "INSERT INTO table(lead, cols...) VALUES(?, ...)"
std::string insertSql(std::string_view table, std::string_view lead,
                      const std::vector<std::string>& cols);
std::string joined(const std::vector<std::string>& cols);
void bindWorker(Stmt& s, const WorkerRecord& w, uint64_t base);
WorkerRecord readWorker(const Stmt& s, int firstCol, uint64_t base, bool* ok);
void bindQueue(Stmt& s, const QueueStats& q, uint64_t base);
QueueStats readQueue(const Stmt& s, int firstCol, uint64_t base);

std::vector<uint8_t> packColumns(const std::vector<DecimatedColumn>& columns);
bool unpackColumns(const std::vector<uint8_t>& bytes, std::vector<DecimatedColumn>* out);
inline constexpr size_t kPackedColumnBytes = 8 + 8 + 8 + 8 + 8 + 8 + 4 + 1;

bool insertInterval(sqlite3* db, std::map<std::string, sqlite3_stmt*>& cache, int64_t runId,
                    uint64_t base, int worker, std::string_view kind, const LockInterval& i,
                    bool open);
// Rows written before the barrier opened used base 0: make them relative to releaseNs.
bool rebaseRun(sqlite3* db, int64_t runId, uint64_t releaseNs);
// The run's end: its final snapshot, verification, meta, report, counts, complete flag.
bool updateRunEnd(sqlite3* db, std::map<std::string, sqlite3_stmt*>& cache, int64_t runId,
                  uint64_t base, const RecordedRun& run, bool complete);
// The runs table's columns updateRunEnd sets, in order (the reader reads them back so).
std::vector<std::string> runEndColumns();

std::optional<Phase> phaseFromName(std::string_view);
std::optional<WorkerState> workerStateFromName(std::string_view);

} // namespace shm::recfile
