"""Bad translation catalogs: broken PO syntax, translations that drop the master's markup, files that are not
UTF-8 or empty. Each problem is a warning at the PO file's line, never a traceback; the build shows the master
text where the translation cannot be used, ``std translate status`` lists the problems and ``std publish``
publishes the master edition and skips the translated one, saying why."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main
from tooling.project import Project
from tooling.translate.validate import check_bytes, check_catalog, compare_markup

from .conftest import REPO, build_problems, make_repository

PO = "standards/zhdoc/locales/en/LC_MESSAGES/zhdoc.po"

#: Messages added to the bilingual fixture: a citation, a placeholder (with their translations).
EXTRA_MASTER = "\n(methods)=\n# 方法\n\n测试方法见{cite}`ISO/IEC XXXXX`。\n\n样本名称记为%s。\n"
EXTRA_PO = '''
msgid "方法"
msgstr "Methods"

msgid "测试方法见{cite}`ISO/IEC XXXXX`。"
msgstr "For the test methods, see {cite}`ISO/IEC XXXXX`."

msgid "样本名称记为%s。"
msgstr "The sample name is written as %s."
'''


def _run(repo, *args):
    return CliRunner().invoke(main, ["--root", str(repo), *args], catch_exceptions=False)


def _text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("\u3000", " ")


def _edit(repo: Path, old: str, new: str) -> None:
    path = repo / PO
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(repo: Path, text: str) -> int:
    """The line of the catalog that holds ``text``."""
    lines = (repo / PO).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def _build_en(repo: Path, fresh: bool = True):
    return Project(repo).sphinx("html", repo / "build" / "html-en", doctreedir=repo / "build" / "doctrees-en",
                                overrides={"std_output_language": "en"}, fresh=fresh)


def _po_warnings(result) -> list[str]:
    return [w for w in result.warnings if "[std.po]" in w]


@pytest.fixture
def repo(tmp_path):
    repo = make_repository(tmp_path, "bilingual")
    body = repo / "standards" / "zhdoc" / "body.md"
    body.write_text(body.read_text(encoding="utf-8") + EXTRA_MASTER, encoding="utf-8")
    po = repo / PO
    po.write_text(po.read_text(encoding="utf-8") + EXTRA_PO, encoding="utf-8")
    return repo


# -- a correct catalog -----------------------------------------------------------------------------------------------

def test_a_correct_catalog_gives_no_warning_and_is_applied(repo):
    result = _build_en(repo)
    assert build_problems(result.warnings) == []
    text = _text(repo / "build" / "html-en" / "zhdoc" / "body.html")
    assert "This document specifies methods for bilingual tests." in text
    assert "For the test methods, see ISO/IEC XXXXX" in text
    assert "The sample name is written as %s." in text
    status = _run(repo, "translate", "status", "--format", "json")
    assert status.exit_code == 0, status.output
    rows = {row["slug"]: row for row in json.loads(status.output)["standards"]}
    assert rows["zhdoc"] == {"slug": "zhdoc", "language": "en", "translated": 15, "fuzzy": 0, "missing": 0}


@pytest.mark.parametrize("po", sorted(str(p.relative_to(REPO)) for p in REPO.glob("standards/*/locales/*/*/*.po")))
def test_the_sample_catalogs_are_clean(po):
    assert check_catalog(REPO / po).problems == []


# -- broken syntax ---------------------------------------------------------------------------------------------------

def test_broken_syntax_is_reported_at_its_line_and_the_master_text_is_used(repo):
    _edit(repo, 'msgstr "Scope"', 'msgstr "Scope\nmsgstr broken')
    line = _line(repo, 'msgstr "Scope')
    result = _build_en(repo)
    assert result.ok
    warnings = _po_warnings(result)
    assert warnings[0].startswith(f"{PO}:{line}: WARNING: PO syntax error: msgstr: the string is not closed"), warnings
    assert warnings[1].startswith(f"{PO}:{line + 1}: WARNING: PO syntax error: msgstr: expected a quoted string, "
                                  "found 'broken'"), warnings
    assert not any("Traceback" in w for w in result.warnings)
    assert build_problems(result.warnings) == warnings  # nothing else goes wrong
    text = _text(repo / "build" / "html-en" / "zhdoc" / "body.html")
    assert "1 范围" in text and "本文件规定了双语测试的方法。" in text and "Scope" not in text  # no catalog at all
    assert "This document specifies a partly translated text." in _text(
        repo / "build" / "html-en" / "endoc" / "body.html")  # the other standards build as ever

    status = _run(repo, "translate", "status")
    assert status.exit_code == 1
    assert "zhdoc [en]: 0/15 translated (0%), 0 fuzzy, 15 missing, 2 problem(s) in its catalog" in status.output
    assert f"{PO}:{line}: PO syntax error: msgstr: the string is not closed" in status.output
    data = json.loads(_run(repo, "translate", "status", "--format", "json").stdout)
    rows = {row["slug"]: row for row in data["standards"]}
    assert [(p["file"], p["line"], p["scope"]) for p in rows["zhdoc"]["problems"]] == [
        (PO, line, "catalog"), (PO, line + 1, "catalog")]
    assert "problems" not in rows["endoc"]

    # corrected: the next (incremental) build applies the catalog again
    _edit(repo, 'msgstr "Scope\nmsgstr broken', 'msgstr "Scope"')
    again = _build_en(repo, fresh=False)
    assert _po_warnings(again) == []
    assert "1 Scope" in _text(repo / "build" / "html-en" / "zhdoc" / "body.html")


def test_update_leaves_a_broken_catalog_alone(repo):
    _edit(repo, 'msgstr "Scope"', 'msgstr "Scope\nmsgstr broken')
    before = (repo / PO).read_bytes()
    result = _run(repo, "translate", "update")
    assert f"not updated (line {_line(repo, 'msgstr broken') - 1}: PO syntax error" in result.output
    assert (repo / PO).read_bytes() == before


@pytest.mark.pdf
def test_publish_keeps_the_master_edition_and_skips_the_broken_translation(repo):
    _edit(repo, 'msgstr "Scope"', 'msgstr "Scope\nmsgstr broken')
    line = _line(repo, 'msgstr "Scope')
    result = _run(repo, "publish")
    assert result.exit_code == 0, result.output
    assert "published zhdoc (zh) →" in result.output
    assert (f"zhdoc: en edition not published: its catalog has 2 problem(s), first: {PO}:{line}: PO syntax error: "
            "msgstr: the string is not closed") in result.output
    edition = repo / "build" / "publish" / "zhdoc" / "draft-for-comments-2026-11-20"
    assert (edition / "zhdoc-zh.pdf").is_file() and (edition / "html" / "zhdoc" / "body.html").is_file()
    assert not (edition / "html-en").exists() and not (edition / "zhdoc-en.pdf").exists()
    assert json.loads((edition / "manifest.json").read_text(encoding="utf-8"))["translations"] == []


# -- translations that drop the master's markup ----------------------------------------------------------------------

MARKUP_CASES = {
    "drops a citation": ("For the test methods, see {cite}`ISO/IEC XXXXX`.", "For the test methods, see ISO/IEC XXXXX.",
                         "the citation {cite}`ISO/IEC XXXXX` is missing", "测试方法见"),
    "cites another document": ("For the test methods, see {cite}`ISO/IEC XXXXX`.",
                               "For the test methods, see {cite}`ISO/IEC 99999`.",
                               "it has {cite}`ISO/IEC 99999` where the master has {cite}`ISO/IEC XXXXX`", "测试方法见"),
    "drops a reference": ("see [](#limits).", "see Table 1.", "the reference to #limits is missing",
                          "测试集应包含不少于100个样本，见"),
    "changes a reference target": ("see [](#limits).", "see [](#scope).", "refers to #scope instead of #limits",
                                   "测试集应包含不少于100个样本，见"),
    "drops a placeholder": ("written as %s.", "written as a name.", "the placeholder %s is missing", "样本名称记为%s。"),
}


@pytest.mark.parametrize("case", sorted(MARKUP_CASES))
def test_a_translation_that_breaks_the_markup_is_not_applied(repo, case):
    old, new, why, master = MARKUP_CASES[case]
    _edit(repo, old, new)
    line = _line(repo, new)
    result = _build_en(repo)
    warnings = _po_warnings(result)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{PO}:{line}: WARNING: the msgstr does not keep the markup of its msgid: {why}")
    assert "this message stays untranslated (master text)" in warnings[0]
    assert build_problems(result.warnings) == warnings
    text = _text(repo / "build" / "html-en" / "zhdoc" / "body.html")
    assert master in text  # the master text for this message …
    assert "1 Scope" in text and "NOTE" in text  # … and the translation everywhere else
    status = _run(repo, "translate", "status", "--format", "json")
    assert status.exit_code == 1
    row = next(r for r in json.loads(status.stdout)["standards"] if r["slug"] == "zhdoc")
    assert (row["translated"], row["missing"]) == (14, 1)  # as the build applies it
    assert [(p["line"], p["scope"]) for p in row["problems"]] == [(line, "message")]


def test_publish_skips_a_translation_with_markup_problems(repo):
    from tooling.publish import _translations_to_publish

    _edit(repo, "see [](#limits).", "see Table 1.")
    line = _line(repo, "see Table 1.")
    publish, notes = _translations_to_publish(Project(repo), None)
    assert "zhdoc" not in publish  # 14 of 15 would be enough for a draft: the problem decides
    assert notes["zhdoc"] == [f"en edition not published: its catalog has 1 problem(s), first: {PO}:{line}: the msgstr "
                              f"does not keep the markup of its msgid: the reference to #limits is missing — this "
                              "message stays untranslated (master text) until the msgstr is corrected (msgid "
                              "“测试集应包含不少于100个样本，见[](#limits)。”) (std translate status)"]


# -- not UTF-8, empty ------------------------------------------------------------------------------------------------

def test_a_catalog_that_is_not_utf8_is_reported_and_not_used(repo):
    text = (repo / PO).read_text(encoding="utf-8")
    (repo / PO).write_bytes(text.encode("gb18030"))
    line = next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())
    result = _build_en(repo)
    assert result.ok
    assert _po_warnings(result) == [
        f"{PO}:{line}: WARNING: the file is not UTF-8 (byte 0xb7 cannot be decoded): save it as UTF-8 and declare "
        "charset=UTF-8 in its header; the catalog is not used until then [std.po]"]
    assert build_problems(result.warnings) == _po_warnings(result)  # Sphinx itself never reads it
    assert "1 范围" in _text(repo / "build" / "html-en" / "zhdoc" / "body.html")
    status = _run(repo, "translate", "status")
    assert status.exit_code == 1 and f"{PO}:{line}: the file is not UTF-8" in status.output


def test_the_master_build_survives_a_catalog_that_is_not_utf8(repo):
    text = (repo / PO).read_text(encoding="utf-8")
    (repo / PO).write_bytes(text.encode("gb18030"))
    result = Project(repo).sphinx("html", repo / "build" / "html", fresh=True)
    assert result.ok


def test_an_empty_catalog_is_reported_and_update_fills_it(repo):
    (repo / PO).write_text("", encoding="utf-8")
    result = _build_en(repo)
    assert result.ok
    assert _po_warnings(result) == [
        f"{PO}:1: WARNING: the catalog is empty (no header, no message): run `std translate update` to fill it "
        "with the master's messages [std.po]"]
    assert "1 范围" in _text(repo / "build" / "html-en" / "zhdoc" / "body.html")
    assert "updated: " + PO in _run(repo, "translate", "update").output
    status = json.loads(_run(repo, "translate", "status", "--format", "json").stdout)
    row = next(r for r in status["standards"] if r["slug"] == "zhdoc")
    assert row == {"slug": "zhdoc", "language": "en", "translated": 0, "fuzzy": 0, "missing": 15}


# -- the checks themselves -------------------------------------------------------------------------------------------

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _problems(body: str, header: str = HEADER) -> list[tuple[int, bool, str]]:
    check = check_bytes((header + body).encode("utf-8"), Path("x.po"))
    return [(p.line, p.fatal, p.message) for p in check.problems]


@pytest.mark.parametrize(("body", "line", "message"), [
    ('msgid "a"\n', 5, "msgid without msgstr"),
    ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 7, "a second msgstr for the same msgid"),
    ('msgid "a"\nmsgstr "b" c"\n', 6, "text after the closing quote"),
    ('msgid "a"\nmsgstr "b"\n"c\n', 7, "the string is not closed"),
    ('# a comment ends the header\n"stray"\nmsgid "a"\nmsgstr "b"\n', 6, "a string outside a message"),
    ('msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n', 7, "this msgid is already defined at line 5"),
    ('<<<<<<< HEAD\nmsgid "a"\nmsgstr "b"\n=======\n', 5, "a merge-conflict marker"),
    ('msgid "a"\nmsgtsr "b"\n', 6, "unknown keyword 'msgtsr'"),
])
def test_syntax_errors_name_their_line(body, line, message):
    problems = _problems(body)
    assert problems and problems[0][:2] == (line, True) and message in problems[0][2], problems


def test_a_header_with_another_charset_makes_the_catalog_unusable():
    problems = _problems('msgid "a"\nmsgstr "b"\n', HEADER.replace("UTF-8", "GBK"))
    assert problems == [(3, True, "the header declares charset=GBK, but catalogs are read as UTF-8: save the file as "
                                  "UTF-8 and declare charset=UTF-8; the catalog is not used until then")]


def test_an_unknown_escape_rejects_only_its_message():
    check = check_bytes((HEADER + 'msgid "$\\\\alpha$"\nmsgstr "$\\alpha$"\n\nmsgid "b"\nmsgstr "B"\n').encode(),
                        Path("x.po"))
    assert check.usable and check.rejected == {(None, "$\\alpha$")}
    assert [(p.line, p.fatal) for p in check.problems] == [(6, False)]
    assert "unknown escape sequence \\a" in check.problems[0].message
    assert b'msgstr ""\n\nmsgid "b"\nmsgstr "B"' in check.build_bytes()


def test_fuzzy_obsolete_and_untranslated_messages_are_not_compared():
    body = ('#, fuzzy\nmsgid "见[](#a)"\nmsgstr "See above"\n\nmsgid "见[](#b)"\nmsgstr ""\n\n'
            '#~ msgid "见[](#c)"\n#~ msgstr "See above"\n')
    assert _problems(body) == []


def test_a_bom_is_dropped_for_the_build():
    check = check_bytes(b"\xef\xbb\xbf" + HEADER.encode() + b'msgid "a"\nmsgstr "b"\n', Path("x.po"))
    assert check.problems == [] and check.build_bytes().startswith(b'msgid ""')


@pytest.mark.parametrize(("msgid", "msgstr", "expected"), [
    ("见{cite}`GB/T 8170—2008, 5.2`。", "See {cite}`GB/T 8170-2008, 5.2`.", []),  # dashes as the BL rules compare
    ("见{cite}`ISO/IEC XXXXX, Annex A`。", "{cite}`ISO/IEC XXXXX, 附录A`", []),
    ("见{cite}`GB/T 8170`。", "See {cite-normative}`GB/T 8170`.",
     ["it has {cite-normative}`GB/T 8170` where the master has {cite}`GB/T 8170`"]),
    ("见[表](#a)。", "See [the table](#a).", []),
    ("见{numref}`t`。", "See the table.", ["the role {numref} is missing", "the reference to #t is missing"]),
    ("{numref}`表%s <t>`", "{numref}`Table <t>`", ["the placeholder %s is missing"]),
    ("{term}`准确率`", "{term}`accuracy`", []),  # a term role holds the term's own text
    ("代码`x = 1`和$n$", "code `x = 2` and $n$",
     ["the inline code `x = 1` is missing", "the inline code `x = 2` is not in the master"]),
    ("$n$和$m$", "$n$ and $k$", ["the formula $m$ is missing", "the formula $k$ is not in the master"]),
    ("格式为`<章>.<节>`，例如`1.2`", "in the form `<chapter>.<section>`, e.g. `1.2`", []),  # words may be translated
    ("格式为`<章>.<节>`，例如`1.2`", "in the form `<chapter>.<section>`", ["the inline code `1.2` is missing"]),
    ("格式为`<章>.<节>`", "in the form", ["the inline code: 1 in the master, 0 in the translation"]),
    ("$\\text{准确率} = a$", "$\\text{accuracy} = a$", []),
    ("见注[^1]。", "See the note.", ["the footnote reference [^1] is missing"]),
    ("共{0}个，%(name)s", "{0} items", ["the placeholder %(name)s is missing"]),
    ("版本{{ version }}", "version", ["the placeholder {{ version }} is missing"]),
    ("30 %的样本", "30 % of the samples", []),  # prose, not a placeholder
    ("A = \\frac{N_\\mathrm{c}}{N}", "A = \\frac{N_\\mathrm{c}}{N}", []),
    ("[**1.1.1**]{#v1-1-1}要求", "[**1.1.1**] Requirement", ["the inline ID {#v1-1-1} is missing"]),
    ("测试", "1. test", ["it starts a list item, which the master does not (Sphinx would cut or ignore the "
                         "translation)"]),
    ("测试", "test\n\nmore", ["it starts a new paragraph (blank line), which the master does not (Sphinx would cut "
                              "or ignore the translation)"]),
])
def test_compare_markup(msgid, msgstr, expected):
    assert compare_markup(msgid, msgstr) == expected


def test_a_removed_catalog_is_no_longer_applied(repo):
    """Deleting a .po from standards/ takes its translation out of the next build (no stale .mo in build/locales)."""
    assert "This document specifies methods for bilingual tests." in _text(_built_page(repo))
    (repo / PO).unlink()
    result = _build_en(repo)
    assert result.ok
    assert "This document specifies methods for bilingual tests." not in _text(_built_page(repo))
    assert not list((repo / "build" / "locales" / "en" / "LC_MESSAGES").glob("zhdoc.*"))


def _built_page(repo):
    _build_en(repo)
    return repo / "build" / "html-en" / "zhdoc" / "body.html"


def test_status_names_unknown_standards_and_never_rounds_up_to_complete(repo):
    result = _run(repo, "translate", "status", "--standard", "nosuch")
    assert result.exit_code == 2 and "no standard nosuch" in result.output
    body = repo / "standards" / "zhdoc" / "body.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n".join(f"\n新增段落{i}。" for i in range(1)), encoding="utf-8")
    rows = json.loads(_run(repo, "translate", "status", "--format", "json").output)["standards"]
    zhdoc = next(r for r in rows if r["slug"] == "zhdoc")
    assert zhdoc["missing"] == 1 and zhdoc["translated"] >= 15
    text = _run(repo, "translate", "status", "--standard", "zhdoc").output
    assert "15/16 translated (93%)" in text, text  # rounded down (93.75 %), so 99.9 % never reads 100 %


# -- std lint reports the catalogs' problems (std.po), which gate the translation only -----------------------------

def _gb18030(repo: Path) -> tuple[int, str]:
    text = (repo / PO).read_text(encoding="utf-8")
    (repo / PO).write_bytes(text.encode("gb18030"))
    return next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii()), "the file is not UTF-8"


def _broken_syntax(repo: Path) -> tuple[int, str]:
    _edit(repo, 'msgstr "Scope"', 'msgstr "Scope\nmsgstr broken')
    return _line(repo, 'msgstr "Scope'), "PO syntax error: msgstr: the string is not closed"


def _dropped_citation(repo: Path) -> tuple[int, str]:
    _edit(repo, "see {cite}`ISO/IEC XXXXX`.", "see ISO/IEC XXXXX.")
    return (_line(repo, "see ISO/IEC XXXXX."), "the msgstr does not keep the markup of its msgid: the citation "
            "{cite}`ISO/IEC XXXXX` is missing")


CATALOG_PROBLEMS = {"not UTF-8 (GB18030)": _gb18030, "broken PO syntax": _broken_syntax,
                    "a msgstr that drops a citation": _dropped_citation}


@pytest.mark.parametrize("case", sorted(CATALOG_PROBLEMS))
def test_lint_reports_each_catalog_problem_and_it_gates_only_the_translation(repo, case):
    from tooling.lint.engine import collected_findings
    from tooling.lint.report import Baseline, gate

    line, message = CATALOG_PROBLEMS[case](repo)
    result = _run(repo, "lint", "--fail-on", "error")
    assert result.exit_code == 1, result.output
    assert f"{PO}:{line}: std.po error {message}" in result.stdout, result.stdout
    data = json.loads(_run(repo, "lint", "--format", "json", "--fail-on", "never").stdout)
    found = [f for f in data["findings"] if f["code"] == "std.po"]
    assert found and all((f["file"], f["severity"], f["standard"]) == (PO, "error", "zhdoc") for f in found)
    assert found[0]["line"] == line and found[0]["message"].startswith(message)
    assert (_run(repo, "translate", "status").stderr.splitlines()[0]
            == f"{PO}:{line}: {found[0]['message']}")  # the message std translate status gives
    # the publish gate: like the bilingual rules' findings, they stop the translated edition, never the master
    project = Project(repo)
    app = project.sphinx("dummy", repo / "build" / "lint").app
    metas = {slug: entry["metadata"] for slug, entry in app.env.domains["standard"].standards.items()}
    lint = gate(collected_findings(app.env), Baseline(repo / "lint-baseline.json"), "error", metas)
    assert not [f for f in lint.blocking("zhdoc") if f.code == "std.po"]
    assert [f.line for f in lint.blocking("zhdoc", translation=True) if f.code == "std.po"][0] == line
    # no baseline accepts them
    assert _run(repo, "lint", "--update-baseline").exit_code == 0
    assert f"{PO}:{line}: std.po error" in _run(repo, "lint", "--fail-on", "never").stdout


def test_a_clean_catalog_gives_no_lint_finding(repo):
    data = json.loads(_run(repo, "lint", "--format", "json", "--fail-on", "never").stdout)
    assert [f for f in data["findings"] if f["code"] == "std.po"] == []


def test_update_exits_1_when_it_refuses_a_catalog_and_updates_the_others(repo):
    _edit(repo, 'msgstr "Scope"', 'msgstr "Scope\nmsgstr broken')
    before = (repo / PO).read_bytes()
    body = repo / "standards" / "endoc" / "body.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    result = _run(repo, "translate", "update")
    assert result.exit_code == 1, result.output
    assert f"not updated (line {_line(repo, 'msgstr broken') - 1}: PO syntax error" in result.stderr
    assert "updated: standards/endoc/locales/zh/LC_MESSAGES/endoc.po" in result.stdout  # done all the same
    assert 'msgid "A new paragraph."' in (repo / "standards/endoc/locales/zh/LC_MESSAGES/endoc.po").read_text(
        encoding="utf-8")
    assert (repo / PO).read_bytes() == before
    _edit(repo, 'msgstr "Scope\nmsgstr broken', 'msgstr "Scope"')
    assert _run(repo, "translate", "update").exit_code == 0


# -- PO files in the wrong place ---------------------------------------------------------------------------------

EXPECTED = "the catalog of zhdoc is standards/zhdoc/locales/en/LC_MESSAGES/zhdoc.po"
MISPLACED = {
    "a language the tool does not translate into": (
        "standards/zhdoc/locales/fr/LC_MESSAGES/zhdoc.po",
        "fr is not a language the tool translates into (a standard drafted in Chinese is translated into English "
        "only)"),
    "the master's own language": (
        "standards/zhdoc/locales/zh/LC_MESSAGES/zhdoc.po",
        "zh is the master's own language (the standard is drafted in Chinese: it is translated into English)"),
    "another name": (
        "standards/zhdoc/locales/en/LC_MESSAGES/other.po",
        "it is named other.po, but the catalog of zhdoc is named zhdoc.po (one catalog per standard)"),
    "a region": (
        "standards/zhdoc/locales/en_GB/LC_MESSAGES/zhdoc.po",
        "the folder is en_GB, but catalogs are per language (en), not per region or script"),
}


@pytest.mark.parametrize("case", sorted(MISPLACED))
def test_a_catalog_in_the_wrong_place_is_reported_everywhere(repo, case):
    path, why = MISPLACED[case]
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_bytes((repo / PO).read_bytes())
    message = f"catalog in the wrong place, not used: {why}; {EXPECTED}"
    status = _run(repo, "translate", "status")
    assert status.exit_code == 0, status.output  # a warning: the catalog itself is fine
    assert "zhdoc [en]: 15/15 translated (100%), 0 fuzzy, 0 missing, 1 PO file(s) in the wrong place" in status.stdout
    assert f"{path}: warning: {message}" in status.stderr, status.stderr
    row = next(r for r in json.loads(_run(repo, "translate", "status", "--format", "json").stdout)["standards"]
               if r["slug"] == "zhdoc")
    assert [(m["file"], m["expected"]) for m in row["misplaced"]] == [
        (path, "standards/zhdoc/locales/en/LC_MESSAGES/zhdoc.po")]
    assert row["misplaced"][0]["message"].startswith(message)
    update = _run(repo, "translate", "update")
    assert update.exit_code == 0 and f"{path}: warning: {message}" in update.stderr
    lint = json.loads(_run(repo, "lint", "--format", "json", "--fail-on", "never").stdout)
    assert [(f["file"], f["line"], f["severity"], f["standard"]) for f in lint["findings"] if f["code"] == "std.po"] \
        == [(path, None, "warning", "zhdoc")]
    build = _build_en(repo)
    assert [w for w in _po_warnings(build)] == [f"{path}:1: WARNING: {message} (merge its translations into that "
                                                "file) [std.po]" if case in ("another name", "a region") else
                                                f"{path}:1: WARNING: {message} (a translation into English belongs "
                                                "there) [std.po]"]


def test_update_says_so_when_it_creates_a_catalog_beside_one_in_the_wrong_place(repo):
    region = repo / "standards/zhdoc/locales/en_GB/LC_MESSAGES/zhdoc.po"
    region.parent.mkdir(parents=True)
    (repo / PO).rename(region)
    result = _run(repo, "translate", "update")
    assert (f"created (empty: standards/zhdoc/locales/en_GB/LC_MESSAGES/zhdoc.po is in the wrong place and not used; "
            f"move the translations into this catalog): {PO}") in result.stdout, result.output
    assert ("standards/zhdoc/locales/en_GB/LC_MESSAGES/zhdoc.po: warning: catalog in the wrong place, not used: the "
            f"folder is en_GB, but catalogs are per language (en), not per region or script; {EXPECTED} (move it "
            "there)") in result.stderr


def test_a_catalog_named_after_another_standard_is_not_its_catalog(repo):
    """zhdoc/locales/en/LC_MESSAGES/endoc.po is no catalog of endoc (an English master): the English edition never
    applies it, and it is reported."""
    stray = repo / "standards/zhdoc/locales/en/LC_MESSAGES/endoc.po"
    stray.write_text(HEADER + 'msgid "The text shall be checked."\nmsgstr "HIJACKED"\n', encoding="utf-8")
    result = _build_en(repo)
    assert "The text shall be checked." in _text(repo / "build" / "html-en" / "endoc" / "body.html")
    assert "HIJACKED" not in _text(repo / "build" / "html-en" / "endoc" / "body.html")
    assert any(w.startswith("standards/zhdoc/locales/en/LC_MESSAGES/endoc.po:1: WARNING: catalog in the wrong place")
               for w in _po_warnings(result)), result.warnings


# -- a standard with invalid metadata is reported, never silently left out ------------------------------------------

def test_status_and_update_report_a_standard_with_invalid_metadata_and_go_on(repo):
    index = repo / "standards" / "endoc" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("stage: CD\n", "stage: CD\nics: [35.080\n", 1),
                     encoding="utf-8")
    lint = _run(repo, "lint", "--fail-on", "never").stdout
    expected = next(l for l in lint.splitlines() if " std.metadata error " in l).replace(" std.metadata error ", " ")
    expected = expected.removesuffix(" （元数据无效）")  # lint adds the Chinese name of the problem's kind
    assert expected.startswith("standards/endoc/index.md:") and "invalid metadata: malformed YAML" in expected
    line = int(expected.split(":")[1])  # where the YAML parser notices the open list
    status = _run(repo, "translate", "status")
    assert status.exit_code == 1, status.output
    assert expected in status.stderr.splitlines(), status.stderr  # as std lint shows it
    assert "zhdoc [en]: 15/15 translated (100%)" in status.stdout  # the others all the same
    result = _run(repo, "translate", "status", "--format", "json")
    assert result.exit_code == 1 and expected in result.stderr.splitlines()
    data = json.loads(result.stdout)  # still valid JSON, with the other standards
    assert [r["slug"] for r in data["standards"]] == ["zhdoc"]
    assert set(data["standards"][0]) == {"slug", "language", "translated", "fuzzy", "missing"}
    assert [(e["slug"], e["file"], e["line"]) for e in data["errors"]] == [("endoc", "standards/endoc/index.md", line)]
    assert expected.endswith(data["errors"][0]["message"])
    only = _run(repo, "translate", "status", "--standard", "endoc")
    assert only.exit_code == 1 and expected in only.stderr.splitlines() and only.stdout == ""
    update = _run(repo, "translate", "update")
    assert update.exit_code == 1, update.output
    assert expected in update.stderr.splitlines(), update.stderr
    assert re.search(rf"^(updated|unchanged): {PO}$", update.stdout, re.M), update.stdout  # the others all the same
    # once fixed, nothing is reported
    index.write_text(index.read_text(encoding="utf-8").replace("ics: [35.080\n", ""), encoding="utf-8")
    assert "errors" not in json.loads(_run(repo, "translate", "status", "--format", "json").stdout)
    assert _run(repo, "translate", "status").exit_code == 0


def test_a_clean_repository_has_no_errors_key_in_status_json(repo):
    result = _run(repo, "translate", "status", "--format", "json")
    assert result.exit_code == 0 and set(json.loads(result.stdout)) == {"standards"}
