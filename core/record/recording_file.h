#pragma once
// The recording file: one SQLite database (schema in docs/recording.md, its version in
// PRAGMA user_version), written and read through SQLite's C API. Qt-free.
//
// Writing streams: a run's rows go in as they are recorded, each batch one transaction, so a
// recording cut short (killed app, full disk) keeps everything committed before and stays
// readable. Reading checks the file first and says what is wrong with it in one line.
#include "record/recorded_run.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace shm {

inline constexpr int kRecordingSchemaVersion = 3; // 2: workers' wait/hold_since_ns; 3: collisions

struct RunToWrite; // below, with writeRecording

class RecordingWriter {
  public:
    ~RecordingWriter();
    // Creates (replaces) path, writes the schema and the recording's info. nullptr with
    // *error ("cannot create FILE: why") when it cannot.
    static std::unique_ptr<RecordingWriter> create(const std::string& path,
                                                   const RecordingInfo& info, std::string* error);
    // For tests of a full disk: the file may not grow beyond this many bytes (SQLite's
    // max_page_count): writing past it fails as a full disk does.
    void limitBytes(uint64_t bytes);

    // Each returns false with *error once writing failed (then nothing more is written).
    bool addGroup(const RunGroup& group, int* groupIndex, std::string* error);
    // A run begins: its row (label, group, settings). Returns its id in the file.
    bool beginRun(const RecordedRun& header, int64_t* runId, std::string* error);
    // New rows of the run (every vector of `delta` holds only what was not written before;
    // open intervals are written at endRun), in one transaction.
    bool append(int64_t runId, const RecordedRun& delta, std::string* error);
    // The run ended: its report, final workers, open intervals; marks it complete.
    bool endRun(int64_t runId, const RecordedRun& run, std::string* error);
    const std::string& path() const { return m_path; }
    // The first error ("" while writing works).
    const std::string& error() const;

  private:
    friend bool writeRecording(const std::string&, const RecordingInfo&,
                               const std::vector<RunGroup>&, const std::vector<RunToWrite>&,
                               std::string*);
    struct State; // prepared statements, each run's time base, the first error
    RecordingWriter();
    bool fail(const std::string& what, std::string* error);
    bool endRunAs(int64_t runId, const RecordedRun& run, bool complete, std::string* error);
    sqlite3* m_db = nullptr;
    std::string m_path;
    bool m_failed = false;
    std::unique_ptr<State> m_state;
};

// Writes a whole recording (the window's File > Save Recording): the runs given, as they are.
// A run that was cut short (complete false) stays so in the file.
bool writeRecording(const std::string& path, const Recording& rec, std::string* error);

// The same for runs held elsewhere (the window's kept runs, shared with its views), written
// without copying them: a 500 MB Runs list would otherwise need another 500 MB to be saved.
// groupIndex is the run's index into `groups` (it replaces run->groupIndex).
struct RunToWrite {
    const RecordedRun* run = nullptr;
    int groupIndex = 0;
};
bool writeRecording(const std::string& path, const RecordingInfo& info,
                    const std::vector<RunGroup>& groups, const std::vector<RunToWrite>& runs,
                    std::string* error);

// Reads a recording: info, groups, and every run. A file that is not a recording (not SQLite,
// empty, no such tables), a newer schema, a database that fails PRAGMA quick_check, a run
// whose intervals table is missing: nullopt and *error, one line naming the file and the
// problem. Read-only files open (the file is opened read-only).
std::optional<Recording> readRecording(const std::string& path, std::string* error);

} // namespace shm
