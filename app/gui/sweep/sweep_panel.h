#pragma once
// The Sweep panel (a tab beside Controls and Lessons): which setting to vary over which values,
// optionally a second one for a grid, runs per point; Run / Stop, "run n of m" with an ETA, and
// the results' exports. The base of every point is what Controls shows, at full speed.
// A view of the window's sweep RunPlayer and its SweepTally: it reads them and asks for a
// start or a stop, nothing else.
#include "analysis/sweep.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class RunPlayer;
class SweepTally;

class SweepPanel : public QWidget {
    Q_OBJECT
  public:
    SweepPanel(const RunPlayer& player, const SweepTally& tally, QWidget* parent = nullptr);

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

    const RunPlayer& m_player;
    const SweepTally& m_tally;
    QComboBox* m_setting[2];
    QLineEdit* m_values[2];
    QSpinBox* m_repeat;
    QPushButton* m_run;
    QPushButton* m_results;
    QPushButton* m_export;
    QLabel* m_progress;
};
