"""Bad input gets ``file:line`` and a clear message, never a traceback, and nothing in standards/ is modified."""

from __future__ import annotations

import hashlib
import re
import shutil
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
    (("stage: 征求意见稿", "stage: 征求意见"), 5, "'征求意见' is not a stage of the gb profile (one of: 工作组讨论稿, "
                                               "征求意见稿, 送审稿, 报批稿, published); did you mean 征求意见稿?"),
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
    assert any(re.search(r"alpha/annex\.md:\d+: ERROR: duplicate ID 'general': used at standards/alpha/clauses\.md:"
                         r"\d+ and standards/alpha/annex\.md:\d+", w) for w in result.warnings), result.warnings
    assert not any("duplicate label" in w for w in result.warnings), "reported once, by the clearer message"


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


# -- build problems are findings, reported the same on every run (B5–B10) ----------------------------------------------

def _std(repo: Path, *args: str):
    from click.testing import CliRunner

    from tooling.cli import main

    return CliRunner().invoke(main, ["--root", str(repo), *args], catch_exceptions=False)


def _lint_json(repo: Path) -> tuple[int, dict]:
    import json

    result = _std(repo, "lint", "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def _build_codes(data: dict) -> list[tuple[str, str, int | None]]:
    """``(code, file, line)`` of the findings that are build problems (their code has a dot: ``std.include``)."""
    return sorted((f["code"], f["file"], f["line"]) for f in data["findings"] if "." in f["code"])


def test_circular_include_is_an_error_and_the_rest_builds(repo):
    parts = repo / "standards" / "alpha" / "parts"
    parts.mkdir()
    (parts / "a.md").write_text("甲。\n\n```{include} b.md\n```\n", encoding="utf-8")
    (parts / "b.md").write_text("乙。\n\n```{include} a.md\n```\n", encoding="utf-8")
    (parts / "self.md").write_text("丙。\n\n```{include} self.md\n```\n", encoding="utf-8")
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```{include} parts/a.md\n```\n\n```{include} parts/self.md\n"
                    "```\n", encoding="utf-8")
    result = _build(repo)  # no RecursionError
    circles = [w for w in result.warnings if "circular include" in w]
    assert any(re.search(r"alpha/parts/b\.md:3: ERROR: circular include: a\.md → b\.md → a\.md", w) for w in circles)
    assert any(re.search(r"alpha/parts/self\.md:3: ERROR: circular include: self\.md → self\.md", w) for w in circles)
    assert len(circles) == 2, circles  # once each, whichever document leads into the circle
    assert not any("no title" in w for w in result.warnings), "included fragments need no heading"
    html = re.sub(r"<[^>]+>", "", (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8"))
    assert "甲。" in html and "乙。" in html and "丙。" in html  # each file included once
    assert (repo / "build" / "html" / "beta" / "body.html").is_file(), "the other standard still builds"
    status, data = _lint_json(repo)
    assert status == 1 and data["summary"]["failed"]
    assert ("std.include", "standards/alpha/parts/b.md", 3) in _build_codes(data)


def test_nested_include_paths_are_relative_to_the_including_file(repo):
    parts = repo / "standards" / "alpha" / "parts"
    (parts / "deeper").mkdir(parents=True)
    (parts / "outer.md").write_text("外层。\n\n```{include} deeper/inner.md\n```\n", encoding="utf-8")
    (parts / "deeper" / "inner.md").write_text("内层。\n", encoding="utf-8")
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```{include} parts/outer.md\n```\n", encoding="utf-8")
    result = _build(repo)
    assert not [w for w in build_problems(result.warnings) if "std.include" in w or "not found" in w], \
        result.warnings
    html = re.sub(r"<[^>]+>", "", (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8"))
    assert "外层。" in html and "内层。" in html


def test_absolute_include_and_image_paths_are_refused(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```{include} /etc/passwd\n```\n\n![口令](/etc/passwd)\n",
                    encoding="utf-8")
    result = _build(repo)
    assert any(re.search(r"alpha/clauses\.md:29: ERROR: include '/etc/passwd': absolute paths are not allowed \(a "
                         r"path is relative to the including file and stays inside the repository\)", w)
               for w in result.warnings), result.warnings
    assert any(re.search(r"alpha/clauses\.md:32: ERROR: image '/etc/passwd': absolute paths are not allowed", w)
               for w in result.warnings), result.warnings
    assert not any("CRITICAL" in w or "not readable" in w or "file not found" in w for w in result.warnings)


@pytest.mark.parametrize(("change", "line", "message"), [
    (("title:\n", "title: [\n"), r"\d+", "malformed YAML"),
    (("profile: gb", "profile: gb\ncolour: red"), "4", "unknown metadata field 'colour'"),
    (("stage: 征求意见稿", "stage: CD"), "5", "'CD' is not a stage of the gb profile"),
])
def test_lint_reports_invalid_metadata_in_every_format(repo, change, line, message):
    import json

    index = repo / "standards" / "alpha" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    result = _build(repo)
    problems = [w for w in build_problems(result.warnings) if "alpha/" in w]
    assert len(problems) == 1, problems  # once (no MyST "Malformed YAML"), no follow-on "undefined label"
    assert re.search(rf"alpha/index\.md:{line}: ERROR: invalid metadata: .*{re.escape(message)}", problems[0])
    text = _std(repo, "lint")
    assert text.exit_code == 1
    assert re.search(rf"^standards/alpha/index\.md:{line}: std\.metadata error invalid metadata: .*"
                     rf"{re.escape(message)}", text.stdout, re.M), text.stdout
    status, data = _lint_json(repo)
    assert status == 1 and data["summary"]["failed"] is True
    assert data["summary"]["by_code"]["std.metadata"] == 1 and data["summary"]["by_severity"]["error"] >= 1
    entry = next(f for f in data["findings"] if f["code"] == "std.metadata")
    assert (entry["file"], entry["severity"], entry["standard"]) == ("standards/alpha/index.md", "error", "alpha")
    assert re.fullmatch(line, str(entry["line"]))
    sarif = json.loads(_std(repo, "lint", "--format", "sarif").stdout)
    hit = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "std.metadata")
    assert hit["level"] == "error" and message in hit["message"]["text"] and "ruleIndex" not in hit


def test_other_build_errors_are_lint_findings(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8").replace(":alt: 流程", ":alt: 流程\n:colour: red"),
                    encoding="utf-8")
    beta = repo / "standards" / "beta" / "body.md"
    beta.write_bytes(beta.read_bytes() + b"\n\xff\xfe bad\n")
    _, data = _lint_json(repo)
    codes = {(code, file) for code, file, _ in _build_codes(data)}
    assert ("myst.directive_parse", "standards/alpha/clauses.md") in codes or \
        any(code.startswith(("myst", "docutils")) and file == "standards/alpha/clauses.md" for code, file in codes), codes
    assert ("std.encoding", "standards/beta/body.md") in codes, codes


def test_every_run_reports_the_same_problems(repo, tmp_path):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```{include} ../../../../etc/passwd\n```\n",
                    encoding="utf-8")
    first = _lint_json(repo)
    second = _lint_json(repo)  # incremental: nothing is read again
    assert first == second
    status, data = first
    assert status == 1 and data["summary"]["failed"] is True
    assert ("std.include", "standards/alpha/clauses.md", 29) in _build_codes(data)
    for _ in range(2):
        build = _std(repo, "build")
        assert build.exit_code == 1
        assert re.search(r"alpha/clauses\.md:29: ERROR: include '\.\./\.\./\.\./\.\./etc/passwd' lies outside the "
                         r"repository", build.output), build.output
    # a parallel build keeps them too (the records of the reader processes)
    other = tmp_path / "parallel"
    shutil.copytree(repo, other, ignore=shutil.ignore_patterns("build"))
    Project(other).sphinx("html", fresh=True, jobs=2)
    assert ("std.include", "standards/alpha/clauses.md", 29) in _build_codes(_lint_json(other)[1])


def test_fixing_the_metadata_reads_the_whole_standard_again(repo, tmp_path):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n盖子必须锁定。\n", encoding="utf-8")  # a VF001 finding
    fresh = tmp_path / "fresh"
    shutil.copytree(repo, fresh)
    index = repo / "standards" / "alpha" / "index.md"
    good = index.read_text(encoding="utf-8")
    index.write_text(good.replace("designation: GB/T XXXXX—XXXX", "designation: Standard 12"), encoding="utf-8")
    _build(repo)
    index.write_text(good, encoding="utf-8")  # only index.md changes
    Project(repo).sphinx("html")
    incremental = _lint_json(repo)
    assert incremental == _lint_json(fresh)
    assert any(f["code"] == "VF001" and f["file"] == "standards/alpha/clauses.md" for f in incremental[1]["findings"])


def test_duplicate_id_is_a_lint_error_and_listed_by_ids_check(repo):
    path = repo / "standards" / "alpha" / "annex.md"
    path.write_text(path.read_text(encoding="utf-8").replace("(annex-table)=", "(general)="), encoding="utf-8")
    status, data = _lint_json(repo)
    assert status == 1
    duplicate = next(f for f in data["findings"] if f["code"] == "std.duplicate-id")
    assert duplicate["severity"] == "error" and duplicate["file"] == "standards/alpha/annex.md"
    assert re.search(r"used at standards/alpha/clauses\.md:\d+ and standards/alpha/annex\.md:\d+",
                     duplicate["message"])
    check = _std(repo, "ids", "--check")
    assert check.exit_code == 1
    assert re.search(r"^standards/alpha/annex\.md:\d+: duplicate ID 'general': used at standards/alpha/clauses\.md",
                     check.stdout, re.M), check.output


def test_reference_to_a_missing_target_is_an_error(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n见[](#no-such-id)和{ref}`no-such-label`。\n",
                    encoding="utf-8")
    result = _build(repo)
    missing = [w for w in result.warnings if "no-such" in w]
    assert any(re.search(r"alpha/clauses\.md:29: ERROR: reference to a missing target 'no-such-id': no element of "
                         r"alpha has this ID", w) for w in missing), missing
    assert any("'no-such-label'" in w and "ERROR" in w for w in missing), missing
    assert len(missing) == 2, missing  # not repeated by MyST's or Sphinx's own warning
    status, data = _lint_json(repo)
    assert status == 1
    assert ("std.missing-target", "standards/alpha/clauses.md", 29) in _build_codes(data)


def test_documents_without_a_heading_and_headings_of_seven_levels(repo):
    folder = repo / "standards" / "alpha"
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "front.md").write_text("---\norphan: false\n---\n", encoding="utf-8")
    index = folder / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("clauses\n", "clauses\nempty\nfront\n"),
                     encoding="utf-8")
    path = folder / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n####### 第七级\n", encoding="utf-8")
    result = _build(repo)
    untitled = [w for w in result.warnings if "title" in w and ("empty" in w or "front" in w)]
    assert sorted(untitled) == sorted(
        [w for w in untitled if re.search(r"alpha/(empty|front)\.md:1: WARNING: no title: a document needs a heading",
                                          w)]) and len(untitled) == 2, untitled
    assert any(re.search(r"alpha/clauses\.md:29: WARNING: 7 levels of heading \(#######\): Markdown has six", w)
               for w in result.warnings), result.warnings


def test_a_folder_without_index(repo):
    folder = repo / "standards" / "gb-t-noindex"
    folder.mkdir()
    (folder / "scope.md").write_text("# 范围\n\n文本。\n", encoding="utf-8")
    result = _build(repo)
    assert any("ERROR: standards/gb-t-noindex/ has no index.md (every standard needs one with its metadata)" in w
               for w in result.warnings), result.warnings
    assert not any("isn't included in any toctree" in w for w in result.warnings), result.warnings
    build = _std(repo, "build", "--format", "pdf", "--standard", "gb-t-noindex")
    assert build.exit_code == 2
    assert "standards/gb-t-noindex/ has no index.md (every standard needs one with its metadata)" in build.output


def test_front_matter_of_a_clause_file_accepts_only_page_options(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text("---\nnumbr: 3\norphan: true\ndesignation: GB/T XXXXX—XXXX\ntocdepth: 2\n---\n"
                    + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = _build(repo)
    found = [w for w in result.warnings if "front-matter" in w]
    assert len(found) == 2, found  # orphan and tocdepth are page options of Sphinx: accepted
    assert any(re.search(r"alpha/clauses\.md:2: WARNING: unknown front-matter field 'numbr' in a clause file: the "
                         r"standard's metadata belongs in index\.md; a clause file accepts only html_meta, myst, "
                         r"no-search, nocomments, nosearch, orphan, substitutions, tocdepth \[std\.front-matter\]",
                         w) for w in found), found
    assert any(re.search(r"alpha/clauses\.md:4: WARNING: front-matter field 'designation' in a clause file: it is "
                         r"metadata of the standard and belongs in standards/alpha/index\.md \(here it is ignored\) "
                         r"\[std\.front-matter\]", w) for w in found), found
    first, second = _lint_json(repo), _lint_json(repo)  # the second reads nothing again
    assert first == second
    status, data = first
    entries = [(f["code"], f["severity"], f["file"], f["line"]) for f in data["findings"]
               if f["code"] == "std.front-matter"]
    assert entries == [("std.front-matter", "warning", "standards/alpha/clauses.md", 2),
                       ("std.front-matter", "warning", "standards/alpha/clauses.md", 4)], entries
    text = _std(repo, "lint")
    assert re.search(r"^standards/alpha/clauses\.md:2: std\.front-matter warning unknown front-matter field 'numbr'",
                     text.stdout, re.M), text.stdout


def test_a_citation_that_is_not_a_designation_has_its_own_code(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n见{cite}`foo bar`和{cite}`GB/T`。\n\n见{cite}`#scope`。\n",
                    encoding="utf-8")
    result = _build(repo)
    found = [w for w in build_problems(result.warnings) if "citation" in w]
    assert len(found) == 3, found
    assert len([w for w in found if re.search(r"alpha/clauses\.md:29: ERROR: citation: not a designation: .* "
                                              r"\[std\.citation\]$", w)]) == 2, found
    assert any(re.search(r"alpha/clauses\.md:31: ERROR: citation '#scope' is not 'DESIGNATION', 'DESIGNATION#id' or "
                         r"'DESIGNATION, location' \[std\.citation\]$", w) for w in found), found
    assert not any("docutils" in w for w in found), found
    status, data = _lint_json(repo)
    assert status == 1
    entries = [(f["code"], f["severity"], f["file"], f["line"], f["message"].split(" (")[0]) for f in data["findings"]
               if f["message"].startswith("citation")]
    assert sorted(entries) == [
        ("std.citation", "error", "standards/alpha/clauses.md", 29, "citation: not a designation: 'GB/T'"),
        ("std.citation", "error", "standards/alpha/clauses.md", 29, "citation: not a designation: 'foo bar'"),
        ("std.citation", "error", "standards/alpha/clauses.md", 31,
         "citation '#scope' is not 'DESIGNATION', 'DESIGNATION#id' or 'DESIGNATION, location'")], entries


# -- a new user's reports: files that are not sources, IDs twice in a file, missing images, files outside the
#    table of contents, designations twice -----------------------------------------------------------------------------

def test_include_and_image_of_files_that_are_not_sources_are_refused(repo):
    from .conftest import git

    git(repo, "remote", "add", "origin", "https://user:ghp_SECRETTOKEN@example.org/standards.git")
    (repo / ".venv").mkdir()
    (repo / ".venv" / "pyvenv.cfg").write_text("VENV CONFIG\n", encoding="utf-8")
    (repo / "build").mkdir()
    (repo / "build" / "old.md").write_text("OLD OUTPUT\n", encoding="utf-8")
    (repo / ".gitignore").write_text("/private/\n", encoding="utf-8")
    (repo / "private").mkdir()
    (repo / "private" / "notes.md").write_text("PRIVATE NOTES\n", encoding="utf-8")
    (repo / "private" / "flow.svg").write_bytes((repo / "standards" / "alpha" / "images" / "flow.svg").read_bytes())
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```{include} ../../.git/config\n```\n\n"  # 29
                    "```{literalinclude} ../../.venv/pyvenv.cfg\n```\n\n"  # 32
                    "```{include} ../../build/old.md\n```\n\n"  # 35
                    "```{include} ../../private/notes.md\n```\n\n"  # 38
                    "![配置](../../.git/config)\n\n"  # 41
                    "![私有](../../private/flow.svg)\n", encoding="utf-8")  # 43
    result = _build(repo)
    refused = [w for w in result.warnings if "is not a source of the repository" in w]
    for line, what, reason in [(29, "include '../../.git/config'", r"\.git/ is a dot-folder"),
                               (32, "literalinclude '../../.venv/pyvenv.cfg'", r"\.venv/ is a dot-folder"),
                               (35, "include '../../build/old.md'", r"build/ holds outputs"),
                               (38, "include '../../private/notes.md'", r"private/ is ignored by git"),
                               (41, "image '../../.git/config'", r"\.git/ is a dot-folder"),
                               (43, "image '../../private/flow.svg'", r"private/ is ignored by git")]:
        kind = "image" if what.startswith("image") else "include"
        assert any(re.search(rf"alpha/clauses\.md:{line}: ERROR: {re.escape(what)} is not a source of the repository "
                             rf"\({reason}.*\) \[std\.{kind}\]$", w) for w in refused), (line, refused)
    assert len(refused) == 6, refused
    html = (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    for secret in ("SECRETTOKEN", "repositoryformatversion", "VENV CONFIG", "OLD OUTPUT", "PRIVATE NOTES"):
        assert secret not in html, secret
    assert not list((repo / "build" / "html" / "_images").glob("config*"))
    status, data = _lint_json(repo)
    assert status == 1 and data["summary"]["failed"]
    codes = _build_codes(data)
    assert ("std.include", "standards/alpha/clauses.md", 29) in codes, codes
    assert ("std.image", "standards/alpha/clauses.md", 41) in codes, codes


def test_an_id_used_twice_in_one_file_is_reported_with_both_lines(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8").replace("(special)=", "(general)="), encoding="utf-8")
    terms = repo / "standards" / "alpha" / "terms.md"
    terms.write_text("(terms)=\n{.terms}\n# 术语和定义\n\n(annotation)=\n::::{term} 标注\n:en: annotation\n\n"
                     "添加的信息。\n::::\n\n(annotation)=\n::::{term} 注释\n:en: comment\n\n说明的文字。\n::::\n",
                     encoding="utf-8")
    index = repo / "standards" / "alpha" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("clauses\n", "clauses\nterms\n"), encoding="utf-8")
    result = _build(repo)
    duplicates = [w for w in result.warnings if "duplicate ID" in w]
    assert any(re.search(r"alpha/clauses\.md:24: ERROR: duplicate ID 'general': used at standards/alpha/clauses\.md:"
                         r"10 and standards/alpha/clauses\.md:24 ", w) for w in duplicates), duplicates
    assert any(re.search(r"alpha/terms\.md:12: ERROR: duplicate ID 'annotation': used at standards/alpha/terms\.md:5 "
                         r"and standards/alpha/terms\.md:12 ", w) for w in duplicates), duplicates
    assert len(duplicates) == 2, duplicates
    assert not any("Duplicate explicit target name" in w or "duplicate label" in w for w in result.warnings)
    status, data = _lint_json(repo)
    assert status == 1
    codes = _build_codes(data)
    assert ("std.duplicate-id", "standards/alpha/clauses.md", 24) in codes, codes
    assert ("std.duplicate-id", "standards/alpha/terms.md", 12) in codes, codes
    check = _std(repo, "ids", "--check")
    assert check.exit_code == 1, check.output
    assert "every element has an ID" not in check.output
    assert re.search(r"^standards/alpha/terms\.md:12: duplicate ID 'annotation': used at standards/alpha/terms\.md:5",
                     check.stdout, re.M), check.output


def test_a_figure_whose_image_file_is_missing_is_an_image_error(repo):
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8").replace("images/flow.svg", "images/missing.png"),
                    encoding="utf-8")
    result = _build(repo)
    problems = [w for w in build_problems(result.warnings) if "missing.png" in w]
    assert len(problems) == 1, problems  # not Sphinx's "image file not readable: alpha/images/missing.png" too
    assert re.search(r"alpha/clauses\.md:14: ERROR: image 'images/missing\.png' not found: "
                     r"standards/alpha/images/missing\.png does not exist .*\[std\.image\]$", problems[0]), problems
    html = (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    assert "missing.png" not in html and "[流程]" in html
    for _ in range(2):  # every run, also the incremental one that reads nothing
        status, data = _lint_json(repo)
        assert status == 1 and data["summary"]["failed"]
        assert ("std.image", "standards/alpha/clauses.md", 14) in _build_codes(data)
        assert not any(f["code"].startswith("image.") for f in data["findings"]), data["findings"]


def test_a_file_left_out_of_the_table_of_contents_is_reported_every_run(repo):
    folder = repo / "standards" / "alpha"
    (folder / "forgotten.md").write_text("# 遗漏\n\n文本。\n", encoding="utf-8")
    (folder / "parts").mkdir()
    (folder / "parts" / "shared.md").write_text("共用段落。\n", encoding="utf-8")  # included: not a page of its own
    (folder / "draft-notes.md").write_text("---\norphan: true\n---\n# 笔记\n", encoding="utf-8")  # orphan: on purpose
    path = folder / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```{include} parts/shared.md\n```\n", encoding="utf-8")
    expected = ("standards/alpha/forgotten.md is not in the table of contents of standards/alpha/index.md: add it to "
                "the toctree or remove it")
    result = _build(repo)
    found = [w for w in result.warnings if "table of contents" in w or "toctree" in w]
    assert len(found) == 1 and re.search(rf"alpha/forgotten\.md:1: WARNING: {re.escape(expected)} "
                                         r"\[std\.not-in-toc\]$", found[0]), found
    for _ in range(2):  # the second run reads nothing again
        build = _std(repo, "build")
        assert "standards/alpha/forgotten.md is not in the table of contents" in build.output, build.output
        assert "isn't included in any toctree" not in build.output
        _, data = _lint_json(repo)
        entries = [(f["code"], f["severity"], f["file"], f["message"]) for f in data["findings"]
                   if f["code"] == "std.not-in-toc"]
        assert entries == [("std.not-in-toc", "warning", "standards/alpha/forgotten.md", expected)], entries


@pytest.mark.parametrize(("designation", "message"), [
    ("GB/T 8170—2008", "citations of it resolve to only one of them"),
    ("GB/T XXXXX—XXXX", "it is cited at standards/beta/body.md:"),
])
def test_two_standards_with_the_same_designation(repo, designation, message):
    """Two standards with one designation are an error at each; drafts sharing a placeholder only once one is cited."""
    shutil.copytree(repo / "standards" / "alpha", repo / "standards" / "gamma")
    for slug in ("alpha", "gamma"):
        index = repo / "standards" / slug / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace("GB/T XXXXX—XXXX", designation)
                         .replace("stage: 征求意见稿", "stage: 征求意见稿" if "X" in designation else
                                  "stage: published\nissued: 2008-07-16\nimplemented: 2009-01-01")
                         .replace("draft_date: 2026-11-20\n", "" if "X" not in designation else
                                  "draft_date: 2026-11-20\n"), encoding="utf-8")
    if "X" in designation:  # not cited: several drafts may wait for their numbers
        assert [w for w in _build(repo).warnings if "duplicate designation" in w] == []
        body = repo / "standards" / "beta" / "body.md"
        body.write_text(body.read_text(encoding="utf-8") + "\nSee {cite}`GB/T XXXXX`.\n", encoding="utf-8")
    result = _build(repo)
    found = [w for w in result.warnings if "duplicate designation" in w]
    for slug, other in (("alpha", "gamma"), ("gamma", "alpha")):
        assert any(re.search(rf"standards/{slug}/index\.md:2: ERROR: duplicate designation '{re.escape(designation)}': "
                             rf"standards/{other}/ has it too \({re.escape(message)}.*\) "
                             r"\[std\.duplicate-designation\]$", w) for w in found), found
    assert len(found) == 2, found
    _, data = _lint_json(repo)
    codes = _build_codes(data)
    assert ("std.duplicate-designation", "standards/alpha/index.md", 2) in codes
    assert ("std.duplicate-designation", "standards/gamma/index.md", 2) in codes
    assert {f["standard"] for f in data["findings"] if f["code"] == "std.duplicate-designation"} == {"alpha", "gamma"}


def test_every_way_of_reading_a_file_is_checked(repo):
    """Not only ```{include}`` at the start of a line: an include in a block quote or a list item, in ``{eval-rst}``,
    a ``csv-table`` or ``raw`` with ``:file:`` or ``:url:``, a ``{download}`` and a link to a file."""
    from .conftest import git

    git(repo, "remote", "add", "origin", "https://user:ghp_SECRETTOKEN@example.org/standards.git")
    blocks = {
        "quote": "> ```{include} ../../.git/config\n> ```",
        "list": "- ```{include} ../../.git/config\n  ```",
        "rst": "```{eval-rst}\n.. include:: ../../.git/config\n   :literal:\n```",
        "csv": "```{csv-table} 表\n---\nfile: ../../.git/config\n---\n```",
        "passwd": "```{csv-table} 表\n:file: /etc/passwd\n```",
        "raw": "```{raw} html\n:file: ../../.git/config\n```",
        "url": "```{csv-table} 表\n:url: https://example.org/data.csv\n```",
        "download": "见{download}`配置 <../../.git/config>`。",
        "link": "见[配置](../../.git/config)。",
    }
    path = repo / "standards" / "alpha" / "clauses.md"
    text = path.read_text(encoding="utf-8")
    lines = {}
    for name, block in blocks.items():
        text += "\n"
        lines[name] = text.count("\n") + 1 + (1 if name == "rst" else 0)
        text += block + "\n"
    path.write_text(text, encoding="utf-8")
    result = _build(repo)
    errors = [w for w in build_problems(result.warnings) if "ERROR" in w]
    expected = {
        "quote": r"include '\.\./\.\./\.git/config' is not a source of the repository \(\.git/ is a dot-folder",
        "list": r"include '\.\./\.\./\.git/config' is not a source of the repository \(\.git/ is a dot-folder",
        "rst": r"include '\.\./\.\./\.git/config' is not a source of the repository",
        "csv": r"csv-table '\.\./\.\./\.git/config' is not a source of the repository",
        "passwd": r"csv-table '/etc/passwd' lies outside the repository",
        "raw": r"raw '\.\./\.\./\.git/config' is not a source of the repository",
        "url": r"csv-table with :url: 'https://example\.org/data\.csv': nothing is fetched from the network",
        "download": r"download '\.\./\.\./\.git/config' is not a source of the repository .*\[std\.download\]$",
        "link": r"download '\.\./\.\./\.git/config' is not a source of the repository .*\[std\.download\]$",
    }
    for name, pattern in expected.items():
        assert any(re.search(rf"alpha/clauses\.md:{lines[name]}: ERROR: {pattern}", w) for w in errors), \
            (name, lines[name], errors)
    html = (repo / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    for secret in ("SECRETTOKEN", "repositoryformatversion", "root:x:"):
        assert secret not in html, secret
    assert not (repo / "build" / "html" / "_downloads").exists() or \
        not any(p.is_file() for p in (repo / "build" / "html" / "_downloads").rglob("*"))


def test_a_toctree_entry_without_its_file_is_an_error(repo):
    """A clause listed in index.md whose file does not exist would silently be missing from every output."""
    index = repo / "standards" / "alpha" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("```{toctree}\n", "```{toctree}\nghost\n"),
                     encoding="utf-8")
    _, data = _lint_json(repo)
    ghost = [f for f in data["findings"] if f["code"] == "toc.not_readable"]
    assert len(ghost) == 1 and ghost[0]["severity"] == "error" and ghost[0]["file"] == "standards/alpha/index.md", ghost
    assert "nonexisting document 'alpha/ghost'" in ghost[0]["message"]


def test_a_heading_that_skips_a_level_is_reported(repo):
    """``##`` then ``####``: MyST's own warning reaches the build and the lint (it used to be suppressed)."""
    path = repo / "standards" / "alpha" / "clauses.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n#### 跳级的标题\n\n文本。\n", encoding="utf-8")
    _, data = _lint_json(repo)
    found = [f for f in data["findings"] if f["code"] == "myst.header"]
    assert len(found) == 1 and found[0]["file"] == "standards/alpha/clauses.md", found
    assert "Non-consecutive header level increase" in found[0]["message"]


def test_build_problems_carry_chinese_text(repo):
    """Every lint finding has Chinese text: a build problem the Chinese name of its kind."""
    index = repo / "standards" / "beta" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("stage: CD", "stage: 送审稿"), encoding="utf-8")
    _, data = _lint_json(repo)
    metadata = [f for f in data["findings"] if f["code"] == "std.metadata"]
    assert metadata and all(f["message_zh"] == "元数据无效" for f in metadata), metadata
    assert all(f["message_zh"] for f in data["findings"]), [f for f in data["findings"] if not f["message_zh"]]
