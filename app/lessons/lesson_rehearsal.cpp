#include "lessons/lesson_rehearsal.h"

#include "runner/run_controller.h"

#include <QCoreApplication>
#include <QTimer>

LessonRehearsal::LessonRehearsal(QObject* parent) : QObject(parent), m_player(this) {
    connect(&m_player, &RunPlayer::runFinished, this, [this](const FinishedRun& run) {
        if (!run.cutShort) m_outcome.reports.append(labelledReport(run.report, run.label));
    });
    connect(&m_player, &RunPlayer::runFailed, this,
            [this](int k, const QString& label, const QString& error) {
                m_badSettings = shm::validate(m_player.settingsFor(k)).has_value();
                m_error = QCoreApplication::translate("Rehearsal", "lesson '%1' run %2: %3")
                              .arg(m_lessons.value(m_lesson).id, label, error);
            });
    connect(&m_player, &RunPlayer::finished, this, &LessonRehearsal::onPlayFinished);
    connect(&m_player, &RunPlayer::stopped, this, [this] { end(&LessonRehearsal::stopped); });
    connect(&m_player, &RunPlayer::failed, this, [this](int, const QString&) {
        m_playing = false;
        emit failed(m_error);
        emit changed();
    });
}

void LessonRehearsal::setGivenSettings(const QStringList& names,
                                       const shm::ExperimentConfig& from) {
    m_player.setGivenSettings(names, from);
}

bool LessonRehearsal::start(const QList<Lesson>& lessons, int count, QString* error) {
    auto refuse = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (m_playing || m_player.playing())
        return refuse(QCoreApplication::translate("Rehearsal", "a rehearsal is under way"));
    if (lessons.isEmpty() || count < 1)
        return refuse(QCoreApplication::translate("Rehearsal", "no lesson to rehearse"));
    m_lessons = lessons;
    m_count = count;
    m_lesson = m_play = m_done = 0;
    m_tallies.clear();
    m_error.clear();
    m_badSettings = false;
    m_playing = true;
    playNext();
    return true;
}

void LessonRehearsal::playNext() {
    if (!m_playing) return; // stopped during the hop here
    const Lesson& lesson = m_lessons[m_lesson];
    if (m_play == 0) m_tallies.append(RehearsalTally(lesson));
    m_outcome = LessonOutcome();
    emit playStarted(m_lesson, m_play);
    emit changed();
    QString error;
    // A refusal here (the player busy) comes with failed() or runFailed() first only when a
    // run could not start; otherwise say why.
    if (!m_player.play(lessonRuns(lesson), &error) && m_playing) {
        if (m_error.isEmpty()) m_error = error;
        m_playing = false;
        emit failed(m_error);
        emit changed();
    }
}

void LessonRehearsal::onPlayFinished() {
    if (!m_playing) return;
    const Lesson& lesson = m_lessons[m_lesson];
    m_outcome.judge(lesson);
    m_tallies.last().add(lesson, m_outcome);
    ++m_done;
    emit playJudged(m_lesson, m_play, m_outcome);
    if (++m_play == m_count) {
        m_play = 0;
        ++m_lesson;
    }
    if (m_lesson == m_lessons.size()) {
        end(&LessonRehearsal::finished);
        return;
    }
    // Not from inside the player's finished(): it ends its list after emitting it.
    QTimer::singleShot(0, this, &LessonRehearsal::playNext);
    emit changed();
}

void LessonRehearsal::stop() {
    if (!m_playing) return;
    if (m_player.playing())
        m_player.stop(); // stopped() follows
    else
        end(&LessonRehearsal::stopped); // between two plays
}

void LessonRehearsal::terminate(int sig) {
    if (!m_playing) return;
    if (m_player.playing())
        m_player.terminate(sig);
    else
        end(&LessonRehearsal::stopped);
}

void LessonRehearsal::end(void (LessonRehearsal::*signal)()) {
    if (!m_playing) return;
    m_playing = false;
    emit(this->*signal)();
    emit changed();
}
