#!/usr/bin/env python3
"""A ShmScope worker written the blog's way: multiprocessing.shared_memory + numpy.

    shmscope --workers 4 --worker-command "python3 shmscope_worker.py" [--worker-command-count 2]

ShmScope starts this script as `... --segment NAME --worker K`, exactly as it starts its own
shmscope-worker. It attaches to the run's segment, checks that it is one (the same checks as
the C++ worker), waits at the start barrier, computes its static share of the array with numpy
one vectorised batch at a time, writes the values and the owner map, and publishes progress,
heartbeat and state into its own slot so the window shows it like any other worker. It follows
the protocol in core/model/layout.h (docs/python-workers.md: "The worker protocol") and imports nothing from
ShmScope: only the standard library and numpy.

What it refuses, with one line on stderr and exit code 3 (the run then fails, naming it): the
lock modes (a process-shared pthread mutex or the spin lock's compare-and-swap cannot be taken
from Python), dynamic and guided partitions (a worker claims chunks with an atomic fetch-and-add
on the shared cursor), the histogram and counters workloads (read-modify-write of shared
values), mandelbrot, and the private and queue transports. Everything it does need is an
aligned store to its own slot or to its own elements.

Exit codes: 0 done or stopped, 2 bad arguments, 3 segment missing, invalid or refused.
"""

import ctypes
import math
import os
import struct
import sys
import time

EXIT_OK, EXIT_BAD_INPUT, EXIT_RUN_FAILED = 0, 2, 3
PROG = "shmscope_worker.py"


def die(code, message):
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)
    # os._exit, not sys.exit: numpy views of the mapping are still alive, and SharedMemory's
    # destructor would then print "BufferError: cannot close exported pointers exist" to
    # stderr, which the app shows as a report error.
    os._exit(code)


try:
    import numpy as np
except ImportError as e:
    # A virtualenv or pyenv interpreter first on PATH often lacks numpy while the system's
    # python3 (the README's python3-numpy) has it: run there instead, once.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
            os.path.realpath("/usr/bin/python3") and "SHMSCOPE_PY_REEXEC" not in os.environ:
        os.environ["SHMSCOPE_PY_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    die(EXIT_RUN_FAILED, f"needs numpy ({e}; on Debian: apt-get install python3-numpy)")

from multiprocessing import resource_tracker, shared_memory  # noqa: E402

# ---- The layout (core/model/layout.h, version 3). Offsets are the protocol. ----------------
MAGIC = b"SHMSCOPE"
LAYOUT_VERSION = 3
HEADER_SIZE = 512
SLOT_SIZE = 256
RING_HEADER_SIZE, EVENT_SIZE, RING_CAPACITY = 192, 16, 8192
LOCK_LINE_SIZE = 64
PAGE = 4096
UNWRITTEN = 255

# SegmentHeader, offset 0 up to the live-control line at 192 (all little-endian).
HEADER_FIELDS = (
    "magic layout_version header_size total_size creator_pid "
    "workers workload partition sync lock_scope instrument stripes bins elements chunk "
    "slots_offset rings_offset ring_stride ring_capacity locks_offset lock_count data_offset "
    "data_count owner_offset tick_ns_per_tick tick_anchor tick_anchor_ns transport "
    "counter_layout increments").split()
HEADER_FORMAT = "<8sIIQQ" + "8I" + "2Q" + "9Q" + "dQQ" + "IIQ"
assert struct.calcsize(HEADER_FORMAT) == 192
# Live control, written by the app: uint32 words at these offsets.
RUN_STATE, DELAY_US, HANG_WORKER = 192, 196, 216
RUN_CREATED, RUN_RUNNING, RUN_PAUSED, RUN_STOPPING = 0, 1, 2, 3

# WorkerSlot: uint32 state at 0, then uint64 fields (index = offset / 8).
ST_AT_BARRIER, ST_RUNNING, ST_PAUSED, ST_DONE, ST_FAILED = 1, 2, 4, 5, 6
PID, PROCESSED, ASSIGNED, HEARTBEAT, START, DONE, PAUSED_NS, CPU_NS = 1, 2, 3, 4, 5, 6, 12, 13

# The settings table's names and ranges for the fields the header carries
# (core/analysis/settings.h: limits and the enums, whose numbers are the segment's).
WORKLOADS = ["sin", "wave", "histogram", "mandelbrot", "counters"]
PARTITIONS = ["block", "cyclic", "block-cyclic", "dynamic", "guided", "seed"]
SYNCS = ["none", "mutex", "striped", "spin", "atomic", "robust"]
TRANSPORTS = ["shared", "private", "queue"]
RANGES = {
    "workers": (1, 256), "elements": (1, 1 << 34), "bins": (1, 1 << 24),
    "chunk": (1, 1 << 34), "stripes": (1, 4096), "increments": (1, 1 << 40),
    "workload": (0, len(WORKLOADS) - 1), "partition": (0, len(PARTITIONS) - 1),
    "sync": (0, len(SYNCS) - 1), "lock_scope": (0, 1), "instrument": (0, 1),
    "transport": (0, len(TRANSPORTS) - 1), "counter_layout": (0, 1),
}
DELAY_MAX_US = 1_000_000
COLLISIONS = 488  # SegmentHeader.collisions (the update log's setting)

BATCH = 65536  # elements per numpy call at full speed: ~1 ms, so pause and stop stay prompt


def align(v, to):
    return (v + to - 1) & ~(to - 1)


def parse_args(argv):
    segment, worker = None, None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(__doc__)
            os._exit(EXIT_OK)
        if a not in ("--segment", "--worker"):
            die(EXIT_BAD_INPUT, f"unknown argument {a} (usage: {PROG} --segment NAME --worker K)")
        if i + 1 >= len(argv):
            die(EXIT_BAD_INPUT, f"{a} needs a value")
        v = argv[i + 1]
        if a == "--segment":
            segment = v
        elif not v.isdigit() or len(v) > 6:  # digits only, like shmscope-worker
            die(EXIT_BAD_INPUT, "--worker needs a number >= 0")
        else:
            worker = int(v)
        i += 2
    if not segment or worker is None:
        die(EXIT_BAD_INPUT, "--segment and --worker are required")
    return segment, worker


def attach(name):
    """Opens the segment without handing it to Python's resource tracker.

    The lesson in one function. Before Python 3.13, SharedMemory(name) registers even a segment
    it only *attaches* to with the resource tracker, a helper process that unlinks every
    registered segment when this process exits and warns "There appear to be 1 leaked
    shared_memory objects" (CPython gh-82300). The segment belongs to the app: the tracker
    would delete it under the other workers and the app's verification. Unregistering right
    after attaching is the usual fix, but a worker killed between the two calls still gets the
    segment unlinked, so registration is skipped for the attach itself. Python 3.13 has
    SharedMemory(name, track=False) for exactly this.
    """
    try:
        return shared_memory.SharedMemory(name=name, track=False)  # Python 3.13+
    except TypeError:
        pass
    register = resource_tracker.register
    resource_tracker.register = lambda *args: None  # looked up at call time by SharedMemory
    try:
        return shared_memory.SharedMemory(name=name)
    finally:
        resource_tracker.register = register


def regions(h):
    """Every region recomputed from the configuration, as the C++ computeRegions does."""
    w = h["workers"]
    if h["workload"] == WORKLOADS.index("counters"):
        data_count = w * (16 if h["counter_layout"] == 1 else 1)
    elif h["workload"] == WORKLOADS.index("histogram"):
        data_count = h["bins"]
    else:
        data_count = h["elements"]
    r = {"slots_offset": align(HEADER_SIZE, 64),
         "ring_stride": align(RING_HEADER_SIZE + RING_CAPACITY * EVENT_SIZE, 64)}
    r["rings_offset"] = align(r["slots_offset"] + w * SLOT_SIZE, 64)
    r["locks_offset"] = align(r["rings_offset"] + w * r["ring_stride"], 64)
    r["lock_count"] = 1 + h["stripes"]
    r["data_count"] = data_count
    r["data_offset"] = align(r["locks_offset"] + r["lock_count"] * LOCK_LINE_SIZE, PAGE)
    r["owner_offset"] = align(r["data_offset"] + data_count * 8, 64)
    r["total_size"] = align(r["owner_offset"] + data_count, 64)
    # The update log (model/update_log.h): histogram runs in the segment of at most 2*10^6
    # updates with --collisions on. This worker does not log: the app says its updates have no
    # record.
    if (h["collisions"] and h["workload"] == WORKLOADS.index("histogram")
            and h["transport"] == TRANSPORTS.index("shared") and h["elements"] <= 2_000_000):
        even = (h["elements"] + w - 1) // w
        claims = PARTITIONS[h["partition"]] in ("dynamic", "guided")
        cap = min(h["elements"], (2 * even if claims else even) + h["chunk"])
        r["update_log_offset"] = r["total_size"]
        r["update_log_stride"] = align(64 + cap * 24, 64)
        r["total_size"] += w * r["update_log_stride"]
    return r


def validate(name, shm, size):
    """The C++ worker's checks (Segment::attach), in its order and words. Returns the header."""
    def fail(what):
        die(EXIT_RUN_FAILED, f"segment {name}: {what}")
    if size < HEADER_SIZE:
        die(EXIT_RUN_FAILED, f"segment {name} is too small ({size} bytes) to be a ShmScope segment")
    blocks = os.fstat(shm._fd).st_blocks * 512
    if blocks < size:
        die(EXIT_RUN_FAILED, f"segment {name} is sparse: only {blocks} of {size} bytes are allocated")
    h = dict(zip(HEADER_FIELDS, struct.unpack_from(HEADER_FORMAT, shm.buf, 0)))
    h["delay_us"] = struct.unpack_from("<I", shm.buf, DELAY_US)[0]
    h["collisions"] = struct.unpack_from("<I", shm.buf, COLLISIONS)[0]
    if h["magic"] != MAGIC:
        fail("wrong magic (not a ShmScope segment)")
    if h["layout_version"] != LAYOUT_VERSION:
        fail(f"layout version {h['layout_version']}, expected {LAYOUT_VERSION}")
    if h["header_size"] != HEADER_SIZE:
        fail(f"header size {h['header_size']}, expected {HEADER_SIZE}")
    if h["total_size"] != size:
        fail(f"header says {h['total_size']} bytes but the segment has {size}")
    for field, (lo, hi) in RANGES.items():
        if not lo <= h[field] <= hi:
            fail(f"invalid configuration: {field} {h[field]} is outside {lo}..{hi}")
    if h["delay_us"] > DELAY_MAX_US:
        fail(f"invalid configuration: delay-us {h['delay_us']} is outside 0..{DELAY_MAX_US}")
    r = regions(h)
    if any(h[k] != r[k] for k in ("slots_offset", "rings_offset", "ring_stride", "locks_offset",
                                  "lock_count", "data_offset", "data_count", "owner_offset")) \
            or h["ring_capacity"] != RING_CAPACITY or r["total_size"] != size:
        fail("region offsets do not match the configuration")
    tick = h["tick_ns_per_tick"]
    if not (0.01 <= tick <= 100):  # also false for NaN
        fail(f"tick conversion {tick} ns per tick is not plausible")
    return h


def refusal(h):
    """Why this worker cannot take part in the run safely, or None."""
    workload, partition = WORKLOADS[h["workload"]], PARTITIONS[h["partition"]]
    sync, transport = SYNCS[h["sync"]], TRANSPORTS[h["transport"]]
    if sync not in ("none", "atomic"):
        return (f"--sync {sync} takes a process-shared lock that Python cannot take; run the "
                "Python workers with --sync none (their elements are their own)")
    if partition in ("dynamic", "guided"):
        return (f"--partition {partition} claims chunks with an atomic fetch-and-add on the "
                "shared cursor, which numpy cannot do; use block, cyclic, block-cyclic or seed")
    if workload not in ("sin", "wave"):
        return (f"--workload {workload} is not in the Python worker (it computes sin and wave; "
                "histogram and counters need atomic read-modify-write)")
    if transport != "shared":
        return f"--transport {transport} is not in the Python worker (it writes the shared array)"
    return None


def share(h, k):
    """Worker k's static share as numpy-friendly pieces: (first position, count, index_of)."""
    n, w, chunk, partition = h["elements"], h["workers"], h["chunk"], PARTITIONS[h["partition"]]
    if partition == "block":  # sizes differ by at most one, the first n % w get the extra one
        def begin(j):
            return j * (n // w) + min(j, n % w)
        b = begin(k)
        return begin(k + 1) - b, lambda p0, p1: slice(b + p0, b + p1)
    if partition == "cyclic":  # k, k + w, k + 2w, ...
        count = (n - k + w - 1) // w if k < n else 0
        return count, lambda p0, p1: slice(k + p0 * w, k + (p1 - 1) * w + 1, w)
    if partition == "seed":  # the blog's split: ranges of n // w from k * step, never the rest
        step = n // w
        ranges = (n + step - 1) // step if step else 0
        count = step if k < min(ranges, w) else 0
        return count, lambda p0, p1: slice(k * step + p0, k * step + p1)
    # block-cyclic: chunks k, k + w, ... of `chunk` elements (the last one may be short)
    chunks = (n + chunk - 1) // chunk
    if k >= chunks:
        return 0, None
    count = (chunks - k + w - 1) // w * chunk
    if (chunks - 1) % w == k:
        count -= (chunks - 1) * chunk + chunk - n
    def index_of(p0, p1):
        p = np.arange(p0, p1, dtype=np.int64)
        return (k + w * (p // chunk)) * chunk + p % chunk
    return count, index_of


class Slot:
    """This worker's WorkerSlot: aligned 4- and 8-byte stores, the only writes it needs."""

    def __init__(self, buf, offset):
        self.u32 = np.ndarray((SLOT_SIZE // 4,), dtype="<u4", buffer=buf, offset=offset)
        self.u64 = np.ndarray((SLOT_SIZE // 8,), dtype="<u8", buffer=buf, offset=offset)

    def state(self, s):
        self.u32[0] = s

    def set(self, field, value):
        self.u64[field] = value


class Control:
    """The header's live-control words, read fresh each time (the app writes them)."""

    def __init__(self, buf):
        self.u32 = np.ndarray((HEADER_SIZE // 4,), dtype="<u4", buffer=buf, offset=0)

    def run_state(self):
        return int(self.u32[RUN_STATE // 4])

    def delay_us(self):
        return int(self.u32[DELAY_US // 4])

    def hang_worker(self):
        return int(self.u32[HANG_WORKER // 4])


def exact_sin(n, wave):
    """np.sin if it is the C library's sin bit for bit here, else an exact (slower) stand-in.

    The app accepts values within 4e-15 of C's sin, which a few ulps of NumPy's own SIMD sine
    (SVML on AVX-512 machines) stay inside; but a Python worker's array must be the C worker's
    bit for bit (tst_python_worker compares their CSVs), so those builds get the exact one.
    """
    sample = np.unique(np.linspace(0, n - 1, num=min(n, 4096)).astype(np.int64)).astype(np.float64)
    arg = (2.0 * np.pi * 4.0) * sample / n if wave else sample
    if all(float(a) == math.sin(float(b)) for a, b in zip(np.sin(arg), arg)):
        return np.sin
    return lambda x: np.fromiter(map(math.sin, x.tolist()), dtype=np.float64, count=len(x))


def crowded(h):
    """More workers than the CPUs this process may use: the C++ workers then run at nice 5 and
    sleep short slow-motion delays (so the window is not starved); do the same, or the Python
    workers would get three times their share of the cores in a mixed run."""
    return h["workers"] > len(os.sched_getaffinity(0))


def delay_element(us, sleep_short):
    # Short delays spin (a sleep takes ~60 µs from Python), long ones sleep, as in C++.
    if us < 200 and not sleep_short:
        until = time.monotonic_ns() + us * 1000
        while time.monotonic_ns() < until:
            pass
    else:
        time.sleep(us / 1e6)


def main():
    # The worker must not outlive the app that owns the segment (PR_SET_PDEATHSIG = 1).
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, 9, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    name, k = parse_args(sys.argv[1:])
    try:
        shm = attach(name)
    except FileNotFoundError:
        die(EXIT_RUN_FAILED, f"cannot open shared memory segment {name}: No such file or directory")
    except OSError as e:
        die(EXIT_RUN_FAILED, f"cannot open shared memory segment {name}: {e.strerror}")
    h = validate(name, shm, shm.size)
    if k >= h["workers"]:
        die(EXIT_RUN_FAILED, f"worker {k} does not exist in {name} (it has {h['workers']} workers)")
    slot = Slot(shm.buf, h["slots_offset"] + k * SLOT_SIZE)
    ctl = Control(shm.buf)
    slot.set(PID, os.getpid())
    why = refusal(h)
    if why:
        slot.state(ST_FAILED)
        die(EXIT_RUN_FAILED, why)

    n = h["elements"]
    data = np.ndarray((n,), dtype="<f8", buffer=shm.buf, offset=h["data_offset"])
    owner = np.ndarray((n,), dtype=np.uint8, buffer=shm.buf, offset=h["owner_offset"])
    count, index_of = share(h, k)
    sleep_short = crowded(h)
    if sleep_short:
        os.nice(5)
    slot.set(ASSIGNED, count)
    slot.set(HEARTBEAT, time.monotonic_ns())
    # Attached and validated: the app counts slots past Starting (no shared counter to bump).
    slot.state(ST_AT_BARRIER)

    # Start barrier: the app opens it once every worker has attached.
    waited = 0
    while (state := ctl.run_state()) == RUN_CREATED:
        time.sleep(50e-6)
        waited += 1
        if waited % 2000 == 0:  # the app died before our death signal was armed
            try:
                os.kill(h["creator_pid"], 0)
            except ProcessLookupError:
                die(EXIT_RUN_FAILED, f"the app that created the segment (pid {h['creator_pid']}) "
                    "is gone")
            except PermissionError:
                pass
    if state == RUN_STOPPING:
        slot.state(ST_DONE)
        os._exit(EXIT_OK)

    slot.set(START, time.monotonic_ns())
    cpu0 = time.thread_time_ns()
    slot.state(ST_RUNNING)
    done, paused_ns, cpu_at = 0, 0, 0

    def publish(final=False):
        # The protocol's order (core/model/layout.h, step 4; publishSlot in
        # core/segment/slot_publish.h for the C++ workers): processed, assigned, this worker's
        # own counters (pausedNs), cpuNs, then the heartbeat last. The app loads the heartbeat
        # with acquire and trusts the rest as of that beat. numpy stores are plain stores in
        # program order, which x86 keeps: there they are the release store C++ writes.
        nonlocal cpu_at
        now = time.monotonic_ns()
        slot.set(PROCESSED, done)
        slot.set(ASSIGNED, count)  # a static share: the same each time, stored in its place
        slot.set(PAUSED_NS, paused_ns)
        if final or now - cpu_at >= 1_000_000:  # CPU time at most once a millisecond
            cpu_at = now
            slot.set(CPU_NS, time.thread_time_ns() - cpu0)
        slot.set(HEARTBEAT, now)  # last: it vouches for the stores above

    def honour_control():
        """False when the run is being stopped; pauses here while paused."""
        nonlocal paused_ns
        if ctl.hang_worker() == k + 1:  # the scripted fault "hang": silent until killed
            while True:
                time.sleep(1)
        state = ctl.run_state()
        if state == RUN_PAUSED:
            t0 = time.monotonic_ns()
            slot.state(ST_PAUSED)
            while (state := ctl.run_state()) == RUN_PAUSED:
                time.sleep(1e-3)
                slot.set(HEARTBEAT, time.monotonic_ns())
            paused_ns += time.monotonic_ns() - t0
            slot.state(ST_RUNNING)
        return state != RUN_STOPPING

    wave = WORKLOADS[h["workload"]] == "wave"
    scale = 2.0 * np.pi * 4.0  # sin(2 pi 4 i / n), evaluated in the C++ order: bit for bit
    sin = exact_sin(n, wave)
    keep_going = honour_control()
    while keep_going and done < count:
        delay = ctl.delay_us()
        batch = min(count - done, 1 if delay else BATCH)
        where = index_of(done, done + batch)
        if isinstance(where, slice):
            x = np.arange(where.start, where.stop, where.step or 1, dtype=np.float64)
        else:
            x = where.astype(np.float64)
        data[where] = sin(scale * x / n) if wave else sin(x)
        owner[where] = k
        if delay and ctl.run_state() != RUN_STOPPING:
            delay_element(delay, sleep_short)
        done += batch
        publish()
        keep_going = honour_control()
    publish(final=True)
    slot.set(DONE, time.monotonic_ns())
    slot.state(ST_DONE)
    sys.stdout.flush()
    os._exit(EXIT_OK)  # see die(): no destructor may print to stderr


if __name__ == "__main__":
    main()
