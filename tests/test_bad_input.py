"""Bad input gets ``file:line`` and a clear message, never a traceback, and nothing in standards/ is modified."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tooling.model.designation import DesignationError, parse_designation
from tooling.model.metadata import MetadataError, parse_metadata
from tooling.project import Project

from .conftest import build_problems, make_repository

GOOD = """\
---
designation: GB/T XXXXX—XXXX
profile: gb
language: zh
stage: 征求意见稿
draft_date: 2026-11-20
title:
  zh: {main: 测试}
---
"""


def _problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(MetadataError) as info:
        parse_metadata(text, "standards/x/index.md", "x")
    assert str(info.value).startswith("standards/x/index.md:")
    return info.value.problems


def test_valid_metadata_parses():
    meta = parse_metadata(GOOD, "index.md", "x")
    assert meta.display_designation() == "GB/T XXXXX—XXXX"
    assert meta.edition_name == "draft-for-comments-2026-11-20"


@pytest.mark.parametrize(("change", "line", "message"), [
    (("stage: 征求意见稿", "stage: CD"), 5, "'CD' is not a stage of the gb profile"),
    (("draft_date: 2026-11-20", "draft_date: 2026-13-40"), 6, "is not a calendar date"),
    (("draft_date: 2026-11-20", "draft_date: 20 Nov"), 6, "not a date in the form YYYY-MM-DD"),
    (("language: zh", "language: fr"), 4, "'fr' is not one of: zh, en"),
    (("profile: gb", "profile: gb\ncolour: red"), 4, "unknown metadata field 'colour'"),
    (("designation: GB/T XXXXX—XXXX", "designation: Standard 12"), 2, "not a designation"),
    (("  zh: {main: 测试}", "  zh: {title: 测试}"), 8, "unknown metadata field 'title.zh.title'"),
    (("draft_date: 2026-11-20\n", ""), 5, "needs the completion date of the draft"),
])
def test_metadata_errors_name_the_line(change, line, message):
    problems = _problems(GOOD.replace(*change))
    assert any(message in text and at == line for at, text in problems), problems


def test_designation_family_must_match_the_profile():
    (line, text), = _problems(GOOD.replace("GB/T XXXXX—XXXX", "ISO 9001:2015"))
    assert line == 2 and "is not a GB designation, but the profile is 'gb'" in text
    consortium = parse_metadata(GOOD.replace("GB/T XXXXX—XXXX", "OWASP ASVS 4.0.3"), "index.md", "x")
    assert consortium.display_designation() == "OWASP ASVS 4.0.3"


def test_malformed_yaml_and_missing_front_matter():
    (line, text), = _problems(GOOD.replace("title:\n", "title: [\n"))
    assert "malformed YAML" in text and line >= 8
    (line, text), = _problems("# No metadata\n")
    assert line == 1 and "no front matter" in text


def test_implementation_before_issue():
    text = GOOD.replace("stage: 征求意见稿", "stage: published").replace(
        "draft_date: 2026-11-20", "issued: 2026-05-01\nimplemented: 2026-04-01")
    problems = _problems(text)
    assert any("before the issue date" in t for _, t in problems)


@pytest.mark.parametrize(("written", "gb", "iso"), [
    ("GB/T 1.1-2020", "GB/T 1.1—2020", "GB/T 1.1:2020"),
    ("GB/T 1.1—2020", "GB/T 1.1—2020", "GB/T 1.1:2020"),
    ("GB/T XXXXX—XXXX", "GB/T XXXXX—XXXX", "GB/T XXXXX—XXXX"),
    ("ISO/IEC 18974:2023", "ISO/IEC 18974:2023", "ISO/IEC 18974:2023"),
    ("ISO/IEC DIS 18974", "ISO/IEC DIS 18974", "ISO/IEC DIS 18974"),
    ("ISO 9001-2:2015", "ISO 9001-2:2015", "ISO 9001-2:2015"),
    ("ISO 1234:—", "ISO 1234:—", "ISO 1234:—"),
    ("YD/T 3456-2019", "YD/T 3456—2019", "YD/T 3456:2019"),
])
def test_designations(written, gb, iso):
    designation = parse_designation(written)
    assert designation.format("gb") == gb
    assert designation.format("iso") == iso


def test_designation_parts():
    d = parse_designation("GB/T 20000.1-2014")
    assert (d.prefix, d.number, d.part, d.year) == ("GB/T", "20000", ("1",), "2014")
    d = parse_designation("ISO/IEC DIS 18974")
    assert (d.prefix, d.stage, d.number, d.year, d.dated) == ("ISO/IEC", "DIS", "18974", None, False)
    with pytest.raises(DesignationError, match="expected forms such as"):
        parse_designation("18974")


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def repo(tmp_path):
    return make_repository(tmp_path, "numbering")


def _build(repo: Path):
    before = _digest(repo / "standards")
    result = Project(repo).sphinx("html", fresh=True)
    assert _digest(repo / "standards") == before, "the build modified the sources"
    assert not any("Traceback" in w or "Exception" in w for w in result.warnings), result.warnings
    return result


def test_invalid_metadata_is_reported_and_the_other_standard_builds(repo):
    index = repo / "standards" / "beta" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("stage: CD", "stage: 送审稿"), encoding="utf-8")
    result = _build(repo)
    assert any(re.search(r"standards/beta/index\.md:5: ERROR: invalid metadata: stage: '送审稿' is not a stage "
                         r"of the iso profile", w) for w in result.warnings), result.warnings
    assert (repo / "build" / "html" / "alpha" / "clauses.html").is_file()
    assert "图A.1" in (repo / "build" / "html" / "alpha" / "annex.html").read_text(encoding="utf-8")


def test_unknown_directive_option(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8").replace(":alt: 流程", ":alt: 流程\n:colour: red"),
                    encoding="utf-8")
    result = _build(repo)
    assert any("alpha/clauses.md:16" in w and "Unknown option key: 'colour'" in w for w in result.warnings), \
        result.warnings


def test_duplicate_id_names_both_places(repo):
    path = repo / "standards" / "alpha" / "annex.md"
    path.write_text(path.read_text(encoding="utf-8").replace("(annex-table)=", "(general)="), encoding="utf-8")
    result = _build(repo)
    assert any("alpha/annex.md" in w and "duplicate label alpha:general" in w and "alpha/clauses.md" in w
               for w in result.warnings), result.warnings


def test_image_outside_the_repository_and_network_url(repo, tmp_path):
    (tmp_path / "outside.svg").write_text((repo / "standards" / "alpha" / "images" / "flow.svg").read_text())
    path = repo / "standards" / "alpha" / "clauses.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("images/flow.svg", "../../../outside.svg", 1)
    text += "\n![远程](https://example.org/tracker.png)\n"
    path.write_text(text, encoding="utf-8")
    result = _build(repo)
    assert any("alpha/clauses.md:14" in w and "lies outside the repository" in w for w in result.warnings), \
        result.warnings
    assert any("alpha/clauses.md" in w and "network and data URLs are not fetched" in w for w in result.warnings)
    html = (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    assert "example.org/tracker.png" not in html
    assert "outside.svg" not in re.sub(r"\[[^\]]*outside\.svg\]", "", html)


@pytest.mark.parametrize("directive", ["include", "literalinclude"])
def test_include_outside_the_repository(repo, tmp_path, directive):
    (tmp_path / "secret.md").write_text("SECRET TEXT\n")
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n```{{{directive}}} ../../../secret.md\n```\n",
                    encoding="utf-8")
    result = _build(repo)
    assert any("alpha/clauses.md:29" in w and "lies outside the repository" in w for w in result.warnings), \
        result.warnings
    assert "SECRET TEXT" not in (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")


def test_raw_html_is_shown_as_text_not_passed_through(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n\n<!-- a comment -->\n",
                    encoding="utf-8")
    result = _build(repo)
    assert any("raw HTML is not allowed" in w and "alpha/clauses.md" in w for w in result.warnings)
    html = (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text


def test_bom_and_crlf_are_handled_transparently(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    index = repo / "standards" / "alpha" / "index.md"
    index.write_bytes(b"\xef\xbb\xbf" + index.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    result = _build(repo)
    assert build_problems(result.warnings) == []
    html = (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    assert "见第2章" in re.sub(r"<[^>]+>", "", html)


def test_invalid_utf8_names_the_line(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    data = path.read_bytes().replace("本文件规定了编号".encode(), b"\xff\xfe bad")
    path.write_bytes(data)
    result = _build(repo)
    assert any("alpha/clauses.md:5" in w and "not valid UTF-8 (byte 0xff)" in w for w in result.warnings), \
        result.warnings
    assert (repo / "build" / "html" / "alpha" / "annex.html").is_file(), "the rest still builds"
