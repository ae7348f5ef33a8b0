"""Table footnotes (GB/T 1.1-2020 9.12; ISO/IEC Directives Part 2, 29.5.2): a footnote referenced only
from one table is lettered a, b, c … in that table, its calls are superscript letters and its text is set at
the foot of the table, inside the table; text footnotes keep 1), 2) … and skip them. Real Sphinx builds."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from tooling.directives.table_footnotes import letter
from tooling.project import Project

from .conftest import build_problems, git
from .pdfutil import page_words

INDEX = """\
---
designation: GB/T 12345.9-2026
profile: gb
language: zh
stage: 征求意见稿
draft_date: 2026-11-20
title:
  zh: {introductory: 信息技术, main: 表脚注, complementary: 测试}
  en: {introductory: Information technology, main: Table footnotes, complementary: Test}
ics: [35.240.01]
ccs: L 70
issuer:
  - {zh: 国家市场监督管理总局, en: State Administration for Market Regulation}
sample: true
---

```{toctree}
body
more
```
"""

BODY = """\
(scope)=
{.scope}
# 范围

本文件规定了表的脚注。[^scope-note]

(requirements)=
# 要求

模型应满足表1的要求。

(thresholds)=
:::{table} 准确率阈值
| 任务 | 阈值 |
| --- | --- |
| 分类[^cls] | 0.90 |
| 回归 | 0.80[^reg] |
| 排序 | 0.70[^cls] |

注：阈值按任务类型给出。
:::

模型的召回率见表2。

(recall)=
:::{table} 召回率
| 任务 | 召回率 |
| --- | --- |
| 检索[^ret] | 0.85 |
:::

[^scope-note]: 正文中的脚注。
[^cls]: 分类任务的阈值。
[^reg]: 回归任务的阈值。
[^ret]: 检索任务的召回率。
"""

MORE = """\
(tests)=
# 试验

试验按第2章进行。[^more-note]

[^more-note]: 另一文件中的正文脚注。
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("table-footnotes") / "repo"
    (repo / "standards" / "tfn").mkdir(parents=True)
    (repo / "conf.py").write_text('from tooling.config import *  # noqa: F403\n\nproject = "tfn"\n', encoding="utf-8")
    (repo / "standards" / "index.md").write_text(
        "# Catalogue\n\n```{toctree}\n:hidden:\n:glob:\n\n*/index\n```\n", encoding="utf-8")
    for name, text in (("index.md", INDEX), ("body.md", BODY), ("more.md", MORE)):
        (repo / "standards" / "tfn" / name).write_text(text, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial")
    return repo


@pytest.fixture(scope="module")
def html(repo) -> tuple[str, str, list[str]]:
    result = Project(repo).sphinx("html", fresh=True)
    out = repo / "build" / "html" / "tfn"
    return (out / "body.html").read_text(encoding="utf-8"), (out / "more.html").read_text(encoding="utf-8"), \
        result.warnings


def _tables(page: str) -> list[str]:
    return re.findall(r"<table\b.*?</table>", page, flags=re.S)


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment)).strip()


def test_letters():
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def test_cells_call_the_footnotes_with_superscript_letters(html):
    body, _, _ = html
    first, second = _tables(body)
    calls = re.findall(r'<a class="std-table-footnote-reference" href="#([^"]+)"[^>]*><sup>([a-z]+)</sup></a>', first)
    # lettered in order of first call, the same letter at each call of the same footnote
    assert [label for _, label in calls] == ["a", "b", "a"]
    assert calls[0][0] == calls[2][0] != calls[1][0]
    assert re.search(r"<td><p>分类<a [^>]*><sup>a</sup></a></p></td>", first)
    assert re.search(r"<td><p>0\.80<a [^>]*><sup>b</sup></a></p></td>", first)
    # every table starts again from a
    assert re.findall(r"<sup>([a-z]+)</sup></a>", second) == ["a"]


def test_the_footnote_texts_are_at_the_foot_of_the_table_inside_it(html):
    body, _, _ = html
    first, second = _tables(body)
    rows = re.findall(r"<tr\b.*?</tr>", first, flags=re.S)
    foot = rows[-1]
    # one last row spanning both columns, after the table's notes, holds the footnotes lettered a, b
    assert "std-table-footnotes" in foot and 'colspan="2"' in foot
    texts = [_text(t) for t in re.findall(r'<div class="std-table-footnote"[^>]*>(.*?)</div>', foot, flags=re.S)]
    assert texts == ["a 分类任务的阈值。", "b 回归任务的阈值。"]
    assert foot.index("注：阈值按任务类型给出。") < foot.index("分类任务的阈值")
    assert re.search(r'<sup class="std-table-footnote-label">a</sup> 分类任务的阈值。', foot)
    # the call links to its footnote
    target = re.search(r'href="#([^"]+)"[^>]*><sup>b</sup>', first)[1]
    assert re.search(rf'<div class="std-table-footnote" id="{re.escape(target)}"', foot)
    assert _text(re.findall(r'<div class="std-table-footnote"[^>]*>(.*?)</div>', second, flags=re.S)[0]) \
        == "a 检索任务的召回率。"
    # not also a footnote of the page
    page_notes = body[body.rfind("</table>"):]
    assert "分类任务的阈值" not in page_notes and "检索任务的召回率" not in page_notes


def test_text_footnotes_keep_their_numbers_and_skip_the_table_footnotes(html):
    body, more, warnings = html
    assert re.search(r"本文件规定了表的脚注。<a class=\"footnote-reference superscript\"[^>]*>"
                     r"<span class=\"fn-bracket\">\[</span>1\)<span", body)
    notes = re.findall(r'<aside class="footnote superscript".*?</aside>', body, flags=re.S)
    assert [_text(n) for n in notes] == ["[1)] 正文中的脚注。"]
    # the next file's footnote follows on: 2), not 5)
    assert re.search(r"试验按第2章进行。<a class=\"footnote-reference superscript\"[^>]*>"
                     r"<span class=\"fn-bracket\">\[</span>2\)<span", more)
    assert not any("NM005" in w or "not referenced" in w for w in warnings), warnings
    assert build_problems(warnings) == [], warnings


def test_a_footnote_called_from_two_tables_or_from_text_stays_a_text_footnote(tmp_path):
    repo = tmp_path / "repo"
    (repo / "standards" / "tfn").mkdir(parents=True)
    (repo / "conf.py").write_text('from tooling.config import *  # noqa: F403\n\nproject = "tfn"\n', encoding="utf-8")
    (repo / "standards" / "index.md").write_text(
        "# Catalogue\n\n```{toctree}\n:hidden:\n:glob:\n\n*/index\n```\n", encoding="utf-8")
    (repo / "standards" / "tfn" / "index.md").write_text(INDEX.replace("more\n", ""), encoding="utf-8")
    (repo / "standards" / "tfn" / "body.md").write_text(textwrap.dedent("""\
        (scope)=
        {.scope}
        # 范围

        本文件规定了表。[^shared]

        (thresholds)=
        :::{table} 阈值
        | 任务 | 阈值 |
        | --- | --- |
        | 分类[^shared] | 0.90[^own] |
        :::

        [^shared]: 正文和表共用的脚注。
        [^own]: 表自己的脚注。
        """), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial")
    Project(repo).sphinx("html", fresh=True)
    body = (repo / "build" / "html" / "tfn" / "body.html").read_text(encoding="utf-8")
    table, = _tables(body)
    assert re.search(r"分类<a class=\"footnote-reference superscript\"[^>]*><span class=\"fn-bracket\">\[</span>1\)",
                     table)
    assert re.search(r"0\.90<a class=\"std-table-footnote-reference\"[^>]*><sup>a</sup>", table)
    assert "a 表自己的脚注。" in _text(table) and "正文和表共用的脚注" not in table


@pytest.mark.pdf
def test_pdf_sets_the_footnotes_right_after_the_table_on_its_page(repo):
    project = Project(repo)
    result = project.sphinx("stdpdf", fresh=True)
    assert build_problems(result.warnings) == [], result.warnings
    _, pages = page_words(project.build_dir / "pdf" / "tfn.pdf")
    found = [(n, w) for n, words in enumerate(pages) for w in words if w.text == "分类任务的阈值。"]
    assert len(found) == 1, found  # once, in the table, not also at a page foot
    number, text = found[0]
    words = pages[number]

    def first(word: str):
        return next(w for w in words if w.text == word)

    last_row, note, after = first("0.70"), first("注：阈值按任务类型给出。"), first("模型的召回率见表2。")
    # below the table's last row and its notes, above the paragraph after the table, on the same page
    assert last_row.y_max <= note.y_min < text.y_min < after.y_min
    # labelled a: a superscript letter just before it on its line; b follows on the next line
    label = [w for w in words if w.text == "a" and w.x_max <= text.x_min and abs(w.y_min - text.y_min) < text.y_max
             - text.y_min]
    assert label and text.x_min - label[0].x_max < 10, label
    other = first("回归任务的阈值。")
    assert other.y_min > text.y_min and any(w.text == "b" and w.x_max <= other.x_min for w in words)
