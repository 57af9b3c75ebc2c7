#!/usr/bin/env python3
"""Fails when a file includes a layer above its own, or when core/ reaches Qt or app/.

The layers, ground floor first (a file may include its own folder and any folder below it):
  core/model     value types: settings table, run data, the segment layout
  core/segment   the shared segment: lifecycle, clocks, rings, snapshots, queue
  core/probe     what this machine can show: parallel CPUs, a shared cache line's cost
  core/work      what a worker does: partitions, workloads, locks, the worker loop
  core/analysis  every derived figure, verification, reports, the window's Qt-free half
  app/cli, app/worker, app/mpi_worker   option parsing; the worker executables
  app/runner     the run controller, the run player, the headless runners
  app/lessons    lesson files and their judging
  app/gui/common → models → views → lessons, sweep → app/gui (the main window) → app/main.cpp
Includes name their folder ("model/settings.h"), so only core/ and app/ are on the include
path; a bare name ("settings.h") is an error too.
"""
import os
import re
import sys

LEVELS = [
    ("core/model", 0), ("core/segment", 1), ("core/probe", 1), ("core/work", 2), ("core/analysis", 3),
    ("core/record", 4),
    ("app/cli", 5), ("app/worker", 5), ("app/mpi_worker", 5),
    ("app/runner", 6), ("app/lessons", 7),
    ("app/gui/common", 8), ("app/gui/models", 9), ("app/gui/views", 10),
    ("app/gui/lessons", 11), ("app/gui/sweep", 11), ("app/gui", 12), ("app", 13),
]
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]')


def level_of(folder):
    for name, level in LEVELS:
        if folder == name:
            return level
    return None


def main(root):
    errors = []
    for top in ("core", "app"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            folder = os.path.relpath(dirpath, root)
            for name in sorted(names):
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(folder, name)
                own = level_of(folder)
                if own is None:
                    errors.append(f"{path}: folder {folder} has no layer in check_layers.py")
                    continue
                with open(os.path.join(root, path), encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        kind, target = m.groups()
                        where = f"{path}:{number}"
                        if kind == "<":
                            if top == "core" and re.match(r"Q[A-Za-z]", target):
                                errors.append(f"{where}: core includes Qt ({target})")
                            continue
                        if target.endswith(".moc"):
                            continue
                        if "/" not in target:
                            errors.append(f"{where}: bare include \"{target}\": name its folder")
                            continue
                        base = "core" if os.path.exists(os.path.join(root, "core", target)) else "app"
                        if not os.path.exists(os.path.join(root, base, target)):
                            errors.append(f"{where}: \"{target}\" is in neither core/ nor app/")
                            continue
                        if top == "core" and base == "app":
                            errors.append(f"{where}: core includes app ({target})")
                            continue
                        theirs = level_of(os.path.dirname(os.path.join(base, target)))
                        if theirs is not None and theirs > own:
                            errors.append(f"{where}: upward include of {base}/{target} "
                                          f"(layer {theirs} above {folder}'s {own})")
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(errors)} layer errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else
                  os.path.join(os.path.dirname(__file__), "..", "..")))
