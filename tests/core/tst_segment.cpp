// Segment validation (a worker refuses anything that is not exactly what it expects) and the
// stale-segment sweep.
#include "../test_util.h"
#include "analysis/report.h"
#include "segment/mpi_dir.h"
#include "segment/queue_file.h"
#include "segment/segment.h"

#include <QRegularExpression>
#include <QTest>

#include <boost/interprocess/mapped_region.hpp>
#include <boost/interprocess/shared_memory_object.hpp>

#include <cstring>
#include <fcntl.h>
#include <linux/falloc.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

using namespace shm;
namespace bip = boost::interprocess;

class TestSegment : public QObject {
    Q_OBJECT
  private slots:
    void layoutFacts();
    void createdWithMode0600AndRemoved();
    void workerRefusesBadSegment_data();
    void workerRefusesBadSegment();
    void workerRefusesForeignSegment();
    void garbageLockIsAnErrorNotAnAbort();
    void workerRefusesSparseSegment();
    void workerSurvivesTheSegmentShrinking();
    void tooBigSaysNeededAndFreeApart();
    void fullDevShmIsAnErrorNotSigbus_data();
    void fullDevShmIsAnErrorNotSigbus();
    void neverCreatedReportsNothingLeftBehind();
    void workerRefusesMissingSegmentAndBadArgs();
    void sweepRemovesDeadCreatorsOnly();
    void cleanupTestCase();

  private:
    int m_seq = 0;
    std::string nextName() {
        return testutil::segmentName(QStringLiteral("seg%1").arg(++m_seq)).toStdString();
    }
    // shmscope-worker as worker 0 of the segment `name`, run to its end.
    static testutil::Result runWorkerZero(const std::string& name, int timeoutMs = 120000) {
        return testutil::run(testutil::workerPath(),
                             {QStringLiteral("--segment"), QString::fromStdString(name),
                              QStringLiteral("--worker"), QStringLiteral("0")},
                             timeoutMs);
    }
};

void TestSegment::layoutFacts() {
    ExperimentConfig cfg;
    const RegionSizes r = computeRegions(cfg);
    for (uint64_t off : {r.slotsOffset, r.ringsOffset, r.locksOffset, r.dataOffset, r.ownerOffset})
        QCOMPARE(off % 64, 0u);
    QVERIFY(r.totalSize >= r.ownerOffset + cfg.elements);
}

void TestSegment::createdWithMode0600AndRemoved() {
    const std::string name = nextName();
    {
        ExperimentConfig cfg;
        cfg.elements = 1000;
        auto seg = Segment::create(name, cfg);
        struct stat st {};
        QCOMPARE(::stat(("/dev/shm/" + name).c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QVERIFY(std::isnan(seg->data()[0]));
        QCOMPARE(seg->owner()[999], kUnwritten);
        auto other = Segment::attach(name); // a valid segment attaches
        QCOMPARE(other->config(), cfg);
    }
    QVERIFY(!segmentExists(name)); // the owner's destructor removed it
}

void TestSegment::workerRefusesBadSegment_data() {
    QTest::addColumn<QString>("field");
    for (const char* f :
         {"magic", "version", "headerSize", "totalSize", "dataOffset", "workers", "sync"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestSegment::workerRefusesBadSegment() {
    QFETCH(QString, field);
    const std::string name = nextName();
    auto seg = Segment::create(name, {.workers = 2, .elements = 10000});
    SegmentHeader& h = seg->header();
    if (field == QLatin1String("magic"))
        h.magic[0] = 'X';
    else if (field == QLatin1String("version"))
        h.layoutVersion = 99;
    else if (field == QLatin1String("headerSize"))
        h.headerSize = 64;
    else if (field == QLatin1String("totalSize"))
        h.totalSize += 4096;
    else if (field == QLatin1String("dataOffset"))
        h.dataOffset = seg->size() - 8; // array past the end
    else if (field == QLatin1String("workers"))
        h.workers = 1000;
    else if (field == QLatin1String("sync"))
        h.sync = 42;
    const auto r = runWorkerZero(name);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!r.err.trimmed().contains('\n'));
    QCOMPARE(seg->slot(0).state.load(), 0u); // it touched nothing
}

// Mutex bytes that are not a mutex (0xFF): the worker says so in one line and exits 3 (it
// used to die of an uncaught boost::interprocess::lock_exception, SIGABRT).
void TestSegment::garbageLockIsAnErrorNotAnAbort() {
    const std::string name = nextName();
    auto seg = Segment::create(name, {.workers = 1, .elements = 1000, .sync = SyncMode::Mutex});
    std::memset(static_cast<void*>(&seg->locks()[0].mutex), 0xFF, sizeof seg->locks()[0].mutex);
    seg->header().runState.store(uint32_t(RunState::Running)); // no barrier to wait at
    const auto r = runWorkerZero(name, 30000);
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("lock error"), r.err.constData());
    QVERIFY(!r.err.trimmed().contains('\n'));
}

// A hole punched into the array: every header check passes, but the file is not backed by
// /dev/shm pages. The worker refuses it in one line (exit 3) before writing anything.
void TestSegment::workerRefusesSparseSegment() {
    const std::string name = nextName();
    auto seg = Segment::create(name, {.workers = 1, .elements = 1 << 20});
    const int fd = shm_open(name.c_str(), O_RDWR, 0600);
    QVERIFY(fd >= 0);
    const off_t at = off_t(seg->header().dataOffset);
    QCOMPARE(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, at, 1 << 20), 0);
    ::close(fd);
    const auto r = runWorkerZero(name);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("is sparse"), r.err.constData());
    QVERIFY(!r.err.trimmed().contains('\n'));
    QCOMPARE(seg->slot(0).state.load(), 0u); // it touched nothing
}

// The segment is truncated to nothing while a worker waits at the barrier: its next read of
// the header faults, and the SIGBUS guard turns that into one line and exit 3.
void TestSegment::workerSurvivesTheSegmentShrinking() {
    const std::string name = nextName();
    auto seg = Segment::create(name, {.workers = 1, .elements = 1000});
    QProcess w;
    w.start(testutil::workerPath(), {QStringLiteral("--segment"), QString::fromStdString(name),
                                     QStringLiteral("--worker"), QStringLiteral("0")});
    QVERIFY(w.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(seg->slot(0).state.load(), uint32_t(WorkerState::AtBarrier), 10000);
    QCOMPARE(::truncate(("/dev/shm/" + name).c_str(), 0), 0);
    // From here this process must not read the mapping either (it would read zeros: the guard
    // Segment::create installed).
    QVERIFY(w.waitForFinished(10000));
    QCOMPARE(w.exitStatus(), QProcess::NormalExit);
    QCOMPARE(w.exitCode(), 3);
    const QByteArray err = w.readAllStandardError().trimmed();
    QVERIFY2(err.contains("the segment shrank under this worker"), err.constData());
    QVERIFY(!err.contains('\n'));
}

// "needs 20 MiB of shared memory but /dev/shm has 20 MiB free" read as a contradiction: need
// is rounded up and free down, to a tenth of a MiB, so they never print equal.
void TestSegment::tooBigSaysNeededAndFreeApart() {
    ExperimentConfig cfg;
    cfg.elements = 20'000'000 / 9;
    const uint64_t need = computeRegions(cfg).totalSize;
    QVERIFY(!checkFits(cfg, need));
    for (uint64_t short_ : {uint64_t(1), uint64_t(4096), uint64_t(100'000)}) {
        const auto msg = checkFits(cfg, need - short_);
        QVERIFY(msg);
        const QString m = QString::fromStdString(*msg);
        static const QRegularExpression re(
            QStringLiteral("needs ([0-9.]+) MiB of shared memory but /dev/shm has ([0-9.]+) MiB"));
        const auto match = re.match(m);
        QVERIFY2(match.hasMatch(), qPrintable(m));
        QVERIFY2(match.captured(1).toDouble() > match.captured(2).toDouble(), qPrintable(m));
    }
}

void TestSegment::fullDevShmIsAnErrorNotSigbus_data() {
    QTest::addColumn<quint64>("elements");
    // 8 MiB of tmpfs: the 27 MB array and owner map run out while two threads fill them (the
    // pages the fill reserves as it goes); a histogram's bins are fallocated with the control
    // regions, which fail first.
    QTest::newRow("array filled on every core") << quint64(3'000'000);
    QTest::newRow("control regions") << quint64(0);
}

// /dev/shm fills up between checkFits and the segment's pages: create throws SegmentError
// ("cannot reserve ... No space left on device") instead of the fill dying of SIGBUS, and
// nothing is left in /dev/shm. In a child in its own mount namespace with an 8 MiB tmpfs over
// /dev/shm (root only: mounting needs CAP_SYS_ADMIN), so no other test sees it.
void TestSegment::fullDevShmIsAnErrorNotSigbus() {
    QFETCH(quint64, elements);
    if (geteuid() != 0) QSKIP("needs root to mount a small tmpfs over /dev/shm");
#if defined(__SANITIZE_THREAD__)
    // The fill's threads start in a child forked from this threaded process, which
    // ThreadSanitizer's runtime cannot follow ("dup thread with used id", exit 66).
    if (elements) QSKIP("ThreadSanitizer cannot run threads in a child forked from threads");
#endif
    int pipeFds[2];
    QCOMPARE(pipe(pipeFds), 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::close(pipeFds[0]);
        auto say = [&](const std::string& s) {
            (void)!::write(pipeFds[1], s.data(), s.size());
            _exit(0);
        };
        if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr))
            say("skip: no mount namespace here");
        if (mount("tmpfs", "/dev/shm", "tmpfs", 0, "size=8m") != 0) say("skip: cannot mount");
        ExperimentConfig cfg;
        cfg.workers = 4;
        if (elements) {
            cfg.elements = elements;
        } else {
            cfg.workload = Workload::Histogram;
            cfg.bins = 2'000'000; // 18 MB of bins and owners, fallocated
        }
        std::string out;
        // The kernel's MADV_POPULATE_WRITE (5.14) is what stops the fill at once; before it
        // only the SIGBUS guard does, after the whole array (the memory bound does not apply).
        void* probe =
            mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (madvise(probe, 4096, MADV_POPULATE_WRITE) != 0) out = "nopopulate ";
        struct rusage before {};
        getrusage(RUSAGE_SELF, &before);
        try {
            auto seg = Segment::create("/shmscope-full-test", cfg);
            out = "created";
        } catch (const SegmentError& e) {
            out += std::string("error: ") + e.what();
        }
        struct stat st {};
        if (::stat("/dev/shm/shmscope-full-test", &st) == 0) out += " (left behind)";
        // Stopped at the first step that could not be reserved, not after filling the rest
        // of the array in private memory: well under the 27 MB of the whole array.
        struct rusage after {};
        getrusage(RUSAGE_SELF, &after);
        out += " grew_kb=" + std::to_string(after.ru_maxrss - before.ru_maxrss);
        say(out);
    }
    ::close(pipeFds[1]);
    QByteArray said;
    char buf[512];
    for (ssize_t n; (n = ::read(pipeFds[0], buf, sizeof buf)) > 0;)
        said.append(buf, n);
    ::close(pipeFds[0]);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
             qPrintable(QStringLiteral("child ended with status %1: %2")
                            .arg(status)
                            .arg(QString::fromUtf8(said))));
    if (said.startsWith("skip: ")) QSKIP(said.constData());
    const bool populate = !said.startsWith("nopopulate ");
    if (!populate) said.remove(0, 11);
    QVERIFY2(said.startsWith("error: cannot reserve "), said.constData());
    QVERIFY2(said.contains("No space left on device"), said.constData());
    QVERIFY2(!said.contains("left behind"), said.constData());
    const qsizetype at = said.indexOf("grew_kb=");
    QVERIFY(at > 0);
    // Growth of the child's peak memory across create: the 8 MiB it did reserve (9.7-11.3 MB
    // measured, with and without ASan); filling the rest of the array in private memory
    // would add ~19 MB more.
    if (populate) QVERIFY2(said.mid(at + 8).toLongLong() < 14'000, said.constData());
}

// A run that failed before it created a segment left nothing behind: "removed": true.
void TestSegment::neverCreatedReportsNothingLeftBehind() {
    const RunReport r = failedToStartReport(ExperimentConfig{}, "test", "cannot create");
    QCOMPARE(r.status, RunStatus::Failed);
    QVERIFY(r.segmentRemoved);
    QVERIFY(toJson(r).find("\"removed\":true") != std::string::npos);
}

void TestSegment::workerRefusesForeignSegment() {
    // Someone else's segment under our prefix: random bytes, and one too small for a header.
    for (size_t size : {size_t(100), size_t(1 << 20)}) {
        const std::string name = nextName();
        const int fd = shm_open(name.c_str(), O_CREAT | O_RDWR, 0600);
        QVERIFY(fd >= 0);
        QCOMPARE(ftruncate(fd, off_t(size)), 0);
        std::vector<char> junk(size, 'x');
        QCOMPARE(write(fd, junk.data(), size), ssize_t(size));
        ::close(fd);
        const auto r = runWorkerZero(name);
        shm_unlink(name.c_str());
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("shmscope-worker:"));
    }
}

void TestSegment::workerRefusesMissingSegmentAndBadArgs() {
    auto r = runWorkerZero("shmscope-1-doesnotexist");
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("shmscope-1-doesnotexist"));
    r = testutil::run(testutil::workerPath(), {QStringLiteral("--worker"), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 2);
    // Digits only: strtol took '' as worker 0 and ' +7' as 7.
    for (const QString& bad : {QString(), QStringLiteral(" +7"), QStringLiteral("-1")}) {
        r = testutil::run(testutil::workerPath(),
                          {QStringLiteral("--segment"), QStringLiteral("shmscope-1-x"),
                           QStringLiteral("--worker"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--worker needs a number"));
    }
    // A worker index the segment does not have.
    const std::string name = nextName();
    auto seg = Segment::create(name, {.workers = 2, .elements = 100});
    r = testutil::run(testutil::workerPath(),
                      {QStringLiteral("--segment"), QString::fromStdString(name),
                       QStringLiteral("--worker"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 3);
    // Its creator gone (a pid that has exited): the worker at the barrier says so, exit 3.
    QProcess gone;
    gone.start(QStringLiteral("/bin/true"));
    QVERIFY(gone.waitForFinished(10000));
    seg->header().creatorPid = uint64_t(gone.processId() ? gone.processId() : 999999);
    if (!seg->header().creatorPid || ::kill(pid_t(seg->header().creatorPid), 0) == 0)
        seg->header().creatorPid = 999999; // pid_max is below this unless raised
    r = testutil::run(testutil::workerPath(),
                      {QStringLiteral("--segment"), QString::fromStdString(name),
                       QStringLiteral("--worker"), QStringLiteral("1")},
                      30000);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("is gone"), r.err.constData());
}

// The sweep removes only what is provably ours and dead, and leaves the rest alone (a file
// that merely looks like ours, another user's, another PID namespace's, a live creator's).
void TestSegment::sweepRemovesDeadCreatorsOnly() {
    // A pid that surely is dead: a child that has exited and been reaped.
    QProcess p;
    p.start(QStringLiteral("/bin/sleep"), {QStringLiteral("0.05")});
    QVERIFY(p.waitForStarted());
    const qint64 deadPid = p.processId();
    QVERIFY(p.waitForFinished());
    QVERIFY(deadPid > 0);
    const auto named = [&](const char* tag, qint64 pid) {
        return QStringLiteral("shmscope-%1-sweep%2-%3")
            .arg(pid)
            .arg(getpid())
            .arg(QLatin1String(tag));
    };
    // In a directory of its own, which sweeps of other tests running meanwhile (ctest -j2)
    // do not read: they removed this test's dead segments under it, and reported its fake
    // stale files as "left alone" in their one-line errors. Whatever the test created goes,
    // also when a check fails half-way.
    const std::string dir = "/dev/shm/shmscope-sweeptest-" + std::to_string(getpid());
    QVERIFY(::mkdir(dir.c_str(), 0700) == 0);
    std::vector<QString> created;
    struct RemoveAll {
        const std::string& dir;
        std::vector<QString>& names;
        ~RemoveAll() {
            for (const QString& n : names)
                ::unlink((dir + "/" + n.toStdString()).c_str());
            ::rmdir(dir.c_str());
        }
    } removeAll{dir, created};
    const auto path = [&](const QString& n) { return dir + "/" + n.toStdString(); };
    const auto exists = [&](const QString& n) {
        struct stat st {};
        return ::lstat(path(n).c_str(), &st) == 0;
    };
    ExperimentConfig cfg;
    cfg.elements = 100;
    cfg.workers = 1;
    // Real segments whose header we then edit (kept mapped: the objects outlive the sweep),
    // created under a name no sweep reads and moved into the directory.
    int made = 0;
    const auto segment = [&](const QString& name) {
        const std::string tmp =
            "shmscope_sweeptest_" + std::to_string(getpid()) + "_" + std::to_string(made++);
        auto seg = Segment::create(tmp, cfg);
        created.push_back(name);
        if (::rename(("/dev/shm/" + tmp).c_str(), path(name).c_str()) != 0)
            ::shm_unlink(tmp.c_str());
        return seg;
    };
    const QString dead = named("dead", deadPid);
    auto deadSeg = segment(dead);
    deadSeg->header().creatorPid = uint64_t(deadPid);
    const QString reused = named("reused", getpid()); // our pid, another start time
    auto reusedSeg = segment(reused);
    reusedSeg->header().creatorStartTicks = 1;
    const QString live = named("live", getpid());
    auto liveSeg = segment(live);
    const QString otherNs = named("otherns", deadPid);
    auto otherNsSeg = segment(otherNs);
    otherNsSeg->header().creatorPid = uint64_t(deadPid);
    otherNsSeg->header().creatorPidNamespace ^= 1;
    QVERIFY(exists(dead) && exists(live));
    // A dead queue run: its segment names its queue (key and size), which goes with it; one
    // whose named queue is not what it recorded (another size: someone else's file) stays.
    const QString deadQ = named("deadq", deadPid);
    auto deadQSeg = segment(deadQ);
    deadQSeg->header().creatorPid = uint64_t(deadPid);
    deadQSeg->header().queueKey = 0x1234;
    deadQSeg->header().queueBytes = 8192;
    const QString deadQQueue = QString::fromStdString(queueName(deadQ.toStdString(), 0x1234));
    const QString wrongQ = named("wrongq", deadPid);
    auto wrongQSeg = segment(wrongQ);
    wrongQSeg->header().creatorPid = uint64_t(deadPid);
    wrongQSeg->header().queueKey = 0x5678;
    wrongQSeg->header().queueBytes = 8192;
    const QString wrongQQueue = QString::fromStdString(queueName(wrongQ.toStdString(), 0x5678));
    // A dead MPI run: Open MPI's directory its header names goes with it (its vader files
    // in it); one holding a file that is not Open MPI's stays, and says why.
    const QString deadMpi = named("deadmpi", deadPid);
    auto deadMpiSeg = segment(deadMpi);
    deadMpiSeg->header().creatorPid = uint64_t(deadPid);
    deadMpiSeg->header().mpiKey = 0x9abc;
    const QString mpiDir = QString::fromStdString(mpiDirName(deadMpi.toStdString(), 0x9abc));
    const QString busyMpi = named("busympi", deadPid);
    auto busyMpiSeg = segment(busyMpi);
    busyMpiSeg->header().creatorPid = uint64_t(deadPid);
    busyMpiSeg->header().mpiKey = 0xdef0;
    const QString busyDir = QString::fromStdString(mpiDirName(busyMpi.toStdString(), 0xdef0));
    for (const QString& d : {mpiDir, busyDir}) {
        QVERIFY(::mkdir(path(d).c_str(), 0700) == 0);
        const std::string vader = path(d) + "/vader_segment.host.0.1230001.0";
        ::close(::open(vader.c_str(), O_CREAT | O_WRONLY, 0600));
    }
    const std::string notes = path(busyDir) + "/notes.txt";
    ::close(::open(notes.c_str(), O_CREAT | O_WRONLY, 0600));
    struct RemoveDir { // whatever the sweep leaves, before the directory's own clean-up
        std::string dir, file;
        ~RemoveDir() {
            ::unlink(file.c_str());
            ::unlink((dir + "/vader_segment.host.0.1230001.0").c_str());
            ::rmdir(dir.c_str());
        }
    } removeBusy{path(busyDir), notes}, removeMpi{path(mpiDir), ""};
    // Files that only look like ours: not a segment; another user's; the old queue name of a
    // dead run (anyone could have made it); an orphaned queue holding someone's data.
    const QString foreign = named("notes", deadPid);
    const QString otherUser = named("otheruser", deadPid);
    const QString deadQueue = dead + QStringLiteral("-q");
    const QString orphanQueue = named("mydata", deadPid) + QStringLiteral("-q");
    for (const QString& n : {foreign, otherUser, deadQueue, orphanQueue, deadQQueue, wrongQQueue}) {
        created.push_back(n);
        const int fd = ::open(path(n).c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        if (n == otherUser) QVERIFY(fchown(fd, 30001, 30001) == 0 || geteuid() != 0);
        if (n == orphanQueue) QVERIFY(::write(fd, "my data\n", 8) == 8);
        if (n == deadQQueue) QCOMPARE(posix_fallocate(fd, 0, 8192), 0);
        if (n == wrongQQueue) QCOMPARE(posix_fallocate(fd, 0, 4096), 0);
        ::close(fd);
    }
    const SweepResult r = sweepStaleSegments(dir);
    const auto removed = [&](const QString& n) {
        return std::find(r.removed.begin(), r.removed.end(), n.toStdString()) != r.removed.end();
    };
    const auto mentioned = [&](const QString& n, const char* why) {
        for (const std::string& s : r.leftAlone)
            if (s.rfind(n.toStdString() + ": ", 0) == 0 && s.find(why) != std::string::npos)
                return true;
        return false;
    };
    QVERIFY(removed(dead) && !exists(dead));
    QVERIFY(removed(deadQ) && !exists(deadQ));
    QVERIFY(removed(deadQQueue) && !exists(deadQQueue));
    QVERIFY(removed(wrongQ) && !exists(wrongQ));
    QVERIFY(removed(deadMpi) && removed(mpiDir) && !exists(mpiDir));
    QVERIFY(!removed(busyDir) && exists(busyDir));
    QVERIFY(mentioned(busyDir, "holds files that are not Open MPI's"));
    QVERIFY(!removed(wrongQQueue) && exists(wrongQQueue));
    QVERIFY(mentioned(wrongQQueue, "4096 bytes, not the 8192 its segment says"));
    // Never read as ours: a -q name proves nothing (it was deleted unread).
    QVERIFY(!removed(deadQueue) && exists(deadQueue));
    QVERIFY(mentioned(deadQueue, "not the result queue its segment names"));
    QVERIFY(!removed(orphanQueue) && exists(orphanQueue));
    QVERIFY(mentioned(orphanQueue, "a result queue without its segment"));
    QCOMPARE(r.leftAloneTotal, r.leftAlone.size());
    QVERIFY(removed(reused)); // pid reuse: the pid is alive, but not the creator
    QVERIFY(!removed(live) && exists(live));
    QVERIFY(!removed(otherNs) && exists(otherNs));
    QVERIFY(mentioned(otherNs, "another PID namespace"));
    QVERIFY(!removed(foreign) && exists(foreign));
    QVERIFY(mentioned(foreign, "not a ShmScope segment"));
    if (geteuid() == 0) { // only root can give a file away
        QVERIFY(!removed(otherUser) && exists(otherUser));
        QVERIFY(mentioned(otherUser, "owned by uid 30001"));
    }
}

void TestSegment::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_GUILESS_MAIN(TestSegment)
#include "tst_segment.moc"
