#pragma once
// The live shared array: value against index, decimated per pixel column straight from the
// mapped segment and coloured by writer, the expected curve as an overlay, mismatches in red,
// horizontal zoom/pan with the mouse, and the partition map underneath. Reads only its
// ArrayModel.
#include <QWidget>

class ArrayColumnsPlottable;
class ArrayModel;
class PartitionStrip;
class QCPBars;
class QCPLayer;
class QCPGraph;
class QCustomPlot;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;

class ArrayView : public QWidget {
    Q_OBJECT
  public:
    explicit ArrayView(ArrayModel* model, QWidget* parent = nullptr);

    // A run starts or ends: axes, legend, partition strip.
    void startRun();
    void runFinished();
    // Pushes the plotted range to the model, lets it rescan (within budgetNs; 0 = all) and
    // redraws what changed.
    void refresh(uint64_t budgetNs);
    void clear();
    void resetZoom();
    // Every run from now on starts zoomed to elements [first, last) (--array-range); {0, 0}:
    // the whole array. Reset zoom still shows the whole array.
    void setStartRange(uint64_t first, uint64_t last);

    QCustomPlot* plot() const { return m_plot; }
    const ArrayModel* model() const { return m_model; }

  signals:
    // The plot was laid out anew and decimated again to its new width (its value axis refit):
    // views that share scales across plots share them again.
    void redecimated();
    // A histogram's bin was clicked (not dragged): the window shows that bin's lost updates.
    void binClicked(int bin);

  protected:
    void changeEvent(QEvent* e) override;

  private:
    QHBoxLayout* buildTopRow();
    void buildPlot();
    void onRangeChanged();
    void updateExpectedCurve();
    void updateInfo();
    void fitValueAxis();
    int plotColumns() const;

    ArrayModel* m_model;
    QLabel* m_info;
    QProgressBar* m_queueFill; // --transport queue only
    QPushButton* m_resetZoom;
    QCustomPlot* m_plot;
    QCPLayer* m_dataLayer;
    ArrayColumnsPlottable* m_columns;
    QCPGraph* m_expected;
    QCPGraph* m_mismatchLegend;
    QCPBars* m_unwrittenLegend;
    PartitionStrip* m_strip;

    bool m_viewDirty = true;
    int m_viewColumns = 0;
    bool m_relayoutQueued = false; // a refresh after the plot laid itself out anew
    uint64_t m_drawnVersion = ~0ull;
    QPoint m_pressAt; // a click is a press and release in one place; else a pan
    uint64_t m_startFirst = 0, m_startLast = 0;
};
