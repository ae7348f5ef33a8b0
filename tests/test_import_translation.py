"""``std import SOURCE --translation OTHER``: the translation becomes the master's catalog.

Unit tests of the alignment (:mod:`tooling.translate.align`) on small inputs; imports
of small pairs written for these tests (tests/roots/test-import-pair-*: a faithful
pair, and a pair whose translation was renumbered and has a clause inserted) built
in the other language; bad input; and — with ../shared/corpus beside the
repository — real pairs: OpenChain 1.1 (a faithful pair), OWASP ASVS 4.0.3 (folders;
its JSON says which requirement is which) and the OpenChain DIS 18974 drafts (the
Chinese text keeps the 1.1 numbering). Each real pair is imported once per module.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from tooling.cli import main
from tooling.importer import ImportError_, import_standard
from tooling.importer.errors import Messages
from tooling.importer.ids import IdRegistry
from tooling.importer.parse import parse_files
from tooling.importer.source import SourceFile
from tooling.importer.structure import build_document
from tooling.importer.terms import read_terms
from tooling.importer.writer import assign_ids
from tooling.model.metadata import load_metadata
from tooling.project import Project
from tooling.translate.align import (Unit, adapt_markup, align_clauses, align_units, anchor_similarity,
                                     detect_language, features, plain_text, renumber, set_features, weight)
from tooling.translate.catalogs import status, update

ROOTS = Path(__file__).parent / "roots"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
OPENCHAIN = CORPUS / "openchain-18974" / "official"
ASVS = CORPUS / "owasp-asvs-4.0.3"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")
BASIC = ROOTS / "test-import-pair-basic"
DRIFT = ROOTS / "test-import-pair-drift"


def _import(source: Path, target: Path, designation: str, lang: str, translation: Path | None, **kw):
    options = {"profile": None, "stage": None, "force": False, "date": "2026-03-01"}
    options.update(kw)
    return import_standard(source, designation=designation, lang=lang, target=target, translation=translation,
                           **options)


def _catalog(report) -> dict[str, str]:
    """msgid → msgstr of the catalog an import wrote (every msgid, translated or not)."""
    with report.translation.catalog.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _html_text(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def _document(text: str, lang: str):
    messages = Messages()
    doc = build_document(parse_files([SourceFile(Path(f"{lang}.md"), text)]), messages, lang, multi_file=False)
    read_terms(doc, messages)
    assign_ids(doc, IdRegistry(), messages)
    return doc


# -- the alignment on small inputs ---------------------------------------------------------------------------


def test_detect_language():
    assert detect_language("本文件规定了小部件的称量方法，适用于质量不超过500 g的小部件。") == "zh"
    assert detect_language("This document specifies the weighing method for widgets.") == "en"
    # Chinese text quoting English names and URLs is still Chinese
    assert detect_language("验证使用安全的软件开发生命周期（SDLC），见 https://owasp.org/www-project-proactive-controls/"
                           " 和 OWASP ASVS。") == "zh"
    assert detect_language("短") is None


def test_features_and_anchors():
    zh = features("组件记录应包括SBOM数据作者和时间戳（根据NTIA《SBoM最小元素》），见4.5和3.1.1.1。", "zh", base="3.1.1")
    en = features("A Component Record should consist of the Author of SBOM Data (as per NTIA minimum elements "
                  "for SBoM), see 4.5 and 4.1.1.1.", "en", base="4.1.1")
    assert {"sbom", "ntia"} <= zh.required and {"sbom", "ntia"} <= en.required
    assert "§.1" in zh.numbers and "§.1" in en.numbers  # numbered items relative to their clause
    assert anchor_similarity(zh, en) == 1.0
    other = features("The balance shall be calibrated every 12 months, see ISO/IEC 17025.", "en")
    assert anchor_similarity(zh, other) == 0.0
    assert anchor_similarity(features("范围", "zh"), features("Scope", "en")) is None
    assert plain_text("[**1.1.1**]{#v1-1-1} see [3.1](#general) and {cite}`ISO 9999`") == "1.1.1 see 3.1 and ISO 9999"
    assert weight("范围 Scope") == 2 * 3 + 5  # a Chinese character weighs about three Latin letters


def test_renumber():
    mapping = {"4": "3", "4.1": "3.1", "4.1.1": "3.1.1", "4.1.4": "3.1.4", "3.7": "2.7"}
    assert renumber("4.1.1.1: A documented policy", mapping) == "3.1.1.1: A documented policy"
    assert renumber("the program specified in 4.1.4 satisfies", mapping) == "the program specified in 3.1.4 satisfies"
    assert renumber("Clause 4 defines the requirements", mapping) == "Clause 3 defines the requirements"
    assert renumber("见第4章", mapping) == "见第3章"
    # numbers that are not clause numbers, code, URLs and link targets are left alone
    for text in ("scores above 4.5", "see [3] and 18 months", "CC-BY-4.0", "`4.1.1`", "https://x.org/4.1.1",
                 "[text](#v4-1-1)"):
        assert renumber(text, mapping) == text
    assert renumber("4.1.1.1", {}) == "4.1.1.1"


def test_adapt_markup():
    ids = {"general-requirements": "tong-yong-yao-qiu"}
    assert adapt_markup("见[3.1](#tong-yong-yao-qiu)。", "see [3.1](#general-requirements).", ids) == (
        "see [3.1](#tong-yong-yao-qiu).", "")
    assert adapt_markup("见{ref}`tong-yong-yao-qiu`。", "see {ref}`general-requirements`.", ids)[0] == (
        "see {ref}`tong-yong-yao-qiu`.")
    # inline IDs are the master's (a renumbered requirement row keeps the master's ID)
    assert adapt_markup("[**3.1.1**]{#v3-1-1}", "[**3.1.1**]{#v4-1-1}", {})[0] == "[**3.1.1**]{#v3-1-1}"
    value, why = adapt_markup("见[3.1](#tong-yong-yao-qiu)。", "see 3.1.", ids)
    assert value is None and "ref tong-yong-yao-qiu" in why
    value, why = adapt_markup("质量。", "see [Annex A](#annex-a).", ids)
    assert value is None and "annex-a" in why
    assert adapt_markup("{cite}`GB/T 1.1`的规定", "as {cite}`GB/T 1.1` says", {})[0] == "as {cite}`GB/T 1.1` says"
    assert adapt_markup("{cite}`GB/T 1.1`的规定", "as GB/T 1.1 says", {})[0] is None


def _units(texts: list[tuple[str, str]], owner: str) -> list[Unit]:
    return [Unit(msgid, kind, (), owner, "x.md", n, text=plain_text(msgid), size=weight(plain_text(msgid)), index=n)
            for n, (kind, msgid) in enumerate(texts)]


def test_align_units_by_content_and_never_unrelated():
    master = _units([("title", "要求"), ("paragraph", "试样应在105 °C下干燥2 h。"),
                     ("paragraph", "干燥后的试样应冷却30 min后称量。"), ("paragraph", "废弃物按照当地规定处理，不得倒入下水道。")],
                    "yao-qiu")
    translation = _units([("title", "Requirements"),
                          ("paragraph", "The balance shall be calibrated every 12 months, see ISO/IEC 17025."),
                          ("paragraph", "The test piece shall be dried at 105 °C for 2 h."),
                          ("paragraph", "After drying, the test piece shall be cooled for 30 min and weighed.")],
                         "requirements")
    set_features(master, "zh", {})
    set_features(translation, "en", {})
    pairs = [(m.msgid, t.msgid) for m, t in align_units(master, translation, 1.0)]
    assert pairs == [("要求", "Requirements"),
                     ("试样应在105 °C下干燥2 h。", "The test piece shall be dried at 105 °C for 2 h."),
                     ("干燥后的试样应冷却30 min后称量。",
                      "After drying, the test piece shall be cooled for 30 min and weighed.")]


def test_align_units_table_rows_by_requirement_number():
    master = _units([("cell", "[**1.1.2**]{#v1-1-2}"), ("cell", "验证使用威胁建模。"), ("cell", "✓")], "v")
    translation = _units([("cell", "[**1.1.1**]{#v1-1-1}"), ("cell", "Verify the use of a lifecycle."),
                          ("cell", "✓"), ("cell", "[**1.1.2**]{#v1-1-2}"),
                          ("cell", "Verify the use of threat modeling."), ("cell", "✓")], "v")
    for units in (master, translation):
        for unit in units:
            unit.row, unit.column = None, unit.index % 3
    master[0].row = master[1].row = master[2].row = "1.1.2"
    for unit in translation:
        unit.row = "1.1.1" if unit.index < 3 else "1.1.2"
    set_features(master, "zh", {})
    set_features(translation, "en", {})
    pairs = [(m.msgid, t.msgid) for m, t in align_units(master, translation, 1.0)]
    assert pairs == [("[**1.1.2**]{#v1-1-2}", "[**1.1.2**]{#v1-1-2}"), ("验证使用威胁建模。", "Verify the use of threat modeling."),
                     ("✓", "✓")]


def test_align_clauses_renumbered_inserted_and_incompatible():
    zh = _document("# 样品\n\n## 1 范围\n\n本文件规定了干燥方法。\n\n## 2 术语和定义\n\n下列术语适用。\n\n"
                   "### 2.1 - 干燥箱\n\n能保持105 °C的设备。\n\n## 3 要求\n\n### 3.1 干燥\n\n于105 °C下干燥2 h。\n\n"
                   "### 3.2 称量\n\n冷却30 min后称量。\n", "zh")
    en = _document("# Sample\n\n## 1 Scope\n\nThis document specifies a drying method.\n\n## 2 Normative references\n\n"
                   "None.\n\n## 3 Terms and definitions\n\nThe following terms apply.\n\n### 3.1 - Drying oven\n\n"
                   "Apparatus able to keep 105 °C.\n\n## 4 Requirements\n\n### 4.1 Drying\n\nDry at 105 °C for 2 h.\n\n"
                   "### 4.2 Calibration\n\nCalibrate every 12 months (ISO/IEC 17025).\n\n### 4.3 Weighing\n\n"
                   "Weigh after cooling for 30 min.\n", "en")
    result = align_clauses(zh, en, "zh", "en")
    pairs = {m.number or m.plain: t.number or t.plain for m, t in result.pairs}
    assert pairs == {"1": "1", "2": "3", "2.1": "3.1", "3": "4", "3.1": "4.1", "3.2": "4.3"}
    assert [t.number for t in result.translation_only] == ["2", "4.2"]
    assert result.master_only == []
    assert [(m.number, t.number) for m, t in result.renumbered][:2] == [("2", "3"), ("2.1", "3.1")]
    assert result.id_map()["drying-oven"] == next(c.id for c in zh.walk() if c.number == "2.1")
    # a term entry is never paired with a clause, a scope never with normative references
    assert all((m.term is None) == (t.term is None) for m, t in result.pairs)


# -- small pairs, imported and built -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    root = tmp_path_factory.mktemp("import-pairs")
    digest = _digest(BASIC), _digest(DRIFT)
    reports = {
        "basic": _import(BASIC / "zh.md", root / "standards" / "basic", "GB/T XXXXX—XXXX", "zh", BASIC / "en.md"),
        "basic-en": _import(BASIC / "en.md", root / "standards" / "basic-en", "ISO/IEC DIS 99999", "en",
                            BASIC / "zh.md"),
        "drift": _import(DRIFT / "zh", root / "standards" / "drift", "GB/T XXXXX—XXXX", "zh", DRIFT / "en"),
    }
    assert (_digest(BASIC), _digest(DRIFT)) == digest, "the import modified its source"
    return root, reports


def test_basic_pair_catalog(pairs):
    root, reports = pairs
    report = reports["basic"]
    assert report.translation.catalog == root / "standards" / "basic" / "locales" / "en" / "LC_MESSAGES" / "basic.po"
    catalog = _catalog(report)
    assert report.translation.total == len(catalog) == 30
    assert report.translation.translated == 30 and all(catalog.values())
    assert catalog["本文件规定了小部件的称量方法，适用于质量不超过500 g的小部件。"] == (
        "This document specifies the weighing method for widgets, applicable to widgets of no more than 500 g.")
    assert catalog["被称量的小型装置，质量不超过500 g。"] == "Small device to be weighed, of no more than 500 g."
    assert catalog["任何经校准的天平均可使用。"] == "Any calibrated balance may be used."  # the note
    assert catalog["3.1.1：校准证书；"] == "3.1.1: A calibration certificate;"
    # MyST consistent with the msgid: the reference goes to the master's ID, the row IDs are the master's
    assert catalog["称量还应满足下表的要求，见[3.1](#tong-yong-yao-qiu)。"] == (
        "The weighing shall also meet the requirements of the table below, see [3.1](#tong-yong-yao-qiu).")
    assert catalog["[**3.2.2**]{#req-3-2-2}"] == "[**3.2.2**]{#req-3-2-2}"
    assert catalog["验证称量在无风环境中进行，温度为20 °C ± 2 °C。"].startswith("Verify that the weighing takes place")
    # what gettext does not see is bilingual in the markup: term equivalents and the title
    terms = (root / "standards" / "basic" / "03-shu-yu-he-ding-yi.md").read_text(encoding="utf-8")
    assert ":::{term} 小部件\n:en: Widget\n" in terms
    assert ":admitted: SBOM\n:en: Software bill of materials\n" in terms  # SBOM is the same in both: no :admitted-en:
    meta = load_metadata(root / "standards" / "basic" / "index.md")
    assert meta.title["en"] == {"introductory": "Widgets", "main": "Weighing method"}
    assert [m for m in report.messages if "has no counterpart" in m or "is not used" in m] == []
    assert any(m.endswith("30 of 30 messages translated; 9 clauses and term entries aligned, 0 of them renumbered, 0 without counterpart "
                          "in the translation, 0 translation clauses and 0 translation messages left over")
               for m in report.messages)


def test_reverse_direction(pairs):
    """An English master with its Chinese translation: the catalog is zh, references map the other way."""
    root, reports = pairs
    report = reports["basic-en"]
    assert report.translation.catalog == root / "standards" / "basic-en" / "locales" / "zh" / "LC_MESSAGES" / (
        "basic-en.po")
    catalog = _catalog(report)
    assert report.translation.translated == report.translation.total == 30
    assert catalog["The weighing shall also meet the requirements of the table below, see [3.1](#general-requirements)."] \
        == "称量还应满足下表的要求，见[3.1](#general-requirements)。"
    terms = (root / "standards" / "basic-en" / "03-terms-and-definitions.md").read_text(encoding="utf-8")
    assert ":::{term} Widget\n:zh: 小部件\n" in terms


def test_catalog_is_what_the_catalog_tools_expect(pairs):
    """``std translate update`` leaves the catalog as it is; ``std translate status`` counts what the import said."""
    root, reports = pairs
    project = Project(root)
    assert {path.parent.parent.parent.parent.name: what for path, what in update(project)} == {
        "basic": "unchanged", "basic-en": "unchanged", "drift": "unchanged"}
    rows = {row.slug: row for row in status(project)}
    for slug, report in reports.items():
        assert (rows[slug].translated, rows[slug].missing) == (
            report.translation.translated, report.translation.total - report.translation.translated), slug


def test_drift_pair_reports(pairs):
    root, reports = pairs
    report = reports["drift"]
    zh, en = DRIFT / "zh" / "02-body.md", DRIFT / "en" / "02-body.md"
    messages = "\n".join(report.messages)
    # renumbered clauses, with file:line of both sides
    assert f"{zh}:5: clause 2 '术语和定义' is 3 in the translation ({en}:9)" in messages
    assert f"{zh}:9: term entry 2.1 '干燥箱' is 3.1 in the translation ({en}:13)" in messages
    assert f"{zh}:23: clause 3.2 '称量' is 4.3 in the translation ({en}:33)" in messages  # by content: 4.2 was inserted
    assert report.translation.renumbered == [("2", "3"), ("2.1", "3.1"), ("2.2", "3.2"), ("3", "4"), ("3.1", "4.1"),
                                             ("3.2", "4.3"), ("3.3", "4.4")]
    # a master clause without counterpart, translation clauses and a block left over
    assert f"{zh}:31: clause 3.4 '废弃物处理' has no counterpart in the translation (after clause 4.4 'Report' at " \
           f"{en}:37)" in messages
    assert f"{en}:5: translation clause 2 'Normative references' has no counterpart in the master (after clause 1 " \
           f"'范围' at {zh}:1)" in messages
    assert f"{en}:29: translation clause 4.2 'Calibration' has no counterpart in the master" in messages
    assert f"{en}:27: translation text 'The drying oven shall be checked with a…' of clause 4.1 'Drying' has no " \
           f"counterpart in the master's clause 3.1 '干燥' ({zh}:19)" in messages
    assert (report.translation.master_only, report.translation.translation_only, report.translation.leftover) == (
        ["fei-qi-wu-chu-li"], ["normative-references", "calibration"], 1)
    catalog = _catalog(report)
    # never pairs unrelated text: the clause without counterpart stays untranslated, the inserted one is not used
    assert catalog["废弃物处理"] == "" and catalog["干燥后的试样按照当地规定处理，不得倒入下水道。"] == ""
    assert not [v for v in catalog.values() if "calibrated every 12 months" in v or "There are no normative" in v]
    assert catalog["称量"] == "Weighing" and catalog["报告"] == "Report"
    # a clause number written in the translation's text follows the master's numbering
    assert catalog["试样应在干燥箱（2.1）中于105 °C下干燥2 h。"] == (
        "The test piece shall be dried in the drying oven (2.1) at 105 °C for 2 h.")
    assert report.translation.translated == 15 and report.translation.total == 17
    lines = [int(m.split(":")[1]) for m in report.messages if m.startswith(str(zh))]
    assert lines == sorted(lines), "messages in source order"


def test_build_in_the_other_language(pairs):
    """``std build --lang en`` of the imported Chinese master: the English edition shows the translation."""
    root, _ = pairs
    result = Project(root).sphinx("html", root / "build" / "html-en", doctreedir=root / "build" / "doctrees-en",
                                  overrides={"std_output_language": "en"})
    assert [w for w in result.warnings if "[stdlint." not in w] == []
    html = root / "build" / "html-en" / "basic"
    requirements = _html_text(html / "04-yao-qiu.html")
    assert "Verify that the balance is zeroed before every weighing." in requirements
    assert "see 3.1" in requirements and 'href="#tong-yong-yao-qiu"' in (html / "04-yao-qiu.html").read_text()
    assert "验证天平" not in requirements
    terms = _html_text(html / "03-shu-yu-he-ding-yi.html")
    assert "Widget" in terms and "Small device to be weighed" in terms


# -- bad input --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("translation", "message"), [
    ("missing.md", "--translation: {tmp}/missing.md: no such file or folder"),
    ("empty", "--translation: {tmp}/empty: the folder holds no .md files"),
    ("same.md", "--translation: {tmp}/same.md is written in zh, but the master is in zh (--lang zh): "
                "the translation must be in en"),
    ("source", "is the source itself"),
])
def test_bad_translation(tmp_path, translation, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not markdown")
    shutil.copy(DRIFT / "zh" / "02-body.md", tmp_path / "same.md")
    source = BASIC / "zh.md"
    path = source if translation == "source" else tmp_path / translation
    target = tmp_path / "repo" / "standards" / "x"
    with pytest.raises(ImportError_, match=re.escape(message.format(tmp=tmp_path))):
        _import(source, target, "GB/T XXXXX—XXXX", "zh", path)
    assert not (tmp_path / "repo").exists(), "nothing is written"


def test_cli_translation(tmp_path):
    runner = CliRunner()
    args = ["import", str(DRIFT / "zh"), "--designation", "GB/T XXXXX—XXXX", "--lang", "zh", "--translation",
            str(DRIFT / "en"), "--date", "2026-03-01", "--to", str(tmp_path / "standards" / "drift")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "catalog written from" in result.stderr and "is 4.3 in the translation" in result.stderr
    assert (tmp_path / "standards" / "drift" / "locales" / "en" / "LC_MESSAGES" / "drift.po").is_file()
    bad = runner.invoke(main, [*args[:5], "zh", "--translation", str(DRIFT / "zh" / "02-body.md"), *args[8:-1],
                               str(tmp_path / "standards" / "bad")])
    assert bad.exit_code == 1 and "the translation must be in en" in bad.stderr and "Traceback" not in bad.output


# -- real pairs from ../shared/corpus -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def openchain_11(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    root = tmp_path_factory.mktemp("pair-openchain-1-1")
    report = _import(OPENCHAIN / "1.1-zh-Hans.md", root / "standards" / "openchain", "ISO/IEC DIS 18974", "zh",
                     OPENCHAIN / "1.1-en.md")
    return root, report


@pytest.fixture(scope="module")
def asvs(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    root = tmp_path_factory.mktemp("pair-asvs")
    digest = _digest(ASVS)
    report = _import(ASVS / "zh-cn", root / "standards" / "asvs", "OWASP ASVS 4.0.3", "zh", ASVS / "en")
    assert _digest(ASVS) == digest, "the import modified its source"
    return root, report


@pytest.fixture(scope="module")
def dis(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    root = tmp_path_factory.mktemp("pair-dis")
    report = _import(OPENCHAIN / "DIS-18974-initial-zh-Hans.md", root / "standards" / "dis", "ISO/IEC DIS 18974", "zh",
                     OPENCHAIN / "DIS-18974-initial-en.md")
    return root, report


@pytest.mark.corpus
@needs_corpus
def test_openchain_11_faithful_pair(openchain_11):
    _, report = openchain_11
    result = report.translation
    assert result.ratio >= 0.95, (result.translated, result.total)
    assert (result.renumbered, result.master_only, result.translation_only) == ([], [], [])
    catalog = _catalog(report)
    assert catalog["本规范规定了合格的开源软件安全保证程序的关键要求，该程序在组织间交换由开源软件组成的软件解决方案时可建立信任。"] == (
        "This document specifies the key requirements of a quality Open Source Software Security Assurance Program "
        "that establishes trust between organizations exchanging software solutions comprised of Open Source "
        "Software.")
    assert catalog["3.1.2.3：参与者名单及其角色；"] == "3.1.2.3: List of participants and their roles;"
    assert catalog["组件记录应包括供应商名称、组件名称、组件版本、其他唯一标识符、依赖关系、SBOM数据作者和时间戳（根据NTIA《SBoM最小元素》）"] \
        .startswith("A Component Record should consist of a Supplier Name, Component Name")
    assert catalog["对系统满足安全最佳实践要求并能够抵御已知漏洞的可信度。"] == (
        "The confidence that a system meets the requirements for security best practices and is resilient "
        "against Known Vulnerabilities.")
    assert catalog["验证材料："] == "Verification Material(s):" and catalog["理由："] == "Rationale:"
    assert catalog["（中文版。翻译人：张俊霞，中国信息通信研究院）"] == ""  # the translator's credit has no counterpart
    assert any("'（中文版。翻译人：张俊霞，中国信息通信研究院）' of clause '规范介绍' has no counterpart" in m for m in report.messages)


@pytest.mark.corpus
@needs_corpus
def test_openchain_11_english_edition(openchain_11):
    root, _ = openchain_11
    result = Project(root).sphinx("html", root / "build" / "html-en", doctreedir=root / "build" / "doctrees-en",
                                  overrides={"std_output_language": "en"})
    assert [w for w in result.warnings if "[stdlint." not in w] == []
    html = root / "build" / "html-en" / "openchain"
    assert "This document specifies the key requirements" in _html_text(html / "02-fan-wei.html")
    terms = _html_text(html / "03-shu-yu-ding-yi-he-shi-li.html")
    assert "Component Records" in terms and "A Component Record should consist of" in terms


def _asvs_requirements(lang: str) -> dict[str, str]:
    data = json.loads((ASVS / "json" / f"OWASP_Application_Security_Verification_Standard_4.0.3-{lang}.json")
                      .read_text(encoding="utf-8"))
    return {r["Shortcode"]: r["Description"] for chapter in data["Requirements"] for section in chapter["Items"]
            for r in section["Items"]}


@pytest.mark.corpus
@needs_corpus
def test_asvs_every_requirement(asvs):
    """The JSON says which requirement is which: each zh requirement's msgstr is the en text of the same ID."""
    root, report = asvs
    zh, en = _asvs_requirements("zh-cn"), _asvs_requirements("en")
    assert len(zh) == len(en) == 286 and set(zh) == set(en)
    catalog = _catalog(report)
    # Sphinx does not extract the cells of a table nested in a directive (MyST gives them no source):
    # such rows are not messages at all; the written master says which rows those are
    missing = {code for code in zh if zh[code] not in catalog}
    assert missing == set(), missing  # rows of tables nested in blocks (V3.7.1) included
    wrong = {code: (catalog[zh[code]], en[code]) for code in zh if code not in missing and catalog[zh[code]] != en[code]}
    assert wrong == {}
    assert len(zh) - len(missing) >= 285
    # the row IDs are the master's, the same in both languages
    assert catalog["[**1.1.1**]{#v1-1-1}"] == "[**1.1.1**]{#v1-1-1}"
    result = report.translation
    assert result.ratio >= 0.99 and (result.renumbered, result.master_only, result.translation_only) == ([], [], [])


@pytest.mark.corpus
@needs_corpus
def test_dis_renumbered_and_unaligned_clauses_reported(dis):
    _, report = dis
    zh, en = OPENCHAIN / "DIS-18974-initial-zh-Hans.md", OPENCHAIN / "DIS-18974-initial-en.md"
    messages = "\n".join(report.messages)
    for line, what, number, other, other_line in [
            (42, "clause 2 '术语、定义和示例'", "2", "3", 49), (46, "term entry 2.1 '组件记录'", "2.1", "3.1", 53),
            (98, "term entry 2.14 '验证材料'", "2.14", "3.14", 139), (102, "clause 3 '要求'", "3", "4", 151),
            (106, "clause 3.1.1 '政策'", "3.1.1", "4.1.1", 155), (279, "clause 3.4.2 '持续时间'", "3.4.2", "4.4.2", 370)]:
        assert f"{zh}:{line}: {what} is {other} in the translation ({en}:{other_line})" in messages
        assert (number, other) in report.translation.renumbered
    assert len(report.translation.renumbered) == 31  # every clause after 1 Scope: 2 → 3, 3 → 4 and below
    assert f"{en}:37: translation clause 2 'Normative references' has no counterpart in the master" in messages
    assert f"{en}:382: translation clause 'Bibliography' has no counterpart in the master" in messages
    assert report.translation.translation_only == ["normative-references", "bibliography"]
    assert f"{en}:145: translation text 'ISO and IEC maintain terminological dat…' of clause 3 " in messages
    assert report.translation.translated >= 0.9 * report.translation.total


def _section_text(path: Path, start: str, end: str) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index(start):text.index(end)]


@pytest.mark.corpus
@needs_corpus
def test_dis_never_pairs_unrelated_text(dis):
    """Read independently of the importer: term definitions pair with term definitions, requirements with
    requirements, and every numbered verification material with the same material."""
    _, report = dis
    zh_terms = _section_text(OPENCHAIN / "DIS-18974-initial-zh-Hans.md", "## 2：术语", "# 3 - 要求")
    zh_requirements = (OPENCHAIN / "DIS-18974-initial-zh-Hans.md").read_text(encoding="utf-8").split("# 3 - 要求")[1]
    en_terms = _section_text(OPENCHAIN / "DIS-18974-initial-en.md", "### 3 Terms", "### 4 Requirements")
    en_requirements = _section_text(OPENCHAIN / "DIS-18974-initial-en.md", "### 4 Requirements", "## Bibliography")
    catalog = _catalog(report)
    checked = {"terms": 0, "requirements": 0, "materials": 0}
    for msgid, msgstr in catalog.items():
        if not msgstr or len(msgid) < 8:
            continue
        core = re.sub(r"^\d+(?:\.\d+)*[:：]\s*", "", msgstr)[:50]
        if msgid in zh_terms and msgid not in zh_requirements:
            assert core in en_terms and core not in en_requirements, (msgid, msgstr)
            checked["terms"] += 1
        elif msgid in zh_requirements and msgid not in zh_terms:
            assert core in en_requirements and core not in en_terms, (msgid, msgstr)
            checked["requirements"] += 1
        if m := re.match(r"^(\d+(?:\.\d+){3})：", msgid):
            # the material's number, in the master's numbering (the translation says 4.1.1.1 for 3.1.1.1)
            assert msgstr.startswith(m[1] + ":"), (msgid, msgstr)
            assert re.sub(r"^\d+", lambda n: str(int(n.group()) + 1), m[1]) + ":" in en_requirements
            checked["materials"] += 1
    assert checked["terms"] >= 12 and checked["requirements"] >= 60 and checked["materials"] == 25
    # the clause the English text added has no counterpart, and its text is in no msgstr
    assert not [v for v in catalog.values() if "For undated references" in v or "[4] Security Assurance" in v]


# -- a translation in another language of Latin script ----------------------------------------------------------

GERMAN = """# Kleinteile — Wägeverfahren

## 1 Anwendungsbereich

Dieses Dokument legt das Verfahren für das Wägen von Kleinteilen fest. Es gilt für Kleinteile, deren Masse nicht
mehr als 500 g beträgt, und für die Waagen, die dafür verwendet werden.

## 2 Anforderungen

Die Waage muss vor jeder Wägung auf null gestellt werden. Die Ergebnisse der Wägung sind mit der Angabe der
verwendeten Waage und des Datums aufzuzeichnen. Eine Waage, die nicht kalibriert ist, darf nicht verwendet werden,
und die Kalibrierung ist von einer Stelle durchzuführen, die dafür zugelassen ist.
"""

FRENCH = """# Petites pièces — Méthode de pesage

## 1 Domaine d'application

Le présent document spécifie la méthode de pesage des petites pièces. Il est applicable aux pièces dont la masse
ne dépasse pas 500 g et aux balances qui sont utilisées pour le pesage.

## 2 Exigences

La balance doit être mise à zéro avant chaque pesée. Les résultats de la pesée doivent être enregistrés avec la
balance utilisée et la date. Une balance qui n'est pas étalonnée ne doit pas être utilisée, et l'étalonnage doit
être fait par un laboratoire qui est accrédité pour cela.
"""


def test_english_check():
    from tooling.translate.align import english_check

    assert english_check((BASIC / "en.md").read_text(encoding="utf-8")) is None
    assert english_check("".join(p.read_text(encoding="utf-8") for p in sorted((DRIFT / "en").glob("*.md")))) is None
    assert english_check(GERMAN).startswith("it looks like German (die, der, und")
    assert "the English function words the, of, and, to, in, a, is, shall, be, for make " in english_check(GERMAN)
    assert english_check(FRENCH).startswith("it looks like French (")
    assert english_check("Kurz und klein.") is None  # too short to tell


@pytest.mark.parametrize(("master", "lang", "text", "message"), [
    (BASIC / "zh.md", "zh", GERMAN, "--translation: {tmp}/translation.md is not written in English: it looks like "
                                    "German ("),
    (BASIC / "zh.md", "zh", FRENCH, "--translation: {tmp}/translation.md is not written in English: it looks like "
                                    "French ("),
    (BASIC / "en.md", "en", GERMAN, "--translation: {tmp}/translation.md is not written in Chinese: it looks like "
                                    "German ("),
])
def test_a_translation_in_another_latin_language_is_refused(tmp_path, master, lang, text, message):
    (tmp_path / "translation.md").write_text(text, encoding="utf-8")
    target = tmp_path / "repo" / "standards" / "x"
    with pytest.raises(ImportError_, match=re.escape(message.format(tmp=tmp_path))) as refused:
        _import(master, target, "GB/T XXXXX—XXXX", lang, tmp_path / "translation.md")
    other = "en" if lang == "zh" else "zh"
    assert str(refused.value).endswith(f"the translation of a master in {lang} must be in {other} "
                                       f"({'English' if other == 'en' else 'Chinese'})")
    assert not (tmp_path / "repo").exists(), "nothing is written"


@needs_corpus
def test_openchain_german_is_not_the_english_translation(tmp_path):
    german = OPENCHAIN / "1.1-de.md"
    if not german.is_file():
        pytest.skip(f"{german} is not in the corpus")
    result = CliRunner().invoke(main, ["import", str(OPENCHAIN / "1.1-zh-Hans.md"), "--designation", "ISO/IEC DIS 18974",
                                       "--lang", "zh", "--translation", str(german), "--to",
                                       str(tmp_path / "standards" / "openchain")])
    assert result.exit_code == 1
    assert f"--translation: {german} is not written in English: it looks like German (" in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "standards").exists()


def test_language_check_of_a_short_latin_text_with_two_chinese_characters():
    """Too few Latin words to say which language, too few Chinese characters to be Chinese: a message, no crash."""
    from tooling.translate.align import language_check

    text = "中文" + " word" * 40 + " abbreviation" * 9
    assert language_check(text, "zh").startswith("it has almost no Chinese characters (2 beside ")
