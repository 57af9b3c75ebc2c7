// Small helpers of the fault campaign: which faults are which, planted files, the segment.
#include "campaign.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace campaign {

bool isFullShm(Fault f) {
    return f == Fault::FullShmShared || f == Fault::FullShmQueue || f == Fault::FullShmMpi;
}
bool isCareless(Fault f) {
    return f >= Fault::CarelessExitHolding && f <= Fault::CarelessDaemonise;
}

// A process that exists and is not a zombie (a signal to a zombie strikes nothing).
bool alive(qint64 pid) {
    const shm::ProcStat s = shm::readProcStat(pid);
    return s.exists && s.state != 'Z';
}

// Written as another user would: `excl` makes it fail if the name exists (a squat comes first
// or not at all); `owner` other than ours is set with fchown (we are root, or it stays ours).
bool plant(Planted& p, const QString& path, const QByteArray& content, uid_t owner, bool excl) {
    const QByteArray local = path.toLocal8Bit();
    const int fd =
        ::open(local.constData(),
               O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (excl ? O_EXCL : O_TRUNC), 0600);
    if (fd < 0) return false;
    bool ok = ::write(fd, content.constData(), size_t(content.size())) == content.size();
    if (owner != ::geteuid()) (void)!::fchown(fd, owner, owner);
    struct stat st {};
    ok = ok && ::fstat(fd, &st) == 0;
    ::close(fd);
    p.path = path;
    p.inode = st.st_ino;
    p.uid = st.st_uid;
    p.content = content;
    return ok;
}

QString changed(const Planted& p) {
    struct stat st {};
    if (::lstat(p.path.toLocal8Bit().constData(), &st) != 0) return QStringLiteral("removed");
    if (st.st_ino != p.inode) return QStringLiteral("replaced");
    if (st.st_uid != p.uid) return QStringLiteral("owner changed");
    QFile f(p.path);
    if (!f.open(QIODevice::ReadOnly) || f.readAll() != p.content)
        return QStringLiteral("content changed");
    return {};
}

QString segmentOf(qint64 appPid) {
    const QString prefix = QStringLiteral("shmscope-%1-").arg(appPid);
    for (const QString& n : testutil::shmEntries(appPid))
        if (n.size() == prefix.size() + 16) return n;
    return {};
}

bool SegmentWatch::attach(qint64 appPid) {
    if (seg) return true;
    const QString name = segmentOf(appPid);
    if (name.isEmpty()) return false;
    try {
        seg = shm::Segment::attach(name.toStdString());
    } catch (const shm::SegmentError&) {
        return false; // not initialised yet, or gone
    }
    return true;
}

} // namespace campaign
