#pragma once
// Open MPI's shared-memory files of a --transport mpi run. Its vader transport maps one 4 MiB
// file per rank (vader_segment.<host>.<uid>.<jobid>.<rank>) and removes them only when mpirun
// ends normally: a killed or stopped-then-killed mpirun left them in /dev/shm for good, under
// names that say nothing of the run. The app gives each run a directory of its own for them
// (--mca btl_vader_backing_directory), /dev/shm/<segment>-mpi-<key>, named in the segment's
// header (mpiKey), and removes it when mpirun has ended, however it ended.
#include <cstdint>
#include <string>

namespace shm {

std::string mpiDirName(const std::string& segmentName, uint64_t key); // "<segment>-mpi-<hex>"
// "<segment>-mpi-<16 hex digits>": the segment's name, else "".
std::string segmentOfMpiDir(const std::string& name);
// Makes the directory (mode 0700; it must not exist): "" or why it could not.
std::string createMpiDir(const std::string& path);
// Removes Open MPI's files from the directory (regular files of our uid named
// vader_segment.*), then the directory: "" when it is gone, else why it stays (anything else
// in it is left alone, and so is a directory that is not ours).
std::string removeMpiDir(const std::string& path);

// Open MPI's session directory of one mpirun, <TMPDIR or /tmp>/ompi.<host>.<uid>/pid.<pid>:
// about 8 MB of PMIx shared-memory stores that a killed mpirun leaves behind. Removed with
// everything in it that is ours (a file of another uid stays, and so does its directory):
// "" when it is gone (or was never there), else why it stays. Only for an mpirun that has
// exited: the directory is its run's alone.
std::string removeMpiSessionDir(int64_t mpirunPid);

} // namespace shm
