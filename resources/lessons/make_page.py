#!/usr/bin/env python3
"""Writes resources/lessons/README.md: the lesson schema, then every built-in lesson with its
story, what to look for, its runs, and its expectations with the figures measured here.

    resources/lessons/make_page.py [--shmscope build/app/shmscope] [--repeat 3]

Each lesson runs --repeat times (`shmscope --lesson ID --json`); the page gives the range of
each observed figure and how many of the repetitions saw the effect. Nothing is made up: a
figure on the page is one this script measured, on the machine and date it prints.
"""
import argparse, datetime, json, os, subprocess

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--shmscope", default=os.path.join(here, "..", "..", "build", "app", "shmscope"))
ap.add_argument("--repeat", type=int, default=3)
args = ap.parse_args()

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)

lessons = [load(os.path.join(here, n)) for n in sorted(os.listdir(here)) if n.endswith(".json")]
load_avg = open("/proc/loadavg").read().split()[:3]
out = []
w = out.append
w("# Lessons\n")
w("A guided path through every effect ShmScope shows. Each lesson is a JSON file in this folder "
  "(compiled into the app); run one with `shmscope --lesson ID` (add `--json` for the figures, "
  "`--list-lessons` for the list). Teachers add their own with `--lesson-file FILE.json`.\n")
w("Pictures: `resources/screenshots/lessons/regenerate.sh` (each lesson's runs side by side, "
  "from a recording). This page: `resources/lessons/make_page.py`.\n")
w("The figures below were measured by `make_page.py` on %s, %d repetitions each, on a 2-core "
  "Debian 12 VM (load average %s at the start). They vary from run to run; the expectations "
  "are chosen to hold anyway.\n" % (datetime.date.today().isoformat(), args.repeat, " ".join(load_avg)))
w("## Schema\n")
w("""```json
{"id": "lost-updates", "title": "...", "story": "why it matters (3-6 sentences)",
 "look_for": "which view and which figure to watch",
 "look_at": ["array", "contention"],
 "runs": [{"label": "A", "config": {"workload": "histogram", "sync": "none", "workers": 4}},
          {"label": "B", "config": {"workload": "histogram", "sync": "atomic", "workers": 4}}],
 "expect": [{"run": "A", "figure": "lost_updates", "op": ">", "value": 0},
            {"run": "B", "figure": "lost_updates", "op": "==", "value": 0},
            {"ratio": ["A.compute_seconds", "B.compute_seconds"], "op": ">=", "value": 1.0}],
 "explain": "what the figures mean, shown after the runs"}
```

- `id`: a-z, 0-9 and `-`; `title`, `story`, `look_for`, `explain`: non-empty text, a string
  or one per language, `{"en": "...", "ko": "..."}` (`en` required; a language left out shows
  the English; a require's `why` too).
- `look_at` (optional): the views the window outlines while the lesson plays, one name or a
  list of `progress`, `array`, `contention`. Without it, the views `look_for` names ("Workers
  table", "array", "lock"...).
- `runs`: 1 to 8, each with a unique `label` (no dots) and a `config` object with the same keys
  as `--config` (flag names or report keys). Flags given with `--lesson` override every run.
  `"workers"` may be relative to the machine: `"cores"`, `"N*cores"` or `"cores/N"` (N a whole
  number; cores = the online CPUs), at least 2 and at most the `--workers` maximum. It is
  resolved when the lesson is loaded: the report's `config.workers` has the number, the lesson
  as written (its echo, a recording) keeps the words.
- `expect`: at least one. `figure` is a dotted path into the run's `--json` report
  (`lock.contended`, `workers.0.cpu_seconds`, `workers.last.rate`, `queue.messages`,
  `recoveries.0.dead_worker`, `workers.length`); `ratio` divides two such figures of (possibly)
  different runs. `op` is one of `> >= < <= == !=`; `value` is a number (strings, true/false
  and null work with `==`/`!=`).
- `require` (optional): preconditions of the verdict, `{"figure", "op", "value", "why"}`.
  `figure` is `LABEL.path` into that run's report, or a path into the first run's report when
  its first part is not a run's label (`machine.cores`). `why` (optional) is the sentence shown
  when it fails; `{observed}` in it becomes the measured value and `{value}` the required one
  (`{observed%}`, `{value%}`: a fraction as a whole percentage, 0.0806 → "8 %").
  Without `why` the sentence is generated: "B.overlap was 0.1, needed ≥ 0.8".
- The verdict, once every run ended: **inconclusive** when a require fails (its sentence is the
  reason; a figure the report does not have, or null, gives "X was not measured"; the
  expectations are still judged and shown but do not decide), else **seen** when every
  expectation holds, else **not seen**, with each missed expectation and by how much:
  "A.lost_updates > 0: observed 0", "A.x / B.x: observed 1.12, needed ≥ 1.25 (10 % short)".
- A file holds one lesson object or an array of them. It is checked before anything runs, and
  a mistake is refused with one line naming the file and the place, exit 2: JSON syntax with
  line and column (`mine.json:14:5: is not valid JSON (...)`), a missing field, an unknown
  field or setting, a setting out of range, a run label no run has
  (`expect[0].run 'C': no such run (runs are A, B)`), a figure no report has
  (`expect[1].figure 'lock.contnded': no such figure (did you mean lock.contended?)`). The
  known figures are those of real reports for the run's settings (and the parts other
  settings add: `counters`, `queue`, `mpi`, `seed_split`, `fault`, `recoveries`), plus
  `label`, `overlap` and `machine.*`, which the runner adds to a lesson's reports.
- `--lesson-file FILE` adds its lessons to the built-in ones (one with a built-in's id replaces
  it) for `--list-lessons`, `--lesson ID` and the window; the window's File → Open Lesson… does
  the same for a file chosen there.
- `--lesson ID --json` prints `{"lesson": {"id", "title", "seen", "verdict", "reasons",
  "expect": [{..., "observed", "holds", "why"}], "require": [{..., "observed", "holds",
  "why"}]}, "runs": [each run's report, with its "label"]}` and exits 0 when the runs ran,
  whatever the verdict. `seen` is true only when `verdict` is `"seen"`; `verdict` is `"seen"`,
  `"not seen"` or `"inconclusive"`; `reasons` (empty when seen) are the sentences above.
  `require` is there when the lesson has requires. The text output's verdict starts `Seen`,
  `Not seen: …` or `Inconclusive: …`.
""")

def en(text):
    """A lesson text: a plain string, or {"en": ..., "ko": ...} (this page is English)."""
    return text["en"] if isinstance(text, dict) else text

def fmt(v):
    if isinstance(v, float):
        return "%.3g" % v
    return json.dumps(v)

for l in lessons:
    results = []
    for _ in range(args.repeat):
        p = subprocess.run([args.shmscope, "--lesson", l["id"], "--json"], capture_output=True, text=True)
        results.append(json.loads(p.stdout))
    seen = sum(1 for r in results if r["lesson"]["seen"])
    w("## %s\n" % en(l["title"]))
    w("`shmscope --lesson %s` — seen in %d of %d runs here.\n" % (l["id"], seen, args.repeat))
    w(en(l["story"]) + "\n")
    w("**Look for:** " + en(l["look_for"]) + "\n")
    pic = os.path.join("..", "screenshots", "lessons", l["id"] + ".png")
    if os.path.exists(os.path.join(here, pic)):
        w("![%s: the lesson's runs side by side](%s)\n" % (l["id"], pic))
    w("| run | settings |\n| --- | --- |")
    for r in l["runs"]:
        w("| %s | %s |" % (r["label"], ", ".join("%s %s" % (k, fmt(v)) for k, v in r["config"].items())))
    w("\n| expectation | observed here |\n| --- | --- |")
    for i, e in enumerate(l["expect"]):
        what = ("%s / %s" % tuple(e["ratio"])) if "ratio" in e else "%s.%s" % (e["run"], e["figure"])
        obs = [r["lesson"]["expect"][i]["observed"] for r in results]
        if all(isinstance(o, (int, float)) and not isinstance(o, bool) for o in obs):
            lo, hi = min(obs), max(obs)
            o = fmt(lo) if lo == hi else "%s – %s" % (fmt(lo), fmt(hi))
        else:
            o = ", ".join(sorted(set(fmt(x) for x in obs)))
        w("| `%s %s %s` | %s |" % (what, e["op"], fmt(e["value"]), o))
    w("\n" + en(l["explain"]) + "\n")

with open(os.path.join(here, "README.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(out))
print("wrote", os.path.join(here, "README.md"))
