"""The blog's approach to the seed job, the reference shmscope-bench compares against:
multiprocessing.shared_memory + numpy, one process per slice, a[i] = sin(i)."""
import sys
from multiprocessing import Process, shared_memory

import numpy as np


def work(name, start, end, n):
    shm = shared_memory.SharedMemory(name=name)
    a = np.ndarray((n,), dtype=np.float64, buffer=shm.buf)
    a[start:end] = np.sin(np.arange(start, end, dtype=np.float64))
    del a
    shm.close()


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    w = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    shm = shared_memory.SharedMemory(create=True, size=n * 8)
    procs = [Process(target=work, args=(shm.name, n * k // w, n * (k + 1) // w, n))
             for k in range(w)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    a = np.ndarray((n,), dtype=np.float64, buffer=shm.buf)
    ok = bool(np.all(a[:: n // 997 + 1] == np.sin(np.arange(0, n, n // 997 + 1, dtype=np.float64))))
    del a
    shm.close()
    shm.unlink()
    sys.exit(0 if ok else 1)
