#pragma once
// The controller's timers, shared by its files (run_controller.cpp, run_supervision.cpp).
namespace run_timing {
inline constexpr int kPollMs = 10; // ring drain + barrier + stall check; rings hold 8192 events
inline constexpr int kBarrierPollMs = 1;        // until every worker has attached
inline constexpr int kAttachTimeoutMs = 15'000; // without any new worker attaching
inline constexpr int kStopTimeoutMs = 3'000;    // then the workers are killed
} // namespace run_timing
