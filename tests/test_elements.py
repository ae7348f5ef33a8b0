"""Elements of a standard in HTML: labels, numbering of notes and examples, term entries, footnotes, citations."""

from __future__ import annotations

import re

import pytest

from .conftest import build_problems


def _text(app, docname: str) -> str:
    html = (app.outdir / f"{docname}.html").read_text(encoding="utf-8")
    html = re.sub(r"<svg.*?</svg>", "[formula]", html, flags=re.S)
    html = re.sub(r'<span class="fn-bracket">.*?</span>', "", html)  # hidden by the theme's CSS
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("\u3000", " ")


@pytest.fixture
def built(app):
    app.build()
    return app


pytestmark = pytest.mark.sphinx("html", testroot="elements", freshenv=True)


def test_builds_without_warnings(built):
    assert build_problems(built.warning.getvalue()) == []


def test_note_and_example_numbering_per_parent(built):
    text = _text(built, "std/body")
    # a lone note or example is unnumbered (GB/T 1.1-2020 9.10, 9.11)
    assert "注：唯一的注。" in text
    assert "示例： 唯一的示例。" in text  # the example label stands on its own line
    # two in one subclause are numbered, restarting per subclause
    assert "注1：注甲。" in text and "注2：注乙。" in text
    assert "示例1： 示例甲。" in text and "示例2： 示例乙。" in text


def test_term_entries(built):
    text = _text(built, "std/body")
    numbers = built.env.domains["standard"].numbers
    assert numbers["std:data-set"].number == "2.1"
    assert numbers["std:sample-term"].number == "2.2"
    assert "2.1数据集 data set" in text  # the entry number stands on its own line
    assert "数据组" in text
    assert "[来源：GB/T 41867—2022，3.1.2，有修改——删除了注]" in text
    assert "[来源：ISO/IEC 22989:2022，3.2]" in text  # ISO designations keep their colon in Chinese text
    # notes to entry: 注 alone, 注1/注2 when several
    assert "注：唯一的注。" in text
    assert "注1：第一个注。" in text


def test_untitled_subclauses_and_introduction_numbers(built):
    numbers = built.env.domains["standard"].numbers
    assert numbers["std:intro-background"].number == "0.1"
    assert numbers["std:intro-purpose"].number == "0.2"
    assert numbers["std:scope"].number == "1"
    assert numbers["std:foreword"].number == ""
    text = _text(built, "std/body")
    assert "3.3.1 第一条无标题条的内容。" in text
    assert "3.3.2 第二条无标题条的内容。" in text


def test_formula_where_block_and_citations(built):
    text = _text(built, "std/body")
    assert "准确率按公式（1）计算。" in text
    assert "[formula]（1）" in text
    assert "式中：" in text
    assert "验证材料" in text
    # citations in the Chinese form: em dash before the year, 的 before the location
    assert "引用GB/T 20000.1—2014的5.2和ISO/IEC 22989:2022" in text
    assert "以及数据集（2.1）" in text


def test_footnotes_continuous_through_the_standard(built):
    front = _text(built, "std/front")
    body = _text(built, "std/body")
    assert "1) 前言中的脚注。" in front
    assert "2) 正文中的脚注。" in body


def test_bibliography_and_catalogue(built):
    assert "GB/T 20000.1—2014 标准化工作指南" in _text(built, "std/back")
    catalogue = _text(built, "index")
    assert "GB/T 12345.2—2026" in catalogue
    assert "信息技术 元素 第2部分：测试" in catalogue
