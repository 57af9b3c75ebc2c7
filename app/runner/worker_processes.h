#pragma once
// The run's worker processes: started with posix_spawn, watched through one epoll set that
// holds each worker's pidfd and stderr pipe, behind one socket notifier. QProcess took two
// notifiers per worker and copied the whole environment for each: ~6 ms of the GUI thread per
// run of 64 workers in those events alone, a run of 100 ms at a time when workers compute
// flat out. A worker's exit is seen the moment it happens, as before (not at the next poll).
#include <QObject>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

class QSocketNotifier;

class WorkerProcesses : public QObject {
  public:
    struct Exit {
        int code = 0;   // the exit status, when it exited
        int signal = 0; // the signal that ended it, or 0
    };
    // What becomes of each worker's output and end; called on the thread that owns this.
    std::function<void(uint32_t, std::string_view)> onStderr;
    std::function<void(uint32_t, Exit)> onExit;

    explicit WorkerProcesses(QObject* parent = nullptr);
    // Any still running are killed (SIGKILL) and reaped, up to 2 s each.
    ~WorkerProcesses() override;
    WorkerProcesses(const WorkerProcesses&) = delete;
    WorkerProcesses& operator=(const WorkerProcesses&) = delete;

    // Starts the next worker (its index: size() before the call): argv[0] looked up in PATH as
    // a shell would, stdin and stdout /dev/null, stderr read into onStderr, the environment
    // this process's plus `env` ("NAME=value", replacing a variable of the same name). The
    // pid, or 0 with `error` saying why it did not start (the worker still takes its index).
    pid_t start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                std::string* error);
    size_t size() const { return m_procs.size(); }
    bool running(size_t k) const { return k < m_procs.size() && m_procs[k].running; }
    pid_t pid(size_t k) const { return k < m_procs.size() ? m_procs[k].pid : 0; }
    void signal(size_t k, int sig) const; // nothing if it is not running
    // Every worker killed and reaped, forgotten; onExit is not called for them.
    void clear();

  private:
    struct Proc {
        pid_t pid = 0;
        int pidfd = -1, errFd = -1;
        bool running = false;
    };
    void onReady();
    void readStderr(uint32_t k);
    void reap(uint32_t k);
    void closeFd(int& fd);

    std::vector<Proc> m_procs;
    int m_epoll = -1;
    QSocketNotifier* m_notifier = nullptr;
};
