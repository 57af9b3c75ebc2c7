#include "runner/graceful_signals.h"

#include "runner/segment_cleanup.h"

#include <QSocketNotifier>

#include <csignal>
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
    if (!m_signal) return;
    std::signal(m_signal, SIG_DFL);
    raise(m_signal);
}
