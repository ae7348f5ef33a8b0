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
    assert labels[1] == "I"
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
