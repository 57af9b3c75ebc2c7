#pragma once
// The Sweep view: with workers swept, speedup against workers — one line per value of the
// other setting, the ideal line, each line's fitted Amdahl curve and a marker at the number of
// cores; otherwise throughput per value as bars (grouped by the second setting). Below, the
// points table. Hovering a point shows its figures. Reads only its SweepModel.
#include <QWidget>

class QCPBarsGroup;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class SweepModel;

class SweepView : public QWidget {
    Q_OBJECT
  public:
    explicit SweepView(SweepModel* model, QWidget* parent = nullptr);
    QCustomPlot* plot() const { return m_plot; }
    QTableView* table() const { return m_table; }
    QString caption() const;

  signals:
    void backRequested(); // to the run views

  protected:
    void changeEvent(QEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

  private:
    void rebuild();
    void fitSplit();
    void plotSpeedup();
    void plotThroughput();
    void onHover(QMouseEvent* e);

    SweepModel* m_model;
    QLabel* m_caption;
    QPushButton* m_back;
    QCustomPlot* m_plot;
    QCPBarsGroup* m_group; // the throughput bars' (one set per value of the second setting)
    QTableView* m_table;
    QSplitter* m_split;
    // Hover: each drawn point's pixel-free coordinates and its point index.
    struct Marker {
        double x, y;
        int point;
    };
    std::vector<Marker> m_markers;
};
