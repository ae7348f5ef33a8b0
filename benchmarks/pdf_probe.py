"""A measuring wrapper around the PDF child process (``python -m tooling.render.pdf_worker``).

The benchmark sets ``std_pdf_worker = [python, benchmarks/pdf_probe.py]``, so
the PDF builder runs this file instead of the worker module with the same
arguments. It imports WeasyPrint first (timed), then runs the unchanged
``tooling.render.pdf_worker.main``: the worker's own ``{"pages", "seconds"}``
on stdout (what ``pdf-report.json`` records) is then render time only —
HTML parsing, layout, PDF writing and page labels — without Python start-up
and without the WeasyPrint import. It appends one JSON line to the file named
by ``STD_BENCH_PROBE``::

    {"out", "startup_s", "import_s", "worker_s", "worker_cpu_s", "child_s", "peak_rss_mb", "returncode"}

``startup_s``: interpreter start-up before this file ran (from the process
start time in ``/proc/self/stat``, 10 ms resolution); ``import_s``: import of
WeasyPrint and its HarfBuzz bindings; ``worker_s``: the worker's ``main``
(render and write), ``worker_cpu_s`` its CPU time; ``child_s``: all three; ``peak_rss_mb``: ``VmHWM`` of this
process (its own address space only; see ``benchmarks/README.md`` for why not
``ru_maxrss``).
"""

from __future__ import annotations

import json
import os
import sys
import time


def _since_process_start() -> float:
    """Seconds since this process started (kernel clock ticks, 10 ms resolution)."""
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))


def peak_rss_mb() -> float:
    """``VmHWM`` of this process in MiB: the peak resident set of its own address space."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    startup = _since_process_start()
    t0 = time.perf_counter()
    import weasyprint  # noqa: F401
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset  # noqa: F401

    t1 = time.perf_counter()
    c1 = time.process_time()
    from tooling.render import pdf_worker

    code = pdf_worker.main(sys.argv[1:])
    t2 = time.perf_counter()
    c2 = time.process_time()
    record = {"out": sys.argv[2] if len(sys.argv) > 2 else "", "startup_s": round(startup, 3),
              "import_s": round(t1 - t0, 3), "worker_s": round(t2 - t1, 3), "worker_cpu_s": round(c2 - c1, 3),
              "child_s": round(startup + t2 - t0, 3), "peak_rss_mb": round(peak_rss_mb(), 1), "returncode": code}
    target = os.environ.get("STD_BENCH_PROBE")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
