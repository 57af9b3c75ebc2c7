#pragma once
// SIGINT/SIGTERM/SIGHUP while a headless run (or sweep) is on: instead of the quick way (remove
// the segments, die), the owner is told, stops the run, prints what it has, then dies of the
// signal as before so the shell still sees it. Armed for this object's lifetime; arm it before
// a run starts (a signal while workers are spawned waits in the pipe).
#include <QObject>

#include <memory>

class QSocketNotifier;

class GracefulSignals : public QObject {
    Q_OBJECT
  public:
    GracefulSignals();
    ~GracefulSignals() override;
    int signalled() const { return m_signal; } // the first signal received, or 0
    void reraise() const;                      // dies of it, when there was one

  signals:
    void received(int signal); // once, for the first signal

  private:
    int m_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    int m_signal = 0;
};
