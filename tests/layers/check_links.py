#!/usr/bin/env python3
"""Fails when a relative link in the documentation leads nowhere.

Checks README.md, docs/*.md, core/README.md and app/gui/README.md: every relative link or
image ([text](path), ![alt](path), path#anchor, #anchor) must name a file or folder that
exists, and an anchor must be a heading of the target Markdown file (GitHub's rule: lower
case, punctuation dropped, spaces to '-', repeats numbered -1, -2...). Links inside code
blocks and inline code are not links. http(s) and mailto links are not checked.
"""
import os
import re
import sys

PAGES = ["README.md", "core/README.md", "app/gui/README.md", "resources/lessons/README.md"]
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def prose_lines(text):
    """The file's lines with fenced code blocks blanked and inline code removed."""
    out, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            out.append("")
            continue
        out.append("" if fenced else re.sub(r"`+[^`]*`+", "", line))
    return out


def anchors(path, cache={}):
    if path not in cache:
        seen, found = {}, set()
        with open(path, encoding="utf-8") as f:
            fenced = False
            for line in f:
                if FENCE.match(line):
                    fenced = not fenced
                    continue
                m = None if fenced else re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
                if not m:
                    continue
                slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
                n = seen.get(slug, 0)
                seen[slug] = n + 1
                found.add(slug if n == 0 else f"{slug}-{n}")
        cache[path] = found
    return cache[path]


def main(root):
    pages = [p for p in PAGES if os.path.exists(os.path.join(root, p))]
    docs = os.path.join(root, "docs")
    if os.path.isdir(docs):
        pages += sorted("docs/" + n for n in os.listdir(docs) if n.endswith(".md"))
    errors = []
    for page in pages:
        here = os.path.dirname(os.path.join(root, page))
        with open(os.path.join(root, page), encoding="utf-8") as f:
            lines = prose_lines(f.read())
        for number, line in enumerate(lines, 1):
            for m in LINK.finditer(line):
                target = m.group(1)
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                    continue  # http:, https:, mailto:
                where = f"{page}:{number}: {target}"
                path, _, anchor = target.partition("#")
                full = os.path.normpath(os.path.join(here, path)) if path else \
                    os.path.join(root, page)
                if os.path.isabs(path):
                    errors.append(f"{where}: absolute path")
                elif not os.path.exists(full):
                    errors.append(f"{where}: no such file")
                elif anchor:
                    if not full.endswith(".md"):
                        errors.append(f"{where}: anchor into a file that is not Markdown")
                    elif anchor not in anchors(full):
                        errors.append(f"{where}: no heading #{anchor}")
    for e in errors:
        print(e)
    print(f"{len(errors)} broken links in {len(pages)} pages")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else
                  os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")))
