#include "runner/worker_processes.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {
// An epoll event's data: the worker and which of its two descriptors.
constexpr uint64_t kPidfdBit = 1;
uint64_t tag(uint32_t k, bool pidfd) {
    return (uint64_t(k) << 1) | (pidfd ? kPidfdBit : 0);
}

// This process's environment with `extra` put in: a variable of the same name is replaced.
std::vector<char*> environmentWith(const std::vector<std::string>& extra) {
    std::vector<char*> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string_view var(*e);
        const std::string_view name = var.substr(0, var.find('='));
        bool replaced = false;
        for (const std::string& x : extra)
            replaced = replaced || (x.size() > name.size() &&
                                    x.compare(0, name.size(), name) == 0 && x[name.size()] == '=');
        if (!replaced) env.push_back(*e);
    }
    for (const std::string& x : extra)
        env.push_back(const_cast<char*>(x.c_str()));
    env.push_back(nullptr);
    return env;
}
} // namespace

WorkerProcesses::WorkerProcesses(QObject* parent) : QObject(parent) {
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll >= 0) {
        m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &WorkerProcesses::onReady);
    }
}

WorkerProcesses::~WorkerProcesses() {
    clear();
    if (m_epoll >= 0) ::close(m_epoll);
}

pid_t WorkerProcesses::start(const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, std::string* error) {
    const uint32_t k = uint32_t(m_procs.size());
    m_procs.push_back({});
    auto refuse = [error](const char* what, int err) {
        if (error) *error = std::string(what) + std::strerror(err);
        return pid_t(0);
    };
    if (m_epoll < 0) return refuse("", errno ? errno : EMFILE);
    int errPipe[2];
    // Non-blocking on the app's end only: a worker writing faster than the app reads must
    // wait, not see EAGAIN and lose its output.
    if (::pipe2(errPipe, O_CLOEXEC) != 0) return refuse("", errno);
    ::fcntl(errPipe[0], F_SETFL, ::fcntl(errPipe[0], F_GETFL) | O_NONBLOCK);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, errPipe[1], 2); // clears close-on-exec on 2
    // The app's mask and ignored signals are not the worker's: Ctrl+C and SIGTERM must reach
    // it as they would any program (segment_cleanup blocks some while it works).
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<char*> envp = environmentWith(env);
    pid_t pid = 0;
    // glibc's posix_spawn waits until the exec succeeded or failed (CLONE_VFORK) and returns
    // the exec's error: a missing or non-executable program is refused here.
    const int rc = ::posix_spawnp(&pid, args[0], &fa, &attr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    ::close(errPipe[1]);
    if (rc != 0) {
        ::close(errPipe[0]);
        return refuse("", rc);
    }
    Proc& p = m_procs[k];
    p.pid = pid;
    p.running = true;
    p.errFd = errPipe[0];
    // By syscall: glibc 2.36's <sys/pidfd.h> declares pidfd_open without C linkage.
    p.pidfd = int(::syscall(SYS_pidfd_open, pid, 0)); // close-on-exec by the kernel
    if (p.pidfd < 0) { // a kernel before 5.3: its end could not be seen
        const int err = errno;
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        closeFd(p.errFd);
        p.running = false;
        return refuse("cannot watch the process: ", err);
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = tag(k, false);
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, p.errFd, &ev);
    ev.data.u64 = tag(k, true);
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, p.pidfd, &ev);
    return pid;
}

void WorkerProcesses::signal(size_t k, int sig) const {
    if (running(k)) ::kill(m_procs[k].pid, sig);
}

void WorkerProcesses::onReady() {
    epoll_event evs[64];
    for (;;) {
        const int n = ::epoll_wait(m_epoll, evs, 64, 0);
        if (n <= 0) break;
        for (int i = 0; i < n; ++i) {
            const uint32_t k = uint32_t(evs[i].data.u64 >> 1);
            if (k >= m_procs.size()) continue;
            if (evs[i].data.u64 & kPidfdBit)
                reap(k);
            else
                readStderr(k);
        }
    }
}

void WorkerProcesses::readStderr(uint32_t k) {
    Proc& p = m_procs[k];
    char buf[4096];
    while (p.errFd >= 0) {
        const ssize_t n = ::read(p.errFd, buf, sizeof buf);
        if (n > 0) {
            if (onStderr) onStderr(k, std::string_view(buf, size_t(n)));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n == 0 || errno != EAGAIN) closeFd(p.errFd); // the worker and its children are gone
        break;
    }
}

void WorkerProcesses::reap(uint32_t k) {
    Proc& p = m_procs[k];
    if (!p.running) return;
    int status = 0;
    const pid_t r = ::waitpid(p.pid, &status, WNOHANG);
    if (r == 0 || (r < 0 && errno == EINTR)) return; // not yet (a spurious wake)
    // What it wrote before it died is read first: its last words belong to its run.
    readStderr(k);
    closeFd(p.errFd); // a child of the worker that kept it open is not waited for
    closeFd(p.pidfd);
    p.running = false;
    Exit e;
    if (r == p.pid && WIFSIGNALED(status))
        e.signal = WTERMSIG(status);
    else if (r == p.pid)
        e.code = WEXITSTATUS(status);
    else
        e.code = 255; // reaped elsewhere (it cannot be, but the run must still end)
    if (onExit) onExit(k, e);
}

void WorkerProcesses::closeFd(int& fd) {
    if (fd < 0) return;
    if (m_epoll >= 0) ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    ::close(fd);
    fd = -1;
}

void WorkerProcesses::clear() {
    for (Proc& p : m_procs) {
        if (p.running) {
            ::kill(p.pid, SIGKILL);
            // SIGKILL cannot be ignored; 2 s bounds a process the kernel is slow to end.
            pollfd pfd{p.pidfd, POLLIN, 0};
            ::poll(&pfd, 1, 2000);
            int status = 0;
            ::waitpid(p.pid, &status, WNOHANG);
            p.running = false;
        }
        closeFd(p.errFd);
        closeFd(p.pidfd);
    }
    m_procs.clear();
}
