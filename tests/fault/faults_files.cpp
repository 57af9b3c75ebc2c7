// Files of the run cut short, and files under our prefix that are not ours: lookalikes of a
// live process's segment, a dead pid's of another uid or with another magic, and the names of
// the result queue taken by someone else. The app must leave every one of them as it was.
#include "campaign.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <cstddef>
#include <cstring>
#include <unistd.h>

namespace campaign {

namespace {
constexpr uid_t kNobody = 65534;

QString hex16(uint64_t v) {
    return QStringLiteral("%1").arg(v, 16, 16, QLatin1Char('0'));
}
// A real segment's bytes with another creator (offsets: model/layout.h).
QByteArray lookalike(QByteArray image, uint64_t creatorPid, uint64_t startTicks) {
    std::memcpy(image.data() + offsetof(shm::SegmentHeader, creatorPid), &creatorPid, 8);
    std::memcpy(image.data() + offsetof(shm::SegmentHeader, creatorStartTicks), &startTicks, 8);
    return image;
}
// A pid that was alive a moment ago and is not now: /bin/true's, reaped.
qint64 deadPid() {
    QProcess p;
    p.start(QStringLiteral("/bin/true"), {});
    if (!p.waitForStarted(5000)) return 0;
    const qint64 pid = p.processId();
    p.waitForFinished(5000);
    return pid;
}
} // namespace

// Before the start: a live process's segment, as the sweep would find one of another running
// ShmScope (a `sleep` of ours stands for it), and two dead pids' files that are not provably
// ours: a real header owned by another uid, and our uid with the magic changed.
void Campaign::plantForeign(Trial& t) {
    if (segmentImage.size() < qsizetype(sizeof(shm::SegmentHeader))) return;
    qint64 sleeper = 0;
    if (!QProcess::startDetached(QStringLiteral("sleep"), {QStringLiteral("60")}, {}, &sleeper))
        return;
    t.helpers.push_back(sleeper);
    const qint64 dead = deadPid();
    const uint64_t ticks = shm::readProcStat(sleeper).startTicks;
    auto name = [&](qint64 pid) {
        return QStringLiteral("/dev/shm/shmscope-%1-%2").arg(pid).arg(hex16(pick(1, ~0ull)));
    };
    QByteArray wrongMagic = lookalike(segmentImage, uint64_t(dead), 0);
    wrongMagic[7] = 'X';
    const struct {
        QString path;
        QByteArray content;
        uid_t owner;
    } files[] = {{name(sleeper), lookalike(segmentImage, uint64_t(sleeper), ticks), ::geteuid()},
                 {name(dead), lookalike(segmentImage, uint64_t(dead), 0), kNobody},
                 {name(dead), wrongMagic, ::geteuid()}};
    for (const auto& f : files) {
        Planted p;
        if (plant(p, f.path, f.content, f.owner, true)) t.planted.push_back(p);
    }
    t.detail = QStringLiteral("live lookalike of pid %1, dead pid %2").arg(sleeper).arg(dead);
}

// As soon as the segment appears: its old queue name and a queue name with another key, made
// first with O_EXCL, some owned by another uid. The run must not mind them.
void Campaign::squat(Trial& t) {
    QElapsedTimer clock;
    clock.start();
    QString seg;
    while ((seg = segmentOf(t.pid)).isEmpty() && clock.elapsed() < 5000 && alive(t.pid))
        QThread::usleep(100);
    if (seg.isEmpty()) return;
    bool queueThere = false;
    for (const QString& n : testutil::shmEntries(t.pid))
        queueThere = queueThere || n.startsWith(seg + QStringLiteral("-q-"));
    const QString names[] = {seg + QStringLiteral("-q"),
                             seg + QStringLiteral("-q-") + hex16(pick(1, ~0ull))};
    int made = 0;
    for (const QString& n : names) {
        QByteArray junk(int(pick(0, 8192)), '\0');
        for (char& c : junk)
            c = char(pick(0, 255));
        Planted p;
        if (plant(p, QStringLiteral("/dev/shm/") + n, junk, pick(0, 1) ? kNobody : ::geteuid(),
                  true)) {
            t.planted.push_back(p);
            ++made;
        }
    }
    t.struck = made == 2 && alive(t.pid);
    if (t.struck && !queueThere) ++squatsBeforeQueue;
    t.detail = queueThere ? QStringLiteral("squatted after the queue was made")
                          : QStringLiteral("squatted before the queue existed");
}

// The segment cut to 0-8 KiB, or the result queue cut inside its first page, just past it, or
// anywhere short of its end.
void Campaign::truncateFile(Trial& t) {
    const QString seg = segmentOf(t.pid);
    if (seg.isEmpty()) return;
    QString target = t.f == Fault::TruncateSegment ? seg : QString();
    for (const QString& n : testutil::shmEntries(t.pid))
        if (t.f == Fault::TruncateQueue && n.startsWith(seg + QStringLiteral("-q-"))) target = n;
    if (target.isEmpty()) return;
    const QByteArray path = (QStringLiteral("/dev/shm/") + target).toLocal8Bit();
    const qint64 size = QFileInfo(QString::fromLocal8Bit(path)).size();
    off_t to = off_t(pick(0, 8192));
    if (t.f == Fault::TruncateQueue) {
        const uint64_t where = pick(0, 2);
        to = where == 0   ? off_t(pick(0, 4095))
             : where == 1 ? off_t(pick(4096, 8191))
                          : off_t(pick(8192, uint64_t(std::max<qint64>(size, 8193)) - 1));
    }
    t.struck = to < size && alive(t.pid) && ::truncate(path.constData(), to) == 0;
    t.detail = QStringLiteral("%1 cut to %2 of %3 bytes").arg(target).arg(to).arg(size);
}

void Campaign::judgeFiles(Trial& t) {
    bool ok = true;
    QString wanted;
    switch (t.f) {
    case Fault::TruncateSegment:
        wanted = QStringLiteral("exit 3, segment shrank");
        ok = !t.struck || t.finished() ||
             (t.failed() && t.failure.startsWith(QLatin1String("segment shrank")));
        break;
    case Fault::TruncateQueue:
        wanted = QStringLiteral("exit 3, result queue ... shrank");
        ok = !t.struck || t.finished() ||
             (t.failed() && t.failure.startsWith(QLatin1String("result queue ")) &&
              t.failure.contains(QLatin1String(" shrank to ")));
        break;
    default: { // SquatQueue, ForeignFiles: nothing of the run's own is touched
        wanted = QStringLiteral("exit 0, finished");
        ok = t.finished();
        if (t.f != Fault::ForeignFiles) break;
        // Struck: the sweep read the dead pids' files and left them (it names them), and the
        // lookalike's process lived through the run.
        int named = 0;
        for (size_t i = 1; i < t.planted.size(); ++i)
            if (t.err.contains("left alone in /dev/shm: " +
                               QFileInfo(t.planted[i].path).fileName().toLocal8Bit()))
                ++named;
        t.struck =
            t.planted.size() == 3 && named == 2 && !t.helpers.empty() && alive(t.helpers.front());
        break;
    }
    }
    if (!ok && !t.hung)
        bad(t, &Counts::wrongExit,
            QStringLiteral("wanted %1, got %2 %3 (%4) after %5")
                .arg(wanted, t.crashed ? QStringLiteral("signal") : QStringLiteral("exit"))
                .arg(t.code)
                .arg(t.report(), t.detail));
}

} // namespace campaign
