"""``std import``: plain-Markdown standards into our MyST layout.

Unit tests of the pieces (heading numbers, conventional titles, labels, IDs, term
patterns), imports of small samples written for these tests (tests/roots/test-import-*)
built with Sphinx, bad input, and — with ../shared/corpus beside the repository — real
standards (OpenChain DIS 18974 in English and Chinese, OWASP ASVS 4.0.3 as a folder,
the OpenChain 2.0 draft series, an IETF kramdown-rfc draft) imported into a temporary
repository and built to HTML and PDF: the numbers typed in the source must be the
numbers the build computes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main
from tooling.importer import ImportError_, default_stage, import_standard, split_title
from tooling.importer.content import escape_myst
from tooling.importer.errors import Messages
from tooling.importer.ids import IdRegistry, normalise_anchor, requirement_id
from tooling.importer.numbers import parse_heading_number, split_example_label, split_note_label, title_role
from tooling.importer.parse import parse_files
from tooling.importer.source import SourceFile, decode_source
from tooling.importer.structure import build_document
from tooling.importer.terms import read_terms
from tooling.model.designation import parse_designation
from tooling.model.metadata import load_metadata
from tooling.project import Project

from .pdfutil import fonts, page_labels, page_texts, page_words

ROOTS = Path(__file__).parent / "roots"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


def _import(source: Path, target: Path, designation: str = "ISO/IEC DIS 99999", lang: str = "en", **kw):
    options = {"profile": None, "translation": None, "stage": None, "force": False}
    options.update(kw)
    return import_standard(source, designation=designation, lang=lang, target=target, **options)


def _tree_digest(path: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
        digest.update(str(file.stat().st_mtime_ns).encode())
    return digest.hexdigest()


def _document(text: str, lang: str = "en"):
    messages = Messages()
    parsed = parse_files([SourceFile(Path("s.md"), text)])
    doc = build_document(parsed, messages, lang, multi_file=False)
    read_terms(doc, messages)
    return doc, messages


def _built_numbers(result, slug: str) -> dict[str, object]:
    """Stable ID → Numbered for the clauses, annexes and term entries of ``slug``."""
    numbers = result.app.env.domains["standard"].numbers
    prefix = f"{slug}:"
    return {key[len(prefix):]: n for key, n in numbers.items()
            if key.startswith(prefix) and n.kind in ("clause", "term")}


# -- the pieces ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("heading", "kind", "parts", "title"), [
    ("1 Scope", "clause", (1,), "Scope"),
    ("1：范围", "clause", (1,), "范围"),
    ("1: Scope", "clause", (1,), "Scope"),
    ("2.1 - 组件记录", "clause", (2, 1), "组件记录"),
    ("3 - 要求", "clause", (3,), "要求"),
    ("3.1", "clause", (3, 1), ""),
    ("5 Requirements", "clause", (5,), "Requirements"),
    ("4.1.1 Policy", "clause", (4, 1, 1), "Policy"),
    ("1. Introduction", "clause", (1,), "Introduction"),
    ("V1 Architecture, Design and Threat Modeling", "clause", (1,), "Architecture, Design and Threat Modeling"),
    ("V1.1 Secure Software Development Lifecycle", "clause", (1, 1), "Secure Software Development Lifecycle"),
    ("Annex A (informative) Worked example", "annex", ("A",), "Worked example"),
    ("Appendix A: Glossary", "annex", ("A",), "Glossary"),
    ("附录A（规范性）计算方法", "annex", ("A",), "计算方法"),
    ("A.1 General", "annex-sub", ("A", 1), "General"),
])
def test_heading_numbers(heading, kind, parts, title):
    number = parse_heading_number(heading)
    assert (number.kind, number.parts, number.title) == (kind, parts, title)


def test_heading_number_details():
    assert parse_heading_number("V1.1 Secure").prefix == "V"
    assert parse_heading_number("Annex B (normative) Tests").obligation == "normative"
    assert parse_heading_number("附录B（资料性）").obligation == "informative"
    assert parse_heading_number("Appendix C: IoT").obligation is None
    assert parse_heading_number("4.1.2 Competence").text == "4.1.2"


@pytest.mark.parametrize("heading", ["Level 1 - First steps", "Note 1: this document is designed",
                                     "2024 changes", "4.0 changes", "3D printing", "Verification material(s):",
                                     "Control Objective", "NIST 800-63 - Modern"])
def test_headings_without_clause_numbers(heading):
    assert parse_heading_number(heading).kind == "none"


@pytest.mark.parametrize(("title", "role"), [
    ("Foreword", "foreword"), ("Preface", "foreword"), ("前言", "foreword"), ("Introduction", "introduction"),
    ("引言", "introduction"), ("规范介绍", "introduction"), ("Scope", "scope"), ("范围", "scope"),
    ("Normative references", "normative-references"), ("规范性引用文件", "normative-references"),
    ("Terms and definitions", "terms"), ("Terms, Definitions and Examples", "terms"), ("术语、定义和示例", "terms"),
    ("Bibliography", "bibliography"), ("参考文献", "bibliography"), ("Index", "index"),
    ("Frontispiece", None), ("Requirements", None), ("Verification material(s):", None),
])
def test_conventional_titles(title, role):
    assert title_role(title) == role


def test_note_and_example_labels():
    assert split_note_label("NOTE 1 Any balance may be used.") == ("NOTE 1", "Any balance may be used.")
    assert split_note_label("Note: The goal is usability.") == ("Note", "The goal is usability.")
    assert split_note_label("Note 1 to entry: When someone") == ("Note 1 to entry", "When someone")
    assert split_note_label("注：任何天平均可使用。") == ("注", "任何天平均可使用。")
    assert split_note_label("**NOTE 2** bold label") == ("NOTE 2", "bold label")
    assert split_note_label("Note that this is a sentence.") is None
    assert split_note_label("Notes: several") is None
    assert split_example_label("EXAMPLE An oven.") == ("EXAMPLE", "An oven.")
    assert split_example_label("示例：在105 °C下干燥。") == ("示例", "在105 °C下干燥。")
    assert split_example_label("示例1：") == ("示例1", "")
    assert split_example_label("Examples of use") is None


def test_ids_from_titles_and_anchors():
    ids = IdRegistry()
    assert ids.derive("Terms and definitions") == "terms-and-definitions"
    assert ids.derive("组件记录") == "zu-jian-ji-lu"
    assert ids.derive("Scope") == "scope"
    assert ids.derive("Scope") == "scope-2"  # unique within the standard
    assert ids.claim("scope") == "scope-3"
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids.taken)
    assert normalise_anchor("Ser_List") == "ser-list"
    assert normalise_anchor("1st") == "id-1st"
    assert requirement_id("1.1.1", "V") == "v1-1-1"
    assert requirement_id("C.1") == "c-1"
    assert requirement_id("6.1.1") == "req-6-1-1"


def test_ids_never_come_from_numbers():
    """The same clause keeps its ID when its number changes (a clause inserted before it)."""
    first, _ = _document("## 1 Scope\n\ntext\n\n## 2 Apparatus\n\n### 2.1 Balance\n\ntext\n")
    second, _ = _document("## 1 Scope\n\ntext\n\n## 2 General\n\ntext\n\n## 3 Apparatus\n\n### 3.1 Balance\n\ntext\n")
    from tooling.importer.writer import assign_ids

    for doc in (first, second):
        assign_ids(doc, IdRegistry(), Messages())
    ids_first = {c.plain: c.id for c in first.walk()}
    ids_second = {c.plain: c.id for c in second.walk()}
    assert ids_first["Apparatus"] == ids_second["Apparatus"] == "apparatus"
    assert ids_first["Balance"] == ids_second["Balance"] == "balance"


def test_split_title():
    assert split_title("Information technology — OpenChain Security Assurance Specification", "en") == {
        "introductory": "Information technology", "main": "OpenChain Security Assurance Specification"}
    assert split_title("Widgets — Test methods — Part 1", "en") == {
        "introductory": "Widgets", "main": "Test methods", "complementary": "Part 1"}
    assert split_title("OpenChain安全保证规范", "zh") == {"main": "OpenChain安全保证规范"}
    assert split_title("人工智能——机器学习模型——质量评价方法", "zh")["complementary"] == "质量评价方法"


def test_default_profile_and_stage():
    assert default_stage(parse_designation("ISO/IEC DIS 18974"), "iso").code == "DIS"
    assert default_stage(parse_designation("ISO/IEC 18974"), "iso").code == "WD"
    assert default_stage(parse_designation("GB/T XXXXX—XXXX"), "gb").code == "工作组讨论稿"


def test_hierarchy_follows_numbers_not_heading_levels():
    """Mixed heading levels and a skipped parent: the numbers decide; the missing parent gets a placeholder."""
    doc, messages = _document(
        "# Title\n\n## 1 Scope\n\ntext\n\n# 2 - Requirements\n\n#### 2.1 General\n\ntext\n\n"
        "#### 2.1.1 Detail\n\ntext\n\n### Rationale:\n\nwhy\n\n## 3.1 Orphan\n\ntext\n")
    numbers = [c.number for c in doc.walk()]
    assert numbers == ["1", "2", "2.1", "2.1.1", "3", "3.1"]
    detail = next(c for c in doc.walk() if c.number == "2.1.1")
    assert [b.title for b in detail.body if hasattr(b, "title")] == ["Rationale:"]  # a block, not a clause
    placeholder = next(c for c in doc.walk() if c.number == "3")
    assert placeholder.placeholder
    assert any("placeholder clause 3" in m for m in messages)


def test_term_patterns():
    doc, messages = _document(
        "## 1 Scope\n\ntext\n\n## 2 Terms and definitions\n\nintro\n\n#### 2.1\n\n**widget**\n\n**gadget**\n\n"
        "small device\n\nNote 1 to entry: Widgets vary.\n\n"
        "[SOURCE: ISO 9999:2020, 3.4, modified — note added.]\n\n"
        "### 2.2 - Software bill of materials (SBOM)\n\nlist of the parts of software\n\nA stray paragraph.\n\n"
        "#### 2.3\n\nno bold term here\n")
    terms = [c.term for c in doc.walk() if c.term is not None]
    widget, sbom = terms
    assert (widget.preferred, widget.admitted, widget.source, widget.modified) == (
        "widget", ["gadget"], "ISO 9999:2020, 3.4", "note added.")
    assert [item.inline for item in widget.body] == ["small device", "Note 1 to entry: Widgets vary."]
    assert (sbom.preferred, sbom.admitted) == ("Software bill of materials", ["SBOM"])
    assert [item.inline for item in sbom.after] == ["A stray paragraph."]
    assert any("not part of a term entry" in m for m in messages)
    assert any("2.3 of the terms clause is not a term entry" in m for m in messages)


def test_zh_term_titles():
    doc, _ = _document("## 1：范围\n\n文字。\n\n## 2：术语和定义\n\n### 2.1 - 组件记录\n\n供应商名称等数据。\n", "zh")
    (term,) = [c.term for c in doc.walk() if c.term is not None]
    assert term.preferred == "组件记录"
    assert term.body[0].inline == "供应商名称等数据。"


def test_front_matter_without_foreword_or_introduction():
    """An unknown heading with text before clause 1 becomes unnumbered front matter rather than land in clause 1."""
    doc, messages = _document("# Widgets DRAFT\n\nVersion 2.\n\n# Widgets\n\n## 1 Scope\n\ntext\n\n## 2 Other\n\nx\n")
    first = doc.clauses[0]
    assert (first.role, first.plain, first.body[0].inline) == ("foreword", "Widgets DRAFT", "Version 2.")
    assert doc.title == "Widgets"
    assert any("has no foreword or introduction" in m for m in messages)


def test_escape_myst():
    assert escape_myst("costs $5 and $10") == r"costs \$5 and \$10"
    assert escape_myst("`$x$` stays") == "`$x$` stays"
    assert escape_myst("{{name}} and {role}`x`") == r"\{{name}} and \{role}`x`"
    assert escape_myst("(label)=") == r"\(label)="
    assert escape_myst("% not a comment") == r"\% not a comment"
    assert escape_myst("{.class}") == r"\{.class}"
    assert escape_myst(":::{note}") == r"\:::{note}"
    assert escape_myst("<https://example.com/$x>") == "<https://example.com/$x>"


def test_kramdown_rfc(tmp_path):
    source = tmp_path / "draft.md"
    source.write_text(
        "---\ntitle: Sample Headers\ndocname: draft-sample-00\n---\n\n--- abstract\n\nAbstract text.\n\n"
        "--- middle\n\n# Introduction\n\nSee {{types}} and {{!RFC2119}}.\n\n## Conventions {#conv}\n\ntext\n\n"
        "# Types {#types}\n\n~~~ example\nFoo: 1\n~~~\n\n--- back\n\n# Changes\n\nnone\n")
    report = _import(source, tmp_path / "standards" / "sample", "draft-sample-00")
    assert report.metadata["title"] == {"en": {"main": "Sample Headers"}}
    folder = tmp_path / "standards" / "sample"
    names = sorted(p.name for p in folder.glob("*.md"))
    assert names == ["01-abstract.md", "02-introduction.md", "03-types.md", "04-changes.md", "index.md"]
    intro = (folder / "02-introduction.md").read_text()
    assert "See [](#types) and {cite-normative}`RFC 2119`." in intro and "(conv)=\n## Conventions" in intro
    assert "~~~text" in (folder / "03-types.md").read_text()
    assert "{.annex .informative}" in (folder / "04-changes.md").read_text()
    messages = "\n".join(report.messages)
    assert "YAML header fields not imported: docname" in messages
    assert "code block language 'example' is not known" in messages


# -- imports of the samples in tests/roots, built --------------------------------------------------------


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    root = tmp_path_factory.mktemp("import-samples")
    digest = _tree_digest(ROOTS)
    reports = {
        "widgets": _import(ROOTS / "test-import-basic" / "widgets.md", root / "standards" / "widgets",
                           date="2026-03-01"),
        "checklist": _import(ROOTS / "test-import-folder", root / "standards" / "checklist",
                             designation="ISO/IEC XXXXX", date="2026-03-01"),
        "yangpin": _import(ROOTS / "test-import-zh" / "yangpin.md", root / "standards" / "yangpin",
                           designation="GB/T XXXXX—XXXX", lang="zh", date="2026-03-01"),
    }
    assert _tree_digest(ROOTS) == digest, "the import modified its source"
    result = Project(root).sphinx("html", fresh=True)
    return root, reports, result


def test_sample_repository_created_and_builds_cleanly(samples):
    root, reports, result = samples
    assert (root / "conf.py").read_text().startswith('"""')
    assert "from tooling.config import *" in (root / "conf.py").read_text()
    assert "{std-catalogue}" in (root / "standards" / "index.md").read_text()
    assert reports["widgets"].created == [root / "conf.py", root / "standards" / "index.md"]
    assert reports["checklist"].created == []
    # the build itself is clean; drafting-rule findings about the imported text are the lint's business
    assert [w for w in result.warnings if "[stdlint." not in w] == []


def test_sample_numbers_equal_built_numbers(samples):
    _, reports, result = samples
    for slug, report in reports.items():
        built = _built_numbers(result, slug)
        assert report.numbers, slug
        for label, number in report.numbers.items():
            assert built[label].number == number, (slug, label)
    widgets = _built_numbers(result, "widgets")
    assert {label: n.number for label, n in widgets.items() if n.number} == {
        "scope": "1", "normative-references": "2", "terms-and-definitions": "3", "widget": "3.1",
        "test-piece": "3.2", "apparatus": "4", "balance": "4.1", "missing-heading": "4.2", "oven": "4.3",
        "procedure": "5", "the-widget-shall-be-weighed": "5.1", "the-widget-shall-be-dried-until": "5.2",
        "missing-heading-2": "6", "reporting": "6.1", "worked-example": "A", "general": "A.1"}
    assert {n.role for n in widgets.values() if not n.number} == {"foreword", "introduction", "bibliography"}


def test_sample_metadata_and_files(samples):
    root, reports, _ = samples
    meta = load_metadata(root / "standards" / "widgets" / "index.md")
    assert (meta.display_designation(), meta.profile, meta.language, meta.stage.code) == (
        "ISO/IEC DIS 99999", "iso", "en", "DIS")
    assert meta.draft_date == dt.date(2026, 3, 1)
    assert meta.title["en"] == {"introductory": "Widget testing", "main": "Sample methods"}
    zh = load_metadata(root / "standards" / "yangpin" / "index.md")
    assert (zh.profile, zh.stage.code, zh.title["zh"]["main"]) == ("gb", "工作组讨论稿", "小部件试验方法")
    files = reports["widgets"].files
    md = [f for f in files if f.endswith(".md") and f != "index.md"]
    assert md == sorted(md), "the files sort in reading order"
    index = (root / "standards" / "widgets" / "index.md").read_text()
    assert [line for line in index.splitlines() if re.match(r"^\d\d-", line)] == [f[:-3] for f in md]


def test_sample_written_markup(samples):
    root, reports, _ = samples
    folder = root / "standards" / "widgets"
    text = {p.name: p.read_text() for p in folder.glob("*.md")}
    terms = text["05-terms-and-definitions.md"]
    assert "(terms-and-definitions)=\n{.terms}\n# Terms and definitions\n" in terms
    assert ("(widget)=\n::::{term} widget\n:admitted: gadget\n\nsmall device under test\n\n"
            ":::{note}\n\nWidgets come in many sizes.\n:::\n::::") in terms
    assert ("(test-piece)=\n:::{term} test piece\n:source: ISO 9999:2020, 3.4\n"
            ":modified: Note 1 to entry added.\n") in terms
    apparatus = text["06-apparatus.md"]
    assert apparatus.startswith("(apparatus)=\n# Apparatus\n")  # the source's own anchor; no number
    assert ":::{note}\n\nAny calibrated balance may be used.\n:::" in apparatus
    assert ":::{block} Verification material(s):\n\n- 4.1.1: a calibration certificate.\n:::" in apparatus
    assert "(missing-heading)=\n## (no heading in the source)" in apparatus
    assert ":::{example}\n\nAn oven with forced air circulation.\n:::" in apparatus
    assert r"between \$5 and \$10" in apparatus
    assert "![Oven drawing](images/oven.png)" in apparatus and (folder / "images" / "oven.png").is_file()
    assert r"\[image not imported: Remote picture (https://example.com/remote.png)\]" in apparatus
    procedure = text["07-procedure.md"]
    assert ":::{clause}\n:name: the-widget-shall-be-weighed\n\nThe widget shall be weighed.\n:::" in procedure
    assert "| [**6.1.1**]{#req-6-1-1} | State the mass. | 1 |" in text["08-missing-heading-2.md"]
    assert text["09-worked-example.md"].startswith("(worked-example)=\n{.annex .informative}\n# Worked example\n")
    assert text["01-foreword.md"].startswith(
        "(foreword)=\n{.foreword}\n# Foreword\n\n:::{block} Note 1\n:class: editorial editorial-note\n\n"
        "this sample was written for the importer tests")
    assert not any(re.search(r"^#+ .*\b\d+(\.\d+)+\b", t, re.M) for t in text.values()), "no typed numbers"


def test_sample_reports(samples):
    _, reports, _ = samples
    messages = "\n".join(reports["widgets"].messages)
    source = str(ROOTS / "test-import-basic" / "widgets.md")
    assert f"{source}:3: heading 'Note 1' before clause 1" in messages
    assert f"{source}:55: the source has no clause 4.2 before 4.3" in messages
    assert f"{source}:61: image 'https://example.com/remote.png' is not a file" in messages
    assert f"{source}:71: the source has no heading for clause 6" in messages
    lines = [int(m.split(":")[1]) for m in reports["widgets"].messages]
    assert lines == sorted(lines), "messages in source order"
    assert reports["widgets"].terms == 2 and reports["widgets"].requirements == 2
    checklist = "\n".join(reports["checklist"].messages)
    assert "chapter 'Using the checklist' before clause 1 has no conventional front-matter title" in checklist
    assert "heading 'References' has no number but the level of clause 1.2" in checklist
    assert "annex A does not say whether it is normative or informative" in checklist


def test_sample_html(samples):
    root, _, _ = samples
    html = root / "build" / "html"
    widgets = (html / "widgets" / "06-apparatus.html").read_text()
    assert "$5 and $10" in widgets and "math" not in widgets.split("Balance", 1)[1].split("Oven", 1)[0]
    checklist = (html / "checklist" / "03-design.html").read_text()
    for rid in ("v1-1-1", "v1-1-2", "v1-2-1"):
        assert f'id="{rid}"' in checklist
    zh = (html / "yangpin" / "03-shu-yu-he-ding-yi.html").read_text()
    assert "软件物料清单" in zh and "SBOM" in zh


@pytest.mark.pdf
def test_sample_pdf_gb_profile(samples):
    root, _, _ = samples
    Project(root).sphinx("stdpdf", overrides={"std_pdf_standards": ["yangpin"]})
    report = {r["slug"]: r for r in json.loads((root / "build" / "pdf" / "pdf-report.json").read_text())}
    assert report["yangpin"]["ok"], report
    pdf = root / "build" / "pdf" / "yangpin.pdf"
    cover = re.sub(r"\s+", " ", page_texts(pdf)[0])
    for text in ("GB/T XXXXX—XXXX", "小部件试验方法", "工作组讨论稿", "本稿完成日期：2026-03-01"):
        assert text in cover, text
    _check_fonts(pdf, chinese=True)
    assert len(_check_toc(pdf)) == 8


# -- dates, options, bad input ----------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2025-06-30T12:00:00Z",
           "GIT_COMMITTER_DATE": "2025-06-30T12:00:00Z"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_draft_date_from_git_commit_else_file_date(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(ROOTS / "test-import-zh" / "yangpin.md", source / "yangpin.md")
    stamp = dt.datetime(2024, 2, 29, 23, 30, tzinfo=dt.timezone.utc).timestamp()
    os.utime(source / "yangpin.md", (stamp, stamp))
    report = _import(source / "yangpin.md", tmp_path / "a" / "standards" / "x", "GB/T XXXXX—XXXX", "zh")
    assert report.metadata["draft_date"] == "2024-02-29"
    _git(source, "init", "-q")
    _git(source, "add", "-A")
    _git(source, "commit", "-q", "-m", "x")
    report = _import(source / "yangpin.md", tmp_path / "b" / "standards" / "x", "GB/T XXXXX—XXXX", "zh")
    assert report.metadata["draft_date"] == "2025-06-30"
    assert "draft_date: git commit date" in (tmp_path / "b" / "standards" / "x" / "index.md").read_text()


def test_translation_is_imported(tmp_path):
    """``--translation`` is imported as the master's catalog (tests/test_import_translation.py tests it)."""
    report = _import(ROOTS / "test-import-zh" / "yangpin.md", tmp_path / "standards" / "x", "GB/T XXXXX—XXXX", "zh",
                     translation=ROOTS / "test-import-basic" / "widgets.md")
    assert report.translation.catalog == tmp_path / "standards" / "x" / "locales" / "en" / "LC_MESSAGES" / "x.po"
    assert report.translation.catalog.is_file()
    assert not any("not implemented" in m for m in report.messages)


def test_folder_with_yaml_headers(tmp_path):
    """Front matter of chapter files is not content (no heading made of it); only the first file's title is read."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "01.md").write_text("---\ntitle: Widget rules\nauthor: X\n---\n\n## 1 Scope\n\ntext\n")
    (source / "02.md").write_text("---\nlayout: page\n---\n\n## 2 Rules\n\ntext\n")
    report = _import(source, tmp_path / "repo" / "standards" / "rules")
    assert report.metadata["title"] == {"en": {"main": "Widget rules"}}
    assert report.numbers == {"scope": "1", "rules": "2"}
    messages = "\n".join(report.messages)
    assert f"{source / '01.md'}:1: YAML header fields not imported: author" in messages
    assert f"{source / '02.md'}:1: YAML header not imported" in messages


def test_bom_and_crlf(tmp_path):
    source = tmp_path / "bom.md"
    text = "# Sample\n\n## 1 Scope\n\nScope text.\n\n## 2 Terms and definitions\n\n### 2.1 - Widget\n\nA device.\n"
    source.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    before = source.read_bytes()
    report = _import(source, tmp_path / "repo" / "standards" / "bom")
    assert report.numbers == {"scope": "1", "terms-and-definitions": "2", "widget": "2.1"}
    assert report.metadata["title"] == {"en": {"main": "Sample"}}
    for file in (tmp_path / "repo" / "standards" / "bom").glob("*.md"):
        raw = file.read_bytes()
        assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    assert source.read_bytes() == before


def test_invalid_utf8(tmp_path):
    source = tmp_path / "bad.md"
    source.write_bytes(b"# Sample\n\n## 1 Scope\n\nbad \xff byte\n")
    with pytest.raises(ImportError_, match=re.escape(f"{source}:5: not valid UTF-8")):
        _import(source, tmp_path / "repo" / "standards" / "bad")
    assert not (tmp_path / "repo" / "standards" / "bad").exists()
    with pytest.raises(ImportError_, match=r"x\.md:1: not valid UTF-8"):
        decode_source(b"\xc3", "x.md")


def test_existing_target_needs_force(tmp_path):
    target = tmp_path / "repo" / "standards" / "widgets"
    target.mkdir(parents=True)
    (target / "keep.md").write_text("mine")
    source = ROOTS / "test-import-basic" / "widgets.md"
    with pytest.raises(ImportError_, match="exists already"):
        _import(source, target)
    assert (target / "keep.md").read_text() == "mine"
    _import(source, target, force=True)
    assert not (target / "keep.md").exists() and (target / "index.md").is_file()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")], "no staging folder left behind"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"source": "missing.md"}, "missing.md: no such file or folder"),
    ({"designation": "not a designation"}, "--designation: not a designation"),
    ({"stage": "FDIS", "designation": "GB/T XXXXX—XXXX"}, "--stage: 'FDIS' is not a stage of the gb profile"),
    ({"stage": "征求意见", "designation": "GB/T XXXXX—XXXX"}, "); did you mean 征求意见稿?"),
    ({"stage": "DSI"}, "--stage: 'DSI' is not a stage of the iso profile (one of: WD, CD, DIS, FDIS, IS); "
                       "did you mean DIS?"),
    ({"target": "elsewhere/x"}, "must be a folder standards/<slug>"),
    ({"target": "standards/Not_ASCII"}, "must be ASCII"),
    ({"date": "2026-13-01"}, "--date: '2026-13-01' is not a date"),
    ({"source": "empty"}, "empty: the folder holds no .md files"),
])
def test_bad_options(tmp_path, kwargs, message):
    (tmp_path / "empty").mkdir()
    source = tmp_path / kwargs.pop("source", str(ROOTS / "test-import-basic" / "widgets.md"))
    target = tmp_path / kwargs.pop("target", "standards/x")
    designation = kwargs.pop("designation", "ISO/IEC DIS 99999")
    with pytest.raises(ImportError_, match=re.escape(message)):
        _import(source, target, designation, **kwargs)


def test_cli_stage_typo_gets_a_hint(tmp_path):
    result = CliRunner().invoke(main, ["import", str(ROOTS / "test-import-basic" / "widgets.md"), "--designation",
                                       "GB/T XXXXX—XXXX", "--lang", "zh", "--stage", "征求意见", "--to",
                                       str(tmp_path / "standards" / "widgets")])
    assert result.exit_code == 1 and "--stage: '征求意见' is not a stage of the gb profile" in result.stderr
    assert result.stderr.rstrip().endswith("did you mean 征求意见稿?"), result.stderr
    assert not (tmp_path / "standards" / "widgets").exists()


def test_cli(tmp_path):
    runner = CliRunner()
    args = ["import", str(ROOTS / "test-import-basic" / "widgets.md"), "--designation", "ISO/IEC DIS 99999",
            "--lang", "en", "--to", str(tmp_path / "standards" / "widgets")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "imported 17 clauses, 2 term entries and 2 requirement IDs into" in result.stdout
    umask = os.umask(0)
    os.umask(umask)
    mode = (tmp_path / "standards" / "widgets").stat().st_mode & 0o777
    assert mode == 0o777 & ~umask, oct(mode)  # not the private mode of a temporary folder
    assert "placeholder clause 4.2" in result.stderr
    again = runner.invoke(main, args)
    assert again.exit_code == 1 and "exists already" in again.stderr and "Traceback" not in again.output
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"## 1 Scope\n\xfe\n")
    result = runner.invoke(main, [*args[:1], str(bad), *args[2:-1], str(tmp_path / "standards" / "bad")])
    assert result.exit_code == 1 and f"{bad}:2: not valid UTF-8" in result.stderr


# -- real standards from ../shared/corpus ------------------------------------------------------------------------

OPENCHAIN = CORPUS / "openchain-18974"
ASVS = CORPUS / "owasp-asvs-4.0.3" / "en"
SOURCES = {
    "iso-iec-18974": (OPENCHAIN / "official" / "DIS-18974-initial-en.md", "ISO/IEC DIS 18974", "en"),
    "iso-iec-18974-zh": (OPENCHAIN / "official" / "DIS-18974-initial-zh-Hans.md", "ISO/IEC DIS 18974", "zh"),
    "owasp-asvs": (ASVS, "OWASP ASVS 4.0.3", "en"),
    "openchain-2-0-rev20": (OPENCHAIN / "2.0-draft-series" / "rev20-2024-01-16-616c956.md", "ISO/IEC XXXXX", "en"),
    "structured-headers": (CORPUS / "ietf-header-structure" / "draft-ietf-httpbis-header-structure-14.md",
                           "draft-ietf-httpbis-header-structure-14", "en"),
}
PDFS = ["iso-iec-18974", "iso-iec-18974-zh", "owasp-asvs"]
_HEADING_NUMBER = re.compile(r"^#{1,6}[ \t]+(?:V(?=\d))?(\d+(?:\.\d+)*)(?=[\s:：\-]|$)[\s:：\-–—]*(.*?)\s*$", re.M)
_HEADING_ANNEX = re.compile(r"^#{1,6}[ \t]+(?:Annex|Appendix)[ \t]+([A-Z])\b", re.M)


def _source_text(source: Path) -> str:
    files = sorted(source.glob("*.md")) if source.is_dir() else [source]
    return "\n".join(f.read_text(encoding="utf-8-sig").replace("\r\n", "\n") for f in files)


def _typed_numbers(source: Path) -> dict[str, str]:
    """The numbers typed in the source's headings (read independently of the importer) → their titles."""
    text = _source_text(source)
    found = {m[1]: m[2] for m in _HEADING_NUMBER.finditer(text)}
    found.update({m[1]: "" for m in _HEADING_ANNEX.finditer(text)})
    return found


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    root = tmp_path_factory.mktemp("import-corpus")
    digest = _tree_digest(CORPUS / "openchain-18974"), _tree_digest(ASVS)
    reports = {slug: _import(path, root / "standards" / slug, designation, lang)
               for slug, (path, designation, lang) in SOURCES.items()}
    assert (_tree_digest(CORPUS / "openchain-18974"), _tree_digest(ASVS)) == digest, "the import modified its source"
    project = Project(root)
    html = project.sphinx("html", fresh=True)
    return root, reports, html


@pytest.fixture(scope="module")
def real_pdf(real):
    root, _, _ = real
    result = Project(root).sphinx("stdpdf", overrides={"std_pdf_standards": PDFS})
    report = {r["slug"]: r for r in json.loads((root / "build" / "pdf" / "pdf-report.json").read_text())}
    return root, result, report


@pytest.mark.corpus
@needs_corpus
def test_real_imports_build_without_warnings(real):
    _, _, html = real
    assert [w for w in html.warnings if "[stdlint." not in w] == []


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize("slug", ["iso-iec-18974", "iso-iec-18974-zh", "owasp-asvs"])
def test_real_typed_numbers_equal_built_numbers(real, slug):
    """Every number typed in a source heading is the number our build computes, for the same title."""
    _, reports, html = real
    typed = _typed_numbers(SOURCES[slug][0])
    built = _built_numbers(html, slug)
    by_number = {n.number: n for n in built.values() if n.number}
    assert sorted(by_number) == sorted(typed)
    assert len(by_number) == len([n for n in built.values() if n.number]), "no number twice"
    for number, title in typed.items():
        if title and by_number[number].kind == "clause":
            expected = re.sub(r"['’]", "'", title)
            assert re.sub(r"['’]", "'", by_number[number].title) == expected, number
    for label, number in reports[slug].numbers.items():
        assert built[label].number == number, label


@pytest.mark.corpus
@needs_corpus
def test_real_openchain_en(real):
    root, reports, html = real
    report = reports["iso-iec-18974"]
    built = _built_numbers(html, "iso-iec-18974")
    clauses = [n for n in built.values() if n.kind == "clause"]
    terms = [n for n in built.values() if n.kind == "term"]
    assert (report.clauses, report.terms) == (21, 14)
    assert len(clauses) == 21 and len(terms) == 14
    assert [n.number for n in clauses if "." not in n.number] == ["", "1", "2", "3", "4", ""]
    assert [n.role for n in clauses if "." not in n.number] == [
        "introduction", "scope", "normative-references", "terms", None, "bibliography"]
    assert built["common-vulnerabilities-and-exposures"].number == "3.3"
    assert report.metadata["title"] == {"en": {"introductory": "Information technology",
                                               "main": "OpenChain Security Assurance Specification"}}
    assert report.metadata["stage"] == "DIS"
    source = SOURCES["iso-iec-18974"][0]
    assert report.metadata["draft_date"] == dt.datetime.fromtimestamp(
        source.stat().st_mtime, tz=dt.timezone.utc).date().isoformat()
    messages = "\n".join(report.messages)
    for line in (3, 5, 7, 9, 11, 13):  # the editorial notes before the introduction: reported …
        assert f"{source}:{line}: heading 'Note " in messages
    intro = (root / "build" / "html" / "iso-iec-18974" / "01-introduction.html").read_text()
    assert "this document is designed to closely follow the formatting" in intro  # … and kept
    terms_html = (root / "build" / "html" / "iso-iec-18974" / "04-terms-and-definitions.html").read_text()
    assert "CVE" in terms_html and "Note 1 to entry" in terms_html  # admitted term; the build's label
    assert f"{source}:183: heading 'Verification material(s):' has no number" in messages
    requirements = (root / "standards" / "iso-iec-18974" / "05-requirements.md").read_text()
    assert requirements.count("{block} Rationale:") == 11


@pytest.mark.corpus
@needs_corpus
def test_real_openchain_zh(real):
    _, reports, html = real
    report = reports["iso-iec-18974-zh"]
    built = _built_numbers(html, "iso-iec-18974-zh")
    assert report.metadata["title"] == {"zh": {"main": "OpenChain安全保证规范"}}
    assert built["fan-wei"].number == "1" and built["fan-wei"].role == "scope"
    assert built["zu-jian-ji-lu"].kind == "term" and built["zu-jian-ji-lu"].number == "2.1"
    assert built["ruan-jian-wu-liao-qing-dan"].title == "软件物料清单"
    assert built["gui-fan-jie-shao"].role == "introduction"
    assert all(re.fullmatch(r"[a-z0-9-]+", label) for label in built)
    assert report.terms == 14


@pytest.mark.corpus
@needs_corpus
def test_real_asvs(real):
    root, reports, html = real
    report = reports["owasp-asvs"]
    built = _built_numbers(html, "owasp-asvs")
    top = [n for n in built.values() if n.kind == "clause" and n.parent is None]
    assert [n.number for n in top] == ["", "", "", ""] + [str(i) for i in range(1, 15)] + ["A", "B", "C"]
    assert [n.title for n in top[:4]] == ["Frontispiece", "Preface", "Using the ASVS", "Assessment and Certification"]
    assert {n.role for n in top[:4]} == {"foreword"}
    assert report.metadata["title"] == {"en": {"main": "Application Security Verification Standard 4.0.3"}}
    messages = "\n".join(report.messages)
    assert "chapter 'Frontispiece' before clause 1 has no conventional front-matter title" in messages
    assert "image '../images/license.png' lies outside the source folder" in messages
    # every requirement row is addressable by its ID
    text = _source_text(ASVS)
    typed = re.findall(r"^\|\s*\*\*(\d+\.\d+\.\d+|C\.\d+)\*\*\s*\|", text, re.M)
    assert len(typed) == report.requirements >= 286
    pages = "".join(p.read_text() for p in (root / "build" / "html" / "owasp-asvs").glob("*.html"))
    for number in typed:
        rid = ("v" + number if number[0].isdigit() else number).lower().replace(".", "-")
        assert f'id="{rid}"' in pages, number
    control = (root / "standards" / "owasp-asvs" / "05-architecture-design-and-threat-modeling.md").read_text()
    assert "{block} Control Objective" in control


@pytest.mark.corpus
@needs_corpus
def test_real_draft_and_kramdown(real):
    root, reports, html = real
    rev20 = reports["openchain-2-0-rev20"]
    assert any("the source has no heading for clause 2 (parent of 2.1)" in m for m in rev20.messages)
    built = _built_numbers(html, "openchain-2-0-rev20")
    assert built["missing-heading"].number == "2" and built["remediate"].number == "2.7"
    assert not any("Traceback" in m for m in reports["structured-headers"].messages)
    built = _built_numbers(html, "structured-headers")
    assert built["strict"].number == "1.1"  # the source's own anchor {#strict}
    assert built["abstract"].role == "foreword"
    assert [n.number for n in built.values() if n.role == "annex"] == ["A", "B", "C", "D"]
    intro = (root / "standards" / "structured-headers" / "02-introduction.md").read_text()
    assert "[](#specify) describes" in intro and "{cite-normative}`RFC 2119`" in intro


@pytest.mark.corpus
@pytest.mark.pdf
@needs_corpus
def test_real_pdfs_render(real_pdf):
    _, result, report = real_pdf
    for slug in PDFS:
        assert report[slug]["ok"], report[slug]
    assert result.errors == []


@pytest.mark.corpus
@pytest.mark.pdf
@needs_corpus
@pytest.mark.parametrize(("slug", "texts"), [
    ("iso-iec-18974", ["ISO/IEC DIS 18974", "Draft International Standard",
                       "Information technology — OpenChain Security Assurance Specification"]),
    ("iso-iec-18974-zh", ["ISO/IEC DIS 18974", "国际标准草案", "OpenChain安全保证规范"]),
    ("owasp-asvs", ["OWASP ASVS 4.0.3", "Application Security Verification Standard 4.0.3"]),
])
def test_real_pdf_cover(real_pdf, slug, texts):
    root, _, _ = real_pdf
    cover = re.sub(r"\s+", " ", page_texts(root / "build" / "pdf" / f"{slug}.pdf")[0])
    for text in texts:
        assert text in cover, text




@pytest.mark.corpus
@pytest.mark.pdf
@needs_corpus
@pytest.mark.parametrize("slug", ["iso-iec-18974", "iso-iec-18974-zh", "owasp-asvs"])
def test_real_pdf_toc_page_numbers(real_pdf, slug):
    root, _, _ = real_pdf
    entries = _check_toc(root / "build" / "pdf" / f"{slug}.pdf")
    assert len(entries) >= {"iso-iec-18974": 10, "iso-iec-18974-zh": 8, "owasp-asvs": 100}[slug]


@pytest.mark.corpus
@pytest.mark.pdf
@needs_corpus
@pytest.mark.parametrize("slug", PDFS)
def test_real_pdf_fonts(real_pdf, slug):
    root, _, _ = real_pdf
    _check_fonts(root / "build" / "pdf" / f"{slug}.pdf", chinese=slug.endswith("-zh"))


# -- PDF checks -------------------------------------------------------------------------------------------------


def _check_fonts(pdf: Path, chinese: bool) -> None:
    """Every font embedded; Chinese text set in Noto CJK SC, never a JP/KR/TC/HK variant."""
    rows = fonts(pdf)
    assert rows and all(r["emb"] for r in rows), rows
    names = " ".join(r["name"] for r in rows)
    assert not re.search(r"CJK-?(JP|KR|TC|HK)", names, re.I), names
    if chinese:
        assert re.search(r"Noto-(Serif|Sans)-CJK-SC", names), names


def _page_lines(pdf: Path) -> list[list[str]]:
    """Every page's lines of text, rebuilt from word boxes; the draft watermark (tall rotated letters) left out."""
    _, pages = page_words(pdf)
    result = []
    for words in pages:
        rows: dict[int, list] = {}
        for word in words:
            if word.y_max - word.y_min > 30:  # watermark letters are set at 48 pt
                continue
            key = next((k for k in rows if abs(k - word.y_min) < 3), round(word.y_min))
            rows.setdefault(key, []).append(word)
        result.append([" ".join(w.text for w in sorted(rows[k], key=lambda w: w.x_min)) for k in sorted(rows)])
    return result


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _check_toc(pdf: Path) -> list[tuple[str, str]]:
    """Each table-of-contents entry's page number is the label of the first page after the contents
    where its heading stands at the start of a line (a heading may wrap onto the next lines)."""
    pages = _page_lines(pdf)
    labels = page_labels(pdf)
    entry = re.compile(r"^(\S.*?)(?:\s*\.){3,}\s*([0-9]+|[IVXLC]+)$")
    first = next((i for i, lines in enumerate(pages) if any(re.fullmatch(r"Contents|目\s*次", line) for line in lines)),
                 None)
    assert first is not None, "no table of contents"
    toc_pages = [first]
    while toc_pages[-1] + 1 < len(pages) and sum(bool(entry.match(line)) for line in pages[toc_pages[-1] + 1]) >= 3:
        toc_pages.append(toc_pages[-1] + 1)  # the contents go on
    entries: list[tuple[str, str]] = []
    pending = ""
    for index in toc_pages:
        lines = pages[index]
        start = next((i for i, line in enumerate(lines) if re.fullmatch(r"Contents|目\s*次", line)), 0) + 1
        for line in lines[start:]:
            m = entry.match(line)
            if m:
                entries.append(((pending + " " + m[1]).strip(), m[2]))
                pending = ""
            elif not re.fullmatch(r"[IVXLC0-9]+", line):
                pending = (pending + " " + line).strip()
    after = toc_pages[-1] + 1
    starts = [["".join(_compact(line) for line in lines[i:i + 4]) for i in range(len(lines))] for lines in pages]
    for title, folio in entries:
        key = _compact(title)
        page = next((p for p in range(after, len(pages)) if any(s.startswith(key) for s in starts[p])), None)
        assert page is not None, f"heading {title!r} not found in {pdf.name}"
        assert labels[page] == folio, f"{pdf.name}: {title!r} listed on page {folio}, printed on page {labels[page]}"
    return entries


# -- the source must be in the language --lang gives -------------------------------------------------------------

GERMAN = ("# Anforderungen\n\n## 1 Anwendungsbereich\n\n" + " ".join(
    ["Die Organisation muss für jede Komponente der Software eine Liste der bekannten Schwachstellen führen, "
     "und der Prozess ist mit den Beteiligten abzustimmen, die für die Sicherheit der Lieferung zuständig sind."]
    * 6) + "\n")


@pytest.mark.parametrize(("source", "lang", "expected"), [
    ("test-import-zh/yangpin.md", "en", "is not written in English: it looks like Chinese (Chinese characters make "),
    ("test-import-pair-basic/zh.md", "en", "is not written in English: it looks like Chinese"),
    ("test-import-basic/widgets.md", "zh", "is not written in Chinese: it has no Chinese characters (204 Latin words); "
                                           "it looks like English; if it is in English, give --lang en"),
    ("test-import-folder", "zh", "is not written in Chinese: it has no Chinese characters"),
])
def test_a_source_not_in_the_language_of_lang_is_refused(tmp_path, source, lang, expected):
    path = ROOTS / source
    target = tmp_path / "standards" / "x"
    with pytest.raises(ImportError_, match=re.escape(f"--lang {lang}: {path} {expected}")):
        _import(path, target, lang=lang)
    assert not target.exists() and not (tmp_path / "conf.py").exists()  # nothing written
    if lang == "en":
        with pytest.raises(ImportError_, match=r"; if it is in Chinese, give --lang zh$"):
            _import(path, target, lang=lang)


def test_cli_refuses_a_chinese_source_given_as_english(tmp_path):
    source = ROOTS / "test-import-zh" / "yangpin.md"
    target = tmp_path / "standards" / "x"
    result = CliRunner().invoke(main, ["import", str(source), "--designation", "ISO/IEC 18974", "--lang", "en",
                                       "--to", str(target)])
    assert result.exit_code == 1, result.output
    assert f"Error: --lang en: {source} is not written in English: it looks like Chinese" in result.stderr
    assert "give --lang zh" in result.stderr and "Traceback" not in result.output
    assert not target.exists()


def test_a_german_source_is_neither_english_nor_chinese(tmp_path):
    source = tmp_path / "de.md"
    source.write_text(GERMAN, encoding="utf-8")
    for lang, expected in (("en", "is not written in English: it looks like German (der, die, "),
                           ("zh", "is not written in Chinese: it has no Chinese characters (")):
        with pytest.raises(ImportError_, match=re.escape(f"--lang {lang}: {source} {expected}")) as caught:
            _import(source, tmp_path / "standards" / "x", lang=lang)
        assert "it looks like German" in str(caught.value)
        assert str(caught.value).endswith("a source is imported in Chinese (--lang zh) or English (--lang en)")


def test_a_short_source_is_not_judged(tmp_path):
    """Under 50 words (Chinese characters and Latin words) a text is too short to tell its language."""
    source = tmp_path / "short.md"
    source.write_text("# 范围\n\n## 1 范围\n\n本文件规定了样品的要求。\n", encoding="utf-8")
    report = _import(source, tmp_path / "standards" / "x", lang="en")
    assert report.clauses >= 1


@pytest.mark.parametrize(("source", "lang"), [
    ("test-import-basic/widgets.md", "en"), ("test-import-folder", "en"), ("test-import-zh/yangpin.md", "zh"),
    ("test-import-pair-basic/en.md", "en"), ("test-import-pair-basic/zh.md", "zh"),
])
def test_a_source_in_the_language_of_lang_is_imported(tmp_path, source, lang):
    assert _import(ROOTS / source, tmp_path / "standards" / "x", lang=lang).clauses


@pytest.mark.corpus
@needs_corpus
@pytest.mark.parametrize(("name", "lang", "expected"), [
    ("1.1-zh-Hans.md", "en", "it looks like Chinese (Chinese characters make 98% of its words); if it is in Chinese, "
                             "give --lang zh"),
    ("1.1-de.md", "en", "it looks like German (die, der, und, ein … make 26% of its words"),
    ("1.1-en.md", "zh", "it has no Chinese characters (2527 Latin words); it looks like English; if it is in English, "
                        "give --lang en"),
])
def test_real_sources_in_another_language_are_refused(tmp_path, name, lang, expected):
    source = OPENCHAIN / "official" / name
    result = CliRunner().invoke(main, ["import", str(source), "--designation", "ISO/IEC 18974", "--lang", lang,
                                       "--to", str(tmp_path / "standards" / "x")])
    assert result.exit_code == 1, result.output
    assert f"--lang {lang}: {source} is not written in " in result.stderr and expected in result.stderr, result.stderr
    assert not (tmp_path / "standards").exists()


@pytest.mark.corpus
@needs_corpus
def test_real_sources_pass_the_language_check():
    """Every corpus source the tests import passes the check of its language (and fails the other's)."""
    from tooling.importer.source import read_source
    from tooling.importer.translation import check_source_language

    sources = [(path, lang) for path, _, lang in SOURCES.values()]
    sources += [(OPENCHAIN / "official" / "1.1-en.md", "en"), (OPENCHAIN / "official" / "1.1-zh-Hans.md", "zh"),
                (OPENCHAIN / "official" / "DIS-18974-initial-zh-Hant.md", "zh"),
                (CORPUS / "owasp-asvs-4.0.3" / "zh-cn", "zh")]
    sources += [(path, "en") for path in sorted((CORPUS / "ietf-header-structure").glob("*.md"))]
    sources += [(path, "en") for path in sorted((OPENCHAIN / "2.0-draft-series").glob("*.md"))]
    for path, lang in sources:
        files = read_source(path)
        check_source_language(path, files, lang)
        with pytest.raises(ImportError_):
            check_source_language(path, files, "zh" if lang == "en" else "en")
