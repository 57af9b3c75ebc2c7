#pragma once
// The runs the side-by-side view compares (2 to 4: a lesson's runs, picked runs), each as it
// ended: its report, its final snapshot (the array still mapped) and its lock activity. Says
// what heads each column (label and key figure) and the scales every column shares.
#include "analysis/report.h"
#include "gui/models/lock_events_model.h"
#include "model/run_data.h"

#include <QList>

#include <memory>

namespace shm {
struct RecordedRun;
}
#include <QObject>
#include <QString>

// One run of the comparison, kept whole when it ended.
struct SideRun {
    QString label;
    shm::RunReport report;
    shm::RunSnapshot final; // holds the run's segment mapped while kept
    LockEventsState locks;
    std::shared_ptr<const shm::RecordedRun> recorded; // set for a recording's run
    // A live run's label in the window's recorder ("run 7"): its recording, which the
    // recorder's thread finishes a moment after the run, is attached when it arrives.
    QString recordLabel;
};

class SideBySideModel : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaxColumns = 4;

    explicit SideBySideModel(QObject* parent = nullptr);

    // The first kMaxColumns of `runs` (their mappings are let go of with the previous ones).
    void setRuns(QList<SideRun> runs);
    void clear();
    const QList<SideRun>& runs() const { return m_runs; }
    int count() const { return int(m_runs.size()); }
    // "A — 1,234 lost updates", "B — verified": the column's heading.
    QString header(int i) const;
    // The figure that tells the runs apart: lost updates, mismatches, unwritten elements, or
    // the verdict, with the compute time.
    static QString keyFigure(const shm::RunReport& r);
    // The longest run's span after its release (ns): the shared time axis.
    double spanNs() const;
    // The recorded run for the column whose recordLabel is run->label (no-op when none):
    // from then on the shared time slider moves that column too.
    void attachRecording(const std::shared_ptr<const shm::RecordedRun>& run);
    bool anyRecorded() const;

  signals:
    void runsChanged();
    void recordingAttached(int column);

  private:
    QList<SideRun> m_runs;
};
