// The reference the whole seed job is measured against (shmscope-bench): a plain program that
// computes a[i] = sin(i) for 10^7 elements on 2 std::threads into a private buffer and
// spot-checks it, as someone would write it without shared memory or processes.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    const unsigned long long n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000ull;
    const unsigned threads = argc > 2 ? unsigned(std::atoi(argv[2])) : 2;
    std::unique_ptr<double[]> a(new double[n]); // uninitialised: each thread touches its part
    std::vector<std::thread> ts;
    for (unsigned k = 0; k < threads; ++k)
        ts.emplace_back([&, k] {
            const unsigned long long b = n * k / threads, e = n * (k + 1) / threads;
            for (unsigned long long i = b; i < e; ++i)
                a[i] = std::sin(double(i));
        });
    for (auto& t : ts)
        t.join();
    for (unsigned long long i = 0; i < n; i += n / 997 + 1)
        if (a[i] != std::sin(double(i))) {
            std::fprintf(stderr, "plain_seed: element %llu is wrong\n", i);
            return 1;
        }
    return 0;
}
