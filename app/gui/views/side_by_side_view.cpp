#include "gui/views/side_by_side_view.h"

#include "record/recorded_run.h"
#include "record/replay.h"

#include "gui/models/array_model.h"
#include "gui/models/contention_model.h"
#include "gui/models/counters_model.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"
#include "gui/models/side_by_side_model.h"
#include "gui/views/array_view.h"
#include "gui/views/contention_view.h"
#include "gui/views/counters_view.h"
#include "gui/views/lock_timeline.h"
#include "gui/views/progress_view.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

// One run's column: its own models, fed the run as it ended, and one of each view over them.
struct SideBySideView::Column {
    QWidget* widget = nullptr;
    QLabel* header = nullptr;
    QStackedWidget* stack = nullptr;
    ProgressModel* progress = nullptr;
    ArrayModel* array = nullptr;
    ContentionModel* contention = nullptr;
    LockEventsModel* locks = nullptr;
    ProgressView* progressView = nullptr;
    ArrayView* arrayView = nullptr;
    CountersModel* counters = nullptr;
    CountersView* countersView = nullptr;
    QStackedWidget* dataStack = nullptr; // the array, or a counters run's cache lines
    LockTimeline* timeline = nullptr;
    ContentionView* contentionView = nullptr;
    shm::RunSnapshot final;
    std::shared_ptr<const shm::RecordedRun> recorded; // a recording's run: its last frame

    Column(const SideRun& run, const QString& title, QWidget* parent) {
        widget = new QWidget(parent);
        widget->setObjectName(QStringLiteral("sideColumn"));
        // Three or four columns share the window's width at 1024x700: each takes its share
        // even below what a view would like (the views clip their captions, never the window).
        widget->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        header = new QLabel(title);
        header->setObjectName(QStringLiteral("sideHeader"));
        header->setAlignment(Qt::AlignCenter);
        header->setWordWrap(true);
        QFont f = header->font();
        f.setBold(true);
        header->setFont(f);
        progress = new ProgressModel(widget);
        array = new ArrayModel(widget);
        contention = new ContentionModel(widget);
        locks = new LockEventsModel(widget);
        progressView = new ProgressView(progress);
        arrayView = new ArrayView(array);
        counters = new CountersModel(widget);
        countersView = new CountersView(counters);
        dataStack = new QStackedWidget;
        dataStack->addWidget(arrayView);
        dataStack->addWidget(countersView);
        timeline = new LockTimeline;
        timeline->setModel(locks);
        contentionView = new ContentionView(contention, locks);
        stack = new QStackedWidget;
        for (QWidget* w :
             std::initializer_list<QWidget*>{progressView, dataStack, timeline, contentionView})
            stack->addWidget(w);
        auto* vl = new QVBoxLayout(widget);
        vl->setContentsMargins(2, 2, 2, 2);
        vl->setSpacing(2);
        vl->addWidget(header);
        vl->addWidget(stack, 1);
        feed(run);
    }

    // Takes what the array model computes aside (a histogram's expected bins); true once it
    // has everything it will draw.
    bool settle() {
        showArray();
        return !array->isHistogram() || array->expectedBinsReady();
    }

    // A live run's array is still mapped; a recorded one's is its last frame (all values, or
    // decimated columns for a large array), as the time slider shows it.
    void showArray() {
        if (!recorded) return array->update(final);
        array->showFrame(final, recorded->frames.empty() ? nullptr : &recorded->frames.back());
        array->runFinished(recorded->report);
    }

    // The run as it was tNs after its release (its end once it had ended; -1: its end).
    void showAt(double tNs) {
        if (!recorded) return;
        if (tNs < 0) return feedEnd();
        const uint64_t at = std::min(recorded->endNs, recorded->releaseNs + uint64_t(tNs));
        const shm::ReplayFrame f = shm::frameAt(recorded, at);
        const shm::RunSnapshot& snap = f.frame.snapshot;
        progress->update(snap);
        contention->update(snap);
        counters->update(snap);
        locks->showReplay(*recorded, snap);
        array->showFrame(snap, f.array);
        if (snap.phase == shm::Phase::Finished) array->runFinished(recorded->report);
    }

    void feedEnd() {
        progress->update(final);
        contention->update(final);
        counters->update(final);
        locks->showReplay(*recorded, final);
        showArray();
    }

    void feed(const SideRun& run) {
        const shm::ExperimentConfig& cfg = run.report.config;
        final = run.final;
        recorded = run.recorded;
        progress->update(run.final);
        contention->update(run.final);
        array->startRun(cfg);
        counters->startRun(cfg);
        counters->update(run.final);
        dataStack->setCurrentWidget(cfg.workload == shm::Workload::Counters
                                        ? static_cast<QWidget*>(countersView)
                                        : arrayView);
        showArray();
        array->runFinished(run.report);
        arrayView->startRun();
        arrayView->runFinished();
        locks->setState(run.locks);
        contentionView->startRun(cfg);
        contentionView->refresh(true);
        timeline->refresh();
    }
};

const QStringList& SideBySideView::viewNames() {
    static const QStringList names{QStringLiteral("progress"), QStringLiteral("array"),
                                   QStringLiteral("timeline"), QStringLiteral("contention")};
    return names;
}

SideBySideView::SideBySideView(SideBySideModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("sideBySideView"));
    auto* title = new QLabel(tr("<b>Side by side</b>"));
    m_choice = new QComboBox;
    m_choice->setObjectName(QStringLiteral("sideViewChoice"));
    m_choice->addItem(tr("Progress"), viewNames()[0]);
    m_choice->addItem(tr("Array"), viewNames()[1]);
    m_choice->addItem(tr("Lock timeline"), viewNames()[2]);
    m_choice->addItem(tr("Contention"), viewNames()[3]);
    m_choice->setCurrentIndex(1);
    m_choice->setToolTip(tr("The view every column shows, at the same scales"));
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("sideCaption"));
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* back = new QPushButton(tr("Back to the run"));
    back->setObjectName(QStringLiteral("sideBackButton"));
    back->setToolTip(tr("The live views of the last run"));
    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_choice);
    top->addWidget(m_caption, 1);
    top->addWidget(back);
    m_row = new QHBoxLayout;
    m_row->setSpacing(6);
    // The shared time slider: every column at the same moment after its start barrier.
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setObjectName(QStringLiteral("sideTimeSlider"));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(kSliderSteps);
    m_timeLabel = new QLabel;
    m_timeLabel->setObjectName(QStringLiteral("sideTimeLabel"));
    m_timeLabel->setMinimumWidth(m_timeLabel->fontMetrics().horizontalAdvance(
        tr("t = %1 s of %2 s").arg(QStringLiteral("000.000"), QStringLiteral("000.000"))));
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        showAt(v >= kSliderSteps ? -1.0 : m_model->spanNs() * v / kSliderSteps);
    });
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Time")));
    bottom->addWidget(m_slider, 1);
    bottom->addWidget(m_timeLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(m_row, 1);
    layout->addLayout(bottom);
    connect(m_choice, &QComboBox::currentIndexChanged, this, [this](int i) {
        for (Column* c : m_columns)
            c->stack->setCurrentIndex(i);
        refreshColumns();
    });
    connect(back, &QPushButton::clicked, this, &SideBySideView::backRequested);
    connect(m_model, &SideBySideModel::runsChanged, this, &SideBySideView::rebuild);
    connect(m_model, &SideBySideModel::recordingAttached, this, [this](int i) {
        if (i < int(m_columns.size())) m_columns[i]->recorded = m_model->runs()[i].recorded;
        updateSlider();
    });
    rebuild();
}

SideBySideView::~SideBySideView() {
    qDeleteAll(m_columns);
}

bool SideBySideView::setView(const QString& name) {
    const int i = int(viewNames().indexOf(name));
    if (i < 0) return false;
    m_choice->setCurrentIndex(i);
    return true;
}

QString SideBySideView::view() const {
    return m_choice->currentData().toString();
}

QString SideBySideView::columnHeader(int i) const {
    return m_columns.at(i)->header->text();
}

ArrayView* SideBySideView::arrayView(int i) const {
    return m_columns.at(i)->arrayView;
}

LockTimeline* SideBySideView::timeline(int i) const {
    return m_columns.at(i)->timeline;
}

ContentionView* SideBySideView::contentionView(int i) const {
    return m_columns.at(i)->contentionView;
}

ProgressView* SideBySideView::progressView(int i) const {
    return m_columns.at(i)->progressView;
}

const ProgressModel* SideBySideView::progressModel(int i) const {
    return m_columns.at(i)->progress;
}

const LockEventsModel* SideBySideView::lockEventsModel(int i) const {
    return m_columns.at(i)->locks;
}

void SideBySideView::rebuild() {
    for (Column* c : m_columns) {
        m_row->removeWidget(c->widget);
        delete c->widget; // its models and views with it
    }
    qDeleteAll(m_columns);
    m_columns.clear();
    m_settled = false;
    for (int i = 0; i < m_model->count(); ++i) {
        auto* c = new Column(m_model->runs()[i], m_model->header(i), this);
        c->stack->setCurrentIndex(m_choice->currentIndex());
        m_row->addWidget(c->widget, 1);
        m_columns << c;
        // Not settled until the scales are shared again (a test, a screenshot wait for it).
        connect(c->arrayView, &ArrayView::redecimated, this, [this] {
            m_settled = false;
            refreshColumns();
        });
    }
    m_caption->setText(m_model->count()
                           ? tr("%n run(s) · the same axes in every column · time from each run's "
                                "start barrier",
                                nullptr, m_model->count())
                           : tr("no runs to compare yet: play a lesson"));
    m_atNs = -1;
    updateSlider();
    refreshColumns();
}

void SideBySideView::showAt(double tNs) {
    m_atNs = tNs;
    for (Column* c : m_columns)
        c->showAt(tNs);
    updateSlider();
    m_settled = false;
    refreshColumns();
}

void SideBySideView::updateSlider() {
    const double span = m_model->spanNs();
    const bool any = m_model->anyRecorded();
    m_slider->setEnabled(any && span > 0);
    m_slider->setToolTip(
        any ? tr("Every run at the same moment after its start barrier (a run that had ended by "
                 "then, as it ended). Arrow keys step, Home / End: the start and the end.")
            : tr("These runs were played live and are shown as they ended; their recordings "
                 "(kept in the Runs tab) arrive a moment later."));
    const QSignalBlocker block(m_slider);
    m_slider->setValue(m_atNs < 0 || span <= 0 ? kSliderSteps
                                               : int(m_atNs / span * kSliderSteps + 0.5));
    const double at = m_atNs < 0 ? span : std::min(m_atNs, span);
    m_timeLabel->setText(
        tr("t = %1 s of %2 s").arg(at / 1e9, 0, 'f', 3).arg(span / 1e9, 0, 'f', 3));
}

void SideBySideView::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    refreshColumns();
}

void SideBySideView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    refreshColumns();
}

void SideBySideView::refreshColumns() {
    // Once the layout has given every column its size: the array view decimates to its width.
    if (m_refreshQueued) return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        bool settled = true;
        for (Column* c : m_columns) {
            settled = c->settle() && settled;
            c->arrayView->refresh(0);
            c->contentionView->refresh(true);
            c->timeline->refresh();
        }
        shareScales();
        m_settled = settled;
        if (!settled) QTimer::singleShot(kSettleMs, this, &SideBySideView::refreshColumns);
    });
}

namespace {

// Every plot's value axis (and with `keys`, its key axis too) on the union of their ranges:
// the columns read against one another.
void shareRanges(const QList<QCustomPlot*>& plots, bool keys) {
    if (plots.size() < 2) return;
    QList<QCPAxis * QCustomPlot::*> axes{&QCustomPlot::yAxis};
    if (keys) axes << &QCustomPlot::xAxis;
    for (QCPAxis* QCustomPlot::*axis : axes) {
        QCPRange all = (plots.front()->*axis)->range();
        for (QCustomPlot* p : plots)
            all.expand((p->*axis)->range());
        for (QCustomPlot* p : plots)
            (p->*axis)->setRange(all);
    }
    for (QCustomPlot* p : plots)
        p->replot();
}

} // namespace

void SideBySideView::shareScales() {
    QList<QCustomPlot*> arrays, bars, hists;
    for (Column* c : m_columns) {
        arrays << c->arrayView->plot();
        bars << c->contentionView->barsPlot();
        hists << c->contentionView->histogramPlot();
        c->timeline->setSpan(0, m_model->spanNs());
        c->contentionView->timeline()->setSpan(0, m_model->spanNs());
    }
    double mostNs = 0;
    for (Column* c : m_columns)
        for (const CountersModel::Counter& k : c->counters->counters())
            mostNs = std::max(mostNs, k.nsPerIncrement);
    for (Column* c : m_columns)
        c->countersView->setScaleNs(mostNs);
    // An array's index axis stays its own (each column shows its whole array; a lesson's runs
    // mostly have one length anyway); the values share one range.
    shareRanges(arrays, false);
    shareRanges(bars, true);
    shareRanges(hists, true);
}
