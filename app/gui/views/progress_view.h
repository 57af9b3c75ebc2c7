#pragma once
// The per-worker table: swatch, pid, state, progress bar, rate, time, CPU, lock wait share;
// the run's compute time, imbalance and CPU beside its heading; when the rows do not all fit
// (256 workers), a line under it counting the workers in each state.
#include <QWidget>

class ProgressModel;
class QLabel;
class QTableView;

class ProgressView : public QWidget {
    Q_OBJECT
  public:
    explicit ProgressView(ProgressModel* model, QWidget* parent = nullptr);
    QTableView* table() const { return m_table; }
    // A row's height: follows the font (presentation mode scales it).
    int rowHeight() const;

  protected:
    void changeEvent(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

  private:
    QTableView* makeTable(ProgressModel* model);
    void fitColumns();
    // The columns' widths to their texts; while runs go on (widenOnly) they only grow.
    void fitSections(bool widenOnly);
    void showTally();

    QTableView* m_table = nullptr;
    bool m_refitOnFirstFrame = false;
    bool m_lockColumn = true;
    QLabel* m_summary;   // the run's compute time, imbalance and CPU, beside the heading
    QLabel* m_tally;     // "256 workers: 254 waiting for lock · 2 running", when rows scroll
    QWidget* m_tallyBox; // m_tally's LayoutFirewall: shown and hidden in its place
    ProgressModel* m_model;
};
