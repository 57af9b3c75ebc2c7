#pragma once
// --record FILE for the headless paths (a run, a lesson, a sweep): the file's writer and the
// recorder feeding it, made before anything runs (a path that cannot be written fails at
// once, exit 2), and finished after the last run (everything queued written; if the file
// stopped being written, e.g. a full disk, one line on stderr says when and why: the runs and
// their reports went on, and what was committed stays readable).
#include "record/recording_file.h"
#include "record/run_recorder.h"

#include <QString>

#include <memory>
#include <mutex>

class RunController;

// A new recording's own facts: this build's version, this host, its cores, now (UTC).
shm::RecordingInfo newRecordingInfo();

class RecordingSession {
  public:
    // nullptr and *error ("--record FILE: why") when the file cannot be created.
    static std::unique_ptr<RecordingSession> open(const QString& path, QString* error);
    ~RecordingSession();

    shm::RunRecorder& recorder() { return *m_recorder; }
    // A group (the run, a lesson, a sweep) for the runs that follow; its index.
    int beginGroup(const shm::RunGroup& group);
    // A run driven by a RunController directly (the single headless run): begin it once the
    // controller started it, end it once the controller finished.
    void beginRun(RunController& run, const QString& label, int group);
    void endRun(RunController& run);
    // Writes what is queued; false (and a line on stderr) if the file stopped being written.
    bool finish();

  private:
    RecordingSession() = default;
    QString m_path;
    std::unique_ptr<shm::RecordingWriter> m_writer;
    std::unique_ptr<shm::RunRecorder> m_recorder;
    int m_groups = 0;
    std::mutex m_mutex;
    double m_stoppedAt = -1; // run seconds when the file stopped (the recorder's thread sets it)
};
