// The settings table's texts (core/model/settings.h: group, label, help, choice help), marked
// for lupdate: the table lives in the Qt-free core, where lupdate does not look and tr() cannot
// be called, so the window translates them under the context "shm::kSettings" (controls_panel.cpp)
// and this list is what puts them into the .ts files. tst_translations fails, naming the line
// to add here, when a row's text is missing from it or has no Korean translation.
#include "gui/setting_texts.h"

#include <QtGlobal>

namespace {
constexpr const char* kTexts[] = {
    QT_TRANSLATE_NOOP("shm::kSettings", "Experiment"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Workers"),
    QT_TRANSLATE_NOOP("shm::kSettings", "worker processes sharing the array"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Elements"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "doubles in the shared array, also bounded by free /dev/shm space"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Workload"),
    QT_TRANSLATE_NOOP("shm::kSettings", "what each element computes"),
    QT_TRANSLATE_NOOP("shm::kSettings", "sin(i): cheap, every element independent."),
    QT_TRANSLATE_NOOP("shm::kSettings", "A smooth wave over the array: easy to read in the plot."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Every element adds 1 to a hashed bin: shared "
                                        "read-modify-writes that race without a lock."),
    QT_TRANSLATE_NOOP(
        "shm::kSettings",
        "Escape iterations along a line: uneven cost, so static partitions get unequal work."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "Each worker bumps its own 64-bit counter: no data is shared, yet counters "
                      "on one cache line (packed) slow every worker down: false sharing."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Bins"),
    QT_TRANSLATE_NOOP("shm::kSettings", "bins of the histogram workload"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Partition"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Strategy"),
    QT_TRANSLATE_NOOP("shm::kSettings", "how the indices are divided among the workers"),
    QT_TRANSLATE_NOOP("shm::kSettings", "One contiguous band per worker."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Worker k takes every W-th element."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Chunks dealt round-robin to the workers."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "Workers claim the next chunk from a shared cursor when they are free."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "Like dynamic, with pieces shrinking as the work runs out."),
    QT_TRANSLATE_NOOP(
        "shm::kSettings",
        "The blog post's split as written: arange(0, N, N // W), one range per worker in order; "
        "ranges beyond the workers never run, so a remainder stays unwritten."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Chunk"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "elements per piece of work, and per lock with chunk lock scope"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Synchronisation"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Sync"),
    QT_TRANSLATE_NOOP("shm::kSettings", "how workers protect their writes to the shared array"),
    QT_TRANSLATE_NOOP("shm::kSettings", "No lock: fastest, and shared updates can be lost."),
    QT_TRANSLATE_NOOP("shm::kSettings", "One process-shared mutex for everything."),
    QT_TRANSLATE_NOOP("shm::kSettings", "One mutex per stripe of indices: less contention."),
    QT_TRANSLATE_NOOP("shm::kSettings", "A test-and-test-and-set spin lock."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Atomic instructions, no lock."),
    QT_TRANSLATE_NOOP(
        "shm::kSettings",
        "One process-shared robust mutex: if its holder dies, the next worker to lock it is told, "
        "repairs what the dead one left half-done and takes its work over."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Stripes"),
    QT_TRANSLATE_NOOP("shm::kSettings", "mutexes of the striped sync"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Lock scope"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "how much work one lock acquisition covers, with a lock-based sync"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Lock and unlock around every element."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Hold the lock for a whole chunk."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Slow motion"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Delay"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "extra time per element: slow motion, acts at once, also during a run"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Record lock timings"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "time every lock acquisition; off shows what the timing itself costs"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Transport"),
    QT_TRANSLATE_NOOP("shm::kSettings", "how the results reach the controller's array"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "Workers write the shared array: the controller sees every write."),
    QT_TRANSLATE_NOOP(
        "shm::kSettings",
        "Each worker maps the array copy-on-write (MAP_PRIVATE), as the blog's example effectively "
        "does: it writes its own copy and the controller sees nothing."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "Workers send their results through a message queue; the controller writes "
                      "the array. The copies and the waiting a queue costs become visible."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "The workers are MPI ranks started by mpirun (on this host or several): rank "
                      "0 writes the shared array, the others compute in private memory and send it "
                      "their results as messages."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Counters"),
    QT_TRANSLATE_NOOP("shm::kSettings", "where the counters workload puts the workers' counters"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "The counters side by side: up to 8 share one 64-byte cache line."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Each counter on a 128-byte line of its own."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Increments"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "how often each worker bumps its counter (counters workload)"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Fault injection"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Kill worker"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "scripted fault: SIGKILL this worker (0-based) during the run, reproducibly"),
    QT_TRANSLATE_NOOP("shm::kSettings", "At"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "when the scripted kill happens, in ms after the start barrier opens"),
    QT_TRANSLATE_NOOP("shm::kSettings", "When"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "kill at the time, or at the worker's next lock acquisition after it"),
    QT_TRANSLATE_NOOP("shm::kSettings", "SIGKILL the worker at the given time, wherever it is."),
    QT_TRANSLATE_NOOP("shm::kSettings", "From the given time on, SIGKILL the worker at its next "
                                        "lock acquisition, while it holds the lock."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Suspended"),
    QT_TRANSLATE_NOOP(
        "shm::kSettings",
        "a worker stopped (SIGSTOP) for this long fails the run; SIGCONT before it goes on"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Action"),
    QT_TRANSLATE_NOOP(
        "shm::kSettings",
        "what the scripted fault (and Kill worker now) does: kill, stop or hang the worker"),
    QT_TRANSLATE_NOOP("shm::kSettings", "SIGKILL: the worker dies at once, wherever it is."),
    QT_TRANSLATE_NOOP("shm::kSettings", "SIGSTOP: the worker is suspended (Continue sends "
                                        "SIGCONT); after the suspend timeout the run fails."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "The worker keeps running but publishes nothing, like an endless loop; the "
                      "stall check names it after the stall timeout."),
    QT_TRANSLATE_NOOP("shm::kSettings", "Stalled"),
    QT_TRANSLATE_NOOP("shm::kSettings", "a running worker that publishes nothing for this long "
                                        "fails the run (named); waiting for a lock does not count"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Log every update"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "log each shared bin update (read, write, times) to show how updates get "
                      "lost; histogram runs of at most 2000000 updates, 24 bytes each"),
    QT_TRANSLATE_NOOP("shm::kSettings", "Priority"),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "how the workers are scheduled against the window and other programs (the "
                      "report's worker_scheduling says what was used)"),
    QT_TRANSLATE_NOOP(
        "shm::kSettings",
        "In the window, workers that outnumber the CPUs get nice 5 to 19, by how many "
        "share a CPU, so the window keeps its pace; headless, as normal."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "The app's priority; workers that outnumber the CPUs lower themselves to "
                      "nice 5."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "Every worker at nice 19: the app and other programs come first."),
    QT_TRANSLATE_NOOP("shm::kSettings",
                      "Every worker at SCHED_IDLE: it runs only on CPU time nothing else wants."),
};
} // namespace

std::span<const char* const> settingTexts() {
    return kTexts;
}
