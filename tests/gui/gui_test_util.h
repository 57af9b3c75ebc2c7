#pragma once
// Helpers for the window tests: segment names of this test process and /dev/shm checks.
#include <QDir>
#include <QString>
#include <QStringList>

#include <unistd.h>

namespace guitest {

inline QString workerPath() {
    return QStringLiteral(SHMSCOPE_BIN_DIR "/shmscope-worker");
}
inline QString shmscopePath() {
    return QStringLiteral(SHMSCOPE_BIN_DIR "/shmscope");
}

// shmscope-<our pid>-gui<tag>: unique per test, and the stale sweep sees a live creator.
inline QString segmentName(const QString& tag) {
    return QStringLiteral("shmscope-%1-gui%2").arg(getpid()).arg(tag);
}

// shmscope-* entries in /dev/shm created by pid (0 = by anyone).
inline QStringList shmEntries(qint64 pid = 0) {
    const QString prefix =
        pid ? QStringLiteral("shmscope-%1-").arg(pid) : QStringLiteral("shmscope-");
    QStringList out;
    for (const QString& n :
         QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files | QDir::System | QDir::Hidden))
        if (n.startsWith(prefix)) out << n;
    return out;
}

} // namespace guitest
