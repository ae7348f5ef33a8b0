"""The ``std`` command line: help everywhere, exit statuses, the preview server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main

from .conftest import make_repository


@pytest.mark.parametrize("command", [[], ["build"], ["publish"], ["import"], ["ids"], ["preview"], ["schema"]])
def test_help(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_outside_a_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STD_ROOT", raising=False)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "is not inside a standards repository" in result.output


def test_schema_lists_every_field():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    for field in ("designation (required)", "stage (required)", "ics", "ccs", "draft_date", "replaces", "adoption"):
        assert field in result.output


def test_build_html_and_unknown_standard(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(repo), "build"])
    assert result.exit_code == 0, result.output
    assert (repo / "build" / "html" / "alpha" / "clauses.html").is_file()
    result = runner.invoke(main, ["--root", str(repo), "build", "--format", "pdf", "--standard", "nope"])
    assert result.exit_code == 2
    assert "no standard nope" in result.output


def test_chinese_search_index(tmp_path):
    """Search works for Chinese text: the index holds Chinese words (jieba segmentation)."""
    repo = make_repository(tmp_path, "numbering")
    CliRunner().invoke(main, ["--root", str(repo), "build"])
    index = (repo / "build" / "html" / "searchindex.js").read_text(encoding="utf-8")
    assert '"\\u8981\\u6c42"' in index or '"要求"' in index  # 要求


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_preview_serves_the_site(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tooling.cli", "--root", str(repo), "preview", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/alpha/clauses.html", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.5)
        assert "编号" in page.decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert _processes_mentioning(str(repo)) == [], "no sphinx-autobuild process is left behind"


def _processes_mentioning(text: str) -> list[str]:
    """Command lines of the running processes that contain ``text`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline:
            found.append(cmdline)
    return found


def test_build_in_a_language_without_catalog_warns(tmp_path):
    """``std build --lang en`` of a Chinese standard without an English catalog says that its edition shows the
    master text; a standard written in English is not concerned."""
    repo = make_repository(tmp_path, "pdf")
    result = CliRunner().invoke(main, ["--root", str(repo), "build", "--lang", "en", "--standard", "gbdoc",
                                       "--standard", "isodoc"])
    assert ("warning: gbdoc: no en catalog (standards/gbdoc/locales/en/LC_MESSAGES/gbdoc.po): its en edition shows "
            "the master text; std translate update creates the catalog") in result.stderr, result.output
    assert "isodoc: no en catalog" not in result.stderr
