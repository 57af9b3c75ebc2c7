#pragma once
// Exit codes of shmscope and shmscope-worker: part of the command-line contract (scripts test
// them), so named once here.
namespace shm::exit_code {
inline constexpr int kOk = 0;        // run finished (mismatches included) / worker done or stopped
inline constexpr int kBadInput = 2;  // invalid flags, config file or arguments
inline constexpr int kRunFailed = 3; // run failed; worker: segment missing, invalid or orphaned
} // namespace shm::exit_code
