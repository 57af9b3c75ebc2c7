#!/usr/bin/env python3
"""Fails when a translation in a .ts file is missing or would break its text.

Usage: check_translations.py [--lupdate LUPDATE --sources LIST_FILE --include DIR] FILE.ts...

With --lupdate, each .ts file is first copied and brought up to date with the sources (the
files named in LIST_FILE, one per line, as the build's update_translations target sees them),
so a text added to the code but never translated fails here too, not only one that lupdate
already marked unfinished. The files in the tree are not changed.

A message fails when its translation is marked unfinished, is empty (any plural form), lost or
gained a placeholder (%1, %n, %L1), or lost the keyboard accelerator (&F) its source has.
Vanished and obsolete messages are ignored: -no-obsolete drops them at the next lupdate.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(\d{1,2}|n)")
# "&F" is an accelerator; "&&" is a literal ampersand, "&nbsp;" / "&#160;" an HTML entity.
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?![A-Za-z]+;|#\d+;)(?=\S)")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def accelerators(text):
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def forms(translation):
    numerus = translation.findall("numerusform")
    if numerus:
        return [f.text or "" for f in numerus]
    return [translation.text or ""]


def check_file(path):
    problems = []
    root = ET.parse(path).getroot()
    language = root.get("language", "?")
    total = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            total += 1
            source = message.findtext("source") or ""
            where = f"{os.path.basename(path)}: {name}: {source[:70]!r}"
            if translation is None or kind == "unfinished":
                problems.append((where, "not translated"))
                continue
            texts = forms(translation)
            if any(not t.strip() for t in texts):
                problems.append((where, "empty translation"))
                continue
            for t in texts:
                # A plural form may leave %n out ("one run" for 1); every other must stay.
                want = [p for p in placeholders(source) if p != "n" or len(texts) == 1]
                have = [p for p in placeholders(t) if p != "n" or len(texts) == 1]
                if want != have:
                    problems.append((where, f"placeholders {want} became {have} in {t[:60]!r}"))
                if accelerators(source) and accelerators(t) != accelerators(source):
                    problems.append((where, f"the accelerator is lost in {t!r}"))
    return language, total, problems


def refreshed_copy(ts, lupdate, sources, include, tmp):
    copy = os.path.join(tmp, os.path.basename(ts))
    shutil.copy(ts, copy)
    extra = ["-pluralonly"] if ET.parse(ts).getroot().get("language") == "en" else []
    subprocess.run([lupdate, "-silent", "-no-obsolete", "-locations", "none", "-I", include,
                    *extra, *sources, "-ts", copy], check=True, stdout=subprocess.DEVNULL)
    return copy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ts", nargs="+")
    ap.add_argument("--lupdate")
    ap.add_argument("--sources")
    ap.add_argument("--include", default=".")
    # The check's own test: succeed only when exactly this many problems are found.
    ap.add_argument("--expect-problems", type=int)
    args = ap.parse_args()
    failed = False
    found = 0
    with tempfile.TemporaryDirectory() as tmp:
        for ts in args.ts:
            path = ts
            if args.lupdate:
                with open(args.sources, encoding="utf-8") as f:
                    sources = [line.strip() for line in f if line.strip()]
                path = refreshed_copy(ts, args.lupdate, sources, args.include, tmp)
            language, total, problems = check_file(path)
            for where, what in problems:
                print(f"{where}: {what}", file=sys.stderr)
            bad = len({where for where, _ in problems})
            print(f"{ts}: {language}: {total - bad} of {total} messages translated"
                  f"{'' if not problems else f', {len(problems)} problems'}")
            failed = failed or bool(problems)
            found += len(problems)
    if args.expect_problems is not None:
        return 0 if found == args.expect_problems else 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
