#!/usr/bin/env python3
"""Fails listing every function in core/ and app/ longer than 80 lines.

A function's length is end - line + 1 as universal-ctags reports it (the project's measure):
  ctags -R --languages=C++ --kinds-C++=f --fields=+ne --output-format=json -f - core app
Exits 77 (CTest's SKIP_RETURN_CODE: shown as skipped) with a note when ctags is absent or is
not universal-ctags: Exuberant ctags has neither JSON output nor end lines, so cannot measure.
"""
import json
import shutil
import subprocess
import sys

LIMIT = 80
SKIP = 77


def ctags_ok(ctags):
    try:
        out = subprocess.run([ctags, "--version"], capture_output=True, text=True, check=False)
    except OSError:
        return False
    return "Universal Ctags" in out.stdout


def main(root):
    ctags = shutil.which("ctags")
    if not ctags or not ctags_ok(ctags):
        print("check_function_size: skipped: needs universal-ctags on PATH (apt install "
              "universal-ctags)")
        return SKIP
    cmd = [ctags, "-R", "--languages=C++", "--kinds-C++=f", "--fields=+ne",
           "--output-format=json", "-f", "-", "core", "app"]
    run = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(f"check_function_size: ctags failed: {run.stderr.strip()}")
        return 1
    long_ones = []
    count = 0
    for line in run.stdout.splitlines():
        tag = json.loads(line)
        if tag.get("_type") != "tag" or "end" not in tag:
            continue
        count += 1
        lines = tag["end"] - tag["line"] + 1
        if lines > LIMIT:
            scope = tag.get("scope", "")
            name = f"{scope}::{tag['name']}" if scope and not scope.startswith("__anon") \
                else tag["name"]
            long_ones.append((tag["path"], tag["line"], name, lines))
    if count == 0:
        # No function measured means the command did not do what it should: fail, not pass.
        print("check_function_size: ctags found no functions in core/ and app/")
        return 1
    for path, line, name, lines in sorted(long_ones):
        print(f"{path}:{line}: {name} is {lines} lines (at most {LIMIT})")
    print(f"{len(long_ones)} functions over {LIMIT} lines (of {count})")
    return 1 if long_ones else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
