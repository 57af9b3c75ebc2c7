#pragma once
// The per-worker table: swatch, pid, state, progress bar, rate, lock wait share.
#include <QWidget>

class ProgressModel;
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

  private:
    QTableView* m_table;
};
