#pragma once
// File → Save Recording off the GUI thread: the kept runs (immutable, shared with the views)
// written by one background thread while the window goes on drawing; finished() comes on the
// GUI thread with the outcome. A 27 MB recording takes about a second to write (SQLite, one
// transaction per run), which the window must not freeze for.
#include "record/recorded_run.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <thread>

class RecordingSaver : public QObject {
    Q_OBJECT
  public:
    struct Run {
        std::shared_ptr<const shm::RecordedRun> run;
        shm::RunGroup group; // what it belongs to (a live run's is {"run"})
    };

    explicit RecordingSaver(QObject* parent = nullptr);
    // Waits for a write under way: the file is finished rather than left cut short.
    ~RecordingSaver() override;

    // Starts writing `runs` (in this order) to path; false while another write is under way.
    bool save(const QString& path, QList<Run> runs);
    bool busy() const { return m_busy; }

    // The groups a file needs for `runs`: each distinct group once, in order of first use, and
    // each run's index into them.
    static std::vector<shm::RunGroup> groupsOf(const QList<Run>& runs, std::vector<int>* index);

  signals:
    // error: "" when every run was written; else writeRecording's one line naming the file.
    void finished(const QString& path, int runs, const QString& error);

  private:
    std::thread m_thread;
    bool m_busy = false;
};
