"""Build-time and memory benchmarks of the HTML and PDF builds (reports numbers and ratios; asserts nothing on time).

    .venv/bin/python benchmarks/run.py          # full run, ≈ 9-12 min on 2 cores; writes benchmarks/results.json
    .venv/bin/python benchmarks/run.py --quick  # small inputs, 1 repetition, < 2 min: out/results-quick.json

Inputs, each in a repository of its own under ``benchmarks/out/work/``:

- ``gb300``: the generated 300-subclause Chinese GB standard (``benchmarks/generate.py``, ≈ 200 pages);
- ``c06``: the generated standard whose informative annex holds a 2,000-row × 3-column Chinese table (case C06);
- ``c02``: the generated one-page Chinese standard (case C02);
- ``dis-18974-en``, ``dis-18974-zh``, ``owasp-asvs``: the OpenChain DIS 18974 (English, Chinese) and OWASP ASVS
  4.0.3 texts of ``../shared/corpus``, imported with ``std import`` (skipped, with the reason, when the corpus or
  the importer is not available or the import fails).

Per input: fresh HTML build of ours and of a plain Sphinx + MyST build of the same sources (``benchmarks/plain.py``),
best and median of ``--repeat`` runs, their ratio; the PDF build (``stdpdf`` on the doctrees the HTML build left, as
``std publish`` does); pages (pypdf); the PDF child's own render seconds, import and start-up seconds (through
``benchmarks/pdf_probe.py``); pages per second; peak memory (``VmHWM``) of the build process and of the PDF child.
Extra: incremental HTML rebuilds of ``gb300`` (no change, one clause's text edited, one subclause title edited) and
a parallel (``-j 2``) fresh build; the C06 checks (header row on every page of the table, render time against the
per-PDF budget ``std_pdf_timeout``, time and memory at 500/1,000/2,000 rows); C02 render time.

Every measurement runs in a new process (``benchmarks/measure.py``); see ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PY = sys.executable
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import plain  # noqa: E402

IMPORTS = {  # name: (source, designation, language, slug)
    "dis-18974-en": (CORPUS / "openchain-18974" / "official" / "DIS-18974-initial-en.md", "ISO/IEC DIS 18974", "en",
                     "iso-iec-18974"),
    "dis-18974-zh": (CORPUS / "openchain-18974" / "official" / "DIS-18974-initial-zh-Hans.md", "ISO/IEC DIS 18974",
                     "zh", "iso-iec-18974-zh"),
    "owasp-asvs": (CORPUS / "owasp-asvs-4.0.3" / "en", "OWASP ASVS 4.0.3", "en", "owasp-asvs"),
}
QUICK_IMPORTS = ["dis-18974-en"]
MEASURE_TIMEOUT = 1200  # seconds for one measured process (a PDF child has its own limit, std_pdf_timeout)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- one measurement ------------------------------------------------------------------------------------------


def measure(spec: dict) -> dict:
    """Run ``benchmarks/measure.py`` with ``spec`` in a new process; its JSON plus ``process_s`` (wall, parent side)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([PY, str(BENCH / "measure.py"), json.dumps(spec)], capture_output=True, text=True,
                              timeout=MEASURE_TIMEOUT, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"failed": f"no result within {MEASURE_TIMEOUT} s"}
    wall = time.perf_counter() - start
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-6:])
        return {"failed": f"exit status {proc.returncode}: {tail}"}
    result = json.loads(lines[-1])
    result["process_s"] = round(wall, 3)
    return result


def summary(runs: list[dict], key: str = "build_s") -> dict:
    """Best, median and all values of ``key`` over successful runs, with the peak memory of the worst run."""
    ok = [r for r in runs if "failed" not in r]
    if not ok:
        return {"failed": runs[0].get("failed", "no run") if runs else "no run"}
    values = [r[key] for r in ok]
    cpu = [r["cpu_s"] for r in ok]
    return {"best_s": min(values), "median_s": round(statistics.median(values), 3), "runs_s": values,
            "cpu_best_s": min(cpu), "cpu_median_s": round(statistics.median(cpu), 3),
            "process_best_s": min(r["process_s"] for r in ok), "peak_rss_mb": max(r["peak_rss_mb"] for r in ok),
            "load_1min": [r["load_1min"] for r in ok], "docs_read": ok[-1].get("docs_read"),
            "warnings": ok[-1]["warnings"], "warning_sample": ok[-1].get("warning_sample", [])}


def html_snapshot(outdir: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in outdir.rglob("*.html")} if outdir.is_dir() else {}


# -- inputs ---------------------------------------------------------------------------------------------------


def prepare(work: Path, quick: bool, only: set[str] | None) -> tuple[dict[str, dict], dict[str, str]]:
    """The input repositories: name -> {"root", "slug", "kind"}; and name -> reason for those skipped."""
    inputs: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    options = {"gb300": {"clauses": 6 if quick else 30}, "c06": {"rows": 300 if quick else 2000}}
    wanted = [n for n in generate.GENERATORS if not only or n in only]
    for name, root in generate.generate(work, wanted, **options).items():
        inputs[name] = {"root": root, "slug": generate.SLUGS[name], "kind": "generated"}
    std = Path(PY).parent / "std"
    for name, (source, designation, lang, slug) in IMPORTS.items():
        if (only and name not in only) or (quick and name not in QUICK_IMPORTS):
            continue
        if not source.exists():
            skipped[name] = f"{source} not found (the shared corpus is not beside the repository)"
            continue
        root = work / name
        if root.exists():
            shutil.rmtree(root)
        generate.make_repository(root, f"benchmark {name}")
        cmd = [str(std), "import", str(source), "--designation", designation, "--lang", lang,
               "--to", str(root / "standards" / slug)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            skipped[name] = f"`std import` could not run: {exc}"
            continue
        if proc.returncode != 0 or not (root / "standards" / slug / "index.md").is_file():
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            skipped[name] = f"`std import` failed (exit status {proc.returncode}): {tail}"
            continue
        inputs[name] = {"root": root, "slug": slug, "kind": "imported",
                        "import_messages": len([line for line in proc.stderr.splitlines() if line.strip()])}
    for name, reason in skipped.items():
        log(f"skipping {name}: {reason}")
    return inputs, skipped


# -- the measurements of one input ----------------------------------------------------------------------------


def pdf_run(root: Path, slug: str, probe: Path) -> dict:
    """One ``stdpdf`` build of ``slug`` (doctrees of the last HTML build), measured with the probe."""
    if probe.exists():
        probe.unlink()
    os.environ["STD_BENCH_PROBE"] = str(probe)
    outdir = root / "build" / "pdf"
    if outdir.exists():
        shutil.rmtree(outdir)
    run = measure({"root": str(root), "builder": "stdpdf", "fresh": False,
                   "overrides": {"std_pdf_standards": [slug], "std_pdf_jobs": 1,
                                 "std_pdf_worker": [PY, str(BENCH / "pdf_probe.py")]}})
    if "failed" in run:
        return run
    report_path = outdir / "pdf-report.json"
    report = {r["slug"]: r for r in json.loads(report_path.read_text())} if report_path.is_file() else {}
    entry = report.get(slug)
    if not entry or not entry.get("ok"):
        return {"failed": f"no PDF: {entry.get('message') if entry else 'no pdf-report.json entry'}",
                "warning_sample": run.get("warning_sample")}
    probes = [json.loads(line) for line in probe.read_text().splitlines()] if probe.is_file() else []
    child = next((p for p in probes if p["out"].endswith(f"{slug}.pdf")), {})
    from pypdf import PdfReader

    pdf = outdir / f"{slug}.pdf"
    pages = len(PdfReader(str(pdf)).pages)
    return {"build_s": run["build_s"], "build_cpu_s": run["cpu_s"], "process_s": run["process_s"],
            "build_peak_rss_mb": run["peak_rss_mb"], "load_1min": run["load_1min"], "docs_read": run.get("docs_read"),
            "env_discarded": run.get("env_discarded"),
            "warnings": run["warnings"], "pages": pages, "report_pages": entry["pages"],
            "render_s": entry["seconds"], "render_cpu_s": child.get("worker_cpu_s"),
            "child_startup_s": child.get("startup_s"),
            "child_import_s": child.get("import_s"), "child_total_s": child.get("child_s"),
            "child_peak_rss_mb": child.get("peak_rss_mb"), "pdf": str(pdf), "bytes": pdf.stat().st_size}


def html_runs(root: Path, repeat: int, **spec) -> list[dict]:
    runs = []
    for _ in range(repeat):
        runs.append(measure({"root": str(root), "builder": "html", "fresh": True, **spec}))
        if "failed" in runs[-1]:
            log(f"    failed: {runs[-1]['failed']}")
            break
    return runs


def bench_input(name: str, info: dict, work: Path, repeat: int, pdf_repeat: int) -> dict:
    root, slug = info["root"], info["slug"]
    out: dict = {"slug": slug, "kind": info["kind"]}
    if "import_messages" in info:
        out["import_messages"] = info["import_messages"]
    log(f"{name}: plain Sphinx + MyST HTML × {repeat}")
    plain_root = plain.make_plain(root, work / f"{name}-plain")
    out["html_plain"] = summary(html_runs(plain_root, repeat))
    log(f"{name}: our HTML × {repeat}")
    out["html"] = summary(html_runs(root, repeat))
    if "best_s" in out["html"] and "best_s" in out["html_plain"]:
        out["html_ratio_best"] = round(out["html"]["best_s"] / out["html_plain"]["best_s"], 2)
        out["html_ratio_median"] = round(out["html"]["median_s"] / out["html_plain"]["median_s"], 2)
        out["html_ratio_cpu"] = round(out["html"]["cpu_best_s"] / out["html_plain"]["cpu_best_s"], 2)
    log(f"{name}: PDF × {pdf_repeat}")
    runs = [pdf_run(root, slug, work / f"{name}.probe.jsonl") for _ in range(pdf_repeat)]
    ok = [r for r in runs if "failed" not in r]
    if not ok:
        out["pdf"] = runs[0]
        log(f"    PDF failed: {runs[0]['failed']}")
        return out
    best = min(ok, key=lambda r: r["render_s"])
    pdf = dict(best)
    pdf["render_runs_s"] = [r["render_s"] for r in ok]
    pdf["build_runs_s"] = [r["build_s"] for r in ok]
    pdf["child_peak_rss_mb"] = max(r["child_peak_rss_mb"] or 0 for r in ok)
    pdf["pages_per_s_render"] = round(pdf["pages"] / pdf["render_s"], 2) if pdf["render_s"] else None
    pdf["pages_per_s_build"] = round(pdf["pages"] / pdf["build_s"], 2) if pdf["build_s"] else None
    pdf["pages_per_cpu_s_render"] = round(pdf["pages"] / pdf["render_cpu_s"], 2) if pdf.get("render_cpu_s") else None
    out["pdf"] = pdf
    return out


def tooling_checksum() -> int:
    """The tooling's environment version (``tooling._code_version``): a checksum that changes with its code."""
    import zlib

    checksum = 0
    for pattern in ("*.py", "*.yaml"):
        for path in sorted((ROOT / "tooling").rglob(pattern)):
            checksum = zlib.crc32(path.read_bytes(), checksum)
    return checksum


def bench_incremental(root: Path, work: Path, repeat: int) -> dict:
    """HTML rebuilds of the generated standard: fresh, no change, one clause's text edited, one title edited.

    The tooling's environment version is a checksum of its code, so an edit of ``tooling/`` between two builds
    (another engineer at work in this tree) makes Sphinx discard the environment and read everything: such a
    run is not an incremental build; it is done again (after a new edit) and counted in ``code_changed_retries``.
    """
    repo = work / "gb300-incremental"
    if repo.exists():
        shutil.rmtree(repo)
    shutil.copytree(root, repo, ignore=shutil.ignore_patterns("build"))
    folder = repo / "standards" / generate.SLUGS["gb300"]
    clauses = sorted(folder.glob("*-clause-*.md"))
    clause = clauses[len(clauses) // 2]
    outdir = repo / "build" / "html"
    spec = {"root": str(repo), "builder": "html"}
    result: dict = {"file_edited": clause.name, "html_files": 0, "code_changed_retries": 0}
    state = {"text": clause.read_text(encoding="utf-8"), "edits": 0}
    paragraph = re.compile(r"^[^\s(:#{|$\[-].*。$", re.M)
    middle = len(paragraph.findall(state["text"])) // 2

    def edit_text() -> None:  # a new sentence at the end of one paragraph: every run has something to read again
        state["edits"] += 1
        target = list(paragraph.finditer(state["text"]))[middle]
        state["text"] = state["text"][:target.end()] + f"本句为第{state['edits']}次修改所加。" + state["text"][target.end():]
        clause.write_text(state["text"], encoding="utf-8")

    def edit_title() -> None:  # the title of the first subclause of the file
        state["edits"] += 1
        state["text"] = re.sub(r"^(## \S+?)(（修订\d+）)?$", rf"\1（修订{state['edits']}）", state["text"], count=1,
                               flags=re.M)
        clause.write_text(state["text"], encoding="utf-8")

    def run(label: str, fresh: bool, prepare=None) -> dict:
        for _ in range(4):
            if prepare:
                prepare()
            before = html_snapshot(outdir)
            r = measure({**spec, "fresh": fresh})
            after = html_snapshot(outdir)
            if "failed" in r:
                log(f"    {label} failed: {r['failed']}")
                return r
            r["html_rewritten"] = sum(1 for p, m in after.items() if before.get(p) != m)
            result["html_files"] = len(after)
            if fresh or not r.get("env_discarded"):
                return r
            result["code_changed_retries"] += 1
            log(f"    {label}: environment discarded ({r['env_discarded']}): the tooling's code changed; again")
        return r

    def summarise(runs: list[dict]) -> dict:
        return summary(runs) | {"html_rewritten": runs[-1].get("html_rewritten"),
                                "docs_read": runs[-1].get("docs_read"), "env_reloaded": runs[-1].get("env_reloaded"),
                                "per_run": [{k: r.get(k) for k in ("build_s", "cpu_s", "docs_read", "html_rewritten",
                                                                    "env_reloaded", "env_discarded", "load_1min")}
                                            for r in runs]}

    log(f"incremental: fresh × {repeat}")
    result["fresh"] = summarise([run("fresh", True) for _ in range(repeat)])
    log(f"incremental: no change × {repeat}")
    result["no_change"] = summarise([run("no change", False) for _ in range(repeat)])
    log(f"incremental: one clause's text edited × {repeat}")
    result["text_edit"] = summarise([run("text edit", False, edit_text) for _ in range(repeat)])
    log(f"incremental: one subclause title edited × {repeat}")
    result["title_edit"] = summarise([run("title edit", False, edit_title) for _ in range(repeat)])
    fresh = result["fresh"].get("best_s")
    for key in ("no_change", "text_edit", "title_edit"):
        if fresh and "best_s" in result[key]:
            result[key]["ratio_to_fresh"] = round(result[key]["best_s"] / fresh, 3)
            result[key]["cpu_ratio_to_fresh"] = round(result[key]["cpu_best_s"] / result["fresh"]["cpu_best_s"], 3)
            result[key]["process_ratio_to_fresh"] = round(
                result[key]["process_best_s"] / result["fresh"]["process_best_s"], 3)
    return result


def c06_header_check(pdf: Path) -> dict:
    """Per page (pdftotext): pages holding rows of the code table, and how many of them start with the header row."""
    from pypdf import PdfReader

    count = len(PdfReader(str(pdf)).pages)
    with_rows = with_header = 0
    missing = []
    for page in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        lines = text.splitlines()
        rows = [i for i, line in enumerate(lines) if re.match(r"\s*C\d{5}\s", line)]
        if not rows:
            continue
        with_rows += 1
        if any(re.match(r"\s*编码\s+名称\s+说明\s*$", line) for line in lines[:rows[0]]):
            with_header += 1
        else:
            missing.append(page)
    return {"pages_with_rows": with_rows, "pages_with_header": with_header, "pages_missing_header": missing,
            "header_on_every_page": with_rows > 0 and with_header == with_rows}


def bench_c06_scaling(work: Path, rows_list: list[int]) -> list[dict]:
    """PDF time and memory of the C06 standard at several table sizes (is growth linear, is memory bounded?)."""
    results = []
    for rows in rows_list:
        root = generate.make_repository(work / f"c06-{rows}", f"benchmark c06 {rows} rows")
        generate.write_c06(root / "standards", rows=rows)
        log(f"c06 scaling: {rows} rows")
        html = measure({"root": str(root), "builder": "html", "fresh": True})
        pdf = pdf_run(root, generate.SLUGS["c06"], work / f"c06-{rows}.probe.jsonl")
        results.append({"rows": rows, "html_s": html.get("build_s"), "html_peak_rss_mb": html.get("peak_rss_mb"),
                        **{k: pdf.get(k) for k in ("pages", "render_s", "child_peak_rss_mb", "build_s", "failed")
                           if k in pdf}})
    return results


# -- report ---------------------------------------------------------------------------------------------------


def machine() -> dict:
    model = ""
    try:
        model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), "")
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    versions = {}
    from importlib.metadata import PackageNotFoundError, version

    for package in ("sphinx", "myst-parser", "docutils", "weasyprint", "pypdf", "jieba", "ziamath"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.strip()
        except OSError:
            return ""

    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model, "memory": mem, "python": platform.python_version(),
            "kernel": platform.release(), "packages": versions, "commit": git("rev-parse", "--short", "HEAD"),
            "tooling_dirty": bool(git("status", "--porcelain", "--", "tooling", "templates")),
            "load_average_at_start": os.getloadavg(), "tooling_checksum_at_start": tooling_checksum()}


def fmt(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def print_report(results: dict) -> None:
    rows = [("input", "pages", "HTML s", "plain s", "ratio", "ratio CPU", "HTML MB", "plain MB", "PDF build s",
             "render s", "render CPU s", "pages/s", "child MB")]
    for name, r in results["inputs"].items():
        html, pl, pdf = r.get("html", {}), r.get("html_plain", {}), r.get("pdf", {})
        rows.append((name, fmt(pdf.get("pages")), fmt(html.get("best_s")), fmt(pl.get("best_s")),
                     fmt(r.get("html_ratio_best")), fmt(r.get("html_ratio_cpu")), fmt(html.get("peak_rss_mb"), 0),
                     fmt(pl.get("peak_rss_mb"), 0), fmt(pdf.get("build_s")), fmt(pdf.get("render_s")),
                     fmt(pdf.get("render_cpu_s")), fmt(pdf.get("pages_per_s_render")),
                     fmt(pdf.get("child_peak_rss_mb"), 0)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print()
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(w) if j == 0 else cell.rjust(w) for j, (cell, w) in enumerate(zip(row, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    for name, reason in results["skipped"].items():
        print(f"{name}: skipped: {reason}")
    for name, r in results["inputs"].items():
        if "failed" in r.get("pdf", {}):
            print(f"{name}: PDF failed: {r['pdf']['failed']}")
    inc = results.get("incremental")
    if inc:
        print(f"\nincremental HTML rebuilds of gb300 ({inc['html_files']} HTML files; edited {inc['file_edited']}):")
        for key in ("fresh", "no_change", "text_edit", "title_edit"):
            s = inc[key]
            print(f"  {key:<11} build {fmt(s.get('best_s'))} s (CPU {fmt(s.get('cpu_best_s'))} s, "
                  f"process {fmt(s.get('process_best_s'))} s)"
                  f"  ratio to fresh {fmt(s.get('ratio_to_fresh'), 3)}  documents read {fmt(s.get('docs_read'))}"
                  f"  HTML files rewritten {fmt(s.get('html_rewritten'))}")
        if inc.get("code_changed_retries"):
            print(f"  ({inc['code_changed_retries']} run(s) done again: the tooling's code changed between two builds)")
    if results.get("parallel"):
        p = results["parallel"]
        single = results["inputs"]["gb300"]["html"].get("best_s")
        print(f"\ngb300 fresh HTML -j 2: {fmt(p.get('best_s'))} s (-j 1: {fmt(single)} s)")
    c06 = results.get("c06")
    if c06:
        header = c06.get("header", {})
        print(f"\nC06: {fmt(c06.get('pages'))} pages, render {fmt(c06.get('render_s'))} s of a "
              f"{c06.get('budget_s')} s budget ({fmt(c06.get('budget_used'), 3)}), "
              f"child peak {fmt(c06.get('child_peak_rss_mb'), 0)} MB, "
              f"header row on every page: {header.get('header_on_every_page')} "
              f"({header.get('pages_with_header')}/{header.get('pages_with_rows')} pages)")
        for s in c06.get("scaling", []):
            print(f"  {s['rows']:>5} rows: {fmt(s.get('pages'))} pages, render {fmt(s.get('render_s'))} s, "
                  f"child peak {fmt(s.get('child_peak_rss_mb'), 0)} MB, HTML {fmt(s.get('html_s'))} s")
    c02 = results.get("c02")
    if c02:
        print(f"\nC02: {fmt(c02.get('pages'))} pages ({c02.get('body_pages')} body page), render (worker) best "
              f"{fmt(c02.get('render_best_s'), 3)} s, median {fmt(c02.get('render_median_s'), 3)} s; "
              f"WeasyPrint import {fmt(c02.get('import_s'), 3)} s, Python start-up {fmt(c02.get('startup_s'), 3)} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="See benchmarks/README.md for what each number means.")
    parser.add_argument("--quick", action="store_true",
                        help="small inputs (6 clauses, 300 table rows, one imported text), one repetition")
    parser.add_argument("--repeat", type=int, help="repetitions of each HTML measurement (default 3, quick 1)")
    parser.add_argument("--only",
                        help="comma-separated inputs: gb300, c06, c02, dis-18974-en, dis-18974-zh, owasp-asvs; "
                             "diff: the diff benchmark (benchmarks/diff.py, its own results file)")
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "work", help="where the input repositories go")
    parser.add_argument("--json", type=Path, help="results file (default benchmarks/results.json; "
                                                  "quick: benchmarks/out/results-quick.json)")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    only = {n.strip() for n in args.only.split(",")} if args.only else None
    diff_status = 0
    if only and "diff" in only:  # the diff benchmark (benchmarks/diff.py), with its own results file
        import diff

        only.discard("diff")
        diff_status = diff.main((["--quick"] if args.quick else []) + ["--work", str(args.work)]
                                + (["--repeat", str(args.repeat)] if args.repeat else []))
        if not only:
            return diff_status
    out_json = args.json or (BENCH / "out" / "results-quick.json" if args.quick else BENCH / "results.json")
    started = time.perf_counter()
    results: dict = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                     "mode": "quick" if args.quick else "full", "repeat": repeat, "machine": machine()}
    args.work.mkdir(parents=True, exist_ok=True)
    inputs, skipped = prepare(args.work, args.quick, only)
    results["skipped"] = skipped
    results["inputs"] = {}
    for name, info in inputs.items():
        pdf_repeat = repeat if name == "c02" else 1
        results["inputs"][name] = bench_input(name, info, args.work, repeat, pdf_repeat)
    if "gb300" in inputs:
        results["incremental"] = bench_incremental(inputs["gb300"]["root"], args.work, repeat)
        if not args.quick:
            log("gb300: our HTML -j 2")
            results["parallel"] = summary(html_runs(inputs["gb300"]["root"], repeat, jobs=2))
    if "c06" in inputs and "pdf" in results["inputs"]["c06"] and "failed" not in results["inputs"]["c06"]["pdf"]:
        pdf = results["inputs"]["c06"]["pdf"]
        budget = 300  # the std_pdf_timeout default (tooling/render/pdf.py); the generated conf.py keeps it
        c06 = {"rows": 300 if args.quick else 2000, "pages": pdf["pages"], "render_s": pdf["render_s"],
               "child_total_s": pdf["child_total_s"], "child_peak_rss_mb": pdf["child_peak_rss_mb"],
               "budget_s": budget, "budget_used": round(pdf["child_total_s"] / budget, 3),
               "header": c06_header_check(Path(pdf["pdf"]))}
        if not args.quick:
            c06["scaling"] = bench_c06_scaling(args.work, [500, 1000]) + [
                {"rows": 2000, "html_s": results["inputs"]["c06"]["html"].get("best_s"),
                 "html_peak_rss_mb": results["inputs"]["c06"]["html"].get("peak_rss_mb"),
                 "pages": pdf["pages"], "render_s": pdf["render_s"], "child_peak_rss_mb": pdf["child_peak_rss_mb"],
                 "build_s": pdf["build_s"]}]
        results["c06"] = c06
    if "c02" in inputs and "failed" not in results["inputs"]["c02"].get("pdf", {"failed": 1}):
        pdf = results["inputs"]["c02"]["pdf"]
        body = subprocess.run(["pdfinfo", pdf["pdf"]], capture_output=True, text=True).stdout
        results["c02"] = {"pages": pdf["pages"], "render_best_s": min(pdf["render_runs_s"]),
                          "render_median_s": round(statistics.median(pdf["render_runs_s"]), 3),
                          "render_runs_s": pdf["render_runs_s"], "import_s": pdf["child_import_s"],
                          "startup_s": pdf["child_startup_s"], "child_total_s": pdf["child_total_s"],
                          "body_pages": _body_pages(Path(pdf["pdf"])), "pdfinfo_pages": _pdfinfo_pages(body)}
    results["total_s"] = round(time.perf_counter() - started, 1)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["machine"]["tooling_checksum_at_end"] = tooling_checksum()
    results["machine"]["tooling_changed_during_run"] = (results["machine"]["tooling_checksum_at_start"]
                                                        != results["machine"]["tooling_checksum_at_end"])
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_report(results)
    print(f"\nresults: {out_json} ({results['total_s']} s in all)")
    failed = [n for n, r in results["inputs"].items() if "failed" in r.get("pdf", {}) or "failed" in r.get("html", {})]
    header_ok = results.get("c06", {}).get("header", {}).get("header_on_every_page", True)
    return 1 if failed or not header_ok or diff_status else 0


def _pdfinfo_pages(text: str) -> int | None:
    m = re.search(r"^Pages:\s+(\d+)", text, re.M)
    return int(m.group(1)) if m else None


def _body_pages(pdf: Path) -> int | None:
    """Body pages: those whose PDF page label is an arabic folio, less the back cover (the last page, which
    carries on the body's labels)."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    try:
        labels = reader.page_labels
    except Exception:  # noqa: BLE001 - no labels
        return None
    arabic = sum(1 for label in labels if label.isdigit())
    return arabic - 1 if labels and labels[-1].isdigit() else arabic


if __name__ == "__main__":
    sys.exit(main())
