#pragma once
// Every experiment setting as a widget built from its row of shm::kSettings (kind, range,
// tooltips, group, whether it applies), invalid combinations explained inline, and the run
// buttons. Live settings (the delay slider: slow motion) stay enabled during a run.
#include "model/run_data.h"
#include "model/settings.h"

#include <QWidget>

#include <string_view>
#include <vector>

class QGroupBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;
class QSpinBox;

class ControlsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ControlsPanel(QWidget* parent = nullptr);

    void setConfig(const shm::ExperimentConfig& cfg);
    shm::ExperimentConfig config() const;
    void setPhase(shm::Phase phase);
    // A worker of the run is suspended (SIGSTOP): the Continue button is offered.
    void setSuspended(bool any);
    // Every worker has exited and the array is being checked: Stop is offered again (it ends
    // the check; 10^9 elements take seconds).
    void setVerifying(bool verifying);
    // Empty when the settings form a valid experiment.
    QString validationMessage() const;

    // After a font change (presentation mode): the settings' width, so no field is cut.
    void refitWidth();
    // Height the panel needs to show every setting without scrolling, Run box included.
    int unscrolledHeight() const;

    static uint32_t delayForPosition(int position);
    static int positionForDelay(uint32_t us);

  signals:
    void startRequested();
    void pauseResumeRequested();
    void stopRequested();
    void resetRequested();
    void continueRequested(); // SIGCONT the suspended workers
    void pinRequested();      // keep the finished run's report for A/B
    void killRequested(uint32_t worker, shm::KillWhen when, shm::FaultAction action);
    void delayChanged(uint32_t us);
    void configChanged(); // any setting, or which ones apply (after a phase change)

  private:
    // The widget of one row of shm::kSettings.
    struct Field {
        const shm::SettingRow* row = nullptr;
        QWidget* widget = nullptr; // QSpinBox, QDoubleSpinBox, QComboBox, QCheckBox or QSlider
        QLabel* note = nullptr;    // DelaySlider: the delay in words
        uint64_t exact = 0;        // DelaySlider: the value (a flag may give one between stops)
    };

    QGroupBox* buildGroup(std::string_view group);
    QWidget* buildWidget(Field& f, QWidget* parent);
    QWidget* buildDelaySlider(Field& f, QWidget* parent);
    QGroupBox* buildRunBox();
    void connectRunButtons();
    void setFieldValue(Field& f, uint64_t value);
    uint64_t fieldValue(const Field& f) const;
    void settingsChanged();

    std::vector<Field> m_fields; // in table order
    QScrollArea* m_scroll;
    QWidget* m_settings;  // the group boxes, inside m_scroll
    QVBoxLayout* m_below; // the validation message and the Run box, never scrolled
    QLabel* m_problem;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_stop;
    QPushButton* m_reset;
    QPushButton* m_kill;
    QPushButton* m_continue;
    QPushButton* m_pin;
    bool m_suspended = false;
    bool m_verifying = false;
    shm::Phase m_phase = shm::Phase::Idle;
};
