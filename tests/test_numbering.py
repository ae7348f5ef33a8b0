"""Numbering per standard (case C09) and the numbers references show."""

from __future__ import annotations

import re

import pytest

from .conftest import build_problems


def _text(app, docname: str) -> str:
    html = (app.outdir / f"{docname}.html").read_text(encoding="utf-8")
    html = re.sub(r"<svg.*?</svg>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@pytest.mark.sphinx("html", testroot="numbering", freshenv=True)
def test_c09_each_standard_numbers_from_one(app):
    """C09: two standards in one repository each number from Figure 1; annex items carry the annex letter."""
    app.build()
    assert build_problems(app.warning.getvalue()) == []
    numbers = app.env.domains["standard"].numbers
    assert numbers["alpha:flow"].number == "1"
    assert numbers["alpha:annex-flow"].number == "A.1"
    assert numbers["alpha:annex-table"].number == "A.1"
    assert numbers["alpha:f-rate"].number == "1"
    assert numbers["alpha:f-annex"].number == "A.1"
    assert numbers["beta:flow"].number == "1"
    assert numbers["alpha:annex-a"].number == "A"
    assert numbers["alpha:general"].number == "2.1"
    assert numbers["alpha:special"].number == "2.2"

    alpha = _text(app, "alpha/clauses")
    assert "图1 流程" in alpha.replace("\u3000", " ")
    assert "见第2章、2.1、图1、附录A、图A.1、表A.1和公式（1）" in alpha
    annex = _text(app, "alpha/annex").replace("\u3000", " ")
    assert "图A.1 附录流程" in annex
    assert "表A.1 附录表" in annex
    assert "附录A（规范性） 附录内容" in annex
    assert "（A.1）" in annex
    beta = _text(app, "beta/body")
    assert "Figure 1 — Flow" in beta
    assert "See Figure 1 and Clause 2." in beta


@pytest.mark.sphinx("html", testroot="numbering", freshenv=True, parallel=2)
def test_parallel_build_numbers_the_same(app):
    """Parallel reading merges the per-document outlines to the same numbers."""
    app.build()
    numbers = app.env.domains["standard"].numbers
    assert numbers["alpha:annex-table"].number == "A.1"
    assert numbers["beta:flow"].number == "1"
    assert "图A.1" in _text(app, "alpha/annex")


@pytest.mark.sphinx("html", testroot="numbering", freshenv=True)
def test_incremental_rebuild_renumbers_referring_documents(app):
    """Inserting a clause before a referenced one renumbers it, and the referring page shows the new number."""
    app.build()
    assert "见第2章" in _text(app, "alpha/clauses")
    clauses = app.srcdir / "alpha" / "clauses.md"
    text = clauses.read_text(encoding="utf-8")
    clauses.write_text(text.replace("(requirements)=", "(inserted)=\n# 新增\n\n新增的章。\n\n(requirements)="),
                       encoding="utf-8")
    app.build()
    assert app.env.domains["standard"].numbers["alpha:requirements"].number == "3"
    assert "见第3章、3.1" in _text(app, "alpha/clauses")
