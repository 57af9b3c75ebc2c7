#include "runner/graceful_signals.h"

#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

GracefulSignals::GracefulSignals() {
    if (pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return; // the quick way stays
    m_notifier = std::make_unique<QSocketNotifier>(m_pipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        unsigned char b = 0;
        if (read(m_pipe[0], &b, 1) == 1 && !m_signal) {
            m_signal = b;
            emit received(b);
        }
    });
    segment_cleanup::setGracefulFd(m_pipe[1]);
}

GracefulSignals::~GracefulSignals() {
    segment_cleanup::setGracefulFd(-1);
    m_notifier.reset();
    for (int fd : m_pipe)
        if (fd >= 0) close(fd);
}

void GracefulSignals::reraise() const {
    // Also one noted after the loop that would have delivered it had ended.
    const int sig = m_signal ? m_signal : segment_cleanup::firstSignal().signal;
    if (!sig) return;
    std::fflush(stdout);
    std::signal(sig, SIG_DFL);
    raise(sig);
}

QString GracefulSignals::describe(const segment_cleanup::SignalInfo& s) {
    const char* abbrev = sigabbrev_np(s.signal);
    const QString sig = QStringLiteral("signal %1 (SIG%2)")
                            .arg(s.signal)
                            .arg(QString::fromLatin1(abbrev ? abbrev : "?"));
    // A terminal's Ctrl+C or hang-up comes from the kernel, with no sending process.
    if (s.code == SI_KERNEL) return tr("%1 from the terminal").arg(sig);
    if (s.code > 0 || s.pid <= 0) return sig; // not sent by a process: nobody to name
    if (s.pid == getpid()) return tr("%1 from ShmScope itself").arg(sig);
    // The sender's name while it is still there (timeout and shells are; kill(1) may be gone).
    QFile comm(QStringLiteral("/proc/%1/comm").arg(s.pid));
    QString name;
    if (comm.open(QIODevice::ReadOnly)) name = QString::fromLocal8Bit(comm.readAll()).trimmed();
    // Printable only: a process may name itself anything.
    for (QChar& c : name)
        if (!c.isPrint()) c = QLatin1Char('?');
    const QString who =
        name.isEmpty() ? tr("pid %1").arg(s.pid) : tr("pid %1 (%2)").arg(s.pid).arg(name);
    if (s.uid != getuid()) return tr("%1 from %2, user %3").arg(sig, who).arg(s.uid);
    return tr("%1 from %2").arg(sig, who);
}
