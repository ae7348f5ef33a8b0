"""Diff benchmark: two revisions of the generated 300-clause standard, our ``std diff`` against ``iddiff``.

    .venv/bin/python benchmarks/diff.py            # full: gb300 (30 × 10 subclauses), 3 repetitions; ≈ 3–5 min
    .venv/bin/python benchmarks/diff.py --quick    # 6 clauses, 13 edits, 1 repetition: ≈ 1 min

Steps:

1. **Revisions.** ``gb300`` (``benchmarks/generate.py``) is committed in a git repository of its own
   (``benchmarks/out/work/diff-gb300``) and tagged ``rev1``. A seeded set of committee edits makes
   ``rev2``: 宜 → 应, values changed (in text and in table rows), subclauses added (and one new
   clause with its subclauses, in a file of its own), subclauses deleted, subclauses moved under
   another clause, a term renamed, sentences reworded, citations added. Each edit is recorded with
   its clause, old and new text: the ground truth.
2. **Timing.** (a) cold diff: ``std diff --from rev1 --to rev2 --format json`` in a new process (both
   revisions built), against one fresh HTML build of the same standard (``benchmarks/measure.py``);
   (b) cached diff: both snapshots loaded once in this process, then ``diff_revisions`` timed, best
   of 5; (c) ``iddiff`` (PyPI), installed by this script into its own venv under ``benchmarks/out/``,
   on the two revisions rendered to plain text in the style of an Internet-Draft.
3. **Recovery.** For each ground-truth edit: did our diff report it, with the right status, class and
   reason; did one of iddiff's changed regions cover it. Reported changes that no edit explains are
   noise (each listed with an example).

Prints a table and writes ``benchmarks/out/diff-results.json`` (``--quick``: ``diff-results-quick.json``).
Nothing asserts on time; the exit status is 1 only when a step fails (a build, ``std diff``, the iddiff
install or run). See ``benchmarks/README.md`` (section "Diff").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import random
import re
import resource
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PY = sys.executable
STD = Path(PY).parent / "std"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402
from run import fmt  # noqa: E402

SEED = 20261130
SLUG = generate.SLUGS["gb300"]
IDDIFF_SPEC = "iddiff==0.5.1"  # the PyPI package, in its own venv (never in requirements.lock)
IDDIFF_VENV = BENCH / "out" / "iddiff-venv"
TIMEOUT = 1200
UTF8 = {**os.environ, "PYTHONUTF8": "1"}  # iddiff opens files in the locale's encoding

#: edits per kind (full run, --quick)
EDITS = {
    "verbal-form": (8, 3), "value": (4, 1), "table-value": (2, 1), "clause-added": (3, 1), "new-clause": (1, 1),
    "clause-deleted": (3, 1), "clause-moved": (2, 1), "term-renamed": (1, 1), "reworded": (6, 2), "citation": (2, 1),
}
#: the class each kind of edit should get
EXPECTED_CLASS = {
    "verbal-form": "technical", "value": "technical", "table-value": "technical", "clause-added": "technical",
    "new-clause": "technical", "clause-deleted": "technical", "clause-moved": "editorial",
    "term-renamed": "technical", "reworded": "editorial", "citation": "technical",
}
UNITS = sorted({unit for _, unit, _, _ in generate.ATTRIBUTES}, key=len, reverse=True)
_VALUE = re.compile(r"(?<![\d.])(−?\d+) (" + "|".join(re.escape(u) for u in UNITS) + r")(?![\w/])")
_CITE_VERBS = ("符合", "满足", "记录", "保存", "验证", "提供", "采用", "评估", "评审", "建立并保持", "明确规定")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class StepFailed(RuntimeError):
    """A step of the benchmark failed (the run goes on where it can and exits 1)."""


# -- the standard's sources -----------------------------------------------------------------------------------


class Sources:
    """The Markdown files of the generated standard, as lines, with the titled subclauses located."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files = {p.name: p.read_text(encoding="utf-8").split("\n") for p in sorted(folder.glob("*.md"))}

    def write(self) -> None:
        for name, lines in self.files.items():
            (self.folder / name).write_text("\n".join(lines), encoding="utf-8")

    def clause_files(self) -> list[str]:
        return [n for n in self.files if re.fullmatch(r"\d+-clause-\d+\.md", n)]

    def subclauses(self, name: str) -> list[tuple[str, int, int, str]]:
        """``(id, first line, end line, title)`` of each titled subclause (``## ``) of a file."""
        lines = self.files[name]
        starts = [(k, lines[k][1:-2], lines[k + 1][3:]) for k in range(len(lines) - 1)
                  if re.fullmatch(r"\([\w-]+\)=", lines[k]) and lines[k + 1].startswith("## ")]
        out = []
        for i, (k, ident, title) in enumerate(starts):
            end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
            out.append((ident, k, end, title))
        return out

    def find(self, ident: str) -> tuple[str, int, int, str]:
        for name in self.clause_files():
            for sub in self.subclauses(name):
                if sub[0] == ident:
                    return (name, *sub[1:])
        raise KeyError(ident)

    def text(self) -> str:
        return "\n".join("\n".join(lines) for lines in self.files.values())

    def units(self, name: str):
        """``(line index, owner subclause, kind)`` of each paragraph line and table body row of a clause file."""
        lines = self.files[name]
        owner, fences, math, table_rows = None, [], False, 0
        for k, line in enumerate(lines):
            if re.fullmatch(r"\([\w-]+\)=", line) and k + 1 < len(lines) and lines[k + 1].startswith("## "):
                owner = line[1:-2]
            if line.startswith("$$"):
                math = not math
                continue
            if re.match(r"^:{3,}\{", line):
                fences.append(line)
                table_rows = 0
                continue
            if re.fullmatch(r":{3,}", line):
                if fences:
                    fences.pop()
                continue
            if owner is None or math or not line.strip():
                continue
            if fences:
                if "{table}" in fences[-1] and line.startswith("| "):
                    table_rows += 1
                    if table_rows > 2:  # not the header nor the separator row
                        yield k, owner, "row"
                continue
            if line[0] in "(#:|$-{" or line.startswith("[^") or re.match(r"\d+\. ", line):
                continue
            yield k, owner, "paragraph"


def _sentences(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"[^。]*。", line)]


# -- the edits ------------------------------------------------------------------------------------------------


def _verbal(sentence: str, rng: random.Random, context: str) -> tuple[str, dict] | None:
    if "宜" not in sentence:
        return None
    return sentence.replace("宜", "应", 1), {"type": "verbal-form", "old": "宜", "new": "应"}


def _value(sentence: str, rng: random.Random, context: str) -> tuple[str, dict] | None:
    found = list(_VALUE.finditer(sentence))
    if not found or "{cite}" in sentence:
        return None
    m = found[rng.randrange(len(found))]
    old = int(m.group(1).replace("−", "-"))
    step = max(1, round(abs(old) * 0.15))
    lower = sentence[m.end():m.end() + 1] == "至"
    new = old - step if lower or (m.group(2) == "%" and old + step > 100) else old + step
    if new == old or (old > 0 >= new):
        new = old + step
    text = str(new).replace("-", "−")
    return (sentence[:m.start(1)] + text + sentence[m.end(1):],
            {"type": "value", "old": f"{m.group(1)} {m.group(2)}", "new": f"{text} {m.group(2)}"})


def _reword(sentence: str, rng: random.Random, context: str) -> tuple[str, dict] | None:
    body = sentence[:-1]
    options = []
    m = re.fullmatch(r"为([^，]+)，(.+)", body)
    if m and m.group(1) in generate.PURPOSES and "，以" not in m.group(2):
        options.append(f"{m.group(2)}，以{m.group(1)}。")
    m = re.fullmatch(r"在([^，]+)时，(.+)", body)
    if m:
        options.append(f"当{m.group(1)}时，{m.group(2)}。")
    m = re.fullmatch(r"除([^，]+)的情形外，(.+)", body)
    if m:
        options.append(f"除{m.group(1)}外，{m.group(2)}。")
    if not options:
        return None
    return options[rng.randrange(len(options))], {"type": "wording"}


def _citation(sentence: str, rng: random.Random, context: str) -> tuple[str, dict] | None:
    if "按" in sentence or "{cite}" in sentence:
        return None
    m = re.search(r"(应|宜)(" + "|".join(_CITE_VERBS) + ")", sentence)
    codes = [code for code, _, _ in generate.CITED if code not in context]
    if not m or not codes:
        return None
    code = codes[rng.randrange(len(codes))]
    return (sentence[:m.end(1)] + f"按{{cite}}`{code}`的规定" + sentence[m.end(1):],
            {"type": "citation", "old": "", "new": code})


EDITORS = {"verbal-form": _verbal, "value": _value, "table-value": _value, "reworded": _reword,
           "citation": _citation}


def _referenced_elsewhere(src: Sources, name: str, start: int, end: int) -> bool:
    """True when an ID defined in lines start..end of ``name`` is referenced outside them."""
    block = src.files[name][start:end]
    ids = [line[1:-2] for line in block if re.fullmatch(r"\([\w-]+\)=", line)]
    ids += [line.split(":", 2)[2].strip() for line in block if line.startswith(":name:")]
    outside = "\n".join("\n".join(lines if n != name else lines[:start] + lines[end:])
                        for n, lines in src.files.items())
    return any(f"(#{ident})" in outside for ident in ids)


def make_revisions(repo: Path, quick: bool) -> list[dict]:
    """Commit the generated standard as ``rev1``, apply the seeded committee edits, commit ``rev2``.

    Returns the ground truth: one dict per edit (``kind``, ``clause`` — the stable ID of the clause it
    touches — and what changed).
    """
    if repo.exists():
        shutil.rmtree(repo)
    generate.make_repository(repo, "benchmark diff")
    folder = generate.write_gb300(repo / "standards", clauses=6 if quick else 30)
    (repo / ".gitignore").write_text("/build/\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "rev1: the generated standard")
    _git(repo, "tag", "rev1")

    rng = random.Random(SEED)
    counts = {kind: n[1] if quick else n[0] for kind, n in EDITS.items()}
    src = Sources(folder)
    files = src.clause_files()
    truth: list[dict] = []
    touched: set[str] = set()   # subclauses an edit already concerns

    # 1. structural choices first, so that sentence edits stay out of the subclauses that go or move
    subs = [(name, *s) for name in files for s in src.subclauses(name) if s[0] != "annex-references"]
    deletable = [s for s in subs if not _referenced_elsewhere(src, s[0], s[2], s[3])]
    rng.shuffle(deletable)
    deleted = []
    for s in deletable:
        if len(deleted) == counts["clause-deleted"]:
            break
        if any(d[0] == s[0] for d in deleted):  # one per clause
            continue
        deleted.append(s)
        touched.add(s[1])
    if len(deleted) < counts["clause-deleted"]:
        log(f"  only {len(deleted)} unreferenced subclauses to delete (asked for {counts['clause-deleted']})")
    movable = [s for s in subs if s[1] not in touched]
    rng.shuffle(movable)
    sources = movable[:counts["clause-moved"]]
    touched.update(s[1] for s in sources)
    moves = []
    for s in sources:
        targets = [n for n in files if n != s[0]
                   and s[4] not in {t[3] for t in src.subclauses(n)}]  # no two siblings with one title
        dest = targets[rng.randrange(len(targets))]
        siblings = [t[0] for t in src.subclauses(dest) if t[0] not in touched]
        before = rng.choice(siblings[1:] + [None])  # before a subclause (not the first), or at the end
        moves.append((s, dest, before))

    # 2. sentence edits: one per subclause, each in a subclause no other edit touches
    candidates: dict[str, list] = {kind: [] for kind in EDITORS}
    for name in files:
        for k, owner, unit in src.units(name):
            if owner in touched or owner == "annex-references":
                continue
            for offset, sentence in _sentences(src.files[name][k]):
                if unit == "row":
                    continue
                for kind in ("verbal-form", "value", "reworded", "citation"):
                    candidates[kind].append((name, k, owner, offset, sentence))
            if unit == "row":
                candidates["table-value"].append((name, k, owner, None, src.files[name][k]))
    for kind in ("verbal-form", "value", "table-value", "reworded", "citation"):
        pool = candidates[kind]
        rng.shuffle(pool)
        made = 0
        for name, k, owner, offset, sentence in pool:
            if made == counts[kind]:
                break
            if owner in touched:
                continue
            line = src.files[name][k]
            if kind == "table-value":
                cells = line.split(" | ")
                edit = _value(cells[1], rng, line) if len(cells) >= 3 else None
                if edit is None:
                    continue
                new_line = " | ".join([cells[0], edit[0], *cells[2:]])
                old_text, new_text = line, new_line
            else:
                if offset is None or line[offset:offset + len(sentence)] != sentence:
                    continue
                edit = EDITORS[kind](sentence, rng, line)
                if edit is None:
                    continue
                new_line = line[:offset] + edit[0] + line[offset + len(sentence):]
                old_text, new_text = sentence, edit[0]
            src.files[name][k] = new_line
            touched.add(owner)
            made += 1
            truth.append({"kind": kind, "clause": owner, "file": name, "old": old_text, "new": new_text,
                          "detail": edit[1]})
        if made < counts[kind]:
            log(f"  {kind}: only {made} of {counts[kind]} edits found a place")

    # 3. a term renamed (its references follow: they show the term's name)
    terms = src.files["05-terms.md"]
    entries = [k for k, line in enumerate(terms) if re.match(r"^:{3,4}\{term\} ", line)]
    k = entries[rng.randrange(len(entries))]
    ident = terms[k - 1][1:-2]
    old_name = terms[k].split("} ", 1)[1]
    new_name = old_name[:-2] + "管理" + old_name[-2:]
    terms[k] = terms[k].split("} ", 1)[0] + "} " + new_name
    truth.append({"kind": "term-renamed", "clause": ident, "file": "05-terms.md", "old": old_name, "new": new_name,
                  "detail": {"type": "term", "old": old_name, "new": new_name},
                  "references": src.text().count(f"(#{ident})")})

    # 4. subclauses deleted and moved (in the files' current state)
    for name, ident, _start, _end, title in deleted:
        _, start, end, _ = src.find(ident)
        src.files[name][start:end] = []
        truth.append({"kind": "clause-deleted", "clause": ident, "file": name, "old": title, "new": ""})
    for (name, ident, _start, _end, title), dest, before in moves:
        _, start, end, _ = src.find(ident)
        block = src.files[name][start:end]
        src.files[name][start:end] = []
        block = _trimmed(block)
        lines = src.files[dest]
        at = src.find(before)[1] if before else len(lines)
        lines[at:at] = block + [""] if before else ([""] if lines and lines[-1] else []) + block
        truth.append({"kind": "clause-moved", "clause": ident, "file": name, "old": title, "new": title,
                      "from_clause": "clause-" + name.split("-clause-")[1][:-3], "to_clause":
                      "clause-" + dest.split("-clause-")[1][:-3], "before": before})

    # 5. subclauses added, and one new clause in a file of its own
    existing = [s[0] for name in files for s in src.subclauses(name) if s[0] not in {d[1] for d in deleted}]
    w = generate.Writer(SEED + 1)
    w.refs = [s for s in existing if s != "annex-references"]
    w.terms = [terms[k - 1][1:-2] for k in entries]
    added_to = set()
    for _ in range(counts["clause-added"]):
        name = rng.choice([n for n in files if n not in added_to])
        added_to.add(name)
        clause = "clause-" + name.split("-clause-")[1][:-3]
        siblings = src.subclauses(name)
        numbers = [int(m[1]) for sub in siblings if (m := re.fullmatch(re.escape(clause) + r"-(\d+)", sub[0]))]
        ident = f"{clause}-{max(numbers, default=0) + 1:02d}"  # the next free ID, as an editor would choose
        title = _new_title(w, {s[3] for s in siblings})
        block = [f"({ident})=", f"## {title}", "", w.paragraph(3, 5), "", w.paragraph(3, 5), ""]
        before = rng.choice([s[0] for s in siblings[1:]] + [None])
        lines = src.files[name]
        at = src.find(before)[1] if before else len(lines)
        lines[at:at] = block if before else ([""] if lines[-1] else []) + block
        truth.append({"kind": "clause-added", "clause": ident, "file": name, "old": "", "new": title,
                      "before": before})
    number = len(files) + 1
    after = rng.randrange(max(1, len(files) - 3), len(files))  # after one of the last clauses: later ones renumber
    ident = f"clause-{number:02d}"
    block = [f"({ident})=", "# 可靠性要求"]
    for s in range(1, 3):
        block += ["", f"({ident}-{s:02d})=", f"## {_new_title(w, set())}", "", w.paragraph(3, 5), "",
                  w.paragraph(3, 5)]
    new_file = f"{after + 5:02d}a-clause-{number:02d}.md"
    src.files[new_file] = block + [""]
    index = "\n".join(src.files["index.md"])
    previous = Path(files[after - 1]).stem
    if f"\n{previous}\n" not in index:
        raise StepFailed(f"index.md: no toctree entry {previous}")
    src.files["index.md"] = index.replace(f"\n{previous}\n", f"\n{previous}\n{Path(new_file).stem}\n").split("\n")
    truth.append({"kind": "new-clause", "clause": ident, "file": new_file, "old": "", "new": "可靠性要求",
                  "subclauses": [f"{ident}-01", f"{ident}-02"], "after": f"clause-{after:02d}"})

    src.write()
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "rev2: committee edits")
    _git(repo, "tag", "rev2")
    return truth


def _trimmed(block: list[str]) -> list[str]:
    while block and not block[-1].strip():
        block = block[:-1]
    return block + [""]


def _new_title(w: generate.Writer, taken: set[str]) -> str:
    title = w.title()
    while title in taken:
        title = w.title()
    return title


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-c", "user.name=benchmark", "-c", "user.email=benchmark@example.invalid", *args],
                          cwd=repo, capture_output=True, text=True, timeout=120)
    if proc.returncode:
        raise StepFailed(f"git {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout


# -- timing ---------------------------------------------------------------------------------------------------


def timed_process(cmd: list[str], cwd: Path, stdout_path: Path | None = None, env: dict | None = None) -> dict:
    """Run ``cmd``; wall seconds and CPU seconds (user + system of the child and what it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(stdout_path, "w", encoding="utf-8") if stdout_path else open(os.devnull, "w") as out:
        proc = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.PIPE, text=True, timeout=TIMEOUT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "returncode": proc.returncode,
            "stderr_tail": proc.stderr.strip().splitlines()[-5:], "load_1min": os.getloadavg()[0]}


def best(runs: list[dict], key: str = "wall_s") -> dict:
    """Best of the runs that succeeded; ``failed_runs``: the others (in a tree that other engineers edit, a
    run can meet ``tooling/`` half-edited). The step failed (``failed``) only when no run succeeded."""
    ok = [r for r in runs if r.get("returncode", 0) == 0 and key in r]
    failed = [r.get("stderr_tail") for r in runs if r not in ok]
    if not ok:
        return {"failed": failed[-1] if failed else "no run", "failed_runs": failed}
    return {"best_s": min(r[key] for r in ok), "cpu_best_s": min(r["cpu_s"] for r in ok),
            "runs_s": [r[key] for r in ok], "cpu_runs_s": [r["cpu_s"] for r in ok],
            "load_1min": [r["load_1min"] for r in ok], "failed_runs": failed}


def cold_diffs(repo: Path, work: Path, repeat: int) -> tuple[dict, dict | None]:
    runs, data = [], None
    for i in range(repeat):
        log(f"cold diff {i + 1}/{repeat}: std diff --from rev1 --to rev2 --format json")
        out = work / "diff-cold.json"
        r = timed_process([str(STD), "--root", str(repo), "diff", "--from", "rev1", "--to", "rev2", "--standard",
                           SLUG, "--format", "json"], ROOT, out)
        runs.append(r)
        if r["returncode"]:
            log(f"  failed: {r['stderr_tail']}")
            continue
        data = json.loads(out.read_text(encoding="utf-8"))
    return best(runs), data


def fresh_builds(repo: Path, repeat: int) -> dict:
    runs = []
    for i in range(repeat):
        log(f"fresh HTML build {i + 1}/{repeat} (rev2, benchmarks/measure.py)")
        spec = json.dumps({"root": str(repo), "builder": "html", "fresh": True})
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run([PY, str(BENCH / "measure.py"), spec], cwd=ROOT, capture_output=True, text=True,
                              timeout=TIMEOUT)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if proc.returncode or not lines:
            runs.append({"returncode": proc.returncode or 1, "stderr_tail": proc.stderr.strip().splitlines()[-5:]})
            log(f"  failed: {runs[-1]['stderr_tail']}")
            continue
        m = json.loads(lines[-1])
        if not m.get("ok"):
            runs.append({"returncode": 1, "stderr_tail": [f"build not ok: {m.get('errors')} errors"]})
            log(f"  failed: {runs[-1]['stderr_tail']}")
            continue
        runs.append({"wall_s": round(wall, 3), "returncode": 0, "load_1min": m["load_1min"],
                     "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 3),
                     "build_s": m["build_s"], "build_cpu_s": m["cpu_s"], "warnings": m["warnings"],
                     "warning_sample": m.get("warning_sample", [])})
    out = best(runs)
    ok = [r for r in runs if r.get("returncode") == 0]
    if ok:
        out["build_best_s"] = min(r["build_s"] for r in ok)
        out["build_cpu_best_s"] = min(r["build_cpu_s"] for r in ok)
        out["warnings"] = ok[-1]["warnings"]
        out["warning_sample"] = ok[-1]["warning_sample"]
    return out


def cached(repo: Path, repeats: int = 5):
    """Load both snapshots in this process (timed), then time ``diff_revisions`` ``repeats`` times."""
    from tooling.diff import diff_revisions
    from tooling.diff.load import load_revision

    loads = {}
    snaps = {}
    for rev in ("rev1", "rev2"):
        log(f"loading {rev} in this process")
        w, c = time.perf_counter(), time.process_time()
        snaps[rev] = load_revision(rev, repo, SLUG)
        loads[rev] = {"wall_s": round(time.perf_counter() - w, 3), "cpu_s": round(time.process_time() - c, 3)}
    runs = []
    result = None
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        result = diff_revisions(snaps["rev1"], snaps["rev2"])
        runs.append((time.perf_counter() - w, time.process_time() - c))
    w, c = time.perf_counter(), time.process_time()
    text = json.dumps(result.to_json(), ensure_ascii=False, indent=2)
    json_s = (time.perf_counter() - w, time.process_time() - c)
    blob = pickle.dumps(snaps, protocol=pickle.HIGHEST_PROTOCOL)
    w = time.perf_counter()
    pickle.loads(blob)
    unpickle_s = time.perf_counter() - w
    timing = {"load": loads, "diff_best_s": round(min(r[0] for r in runs), 4),
              "diff_cpu_best_s": round(min(r[1] for r in runs), 4), "diff_runs_s": [round(r[0], 4) for r in runs],
              "to_json_s": round(json_s[0], 4), "json_bytes": len(text.encode()),
              "snapshot_pickle_bytes": len(blob), "snapshot_unpickle_s": round(unpickle_s, 4),
              "clauses": {rev: len(s.clauses) for rev, s in snaps.items()},
              "blocks": {rev: sum(len(c.blocks) for c in s.clauses) for rev, s in snaps.items()}}
    return timing, snaps, result


# -- iddiff ---------------------------------------------------------------------------------------------------


def ensure_iddiff() -> tuple[Path, dict]:
    """The ``iddiff`` command of the benchmark's own venv, installed from PyPI when missing."""
    exe = IDDIFF_VENV / "bin" / "iddiff"
    info: dict = {"venv": str(IDDIFF_VENV.relative_to(ROOT)), "spec": IDDIFF_SPEC, "installed_now": False}
    if not exe.exists():
        log(f"iddiff is missing: installing {IDDIFF_SPEC} from PyPI into {info['venv']} (a venv of its own)")
        info["installed_now"] = True
        for cmd in ([PY, "-m", "venv", "--clear", str(IDDIFF_VENV)],
                    [str(IDDIFF_VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
                     IDDIFF_SPEC]):
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            if proc.returncode:
                raise StepFailed(f"installing iddiff: {' '.join(cmd[:3])}…: "
                                 + (proc.stderr.strip().splitlines() or ["failed"])[-1])
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    info["version"] = (proc.stdout or proc.stderr).strip()
    return exe, info


#: Run in iddiff's venv: iddiff's own line preparation and line matcher (``iddiff.iddiff``: ``cleanup``,
#: ``escape``, ``mdiff``, ``add_span``), walked as its side-by-side writer walks it, to get the line
#: numbers of each changed region (its HTML does not print them).
_REGIONS = r"""
import difflib, io, json, sys
from html import escape
from iddiff import iddiff as m
mdiff = getattr(m, "mdiff", difflib._mdiff)
def read(path):
    with open(path) as f:
        return io.StringIO(escape("".join(m.cleanup(f.readlines(), False)))).readlines()
a, b = read(sys.argv[1]), read(sys.argv[2])
context = int(sys.argv[3]) or None
regions, current = [], None
for lb, rb, different in mdiff(a, b, context=context):
    if not lb or not rb or not different:
        current = None
        continue
    if not (m.add_span(lb[1], "delete") or m.add_span(rb[1], "insert")):
        continue
    if current is None:
        current = {"old": [], "new": []}
        regions.append(current)
    if lb[0] not in (None, ""):
        current["old"].append(lb[0])
    if rb[0] not in (None, ""):
        current["new"].append(rb[0])
print(json.dumps({"lines": [len(a), len(b)], "regions": regions}))
"""


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns (a CJK character is two), not breaking inside a Latin word or number."""
    out, line, used = [], "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width and line:
            word = re.search(r"[A-Za-z0-9.,/%−-]+$", line)
            if word and word.start() > 0 and (ch.isascii() and ch.isalnum()):
                out.append(line[:word.start()].rstrip())
                line = line[word.start():]
            else:
                out.append(line.rstrip())
                line = ""
            used = _width(line)
            if ch == " " and not line:
                continue
        line += ch
        used += w
    if line.strip():
        out.append(line.rstrip())
    return out


def render_text(snapshot, wrap: int | None = 72) -> tuple[str, list[str | None]]:
    """The revision as plain text in the style of an Internet-Draft (what iddiff compares).

    Headings ``8.4.  标题`` at the margin, text indented three columns and wrapped at ``wrap`` columns (a
    CJK character counts two; ``None``: one line per block), table rows one per line, a blank line between
    blocks. Returns the text and, per line, the key of the clause it belongs to.
    """
    lines: list[str] = [snapshot.designation, ""]
    keys: list[str | None] = [None, None]
    for clause in snapshot.clauses:
        head = f"{clause.number}.  {clause.title}" if clause.number and clause.title else clause.title
        if head:
            lines += [head, ""]
            keys += [clause.key, clause.key]
        for block in clause.blocks:
            for part in block.text.split("\n"):
                if not part.strip():
                    continue
                parts = [part] if (block.kind == "table-row" or wrap is None) else _wrap(part, wrap - 3)
                lines += ["   " + p for p in parts]
                keys += [clause.key] * len(parts)
            lines.append("")
            keys.append(clause.key)
    return "\n".join(lines) + "\n", keys


def run_iddiff(exe: Path, old: Path, new: Path, out: Path, *args: str, repeat: int = 3) -> dict:
    runs = []
    for _ in range(repeat):
        r = timed_process([str(exe), *args, str(old), str(new)], out.parent, out, UTF8)
        runs.append(r)
        if r["returncode"]:
            raise StepFailed(f"iddiff {' '.join(args)}: exit {r['returncode']}: {r['stderr_tail']}")
    return best(runs) | {"output_bytes": out.stat().st_size}


def html_regions(html: str) -> dict:
    """Changed regions of iddiff's side-by-side page: runs of changed rows (``lblock``), and its hunks."""
    regions, inside = 0, False
    for token in re.findall(r'class="(lblock|left)"|id="(context)-', html):
        changed = token[0] == "lblock"
        if changed and not inside:
            regions += 1
        inside = changed
    return {"regions": regions, "skipping_markers": html.count('id="context-')}


def iddiff_regions(exe: Path, old: Path, new: Path, context: int = 8) -> dict:
    python = exe.parent / "python"
    proc = subprocess.run([str(python), "-c", _REGIONS, str(old), str(new), str(context)], capture_output=True,
                          text=True, timeout=600, env=UTF8)
    if proc.returncode:
        raise StepFailed(f"iddiff regions: {(proc.stderr.strip().splitlines() or ['failed'])[-1]}")
    return json.loads(proc.stdout)


# -- recovery -------------------------------------------------------------------------------------------------


def _details(change: dict, kind: str) -> list[dict]:
    return [d for d in change.get("details", []) if d.get("type") == kind]


def our_recovery(truth: list[dict], result, snaps) -> dict:
    """Per edit: found (a clause entry for it), status, class and reason as expected; then the noise."""
    data = result.to_json()
    by_id = {c["id"]: c for c in data["clauses"]}
    old_num = {c.key: c.number for c in snaps["rev1"].clauses}
    new_num = {c.key: c.number for c in snaps["rev2"].clauses}
    edited: set[str] = set()
    rows = []
    for edit in truth:
        ids = [edit["clause"], *edit.get("subclauses", [])]
        edited.update(ids)
        entry = by_id.get(edit["clause"])
        kind = edit["kind"]
        row = {"kind": kind, "clause": edit["clause"], "found": entry is not None and entry["status"] != "unchanged",
               "status": entry["status"] if entry else None, "class": entry["class"] if entry else None,
               "old_number": entry["old_number"] if entry else None,
               "new_number": entry["new_number"] if entry else None, "changes": len(entry["changes"]) if entry else 0}
        class_ok = reason_ok = False
        note = ""
        if entry is not None:
            changes = entry["changes"]
            class_ok = entry["class"] == EXPECTED_CLASS[kind]
            if kind in ("verbal-form", "value", "table-value", "citation"):
                want = edit["detail"]
                reason_ok = any(d.get("type") == want["type"] and _same(d, want)
                                for c in changes for d in c.get("details", []))
                if not reason_ok:
                    note = "; ".join(f"{c['kind']} {c['block']} → {c['class']} {c['reasons']}" for c in changes)
            elif kind == "reworded":
                class_ok = class_ok and bool(changes) and all(c["class"] == "editorial" for c in changes)
                reason_ok = entry["status"] == "modified" and all(
                    d.get("type") == "wording" for c in changes for d in c.get("details", []))
                if not (class_ok and reason_ok):
                    note = "; ".join(f"{c['class']} {c['reasons']}" for c in changes)
            elif kind == "term-renamed":
                reason_ok = any(c["block"] == "title" and _details(c, "term") for c in changes)
            elif kind in ("clause-added", "new-clause"):
                reason_ok = entry["status"] == "added" and all(
                    by_id.get(s, {}).get("status") == "added" for s in edit.get("subclauses", []))
            elif kind == "clause-deleted":
                reason_ok = entry["status"] == "deleted"
            elif kind == "clause-moved":
                want_parent = new_num.get(edit["to_clause"])
                reason_ok = entry["status"] == "moved" and not entry["changes"] and entry["new_parent"] == want_parent
                if not reason_ok:
                    note = f"status {entry['status']}, parent {entry['old_parent']} → {entry['new_parent']} " \
                           f"(expected {want_parent}), {len(changes)} change(s)"
            if row["changes"] > 1 and kind not in ("clause-added", "new-clause", "clause-deleted"):
                note = (note + "; " if note else "") + f"{row['changes']} changes reported for one edit"
        row["class_ok"], row["reason_ok"] = class_ok, reason_ok
        row["right"] = class_ok and reason_ok
        row["note"] = note
        rows.append(row)

    # renumbering: clauses in both revisions whose number changed, that no edit touched
    expected_renumbered = {k for k in old_num if k in new_num and old_num[k] != new_num[k] and k not in edited}
    reported_renumbered = {c["id"] for c in data["clauses"] if c["status"] == "renumbered"}
    noise = [c for c in data["clauses"] if c["status"] not in ("unchanged", "renumbered") and c["id"] not in edited]
    noise_blocks = []
    for c in data["clauses"]:
        if c["id"] in edited:
            continue
        for ch in c["changes"]:
            noise_blocks.append({"clause": c["id"], "status": c["status"], "kind": ch["kind"], "block": ch["block"],
                                 "class": ch["class"], "reasons": ch["reasons"], "old": ch["old"][:120],
                                 "new": ch["new"][:120]})
    return {"edits": rows, "expected_renumbered": len(expected_renumbered),
            "reported_renumbered": len(reported_renumbered),
            "renumbered_missed": sorted(expected_renumbered - reported_renumbered)[:20],
            "renumbered_extra": sorted(reported_renumbered - expected_renumbered)[:20],
            "noise_clauses": [{"id": c["id"], "status": c["status"], "class": c["class"],
                               "changes": [f"{x['kind']} {x['block']} {x['class']} {x['reasons']}"
                                           for x in c["changes"]][:5]} for c in noise],
            "noise_changes": noise_blocks[:40], "noise_changes_count": len(noise_blocks)}


def _same(detail: dict, want: dict) -> bool:
    if want["type"] == "citation":
        return want["new"] in detail.get("new", "")
    norm = lambda s: re.sub(r"\s+", "", (s or "").replace("−", "-"))  # noqa: E731
    return norm(detail.get("old")) == norm(want["old"]) and norm(detail.get("new")) == norm(want["new"])


def iddiff_recovery(truth: list[dict], regions: list[dict], old_keys: list, new_keys: list, old_lines: list[str],
                    new_lines: list[str]) -> dict:
    """Which edits one of iddiff's regions covers (by the clause of the lines it marks), and the rest: noise."""
    def keys(region: dict) -> tuple[set, set]:
        return ({old_keys[n - 1] for n in region["old"] if 0 < n <= len(old_keys)} - {None},
                {new_keys[n - 1] for n in region["new"] if 0 < n <= len(new_keys)} - {None})

    region_keys = [keys(r) for r in regions]
    edited = set()
    rows = []
    for edit in truth:
        ids = {edit["clause"], *edit.get("subclauses", [])}
        edited |= ids
        old_hits = [i for i, (o, n) in enumerate(region_keys) if o & ids]
        new_hits = [i for i, (o, n) in enumerate(region_keys) if n & ids]
        hits = sorted(set(old_hits) | set(new_hits))
        row = {"kind": edit["kind"], "clause": edit["clause"], "found": bool(hits), "regions": len(hits)}
        if edit["kind"] == "clause-moved":
            row["found"] = bool(old_hits) and bool(new_hits)
            row["as"] = "delete + insert" if row["found"] else "partly"
        rows.append(row)
    noise = [i for i, (o, n) in enumerate(region_keys) if not ((o | n) & edited)]
    renamed = [(e["old"], e["new"]) for e in truth if e["kind"] == "term-renamed"]
    kinds = {"numbers only": 0, "renamed term in a reference": 0, "other": 0}
    examples: dict[str, list] = {k: [] for k in kinds}
    for i in noise:
        region = regions[i]
        a = "".join(old_lines[n - 1].strip() for n in region["old"] if 0 < n <= len(old_lines))
        b = "".join(new_lines[n - 1].strip() for n in region["new"] if 0 < n <= len(new_lines))
        renamed_a = a
        for old_name, new_name in renamed:
            renamed_a = renamed_a.replace(old_name, new_name)
        if re.sub(r"[\d.]", "", a) == re.sub(r"[\d.]", "", b):
            kind = "numbers only"
        elif re.sub(r"[\d.]", "", renamed_a) == re.sub(r"[\d.]", "", b):
            kind = "renamed term in a reference"
        else:
            kind = "other"
        kinds[kind] += 1
        if len(examples[kind]) < 3:
            examples[kind].append({"old": a[:160], "new": b[:160]})
    return {"edits": rows, "regions": len(regions), "explained_regions": len(regions) - len(noise),
            "noise_regions": len(noise), "noise_by_kind": kinds, "noise_numbers_only": kinds["numbers only"],
            "noise_examples": examples}


# -- report ---------------------------------------------------------------------------------------------------


def print_report(r: dict) -> None:
    print(f"\nDiff benchmark: {r['input']} ({r['clauses']} clauses × 10 subclauses), rev1 → rev2, "
          f"{len(r['ground_truth'])} edits")
    print("ground truth: " + ", ".join(f"{k} {v}" for k, v in r["edits_by_kind"].items()))
    t = r["timing"]
    rows = [("measurement", "wall s", "CPU s", "note")]
    cold, build = t.get("cold_diff", {}), t.get("fresh_build", {})
    rows.append(("cold diff: std diff --format json", fmt(cold.get("best_s")), fmt(cold.get("cpu_best_s")),
                 "new process, both revisions built"))
    rows.append(("one fresh HTML build (process)", fmt(build.get("best_s")), fmt(build.get("cpu_best_s")),
                 f"Project.sphinx alone: {fmt(build.get('build_best_s'))} s ({fmt(build.get('build_cpu_best_s'))} "
                 f"CPU)"))
    rows.append(("  ratio cold diff / build", fmt(t.get("cold_ratio")), fmt(t.get("cold_ratio_cpu")), "target < 2"))
    c = t.get("cached", {})
    for rev, v in c.get("load", {}).items():
        rows.append((f"load {rev} (in process)", fmt(v["wall_s"]), fmt(v["cpu_s"]), "build + clause model"))
    rows.append(("cached diff: diff_revisions, best of 5", fmt(c.get("diff_best_s"), 3),
                 fmt(c.get("diff_cpu_best_s"), 3), "target < 2 s"))
    rows.append(("  to_json + dumps", fmt(c.get("to_json_s"), 3), "", f"{c.get('json_bytes')} bytes"))
    rows.append(("  snapshots unpickled (a cache)", fmt(c.get("snapshot_unpickle_s"), 3), "",
                 f"{c.get('snapshot_pickle_bytes')} bytes for both"))
    for key, label in (("wrapped", "iddiff side by side, 72 columns"),
                       ("unwrapped", "iddiff side by side, 1 line/block"), ("abdiff", "iddiff --abdiff")):
        v = t.get("iddiff", {}).get(key, {})
        rows.append((label, fmt(v.get("best_s"), 3), fmt(v.get("cpu_best_s"), 3), "process"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for name, v in (("cold diff", cold), ("fresh build", build)):
        if v.get("failed_runs") and "best_s" in v:
            print(f"{name}: {len(v['failed_runs'])} run(s) failed and are left out: {v['failed_runs'][0][-1:]}")
    print()
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(w) if j in (0, 3) else cell.rjust(w)
                        for j, (cell, w) in enumerate(zip(row, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    o, i = r.get("ours", {}), r.get("iddiff", {})
    if o:
        s = o["summary"]
        print(f"\nours: {sum(v for k, v in s['clauses'].items() if k != 'unchanged')} clause entries changed "
              f"({', '.join(f'{k} {v}' for k, v in s['clauses'].items() if k != 'unchanged')}); "
              f"by class {s['clauses_by_class']}; {s['total_changes']} block changes {s['changes_by_class']}")
    if i:
        print(f"iddiff: {i['wrapped']['regions']} changed regions (72 columns; {i['wrapped']['hunks']} hunks at 8 "
              f"lines of context), {i['unwrapped']['regions']} (one line per block); --abdiff: "
              f"{i['abdiff_paragraphs']} changed paragraphs")
    rec = r.get("recovery", {})
    if rec:
        print("\nrecovery of the ground truth")
        rows = [("kind", "edits", "ours found", "ours class", "ours reason", "iddiff found", "notes")]
        kinds = list(dict.fromkeys(e["kind"] for e in r["ground_truth"]))
        for kind in kinds:
            ours = [e for e in rec["ours"]["edits"] if e["kind"] == kind]
            idd = [e for e in rec.get("iddiff", {}).get("edits", []) if e["kind"] == kind]
            notes = "; ".join(sorted({e["note"] for e in ours if e["note"]}))[:110]
            if kind == "clause-moved":
                ours_as = ", ".join(e["status"] or "–" for e in ours)
                notes = f"ours: {ours_as}; iddiff: {', '.join(e.get('as', '') for e in idd)}" + (
                    f"; {notes}" if notes else "")
            rows.append((kind, str(len(ours)), f"{sum(e['found'] for e in ours)}/{len(ours)}",
                         f"{sum(e['class_ok'] for e in ours)}/{len(ours)}",
                         f"{sum(e['reason_ok'] for e in ours)}/{len(ours)}",
                         f"{sum(e['found'] for e in idd)}/{len(idd)}" if idd else "–", notes))
        widths = [max(len(row[k]) for row in rows) for k in range(7)]
        for n, row in enumerate(rows):
            print("  ".join(cell.ljust(w) if j in (0, 6) else cell.rjust(w)
                            for j, (cell, w) in enumerate(zip(row, widths))))
            if n == 0:
                print("  ".join("-" * w for w in widths))
        ro = rec["ours"]
        print(f"ours: renumbered {ro['reported_renumbered']} (expected {ro['expected_renumbered']}); "
              f"{len(ro['noise_clauses'])} clause entries and {ro['noise_changes_count']} block changes "
              f"that no edit explains")
        for n in ro["noise_clauses"][:5]:
            print(f"  noise: {n['id']} {n['status']} {n['class']}: {'; '.join(n['changes'])[:140]}")
        ri = rec.get("iddiff")
        if ri:
            print(f"iddiff: {ri['explained_regions']} of {ri['regions']} regions touch an edited clause; "
                  f"{ri['noise_regions']} do not: " + ", ".join(f"{k} {v}" for k, v in ri["noise_by_kind"].items()))
            for kind, examples in ri["noise_examples"].items():
                for ex in examples[:1]:
                    print(f"  noise ({kind}): {ex['old'][:60]!r} → {ex['new'][:60]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="See benchmarks/README.md (section Diff) for what each number means.")
    parser.add_argument("--quick", action="store_true", help="6 clauses, fewer edits, one repetition")
    parser.add_argument("--repeat", type=int, help="repetitions of the cold diff and the build (default 3, quick 1)")
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "work", help="where the repository goes")
    parser.add_argument("--json", type=Path, help="results file (default benchmarks/out/diff-results.json; "
                                                  "quick: benchmarks/out/diff-results-quick.json)")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    out_json = args.json or BENCH / "out" / ("diff-results-quick.json" if args.quick else "diff-results.json")
    started = time.perf_counter()
    sys.path.insert(0, str(BENCH))
    from run import machine, tooling_checksum

    results: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                     "mode": "quick" if args.quick else "full", "repeat": repeat, "input": "gb300",
                     "clauses": 6 if args.quick else 30, "machine": machine(), "timing": {}, "failed": []}
    args.work.mkdir(parents=True, exist_ok=True)
    repo = args.work / "diff-gb300"
    scratch = args.work / "diff-text"
    scratch.mkdir(parents=True, exist_ok=True)
    status = 0
    try:
        log("revisions: rev1 (generated), rev2 (seeded committee edits)")
        truth = make_revisions(repo, args.quick)
    except (StepFailed, OSError) as exc:
        log(f"making the revisions failed: {exc}")
        results["failed"].append(f"revisions: {exc}")
        _finish(results, out_json, started)
        return 1
    results["ground_truth"] = truth
    results["edits_by_kind"] = {k: sum(1 for e in truth if e["kind"] == k) for k in EDITS}
    t = results["timing"]

    # (a) cold diff against one fresh build
    cold, cold_json = cold_diffs(repo, scratch, repeat)
    t["cold_diff"] = cold
    t["fresh_build"] = fresh_builds(repo, repeat)
    if "failed" in cold:
        results["failed"].append(f"std diff: {cold['failed']}")
    if "failed" in t["fresh_build"]:
        results["failed"].append(f"fresh build: {t['fresh_build']['failed']}")
    if "best_s" in cold and "best_s" in t["fresh_build"]:
        t["cold_ratio"] = round(cold["best_s"] / t["fresh_build"]["best_s"], 2)
        t["cold_ratio_cpu"] = round(cold["cpu_best_s"] / t["fresh_build"]["cpu_best_s"], 2)

    # (b) cached diff
    try:
        t["cached"], snaps, result = cached(repo)
    except Exception as exc:  # noqa: BLE001 - a step that fails is reported, the exit status says so
        log(f"cached diff failed: {exc}")
        results["failed"].append(f"cached diff: {exc}")
        _finish(results, out_json, started)
        return 1
    data = result.to_json()
    results["ours"] = {"summary": data["summary"]}
    if cold_json is not None:
        results["ours"]["cli_summary_matches"] = cold_json["summary"] == data["summary"]
    (scratch / "ours.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    results["recovery"] = {"ours": our_recovery(truth, result, snaps)}

    # (c) iddiff on the two revisions as plain text
    try:
        exe, info = ensure_iddiff()
        help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=60).stdout
        info["options_used"] = ["default: side by side HTML, 8 lines of context", "--abdiff"]
        info["help_has_abdiff"] = "--abdiff" in help_text
        results["iddiff_install"] = info
        texts = {}
        for variant, wrap in (("wrapped", 72), ("unwrapped", None)):
            for rev in ("rev1", "rev2"):
                text, keys = render_text(snaps[rev], wrap)
                path = scratch / f"{rev}-{variant}.txt"
                path.write_text(text, encoding="utf-8")
                texts[variant, rev] = (path, keys, text.split("\n"))
        t["iddiff"] = {}
        summary: dict = {}
        for variant in ("wrapped", "unwrapped"):
            old, new = texts[variant, "rev1"][0], texts[variant, "rev2"][0]
            html = scratch / f"iddiff-{variant}.html"
            log(f"iddiff side by side ({variant})")
            t["iddiff"][variant] = run_iddiff(exe, old, new, html, repeat=3)
            counted = html_regions(html.read_text(encoding="utf-8"))
            located = iddiff_regions(exe, old, new)
            summary[variant] = {"regions": counted["regions"], "hunks": counted["skipping_markers"],
                                "regions_located": len(located["regions"]), "lines": located["lines"]}
            if variant == "wrapped":
                results["recovery"]["iddiff"] = iddiff_recovery(
                    truth, located["regions"], texts[variant, "rev1"][1], texts[variant, "rev2"][1],
                    texts[variant, "rev1"][2], texts[variant, "rev2"][2])
            else:
                summary[variant]["recovery"] = iddiff_recovery(
                    truth, located["regions"], texts[variant, "rev1"][1], texts[variant, "rev2"][1],
                    texts[variant, "rev1"][2], texts[variant, "rev2"][2])
        ab = scratch / "iddiff-abdiff.txt"
        log("iddiff --abdiff")
        t["iddiff"]["abdiff"] = run_iddiff(exe, texts["wrapped", "rev1"][0], texts["wrapped", "rev2"][0], ab,
                                           "--abdiff", repeat=3)
        summary["abdiff_paragraphs"] = ab.read_text(encoding="utf-8").count("\nOLD:\n")
        results["iddiff"] = summary
    except StepFailed as exc:
        log(f"iddiff failed: {exc}")
        results["failed"].append(f"iddiff: {exc}")
    results["machine"]["tooling_changed_during_run"] = (results["machine"]["tooling_checksum_at_start"]
                                                        != tooling_checksum())
    _finish(results, out_json, started)
    print_report(results)
    print(f"\nresults: {out_json} ({results['total_s']} s in all); texts and outputs: {scratch}")
    if results["failed"]:
        print("failed: " + "; ".join(str(f) for f in results["failed"]))
        status = 1
    return status


def _finish(results: dict, out_json: Path, started: float) -> None:
    results["total_s"] = round(time.perf_counter() - started, 1)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
