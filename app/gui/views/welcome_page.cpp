#include "gui/views/welcome_page.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePage"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(2);
    auto* column = new QWidget(this);
    column->setMaximumWidth(760);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);

    m_title = new QLabel(tr("Watch processes share one array"), column);
    m_title->setObjectName(QStringLiteral("welcomeTitle"));
    m_title->setWordWrap(true);
    m_intro = new QLabel(
        tr("Every run starts real worker processes that write into one POSIX shared-memory "
           "array. You see what they do while they do it, and what the synchronisation and the "
           "way the work is split cost."),
        column);
    m_intro->setWordWrap(true);
    QGridLayout* views = buildViewsTable(column);
    QGridLayout* begin = buildBeginButtons(column);

    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addLayout(views);
    layout->addSpacing(10);
    layout->addLayout(begin);
    // Centred by stretches, not by alignment: an aligned widget gets its size hint's height,
    // and the wrapped lines below the first would be cut.
    auto* centre = new QHBoxLayout;
    centre->addStretch(1);
    centre->addWidget(column, 6);
    centre->addStretch(1);
    outer->addLayout(centre);
    outer->addStretch(3);
    connect(m_start, &QPushButton::clicked, this, &WelcomePage::startRequested);
    connect(m_lesson, &QPushButton::clicked, this, &WelcomePage::lessonsRequested);
    connect(m_runLesson, &QPushButton::clicked, this, &WelcomePage::runLessonRequested);
    applyFonts();
}

// What the three views show, a name and a line each.
QGridLayout* WelcomePage::buildViewsTable(QWidget* column) {
    // One label per cell: a rich-text table in a word-wrapping QLabel gets its height wrong.
    auto* views = new QGridLayout;
    views->setHorizontalSpacing(16);
    views->setVerticalSpacing(4);
    const std::pair<QString, QString> rows[] = {
        {tr("Workers"), tr("each process: progress, rate, time and CPU")},
        {tr("Shared array"),
         tr("the values as they are written, in the colour of the worker that wrote them")},
        {tr("Lock contention"), tr("who waits for the lock, who holds it, and for how long")}};
    for (const auto& [name, what] : rows) {
        auto* n = new QLabel(name, column);
        auto* w = new QLabel(what, column);
        w->setWordWrap(true);
        const int row = views->rowCount();
        views->addWidget(n, row, 0, Qt::AlignTop);
        views->addWidget(w, row, 1);
        m_viewLabels << n << w;
    }
    views->setColumnStretch(1, 1);
    return views;
}

QGridLayout* WelcomePage::buildBeginButtons(QWidget* column) {
    // Two ways to begin, each button with a line saying what it does.
    auto* begin = new QGridLayout;
    begin->setHorizontalSpacing(16);
    begin->setVerticalSpacing(10);
    m_start = new QPushButton(tr("Start this run (Space)"), column);
    m_start->setObjectName(QStringLiteral("welcomeStartButton"));
    m_start->setToolTip(tr("Start the run the Controls describe."));
    m_start->setDefault(true);
    m_summary = new QLabel(column);
    m_summary->setObjectName(QStringLiteral("welcomeRunSummary"));
    m_summary->setWordWrap(true);
    m_lesson = new QPushButton(tr("Open the lessons (Ctrl+L)"), column);
    m_lesson->setObjectName(QStringLiteral("welcomeLessonButton"));
    m_lesson->setToolTip(tr("Open the Lessons panel: a guided path through every effect, each "
                            "with its story, what to look for and a verdict."));
    m_lessonNote = new QLabel(column);
    m_lessonNote->setObjectName(QStringLiteral("welcomeLessonNote"));
    m_lessonNote->setWordWrap(true);
    m_runLesson = new QPushButton(column);
    m_runLesson->setObjectName(QStringLiteral("welcomeRunLessonButton"));
    m_runLessonNote = new QLabel(column);
    m_runLessonNote->setObjectName(QStringLiteral("welcomeRunLessonNote"));
    m_runLessonNote->setWordWrap(true);
    for (QLabel* l : {m_summary, m_lessonNote, m_runLessonNote})
        l->setForegroundRole(QPalette::PlaceholderText);
    // A row of its own: the button carries the lesson's name, longer than "Start this run".
    auto* runLessonRow = new QHBoxLayout;
    runLessonRow->setSpacing(16);
    runLessonRow->addWidget(m_runLesson, 0, Qt::AlignTop);
    runLessonRow->addWidget(m_runLessonNote, 1);
    begin->addLayout(runLessonRow, 0, 0, 1, 2);
    begin->addWidget(m_start, 1, 0, Qt::AlignTop);
    begin->addWidget(m_summary, 1, 1);
    begin->addWidget(m_lesson, 2, 0, Qt::AlignTop);
    begin->addWidget(m_lessonNote, 2, 1);
    m_runLesson->hide();
    m_runLessonNote->hide();
    begin->setColumnStretch(1, 1);
    return begin;
}

void WelcomePage::setRunSummary(const QString& text) {
    m_summary->setText(tr("%1. Change it in Controls.").arg(text));
}

QString WelcomePage::runSummary() const {
    return m_summary->text();
}

void WelcomePage::setLesson(const QString& title, int count, int runs) {
    m_lessonNote->setText(tr("Next: “%1” — one of %2 lessons, each with a story, what to look "
                             "for and a verdict.")
                              .arg(title)
                              .arg(count));
    // The title up to its colon ("Lost updates: a shared histogram …" → "Lost updates"), so
    // the button stays one short line; the whole title is in the Lessons tab and the tooltip.
    QString name = title.section(QLatin1Char(':'), 0, 0).trimmed();
    if (name.isEmpty()) name = title;
    if (name.size() > 44) name = name.left(42).trimmed() + QStringLiteral("…");
    m_runLesson->setText(tr("Run lesson: %1 (Ctrl+L)").arg(name));
    m_runLesson->setToolTip(tr("Run “%1”: its runs one after the other, then whether its effect "
                               "was seen.")
                                .arg(title));
    m_runLessonNote->setText(tr("Its %1 runs one after the other, then whether the effect was "
                                "seen. Its story and what to look for: the Lessons tab.")
                                 .arg(runs));
}

void WelcomePage::setLessonFirst(bool on) {
    m_lessonFirst = on;
    m_runLesson->setVisible(on);
    m_runLessonNote->setVisible(on);
    // The Lessons tab is in front already: its button would only repeat that.
    m_lesson->setVisible(!on);
    m_lessonNote->setVisible(!on);
    m_runLesson->setDefault(on);
    m_start->setDefault(!on);
}

QString WelcomePage::runLessonText() const {
    return m_runLesson->text();
}

void WelcomePage::applyFonts() {
    // Relative to the inherited font, so presentation mode scales the page too.
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_title->setFont(big);
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_intro->setFont(larger);
    for (QLabel* l : m_viewLabels)
        l->setFont(larger);
    QFont bold = larger;
    bold.setBold(true);
    for (qsizetype i = 0; i < m_viewLabels.size(); i += 2)
        m_viewLabels[i]->setFont(bold);
    m_lesson->setFont(larger);
    m_start->setFont(larger);
    m_runLesson->setFont(bold); // the page's main call to action when shown
}

void WelcomePage::changeEvent(QEvent* e) {
    if (e->type() == QEvent::FontChange) applyFonts();
    QWidget::changeEvent(e);
}
