"""The redline (tooling/diff/redline.py, templates/redline/): HTML with three views, and the PDF.

Diff results are built by hand (every status and class, both languages), so these tests
do not depend on the matching engine; when ``tooling.diff.diff_revisions`` exists the same
snapshots also go through it. The HTML is checked with a strict well-nestedness parser
(case C10), for escaping of untrusted text, links that resolve, and the C10/C11 marks.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tooling.diff import redline
from tooling.diff.model import Block, ChangeEntry, Clause, ClauseDiff, DiffResult, MetadataChange, Snapshot, Token

REPO = Path(__file__).resolve().parents[1]

# -- building diffs by hand -------------------------------------------------------------------

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:['’-][A-Za-z]+)*|\s+|[\u3400-\u9fff]|.", re.S)


def tokens(old: str, new: str) -> list[Token]:
    """A token diff as the engine makes it: one token per Han character, whole words and numbers."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[Token] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Token("equal", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(Token("delete", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(Token("insert", "".join(b[j1:j2])))
    return out


def modified(old: str, new: str, cls: str = "editorial", reasons=(), block: str = "paragraph") -> ChangeEntry:
    return ChangeEntry("modified", block, old, new, tokens=tokens(old, new), class_=cls, reasons=list(reasons))


def clause(cid: str, number: str, title: str, level: int, parent: str | None, *blocks: str | tuple[str, str],
           kind: str = "clause") -> Clause:
    made = [Block(*b) if isinstance(b, tuple) else Block("paragraph", b) for b in blocks]
    for line, block in enumerate(made, 10):
        block.line = line
    return Clause(cid, cid, number, title, kind, None, None, parent, level, made)


def snapshot(label: str, lang: str, clauses: list[Clause], profile: str = "gb") -> Snapshot:
    designation = "GB/T 99999—2026" if profile == "gb" else "ISO/IEC 99999:2026"
    return Snapshot(label, "sample", designation, lang, profile, "2026" if label in ("v2", "ed2") else "2020", clauses)


C11_OLD = ("为保证设备在供电网络中可靠运行，设备的额定电压应为220 V，允许偏差为额定值的±10 %，"
           "频率为50 Hz；在电压波动期间，设备的各项功能应保持正常，不应出现数据丢失或误动作。")
C11_NEW = C11_OLD.replace("应为220 V", "应不低于230 V")
SCRIPT = "<script>alert('x')</script> & <b>粗体</b>"


def zh_result() -> DiffResult:
    """A Chinese GB revision with every status: added (C10), deleted, moved+modified, renumbered, modified …"""
    old = [
        clause("scope", "1", "范围", 1, None, "本文件规定了设备的技术要求。"),
        clause("terms", "3", "术语和定义", 1, None, "下列术语和定义适用于本文件。"),
        clause("term-model", "3.1", "模型", 2, "terms", ("definition", "经训练的算法。"), kind="term"),
        clause("requirements", "4", "要求", 1, None),
        clause("power", "4.1", "供电", 2, "requirements", C11_OLD),
        clause("environment", "4.2", "环境", 2, "requirements", "设备宜在室内使用。", "设备不应暴露在雨中。",
               ("list-item", "温度：0 ℃～40 ℃；"), SCRIPT),
        clause("marking", "4.3", "标志", 2, "requirements", "设备应有铭牌。"),
        clause("tests", "5", "试验", 1, None, "试验按下列规定进行。"),
        clause("general", "5.1", "通则", 2, "tests", "试验在常温下进行。"),
        clause("report", "5.2", "试验报告", 2, "tests", "试验报告应包括试验日期。"),
        clause("obsolete", "5.3", "旧方法", 2, "tests", "旧方法不再使用。", ("note", "注：仅供参考。")),
    ]
    new = [
        clause("scope", "1", "范围", 1, None, "本文件规定了设备的技术要求。"),
        clause("terms", "3", "术语和定义", 1, None, "下列术语和定义适用于本文件。"),
        clause("term-model", "3.1", "机器学习模型", 2, "terms", ("definition", "经训练的算法。"), kind="term"),
        clause("requirements", "4", "要求", 1, None),
        clause("power", "4.1", "供电", 2, "requirements", C11_NEW),
        clause("environment", "4.2", "环境", 2, "requirements", "设备应在室内使用。",
               ("list-item", "温度：0 ℃～40 ℃；"), SCRIPT, "设备应能承受运输振动。"),
        clause("safety", "4.3", "安全", 2, "requirements", "设备应有过流保护。", ("note", "注：见GB 4943.1。")),
        clause("marking", "4.4", "标志", 2, "requirements", "设备应有铭牌。"),
        clause("tests", "5", "试验", 1, None, "试验按下列规定进行。"),
        clause("general", "5.1", "通则", 2, "tests", "试验在常温下进行。"),
        clause("reporting", "6", "报告", 1, None),
        clause("report", "6.1", "试验报告", 2, "reporting", "试验报告应包括试验日期和试验人员。"),
    ]
    diffs = [
        ClauseDiff("scope", "unchanged", "1", "1", "范围", matched_by="id"),
        ClauseDiff("terms", "unchanged", "3", "3", "术语和定义", matched_by="id"),
        ClauseDiff("term-model", "modified", "3.1", "3.1", "机器学习模型", "editorial", old_title="模型",
                   changes=[modified("模型", "机器学习模型", block="title")], matched_by="id", kind="term"),
        ClauseDiff("requirements", "unchanged", "4", "4", "要求", matched_by="id"),
        ClauseDiff("power", "modified", "4.1", "4.1", "供电", "technical", matched_by="id",
                   changes=[modified(C11_OLD, C11_NEW, "technical", ["数值 220 V → 230 V"])]),
        ClauseDiff("environment", "modified", "4.2", "4.2", "环境", "technical", matched_by="id", changes=[
            modified("设备宜在室内使用。", "设备应在室内使用。", "technical", ["宜 → 应"]),
            ChangeEntry("deleted", "paragraph", old="设备不应暴露在雨中。", class_="technical", reasons=["删除要求"]),
            ChangeEntry("added", "paragraph", new="设备应能承受运输振动。", class_="technical", reasons=["增加要求"]),
        ]),
        ClauseDiff("safety", "added", None, "4.3", "安全", "technical", new_parent="4", changes=[
            ChangeEntry("added", "paragraph", new="设备应有过流保护。", class_="technical", reasons=["增加要求"]),
            ChangeEntry("added", "note", new="注：见GB 4943.1。")]),
        ClauseDiff("marking", "renumbered", "4.3", "4.4", "标志", "editorial", matched_by="id"),
        ClauseDiff("tests", "unchanged", "5", "5", "试验", matched_by="id"),
        ClauseDiff("general", "unchanged", "5.1", "5.1", "通则", matched_by="id"),
        ClauseDiff("obsolete", "deleted", "5.3", None, "旧方法", "technical", old_parent="5"),
        ClauseDiff("reporting", "added", None, "6", "报告", "editorial"),
        ClauseDiff("report", "moved", "5.2", "6.1", "试验报告", "technical", old_parent="5", new_parent="6",
                   matched_by="id", changes=[modified("试验报告应包括试验日期。", "试验报告应包括试验日期和试验人员。",
                                                      "technical", ["增加要求"])]),
    ]
    return DiffResult(snapshot("v1", "zh", old), snapshot("v2", "zh", new), diffs)


def en_result() -> DiffResult:
    """An English ISO revision: should → shall, a value, an added, a deleted, a moved and a renumbered clause."""
    old = [
        clause("scope", "1", "Scope", 1, None, "This document specifies requirements for widgets."),
        clause("reqs", "4", "Requirements", 1, None, "Widgets should be rated at 220 V.", "Widgets shall be blue."),
        clause("labels", "4.1", "Labels", 2, "reqs", "Each widget shall carry a label."),
        clause("old-test", "4.2", "Legacy test", 2, "reqs", "The legacy test is performed once."),
        clause("records", "4.3", "Records", 2, "reqs", "Records shall be kept for 5 years."),
        clause("annex-a", "A", "Examples", 1, None, "Informative examples."),
    ]
    new = [
        clause("scope", "1", "Scope", 1, None, "This document specifies requirements for widgets."),
        clause("reqs", "4", "Requirements", 1, None, "Widgets shall be rated at 230 V.", "Widgets shall be blue."),
        clause("safety", "4.1", "Safety", 2, "reqs", "Widgets shall be fused."),
        clause("labels", "4.2", "Labels", 2, "reqs", "Each widget shall carry a label."),
        clause("annex-a", "A", "Examples", 1, None, "Informative examples."),
        clause("records", "A.1", "Records", 2, "annex-a", "Records should be kept for 5 years."),
    ]
    diffs = [
        ClauseDiff("scope", "unchanged", "1", "1", "Scope", matched_by="id"),
        ClauseDiff("reqs", "modified", "4", "4", "Requirements", "technical", matched_by="id", changes=[
            modified("Widgets should be rated at 220 V.", "Widgets shall be rated at 230 V.", "technical",
                     ["recommendation → requirement (should → shall)", "value 220 V → 230 V"])]),
        ClauseDiff("safety", "added", None, "4.1", "Safety", "technical"),
        ClauseDiff("labels", "renumbered", "4.1", "4.2", "Labels", "editorial", matched_by="id"),
        ClauseDiff("old-test", "deleted", "4.2", None, "Legacy test", "editorial"),
        ClauseDiff("annex-a", "unchanged", "A", "A", "Examples", matched_by="id"),
        ClauseDiff("records", "moved", "4.3", "A.1", "Records", "technical", matched_by="similarity", changes=[
            modified("Records shall be kept for 5 years.", "Records should be kept for 5 years.", "technical",
                     ["requirement → recommendation (shall → should)"])]),
    ]
    return DiffResult(snapshot("ed1", "en", old, "iso"), snapshot("ed2", "en", new, "iso"), diffs)


# -- a strict HTML checker ----------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NO_P_INSIDE = {"address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer", "form",
               "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section",
               "table", "ul"}
PARENTS = {"tr": {"tbody", "thead", "tfoot"}, "td": {"tr"}, "th": {"tr"}, "tbody": {"table"}, "thead": {"table"},
           "colgroup": {"table"}, "col": {"colgroup"}, "li": {"ul", "ol"}, "dt": {"dl"}, "dd": {"dl"}}


class StrictHTML(HTMLParser):
    """Every element closed in order, no implied end tags (a block inside <p>), table and list structure kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: Counter = Counter()
        self.hrefs: list[str] = []
        self.doctype = False
        self.order: list[tuple[str, str]] = []  # (id, class) in document order

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs) -> None:
        attrs = dict(attrs)
        where = f"line {self.getpos()[0]}"
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
            self.order.append((attrs["id"], attrs.get("class") or ""))
        if attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag in NO_P_INSIDE and "p" in self.stack:
            self.errors.append(f"{where}: <{tag}> inside <p> (a parser would close the paragraph)")
        if re.fullmatch(r"h[1-6]", tag) and any(re.fullmatch(r"h[1-6]", t) for t in self.stack):
            self.errors.append(f"{where}: <{tag}> inside a heading")
        if tag in PARENTS and (not self.stack or self.stack[-1] not in PARENTS[tag]):
            self.errors.append(f"{where}: <{tag}> in <{self.stack[-1] if self.stack else ''}>")
        if tag in ("ins", "del") and set(self.stack) & {"ins", "del"}:
            self.errors.append(f"{where}: <{tag}> nested in another insertion or deletion")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag not in VOID:
            self.errors.append(f"line {self.getpos()[0]}: self-closing <{tag}/>")
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"line {self.getpos()[0]}: end tag of void <{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes <{self.stack[-1] if self.stack else ''}>")
        else:
            self.stack.pop()


def check_html(html: str) -> StrictHTML:
    parser = StrictHTML()
    parser.feed(html)
    parser.close()
    assert parser.doctype, "no <!DOCTYPE html>"
    assert not parser.errors, parser.errors[:10]
    assert not parser.stack, f"unclosed: {parser.stack}"
    duplicates = [i for i, n in parser.ids.items() if n > 1]
    assert not duplicates, duplicates
    broken = [h for h in parser.hrefs if h.startswith("#") and h[1:] not in parser.ids]
    assert not broken, broken
    return parser


def section(html: str, element_id: str) -> str:
    """The HTML of the element with ``element_id`` (well-nested, so the matching end tag is found by counting)."""
    start = html.index(f'id="{element_id}"')
    start = html.rindex("<", 0, start)
    tag = re.match(r"<(\w+)", html[start:]).group(1)
    depth = 0
    for m in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return html[start: start + m.end()]
    raise AssertionError(f"unclosed {element_id}")


def anchor(result: DiffResult, clause_id: str) -> str:
    return next(v.anchor for v in redline.clause_views(result) if v.anchor.endswith(clause_id))


# -- fixtures ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def zh() -> tuple[DiffResult, str]:
    result = zh_result()
    return result, redline.render_html(result)


@pytest.fixture(scope="module")
def en() -> tuple[DiffResult, str]:
    result = en_result()
    return result, redline.render_html(result)


# -- the page ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_well_nested_links_resolve_and_three_views(lang, zh, en):
    result, html = zh if lang == "zh" else en
    parser = check_html(html)
    for view in ("view-inline", "view-side", "view-clean"):
        assert view in parser.ids
        assert f'href="#{view}"' in html
    assert "<script" not in html.lower()  # no script: the tabs are CSS :target
    assert "<link" not in html and "<style>" in html  # self-contained
    assert f'lang="{"zh-CN" if lang == "zh" else "en"}"' in html


def test_toc_lists_every_changed_clause_with_status_class_and_numbers(zh):
    result, html = zh
    toc = section(html, "toc")
    for diff in result.clauses:
        link = f'href="#i-{anchor(result, diff.id)}"'
        assert (link in toc) == (diff.status != "unchanged"), diff.id
    assert "4.3 → 4.4" in toc and "5.2 → 6.1" in toc
    assert "由5.2移来" in toc
    for text in ("增加", "删除", "移动", "重新编号", "修改", "技术性", "编辑性"):
        assert text in toc, text
    assert "宜 → 应" in toc  # the reasons of technical changes
    # each TOC entry's link lands on the clause in the inline view, and the views' own anchors exist
    inline = section(html, "view-inline")
    for target in re.findall(r'href="#(i-[^"]+)"', toc):
        assert f'id="{target}"' in inline


def test_summary_counts_per_status_and_class(zh, en):
    for result, html in (zh, en):
        summary = section(html, "summary")
        counts = result.summary()
        for status, number in counts["clauses"].items():
            assert re.search(rf'<tr class="st-{status}[^"]*">.*?<td>{number}</td></tr>', summary), status
        for cls in ("technical", "editorial"):
            row = re.search(rf'<tr class="cls-{cls}">.*?</tr>', summary).group(0)
            assert f"<td>{counts['clauses_by_class'][cls]}</td><td>{counts['changes_by_class'][cls]}</td>" in row


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_status_labelled_in_the_snapshots_language(lang, zh, en):
    result, html = zh if lang == "zh" else en
    inline = section(html, "view-inline")
    labels = redline.LABELS[lang]
    for diff in result.clauses:
        part = section(inline, f"i-{anchor(result, diff.id)}")
        assert f"st-{diff.status}" in part.split(">", 1)[0]
        if diff.status != "unchanged":
            assert f'<span class="badge st st-{diff.status}">{labels["st_" + diff.status]}</span>' in part
        if diff.class_ in ("technical", "editorial"):
            assert labels["cls_" + diff.class_] in part
    other = redline.LABELS["en" if lang == "zh" else "zh"]
    body = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    assert other["view_side"] not in body and labels["view_side"] in body


def test_c10_inserted_clause_marked_as_a_whole_neighbours_untouched(zh):
    result, html = zh
    inline = section(html, "view-inline")
    added = section(inline, f"i-{anchor(result, 'safety')}")
    assert "whole-insert" in added.split(">", 1)[0]
    texts = re.findall(r'<p class="txt">(.*?)</p>', added)
    assert texts == ["<ins>设备应有过流保护。</ins>", "<ins>注：见GB 4943.1。</ins>"]
    assert "<del>" not in added and '<span class="num"><ins>4.3</ins></span>' in added
    assert '<span class="ttl"><ins>安全</ins></span>' in added
    before = section(inline, f"i-{anchor(result, 'environment')}")
    after = section(inline, f"i-{anchor(result, 'marking')}")
    assert inline.index(before) < inline.index(added) < inline.index(after)
    # the following clause is renumbered only: its number is marked, its text is not
    assert '<del>4.3</del><ins>4.4</ins>' in after
    assert not re.search(r"<(ins|del)>", "".join(re.findall(r'<div class="blk.*?</div>', after, re.S)))
    general = section(inline, f"i-{anchor(result, 'general')}")
    assert not re.search(r"<(ins|del)>|chg|badge", general)
    # side by side: the old column of the inserted clause is empty; clean view: change bars, no marks
    side = section(section(html, "view-side"), f"s-{anchor(result, 'safety')}")
    assert side.count('<td class="old"></td>') == 3
    clean = section(section(html, "view-clean"), f"n-{anchor(result, 'safety')}")
    assert "<ins>" not in clean and clean.count("chg cls-technical") == 2


def test_c11_only_the_changed_value_is_marked(zh):
    result, html = zh
    inline = section(section(html, "view-inline"), f"i-{anchor(result, 'power')}")
    block = re.search(r'<p class="txt">(.*?)</p>', inline).group(1)
    assert re.findall(r"<(?:ins|del)>.*?</(?:ins|del)>", block) == ["<del>为220</del>", "<ins>不低于230</ins>"]
    prefix, rest = block.split("<del>")
    assert prefix == C11_OLD[: C11_OLD.index("为220")]
    assert rest.endswith(C11_OLD[C11_OLD.index(" V，允许"):])
    assert "chg cls-technical" in inline and "数值 220 V → 230 V" in inline
    side = section(section(html, "view-side"), f"s-{anchor(result, 'power')}")
    old_cell, new_cell = re.findall(r'<td class="(?:old|new)"><p class="txt">(.*?)</p>', side)
    assert "<del>为220</del>" in old_cell and "<ins>" not in old_cell
    assert "<ins>不低于230</ins>" in new_cell and "<del>" not in new_cell
    clean = section(section(html, "view-clean"), f"n-{anchor(result, 'power')}")
    assert C11_NEW in clean and "<ins>" not in clean


def test_moved_clause_shown_once_at_its_new_place(zh, en):
    for result, html, note in ((*zh, "由5.2移来"), (*en, "moved from 4.3")):
        inline = section(html, "view-inline")
        moved = next(d for d in result.clauses if d.status == "moved")
        assert inline.count(f'<span class="ttl">{moved.title}</span>') == 1  # never a delete plus an insert
        part = section(inline, f"i-{anchor(result, moved.id)}")
        assert note in part and "whole-" not in part.split(">", 1)[0]
        ids = [i for i, _ in StrictHTML_order(inline)]
        parent = next(d for d in result.clauses if d.new_number == moved.new_number.rsplit(".", 1)[0])
        assert ids.index(f"i-{anchor(result, parent.id)}") < ids.index(f"i-{anchor(result, moved.id)}")


def StrictHTML_order(html: str) -> list[tuple[str, str]]:  # noqa: N802 - a helper named after the parser
    parser = StrictHTML()
    parser.feed(html)
    return [(i, c) for i, c in parser.order if c.startswith("clause")]


def test_deleted_clause_wholly_deleted_at_its_old_place(zh, en):
    result, html = zh
    inline = section(html, "view-inline")
    ids = [i for i, _ in StrictHTML_order(inline)]
    deleted = f"i-{anchor(result, 'obsolete')}"
    assert ids.index(f"i-{anchor(result, 'general')}") + 1 == ids.index(deleted)
    part = section(inline, deleted)
    assert "whole-delete" in part.split(">", 1)[0] and "<ins>" not in part
    assert re.findall(r'<p class="txt">(.*?)</p>', part) == ["<del>旧方法不再使用。</del>", "<del>注：仅供参考。</del>"]
    assert f'id="n-{anchor(result, "obsolete")}"' not in html  # the clean view has only the new text
    result, html = en
    ids = [i for i, _ in StrictHTML_order(section(html, "view-inline"))]
    assert ids.index(f"i-{anchor(result, 'labels')}") + 1 == ids.index(f"i-{anchor(result, 'old-test')}")


def test_blocks_in_place_deletions_between_their_neighbours(zh):
    result, html = zh
    part = section(section(html, "view-inline"), f"i-{anchor(result, 'environment')}")
    texts = re.findall(r'<p class="txt">(.*?)</p>', part)
    assert texts[:2] == ["设备<del>宜</del><ins>应</ins>在室内使用。", "<del>设备不应暴露在雨中。</del>"]
    assert texts[-1] == "<ins>设备应能承受运输振动。</ins>"
    side = section(section(html, "view-side"), f"s-{anchor(result, 'environment')}")
    rows = re.findall(r'<tr class="blk[^"]*"', side)
    assert len(rows) == 5 and "op-deleted" in rows[1] and "op-added" in rows[4]


def test_technical_distinct_from_editorial_with_reasons_and_links_to_clause(zh, en):
    result, html = zh
    part = section(section(html, "view-inline"), f"i-{anchor(result, 'environment')}")
    assert 'class="blk k-paragraph op-modified chg cls-technical"' in part
    assert '<span class="reasons">宜 → 应</span>' in part
    assert f'<a class="to-clause" href="#i-{anchor(result, "environment")}">4.2</a>' in part
    term = section(section(html, "view-inline"), f"i-{anchor(result, 'term-model')}")
    assert "<ins>机器学习</ins>模型" in term and "cls-editorial" in term
    result, html = en
    part = section(section(html, "view-inline"), f"i-{anchor(result, 'reqs')}")
    assert "<del>should</del><ins>shall</ins>" in part and "<del>220</del><ins>230</ins>" in part
    assert "recommendation → requirement (should → shall); value 220 V → 230 V" in part
    assert "matched by title and content" in section(html, f"i-{anchor(result, 'records')}")


def test_untrusted_text_is_escaped(zh):
    result, html = zh
    assert "<script" not in html.lower() and "<b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;粗体&lt;/b&gt;" in html
    nasty = zh_result()
    nasty.new.designation = '"><img src=x onerror=alert(1)>'
    nasty.new.label = "</title><script>"
    nasty.clauses[0].title = nasty.new.clauses[0].title = "<i>范围</i>"
    nasty.clauses[4].changes[0].reasons = ['<a href="javascript:x">']
    page = redline.render_html(nasty)
    check_html(page)
    assert "<img" not in page and "<script" not in page.lower() and "<i>" not in page and "javascript:x\">" not in page


def test_no_changes_and_no_snapshots():
    same = zh_result()
    same.clauses = [ClauseDiff(c.id, "unchanged", c.number, c.number, c.title) for c in same.new.clauses]
    html = redline.render_html(same)
    check_html(html)
    assert redline.LABELS["zh"]["no_changes"] in html and not re.search(r"<(ins|del)>", section(html, "view-inline"))
    # a diff result without clause models still shows its changes, in the result's order
    bare = zh_result()
    bare.old.clauses, bare.new.clauses = [], []
    html = redline.render_html(bare)
    check_html(html)
    assert "<del>为220</del><ins>不低于230</ins>" in html and "<ins>设备应能承受运输振动。</ins>" in html


def metadata_changes() -> list[MetadataChange]:
    """A retitled standard that moved on a stage and became mandatory (GB/T → GB)."""
    return [MetadataChange("designation", "GB/T 99999—2020", "GB 99999—2026", "technical"),
            MetadataChange("title.zh", "质量评价方法", "质量评价通用方法"), MetadataChange("stage", "征求意见稿", "送审稿")]


def test_metadata_changes_shown_before_the_clauses():
    """Title, stage and designation changes: a section of their own, before the clauses, old → new marked."""
    result = zh_result()
    result.metadata = metadata_changes()
    html = redline.render_html(result)
    check_html(html)
    meta = section(html, "metadata")
    assert "文件信息的变化" in meta and "中文名称" in meta and "阶段" in meta and "文件编号" in meta
    assert "质量评价<ins>通用</ins>方法" in meta  # the title's change marked token by token
    assert "<del>征求意见稿</del>" in meta and "<ins>送审稿</ins>" in meta
    assert 'class="md-designation chg cls-technical"' in meta and 'class="md-stage chg cls-editorial"' in meta
    assert html.index('id="metadata"') < html.index('id="view-inline"')
    printed = redline.render_print_html(result)
    check_html(printed)
    assert "<ins>送审稿</ins>" in section(printed, "metadata")
    assert printed.index('id="metadata"') < printed.index('id="view-inline"')
    # only the metadata changed: the contents say the clauses did not, not that nothing changed
    same = zh_result()
    same.clauses = [ClauseDiff(c.id, "unchanged", c.number, c.number, c.title) for c in same.new.clauses]
    same.metadata = metadata_changes()[2:]
    html = redline.render_html(same)
    check_html(html)
    toc = section(html, "toc")
    assert redline.LABELS["zh"]["no_clause_changes"] in toc and redline.LABELS["zh"]["no_changes"] not in toc
    assert "<ins>送审稿</ins>" in section(html, "metadata")
    english = en_result()
    english.metadata = [MetadataChange("title.en", "Widgets", "Widgets — General requirements")]
    assert "English title" in section(redline.render_html(english), "metadata")


def test_unrelated_documents_reported_not_a_wall_of_red():
    result = zh_result()
    result.clauses = []
    result.unrelated, result.similarity = True, 0.04
    html = redline.render_html(result)
    check_html(html)
    assert "两个版本是不相关的文件（相似度4%）" in html
    assert not re.search(r'<section id="i-', html) and "<ins>" not in html.split("</header>")[1]


def test_block_moved_between_clauses_shown_once_at_its_new_place():
    text = "设备应有铭牌。"
    old = [clause("a", "4.1", "标志", 2, None, "标志应清晰。", text), clause("b", "6.1", "包装", 2, None, "包装应防潮。")]
    new = [clause("a", "4.1", "标志", 2, None, "标志应清晰。"), clause("b", "6.1", "包装", 2, None, "包装应防潮。", text)]
    diffs = [ClauseDiff("a", "modified", "4.1", "4.1", "标志", "editorial", changes=[
                 ChangeEntry("moved", "paragraph", old=text, class_="editorial", reasons=["moved"], elsewhere="6.1")]),
             ClauseDiff("b", "modified", "6.1", "6.1", "包装", "editorial", changes=[
                 ChangeEntry("moved", "paragraph", old=text, new=text, class_="editorial", reasons=["moved"],
                             elsewhere="4.1")])]
    result = DiffResult(snapshot("v1", "zh", old), snapshot("v2", "zh", new), diffs)
    html = redline.render_html(result)
    check_html(html)
    inline = section(html, "view-inline")
    assert inline.count(text) == 1 and "<del>" not in inline and "<ins>" not in inline
    assert "移至6.1" in section(inline, "i-c-a") and "由4.1移来" in section(inline, "i-c-b")
    # the engine's reason word, in the page's language
    assert '<span class="reasons">移动</span>' in inline and ">moved<" not in inline
    side = section(html, "view-side")
    assert f'<span class="moved-text">{text}</span>' in section(side, "s-c-a")


def test_untitled_clause_number_not_repeated_in_its_text():
    old = [clause("x", "7.1.1", "", 3, None, "7.1.1　测试开始前，应记录模型版本。"),
           clause("y", "7.1.2", "", 3, None, "7.1.2　测试期间不应修改模型。")]
    new = [clause("y", "7.1.1", "", 3, None, "7.1.1　测试期间不应修改模型。")]
    diffs = [ClauseDiff("x", "deleted", "7.1.1", None, "", "technical"),
             ClauseDiff("y", "renumbered", "7.1.2", "7.1.1", "", "editorial")]
    html = redline.render_html(DiffResult(snapshot("v1", "zh", old), snapshot("v2", "zh", new), diffs))
    check_html(html)
    inline = section(html, "view-inline")
    assert '<p class="txt"><del>测试开始前，应记录模型版本。</del></p>' in section(inline, "i-c-x")
    renumbered = section(inline, "i-c-y")
    assert "<del>7.1.2</del><ins>7.1.1</ins>" in renumbered and '<p class="txt">测试期间不应修改模型。</p>' in renumbered


def test_write_html(tmp_path, zh):
    result, html = zh
    path = redline.write_html(result, tmp_path / "out" / "redline.html")
    assert path == tmp_path / "out" / "redline.html" and path.read_text(encoding="utf-8") == html


def test_unwritable_place_is_a_redline_error_naming_the_path(tmp_path):
    """No traceback for a place that cannot be written: the path and why (the file in the way)."""
    blocker = tmp_path / "diff"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(redline.RedlineError, match=f"cannot write the redline {blocker}/x.html: {blocker} is a file"):
        redline.write_html(zh_result(), blocker / "x.html")
    with pytest.raises(redline.RedlineError, match=f"cannot write the redline {blocker}/sub/x.pdf: .*{blocker}"):
        redline.write_pdf(zh_result(), blocker / "sub" / "x.pdf", REPO)


def test_c10_c11_through_the_engine():
    from tooling import diff as engine

    diff_revisions = getattr(engine, "diff_revisions", None)
    if diff_revisions is None:
        pytest.skip("tooling.diff.diff_revisions is not there yet")
    hand = zh_result()
    result = diff_revisions(hand.old, hand.new)
    html = redline.render_html(result)
    check_html(html)
    inline = section(html, "view-inline")
    statuses = {d.id: d.status for d in result.clauses}
    assert statuses.get("safety") == "added" and statuses.get("report") == "moved"
    assert "<del>为220</del><ins>不低于230</ins>" in inline
    assert "whole-insert" in section(inline, f"i-{anchor(result, 'safety')}").split(">", 1)[0]
    assert inline.count('<span class="ttl">试验报告</span>') == 1
    result = diff_revisions(en_result().old, en_result().new)
    check_html(redline.render_html(result))


# -- the PDF ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("redline-pdf")
    jobs = {"zh": zh_result(), "en": en_result()}
    jobs["zh"].metadata = metadata_changes()
    with ThreadPoolExecutor(max_workers=2) as pool:
        paths = pool.map(lambda item: redline.write_pdf(item[1], out / f"{item[0]}.pdf", REPO), jobs.items())
        return dict(zip(jobs, paths))


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.pdf
def test_pdf_shows_insertions_and_deletions(pdfs):
    from tests.pdfutil import page_texts

    text = re.sub(r"\s+", "", pdftext(pdfs["zh"]))
    for expected in ("为220", "不低于230", "设备应有过流保护。", "旧方法不再使用。", "由5.2移来", "宜→应", "修订标记",
                     "文件信息的变化", "征求意见稿", "送审稿", "质量评价通用方法"):
        assert expected in text, expected
    assert text.index("送审稿") < text.index("不低于230")  # the metadata before the clauses
    pages = page_texts(pdfs["zh"])
    assert all("GB/T 99999—2026 修订标记" in page for page in pages[1:]) or len(pages) == 1
    english = " ".join(pdftext(pdfs["en"]).split())
    for expected in ("shouldshall", "220230", "moved from 4.3", "Legacy test", "ISO/IEC 99999:2026 Redline"):
        assert expected in english, expected


@pytest.mark.pdf
def test_pdf_fonts_embedded(pdfs):
    from tests.pdfutil import fonts

    for lang, families in (("zh", ("NotoSerifCJKSC", "NotoSansCJKSC")), ("en", ("Caladea",))):
        rows = fonts(pdfs[lang])
        assert rows and all(r["emb"] for r in rows), rows
        names = " ".join(r["name"].replace("-", "") for r in rows)
        assert "DejaVu" not in names and "Oblique" not in names, names  # no fallback face, no synthetic italic
        for family in families:
            assert family in names, (lang, names)


@pytest.mark.pdf
def test_pdf_change_bars_in_the_margin(pdfs):
    from tests.pdfutil import page_words

    width, pages = page_words(pdfs["zh"])
    words = [w for page in pages for w in page]
    inserted = next(w for w in words if "过流保护" in w.text)
    unchanged = next(w for w in words if w.text.startswith("本文件规定了"))
    assert abs(inserted.x_min - unchanged.x_min) < 30  # the bar is in the margin: the text does not move


def test_pdf_failure_is_reported(tmp_path):
    with pytest.raises(redline.RedlineError, match="could not be started"):
        redline.write_pdf(en_result(), tmp_path / "x.pdf", REPO, worker=[str(tmp_path / "no-such-renderer")])
    crash = [sys.executable, "-c", "import sys; print('boom: bad font', file=sys.stderr); sys.exit(3)"]
    with pytest.raises(redline.RedlineError, match=r"exit status 3\): boom: bad font"):
        redline.write_pdf(en_result(), tmp_path / "x.pdf", REPO, worker=crash)
    hang = [sys.executable, "-c", "import time; time.sleep(60)"]
    with pytest.raises(redline.RedlineError, match="longer than the time limit of 1 s"):
        redline.write_pdf(en_result(), tmp_path / "x.pdf", REPO, timeout=1, worker=hang)
    assert not (tmp_path / "x.pdf").exists()


def test_every_editorial_reason_reads_in_chinese():
    """The classifier's editorial reasons are words of the Chinese redline too (none left in English)."""
    import re

    from tooling.diff import classify
    from tooling.diff.redline import REASONS_ZH

    source = Path(classify.__file__).read_text(encoding="utf-8")
    emitted = set(re.findall(r'"type": "([a-z ]+)"', source)) | set(classify._WHOLE_BLOCK.values())
    emitted -= {"value", "citation", "requirement", "code", "term"}  # technical: worded by change_reasons
    assert emitted and emitted <= set(REASONS_ZH), sorted(emitted - set(REASONS_ZH))
