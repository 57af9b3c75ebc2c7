#include "gui/lessons/lesson_session.h"

#include "runner/run_controller.h"

#include <QJsonDocument>

namespace {
constexpr int kBetweenRunsMs = 800;
}

LessonSession::LessonSession(RunController& run, StartRun startRun, QObject* parent)
    : QObject(parent), m_run(run), m_startRun(std::move(startRun)) {
    m_pause.setSingleShot(true);
    m_pause.setInterval(kBetweenRunsMs);
    connect(&m_pause, &QTimer::timeout, this, &LessonSession::startNext);
    connect(&m_run, &RunController::finished, this, &LessonSession::onRunFinished);
}

void LessonSession::setLesson(const Lesson& lesson) {
    stop();
    m_lesson = lesson;
    m_reports.clear();
    m_results.clear();
    m_complete = m_seen = false;
    emit changed();
}

bool LessonSession::start(QString* error) {
    if (!hasLesson() || playing() || m_run.isActive()) return false;
    m_reports.clear();
    m_results.clear();
    m_error.clear();
    m_complete = m_seen = m_stopped = false;
    m_current = 0;
    const shm::ExperimentConfig& cfg = m_lesson.runs.first().config;
    if (!m_startRun(cfg, error)) {
        m_current = -1;
        emit changed();
        return false;
    }
    emit changed();
    return true;
}

void LessonSession::stop() {
    if (!playing()) return;
    m_stopped = true;
    m_pause.stop();
    if (m_run.isActive())
        m_run.stop(); // onRunFinished() ends the lesson
    else
        m_current = -1;
    emit changed();
}

void LessonSession::onRunFinished() {
    if (!playing()) return; // a run the user started, not ours
    QJsonObject report =
        QJsonDocument::fromJson(QByteArray::fromStdString(shm::toJson(m_run.report()))).object();
    report.insert(QStringLiteral("label"), m_lesson.runs[m_current].label);
    m_reports.append(report);
    if (m_stopped) {
        m_current = -1;
        emit changed();
        return;
    }
    if (m_current + 1 < m_lesson.runs.size()) {
        m_pause.start(); // then startNext()
        emit changed();
        return;
    }
    QMap<QString, QJsonObject> byLabel;
    for (const QJsonObject& r : m_reports)
        byLabel.insert(r[QLatin1String("label")].toString(), r);
    m_seen = true;
    for (const LessonExpect& e : m_lesson.expect) {
        m_results.append(evaluate(e, byLabel));
        m_seen = m_seen && m_results.last().holds;
    }
    m_current = -1;
    m_complete = true;
    emit changed();
    emit finished();
}

void LessonSession::startNext() {
    if (!playing() || m_stopped) return;
    ++m_current;
    QString error;
    if (!m_startRun(m_lesson.runs[m_current].config, &error)) {
        m_error = tr("run %1 could not start: %2").arg(m_lesson.runs[m_current].label, error);
        m_current = -1;
    }
    emit changed();
}
