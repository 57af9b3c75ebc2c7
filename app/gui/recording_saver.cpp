#include "gui/recording_saver.h"

#include "record/recording_file.h"
#include "runner/recording_session.h"

#include <QMetaObject>

#include <algorithm>

RecordingSaver::RecordingSaver(QObject* parent) : QObject(parent) {}

RecordingSaver::~RecordingSaver() {
    if (m_thread.joinable()) m_thread.join();
}

std::vector<shm::RunGroup> RecordingSaver::groupsOf(const QList<Run>& runs,
                                                    std::vector<int>* index) {
    std::vector<shm::RunGroup> groups;
    index->clear();
    for (const Run& r : runs) {
        auto it = std::find(groups.begin(), groups.end(), r.group);
        if (it == groups.end()) it = groups.insert(groups.end(), r.group);
        index->push_back(int(it - groups.begin()));
    }
    return groups;
}

bool RecordingSaver::save(const QString& path, QList<Run> runs) {
    if (m_busy) return false;
    if (m_thread.joinable()) m_thread.join(); // the last write ended: its result came
    m_busy = true;
    m_thread = std::thread([this, path, runs = std::move(runs), info = newRecordingInfo()] {
        std::vector<int> index;
        const std::vector<shm::RunGroup> groups = groupsOf(runs, &index);
        std::vector<shm::RunToWrite> toWrite;
        for (qsizetype i = 0; i < runs.size(); ++i)
            toWrite.push_back({runs[i].run.get(), index[size_t(i)]});
        std::string why;
        const bool ok = shm::writeRecording(path.toStdString(), info, groups, toWrite, &why);
        const QString error = ok ? QString() : QString::fromStdString(why);
        const int count = int(runs.size());
        // Queued to this object's (the GUI) thread; the destructor joins before it goes, so
        // the call is posted to a live object (and dropped with it if never delivered).
        QMetaObject::invokeMethod(
            this,
            [this, path, count, error] {
                m_busy = false;
                emit finished(path, count, error);
            },
            Qt::QueuedConnection);
    });
    return true;
}
