#include "work/sin_batch.h"

#include <cmath>

#if defined(SHMSCOPE_HAVE_MVEC) && defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

// glibc's vector variants of sin (the x86-64 vector function ABI names them): b = SSE, two
// lanes, an ifunc any x86-64 can call; d = AVX2, four lanes, only where the CPU has AVX2.
extern "C" __m128d _ZGVbN2v_sin(__m128d);
extern "C" __m256d _ZGVdN4v_sin(__m256d);

namespace shm {
namespace {

__attribute__((target("avx2,fma"))) void sinAvx2(double* out, uint64_t i, uint64_t s,
                                                 uint64_t count) {
    uint64_t j = 0;
    for (; j + 4 <= count; j += 4, i += 4 * s) {
        const __m256d x =
            _mm256_set_pd(double(i + 3 * s), double(i + 2 * s), double(i + s), double(i));
        _mm256_storeu_pd(out + j, _ZGVdN4v_sin(x));
    }
    if (j < count) { // the tail, padded with its last index
        const uint64_t left = count - j;
        const auto at = [&](uint64_t q) { return double(i + (q < left ? q : left - 1) * s); };
        alignas(32) double v[4];
        _mm256_store_pd(v, _ZGVdN4v_sin(_mm256_set_pd(at(3), at(2), at(1), at(0))));
        for (uint64_t q = 0; q < left; ++q)
            out[j + q] = v[q];
    }
}

void sinSse(double* out, uint64_t i, uint64_t s, uint64_t count) {
    uint64_t j = 0;
    for (; j + 2 <= count; j += 2, i += 2 * s)
        _mm_storeu_pd(out + j, _ZGVbN2v_sin(_mm_set_pd(double(i + s), double(i))));
    if (j < count) {
        alignas(16) double v[2];
        _mm_store_pd(v, _ZGVbN2v_sin(_mm_set1_pd(double(i))));
        out[j] = v[0];
    }
}

const bool kAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");

} // namespace

void sinOfIndices(double* out, uint64_t first, uint64_t stride, uint64_t count) {
    if (kAvx2)
        sinAvx2(out, first, stride, count);
    else
        sinSse(out, first, stride, count);
}

const char* sinOfIndicesPath() {
    return kAvx2 ? "avx2" : "sse";
}

} // namespace shm

#else

namespace shm {

void sinOfIndices(double* out, uint64_t first, uint64_t stride, uint64_t count) {
    for (uint64_t j = 0; j < count; ++j, first += stride)
        out[j] = std::sin(double(first));
}

const char* sinOfIndicesPath() {
    return "libm";
}

} // namespace shm

#endif
