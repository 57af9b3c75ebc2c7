#include "gui/views/collision_view.h"

#include "gui/models/collision_model.h"
#include "gui/views/collision_lanes.h"
#include "gui/views/section_heading.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

CollisionView::CollisionView(CollisionModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    setObjectName(QStringLiteral("collisionView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    auto* top = new QHBoxLayout;
    top->addWidget(new SectionHeading(tr("Collisions up close"), this));
    m_list = new QComboBox(this);
    m_list->setObjectName(QStringLiteral("collisionList"));
    m_list->setModel(m_model);
    // Narrow panes (the window at 1024x700) keep the buttons: the entries are elided.
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(16);
    m_list->setToolTip(tr("The run's lost updates, first by time (or, when none was lost, the two "
                          "updates of one bin by different workers that came closest). Clicking "
                          "a hatched bin in the array picks its first one."));
    top->addWidget(m_list, 1);
    auto button = [this](const QString& text, const QString& tip, const char* name) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    m_prev = button(tr("◀ Step"), tr("The previous access (←)"), "collisionPrev");
    m_next = button(tr("Step ▶"), tr("The next access (→)"), "collisionNext");
    top->addWidget(m_prev);
    top->addWidget(m_next);
    layout->addLayout(top);

    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("collisionStep"));
    m_stepLabel->setWordWrap(true);
    QFont bold;
    bold.setBold(true); // the weight only: the size follows View > Larger Text
    m_stepLabel->setFont(bold);
    layout->addWidget(m_stepLabel);
    m_canvas = new CollisionLanes(m_model, this);
    layout->addWidget(m_canvas, 1);
    m_story = new QLabel(this);
    m_story->setObjectName(QStringLiteral("collisionStory"));
    m_story->setWordWrap(true);
    layout->addWidget(m_story);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("collisionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_summary);

    connect(m_list, &QComboBox::activated, m_model, &CollisionModel::select);
    connect(m_prev, &QToolButton::clicked, this, [this] { m_model->stepBy(-1); });
    connect(m_next, &QToolButton::clicked, this, [this] { m_model->stepBy(+1); });
    // ← / → anywhere in the view (the list included: its entries are picked with the mouse).
    for (auto [key, delta] : {std::pair{Qt::Key_Left, -1}, std::pair{Qt::Key_Right, +1}}) {
        auto* s = new QShortcut(QKeySequence(key), this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, [this, d = delta] { m_model->stepBy(d); });
    }
    connect(m_model, &CollisionModel::changed, this, &CollisionView::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollisionView::refresh);
    refresh();
}

QSize CollisionView::minimumSizeHint() const {
    const QSize canvas = m_canvas->minimumSizeHint();
    return {canvas.width() + 8, canvas.height() + 8 * fontMetrics().height()};
}

QSize CollisionView::sizeHint() const {
    return minimumSizeHint() + QSize(12 * fontMetrics().height(), 4 * fontMetrics().height());
}

void CollisionView::refresh() {
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentIndex(m_model->current());
    }
    const bool have = m_model->example() != nullptr;
    m_list->setEnabled(m_model->rowCount() > 0);
    m_prev->setEnabled(have && m_model->step() > 0);
    m_next->setEnabled(have && m_model->step() + 1 < int(m_model->steps().size()));
    m_stepLabel->setText(m_model->stepText());
    m_stepLabel->setVisible(have);
    m_story->setText(m_model->story());
    m_story->setVisible(have);
    m_summary->setText(m_model->summary());
    m_canvas->update();
}
