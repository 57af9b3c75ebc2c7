#pragma once
// Help → About This Machine…: the probe's figures (core/probe) in a small table, a sentence
// each saying what it means for the lessons, and Measure Again, which probes on a thread of
// its own so the window never freezes.
#include "probe/machine_figures.h"

#include <QDialog>
#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;
class QThread;

class MachineDialog : public QDialog {
    Q_OBJECT
  public:
    // `runActive`: whether a run's workers are running now (the probe would take their CPUs
    // and they its, so Measure Again waits for the run's end).
    MachineDialog(std::function<bool()> runActive, QWidget* parent = nullptr);
    ~MachineDialog() override;

    void showFigures(const shm::MachineFigures& m);
    bool measuring() const { return m_thread != nullptr; }

  public slots:
    void measureAgain();

  signals:
    void measured();

  private:
    std::function<bool()> m_runActive;
    QLabel* m_headline;
    QTableWidget* m_table;
    QLabel* m_provenance;
    QPushButton* m_measure;
    QThread* m_thread = nullptr;
};
