// --transport mpi: the ranks are started by one mpirun instead of one process per worker.
// Rank 0 attaches to the segment and publishes every rank's slot, so the barrier, the stall
// check and the views work as for local workers; what differs is here: the launcher's command
// line, the end of the run (mpirun's exit, its report of a dead rank) and faults (a rank is
// killed by its pid, on this host only).
#include "runner/run_controller.h"

#include "segment/mpi_dir.h"
#include "segment/queue_file.h"
#include "segment/snapshot.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <csignal>
#include <unistd.h>

QString RunController::workerName(uint32_t k) const {
    return mpi() ? tr("rank %1").arg(k) : tr("worker %1").arg(k);
}

QString RunController::workerWithPid(uint32_t k, int64_t pid) const {
    if (!mpi() || !m_segment || k >= m_cfg.workers)
        return QStringLiteral("%1 (pid %2)").arg(workerName(k)).arg(pid);
    const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
    return tr("%1 (pid %2 on %3)")
        .arg(workerName(k))
        .arg(pid ? pid : w.pid)
        .arg(w.host.empty() ? QStringLiteral("?") : QString::fromStdString(w.host));
}

// Every rank says Done, yet the run ends only when mpirun exits (so no rank is left): a
// launcher or remote daemon stuck in shutdown must not keep the run open forever.
void RunController::checkMpiEnded(const watchdog::Reading& r) {
    if (!m_mpirun || m_mpirun->state() == QProcess::NotRunning || !m_segment) return;
    watchdog::Step step = watchdog::checkMpiEnded(m_watch, r);
    m_watch = std::move(step.state);
    applyVerdict(step.verdict);
}

// A stopped mpirun (SIGSTOP) cannot end the job: its ranks finish and then wait for it in
// MPI_Finalize, and nothing else would notice before every rank is Done + 5 s, when the app's
// own kill was then all the failure said. /proc says it is stopped; after the suspend or the
// stall timeout, whichever is shorter, the run fails naming it, and killAll() ends it.
void RunController::watchMpirun(const watchdog::Reading& r) {
    if (!m_mpirun || m_failed || m_mpirun->state() != QProcess::Running || !m_mpirunPid) return;
    const char st = shm::readProcStat(m_mpirunPid).state;
    watchdog::Step step = watchdog::checkMpirunStopped(m_watch, r, st == 'T' || st == 't', m_cfg);
    m_watch = std::move(step.state);
    step.verdict.pid = m_mpirunPid;
    applyVerdict(step.verdict);
}

// After mpirun has ended, however it ended: Open MPI removes its files only when it ends
// normally.
void RunController::removeMpiDir() {
    // Its session directory in /tmp too (PMIx's stores, ~8 MB): left only by a killed mpirun.
    if (m_mpirunPid && m_mpirun && m_mpirun->state() == QProcess::NotRunning)
        if (const std::string why = shm::removeMpiSessionDir(m_mpirunPid); !why.empty())
            m_meta.errors.push_back("Open MPI's session directory " + why);
    if (m_mpiDir.empty()) return;
    if (const std::string why = shm::removeMpiDir(m_mpiDir); !why.empty())
        m_meta.errors.push_back("Open MPI's directory " + m_mpiDir +
                                " could not be removed: " + why);
    m_mpiDir.clear();
}

QString RunController::checkMpi(const shm::ExperimentConfig& cfg) const {
    Q_UNUSED(cfg);
#ifndef SHMSCOPE_HAVE_MPI
    return tr("--transport mpi: this ShmScope was built without MPI (install libopenmpi-dev and "
              "rebuild)");
#else
    if (!m_command.empty())
        return tr("--transport mpi runs shmscope-mpi-worker ranks: --worker-command does not "
                  "apply");
    if (!QFileInfo(m_mpiWorkerPath).isExecutable())
        return tr("--transport mpi: %1 not found (this build has MPI support; was it installed "
                  "beside shmscope?)")
            .arg(m_mpiWorkerPath);
    if (QStandardPaths::findExecutable(QStringLiteral("mpirun")).isEmpty())
        return tr("--transport mpi: mpirun not found on PATH (Debian: apt-get install "
                  "openmpi-bin)");
    return {};
#endif
}

QStringList RunController::mpirunCommand(const shm::ExperimentConfig& cfg,
                                         const std::string& segment) const {
    QStringList argv{QStringLiteral("mpirun")};
    // Open MPI refuses to run as root unless told; only then.
    if (geteuid() == 0) argv << QStringLiteral("--allow-run-as-root");
    // More ranks than cores is what a teaching run on a laptop does; no binding, so ranks share
    // the cores with the app like local workers. The user's arguments come after and win.
    if (!m_mpiArgs.contains(QStringLiteral("--nooversubscribe")))
        argv << QStringLiteral("--oversubscribe");
    if (!m_mpiArgs.contains(QStringLiteral("--bind-to")))
        argv << QStringLiteral("--bind-to") << QStringLiteral("none");
    argv << QStringLiteral("-np") << QString::number(cfg.workers) << m_mpiArgs << m_mpiWorkerPath
         << QStringLiteral("--segment") << QString::fromStdString(segment);
    return argv;
}

void RunController::spawnMpirun(const std::string& name) {
    // The key into the header first: an app that dies from here on leaves a directory its
    // segment names, and the sweep removes both.
    const uint64_t key = shm::newQueueKey();
    m_segment->header().mpiKey = key;
    m_mpiDir = "/dev/shm/" + shm::mpiDirName(name, key);
    if (const std::string why = shm::createMpiDir(m_mpiDir); !why.empty()) {
        m_meta.errors.push_back("Open MPI's directory " + m_mpiDir + " could not be made (" + why +
                                "): its files go to /dev/shm");
        m_mpiDir.clear();
    }
    const QStringList argv = mpirunCommand(m_cfg, name);
    m_mpirun = new QProcess(this);
    // Open MPI's shared-memory files into the run's own directory (mpi_dir.h), unless the user
    // chose one. In the environment, not as --mca: mpirun hands it to every rank, and a rank on
    // another host, where the directory is not, drops it before MPI_Init (mpi_worker_main.cpp).
    if (!m_mpiDir.empty() && !m_mpiArgs.contains(QStringLiteral("btl_vader_backing_directory"))) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OMPI_MCA_btl_vader_backing_directory"),
                   QString::fromStdString(m_mpiDir));
        m_mpirun->setProcessEnvironment(env);
        m_meta.mpiEnvironment = "OMPI_MCA_btl_vader_backing_directory=" + m_mpiDir;
    }
    m_meta.mpiCommand = argv.join(QLatin1Char(' ')).toStdString();
    m_mpirun->setProgram(argv.first());
    m_mpirun->setArguments(argv.mid(1));
    m_mpirun->setProcessChannelMode(QProcess::SeparateChannels);
    m_mpirun->setStandardOutputFile(QProcess::nullDevice());
    connect(m_mpirun, &QProcess::finished, this, &RunController::onMpirunFinished);
    connect(m_mpirun, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        for (shm::WorkerRecord& r : m_exits) {
            r.exited = true;
            r.failedToStart = true;
            r.exitNs = shm::nowNs();
        }
        fail(tr("mpirun could not be started: %1").arg(m_mpirun->errorString()));
        maybeFinish();
    });
    m_mpirunStartNs = shm::nowNs();
    // mpirun and every rank it starts here inherit it (work/worker_priority.h).
    m_mpirun->setChildProcessModifier([s = m_scheduling] { shm::lowerThisProcess(s); });
    m_mpirun->start();
    m_mpirunPid = m_mpirun->processId();
}

// The fault: SIGKILL (or SIGSTOP) to the rank's pid, which rank 0 published. Only a rank on
// this host can be reached; mpirun then notices the death and ends the job.
void RunController::killRank(uint32_t k, shm::FaultAction action) {
    if (!m_segment || k >= m_cfg.workers || m_exits[k].exited) return;
    const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
    if (w.pid <= 0) return; // not started yet
    if (w.hostIndex != 0) { // its pid is another host's
        m_meta.errors.push_back("rank " + std::to_string(k) + " runs on " + w.host +
                                ": the fault can only reach ranks on this host");
        return;
    }
    if (action == shm::FaultAction::Hang) {
        m_meta.errors.push_back("--fault-action hang does not apply to MPI ranks");
        return;
    }
    if (!m_meta.fault.killed && m_cfg.killWorker == k && m_releaseNs) {
        m_meta.fault.killed = true;
        m_meta.fault.atMs = double(shm::nowNs() - m_releaseNs) / 1e6;
    }
    ::kill(pid_t(w.pid), action == shm::FaultAction::Stop ? SIGSTOP : SIGKILL);
}

// mpirun's report of a dead rank, with the host as the rank named it; mpirun names it as the
// hostfile does (an address, maybe), which is added when it differs.
void RunController::failDeadRank(uint32_t k, const QString& node, int signal) {
    const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
    const QString host = QString::fromStdString(w.host);
    const QString where = host.isEmpty() ? node
                          : host == node.section(QLatin1Char('.'), 0, 0)
                              ? host
                              : QStringLiteral("%1 at %2").arg(host, node);
    if (!m_failed)
        fail(tr("rank %1 (pid %2 on %3) was killed by signal %4; mpirun ended the job")
                 .arg(k)
                 .arg(w.pid)
                 .arg(where)
                 .arg(signal));
}

// Every rank has ended with mpirun. A rank that died is named by mpirun ("mpirun noticed that
// process rank 2 with PID 0 on node vm exited on signal 9 (Killed)."); a rank that gave up
// said why on a line of its own ("shmscope-mpi-worker: rank 0: ...").
void RunController::onMpirunFinished(int exitCode, QProcess::ExitStatus status) {
    checkSegmentIntact();
    const QString err = QString::fromLocal8Bit(m_mpirun->readAllStandardError());
    const uint64_t now = shm::nowNs();
    static const QRegularExpression died(
        QStringLiteral("process rank (\\d+) with PID \\d+ on node (\\S+) exited on signal (\\d+)"));
    static const QRegularExpression ours(QStringLiteral("^shmscope-mpi-worker: (rank \\d+: .*)$"),
                                         QRegularExpression::MultilineOption);
    int deadRank = -1, deadSignal = 0;
    QString deadHost;
    if (const auto m = died.match(err); m.hasMatch()) {
        deadRank = m.captured(1).toInt();
        deadHost = m.captured(2);
        deadSignal = m.captured(3).toInt();
    }
    QString ownLine;
    for (auto it = ours.globalMatch(err); it.hasNext();) {
        const QString line = it.next().captured(1).trimmed();
        if (ownLine.isEmpty()) ownLine = line;
        m_meta.errors.push_back(line.toStdString());
    }
    for (uint32_t k = 0; k < m_exits.size(); ++k) {
        shm::WorkerRecord& e = m_exits[k];
        if (e.exited) continue;
        e.exited = true;
        e.exitNs = now;
        const shm::WorkerRecord w = shm::readWorker(*m_segment, k);
        const shm::WorkerState st = w.state;
        if (w.pid == 0) {
            e.failedToStart = true; // mpirun never got it to rank 0's hello
        } else if (int(k) == deadRank) {
            e.signal = deadSignal;
        } else if (st == shm::WorkerState::Done) {
            e.exitCode = 0;
        } else if (exitCode != 0 || status == QProcess::CrashExit) {
            // Ended with the job: mpirun sends SIGTERM (SIGKILL after a grace period).
            e.terminatedByUs = true;
            e.signal = SIGTERM;
        } else {
            e.exitCode = 0;
        }
    }
    if (deadRank >= 0 && uint32_t(deadRank) < m_exits.size()) {
        failDeadRank(uint32_t(deadRank), deadHost, deadSignal);
    } else if (!ownLine.isEmpty()) {
        if (!m_failed) fail(ownLine);
    } else if (status == QProcess::NormalExit && exitCode == 0 && !m_failed &&
               std::all_of(m_exits.begin(), m_exits.end(),
                           [](const shm::WorkerRecord& e) { return e.failedToStart; })) {
        fail(tr("mpirun exited before any rank started (check --mpi-args)"));
    } else if (status == QProcess::CrashExit || exitCode != 0) {
        // mpirun's own complaint: its first line of text that is not a banner rule.
        QString first;
        for (const QString& line : err.split(QLatin1Char('\n'))) {
            const QString t = line.trimmed();
            if (!t.isEmpty() && !t.startsWith(QLatin1Char('-'))) {
                first = t;
                break;
            }
        }
        if (!m_failed && !m_stopRequested)
            fail(status == QProcess::CrashExit
                     ? tr("mpirun was killed by signal %1").arg(exitCode)
                     : tr("mpirun failed with exit code %1%2")
                           .arg(exitCode)
                           .arg(first.isEmpty() ? QString() : QStringLiteral(": ") + first));
    }
    for (uint32_t k = 0; k < m_exits.size(); ++k)
        emit workerExited(k);
    maybeFinish();
}
