#include "gui/common/gui_thread_fills.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <functional>

namespace {
std::atomic<bool> g_enabled{false};
std::atomic<uint64_t> g_inlined{0};

using StartFn = void (*)(QThreadPool*, std::function<void()>, int);
// Qt's own definition: the next one after ours in the lookup order.
StartFn qtStart() {
    static const StartFn f =
        reinterpret_cast<StartFn>(dlsym(RTLD_NEXT, "_ZN11QThreadPool5startESt8functionIFvvEEi"));
    return f;
}

bool onGuiThread() {
    const QCoreApplication* app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread();
}
} // namespace

void QThreadPool::start(std::function<void()> functionToRun, int priority) {
    if (g_enabled.load(std::memory_order_relaxed) && onGuiThread() &&
        this == QThreadPool::globalInstance()) {
        g_inlined.fetch_add(1, std::memory_order_relaxed);
        functionToRun();
        return;
    }
    const StartFn qt = qtStart();
    // Without Qt's own nothing can be handed to a pool thread: running it here instead could
    // deadlock a caller that waits for it on another thread.
    if (!qt) qFatal("shmscope: Qt's QThreadPool::start was not found (dlsym)");
    qt(this, std::move(functionToRun), priority);
}

namespace gui_thread_fills {

bool enable() {
    const char* v = std::getenv("SHMSCOPE_QT_PARALLEL_FILLS");
    const bool qtsWay = v && std::strcmp(v, "1") == 0;
    g_enabled.store(!qtsWay, std::memory_order_relaxed);
    return !qtsWay;
}

bool enabled() {
    return g_enabled.load(std::memory_order_relaxed);
}

uint64_t inlined() {
    return g_inlined.load(std::memory_order_relaxed);
}

} // namespace gui_thread_fills
