#include "progress_view.h"

#include "progress_delegate.h"
#include "progress_model.h"
#include "section_heading.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

ProgressView::ProgressView(ProgressModel* model, QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("progressView"));
    auto* layout = sectionLayout(this, tr("Workers"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("progressTable"));
    m_table->setModel(model);
    m_table->setItemDelegateForColumn(ProgressModel::ProgressCol, new ProgressDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(rowHeight());
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* h = m_table->horizontalHeader();
    h->setHighlightSections(false);
    // Every column but the bar fits its text (the state column widens only when a worker
    // crashes, so a 1024-px window keeps room for the bar); the bar takes what is left.
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ProgressModel::ProgressCol, QHeaderView::Stretch);
    h->setMinimumSectionSize(40);
    m_table->setToolTip(tr("One row per worker process; hover the column headers for details."));
    layout->addWidget(m_table);
}

int ProgressView::rowHeight() const {
    return fontMetrics().height() + 11; // 28 px at the default 9-pt DejaVu Sans
}

void ProgressView::changeEvent(QEvent* e) {
    if (e->type() == QEvent::FontChange)
        m_table->verticalHeader()->setDefaultSectionSize(rowHeight());
    QWidget::changeEvent(e);
}
