#pragma once
// Every experiment setting as a widget with its range enforced, invalid combinations explained
// inline, and the run buttons. The delay slider stays live during a run (slow motion).
#include "settings.h"
#include "run_data.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

class ControlsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ControlsPanel(QWidget* parent = nullptr);

    void setConfig(const shm::ExperimentConfig& cfg);
    shm::ExperimentConfig config() const;
    void setPhase(shm::Phase phase);
    // Empty when the settings form a valid experiment.
    QString validationMessage() const;

    static uint32_t delayForPosition(int position);
    static int positionForDelay(uint32_t us);

  signals:
    void startRequested();
    void pauseResumeRequested();
    void stopRequested();
    void resetRequested();
    void killRequested(uint32_t worker);
    void delayChanged(uint32_t us);

  private:
    void settingsChanged();
    void updateDelayLabel();

    QSpinBox* m_workers;
    QDoubleSpinBox* m_elements;
    QComboBox* m_workload;
    QSpinBox* m_bins;
    QComboBox* m_partition;
    QSpinBox* m_chunk;
    QComboBox* m_sync;
    QSpinBox* m_stripes;
    QComboBox* m_lockScope;
    QSlider* m_delay;
    QLabel* m_delayLabel;
    QCheckBox* m_instrument;
    QLabel* m_problem;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QPushButton* m_reset;
    QSpinBox* m_killWorker;
    QPushButton* m_kill;
    uint32_t m_delayUs = 0; // exact value (a flag may give one between slider stops)
    shm::Phase m_phase = shm::Phase::Idle;
};
