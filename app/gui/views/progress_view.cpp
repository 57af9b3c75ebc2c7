#include "gui/views/progress_view.h"

#include "gui/common/format.h"
#include "gui/common/layout_firewall.h"
#include "gui/models/progress_model.h"
#include "gui/views/progress_delegate.h"
#include "gui/views/section_heading.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

ProgressView::ProgressView(ProgressModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("progressView"));
    auto* layout = sectionLayout(this, tr("Workers"));
    // The run's figures on the heading's line: compute time, imbalance and CPU, as the report
    // names them, so nobody has to add up the columns.
    auto* heading = qobject_cast<QLabel*>(layout->itemAt(0)->widget());
    layout->removeWidget(heading);
    // The heading line and the tally each sit behind a LayoutFirewall: their texts change every
    // frame, and each change relaid out the whole view, table included (~0.3 ms a frame).
    auto* headRow = new QWidget(this);
    auto* top = new QHBoxLayout(headRow);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(heading);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_summary->setToolTip(
        tr("<p><b>compute</b>: start barrier to the last worker's end, pauses excluded (the "
           "report's compute_seconds).</p><p><b>imbalance</b>: the slowest worker's time over "
           "the mean (1.00 = perfectly even; 2 = one worker took twice the average).</p>"
           "<p><b>CPU</b>: all workers' CPU time together. Above compute x workers' share of "
           "the cores, workers spun; far below, they slept or waited for a core.</p>"));
    top->addWidget(m_summary, 1);
    layout->insertWidget(0, new LayoutFirewall(headRow, this));
    m_tally = new QLabel(this);
    m_tally->setObjectName(QStringLiteral("workerTally"));
    m_tally->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_tally->setToolTip(tr("How many workers are in each state, most first: the table shows "
                           "only some of the rows at a time."));
    m_tallyBox = new LayoutFirewall(m_tally, this);
    m_tallyBox->hide();
    layout->insertWidget(1, m_tallyBox);
    connect(model, &ProgressModel::summaryChanged, this, [this, model] {
        showTally();
        const ProgressModel::Summary& s = model->summary();
        if (m_lockColumn != s.lockTaken) {
            m_lockColumn = s.lockTaken;
            fitColumns();
        }
        m_summary->setText(
            !s.measured ? QString()
                        : tr("compute <b>%1</b> &nbsp;·&nbsp; imbalance <b>%2</b> &nbsp;·&nbsp; "
                             "CPU <b>%3</b>")
                              .arg(format::duration(s.computeSeconds * 1e9),
                                   QString::number(s.imbalance, 'f', 2),
                                   format::duration(s.cpuSeconds * 1e9)));
    });
    m_table = makeTable(model);
    m_table->setToolTip(tr("One row per worker process; hover the column headers for details."));
    layout->addWidget(m_table);
    // Once per run the columns fit its first frame (a wide text of an earlier run, a crash,
    // goes), then only widen.
    connect(model, &ProgressModel::runStarted, this, [this] { m_refitOnFirstFrame = true; });
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_refitOnFirstFrame && !m_model->summary().states.empty()) {
            // A new run gets back the columns an earlier one's long texts made give way.
            m_refitOnFirstFrame = false;
            fitColumns();
        } else {
            fitSections(true);
        }
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { fitSections(true); });
    connect(model, &QAbstractItemModel::modelReset, this, &ProgressView::fitColumns);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ProgressView::fitColumns);
}

namespace {
// The columns that give way in a narrow table, first to last.
constexpr ProgressModel::Column kGiveWay[] = {ProgressModel::RateCol, ProgressModel::PidCol,
                                              ProgressModel::CpuCol, ProgressModel::TimeCol};
} // namespace

void ProgressView::fitColumns() {
    // Without a lock the Lock wait column would say "no lock" on every row. In a narrow window
    // the Rate, PID, CPU and Time columns give way in turn, so the progress bars keep ~90 px.
    QHeaderView* h = m_table->horizontalHeader();
    h->setSectionHidden(ProgressModel::WaitCol, !m_lockColumn);
    for (int col : kGiveWay)
        h->setSectionHidden(col, false);
    fitSections(false);
}

void ProgressView::fitSections(bool widenOnly) {
    // What ResizeToContents computed: the widest of the header and the rows on screen.
    QHeaderView* h = m_table->horizontalHeader();
    const QAbstractItemView* view = m_table;
    // Narrowed only when much would go (a crash's long state): each resize repaints the table
    // once more after the frame (a timer of QTableView's), and fitting to the pixel did so ~3
    // times a run, the time and CPU columns narrowing to a new run's first texts ("0 ns") and
    // widening again a frame later.
    constexpr int kNarrowBy = 24;
    for (int c = 0; c < ProgressModel::ColumnCount; ++c) {
        if (c == ProgressModel::ProgressCol || h->isSectionHidden(c)) continue;
        const int w = std::max(view->sizeHintForColumn(c), h->sectionSizeHint(c));
        const int now = h->sectionSize(c);
        if (w > now || (!widenOnly && now - w > kNarrowBy)) h->resizeSection(c, w);
    }
    // Bars narrower than ~90 px (a narrow window, a crash's long state): the Rate, PID, CPU and
    // Time columns give way in turn (fitColumns shows them again). At 1024x700 a killed
    // holder's "crashed (signal 9), held lock" took the bars to ~50 px and pushed Lock wait out
    // of sight behind a scroll bar while only Rate and PID could go.
    for (int col : kGiveWay) {
        int fixed = 0;
        for (int c = 0; c < ProgressModel::ColumnCount; ++c)
            if (c != ProgressModel::ProgressCol && !h->isSectionHidden(c))
                fixed += h->sectionSize(c);
        if (m_table->viewport()->width() - fixed >= 90) break;
        h->setSectionHidden(col, true);
    }
}

void ProgressView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    fitColumns();
    showTally();
}

void ProgressView::showTally() {
    const auto& states = m_model->summary().states;
    const int rows = m_model->rowCount();
    // A new run's blank rows have no states until its first frame: the line stays as it was
    // rather than go and come back, which resized the table (and relaid it out) every run.
    if (states.empty() && rows > 0) return;
    // The table's room with the tally line hidden, so showing it does not flip it back.
    const int room =
        m_table->viewport()->height() + (m_tallyBox->isHidden() ? 0 : m_tallyBox->height());
    const bool scrolls = rows * rowHeight() > room;
    m_tallyBox->setVisible(scrolls && !states.empty());
    if (m_tallyBox->isHidden()) return;
    QStringList parts;
    for (const auto& [state, count] : states)
        parts << tr("%1 %2", "a count of workers, then their state: 254 waiting for lock")
                     .arg(count)
                     .arg(state);
    // Elided rather than cut mid-letter when long states meet a narrow window (1024x700 after a
    // killed holder: "… · 1 crashed (signal 9), held loc").
    const QString text =
        tr("%1 workers:").arg(rows) + QLatin1Char(' ') + parts.join(QStringLiteral(" · "));
    m_tally->setText(
        m_tally->fontMetrics().elidedText(text, Qt::ElideRight, m_tallyBox->width() - 2));
}

QTableView* ProgressView::makeTable(ProgressModel* model) {
    auto* table = new QTableView(this);
    table->setObjectName(QStringLiteral("progressTable"));
    table->setModel(model);
    table->setItemDelegateForColumn(ProgressModel::ProgressCol, new ProgressDelegate(table));
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(rowHeight());
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* h = table->horizontalHeader();
    h->setHighlightSections(false);
    // Every column but the bar fits its text (the state column widens only when a worker
    // crashes, so a 1024-px window keeps room for the bar); the bar takes what is left.
    // The columns only widen during a run (fitSections), fitting again (narrowing by 24 px or
    // more) at each run's first frame and when the window, font or number of workers changes:
    // fitted to every frame's texts (ResizeToContents) they moved as rates and states changed,
    // and each move repainted the whole table from a timer of QTableView's after the frame
    // (1.8 ms each, ~6 per run of 64 workers; an event timer around QApplication::notify).
    // Fixed: set by the view only (a border the user dragged would jump back at the next frame).
    h->setSectionResizeMode(QHeaderView::Fixed);
    h->setSectionResizeMode(ProgressModel::ProgressCol, QHeaderView::Stretch);
    // Fit to the rows on screen (and the header), not all of them: laying out the text of 64
    // rows in each column was 7 % of the GUI thread's CPU with 64 workers. A row scrolled into
    // view widens its column if it needs to.
    h->setResizeContentsPrecision(0);
    h->setMinimumSectionSize(40);
    return table;
}

int ProgressView::rowHeight() const {
    return fontMetrics().height() + 11; // 28 px at the default 9-pt DejaVu Sans
}

void ProgressView::changeEvent(QEvent* e) {
    if (e->type() == QEvent::FontChange) {
        m_table->verticalHeader()->setDefaultSectionSize(rowHeight());
        fitColumns();
    }
    QWidget::changeEvent(e);
}
