#include "runner/recording_session.h"

#include "runner/run_controller.h"

#include <QDateTime>
#include <QSysInfo>

#include <cstdio>
#include <thread>

shm::RecordingInfo newRecordingInfo() {
    shm::RecordingInfo info;
    info.appVersion = SHMSCOPE_VERSION;
    info.host = QSysInfo::machineHostName().toStdString();
    info.cores = std::thread::hardware_concurrency();
    info.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    info.schemaVersion = shm::kRecordingSchemaVersion;
    return info;
}

std::unique_ptr<RecordingSession> RecordingSession::open(const QString& path, QString* error) {
    std::string why;
    auto writer = shm::RecordingWriter::create(path.toStdString(), newRecordingInfo(), &why);
    if (!writer) {
        *error = QStringLiteral("--record %1").arg(QString::fromStdString(why));
        return nullptr;
    }
    std::unique_ptr<RecordingSession> s(new RecordingSession);
    s->m_path = path;
    s->m_writer = std::move(writer);
    shm::RunRecorder::Options o;
    o.keepInMemory = false; // the headless paths keep nothing but the file
    o.writer = s->m_writer.get();
    RecordingSession* self = s.get();
    o.onWriteError = [self](const std::string&, double atSeconds) {
        std::lock_guard lock(self->m_mutex);
        if (self->m_stoppedAt < 0) self->m_stoppedAt = atSeconds;
    };
    s->m_recorder = std::make_unique<shm::RunRecorder>(std::move(o));
    return s;
}

RecordingSession::~RecordingSession() {
    m_recorder.reset(); // joins its thread before the writer it uses goes
}

int RecordingSession::beginGroup(const shm::RunGroup& group) {
    m_recorder->beginGroup(group);
    return m_groups++;
}

void RecordingSession::beginRun(RunController& run, const QString& label, int group) {
    m_recorder->beginRun({label.toStdString(), group, run.config()});
    run.setFrameTap([r = m_recorder.get()](shm::RunFrame f) { r->addFrame(std::move(f)); });
}

void RecordingSession::endRun(RunController& run) {
    run.setFrameTap({});
    m_recorder->endRun({run.snapshot(), run.report(), run.verified(), run.meta()});
}

bool RecordingSession::finish() {
    m_recorder->flush();
    const std::string error = m_recorder->writeError();
    if (error.empty()) return true;
    double at = 0;
    {
        std::lock_guard lock(m_mutex);
        at = m_stoppedAt;
    }
    std::fprintf(stderr, "shmscope: the recording stopped at %.3f s: %s\n", at, error.c_str());
    return false;
}
