#include "runner/run_player.h"

#include "record/run_recorder.h"
#include "runner/run_controller.h"

shm::ExperimentConfig applyGivenSettings(shm::ExperimentConfig base, const QStringList& names,
                                         const shm::ExperimentConfig& from) {
    for (const QString& name : names)
        if (const shm::SettingRow* row = shm::findSetting(name.toStdString()))
            row->set(base, row->get(from));
    return base;
}

RunPlayer::RunPlayer(QObject* parent) : QObject(parent), m_run(new RunController), m_ownsRun(true) {
    connectController();
}

RunPlayer::RunPlayer(RunController& controller, QObject* parent)
    : QObject(parent), m_run(&controller), m_ownsRun(false) {
    connectController();
}

RunPlayer::~RunPlayer() {
    if (m_recording) m_run->setFrameTap({});
    if (!m_ownsRun) return;
    // Its last words (a run ending as it goes) must not reach a player half destroyed.
    disconnect(m_run, nullptr, this, nullptr);
    delete m_run;
}

void RunPlayer::connectController() {
    m_pause.setSingleShot(true);
    m_pause.setInterval(0);
    connect(&m_pause, &QTimer::timeout, this, &RunPlayer::startNext);
    connect(m_run, &RunController::finished, this, &RunPlayer::onRunFinished);
}

void RunPlayer::setGivenSettings(const QStringList& names, const shm::ExperimentConfig& from) {
    m_givenNames = names;
    m_given = from;
}

shm::ExperimentConfig RunPlayer::settingsFor(int index) const {
    return applyGivenSettings(m_runs[index].config, m_givenNames, m_given);
}

bool RunPlayer::play(const QList<PlayRun>& runs, QString* error) {
    if (playing() || m_run->isActive() || runs.isEmpty()) {
        if (error)
            *error =
                runs.isEmpty() ? tr("no runs to play") : tr("a run is going on: stop it first");
        return false;
    }
    m_runs = runs;
    m_done = 0;
    m_stopped = false;
    m_error.clear();
    m_clock.start();
    if (startFrom(0)) {
        emit changed();
        return true;
    }
    if (error) *error = m_error;
    if (!m_goOn) { // nothing played: the caller says why
        m_current = -1;
        emit changed();
        return false;
    }
    end(&RunPlayer::finished); // every run failed to start: each one is counted
    return true;
}

bool RunPlayer::startFrom(int index) {
    for (int i = index; i < m_runs.size(); ++i) {
        m_current = i; // playing() while the starter runs: the window asks
        const shm::ExperimentConfig cfg = settingsFor(i);
        QString error;
        bool started = false;
        m_ours = true;
        if (auto bad = shm::validate(cfg))
            error = QString::fromStdString(*bad);
        else
            started = m_starter ? m_starter(cfg, &error) : m_run->start(cfg, &error);
        if (started) {
            recordStart(i, cfg);
            emit runStarted(i, m_runs[i].label, cfg);
            return true;
        }
        m_ours = false;
        m_error = error;
        ++m_done;
        emit runFailed(i, m_runs[i].label, error);
        if (!m_goOn) return false;
    }
    return false;
}

void RunPlayer::stop() {
    if (!playing()) return;
    m_stopped = true;
    m_pause.stop();
    if (m_ours && m_run->isActive())
        m_run->stop(); // onRunFinished() ends the list
    else
        end(&RunPlayer::stopped);
}

void RunPlayer::terminate(int sig) {
    if (!playing()) return;
    m_stopped = true;
    m_pause.stop();
    if (m_ours && m_run->isActive())
        m_run->terminate(sig); // onRunFinished() ends the list
    else
        end(&RunPlayer::stopped);
}

void RunPlayer::setWaitForNext(bool wait) {
    m_waitForNext = wait;
    // Turned off while waiting: go on as the pause would have.
    if (!wait && m_waiting) {
        m_waiting = false;
        m_pause.start();
    }
}

void RunPlayer::next() {
    if (!playing() || m_stopped || (!m_waiting && !m_pause.isActive())) return;
    m_waiting = false;
    m_pause.stop();
    startNext();
}

double RunPlayer::etaSeconds() const {
    if (!m_done || !playing()) return 0;
    return double(m_clock.elapsed()) / 1000.0 / m_done * (runsTotal() - m_done);
}

void RunPlayer::startNext() {
    if (!playing() || m_stopped) return;
    m_waiting = false;
    if (startFrom(m_current + 1)) {
        emit changed();
        return;
    }
    if (m_goOn) {
        end(&RunPlayer::finished);
        return;
    }
    const int index = m_current;
    m_current = -1;
    emit failed(index, m_error);
    emit changed();
}

void RunPlayer::onRunFinished() {
    if (!playing() || !m_ours) return; // a run somebody else started
    m_ours = false;
    FinishedRun run;
    run.index = m_current;
    run.label = m_runs[m_current].label;
    run.config = settingsFor(m_current);
    run.report = m_run->report();
    run.final = m_run->snapshot();
    run.cutShort = m_stopped;
    recordEnd();
    ++m_done;
    emit runFinished(run);
    if (!playing()) return; // a listener stopped it
    if (m_stopped) {
        end(&RunPlayer::stopped);
        return;
    }
    if (m_current + 1 >= runsTotal()) {
        end(&RunPlayer::finished);
        return;
    }
    if (m_waitForNext)
        m_waiting = true; // next() starts it
    else
        m_pause.start(); // then startNext()
    emit changed();
}

void RunPlayer::end(void (RunPlayer::*signal)()) {
    m_current = -1;
    m_ours = false;
    m_waiting = false;
    m_pause.stop();
    emit(this->*signal)();
    emit changed();
}

void RunPlayer::recordStart(int index, const shm::ExperimentConfig& cfg) {
    if (!m_recorder) return;
    m_recorder->beginRun({m_runs[index].label.toStdString(), m_recordGroup, cfg});
    // Before the first poll: the run's first frame comes from the controller's next tick.
    m_run->setFrameTap([r = m_recorder](shm::RunFrame f) { r->addFrame(std::move(f)); });
    m_recording = true;
}

void RunPlayer::recordEnd() {
    if (!m_recording) return;
    m_recording = false;
    m_run->setFrameTap({});
    m_recorder->endRun({m_run->snapshot(), m_run->report(), m_run->verified(), m_run->meta()});
}
