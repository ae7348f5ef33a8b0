"""Bilingual publishing: catalogs per standard, editions per language, the parallel edition, publish thresholds."""

from __future__ import annotations

import json
import re

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from tooling.cli import main
from tooling.project import Project

from .conftest import build_problems, make_repository
from .pdfutil import fonts, outline_titles, page_texts


def _run(repo, *args):
    return CliRunner().invoke(main, ["--root", str(repo), *args], catch_exceptions=False)


def _text(path) -> str:
    html = path.read_text(encoding="utf-8")
    html = re.sub(r'<span class="fn-bracket">.*?</span>', "", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("\u3000", " ")


@pytest.fixture
def repo(tmp_path):
    return make_repository(tmp_path, "bilingual")


def test_status_json(repo):
    data = json.loads(_run(repo, "translate", "status", "--format", "json").output)
    rows = {row["slug"]: row for row in data["standards"]}
    assert rows["zhdoc"] == {"slug": "zhdoc", "language": "en", "translated": 12, "fuzzy": 0, "missing": 0}
    assert rows["endoc"] == {"slug": "endoc", "language": "zh", "translated": 1, "fuzzy": 0, "missing": 4}


def test_update_marks_changed_master_text_fuzzy_and_keeps_the_previous_text(repo):
    body = repo / "standards" / "zhdoc" / "body.md"
    body.write_text(body.read_text(encoding="utf-8").replace("本文件规定了双语测试的方法。", "本文件规定了双语测试的方法和要求。")
                    + "\n新增的段落。\n", encoding="utf-8")
    result = _run(repo, "translate", "update")
    assert "updated: standards/zhdoc/locales/en/LC_MESSAGES/zhdoc.po" in result.output
    with (repo / "standards" / "zhdoc" / "locales" / "en" / "LC_MESSAGES" / "zhdoc.po").open("rb") as handle:
        catalog = read_po(handle)
    changed = catalog.get("本文件规定了双语测试的方法和要求。")
    assert changed.fuzzy and changed.string == "This document specifies methods for bilingual tests."
    po_text = (repo / "standards" / "zhdoc" / "locales" / "en" / "LC_MESSAGES" / "zhdoc.po").read_text(encoding="utf-8")
    assert '#| msgid "本文件规定了双语测试的方法。"' in po_text  # the previous text, for the translator
    assert catalog.get("新增的段落。").string == ""
    rows = {r["slug"]: r for r in json.loads(_run(repo, "translate", "status", "--format", "json").output)["standards"]}
    assert rows["zhdoc"] == {"slug": "zhdoc", "language": "en", "translated": 11, "fuzzy": 1, "missing": 1}
    again = _run(repo, "translate", "update")
    assert "unchanged: standards/zhdoc/locales/en/LC_MESSAGES/zhdoc.po" in again.output, again.output


def test_english_edition_labels_terms_and_switch(repo):
    result = _run(repo, "build", "--lang", "en")
    assert result.exit_code == 0, result.output
    page = repo / "build" / "html-en" / "zhdoc" / "body.html"
    text = _text(page)
    assert "1 Scope" in text and "This document specifies methods for bilingual tests." in text
    assert "2.1test set 测试集" in text  # the English term first, the master's as its equivalent
    assert "The test set shall contain no fewer than 100 samples, see Table 1." in text
    assert "NOTE The number of samples affects the confidence of the result." in text.replace("\u2003", " ")
    assert "Table 1 — Limits" in text
    html = page.read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert 'href="../../html/zhdoc/body.html"' in html and ">中文<" in html
    master = (repo / "build" / "html").exists() or _run(repo, "build")
    del master


@pytest.mark.pdf
def test_english_pdf_has_the_english_gb_cover(repo):
    result = _run(repo, "build", "--lang", "en", "--format", "pdf", "--standard", "zhdoc")
    assert result.exit_code == 0, result.output
    texts = page_texts(repo / "build" / "pdf-en" / "zhdoc.pdf")
    cover = re.sub(r"\s+", " ", texts[0])
    assert "National Standard of the People's Republic of China" in cover
    assert "Artificial intelligence — Bilingual test" in cover and "(Draft for comments)" in cover
    body = re.sub(r"\s+", " ", " ".join(texts))
    assert "Table 1 — Limits" in body and "Contents" in body
    faces = " ".join(row["name"] for row in fonts(repo / "build" / "pdf-en" / "zhdoc.pdf"))
    assert "Caladea" in faces  # Latin text of the English edition in the Latin face, not the CJK font's Latin


SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="24">{}</text></svg>')


@pytest.mark.pdf
def test_parallel_edition_aligns_rows(repo):
    std = repo / "standards" / "zhdoc"
    (std / "images").mkdir()
    (std / "images" / "flow.svg").write_text(SVG.format("流程"), encoding="utf-8")
    (std / "images" / "flow.en.svg").write_text(SVG.format("Flow"), encoding="utf-8")
    body = std / "body.md"
    body.write_text(body.read_text(encoding="utf-8") + """
测量使用单调时钟[^clock]。

(flow)=
```{figure} images/flow.svg
流程
```

[^clock]: 单调时钟只增不减。
""", encoding="utf-8")
    po = std / "locales" / "en" / "LC_MESSAGES" / "zhdoc.po"
    po.write_text(po.read_text(encoding="utf-8") + """
msgid "测量使用单调时钟[^clock]。"
msgstr "The measurement uses a monotonic clock[^clock]."

msgid "流程"
msgstr "Flow"

msgid "单调时钟只增不减。"
msgstr "A monotonic clock never decreases."
""", encoding="utf-8")
    result = _run(repo, "build", "--lang", "en", "--format", "parallel")  # no master build first (fresh clone)
    assert result.exit_code == 0, result.output
    assert "std.pdf-render" not in result.output, result.output  # every figure found, every footnote call resolved
    out = repo / "build" / "parallel-en"
    assert {p.name for p in (out / "_images").iterdir()} >= {"flow.svg", "flow.en.svg"}
    page = (repo / "build" / "parallel-en" / "zhdoc.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr class=\"row-[^\"]*\">(.*?)</tr>", page, flags=re.S)
    pairs = [tuple(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip().replace("\u3000", " ")
                   for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)) for row in rows]
    assert ("1 范围", "1 Scope") in pairs
    assert any(a.startswith("测试集应包含不少于100个样本，见表1") and b.startswith("The test set shall contain")
               for a, b in pairs), pairs
    assert (repo / "build" / "parallel-en" / "zhdoc.pdf").is_file()
    texts = page_texts(repo / "build" / "parallel-en" / "zhdoc.pdf")
    assert "Scope" in texts[0] and "范围" in texts[0]
    every = "\n".join(texts)
    assert "单调时钟只增不减。" in every and "A monotonic clock never decreases." in every  # both columns' footnotes
    assert "1 范围 / 1 Scope" in outline_titles(repo / "build" / "parallel-en" / "zhdoc.pdf")  # bookmarks


@pytest.mark.pdf
def test_publish_complete_translations_and_skip_incomplete_ones(repo):
    result = _run(repo, "publish")
    assert result.exit_code == 0, result.output
    assert "published zhdoc (zh, en)" in result.output
    assert "published endoc (en)" in result.output
    assert "endoc: zh edition not published: 20% translated, 0 fuzzy, 4 missing (needs 90%" in result.output
    edition = repo / "build" / "publish" / "zhdoc" / "draft-for-comments-2026-11-20"
    for name in ("zhdoc-zh.pdf", "zhdoc-en.pdf", "zhdoc-zh-en.pdf", "html/zhdoc/body.html", "html-en/zhdoc/body.html",
                 "parallel-en/zhdoc.html"):
        assert (edition / name).is_file(), name
    # the published pages link to each other inside the edition folder
    master = (edition / "html" / "zhdoc" / "body.html").read_text(encoding="utf-8")
    assert 'href="../../html-en/zhdoc/body.html"' in master and 'href="../../parallel-en/zhdoc.html"' in master
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["translations"] == ["en"]
    cover = [line.strip() for line in page_texts(edition / "zhdoc-en.pdf")[0].splitlines()]
    assert "State Administration for Market Regulation" in cover, cover  # the English cover: one issuer a line
    assert "Standardization Administration of China" in cover, cover
    endoc = (repo / "build" / "publish" / "endoc" / "cd-2026-11-20" / "html" / "endoc" / "body.html")
    assert "html-zh" not in endoc.read_text(encoding="utf-8")


def test_final_stage_needs_every_message_translated(repo):
    index = repo / "standards" / "zhdoc" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("stage: 征求意见稿\ndraft_date: 2026-11-20",
                                                               "stage: published\nissued: 2026-01-01\n"
                                                               "implemented: 2026-07-01"), encoding="utf-8")
    index.write_text(index.read_text(encoding="utf-8").replace("GB/T XXXXX—XXXX", "GB/T 99990—2026"),
                     encoding="utf-8")
    body = repo / "standards" / "zhdoc" / "body.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n一句新的话。\n", encoding="utf-8")
    from tooling.publish import _translations_to_publish

    publish, notes = _translations_to_publish(Project(repo), None)
    assert "zhdoc" not in publish  # 9 of 10: enough for a draft, not for a published standard
    assert "needs 100 % and no fuzzy message (final stage)" in notes["zhdoc"][0]


def test_translation_builds_do_not_lint_translated_text(repo):
    result = Project(repo).sphinx("html", repo / "build" / "html-en", doctreedir=repo / "build" / "doctrees-en",
                                  overrides={"std_output_language": "en"}, fresh=True)
    assert not any("[stdlint." in w for w in result.warnings)
    assert build_problems(result.warnings) == []


def test_the_sample_catalogs_are_up_to_date(tmp_path):
    """`make translations` on a fresh clone changes nothing: the committed catalogs match the sources."""
    import shutil
    from pathlib import Path

    here = Path(__file__).resolve().parents[1]
    shutil.copytree(here / "standards", tmp_path / "standards")
    shutil.copy(here / "conf.py", tmp_path / "conf.py")
    result = _run(tmp_path, "translate", "update")
    assert result.exit_code == 0, result.output
    assert "updated" not in result.output, result.output


def _mark_fuzzy(po, msgid: str) -> None:
    text = po.read_text(encoding="utf-8")
    assert f'msgid "{msgid}"' in text
    po.write_text(text.replace(f'msgid "{msgid}"', f'#, fuzzy\nmsgid "{msgid}"', 1), encoding="utf-8")


def test_the_master_text_an_edition_falls_back_to_is_marked_with_its_language(repo):
    po = repo / "standards" / "zhdoc" / "locales" / "en" / "LC_MESSAGES" / "zhdoc.po"
    _mark_fuzzy(po, "样本的数量影响结果的置信度。")  # a fuzzy note
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Requirements"', 'msgstr ""').replace('msgstr "Number of samples"', 'msgstr ""'),
                  encoding="utf-8")  # an untranslated title and table cell
    result = _run(repo, "build", "--lang", "en")
    assert result.exit_code == 0, result.output
    html = (repo / "build" / "html-en" / "zhdoc" / "body.html").read_text(encoding="utf-8")
    # the master text in its language, the edition's label (NOTE) outside it, the element marked
    assert ('<p class="std-untranslated"><span class="std-label">NOTE</span>\u2003<span lang="zh-CN">'
            "样本的数量影响结果的置信度。</span></p>") in html
    assert '<td><p class="std-untranslated"><span lang="zh-CN">样本数</span></p></td>' in html
    assert re.search(r'<h1 class="std-untranslated"><span class="std-number">3</span>\s<span lang="zh-CN">要求</span>',
                     html), html
    # translated text and text without words (100) are not marked
    assert "<p>This document specifies methods for bilingual tests.</p>" in html
    assert html.count("std-untranslated") == 3
    css = (repo / "build" / "html-en" / "_static" / "standard.css").read_text(encoding="utf-8")
    assert ".std-untranslated::after" in css and '"（未翻译）"' in css
    # the Chinese edition of the English master: its untranslated English text is marked lang="en"
    assert _run(repo, "build", "--lang", "zh").exit_code == 0
    endoc = (repo / "build" / "html-zh" / "endoc" / "body.html").read_text(encoding="utf-8")
    assert '<p class="std-untranslated"><span lang="en">The text shall be checked.</span></p>' in endoc
    assert re.search(r'<h1><span class="std-number">1</span>\s*范围', endoc), endoc  # translated: not marked
    # a master edition is never marked
    assert _run(repo, "build").exit_code == 0
    assert "std-untranslated" not in (repo / "build" / "html" / "zhdoc" / "body.html").read_text(encoding="utf-8")


@pytest.mark.pdf
def test_the_pdf_author_is_the_committee_in_the_edition_language(repo):
    from pypdf import PdfReader

    index = repo / "standards" / "zhdoc" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "sample: true", "committee: {zh: 全国信息技术标准化技术委员会（SAC/TC 28）, en: SAC/TC 28 Information technology}\n"
        "sample: true"), encoding="utf-8")
    endoc = repo / "standards" / "endoc" / "index.md"
    endoc.write_text(endoc.read_text(encoding="utf-8").replace("sample: true", "committee: ISO/IEC JTC 1/SC 42\n"
                                                                  "sample: true"), encoding="utf-8")
    for lang in ("en", "zh"):
        assert _run(repo, "build", "--lang", lang, "--format", "pdf").exit_code == 0
    assert _run(repo, "build", "--format", "pdf").exit_code == 0
    author = {path: PdfReader(repo / "build" / path).metadata.author
              for path in ("pdf-en/zhdoc.pdf", "pdf/zhdoc.pdf", "pdf-zh/endoc.pdf", "pdf/endoc.pdf")}
    assert author == {"pdf-en/zhdoc.pdf": "SAC/TC 28 Information technology",
                      "pdf/zhdoc.pdf": "全国信息技术标准化技术委员会（SAC/TC 28）",
                      "pdf-zh/endoc.pdf": "ISO/IEC JTC 1/SC 42",  # in one language only: kept
                      "pdf/endoc.pdf": "ISO/IEC JTC 1/SC 42"}
