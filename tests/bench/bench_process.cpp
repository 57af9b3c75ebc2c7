#include "bench_process.h"

#include <QProcess>

#include <algorithm>

#include <chrono>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace bench {
namespace {

struct Argv {
    std::vector<std::string> store;
    std::vector<char*> ptrs;
    explicit Argv(const QStringList& l) {
        for (const QString& s : l)
            store.push_back(s.toStdString());
        for (std::string& s : store)
            ptrs.push_back(s.data());
        ptrs.push_back(nullptr);
    }
};

// posix_spawn (vfork-like, the cheapest way to start a process) with stdout/stderr to
// /dev/null; env entries NAME=VALUE are added to ours.
pid_t spawn(const Argv& a, const QStringList& env) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> envStore;
    for (char** e = environ; *e; ++e)
        envStore.emplace_back(*e);
    for (const QString& e : env)
        envStore.push_back(e.toStdString());
    std::vector<char*> envp;
    for (std::string& e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawnp(&pid, a.ptrs[0], &fa, nullptr, a.ptrs.data(), envp.data()) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

bool exitedOk(pid_t pid) {
    int st = 0;
    return waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

std::optional<double> wallOf(const QStringList& argv, const QStringList& env) {
    const Argv a(argv);
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = spawn(a, env);
    if (pid < 0 || !exitedOk(pid)) return std::nullopt;
    return since(t0);
}

std::optional<double> wallOfMany(const QStringList& argv, int count) {
    const Argv a(argv);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<pid_t> pids;
    for (int i = 0; i < count; ++i)
        pids.push_back(spawn(a, {}));
    bool ok = true;
    for (pid_t p : pids)
        ok = p > 0 && exitedOk(p) && ok;
    if (!ok) return std::nullopt;
    return since(t0);
}

std::optional<QString> outputOf(const QStringList& argv, const QStringList& env) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(e);
    p.start(argv.first(), argv.mid(1));
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pythonWithNumpy() {
    for (const char* py : {"/usr/bin/python3", "python3"}) {
        QProcess p;
        p.start(QString::fromLatin1(py), {QStringLiteral("-c"), QStringLiteral("import numpy")});
        if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return QString::fromLatin1(py);
    }
    return {};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double minOf(const std::vector<double>& v) {
    return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

double figureAfter(const QString& out, const QString& line, const QString& before) {
    for (const QString& l : out.split(QLatin1Char('\n')))
        if (l.startsWith(line)) {
            const qsizetype at = l.indexOf(before);
            if (at >= 0)
                return l.mid(at + before.size()).section(QLatin1Char(' '), 0, 0).toDouble();
        }
    return -1;
}

} // namespace bench
