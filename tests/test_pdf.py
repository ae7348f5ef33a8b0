"""Real PDFs rendered by WeasyPrint, read back with pdftotext, pdffonts and pypdf.

Layout facts from ../shared/LAYOUT.md; field cases C01–C07, C13 from ../shared/cases.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap

import pytest
from pypdf import PdfReader

from tooling.project import Project

from .conftest import make_repository
from .pdfutil import fonts, outline_titles, page_labels, page_texts, page_words

pytestmark = pytest.mark.pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    repo = make_repository(tmp_path_factory.mktemp("pdf"), "pdf")
    project = Project(repo)
    result = project.sphinx("stdpdf", fresh=True)
    return project, result


def _report(project):
    return {r["slug"]: r for r in json.loads((project.build_dir / "pdf" / "pdf-report.json").read_text())}


def test_every_standard_renders(built):
    project, result = built
    report = _report(project)
    assert report["gbdoc"]["ok"], report["gbdoc"]
    assert report["isodoc"]["ok"], report["isodoc"]
    assert report["isozh"]["ok"], report["isozh"]
    assert result.errors == []


def test_fonts_embedded_and_chinese_faces_chosen_explicitly(built):
    """Every font embedded and subset; Chinese in Noto CJK SC, never a JP/KR/TC fallback (LAYOUT.md, case C02)."""
    project, _ = built
    rows = fonts(project.build_dir / "pdf" / "gbdoc.pdf")
    assert rows and all(r["emb"] and r["sub"] for r in rows), rows
    names = " ".join(r["name"] for r in rows)
    assert "Noto-Serif-CJK-SC" in names and "Noto-Sans-CJK-SC" in names
    assert not re.search(r"CJK-(JP|KR|TC|HK)", names)
    iso = " ".join(r["name"] for r in fonts(project.build_dir / "pdf" / "isodoc.pdf"))
    assert "Caladea" in iso
    # No system fallback face anywhere, running heads on even pages included (a `font: inherit`
    # on the named pages' margin boxes once pulled in DejaVu Serif).
    assert "DejaVu" not in names + " " + iso, names + " " + iso


def test_gb_cover(built):
    """GB cover (GB/T 1.1-2020 10.3.1, Annex D.1): codes, designation, banner, titles, stage, patent call, dates."""
    project, _ = built
    cover = page_texts(project.build_dir / "pdf" / "gbdoc.pdf")[0]
    flat = re.sub(r"\s+", " ", cover)
    for text in ("ICS 35.240.01", "CCS L 70", "GB/T 99999.1—2026", "代替 GB/T 99999.1—2019", "中华人民共和国国家标准",
                 "Artificial intelligence — Print layout — Part 1: Test", "（征求意见稿）",
                 "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。", "本稿完成日期：2026-11-20",
                 "XXXX-XX-XX 发布", "XXXX-XX-XX 实施", "国家市场监督管理总局", "样例"):
        assert text in flat, text
    assert "人工智能 打印版式 第1部分：测试" in flat


def test_iso_cover(built):
    project, _ = built
    cover = re.sub(r"\s+", " ", page_texts(project.build_dir / "pdf" / "isodoc.pdf")[0])
    for text in ("Committee draft", "ISO/IEC CD 99999", "First edition",
                 "Information technology — Print layout — Test", "This document is not an International Standard",
                 "ICS 35.020", "SAMPLE"):
        assert text in cover, text


def test_iso_profile_in_chinese_gets_chinese_labels_on_an_iso_cover(built):
    """Labels follow the language, cover and structure follow the profile."""
    project, _ = built
    texts = page_texts(project.build_dir / "pdf" / "isozh.pdf")
    cover = re.sub(r"\s+", " ", texts[0])
    assert "ISO/IEC DIS 99998" in cover and "国际标准草案" in cover and "本文件不是国际标准" in cover
    assert "中华人民共和国国家标准" not in cover
    body = re.sub(r"\s+", " ", " ".join(texts[1:]))
    assert "注：ISO风格，中文标签。" in body
    assert "附录A （资料性） 检查" in body or "附录A（资料性）" in body
    assert "表A.1" in body and "见表A.1" in body
    assert "ISO/IEC DIS 99998" in texts[2]  # running head without the (E) of English editions


def test_folios_page_labels_and_toc_page_numbers(built):
    """Roman folios from the contents, arabic from the first body page (an odd page); labels match; TOC numbers are right."""
    project, _ = built
    pdf = project.build_dir / "pdf" / "gbdoc.pdf"
    labels = page_labels(pdf)
    texts = page_texts(pdf)
    first_body = labels.index("1")
    assert first_body % 2 == 0, "the first body page is a right-hand (odd) page"
    assert labels[0] == "Cover " and labels[1] == "I"
    assert "目 次" in texts[1] or "目　次" in texts[1] or re.search(r"目\s*次", texts[1])
    assert "人工智能" in texts[first_body] and "1 范围" in re.sub(r"\s+", " ", texts[first_body])
    # the printed folio is the page label (the last token at the foot of the page; the
    # draft watermark's scattered letters are skipped)
    for index, label in enumerate(labels[1:-1], start=1):
        tokens = [t for line in texts[index].splitlines() for t in line.split() if len(t) > 1 or t.isdigit()
                  or t in ("I", "V", "X")]
        if tokens:
            assert tokens[-1] == label, (index, label, tokens[-3:])
    # table of contents: each entry's number is the label of the page where the heading is
    toc = texts[1]
    entries = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\S+)\s*$", toc, flags=re.M)
    assert len(entries) >= 5
    for title, folio in entries:
        page = labels.index(folio)
        heading = re.sub(r"\s+", "", title)
        assert heading in re.sub(r"\s+", "", texts[page]), (title, folio)


def test_back_cover_carries_no_folio_label(built):
    """The back cover (GB/T 1.1-2020 Figure E.4; ISO back page) prints no folio: its page label is
    "Back cover", not the next body number; a blank page before it keeps the body's numbering."""
    project, _ = built
    for slug, designation in (("gbdoc", "GB/T 99999.1—2026"), ("isodoc", "ISO/IEC CD 99999"),
                              ("isozh", "ISO/IEC DIS 99998")):
        pdf = project.build_dir / "pdf" / f"{slug}.pdf"
        labels = page_labels(pdf)
        texts = page_texts(pdf)
        assert labels[-1] == "Back cover", (slug, labels)
        assert designation in texts[-1], (slug, texts[-1])
        assert labels[-2].isdigit(), (slug, labels)
        body = labels[labels.index("1"):-1]
        assert body == [str(n) for n in range(1, len(body) + 1)], (slug, labels)
        assert len(set(labels)) == len(labels), f"{slug}: page labels are unique: {labels}"


def test_page_labels_written_with_the_pdf_keep_its_compression(built):
    """Page labels go in through WeasyPrint's finisher while the PDF is written: the file keeps
    WeasyPrint's compressed object streams instead of being rewritten object by object by pypdf."""
    project, _ = built
    pdf = project.build_dir / "pdf" / "gbdoc.pdf"
    data = pdf.read_bytes()
    assert b"/ObjStm" in data, "objects stay in compressed object streams"
    assert data.count(b"%%EOF") == 1, "written once, not rewritten or appended to"
    reader = PdfReader(str(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and "/Outlines" in root, "tags and bookmarks kept"
    assert [int(n) for n in root["/PageLabels"]["/Nums"][::2]] == [0, 1, 4, len(reader.pages) - 1]


def test_page_label_ranges():
    """Anchors to label ranges: cover, roman from the contents, arabic from the body, back cover without folio."""
    from tooling.render.pdf_worker import page_label_ranges

    anchors = {"std-front": 1, "std-body": 4, "std-back": 11}
    assert page_label_ranges(anchors, 12) == [(0, "", 1, "Cover "), (1, "/R", 1, ""), (4, "/D", 1, ""),
                                              (11, "", 1, "Back cover")]
    # no back-cover anchor (redline, parallel edition): the body numbering runs to the end
    assert page_label_ranges({"std-body": 0}, 3) == [(0, "/D", 1, "")]


def test_running_heads_on_the_outer_side(built):
    """Case C05: the designation heads every page from the contents on, right on odd pages, left on even ones."""
    project, _ = built
    pdf = project.build_dir / "pdf" / "gbdoc.pdf"
    width, pages = page_words(pdf)
    labels = page_labels(pdf)
    checked = 0
    for index, words in enumerate(pages[1:-1], start=1):
        if not words or labels[index].startswith("Cover"):
            continue
        head = [w for w in words if w.text.startswith("GB/T") and w.y_min < 80]
        content = [w for w in words if len(w.text) > 1]  # not the watermark's single letters
        if not head:
            assert not content, f"page {index + 1} has content but no running head"
            continue
        checked += 1
        if index % 2 == 0:  # PDF page index 2, 4 … are odd printed pages (right-hand)
            assert head[0].x_min > width / 2, (index, head[0])
        else:
            assert head[0].x_max < width / 2, (index, head[0])
    assert checked >= 4


def test_bookmarks_and_metadata(built):
    project, _ = built
    pdf = project.build_dir / "pdf" / "gbdoc.pdf"
    titles = outline_titles(pdf)
    assert "前言" in titles
    assert "1\u3000范围" in titles
    assert any(t.startswith("附录A") for t in titles)
    reader = PdfReader(str(pdf))
    info = reader.metadata
    assert info.title.startswith("GB/T 99999.1—2026")
    assert info.creation_date.year == 2026 and info.creation_date.month == 11  # from draft_date, not the clock
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "zh-CN"
    assert "/StructTreeRoot" in root, "tagged PDF (case C07)"


def test_c01_no_space_at_chinese_line_breaks(built):
    """Case C01: a Chinese paragraph wrapped in the source has no space at the wrap in the PDF text."""
    project, _ = built
    text = "".join(page_texts(project.build_dir / "pdf" / "gbdoc.pdf"))
    assert "的规定起草" in re.sub(r"\n\s*", "", text)
    assert "规定 起草" not in text
    iso = re.sub(r"\s+", " ", "".join(page_texts(project.build_dir / "pdf" / "isodoc.pdf")))
    assert "a print layout test" in iso  # a break between Latin words is one space


def test_c03_long_code_breaks_inside_its_cell(built):
    """Case C03: a 40-character code without spaces wraps inside a narrow cell instead of overflowing."""
    project, _ = built
    width, pages = page_words(project.build_dir / "pdf" / "gbdoc.pdf")
    pieces = [w for words in pages for w in words if re.fullmatch(r"[A-Z0-9]{4,}", w.text)]
    assert pieces, "the code is in the PDF"
    assert all(w.x_max < width - 20 * 72 / 25.4 + 1 for w in pieces), "nothing runs into the right margin"


def test_c03_long_code_breaks_inside_a_narrow_cell(layout):
    """Case C03, narrow cell: Chinese text then a 40-character code in the last of four columns.

    The code breaks inside its cell, which the table keeps narrow (a code that could break only
    between words would widen its column to the code's whole length, or run out of the page), and
    no piece runs into the right margin.
    """
    width, pages = page_words(layout.build_dir / "pdf" / "gblayout.pdf")
    code = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210ZYXW"
    for words in pages:
        words = [w for w in words if w.y_max - w.y_min < 30]  # not the watermark's big letters
        cell = [w for w in words if w.text.startswith("窄栏编码") and any(
            v.text.startswith("ZYX") and abs(v.x_min - w.x_min) < 1 and 0 < v.y_min - w.y_min < 20 for v in words)]
        if cell:
            break
    else:
        pytest.fail("the narrow cell is not in the PDF")
    pieces = [w for w in words if re.fullmatch(r"[A-Z0-9]+", w.text) and abs(w.x_min - cell[0].x_min) < 1
              and w.y_min > cell[0].y_min]
    assert "".join(w.text for w in sorted(pieces, key=lambda w: w.y_min)) == code, [w.text for w in pieces]
    assert len(pieces) >= 2, "the code breaks inside its cell"
    assert all(w.x_max < width - 20 * 72 / 25.4 + 1 for w in pieces), "nothing runs into the right margin"


def test_english_table_cells_break_between_words(layout):
    """English table cells break between words (``overflow-wrap: break-word``): a clause number,
    a header word or a word of the prose is never split inside (it was with ``anywhere``, which
    also made WeasyPrint try a break at every character when sizing the columns)."""
    _, pages = page_words(layout.build_dir / "pdf" / "isolayout.pdf")
    page = next(words for words in pages if any(w.text == "Requirements" for w in words)
                and any(w.text.startswith("2.1") for w in words))
    found = {w.text for w in page}
    prose = ("Verify that the application uses a single vetted authentication mechanism that is known to "
             "be secure, can be extended to include strong authentication, and has sufficient logging and "
             "monitoring to detect account abuse or breaches.")
    for word in ("#", "Description", "Level", "CWE", "2.1.1", "2.1.2", "L1", "L2", "521", *prose.split()):
        assert word in found, f"{word!r} is split: {sorted(found)}"


def test_c04_footnote_never_before_its_call(built):
    """Case C04: a footnote body is on the page of its call or later, never earlier."""
    project, _ = built
    texts = page_texts(project.build_dir / "pdf" / "gbdoc.pdf")
    call = next(i for i, t in enumerate(texts) if "保持在一起的段落" in t)
    body = next(i for i, t in enumerate(texts) if "与调用在同一页的脚注" in t)
    assert body >= call


def test_c06_long_table_repeats_its_header(built):
    """Case C06 (small): a table over several pages repeats its header row on each."""
    project, _ = built
    texts = page_texts(project.build_dir / "pdf" / "gbdoc.pdf")
    pages = [t for t in texts if re.search(r"项目\d+", t)]
    assert len(pages) >= 2
    for text in pages:
        assert re.search(r"项目\s+数值\s+说明", text), "header row on every page of the table"


def test_c07_tagged_structure(built):
    """Case C07: figures carry their alt text, links and lists are tagged, the language is set."""
    project, _ = built
    reader = PdfReader(str(project.build_dir / "pdf" / "gbdoc.pdf"))
    kinds, alts = set(), []

    def walk(node, depth=0):
        node = node.get_object()
        if isinstance(node, dict) or hasattr(node, "get"):
            if "/S" in node:
                kinds.add(str(node["/S"]))
            if node.get("/S") == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None and depth < 60:
                for kid in kids if isinstance(kids, list) else [kids]:
                    if hasattr(kid, "get_object"):
                        walk(kid, depth + 1)
                    elif isinstance(kid, dict):
                        walk(kid, depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert {"/Link", "/L", "/LI", "/Figure", "/Table"} <= kinds, kinds
    assert "评价流程示意图" in alts


def test_c02_renderer_refuses_fonttools_subsetting(monkeypatch, tmp_path):
    """Case C02: without HarfBuzz's subsetter the renderer fails loudly instead of crawling."""
    import weasyprint.text.ffi as ffi

    from tooling.render import pdf_worker

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    page = tmp_path / "one.html"
    page.write_text("<html lang='zh-CN'><body>本文件</body></html>", encoding="utf-8")
    with pytest.raises(RuntimeError, match="libharfbuzz-subset0"):
        pdf_worker.render(page, tmp_path)


def test_renderer_fetches_nothing_outside_the_repository(tmp_path):
    """Builds are hermetic: network URLs and files outside the repository are refused by the URL fetcher."""
    from tooling.render.pdf_worker import make_fetcher

    fetcher = make_fetcher(tmp_path / "repo")
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "a.css").write_text("p {}")
    (tmp_path / "secret.txt").write_text("secret")
    assert fetcher((tmp_path / "repo" / "a.css").as_uri()).read() == b"p {}"
    for url in ("https://example.org/x.png", "http://127.0.0.1/", (tmp_path / "secret.txt").as_uri(),
                (tmp_path / "repo" / ".." / "secret.txt").as_uri()):
        with pytest.raises(ValueError, match="refused"):
            fetcher(url)


HANG = textwrap.dedent("""\
    import os, subprocess, sys, time
    html = sys.argv[1]
    if "isodoc" in html:
        time.sleep(600) if "{mode}" == "hang" else os.abort()
    sys.exit(subprocess.call([sys.executable, "-m", "tooling.render.pdf_worker", *sys.argv[1:]]))
    """)


@pytest.mark.parametrize("mode", ["hang", "crash"])
def test_c13_a_hanging_or_crashing_render_costs_only_its_pdf(tmp_path, mode):
    """Case C13: one standard's renderer hangs (or crashes); it fails within its time limit, the other is built."""
    repo = make_repository(tmp_path, "pdf")
    worker = tmp_path / "worker.py"
    worker.write_text(HANG.format(mode=mode))
    result = Project(repo).sphinx("stdpdf", fresh=True, overrides={
        "std_pdf_worker": [sys.executable, str(worker)], "std_pdf_timeout": 20})
    report = _report(Project(repo))
    assert report["gbdoc"]["ok"]
    assert not report["isodoc"]["ok"]
    expected = "time limit of 20 s" if mode == "hang" else "the renderer failed"
    assert expected in report["isodoc"]["message"]
    assert not (repo / "build" / "pdf" / "isodoc.pdf").exists()
    assert any("isodoc: PDF not written" in w for w in result.warnings)


# -- keep-with-next: table titles, "式中：", figure titles (LAYOUT.md "Body text"; GB/T 1.1-2020 10.4) ---------

KEEP_SWEEPS = {"table": range(31, 38), "where": range(31, 38), "figure": range(28, 35)}
KEEP_ROW = "本行的说明文字较长，用于使首行占据多行，从而使表头与首行合在一起的高度大于一行填充文字的高度。" * 2


def _keep_annex(kind: str, n: int) -> str:
    """One annex (a new page) of ``n`` one-line paragraphs, then a table, a formula with its
    "where" list, or a figure: as ``n`` grows, the element moves down to the page foot and then
    to the next page. The rows and items after the title are taller than one padding line, so
    one of the paddings leaves room for the title alone."""
    padding = "\n\n".join(["填充。"] * n)
    if kind == "table":
        element = (f"(keep-table-{n})=\n:::{{table}} 保持表{n}\n| 项目 | 说明 |\n| --- | --- |\n"
                   f"| 甲 | 首行{n}{KEEP_ROW} |\n| 乙 | 次行。 |\n:::")
    elif kind == "where":
        element = (f"$$\ny = a + b\n$$ (keep-formula-{n})\n\n:::{{where}}\n$y$\n"
                   f": 首项{n}，符号的说明较长，使第一项的说明占据两行，从而使标签与第一项合在一起的高度大于一行填充文字的高度；\n\n"
                   "$a$\n: 第二项；\n\n$b$\n: 第三项。\n:::")
    else:
        element = f"(keep-figure-{n})=\n:::{{figure}} images/block.svg\n:alt: 保持图\n\n保持图{n}\n:::"
    return f"(keep-annex-{kind}-{n})=\n{{.annex .informative}}\n# {kind}保持{n}\n\n{padding}\n\n{element}\n"


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    """``tests/roots/test-pdf-layout`` rendered: ``gblayout`` (case C03 in a narrow cell, and the
    annexes of :func:`_keep_annex` written into ``sweep.md``) and ``isolayout`` (a table of
    English prose). Returns the :class:`Project`."""
    repo = make_repository(tmp_path_factory.mktemp("layout"), "pdf-layout")
    (repo / "standards" / "gblayout" / "sweep.md").write_text(
        "\n".join(_keep_annex(kind, n) for kind, ns in KEEP_SWEEPS.items() for n in ns), encoding="utf-8")
    project = Project(repo)
    project.sphinx("stdpdf", fresh=True)
    report = _report(project)
    assert report["gblayout"]["ok"] and report["isolayout"]["ok"], report
    return project


@pytest.fixture(scope="module")
def keep_pdf(layout):
    """``(page texts without spaces, {(kind, n): page indexes of that annex})`` of ``gblayout``."""
    pdf = layout.build_dir / "pdf" / "gblayout.pdf"
    texts = [re.sub(r"\s+", "", t) for t in page_texts(pdf)]
    first = page_labels(pdf).index("1")
    starts = [(kind, n, next(i for i in range(first, len(texts)) if f"{kind}保持{n}" in texts[i]))
              for kind, ns in KEEP_SWEEPS.items() for n in ns]
    annexes = {(kind, n): list(range(start, starts[i + 1][2] if i + 1 < len(starts) else len(texts) - 1))
               for i, (kind, n, start) in enumerate(starts)}
    return texts, annexes


@pytest.mark.parametrize("kind, title, content", [
    ("table", "保持表{n}", "首行{n}"),   # the table title and the first row (after the header row)
    ("where", "式中：", "首项{n}"),        # the "式中：" label and the first symbol's explanation
    ("figure", "保持图{n}", "图形内容"),   # the figure title and the text drawn in the figure
])
def test_titles_and_labels_stay_with_what_they_introduce(keep_pdf, kind, title, content):
    """A table title is never alone at a page foot away from its table, "式中：" never away from
    the first symbol, a figure title never away from its figure (pdftotext, page by page).

    The annexes push the element down one line at a time from where it fits on the annex's
    first page to where it starts on the next, so one of them leaves room for the title alone.
    """
    texts, annexes = keep_pdf
    moved = []
    for n in KEEP_SWEEPS[kind]:
        pages = annexes[(kind, n)]
        with_title = [i for i in pages if title.format(n=n) in texts[i]]
        with_content = [i for i in pages if content.format(n=n) in texts[i]]
        assert len(with_content) == 1, (kind, n, with_content)
        assert with_title == with_content, f"{kind} {n}: title on pages {with_title}, content on {with_content}"
        moved.append(with_content[0] > pages[0])
    assert not all(moved) and any(moved), f"the sweep reaches the page foot: {moved}"


def test_links_to_a_table_or_figure_land_on_its_page(layout, keep_pdf):
    """An anchor is the element itself, never an empty span before it that a page break leaves behind
    ("见表3" would open the page before the table)."""
    from pypdf import PdfReader

    texts, annexes = keep_pdf
    reader = PdfReader(layout.build_dir / "pdf" / "gblayout.pdf")
    pages = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
    checked = 0
    for kind, title in (("table", "保持表{n}"), ("figure", "保持图{n}")):
        for n in KEEP_SWEEPS[kind]:
            name = next(k for k in pages if k.endswith(f"--keep-{kind}-{n}"))
            shown = [i for i in annexes[(kind, n)] if title.format(n=n) in texts[i]]
            assert [pages[name]] == shown, (name, pages[name], shown)
            checked += 1
    assert checked == len(KEEP_SWEEPS["table"]) + len(KEEP_SWEEPS["figure"])
