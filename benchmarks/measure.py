"""One measured Sphinx run, in a process of its own (run by ``benchmarks/run.py``).

    python benchmarks/measure.py '{"root": …, "builder": "html", "fresh": true, …}'

Imports Sphinx first (timed apart: every build, ours or plain, pays it), then
times ``tooling.project.Project(root).sphinx(...)`` — configuration, extension
set-up (the tooling's own imports included), reading, resolving, writing and,
for ``stdpdf``, waiting for the PDF child processes. Prints one JSON line:
``{"build_s", "cpu_s", "sphinx_import_s", "load_1min", "peak_rss_mb", "ok", "warnings", "errors",
"docs_read", "env_reloaded", "env_discarded", "warning_sample"}``. ``docs_read``: the documents Sphinx
read (added + changed); ``env_discarded``: why the pickled environment was not used, if it was not;
``cpu_s``: this process's CPU time (user + system) during the build, which on a machine shared with
other work moves much less than the wall time.
``peak_rss_mb`` is ``VmHWM`` of this process (the PDF children are measured
by ``benchmarks/pdf_probe.py``).
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    spec = json.loads(argv[0])
    t0 = time.perf_counter()
    import sphinx.application  # noqa: F401

    from tooling.project import Project

    t1 = time.perf_counter()
    c1 = time.process_time()
    kwargs = {"fresh": spec.get("fresh", True), "jobs": spec.get("jobs", 1), "overrides": spec.get("overrides") or {}}
    if spec.get("outdir"):
        kwargs["outdir"] = Path(spec["outdir"])
    if spec.get("doctreedir"):
        kwargs["doctreedir"] = Path(spec["doctreedir"])
    status = io.StringIO()  # Sphinx's progress lines: was the pickled environment used, how many documents read
    result = Project(Path(spec["root"])).sphinx(spec["builder"], quiet=False, echo=status, **kwargs)
    t2 = time.perf_counter()
    c2 = time.process_time()
    text = status.getvalue()
    counts = re.search(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed, (\d+) removed", text)
    failed = re.search(r"loading pickled environment\.\.\. failed: (.*)", text)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pdf_probe import peak_rss_mb

    print(json.dumps({"build_s": round(t2 - t1, 3), "cpu_s": round(c2 - c1, 3), "sphinx_import_s": round(t1 - t0, 3),
                      "load_1min": os.getloadavg()[0],
                      "peak_rss_mb": round(peak_rss_mb(), 1), "ok": result.ok, "warnings": len(result.warnings),
                      "docs_read": int(counts[1]) + int(counts[2]) if counts else None,
                      "env_reloaded": "loading pickled environment... done" in text,
                      "env_discarded": failed[1].strip() if failed else None,
                      "errors": len(result.errors), "warning_sample": result.warnings[:5]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
