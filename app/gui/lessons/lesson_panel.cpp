#include "gui/lessons/lesson_panel.h"

#include "runner/run_controller.h"
#include "runner/run_player.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextFrame>
#include <QTextTable>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

// Short enough for a narrow panel: 1200248 -> "1.2 M", 427256 -> "427 k", 0.0929 -> "0.093".
QString number(const QJsonValue& v) {
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::abs(d) >= 1e6) return QString::number(d / 1e6, 'f', 1) + QStringLiteral(" M");
        if (std::abs(d) >= 1e4) return QString::number(d / 1e3, 'f', 0) + QStringLiteral(" k");
        if (d == std::floor(d)) return QString::number(qint64(d));
        return QString::number(d, 'g', 2);
    }
    if (v.isBool()) return v.toBool() ? LessonPanel::tr("yes") : LessonPanel::tr("no");
    if (v.isString()) return v.toString();
    return QStringLiteral("—");
}

// The figures every run gets a row for (a report path and its label, translated when shown),
// in the table.
struct KeyFigure {
    const char* path;
    const char* label;
};
constexpr KeyFigure kKeyFigures[] = {
    {"status", QT_TRANSLATE_NOOP("LessonPanel", "status")},
    {"compute_seconds", QT_TRANSLATE_NOOP("LessonPanel", "compute s")},
    {"cpu_seconds", QT_TRANSLATE_NOOP("LessonPanel", "CPU s")},
    {"imbalance", QT_TRANSLATE_NOOP("LessonPanel", "imbalance")},
    {"mismatches", QT_TRANSLATE_NOOP("LessonPanel", "mismatches")},
    {"unwritten", QT_TRANSLATE_NOOP("LessonPanel", "unwritten")},
    {"lost_updates", QT_TRANSLATE_NOOP("LessonPanel", "lost updates")},
    {"lock.contended", QT_TRANSLATE_NOOP("LessonPanel", "contended")},
    {"cpu_waiting_seconds", QT_TRANSLATE_NOOP("LessonPanel", "CPU waiting s")},
};

// A button tests and style sheets find by its object name.
QPushButton* namedButton(const QString& text, const char* name, const QString& tip) {
    auto* b = new QPushButton(text);
    b->setObjectName(QLatin1String(name));
    b->setToolTip(tip);
    return b;
}

} // namespace

LessonPanel::LessonPanel(RunPlayer& player, const QList<Lesson>& lessons, QWidget* parent)
    : QWidget(parent), m_player(player), m_lessons(lessons) {
    setObjectName(QStringLiteral("lessonPanel"));
    m_choice = new QComboBox;
    m_choice->setObjectName(QStringLiteral("lessonChoice"));
    m_choice->setToolTip(tr("The lesson: each shows one effect with real runs."));
    for (int i = 0; i < m_lessons.size(); ++i)
        m_choice->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(m_lessons[i].title),
                          m_lessons[i].id);
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(16);
    m_prev = namedButton(tr("◀"), "previousLessonButton", tr("Previous lesson (Ctrl+PgUp)"));
    m_next = namedButton(tr("▶"), "nextLessonButton", tr("Next lesson (Ctrl+PgDown)"));
    for (QPushButton* b : {m_prev, m_next})
        b->setFixedWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("◀")) * 3);
    auto* top = new QHBoxLayout;
    top->addWidget(m_prev);
    top->addWidget(m_choice, 1);
    top->addWidget(m_next);
    m_story = new QTextBrowser;
    m_story->setObjectName(QStringLiteral("lessonStory"));
    m_story->setOpenLinks(false);
    m_run = namedButton(tr("Run lesson"), "runLessonButton",
                        tr("Run the lesson's runs one after the other, then say whether the "
                           "effect was seen (Ctrl+L)"));
    m_nextRun =
        namedButton(tr("Next run ▶"), "nextRunButton", tr("Start the lesson's next run (N)"));
    m_pauseEach = new QCheckBox(tr("Pause after each run"));
    m_pauseEach->setObjectName(QStringLiteral("pauseAfterEachRun"));
    m_pauseEach->setToolTip(tr("After each run the lesson waits for Next run (N), so each run "
                               "can be looked at as long as needed"));
    m_pauseEach->setChecked(m_player.waitForNext());
    m_progress = new QLabel;
    m_progress->setObjectName(QStringLiteral("lessonProgress"));
    m_progress->setWordWrap(true);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_nextRun);
    runRow->addWidget(m_progress, 1);
    m_results = new QTextBrowser;
    m_results->setObjectName(QStringLiteral("lessonResults"));
    m_results->setOpenLinks(false);

    auto* split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    split->addWidget(m_story);
    split->addWidget(m_results);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addLayout(runRow);
    layout->addWidget(m_pauseEach);
    layout->addWidget(split, 1);

    connect(m_choice, &QComboBox::currentIndexChanged, this, &LessonPanel::onChosen);
    connect(m_prev, &QPushButton::clicked, this, &LessonPanel::previous);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::next);
    connect(m_nextRun, &QPushButton::clicked, this, &LessonPanel::nextRun);
    connect(m_pauseEach, &QCheckBox::toggled, this, [this](bool on) {
        m_player.setWaitForNext(on);
        refresh();
    });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (m_player.playing())
            emit stopRequested();
        else
            emit runRequested();
    });
    connectPlayer();
    // The first lesson, ready to run: a new user's Open the lessons (or Ctrl+L) starts there.
    if (m_lessons.isEmpty())
        m_choice->setCurrentIndex(-1);
    else
        onChosen(0);
    refresh();
}

void LessonPanel::connectPlayer() {
    // Connected before anyone else's: the outcome is up to date when others hear of a run.
    connect(&m_player, &RunPlayer::runFinished, this, [this](const FinishedRun& run) {
        m_outcome.reports.append(labelledReport(run.report, run.label));
    });
    connect(&m_player, &RunPlayer::finished, this, [this] { m_outcome.judge(m_lesson); });
    connect(&m_player, &RunPlayer::failed, this, [this](int index, const QString& error) {
        m_outcome.error = tr("run %1 could not start: %2").arg(m_lesson.runs[index].label, error);
    });
    connect(&m_player, &RunPlayer::changed, this, &LessonPanel::refresh);
}

void LessonPanel::setLesson(const Lesson& lesson) {
    m_player.stop();
    m_lesson = lesson;
    m_outcome = {};
    refresh();
}

bool LessonPanel::play(QString* error) {
    if (!hasLesson() || m_player.playing() || m_player.controller().isActive()) return false;
    m_outcome = {};
    return m_player.play(lessonRuns(m_lesson), error);
}

void LessonPanel::addLessons(const QList<Lesson>& lessons) {
    for (const Lesson& l : lessons) {
        const int i = m_choice->findData(l.id);
        if (i < 0) {
            m_lessons.append(l);
            m_choice->addItem(QStringLiteral("%1. %2").arg(m_lessons.size()).arg(l.title), l.id);
            continue;
        }
        m_lessons[i] = l;
        m_choice->setItemText(i, QStringLiteral("%1. %2").arg(i + 1).arg(l.title));
        if (m_lesson.id == l.id) setLesson(l);
    }
}

bool LessonPanel::selectLesson(const QString& id) {
    const int i = m_choice->findData(id);
    if (i < 0) return false;
    if (i == m_choice->currentIndex())
        onChosen(i);
    else
        m_choice->setCurrentIndex(i);
    return true;
}

QString LessonPanel::currentId() const {
    return m_choice->currentData().toString();
}

void LessonPanel::previous() {
    if (m_choice->currentIndex() > 0) m_choice->setCurrentIndex(m_choice->currentIndex() - 1);
}

void LessonPanel::next() {
    if (m_choice->currentIndex() + 1 < m_choice->count())
        m_choice->setCurrentIndex(m_choice->currentIndex() + 1);
}

void LessonPanel::setPauseAfterEachRun(bool on) {
    m_pauseEach->setChecked(on);
    m_player.setWaitForNext(on); // also when unchanged: the player may have been set elsewhere
}

bool LessonPanel::pauseAfterEachRun() const {
    return m_pauseEach->isChecked();
}

void LessonPanel::nextRun() {
    m_player.next();
}

void LessonPanel::onChosen(int index) {
    if (index < 0 || index >= m_lessons.size()) return;
    if (m_lesson.id != m_lessons[index].id) setLesson(m_lessons[index]);
    emit lessonSelected(m_lessons[index].id);
    refresh();
}

void LessonPanel::refresh() {
    const bool has = hasLesson();
    const bool playing = m_player.playing();
    const int i = m_choice->currentIndex();
    m_prev->setEnabled(!playing && i > 0);
    m_next->setEnabled(!playing && i + 1 < m_choice->count());
    m_choice->setEnabled(!playing);
    m_run->setEnabled(has);
    m_run->setText(playing ? tr("Stop lesson") : tr("Run lesson"));
    m_nextRun->setVisible(m_player.waitForNext());
    m_nextRun->setEnabled(m_player.waiting());
    if (playing && m_player.waiting()) {
        const int k = m_player.currentIndex();
        m_progress->setText(tr("run %1 of %2 (%3) done — <b>Next run</b> (N) starts %4")
                                .arg(k + 1)
                                .arg(m_lesson.runs.size())
                                .arg(esc(m_lesson.runs[k].label), esc(m_lesson.runs[k + 1].label)));
    } else if (playing) {
        const int k = m_player.currentIndex();
        m_progress->setText(tr("run %1 of %2: %3")
                                .arg(k + 1)
                                .arg(m_lesson.runs.size())
                                .arg(m_lesson.runs[k].label));
    } else if (!m_outcome.error.isEmpty()) {
        m_progress->setText(m_outcome.error.toHtmlEscaped());
    } else if (m_outcome.complete) {
        m_progress->setText(verdictHtml());
    } else {
        m_progress->setText(has ? tr("%n run(s)", nullptr, int(m_lesson.runs.size())) : QString());
    }
    m_story->setHtml(storyHtml());
    m_results->setHtml(resultsHtml());
    // Before the first run the story has the panel's height to itself.
    m_results->setVisible(!m_results->document()->isEmpty());
}

QSize LessonPanel::sizeHint() const {
    QSize s = QWidget::sizeHint();
    QTextDocument* doc = m_results->document();
    if (!m_results->isVisible() && doc->isEmpty()) return s;
    double table = 0;
    for (QTextFrame* f : doc->rootFrame()->childFrames())
        if (qobject_cast<QTextTable*>(f))
            table = std::max(table, doc->documentLayout()->frameBoundingRect(f).width());
    if (table <= 0) return s;
    const QMargins m = layout()->contentsMargins();
    const int need = int(std::ceil(table + 2 * doc->documentMargin())) +
                     2 * m_results->frameWidth() +
                     m_results->verticalScrollBar()->sizeHint().width() + m.left() + m.right();
    s.setWidth(std::max(s.width(), need));
    return s;
}

QString LessonPanel::storyHtml() const {
    if (!hasLesson())
        return tr("<h3>Lessons</h3><p>Pick a lesson above: each one tells a story, says what to "
                  "look for, and runs real workers to show the effect with measured figures.</p>"
                  "<p>Or set up your own experiment under Controls and press <b>Start</b> "
                  "(Space).</p>");
    const Lesson& l = m_lesson;
    QString runs;
    for (const LessonRun& r : l.runs) {
        QStringList kv;
        for (auto it = r.configJson.begin(); it != r.configJson.end(); ++it)
            kv << (it.key() == QLatin1String("workers") && it.value().isString()
                       ? QStringLiteral("%1 %2 = %3")
                             .arg(it.key(), it.value().toString())
                             .arg(r.config.workers)
                       : QStringLiteral("%1 %2").arg(it.key(), number(it.value())));
        runs += QStringLiteral("<li><b>%1</b>: %2</li>")
                    .arg(esc(r.label), esc(kv.join(QStringLiteral(", "))));
    }
    return QStringLiteral("<h3>%1</h3><p>%2</p><p><b>%3</b> %4</p><ul>%5</ul>")
        .arg(esc(l.title), esc(l.story), tr("Look for:"), esc(l.lookFor), runs);
}

QString LessonPanel::resultsHtml() const {
    const QList<QJsonObject>& reports = m_outcome.reports;
    if (reports.isEmpty()) return {};
    // The story's size, not smaller: a teacher projects it (--zoom) and the class reads the
    // figures from the back of the room.
    QString h = QStringLiteral("<table cellspacing='0' cellpadding='3' border='1' "
                               "style='border-collapse:collapse'><tr><th></th>");
    for (const QJsonObject& r : reports)
        h += QStringLiteral("<th>%1</th>").arg(esc(r[QLatin1String("label")].toString()));
    h += QStringLiteral("</tr>");
    for (const KeyFigure& f : kKeyFigures) {
        QString row = QStringLiteral("<tr><td style='white-space:nowrap'>%1</td>").arg(tr(f.label));
        bool any = false;
        for (const QJsonObject& r : reports) {
            const QJsonValue v = figureAt(r, QLatin1String(f.path));
            any = any || (!v.isUndefined() && !v.isNull() && v != QJsonValue(0));
            // The report's status is a machine word: shown in the interface language.
            const QString shown = QLatin1String(f.path) == QLatin1String("status")
                                      ? statusName(v.toString())
                                      : number(v);
            row += QStringLiteral("<td align='right' style='white-space:nowrap'>%1</td>")
                       .arg(esc(shown));
        }
        if (any || QLatin1String(f.path) == QLatin1String("status"))
            h += row + QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    if (!m_outcome.complete) return h;
    h += QStringLiteral("<p>");
    const Lesson& l = m_lesson;
    for (int i = 0; i < l.expect.size() && i < m_outcome.results.size(); ++i) {
        const LessonExpect& e = l.expect[i];
        const ExpectResult& r = m_outcome.results[i];
        const QString what = e.describe();
        // The threshold as the lesson wrote it; the observed figure short, counts whole.
        h += QStringLiteral("<span style='color:%1'>%2</span> %3 %4 %5 — %6<br>")
                 .arg(r.holds ? QStringLiteral("#1b7a2f") : QStringLiteral("#a3231d"),
                      r.holds ? QStringLiteral("✓") : QStringLiteral("✗"), esc(what), esc(e.op),
                      esc(writtenText(e.value)),
                      tr("observed %1")
                          .arg(esc(r.observed.isUndefined() ? QStringLiteral("—")
                                                            : observedText(r.observed))));
    }
    h += QStringLiteral("</p><p>%1</p><p>%2</p>").arg(verdictHtml(), esc(l.explain));
    return h;
}

QString LessonPanel::verdictHtml() const {
    // Seen green, not seen red; inconclusive in the text's own colour: the machine could not
    // show the effect, which is neither a success nor a failure of the lesson.
    const QString colour = m_outcome.verdict == LessonVerdict::Seen      ? QStringLiteral("#1b7a2f")
                           : m_outcome.verdict == LessonVerdict::NotSeen ? QStringLiteral("#a3231d")
                                                                         : QString();
    QString name = esc(verdictName(m_outcome.verdict));
    if (m_outcome.verdict == LessonVerdict::Seen) name += QStringLiteral(" ✓");
    QString h = colour.isEmpty() ? QStringLiteral("<b>%1</b>").arg(name)
                                 : QStringLiteral("<b style='color:%1'>%2</b>").arg(colour, name);
    const QStringList why = m_outcome.reasonTexts(m_lesson);
    if (!why.isEmpty()) {
        QStringList escaped;
        for (const QString& w : why)
            escaped << esc(w);
        h += QStringLiteral(": ") + escaped.join(QStringLiteral("; "));
    }
    return h;
}
