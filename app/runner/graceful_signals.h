#pragma once
// SIGINT/SIGTERM/SIGHUP while a headless run (or sweep) is on: instead of the quick way (remove
// the segments, die), the owner is told, stops the run, prints what it has, then dies of the
// signal as before so the shell still sees it. Armed for this object's lifetime; arm it before
// a run starts (a signal while workers are spawned waits in the pipe) and keep it until the
// report is out: every signal while armed is only noted, so a second one (timeout's SIGTERM to
// the group after the one to the app, a second Ctrl+C) cannot kill the app before its report.
#include "runner/segment_cleanup.h"

#include <QObject>
#include <QString>

#include <csignal>
#include <memory>

class QSocketNotifier;

class GracefulSignals : public QObject {
    Q_OBJECT
  public:
    GracefulSignals();
    ~GracefulSignals() override;
    int signalled() const { return m_signal; } // the first signal received, or 0
    void reraise() const;                      // dies of it, when there was one

    // The signals that end a run this way.
    static bool stopsTheRun(int sig) { return sig == SIGINT || sig == SIGTERM || sig == SIGHUP; }
    // "signal 15 (SIGTERM) from pid 4242 (timeout)", "signal 2 (SIGINT) from the terminal":
    // the signal and who sent it, as the kernel told the handler.
    static QString describe(const segment_cleanup::SignalInfo& s);

  signals:
    void received(int signal); // once, for the first signal

  private:
    int m_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    int m_signal = 0;
};
