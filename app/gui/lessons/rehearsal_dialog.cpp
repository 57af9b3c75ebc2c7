#include "gui/lessons/rehearsal_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column { Lesson_, Seen, NotSeen, Inconclusive, Observed, Reasons, ColumnCount };

QTableWidgetItem* item(const QString& text, Qt::Alignment align = Qt::AlignLeft) {
    auto* it = new QTableWidgetItem(text);
    it->setTextAlignment(align | Qt::AlignVCenter);
    it->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return it;
}

} // namespace

RehearsalDialog::RehearsalDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Rehearse Lessons"));
    // The window behind keeps drawing (show(), not exec()) but takes no input: a run started
    // there would share the cores with the rehearsal's.
    setWindowModality(Qt::WindowModal);
    auto* layout = new QVBoxLayout(this);
    m_progressText = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Lesson"), tr("Seen"), tr("Not seen"),
                                        tr("Inconclusive"), tr("Observed"), tr("Reasons")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_stop = buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    m_copy = buttons->addButton(tr("&Copy as Text"), QDialogButtonBox::ActionRole);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 520);
    connect(buttons, &QDialogButtonBox::rejected, this, &RehearsalDialog::reject);
    connect(m_stop, &QPushButton::clicked, &m_rehearsal, &LessonRehearsal::stop);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(tableText()); });
    connect(&m_rehearsal, &LessonRehearsal::changed, this, &RehearsalDialog::refresh);
    connect(&m_rehearsal, &LessonRehearsal::finished, this,
            [this] { m_ending = tr("Done: %1 × each lesson.").arg(m_rehearsal.count()); });
    connect(&m_rehearsal, &LessonRehearsal::stopped, this,
            [this] { m_ending = tr("Stopped: the table holds the plays that ended."); });
    connect(&m_rehearsal, &LessonRehearsal::failed, this,
            [this](const QString& why) { m_ending = tr("A run could not start: %1").arg(why); });
}

bool RehearsalDialog::start(const QList<Lesson>& lessons, int count, QString* error) {
    if (m_rehearsal.playing()) {
        if (error) *error = tr("A rehearsal is under way: stop it first.");
        return false;
    }
    m_ending.clear();
    if (!m_rehearsal.start(lessons, count, error)) return false;
    refresh();
    show();
    raise();
    return true;
}

void RehearsalDialog::reject() {
    m_rehearsal.stop();
    QDialog::reject();
}

QString RehearsalDialog::tableText() const {
    return rehearsalText(m_rehearsal.tallies());
}

void RehearsalDialog::refresh() {
    const LessonRehearsal& r = m_rehearsal;
    m_progress->setRange(0, std::max(1, r.playsTotal()));
    m_progress->setValue(r.playsDone());
    if (r.playing() && r.lessonIndex() < int(r.tallies().size()))
        m_progressText->setText(tr("Lesson %1/%2 (%3), play %4/%5")
                                    .arg(r.lessonIndex() + 1)
                                    .arg(r.lessonsTotal())
                                    .arg(r.tallies().at(r.lessonIndex()).id)
                                    .arg(r.playIndex() + 1)
                                    .arg(r.count()));
    else
        m_progressText->setText(m_ending);
    m_stop->setEnabled(r.playing());
    m_copy->setEnabled(!r.tallies().isEmpty());
    const QList<RehearsalTally>& tallies = r.tallies();
    m_table->setRowCount(int(tallies.size()));
    for (int row = 0; row < tallies.size(); ++row) {
        const RehearsalTally& t = tallies[row];
        auto of = [&](int k) { return QStringLiteral("%1/%2").arg(k).arg(t.plays); };
        QStringList observed, reasons;
        for (const RehearsalFigure& f : t.require)
            observed << tr("requires %1 %2 %3: observed %4, held %5/%6")
                            .arg(f.describe, f.op, writtenText(f.value), f.rangeText())
                            .arg(f.holds)
                            .arg(t.plays);
        for (const RehearsalFigure& f : t.expect)
            observed << tr("%1 %2 %3: observed %4, held %5/%6")
                            .arg(f.describe, f.op, writtenText(f.value), f.rangeText())
                            .arg(f.holds)
                            .arg(t.plays);
        for (const RehearsalReason& why : t.reasons)
            reasons << QStringLiteral("%1× %2").arg(why.count).arg(why.shown);
        m_table->setItem(row, Lesson_, item(t.id));
        m_table->item(row, Lesson_)->setToolTip(t.title);
        m_table->setItem(row, Seen, item(of(t.seen), Qt::AlignRight));
        m_table->setItem(row, NotSeen, item(of(t.notSeen), Qt::AlignRight));
        m_table->setItem(row, Inconclusive, item(of(t.inconclusive), Qt::AlignRight));
        m_table->setItem(row, Observed, item(observed.join(QLatin1Char('\n'))));
        m_table->setItem(row, Reasons, item(reasons.join(QLatin1Char('\n'))));
    }
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
}
