"""Case C01: soft line breaks in Chinese text produce no space, in HTML and in translation msgids."""

from __future__ import annotations

import re

import pytest

from tooling.model.text import join_soft_breaks


@pytest.mark.parametrize(("source", "expected"), [
    ("本文件规定了\n产品的技术要求。", "本文件规定了产品的技术要求。"),
    ("between\nLatin words", "between\nLatin words"),  # left for the renderer: one space
    ("适用于\nAI系统", "适用于AI系统"),  # Han before the break
    ("也适用于ML\n模型", "也适用于ML模型"),  # Han after the break
    ("要求：\n  a) 第一项", "要求：a) 第一项"),  # full-width punctuation counts as CJK
])
def test_join_soft_breaks(source, expected):
    assert join_soft_breaks(source) == expected


@pytest.mark.sphinx("html", testroot="cjk", freshenv=True)
def test_c01_html(app):
    app.build()
    html = (app.outdir / "std" / "text.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "本文件规定了产品的技术要求。" in text
    assert "本文件适用于AI系统，也适用于ML模型。" in text
    assert "注的内容跨两行。" in text
    assert re.search(r"break between\sLatin words", text)


@pytest.mark.sphinx("gettext", testroot="cjk", freshenv=True)
def test_c01_translation_msgids(app):
    app.build()
    pot = (app.outdir / "std.pot").read_text(encoding="utf-8")  # one catalog per standard
    assert 'msgid "本文件规定了产品的技术要求。"' in pot
    assert 'msgid "This line break between Latin words becomes a space."' in pot
    assert 'msgid "本文件适用于AI系统，也适用于ML模型。"' in pot
