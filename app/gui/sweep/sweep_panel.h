#pragma once
// The Sweep panel (a tab beside Controls and Lessons): which setting to vary over which values,
// optionally a second one for a grid, runs per point; Run / Stop, "run n of m" with an ETA, and
// the results' exports. The base of every point is what Controls shows, at full speed.
// A view of SweepSession: it reads the session and asks it to start or stop, nothing else.
#include "analysis/sweep.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SweepSession;

class SweepPanel : public QWidget {
    Q_OBJECT
  public:
    explicit SweepPanel(const SweepSession& session, QWidget* parent = nullptr);

    // The plan over `base` from the fields, or an error naming the field.
    std::optional<shm::SweepPlan> plan(const shm::ExperimentConfig& base, QString* error) const;
    // Presets the fields (from --sweep/--repeat on the command line).
    void setAxes(const std::vector<shm::SweepAxis>& axes, uint32_t repeat);

  signals:
    void runRequested();
    void stopRequested();
    void resultsRequested();
    void exportRequested(); // CSV of the points

  private:
    void refresh();
    void suggestValues(int axis);

    const SweepSession& m_session;
    QComboBox* m_setting[2];
    QLineEdit* m_values[2];
    QSpinBox* m_repeat;
    QPushButton* m_run;
    QPushButton* m_results;
    QPushButton* m_export;
    QLabel* m_progress;
};
