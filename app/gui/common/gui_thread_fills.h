#pragma once
// Qt's parallel fills, run on the GUI thread instead.
//
// Qt 6.4's raster engine hands every fill of 96 rows or more (and image scaling and format
// conversion) to QThreadPool::globalInstance() in pieces and waits for them: about 15 times a
// frame here. With workers crowding the CPUs each hand-off blocked the GUI thread until a pool
// thread got a CPU, then until the GUI thread got one back: a frame with 13 ms of CPU took
// 320 ms (209 ms of it queued for a CPU, /proc/thread-self/schedstat). Run on the calling
// thread, the same fills cost a little more of the GUI thread's CPU and no waiting
// (docs/performance.md has the frame table with and without).
//
// Qt offers no switch for it, so this file defines QThreadPool::start(std::function<void()>,
// int) itself: the dynamic linker binds Qt Gui's calls to the executable's definition first.
// Once enabled, a task the GUI thread gives the global pool runs at once on the GUI thread (the
// app gives that pool nothing; Qt's callers all wait for their tasks); any other call goes on
// to Qt's own. SHMSCOPE_QT_PARALLEL_FILLS=1 in the environment keeps Qt's way, for comparison.
#include <cstdint>

namespace gui_thread_fills {

// Called by every main window (app, tests, benchmarks). False when the environment asks for
// Qt's own parallel fills.
bool enable();
bool enabled();
// Tasks run on the GUI thread instead of the pool so far.
uint64_t inlined();

} // namespace gui_thread_fills
