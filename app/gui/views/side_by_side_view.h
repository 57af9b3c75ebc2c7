#pragma once
// Runs side by side: one column per run of the SideBySideModel, each headed with its label and
// key figure and showing the same view (progress, array, lock timeline or contention: a combo
// box picks which) through models of its own, at the scales every column shares (the same
// axes ranges, the same time axis from the release, the same worker colours).
#include <QList>
#include <QWidget>

class ArrayModel;
class ArrayView;
class ContentionModel;
class ContentionView;
class LockEventsModel;
class LockTimeline;
class ProgressModel;
class ProgressView;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QSlider;
class QStackedWidget;
class SideBySideModel;

class SideBySideView : public QWidget {
    Q_OBJECT
  public:
    explicit SideBySideView(SideBySideModel* model, QWidget* parent = nullptr);
    ~SideBySideView() override;

    // "progress", "array", "timeline" or "contention" (false for another name).
    bool setView(const QString& name);
    QString view() const;
    static const QStringList& viewNames();

    int columnCount() const { return int(m_columns.size()); }
    QString columnHeader(int i) const;
    // Column i's widget of the shown view (tests compare their axes).
    ArrayView* arrayView(int i) const;
    LockTimeline* timeline(int i) const;
    ContentionView* contentionView(int i) const;
    ProgressView* progressView(int i) const;
    const ProgressModel* progressModel(int i) const;
    const LockEventsModel* lockEventsModel(int i) const;

    // The shared time slider: every recorded column as it was tNs after its run's release
    // (a run that had ended by then, as it ended); at the slider's end, every run's end.
    // Columns of runs played live before their recording arrived stay at their end.
    void showAt(double tNs);
    double shownAtNs() const { return m_atNs; }
    static constexpr int kSliderSteps = 1000;

    // Every column has all it will draw (a histogram's expected bins come from a thread).
    bool settled() const { return m_settled; }
    static constexpr int kSettleMs = 50;

  signals:
    void backRequested();

  protected:
    void showEvent(QShowEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

  private:
    struct Column;
    void rebuild(); // the model's runs changed
    void refreshColumns();
    void shareScales();
    void updateSlider();

    SideBySideModel* m_model;
    QComboBox* m_choice;
    QLabel* m_caption;
    QHBoxLayout* m_row;
    QSlider* m_slider;
    QLabel* m_timeLabel;
    double m_atNs = -1; // -1: every run's end
    QList<Column*> m_columns;
    bool m_refreshQueued = false;
    bool m_settled = false;
};
