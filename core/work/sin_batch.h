#pragma once
// sin(i) for runs of indices, four (or two) at a time through glibc's vector maths library
// (libmvec), as numpy's np.sin computes the blog's array with SIMD. libm's scalar sin takes
// 14-18 ns an element for i up to 10^7 (its slow path for large arguments); libmvec's AVX2 sin
// 6.5-8.5 ns, its SSE one 9-10 ns, within 3.3e-16 of std::sin over the first 10^7 indices,
// well inside the verifier's tolerance (workload.h's kMatchTolerance). Where libmvec is missing
// (not glibc, not x86-64) it is std::sin.
#include <cstdint>

namespace shm {

// out[j] = sin(first + j * stride) for j < count. Every index goes through the same vector
// routine whatever its place in the run (a short tail is padded, not sent to std::sin), so a
// value does not depend on how the run was split into batches.
void sinOfIndices(double* out, uint64_t first, uint64_t stride, uint64_t count);

// "avx2" | "sse" | "libm": which of the above this machine uses (for the tests and the docs).
const char* sinOfIndicesPath();

} // namespace shm
