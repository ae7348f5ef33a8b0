"""Change tracking between revisions (``tooling.diff``, ``std diff``).

Three layers:

- the pipeline steps on clause models written here (tokens, matching, block alignment,
  classification, the foreword draft, the terminal summary, the JSON contract), in Chinese
  and English: every status and class, cases C10 and C11;
- real revisions of a small GB standard written for these tests, committed to a temporary
  git repository with tagged editions and built with Sphinx (git refs, the English edition
  through the translation catalogs, the ``std diff`` command, bad input);
- real revision series from ../shared/corpus (``@pytest.mark.corpus``): the 20 dated
  committee revisions of the OpenChain 2.0 draft series (every adjacent pair and the first
  against the last), the 15 kramdown-rfc revisions of draft-ietf-httpbis-header-structure,
  and OpenChain 1.1 → DIS 18974. Each revision is imported and built once (in parallel);
  the reported changes are checked against a plain ``diff`` of the source files.
"""

from __future__ import annotations

import difflib
import json
import multiprocessing
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main
from tooling.diff import diff_revisions
from tooling.diff.align import align_blocks
from tooling.diff.classify import quantities
from tooling.diff.foreword import technical_changes
from tooling.diff.load import ImportOptions, RevisionError, load_revision
from tooling.diff.model import Block, Clause, Snapshot
from tooling.diff.text import NO_CHANGES, summary_text
from tooling.diff.tokens import diff_tokens, tokenize
from tooling.model.numbers import number_words

from .conftest import CORPUS, git

# -- clause models written by hand -----------------------------------------------------------------


def P(text: str, kind: str = "paragraph", stable: str = "", key: str = "") -> Block:  # noqa: N802
    return Block(kind, text, key=key, stable=stable)


def C(key: str, number: str, title: str, *blocks: Block, parent: str | None = None, kind: str = "clause",  # noqa: N802
      role: str | None = None, obligation: str | None = None, id: str | None = None) -> Clause:  # noqa: A002
    level = number.count(".") + 1 if number else 1
    return Clause(id=key if id is None else id, key=key, number=number, title=title, kind=kind, role=role,
                  obligation=obligation, parent=parent, level=level, blocks=list(blocks))


def S(*clauses: Clause, lang: str = "zh", profile: str = "gb", designation: str = "GB/T 12345—2020",  # noqa: N802
      edition: str = "2020", label: str = "old") -> Snapshot:
    return Snapshot(label, "adapter", designation, lang, profile, edition, list(clauses))


def by_title(result, title: str):
    found = [c for c in result.clauses if c.title == title or c.old_title == title]
    assert len(found) == 1, (title, [(c.title, c.status) for c in result.clauses])
    return found[0]


def statuses(result) -> dict[str, str]:
    return {c.title: c.status for c in result.clauses}


LONG_ZH = ("适配器在正常工作条件下的输入电压应为220 V，输入频率为50 Hz。适配器的输出电压偏差不应超过标称值的5%，"
           "纹波和噪声应满足产品规范的规定，并应在试验报告中记录实测值。")


def base_zh() -> list[Clause]:
    return [
        C("scope", "1", "范围", P("本文件规定了电源适配器的技术要求和试验方法。"), role="scope"),
        C("requirements", "5", "要求"),
        C("general", "5.1", "通用要求", P("适配器的外壳宜采用阻燃材料。"), parent="requirements"),
        C("electrical", "5.2", "电气要求", P(LONG_ZH), parent="requirements"),
        C("marking", "5.3", "标志", P("适配器应在外壳上标出制造商名称和型号。"), parent="requirements"),
    ]


# -- tokens ----------------------------------------------------------------------------------------------


def test_tokens_cjk_words_numbers():
    assert tokenize("应为220 V，−5.5 ℃，1,024个") == ["应", "为", "220", " ", "V", "，", "−5.5", " ", "℃", "，",
                                                  "1,024", "个"]
    assert tokenize("Parsers MUST support 3.1.4.1 items") == ["Parsers", " ", "MUST", " ", "support", " ",
                                                             "3.1.4.1", " ", "items"]
    text = "见[→accuracy-formula]和表1。"
    assert tokenize(text)[1] == "[→accuracy-formula]" and "".join(tokenize(text)) == text


def test_C11_token_diff_marks_only_the_change():
    """C11: inside a long Chinese paragraph 应为220 V → 应不低于230 V marks 为220 → 不低于230, nothing else."""
    old = LONG_ZH
    new = LONG_ZH.replace("应为220 V", "应不低于230 V")
    tokens = diff_tokens(old, new)
    changed = [(t.op, t.text) for t in tokens if t.op != "equal"]
    assert changed == [("delete", "为220"), ("insert", "不低于230")]
    assert "".join(t.text for t in tokens if t.op != "delete") == new
    assert "".join(t.text for t in tokens if t.op != "insert") == old


def test_numbers_stay_whole():
    changed = [(t.op, t.text) for t in diff_tokens("阈值为0.90。", "阈值为0.95。") if t.op != "equal"]
    assert changed == [("delete", "0.90"), ("insert", "0.95")]
    changed = [(t.op, t.text) for t in diff_tokens("at least 1,024 members", "at least 2,048 members")
               if t.op != "equal"]
    assert changed == [("delete", "1,024"), ("insert", "2,048")]


def test_english_words_whole():
    tokens = diff_tokens("The lid should lock before the test.", "The lid shall lock before each test.")
    assert [(t.op, t.text) for t in tokens if t.op != "equal"] == [
        ("delete", "should"), ("insert", "shall"), ("delete", "the"), ("insert", "each")]


def test_renumbered_reference_is_not_a_change():
    """Compared on stable text: a reference that only got a new number shows, unmarked, with its new number."""
    tokens = diff_tokens("注1：按5.2测量，见表1。", "注2：按5.3测量，见表2。", "按[→electrical]测量，见[→limits]。",
                         "按[→electrical]测量，见[→limits]。")
    assert [t.op for t in tokens] == ["equal"]
    assert tokens[0].text == "注2：按5.3测量，见表2。"
    tokens = diff_tokens("按5.2测量。", "按5.3快速测量。", "按[→electrical]测量。", "按[→electrical]快速测量。")
    assert [(t.op, t.text) for t in tokens] == [("equal", "按5.3"), ("insert", "快速"), ("equal", "测量。")]


# -- matching and statuses -------------------------------------------------------------------------------


def test_identical_revisions_are_unchanged():
    result = diff_revisions(S(*base_zh()), S(*base_zh(), label="new"))
    assert set(statuses(result).values()) == {"unchanged"}
    assert result.summary()["total_changes"] == 0
    assert all(c.class_ == "none" and c.matched_by == "id" for c in result.clauses)


def test_C10_inserted_clause_is_added_whole_and_neighbours_untouched():
    """C10: a clause inserted between two: added as a whole; its neighbours are unchanged or only renumbered."""
    new = base_zh()
    new.insert(3, C("safety", "5.2", "安全要求", P("适配器应符合安全要求。"), P("适配器的外壳不应有锐边。"),
                    parent="requirements"))
    new[4].number, new[5].number = "5.3", "5.4"
    result = diff_revisions(S(*base_zh()), S(*new, label="new"))
    assert statuses(result) == {"范围": "unchanged", "要求": "unchanged", "通用要求": "unchanged", "安全要求": "added",
                                "电气要求": "renumbered", "标志": "renumbered"}
    added = by_title(result, "安全要求")
    assert [c.kind for c in added.changes] == ["added", "added"]
    assert added.new_number == "5.2" and added.old_number is None
    assert [c.title for c in result.clauses] == ["范围", "要求", "通用要求", "安全要求", "电气要求", "标志"]
    assert all(not c.changes for c in result.clauses if c.title != "安全要求")
    assert by_title(result, "电气要求").class_ == "editorial"  # renumbering


def test_moved_and_modified_clause_is_one_entry_at_its_new_place():
    """A moved-and-modified clause: one entry, at its new place, its old place noted — never a delete plus an insert."""
    new = [c for c in base_zh() if c.key != "marking"]
    new.append(C("labelling", "6", "标志和包装"))
    new.append(C("marking", "6.1", "标志", P("适配器应在外壳上标出制造商名称、型号和额定输入电压。"),
                 parent="labelling"))
    new.append(C("packing", "6.2", "包装", P("适配器应采用防潮包装。"), parent="labelling"))
    result = diff_revisions(S(*base_zh()), S(*new, label="new"))
    marking = [c for c in result.clauses if c.title == "标志"]
    assert len(marking) == 1
    marking = marking[0]
    assert (marking.status, marking.moved, marking.modified) == ("moved", True, True)
    assert (marking.old_number, marking.new_number, marking.old_parent, marking.new_parent) == ("5.3", "6.1", "5", "6")
    assert [c.title for c in result.clauses][-3:] == ["标志和包装", "标志", "包装"]
    assert "5.3 → 6.1 moved+modified" in summary_text(result)
    assert not any(c.status in ("added", "deleted") and c.title == "标志" for c in result.clauses)


def test_swapped_siblings_move_one():
    old = base_zh()
    new = [old[0], old[1], old[3], old[2], old[4]]
    new = [C(c.key, n, c.title, *c.blocks, parent=c.parent, role=c.role)
           for c, n in zip(new, ["1", "5", "5.1", "5.2", "5.3"])]
    result = diff_revisions(S(*old), S(*new, label="new"))
    assert sorted(c.status for c in result.clauses if c.status != "unchanged") == ["moved", "renumbered"]


def test_deleted_clause_stays_where_it_was():
    new = [c for c in base_zh() if c.key != "general"]
    new[2].number, new[3].number = "5.1", "5.2"
    result = diff_revisions(S(*base_zh()), S(*new, label="new"))
    assert [(c.title, c.status) for c in result.clauses][1:4] == [
        ("要求", "unchanged"), ("通用要求", "deleted"), ("电气要求", "renumbered")]
    deleted = by_title(result, "通用要求")
    assert deleted.old_number == "5.1" and deleted.new_number is None
    assert deleted.class_ == "technical"  # a recommendation went with it
    assert [c.kind for c in deleted.changes] == ["deleted"]


def test_matching_without_ids_and_with_renamed_ids():
    """Revisions imported separately: no IDs, or other IDs — paired by title, content and structure."""
    old = base_zh()
    new = [C(f"sec-{k}", c.number, c.title, *c.blocks, parent=(f"sec-{[x.key for x in old].index(c.parent)}"
                                                                if c.parent else None), role=c.role, id="")
           for k, c in enumerate(old)]
    new[2].blocks = [P("适配器的外壳应采用阻燃材料。")]  # modified
    new[4].title = "标志要求"  # retitled
    result = diff_revisions(S(*old), S(*new, label="new"))
    assert {c.matched_by for c in result.clauses} == {"similarity"}
    assert statuses(result) == {"范围": "unchanged", "要求": "unchanged", "通用要求": "modified", "电气要求": "unchanged",
                                "标志要求": "modified"}
    assert by_title(result, "标志要求").old_title == "标志"


def test_heading_only_clause_matched_by_its_subclauses():
    old = base_zh()
    new = [C("scope", "1", "范围", *old[0].blocks, role="scope"), C("req-x", "5", "技术要求"),
           *[C(c.key, c.number, c.title, *c.blocks, parent="req-x") for c in old[2:]]]
    result = diff_revisions(S(*old), S(*new, label="new"))
    heading = by_title(result, "技术要求")
    assert (heading.status, heading.matched_by, heading.old_title) == ("modified", "similarity", "要求")
    assert all(c.status == "unchanged" for c in result.clauses if c.title != "技术要求")


def test_title_derived_id_collision_is_not_trusted():
    """Imported revisions: a term and a requirement clause whose titles gave the same ID are not paired by it."""
    definition = "a complete inventory of the components of a software package"
    requirement = "A process shall exist for creating and maintaining a bill of materials."
    old = [C("terms", "2", "Terms", role="terms"),
           C("sbom", "2.1", "software bill of materials", P(definition), parent="terms", kind="term"),
           C("requirements", "3", "Requirements"),
           C("software-bill-of-materials-sbom", "3.1", "Software Bill of Materials (SBOM)", P(requirement),
             parent="requirements")]
    new = [C("terms", "2", "Terms", role="terms"),
           C("software-bill-of-materials-sbom", "2.1", "software bill of materials (SBOM)", P(definition),
             parent="terms", kind="term"),
           C("requirements", "3", "Requirements"),
           C("software-bill-of-materials-sbom-2", "3.1", "Software Bill of Materials (SBOM)", P(requirement),
             parent="requirements")]
    result = diff_revisions(S(*old, lang="en", profile="iso"), S(*new, lang="en", profile="iso", label="new"))
    assert [c.status for c in result.clauses] == ["unchanged", "modified", "unchanged", "unchanged"]
    assert result.clauses[1].changes[0].block == "title"


def test_term_entries_matched_added_deleted():
    old = [C("terms", "3", "术语和定义", P("下列术语和定义适用于本文件。"), role="terms"),
           C("rated-voltage", "3.1", "额定电压", P("由制造商规定的输入电压。"), parent="terms", kind="term"),
           C("ripple", "3.2", "纹波", P("输出电压中的周期性交流分量。"), parent="terms", kind="term")]
    new = [old[0], C("rated-voltage", "3.1", "额定输入电压", P("由制造商规定的输入电压。"), parent="terms", kind="term"),
           C("rated-frequency", "3.2", "额定频率", P("由制造商规定的输入频率。"), parent="terms", kind="term")]
    result = diff_revisions(S(*old), S(*new, label="new"))
    assert statuses(result) == {"术语和定义": "unchanged", "额定输入电压": "modified", "额定频率": "added", "纹波": "deleted"}
    assert by_title(result, "额定输入电压").class_ == "technical"  # the preferred term changed
    assert by_title(result, "额定频率").reasons == ["term added"]
    assert by_title(result, "纹波").class_ == "technical"


def test_blocks_moved_between_clauses():
    paragraph = "For the purposes of this document, the following terms and definitions apply."
    old = [C("scope", "1", "Scope", P("This document specifies requirements."), role="scope"),
           C("terms", "2", "Terms", P(paragraph), role="terms")]
    new = [C("scope", "1", "Scope", P("This document specifies requirements."), P(paragraph), role="scope"),
           C("terms", "2", "Terms", role="terms")]
    result = diff_revisions(S(*old, lang="en", profile="iso"), S(*new, lang="en", profile="iso", label="new"))
    into, out_of = result.clauses
    assert [(c.kind, c.elsewhere, c.class_) for c in into.changes] == [("moved", "2", "editorial")]
    assert [(c.kind, c.elsewhere, c.class_) for c in out_of.changes] == [("moved", "1", "editorial")]


def test_table_rows_compared_by_key():
    rows = [P("项目 | 限值", "table-row", key="项目"), P("输入电压 | 220 V", "table-row", key="输入电压"),
            P("频率 | 50 Hz", "table-row", key="频率")]
    new_rows = [rows[0], P("频率 | 50 Hz", "table-row", key="频率"), P("纹波 | 1%", "table-row", key="纹波"),
                P("输入电压 | 230 V", "table-row", key="输入电压")]
    assert align_blocks(rows, new_rows) == [(0, 0), (2, 1), (None, 2), (1, 3)]
    old = [C("limits", "5", "限值", P("限值见表1。"), *rows)]
    new = [C("limits", "5", "限值", P("限值见表1。"), *new_rows)]
    result = diff_revisions(S(*old), S(*new, label="new"))
    changes = result.clauses[0].changes
    assert [(c.kind, c.key, c.class_) for c in changes] == [("added", "纹波", "editorial"),
                                                           ("modified", "输入电压", "technical")]
    assert changes[1].reasons == ["220 V → 230 V"]


def test_unrelated_documents_are_reported_as_such():
    other = [C("scope", "1", "Scope", P("This document gives guidelines for the packaging of fresh fish."),
               role="scope"),
             C("storage", "2", "Storage", P("Fish should be kept on ice at all times during transport."))]
    result = diff_revisions(S(*base_zh()), S(*other, lang="en", profile="iso", label="new"))
    assert result.unrelated and result.clauses == []
    assert "unrelated" in summary_text(result)
    assert result.to_json()["summary"]["unrelated"] is True
    assert "不相关" in technical_changes(result) or "unrelated" in technical_changes(result)


# -- classification ----------------------------------------------------------------------------------------


CLASSIFY = [
    # (lang, old, new, class, reason contained in the reasons)
    ("zh", "适配器的外壳宜采用阻燃材料。", "适配器的外壳应采用阻燃材料。", "technical", "宜 → 应（推荐 → 要求）"),
    ("zh", "适配器应接地。", "适配器不应接地。", "technical", "应 → 不应（要求 → 要求（否定））"),
    ("zh", LONG_ZH, LONG_ZH.replace("应为220 V", "应不低于230 V"), "technical", "220 V → 230 V"),
    ("zh", "温度宜为15 ℃～35 ℃。", "温度宜为10 ℃～35 ℃。", "technical", "15 ℃ → 10 ℃"),
    ("zh", "应符合GB 4943.1—2011的规定。", "应符合GB 4943.1—2022的规定。", "technical", "引用 GB 4943.1—2011 → GB 4943.1—2022"),
    ("zh", "应符合GB 4943.1的规定。", "应符合GB 4943.1和GB/T 17626.2的规定。", "technical", "增加引用：GB/T 17626.2"),
    ("zh", "适配器应接地。", "适配器应该接地。", "editorial", "wording"),
    ("zh", "适配器应接地，并应标出型号。", "适配器应接地；并应标出型号。", "editorial", "punctuation"),
    ("zh", "按5.2测量。", "按5.3测量。", "editorial", "renumbering"),
    ("en", "The lid should lock.", "The lid shall lock.", "technical", "should → shall (recommendation → requirement)"),
    ("en", "The lid shall lock.", "The lid shall not lock.", "technical", "requirement → requirement (negative)"),
    ("en", "The gap shall be 5 mm.", "The gap shall be 10 mm.", "technical", "5 mm → 10 mm"),
    ("en", "Parsers MUST support at least 1,024 members.", "Parsers MUST support at least 2,048 members.",
     "technical", "1,024 members → 2,048 members"),
    ("en", "as specified in ISO 9001:2008", "as specified in ISO 9001:2015", "technical",
     "citation ISO 9001:2008 → ISO 9001:2015"),
    ("en", "The lid shall lock firmly.", "The lid shall lock securely.", "editorial", "wording"),
    ("en", "The lid shall lock, firmly.", "The lid shall lock firmly.", "editorial", "punctuation"),
    ("en", "MUST This word means an absolute requirement.", "“MUST” This word means an absolute requirement.",
     "editorial", "punctuation"),
    ("en", "3.1.1.1: A documented policy;", "4.1.1.1: A documented policy;", "editorial", "renumbering"),
]


@pytest.mark.parametrize("lang,old,new,class_,reason", CLASSIFY)
def test_classification(lang, old, new, class_, reason):
    a = [C("c", "5", "Clause", P(old))]
    b = [C("c", "5", "Clause", P(new))]
    result = diff_revisions(S(*a, lang=lang), S(*b, lang=lang, label="new"))
    clause = result.clauses[0]
    assert clause.status == "modified"
    change = clause.changes[0]
    assert change.class_ == class_, change.reasons
    assert reason in "; ".join(change.reasons), change.reasons
    assert clause.class_ == class_


def test_segment_translated_since_is_editorial():
    """A translated edition whose catalog got a translation: the term's title changed language, nothing else."""
    definition = P("用于测试的数据集合。")
    old = [C("terms", "3", "术语和定义", role="terms"),
           C("test-set", "3.1", "test set", definition, parent="terms", kind="term")]
    new = [C("terms", "3", "术语和定义", role="terms"),
           C("test-set", "3.1", "测试集", definition, parent="terms", kind="term")]
    result = diff_revisions(S(*old), S(*new, label="new"))
    term = by_title(result, "测试集")
    assert (term.status, term.class_, term.changes[0].reasons) == ("modified", "editorial", ["translation"])


def test_requirement_added_by_a_list_item_under_a_provision():
    lead = P("The organization shall:")
    items = [P("identify the roles;", "list-item"), P("determine the competence;", "list-item")]
    old = [C("competence", "3", "Competence", lead, *items)]
    new = [C("competence", "3", "Competence", lead, *items, P("retain documented information.", "list-item"))]
    result = diff_revisions(S(*old, lang="en"), S(*new, lang="en", label="new"))
    change = result.clauses[0].changes[0]
    assert (change.kind, change.class_, change.reasons) == ("added", "technical", ["requirement added (shall)"])
    assert result.clauses[0].changes[0].details[0]["type"] == "requirement"


def test_informative_text_is_editorial():
    old = [C("foreword", "", "前言", P("本文件代替GB/T 12345—2010。"), role="foreword"),
           C("c", "5", "要求", P("适配器应接地。"), P("接地电阻宜小于0.1 Ω。", "note"))]
    new = [C("foreword", "", "前言", P("本文件代替GB/T 12345—2015。"), role="foreword"),
           C("c", "5", "要求", P("适配器应接地。"), P("接地电阻应小于0.2 Ω。", "note"))]
    result = diff_revisions(S(*old), S(*new, label="new"))
    assert [c.class_ for c in result.clauses] == ["editorial", "editorial"]
    assert all(ch.reasons == ["informative"] for c in result.clauses for ch in c.changes)


def test_annexes():
    """A normative annex added or removed, or an annex's obligation changed, is technical; an informative one is not."""
    body = C("c", "5", "要求", P("适配器应接地。"))
    normative = C("annex-a", "A", "试验方法", P("试验在室温下进行。"), role="annex", obligation="normative")
    informative = C("annex-b", "B", "使用说明", P("本附录给出使用说明。"), role="annex", obligation="informative")
    result = diff_revisions(S(body), S(body, normative, informative, label="new"))
    assert (by_title(result, "试验方法").class_, by_title(result, "试验方法").reasons) == (
        "technical", ["normative annex added"])
    assert by_title(result, "使用说明").class_ == "editorial"
    became = C("annex-a", "A", "试验方法", P("试验在室温下进行。"), role="annex", obligation="informative")
    result = diff_revisions(S(body, normative), S(body, became, label="new"))
    assert by_title(result, "试验方法").class_ == "technical"
    assert "annex normative → informative" in by_title(result, "试验方法").reasons


# -- verbal forms by position, signed values, units, codes (found by benchmarks/diff.py) ------------------


def change_of(old: str, new: str, lang: str = "zh"):
    """The one block change of a clause whose only paragraph went from ``old`` to ``new``."""
    result = diff_revisions(S(C("c", "5", "Clause", P(old)), lang=lang),
                            S(C("c", "5", "Clause", P(new)), lang=lang, label="new"))
    [change] = result.clauses[0].changes
    return change


def test_recommendation_to_requirement_before_yuyi():
    """宜予以 → 应予以: 应 + 予以 is a requirement (jieba's dictionary has 应予以 as one word)."""
    change = change_of("发生故障时，运维团队宜予以协助。", "发生故障时，运维团队应予以协助。")
    assert (change.class_, change.reasons) == ("technical", ["宜 → 应（推荐 → 要求）"])


def test_verbal_forms_are_paired_by_their_place_in_the_text():
    """[应, 应, 宜, 应] → [应, 应, 应, 应]: the third form changed; by order alone it read as a recommendation
    removed and a requirement added."""
    old = "系统应记录操作日志，应定期备份数据，宜加密传输敏感信息，应审计管理员操作。"
    change = change_of(old, old.replace("宜加密", "应加密"))
    assert (change.class_, change.reasons) == ("technical", ["宜 → 应（推荐 → 要求）"])
    old = "The system should log every operation and shall back up its data."
    change = change_of(old, old.replace("should", "shall"), "en")
    assert change.reasons == ["should → shall (recommendation → requirement)"]
    # a form removed in one place and another added elsewhere stay a removal and an addition
    change = change_of("系统宜记录操作日志，并备份数据。", "系统记录操作日志，并应备份数据。")
    assert sorted(change.reasons) == ["删除推荐（宜）", "增加要求（应）"], change.reasons
    # 应 → 应该 (the same provision, the form grows across the changed text) is no change of form
    change = change_of("系统应记录日志，宜备份数据。", "系统应该记录日志，宜备份数据。")
    assert change.class_ == "editorial", change.reasons


@pytest.mark.parametrize("text,token", [
    ("应不低于−30 °C", "−30"), ("应不低于-30 °C", "-30"), ("−30 °C", "−30"), ("温度为 −5 ℃", "−5"),
    ("（−5 ℃）", "−5"), ("−10 ℃～−20 ℃", "−20"), ("−10～−20 ℃", "−20"), ("from −10 to −20 °C", "−20"),
    ("≥−40 ℃", "−40"), ("≤ −40 ℃", "−40"), ("x = -1", "-1"), ("温度：−5 ℃", "−5"), ("±0.5 mm", "±0.5"),
])
def test_a_sign_stays_with_its_number(text, token):
    assert token in tokenize(text), tokenize(text)


@pytest.mark.parametrize("text,numbers", [
    ("10-20 ℃", ["10", "20"]), ("10～20 ℃", ["10", "20"]), ("10—20 ℃", ["10", "20"]), ("10 - 20", ["10", "20"]),
    ("按GB/T 1.1-2020起草", ["1.1", "2020"]), ("M12-1螺栓", ["1"]), ("(20±2) ℃", ["20", "2"]),
])
def test_a_dash_between_numbers_or_in_a_code_is_no_sign(text, numbers):
    assert [t for t in tokenize(text) if t[:1].isdigit() or t[:1] in "-−+±" and len(t) > 1] == numbers, tokenize(text)


def test_negative_values_keep_their_sign():
    change = change_of("环境温度应不低于−30 °C。", "环境温度应不低于−26 °C。")
    assert (change.class_, change.reasons) == ("technical", ["−30 °C → −26 °C"])
    change = change_of("环境温度应不低于−30 °C。", "环境温度应不低于30 °C。")
    assert (change.class_, change.reasons) == ("technical", ["−30 °C → 30 °C"])
    change = change_of("工作温度为−40 ℃～−10 ℃。", "工作温度为−40 ℃～10 ℃。")
    assert change.reasons == ["−10 ℃ → 10 ℃"]
    # a hyphen written for the minus sign (UQ006) is the same value
    change = change_of("环境温度应不低于-30 °C。", "环境温度应不低于−30 °C。")
    assert (change.class_, change.reasons) == ("editorial", ["punctuation"])


@pytest.mark.parametrize("text,quantity", [
    ("处理速率应不低于677 次/s。", "677 次/s"), ("处理速率应不低于60 次/min。", "60 次/min"),
    ("每台服务器应不少于4 个/h。", "4 个/h"), ("绝缘电阻应不小于401 MΩ。", "401 MΩ"), ("带宽应不低于10 Mbit/s。", "10 Mbit/s"),
    ("电容为4.7 µF。", "4.7 µF"), ("频率为2.4 GHz。", "2.4 GHz"), ("功率为3 kW。", "3 kW"), ("电压为5 mV。", "5 mV"),
    ("存储容量为512 GiB。", "512 GiB"), ("力矩为12 N·m。", "12 N·m"), ("加速度为9.8 m/s²。", "9.8 m/s²"),
    ("导热系数为0.04 W/(m·K)。", "0.04 W/(m·K)"), ("电阻为50 Ω。", "50 Ω"), ("转速为1500 r/min。", "1500 r/min"),
    ("保存期为3 个月。", "3 个月"), ("每年2 次。", "2 次"), ("The key is 64 characters long.", "64 characters"),
    ("It is 5 m long.", "5 m"), ("Wait 2 min before.", "2 min"), ("at 20 °C and", "20 °C"),
])
def test_quantities_take_prefixed_compound_and_counting_units(text, quantity):
    assert quantity in [q for q, _ in quantities(text)], quantities(text)


def test_quantities_do_not_take_a_word_for_a_unit():
    assert [q for q, _ in quantities("at least 2 MUST items, 3 Steps, 5 mode, 2 Pages")] == ["2", "3", "5", "2"]


def test_units_that_change_are_technical():
    change = change_of("处理速率应不低于677 次/s。", "处理速率应不低于700 次/s。")
    assert change.reasons == ["677 次/s → 700 次/s"]
    change = change_of("绝缘电阻应不小于401 MΩ。", "绝缘电阻应不小于401 kΩ。")
    assert (change.class_, change.reasons) == ("technical", ["401 MΩ → 401 kΩ"])
    change = change_of("处理速率应不低于677 次/s。", "处理速率应不低于677 次/min。")
    assert (change.class_, change.reasons) == ("technical", ["677 次/s → 677 次/min"])
    change = change_of("带宽应不低于10 Mbit/s。", "带宽应不低于12 Mbit/s。")
    assert change.reasons == ["10 Mbit/s → 12 Mbit/s"]


def test_hexadecimal_and_abnf_codes_are_one_token_and_no_quantity():
    """IETF -13 → -14, 3.3.3: ``the range 0x20 to 0x7E`` → ``%x20 to %x7E`` is notation, not ``0 → ∅``."""
    assert tokenize("0x20 %x20-7E %x0D.0A %d32 U+0020 0b1010") == [
        "0x20", " ", "%x20-7E", " ", "%x0D.0A", " ", "%d32", " ", "U+0020", " ", "0b1010"]
    assert quantities("the range 0x20 to 0x7E, %x20-21 / %x23-5B") == []
    change = change_of("Strings are printable ASCII characters (i.e., the range 0x20 to 0x7E).",
                       "Strings are printable ASCII characters (i.e., the range %x20 to %x7E).", "en")
    assert (change.class_, change.reasons) == ("editorial", ["wording"])
    changed = [(t.op, t.text) for t in diff_tokens("the range 0x20 up to 0x7E", "the range %x20 up to %x7E")
               if t.op != "equal"]
    assert changed == [("delete", "0x20"), ("insert", "%x20"), ("delete", "0x7E"), ("insert", "%x7E")]
    assert tokenize("10x20 mm") == ["10", "x20", " ", "mm"]  # a size, not a code


# -- the foreword, the summary, the JSON contract ------------------------------------------------------


def edition_pair(lang: str = "zh", profile: str = "gb"):
    """An old edition and a new draft with one change of every kind."""
    old = base_zh() + [C("storage", "5.4", "贮存", P("适配器宜贮存在干燥通风的室内。"), parent="requirements")]
    new = [C("scope", "1", "范围", P("本文件规定了电源适配器的技术要求，以及试验方法。"), role="scope"),
           C("requirements", "5", "要求"),
           C("general", "5.1", "通用要求", P("适配器的外壳应采用阻燃材料。"), parent="requirements"),
           C("safety", "5.2", "安全要求", P("适配器应符合GB 4943.1—2022的规定。"), parent="requirements"),
           C("electrical", "5.3", "电气要求", P(LONG_ZH.replace("应为220 V", "应不低于230 V")), parent="requirements"),
           C("labelling", "6", "标志和包装"),
           C("marking", "6.1", "标志", P("适配器应在外壳上标出制造商名称和型号，并宜标出额定输入电压。"),
             parent="labelling"),
           C("packing", "6.2", "包装", P("适配器应采用防潮包装。"), parent="labelling")]
    return (S(*old, lang=lang, profile=profile),
            S(*new, lang=lang, profile=profile, designation="GB/T 12345—XXXX", edition="2026-11-20", label="new"))


def test_foreword_gb_chinese():
    result = diff_revisions(*edition_pair())
    text = technical_changes(result)
    lines = text.splitlines()
    assert lines[0] == "与GB/T 12345—2020相比，除结构调整和编辑性改动外，主要技术变化如下："
    assert lines[1:] == [
        "a) 更改了“通用要求”，将“宜”改为“应”（见5.1，2020年版的5.1）；",
        "b) 增加了“安全要求”（见5.2）；",
        "c) 更改了“电气要求”，将“220 V”改为“230 V”（见5.3，2020年版的5.2）；",
        "d) 增加了“标志和包装”（见第6章）；",
        "e) 更改了“标志”，增加了推荐型条款（宜）（见6.1，2020年版的5.3）；",
        "f) 删除了“贮存”（2020年版的5.4）。",
    ]


def test_foreword_gb_english_and_iso():
    old, new = edition_pair()
    old.designation = "GB/T 12345"  # undated: the year comes from the edition
    result = diff_revisions(old, new)
    for snapshot in (result.old, result.new):
        snapshot.language = "en"
    text = technical_changes(result)
    assert text.startswith("Compared with GB/T 12345—2020, apart from structural adjustments and editorial changes, "
                           "the main technical changes are as follows:\na) changed “通用要求”: “宜” → “应” "
                           "(see 5.1; 5.1 of the 2020 edition);")
    assert "\nf) deleted “贮存” (5.4 of the 2020 edition).\n" in text
    for snapshot in (result.old, result.new):
        snapshot.profile = "iso"
    text = technical_changes(result)
    assert text.splitlines()[0] == "The main changes are as follows:"
    assert "— “标志” has been revised: recommendation added (宜) (6.1, formerly 5.3);" in text
    assert text.rstrip().endswith("— “贮存” has been deleted (formerly 5.4).")
    for snapshot in (result.old, result.new):
        snapshot.language = "zh"
    text = technical_changes(result)
    assert text.startswith("主要变化如下：\n——更改了“通用要求”") and text.rstrip().endswith("。")


def test_foreword_without_technical_changes():
    old = base_zh()
    new = base_zh()
    new[0] = C("scope", "1", "范围", P("本文件规定了电源适配器的技术要求以及试验方法。"), role="scope")
    result = diff_revisions(S(*old), S(*new, designation="GB/T 12345—XXXX", label="new"))
    assert technical_changes(result) == "与GB/T 12345—2020相比，除结构调整和编辑性改动外，无技术变化。\n"
    result = diff_revisions(S(*old), S(*new, label="new"))  # the same designation: the previous draft
    assert technical_changes(result) == "与前一稿（old）相比，除结构调整和编辑性改动外，无技术变化。\n"


def test_foreword_of_two_drafts_of_one_document_compares_with_the_previous_draft():
    """The same designation on both sides: never "与GB/T 12345—XXXX相比" (the document itself) nor "XXXX年版的5.4";
    the previous draft named by its stage and draft date where they differ, else by the revision given."""
    old, new = edition_pair()
    old.designation = new.designation = "GB/T 12345—XXXX"
    old.metadata = M(designation="GB/T 12345—XXXX", stage="征求意见稿", draft_date="2026-01-10")
    new.metadata = M(designation="GB/T 12345—XXXX", stage="送审稿", draft_date="2026-03-01")
    result = diff_revisions(old, new)
    lines = technical_changes(result).splitlines()
    assert lines[0] == "与前一稿（征求意见稿，2026-01-10）相比，除结构调整和编辑性改动外，主要技术变化如下："
    assert "a) 更改了“通用要求”，将“宜”改为“应”（见5.1，前一稿的5.1）；" in lines
    assert lines[-1] == "f) 删除了“贮存”（前一稿的5.4）。"
    assert not [line for line in lines if "XXXX" in line or "年版" in line or "版的" in line]

    new.metadata["stage"] = "征求意见稿"  # the same stage: the draft date says which draft
    assert technical_changes(result).startswith("与前一稿（2026-01-10）相比，")
    new.metadata["draft_date"] = "2026-01-10"  # nothing in the metadata tells them apart: the revision given
    old.label, old.source = "../drafts/gb-t-12345-rev3.md", "markdown"
    assert technical_changes(result).startswith("与前一稿（gb-t-12345-rev3.md）相比，")
    old.label, old.source = "v1.2", "git"
    assert technical_changes(result).startswith("与前一稿（v1.2）相比，")

    new.metadata["stage"] = "送审稿"
    for snapshot in (old, new):
        snapshot.language = "en"
    text = technical_changes(result)
    assert text.startswith("Compared with the previous draft (draft for comments), apart from structural "
                           "adjustments and editorial changes, the main technical changes are as follows:\n"
                           "a) changed “通用要求”: “宜” → “应” (see 5.1; 5.1 in the previous draft);")
    assert "\nf) deleted “贮存” (5.4 in the previous draft).\n" in text and "edition" not in text

    for snapshot in (old, new):
        snapshot.profile = "iso"
        snapshot.designation = snapshot.metadata["designation"] = "ISO/CD 12345"
    old.metadata["stage"], new.metadata["stage"] = "CD", "DIS"
    text = technical_changes(result)
    assert text.splitlines()[0] == "The main changes compared with the previous draft (CD) are as follows:"
    assert text.rstrip().endswith("— “贮存” has been deleted (formerly 5.4).")
    for snapshot in (old, new):
        snapshot.language = "zh"
    text = technical_changes(result)
    assert text.startswith("与前一稿（委员会草案）相比，主要变化如下：\n——更改了“通用要求”，将“宜”改为“应”（见5.1，前一稿的5.1）；")

    new.designation = new.metadata["designation"] = "ISO 12345:2027"  # another designation: the usual form
    assert technical_changes(result).startswith("主要变化如下：\n")


def test_summary_text():
    result = diff_revisions(*edition_pair())
    text = summary_text(result)
    lines = text.splitlines()
    assert lines[0] == "GB/T 12345—XXXX: old → new"
    assert lines[1] == "clauses: 3 modified, 1 moved, 3 added, 1 deleted, 1 unchanged"
    assert lines[2].startswith("classes: ")
    assert "  5.1 → 5.1 modified technical: 宜 → 应（推荐 → 要求） — 通用要求" in lines
    assert "  5.2 → 5.3 modified technical: 220 V → 230 V — 电气要求" in lines
    assert "  — → 5.2 added technical: clause added; 增加要求（应） — 安全要求" in lines
    assert "  5.3 → 6.1 moved+modified technical: moved; 增加推荐（宜） — 标志" in lines
    assert "  — → 6 added technical: clause added — 标志和包装" in lines
    assert "  5.4 → — deleted technical: clause deleted; 删除推荐（宜） — 贮存" in lines
    assert "  1 → 1 modified editorial: wording — 范围" in lines
    assert text.endswith("\n")


def test_json_contract():
    result = diff_revisions(*edition_pair())
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert set(data) >= {"from", "to", "standard", "clauses", "summary"}
    assert (data["from"], data["to"], data["standard"]) == ("old", "new", "GB/T 12345—XXXX")
    for clause in data["clauses"]:
        assert set(clause) >= {"id", "status", "old_number", "new_number", "title", "class", "changes"}
        assert clause["status"] in ("unchanged", "added", "deleted", "moved", "renumbered", "modified")
        assert clause["class"] in ("technical", "editorial", "none")
        for change in clause["changes"]:
            assert set(change) >= {"kind", "block", "old", "new", "key", "tokens", "class", "reasons", "details"}
            assert change["kind"] in ("added", "deleted", "modified", "moved")
            assert all(op in ("equal", "insert", "delete") for op, _ in change["tokens"])
            assert "old_stable" not in change
    summary = data["summary"]
    assert summary["clauses"] == {"unchanged": 1, "modified": 3, "added": 3, "moved": 1, "deleted": 1}
    assert set(summary) >= {"clauses", "clauses_by_class", "changes_by_class", "total_changes", "unrelated",
                            "metadata"}
    assert summary["clauses_by_class"] == {"technical": 7, "editorial": 1}
    assert summary["metadata"] == {"technical": 0, "editorial": 0}


def test_every_status_and_class_in_english():
    old = [C("scope", "1", "Scope", P("This document specifies requirements for power adapters."), role="scope"),
           C("requirements", "4", "Requirements"),
           C("general", "4.1", "General", P("The enclosure should be made of flame-retardant material."),
             parent="requirements"),
           C("electrical", "4.2", "Electrical", P("The input voltage shall be 220 V."), parent="requirements"),
           C("marking", "4.3", "Marking", P("The adapter shall be marked with its model."), parent="requirements"),
           C("storage", "4.4", "Storage", P("Adapters should be stored in a dry room."), parent="requirements")]
    new = [C("scope", "1", "Scope", P("This document specifies the requirements for power adapters."), role="scope"),
           C("requirements", "4", "Requirements"),
           C("general", "4.1", "General", P("The enclosure shall be made of flame-retardant material."),
             parent="requirements"),
           C("safety", "4.2", "Safety", P("The adapter shall comply with IEC 62368-1:2018."), parent="requirements"),
           C("electrical", "4.3", "Electrical", P("The input voltage shall be 220 V."), parent="requirements"),
           C("labelling", "5", "Labelling"),
           C("marking", "5.1", "Marking", P("The adapter shall be marked with its model and rated voltage."),
             parent="labelling")]
    result = diff_revisions(S(*old, lang="en", profile="iso", designation="ISO 12345:2020"),
                            S(*new, lang="en", profile="iso", designation="ISO/DIS 12345", label="new"))
    assert {c.title: (c.status, c.class_) for c in result.clauses} == {
        "Scope": ("modified", "editorial"), "Requirements": ("unchanged", "none"),
        "General": ("modified", "technical"), "Safety": ("added", "technical"),
        "Electrical": ("renumbered", "editorial"), "Labelling": ("added", "editorial"),
        "Marking": ("moved", "editorial"), "Storage": ("deleted", "technical")}
    assert by_title(result, "Marking").changes[0].reasons == ["wording"]
    text = technical_changes(result)
    assert text.splitlines() == [
        "The main changes are as follows:",
        "— “General” has been revised: “should” → “shall” (4.1);",
        "— “Safety” has been added (4.2);",
        "— “Storage” has been deleted (formerly 4.4)."]
    assert "  4.3 → 5.1 moved+modified editorial: moved; wording — Marking" in summary_text(result)


def test_diff_of_300_clauses_is_fast():
    """Cached clause models of a large standard: the diff itself stays well under the 2 s budget."""
    def standard(variant: int) -> Snapshot:
        clauses = []
        for k in range(30):
            clauses.append(C(f"c{k}", str(k + 1), f"第{k}章的标题"))
            for j in range(10):
                text = f"第{k}章第{j}条：试样在温度为{20 + j} ℃的环境中放置{k + j}小时后，应按规定的方法测量其质量和尺寸。"
                if variant and j == 3:
                    text = text.replace("应按", "宜按")
                clauses.append(C(f"c{k}-{j}", f"{k + 1}.{j + 1}", f"条{k}-{j}", P(text), P(f"注：第{k}-{j}条的说明。", "note"),
                                 parent=f"c{k}"))
        return S(*clauses, label=str(variant))

    old, new = standard(0), standard(1)
    start = time.perf_counter()
    result = diff_revisions(old, new)
    assert time.perf_counter() - start < 2
    assert result.summary()["clauses"] == {"unchanged": 300, "modified": 30}
    for clause in new.clauses:  # without IDs: similarity matching all the way
        clause.id = ""
        clause.key = "n" + clause.key
        clause.parent = "n" + clause.parent if clause.parent else None
    start = time.perf_counter()
    result = diff_revisions(old, new)
    assert time.perf_counter() - start < 6
    assert result.summary()["clauses"] == {"unchanged": 300, "modified": 30}


# -- real revisions: a small GB standard in a git repository ---------------------------------------------

INDEX = """---
designation: {designation}
profile: gb
language: zh
stage: {stage}
{dates}
title:
  zh: {{main: 电源适配器, complementary: 技术要求}}
  en: {{main: Power adapters, complementary: Technical requirements}}
sample: true
---

```{{toctree}}
scope
terms
requirements
{extra}annex-a
```
"""

SCOPE = """(scope)=
{.scope}
# 范围

本文件规定了电源适配器的技术要求和试验方法。

本文件适用于额定输出功率不大于100 W的电源适配器。
"""

TERMS = """(terms)=
{.terms}
# 术语和定义

下列术语和定义适用于本文件。

(rated-voltage)=
::::{term} 额定电压
:en: rated voltage

由制造商为电源适配器规定的输入电压。
::::
"""

RATED_FREQUENCY = """
(rated-frequency)=
::::{term} 额定频率
:en: rated frequency

由制造商为电源适配器规定的输入频率。
::::
"""

ELECTRICAL = ("适配器在正常工作条件下的输入电压应为220 V，输入频率为50 Hz。适配器的输出电压偏差不应超过标称值的5%，"
              "纹波和噪声应满足产品规范的规定，并应在试验报告中记录实测值。")

SAFETY = """(safety)=
## 安全要求

适配器应符合{cite}`GB 4943.1-2011`的规定。

"""

REQUIREMENTS = """(requirements)=
# 要求

(general)=
## 通用要求

适配器的外壳宜采用阻燃材料。

{safety}(electrical)=
## 电气要求

{electrical}

{marking}(storage)=
## 贮存

适配器宜贮存在干燥通风的室内。
"""

MARKING = """(marking)=
## 标志

适配器应在外壳上标出制造商名称和型号。

"""

LABELLING = """(labelling)=
# 标志和包装

(marking)=
## 标志

适配器应在外壳上标出制造商名称和型号，并宜标出额定输入电压。

(packing)=
## 包装

适配器应采用防潮包装。
"""

ANNEX = """(annex-test)=
{{.annex .normative}}
# 试验方法

(test-conditions)=
## 试验条件

试验应在温度为{low} ℃～35 ℃的环境中进行。

({steps})=
## 试验步骤

按[](#electrical)的要求测量输入电压。
"""

PO_HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
TRANSLATIONS = {
    "范围": "Scope", "要求": "Requirements", "通用要求": "General requirements", "电气要求": "Electrical requirements",
    "试验方法": "Test methods", "试验条件": "Test conditions", "试验步骤": "Test procedure",
    "适配器的外壳宜采用阻燃材料。": "The enclosure of the adapter should be made of flame-retardant material.",
    "适配器的外壳应采用阻燃材料。": "The enclosure of the adapter shall be made of flame-retardant material.",
    "试验应在温度为15 ℃～35 ℃的环境中进行。": "Tests shall be carried out at an ambient temperature of 15 °C to 35 °C.",
    "试验应在温度为10 ℃～35 ℃的环境中进行。": "Tests shall be carried out at an ambient temperature of 10 °C to 35 °C.",
}


def write_revision(repo: Path, *, draft: bool = False, safety: bool = False, c11: bool = False,
                   broken: bool = False) -> None:
    """Write one revision of the test standard ``adapter`` into ``repo``."""
    std = repo / "standards" / "adapter"
    (std / "locales" / "en" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    (repo / "conf.py").write_text("from tooling.config import *  # noqa: F403\n", encoding="utf-8")
    (repo / "standards" / "index.md").write_text("# Standards\n\n```{toctree}\n:hidden:\n:glob:\n\n*/index\n```\n",
                                                 encoding="utf-8")
    if draft:
        meta = dict(designation="GB/T 12345—XXXX", stage="征求意见稿", dates="draft_date: 2026-11-20")
    else:
        meta = dict(designation="GB/T 12345—2020", stage="published", dates="issued: 2020-06-01\nimplemented: 2021-01-01")
    if broken:
        meta["stage"] = "CD"
    (std / "index.md").write_text(INDEX.format(extra="labelling\n" if draft else "", **meta), encoding="utf-8")
    (std / "scope.md").write_text(SCOPE.replace("技术要求和试验方法", "技术要求，以及试验方法") if draft else SCOPE,
                                  encoding="utf-8")
    (std / "terms.md").write_text(TERMS + (RATED_FREQUENCY if draft else ""), encoding="utf-8")
    requirements = REQUIREMENTS.format(
        safety=SAFETY.replace("2011", "2022") if draft else SAFETY if safety else "",
        electrical=ELECTRICAL.replace("应为220 V", "应不低于230 V") if c11 else ELECTRICAL,
        marking="" if draft else MARKING)
    if draft:
        requirements = requirements.replace("外壳宜采用", "外壳应采用")
        requirements = requirements[:requirements.index("(storage)=")]
        (std / "labelling.md").write_text(LABELLING, encoding="utf-8")
    (std / "requirements.md").write_text(requirements, encoding="utf-8")
    # the test procedure's ID is renamed in the draft: it is paired by similarity
    (std / "annex-a.md").write_text(ANNEX.format(low=10 if draft else 15, steps="test-steps" if draft else "test-procedure"),
                                    encoding="utf-8")
    po = PO_HEADER + "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in TRANSLATIONS.items())
    (std / "locales" / "en" / "LC_MESSAGES" / "adapter.po").write_text(po, encoding="utf-8")


def commit(repo: Path, tag: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", tag)
    git(repo, "tag", tag)


@pytest.fixture(scope="module")
def adapter_repo(tmp_path_factory) -> Path:
    """A repository with the tagged revisions ed2020 → c10 → c11 → draft, and broken (invalid metadata)."""
    repo = tmp_path_factory.mktemp("diff") / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_revision(repo)
    commit(repo, "ed2020")
    write_revision(repo, safety=True)
    commit(repo, "c10")
    write_revision(repo, safety=True, c11=True)
    commit(repo, "c11")
    write_revision(repo, draft=True, c11=True)
    commit(repo, "draft")
    write_revision(repo, draft=True, c11=True, broken=True)
    commit(repo, "broken")
    return repo


@pytest.fixture(scope="module")
def adapter(adapter_repo) -> dict[str, Snapshot]:
    """The revisions built once: ed2020, c10, c11, draft (Chinese) and ed2020, draft in English.

    Clause 3 holds the requirements (no normative references clause), clause 4 is new in the draft.
    """
    snaps = {tag: load_revision(tag, adapter_repo) for tag in ("ed2020", "c10", "c11", "draft")}
    for tag in ("ed2020", "draft"):
        snaps[f"{tag}-en"] = load_revision(tag, adapter_repo, lang="en")
    return snaps


def test_git_C10_inserted_clause(adapter):
    """C10 through git refs: the inserted clause is added whole; the neighbours and the annex that refers
    to a renumbered clause are untouched (5.2 → 5.3 is renumbering, not a change)."""
    result = diff_revisions(adapter["ed2020"], adapter["c10"])
    changed = {c.title: (c.status, c.old_number, c.new_number) for c in result.clauses if c.status != "unchanged"}
    assert changed == {"安全要求": ("added", None, "3.2"), "电气要求": ("renumbered", "3.2", "3.3"),
                       "标志": ("renumbered", "3.3", "3.4"), "贮存": ("renumbered", "3.4", "3.5")}
    assert by_title(result, "试验步骤").status == "unchanged"  # its text now reads "按3.3的要求", unmarked
    added = by_title(result, "安全要求")
    assert [(c.kind, c.new) for c in added.changes] == [("added", "适配器应符合GB 4943.1—2011的规定。")]
    assert summary_text(result).count("\n  ") == 4


def test_git_C11_value_change_in_a_long_paragraph(adapter):
    """C11 through git refs: only 为220 → 不低于230 is marked; the change is technical."""
    result = diff_revisions(adapter["c10"], adapter["c11"])
    changed = [c for c in result.clauses if c.status != "unchanged"]
    assert [(c.title, c.status, c.class_) for c in changed] == [("电气要求", "modified", "technical")]
    [change] = changed[0].changes
    assert [(t.op, t.text) for t in change.tokens if t.op != "equal"] == [("delete", "为220"), ("insert", "不低于230")]
    assert change.reasons == ["220 V → 230 V"]


def test_git_new_edition(adapter):
    """The previous edition against the new draft: every status, the ID renamed in the annex, the foreword."""
    result = diff_revisions(adapter["ed2020"], adapter["draft"])
    got = {c.title: (c.status, c.class_) for c in result.clauses}
    assert got == {
        "范围": ("modified", "editorial"), "术语和定义": ("unchanged", "none"), "额定电压": ("unchanged", "none"),
        "额定频率": ("added", "technical"), "要求": ("unchanged", "none"), "通用要求": ("modified", "technical"),
        "安全要求": ("added", "technical"), "电气要求": ("modified", "technical"),
        "标志和包装": ("added", "technical"), "标志": ("moved", "technical"), "包装": ("added", "technical"),
        "贮存": ("deleted", "technical"), "试验方法": ("unchanged", "none"),
        "试验条件": ("modified", "technical"), "试验步骤": ("unchanged", "none")}
    assert by_title(result, "试验步骤").matched_by == "similarity"
    marking = by_title(result, "标志")
    assert (marking.old_number, marking.new_number, marking.modified) == ("3.3", "4.1", True)
    text = technical_changes(result)
    assert text.splitlines()[0] == "与GB/T 12345—2020相比，除结构调整和编辑性改动外，主要技术变化如下："
    assert "a) 增加了术语“额定频率”（见2.2）；" in text
    assert "更改了“标志”，增加了推荐型条款（宜）（见4.1，2020年版的3.3）；" in text
    assert "删除了“贮存”（2020年版的3.4）；" in text
    assert "更改了“试验条件”，将“15 ℃”改为“10 ℃”（见A.1，2020年版的A.1）。" in text
    assert "包装" not in text.replace("标志和包装", "")  # covered by its new parent clause


def test_git_translated_standard_diffed_in_english(adapter):
    """The English edition (through each revision's catalog) is compared in English."""
    result = diff_revisions(adapter["ed2020-en"], adapter["draft-en"])
    assert result.new.language == "en"
    general = by_title(result, "General requirements")
    assert general.class_ == "technical"
    assert general.changes[0].reasons == ["should → shall (recommendation → requirement)"]
    conditions = by_title(result, "Test conditions")
    assert conditions.changes[0].reasons == ["15 °C → 10 °C"]
    text = technical_changes(result)
    assert text.startswith("Compared with GB/T 12345—2020, apart from structural adjustments and editorial changes, "
                           "the main technical changes are as follows:")
    assert "changed “General requirements”: “should” → “shall” (see 3.1; 3.1 of the 2020 edition);" in text


def test_cli_diff(adapter_repo):
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(adapter_repo), "diff", "--from", "c10", "--to", "c11", "--format",
                                  "json", "--foreword"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["from"], data["to"], data["standard"]) == ("c10", "c11", "GB/T 12345—2020")
    assert data["summary"]["clauses"]["modified"] == 1
    # two commits of the published edition (the designation did not change): compared with the previous draft
    assert data["foreword"].startswith("与前一稿（c10）相比，除结构调整和编辑性改动外，主要技术变化如下：")
    assert "（见3.3，前一稿的3.3）" in data["foreword"] and "2020年版" not in data["foreword"]
    result = runner.invoke(main, ["--root", str(adapter_repo), "diff", "--from", "ed2020", "--to", "c10"])
    assert result.exit_code == 0, result.output
    assert "  — → 3.2 added technical: clause added; 增加要求（应） — 安全要求" in result.output


def test_bad_revisions(adapter_repo, tmp_path):
    with pytest.raises(RevisionError, match="no-such-tag: not a git ref"):
        load_revision("no-such-tag", adapter_repo)
    with pytest.raises(RevisionError, match="broken"):
        load_revision("broken", adapter_repo)
    result = CliRunner().invoke(main, ["--root", str(adapter_repo), "diff", "--from", "ed2020", "--to", "broken"])
    assert result.exit_code == 1 and "Error: --to: broken" in result.output, result.output
    assert "standards/adapter/index.md:5: ERROR: invalid metadata: stage: 'CD'" in result.output  # file and line
    assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["--root", str(adapter_repo), "diff", "--from", "nope", "--to", "draft"])
    assert result.exit_code == 1 and "Error: --from: nope: not a git ref" in result.output


# -- real revision series from the shared corpus --------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
SERIES = CORPUS / "openchain-18974" / "2.0-draft-series"
OFFICIAL = CORPUS / "openchain-18974" / "official"
IETF = CORPUS / "ietf-header-structure"
_WORD = re.compile(r"[A-Za-z]{3,}")


def _load_corpus_file(job: tuple[str, str]) -> Snapshot:
    path, designation = job
    return load_revision(path, REPO, options=ImportOptions(designation=designation, lang="en"))


@pytest.fixture(scope="module")
def corpus_snapshots(corpus) -> dict[str, Snapshot]:
    """Every corpus revision imported on the fly and built once, in parallel: file name → snapshot."""
    jobs = {p.name: (str(p), "ISO/IEC DIS 18974") for p in sorted(SERIES.glob("*.md"))}
    jobs.update({p.name: (str(p), p.stem) for p in sorted(IETF.glob("*.md"))})
    for name in ("1.1-en.md", "DIS-18974-initial-en.md"):
        jobs[name] = (str(OFFICIAL / name), "ISO/IEC DIS 18974")
    workers = max(1, min(4, os.cpu_count() or 1))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return dict(zip(jobs, pool.map(_load_corpus_file, jobs.values())))


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def source_diff(old: Path, new: Path) -> tuple[list[str], list[str]]:
    """The lines a plain ``diff`` shows as removed and as added (blank lines left out)."""
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += [line for line in a[i1:i2] if line.strip()]
        if tag in ("replace", "insert"):
            added += [line for line in b[j1:j2] if line.strip()]
    return removed, added


_PLACEHOLDER = "(no heading in the source)"  # the importer's title for a clause whose heading was deleted


def check_against_source(result, old: Path, new: Path, *, complete: bool = True, strict: bool = True,
                         ignore=None) -> None:
    """The reported changes are the real ones.

    Sound: every word the redline marks as deleted (inserted) is on a line ``diff`` shows as
    removed (added) (``strict``; otherwise every changed clause has at least one such word —
    for sources whose code blocks ``diff`` aligns otherwise), and every clause reported as
    changed has such a change or a new number.
    Complete (``complete``): every removed (added) line is covered by the old (new) text of a
    reported change — nothing the source changed is missing (``ignore``: lines that are not
    clauses, such as the document's own title).
    """
    removed, added = source_diff(old, new)
    removed_words, added_words = _words("\n".join(removed)), _words("\n".join(added))
    old_side, new_side = set(), set()
    old_clauses, new_clauses = result.old.by_key(), result.new.by_key()

    def heading(clause: Clause | None) -> set[str]:  # a heading line: the title, and a term's abbreviation
        if clause is None:
            return set()
        lines = [b.text for b in clause.blocks if b.kind == "term-line"]
        return _words(" ".join([clause.title.replace(_PLACEHOLDER, "")] + lines))

    for clause in result.clauses:
        if clause.status == "unchanged":
            assert not clause.changes
            continue
        assert clause.changes or clause.old_number != clause.new_number or clause.moved, clause
        old_side |= heading(old_clauses.get(clause.old_key))
        new_side |= heading(new_clauses.get(clause.new_key))
        marked: set[str] = set()
        for change in clause.changes:
            old_side |= _words(change.old)
            new_side |= _words(change.new)
            if change.kind == "moved" and not change.tokens:
                continue  # text that stayed as it was, under another heading
            if change.tokens:
                inserted = _words(" ".join(t.text for t in change.tokens if t.op == "insert").replace(_PLACEHOLDER, ""))
                deleted = _words(" ".join(t.text for t in change.tokens if t.op == "delete").replace(_PLACEHOLDER, ""))
            else:
                inserted, deleted = _words(change.new), _words(change.old)
            if strict:
                assert inserted <= added_words, (clause.title, inserted - added_words)
                assert deleted <= removed_words, (clause.title, deleted - removed_words)
            marked |= inserted | deleted
        if marked and not strict:
            assert marked & (added_words | removed_words), ("a clause reported changed is untouched", clause.title)
    if complete:
        for line in removed:
            if not (ignore and ignore.match(line)):
                assert _words(line) <= old_side, ("removed line not reported", line)
        for line in added:
            if not (ignore and ignore.match(line)):
                assert _words(line) <= new_side, ("added line not reported", line)


_OPENCHAIN_TITLE = re.compile(r"^# OpenChain")  # the document's title: metadata, not a clause
SERIES_FILES = sorted(p.name for p in SERIES.glob("*.md")) if SERIES.is_dir() else []


@pytest.mark.corpus
def test_openchain_series_every_adjacent_pair(corpus_snapshots):
    """All 19 adjacent pairs of the 2.0 draft series: what is reported is exactly what ``diff`` shows."""
    assert len(SERIES_FILES) == 20
    for old, new in zip(SERIES_FILES, SERIES_FILES[1:]):
        result = diff_revisions(corpus_snapshots[old], corpus_snapshots[new])
        assert not result.unrelated, (old, new)
        check_against_source(result, SERIES / old, SERIES / new, ignore=_OPENCHAIN_TITLE)


def _series(index: int) -> str:
    return SERIES_FILES[index - 1]


def _changed(result) -> dict[str, tuple[str, str]]:
    return {f"{c.old_number}→{c.new_number} {c.title}": (c.status, c.class_) for c in result.clauses
            if c.status != "unchanged"}


@pytest.mark.corpus
def test_openchain_pairs_read_by_hand(corpus_snapshots):
    """Pairs compared with ``diff`` by hand: one changed line is one modified clause, and so on."""
    def pair(a: int, b: int):
        return diff_revisions(corpus_snapshots[_series(a)], corpus_snapshots[_series(b)])

    # rev01 → rev02: only the document's title line changed (not a clause): reported as a metadata change
    result = pair(1, 2)
    assert _changed(result) == {}
    assert [m.to_json() for m in result.metadata] == [
        {"field": "title.en", "old": "OpenChain Security Assurance Reference Specification",
         "new": "OpenChain Security Assurance Specification", "class": "editorial"}]
    assert "metadata: title.en: OpenChain Security Assurance Reference Specification → OpenChain Security " \
           "Assurance Specification (editorial)" in summary_text(result)
    assert NO_CHANGES not in summary_text(result)
    assert pair(3, 4).metadata == []  # the same title: nothing (the draft dates of imported files are not compared)
    # one changed line in the definition of 2.7
    result = pair(3, 4)
    assert _changed(result) == {"2.7→2.7 Open Source Software": ("modified", "editorial")}
    # two term entries inserted before 2.7: added, the eight after them renumbered, nothing else
    result = pair(4, 5)
    changed = _changed(result)
    assert {k: v for k, v in changed.items() if v[0] == "added"} == {
        "None→2.7 Remediate": ("added", "technical"), "None→2.8 Mitigate": ("added", "technical")}
    assert sorted(k for k, v in changed.items() if v[0] == "renumbered") == sorted(
        f"2.{n}→2.{n + 2} {t}" for n, t in zip(range(7, 15), [
            "Open Source Software", "Program", "Program Participants", "Security Assurance", "Security Testing",
            "Software Bill of Materials", "Supplied Software", "Verification Materials"]))
    assert len(changed) == 10
    # one list item: "addressed" → "remediated or mitigated"
    result = pair(5, 6)
    assert _changed(result) == {"3.1.5→3.1.5 Standard Practice Implementation": ("modified", "editorial")}
    [change] = by_title(result, "Standard Practice Implementation").changes
    assert [(t.op, t.text) for t in change.tokens if t.op != "equal"] == [
        ("delete", "addressed"), ("insert", "remediated or mitigated")]
    # a typo in the introduction (informative): editorial
    assert _changed(pair(10, 11)) == {"→ Introduction": ("modified", "editorial")}
    # "may be used" → "should be established", seven list items under "you should understand"
    result = pair(11, 12)
    assert _changed(result) == {"3.1.4→3.1.4 Program Scope": ("modified", "technical")}
    reasons = [r for c in by_title(result, "Program Scope").changes for r in c.reasons]
    assert "may → should (permission → recommendation)" in reasons
    assert reasons.count("recommendation added (should)") == 8
    # the RFC 2119 key words added to clause 2: they mention the verbal forms, they state no provisions
    result = pair(12, 13)
    assert _changed(result) == {"2→2 Terms, Definitions and Examples": ("modified", "editorial")}
    # the heading of clause 2 and the scope text deleted: the terms text now sits under "Scope", moved there;
    # the term entries keep their place under a clause without a heading; no clause added or deleted
    result = pair(14, 15)
    assert _changed(result) == {"1→1 Scope": ("modified", "editorial"),
                                "2→2 (no heading in the source)": ("modified", "editorial")}
    scope = by_title(result, "Scope")
    assert [c.kind for c in scope.changes].count("moved") == 8
    assert all(c.elsewhere == "2" for c in scope.changes if c.kind == "moved")
    # 18 months → a review period of 12 months
    result = pair(19, 20)
    duration = by_title(result, "Duration")
    assert duration.class_ == "technical"
    assert "18 months → 12 months" in [r for c in duration.changes for r in c.reasons]


@pytest.mark.corpus
def test_openchain_first_against_last(corpus_snapshots):
    first, last = SERIES_FILES[0], SERIES_FILES[-1]
    result = diff_revisions(corpus_snapshots[first], corpus_snapshots[last])
    check_against_source(result, SERIES / first, SERIES / last, ignore=_OPENCHAIN_TITLE)
    changed = _changed(result)
    assert changed["None→2.7 Remediate"][0] == "added" and changed["None→2.8 Mitigate"][0] == "added"
    assert not [k for k, v in changed.items() if v[0] == "deleted"]
    assert changed["3.4.2→3.4.2 Duration"] == ("modified", "technical")
    # 3.3.2: "… (i.e., all severity scores above 4.5 …)" moved from an item into a new item: no value disappeared
    remediation = next(c for c in result.clauses if c.new_number == "3.3.2")
    reasons = [r for c in remediation.changes for r in c.reasons]
    assert not [r for r in reasons if "4.5" in r], reasons
    assert "may → should (permission → recommendation)" in technical_changes(result) or \
        "“may” → “should”" in technical_changes(result)


@pytest.mark.corpus
def test_cli_two_drafts_of_the_series_under_one_gb_designation(corpus):
    """Two drafts imported with the same designation: the foreword compares with the previous draft (named by
    its file: an import has no draft date of its source), never with "GB/T XXXXX—XXXX" itself; the changed title
    is counted in the summary. A Markdown revision has no slug: --standard only names the redline."""
    runner = CliRunner()
    options = ["--designation", "GB/T XXXXX—XXXX", "--source-lang", "en", "--profile", "gb"]
    first, third = str(SERIES / _series(1)), str(SERIES / _series(3))
    result = runner.invoke(main, ["diff", "--from", first, "--to", third, *options, "--foreword"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").splitlines()
    assert lines[2] == ("classes: 0 technical, 1 editorial clauses; 0 technical, 2 editorial changes; "
                        "0 technical, 1 editorial metadata fields")
    assert ("metadata: title.en: OpenChain Security Assurance Reference Specification → OpenChain Security "
            "Assurance Specification (editorial)") in lines
    assert lines[-1] == ("Compared with the previous draft (rev01-2022-11-16-7c3ae68.md), apart from structural "
                         "adjustments and editorial changes, there are no technical changes.")
    result = runner.invoke(main, ["diff", "--from", first, "--to", third, *options, "--format", "json",
                                  "--standard", "openchain"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["metadata"] == {"technical": 0, "editorial": 1}
    assert summary["clauses_by_class"] == {"technical": 0, "editorial": 1} and summary["total_changes"] == 2

    result = runner.invoke(main, ["diff", "--from", str(SERIES / _series(19)), "--to", str(SERIES / _series(20)),
                                  *options, "--foreword"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").splitlines()
    assert lines[-2:] == [
        "Compared with the previous draft (rev19-2023-10-17-ce6a660.md), apart from structural adjustments and "
        "editorial changes, the main technical changes are as follows:",
        "a) changed “Duration”: requirement removed (shall); “18 months” → “12 months” (see 3.4.2; 3.4.2 in the "
        "previous draft)."]
    assert "GB/T XXXXX—XXXX," not in result.stdout and "edition" not in result.stdout


IETF_FILES = sorted(p.name for p in IETF.glob("*.md")) if IETF.is_dir() else []


@pytest.mark.corpus
def test_ietf_series(corpus_snapshots):
    """15 kramdown-rfc revisions: anchors present, renamed or missing are paired by similarity; every change
    reported is on a line ``diff`` shows; 01 → 02 is a different document (another author's rewrite)."""
    assert len(IETF_FILES) == 15
    by_similarity = moved = 0
    for old, new in zip(IETF_FILES, IETF_FILES[1:]):
        result = diff_revisions(corpus_snapshots[old], corpus_snapshots[new])
        if old.endswith("-01.md"):
            assert result.unrelated and result.clauses == []
            continue
        assert not result.unrelated, (old, new)
        check_against_source(result, IETF / old, IETF / new, complete=False, strict=False)
        by_similarity += sum(c.matched_by == "similarity" for c in result.clauses)
        moved += sum(c.status == "moved" for c in result.clauses)
    assert by_similarity >= 10 and moved >= 10


@pytest.mark.corpus
def test_ietf_09_to_10_read_by_hand(corpus_snapshots):
    """The 14 hunks of ``diff`` -09 -10 are the 12 changed clauses reported; the appendix renumbering is
    renumbering."""
    result = diff_revisions(corpus_snapshots[IETF_FILES[9]], corpus_snapshots[IETF_FILES[10]])
    changed = {c.new_number: c for c in result.clauses if c.status not in ("unchanged", "renumbered")}
    assert sorted(changed) == ["3.11", "3.4", "3.5", "3.6", "3.9", "4.1.11", "4.1.6", "4.2.12", "4.2.6", "4.2.8",
                               "B.3", "C.1"]
    assert changed["C.1"].status == "added"
    assert all(c.status == "modified" for n, c in changed.items() if n != "C.1")
    assert [c.reasons for c in changed["4.2.8"].changes] == [["19 characters → 15 characters"]]
    assert changed["3.5"].class_ == "editorial"  # a stray brace
    assert changed["B.3"].class_ == "editorial"  # the FAQ appendix is informative
    renumbered = [c for c in result.clauses if c.status == "renumbered"]
    assert [(c.old_number, c.new_number) for c in renumbered] == [(f"C.{n}", f"C.{n + 1}") for n in range(1, 10)]


@pytest.mark.corpus
def test_ietf_13_to_14_code_and_forms_on_both_sides(corpus_snapshots):
    """-13 → -14: the header example ``jk=4 l`` (code) holds no value (its change is a change of code); a verbal
    form that a clause still has on both sides (a rewritten paragraph, list items replaced under the same lead-in) is no change."""
    result = diff_revisions(corpus_snapshots[IETF_FILES[13]], corpus_snapshots[IETF_FILES[14]])
    by_number = {c.new_number: c for c in result.clauses}
    for clause in result.clauses:
        for change in clause.changes:
            assert "∅ → 4 l" not in change.reasons, clause.title
            if change.block == "literal_block":  # code: technical as code, never read for values or forms
                assert change.reasons in (["code or syntax changed"], ["code or syntax added"],
                                          ["code or syntax deleted"], ["whitespace"], ["moved"]), (clause.title,
                                                                                                  change.reasons)
        reasons = [r for c in clause.changes for r in c.reasons]
        for reason in reasons:
            if " removed (" in reason:  # never "requirement removed (X)" with "requirement added (X)"
                assert reason.replace(" removed (", " added (") not in reasons, (clause.title, reasons)
    lists = [r for c in by_number["3.1"].changes for r in c.reasons]
    assert "requirement removed (MUST)" not in lists and "requirement added (MUST)" not in lists
    defining = [r for c in by_number["2"].changes for r in c.reasons]
    assert defining.count("requirement added (needs to)") == 1 and "requirement removed (needs to)" not in defining


@pytest.mark.corpus
def test_openchain_1_1_to_dis(corpus_snapshots):
    """The published 1.1 specification against the initial DIS text: clauses paired across the new clause 2
    (normative references) by ID and similarity; the will → shall rewording is technical."""
    result = diff_revisions(corpus_snapshots["1.1-en.md"], corpus_snapshots["DIS-18974-initial-en.md"])
    assert not result.unrelated
    changed = _changed(result)
    assert changed["None→2 Normative references"][0] == "added"
    assert changed["3→4 Requirements"] == ("renumbered", "editorial")
    assert by_title(result, "Terms and definitions").old_number == "2"
    policy = by_title(result, "Policy")
    assert (policy.old_number, policy.new_number, policy.class_) == ("3.1.1", "4.1.1", "technical")
    assert "requirement added (shall)" in policy.changes[0].reasons
    assert not [k for k, v in changed.items() if v[0] == "deleted"]
    text = technical_changes(result)
    title, rest = text.split("\n", 1)  # the retitling (metadata, editorial) is said before the list
    assert title == ("The title has been changed from “OpenChain Security Assurance Specification” to "
                     "“Information technology — OpenChain Security Assurance Specification”.")
    # both imported as ISO/IEC DIS 18974: the old one is named by its file
    assert rest.startswith("The main changes compared with the previous draft (1.1-en.md) are as follows:\n— ")



def test_every_standard_is_compared_and_a_broken_one_does_not_stop_the_others(tmp_path):
    """``make diff`` without --standard: each standard gets its redline; a broken one is named with its line."""
    import shutil

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_revision(repo)
    shutil.copytree(repo / "standards" / "adapter", repo / "standards" / "second")
    index = repo / "standards" / "second" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("GB/T 12345", "GB/T 54321"), encoding="utf-8")
    commit(repo, "v1")
    write_revision(repo, safety=True)
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("stage: published", "stage: CD"), encoding="utf-8")
    commit(repo, "v2")

    result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2",
                                       "--format", "html", "--format", "text"])
    assert result.exit_code == 1, result.output
    assert "GB/T 12345—2020: v1 → v2" in result.stdout and "added technical" in result.stdout
    assert "second: not compared: --to: v2: the metadata of second is invalid" in result.stderr
    assert "standards/second/index.md:5: ERROR: invalid metadata: stage: 'CD'" in result.stderr
    html = (repo / "build" / "diff" / "adapter.html").read_text(encoding="utf-8")
    assert "<ins" in html and not (repo / "build" / "diff" / "second.html").exists()

    result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2", "--format", "json"])
    assert result.exit_code == 2, result.output  # a usage error naming --standard, not --from
    assert "Error: --standard: v1 holds several standards (standards: adapter, second)" in result.output
    assert "--from" not in result.output.split("Error:")[1]
    result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2", "--standard", "nosuch"])
    assert result.exit_code == 2, result.output
    assert "Invalid value for --standard: no standard 'nosuch' in v1 (standards: adapter, second)" in result.output
    assert "choose one with --standard" not in result.output
    result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2",
                                       "--standard", "adapter", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["standard"] == "GB/T 12345—2020"
    result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2",
                                       "--format", "text", "--format", "json"])
    assert result.exit_code == 2 and "choose one" in result.output


# -- the metadata, revisions holding one standard, bad output places, catalogs ---------------------------------


def M(**fields: str) -> dict[str, str]:  # noqa: N802
    """Metadata of a snapshot: ``title_zh="…"`` is the field ``title.zh``."""
    return {k.replace("_zh", ".zh").replace("_en", ".en").replace("adoption_", "adoption."): v
            for k, v in fields.items()}


def test_metadata_changes_and_their_classes():
    """Titles, stage, dates: editorial; the designation's identity, document type, replaced documents: technical."""
    old = S(*base_zh())
    new = S(*base_zh(), label="new")
    old.metadata = M(designation="GB/T 12345—XXXX", title_zh="质量评价方法", stage="征求意见稿", doctype="standard",
                     draft_date="2026-01-10")
    new.metadata = M(designation="GB/T 12345—2026", title_zh="质量评价通用方法", stage="送审稿", doctype="standard",
                     draft_date="2026-03-01", replaces="GB/T 12345—2010")
    result = diff_revisions(old, new)
    assert [(m.field, m.old, m.new, m.class_) for m in result.metadata] == [
        ("designation", "GB/T 12345—XXXX", "GB/T 12345—2026", "editorial"),  # a year given: the same document
        ("title.zh", "质量评价方法", "质量评价通用方法", "editorial"),
        ("stage", "征求意见稿", "送审稿", "editorial"),
        ("draft_date", "2026-01-10", "2026-03-01", "editorial"),
        ("replaces", "", "GB/T 12345—2010", "technical")]
    assert result.summary()["clauses"] == {"unchanged": 5}
    assert result.summary()["metadata"] == {"technical": 1, "editorial": 4}  # counted, beside the clauses
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    assert set(data) == {"from", "to", "standard", "clauses", "summary", "metadata"}
    assert data["metadata"][2] == {"field": "stage", "old": "征求意见稿", "new": "送审稿", "class": "editorial"}
    text = summary_text(result)
    assert text.splitlines()[2] == ("classes: 0 technical, 0 editorial clauses; 0 technical, 0 editorial changes; "
                                    "1 technical, 4 editorial metadata fields")
    assert "metadata: stage: 征求意见稿 → 送审稿 (editorial)" in text.splitlines()
    assert "metadata: replaces: — → GB/T 12345—2010 (technical)" in text.splitlines()
    assert NO_CHANGES not in text
    foreword = technical_changes(result).splitlines()
    assert foreword == ["文件名称由“质量评价方法”更改为“质量评价通用方法”。",
                        "与GB/T 12345—2020相比，除结构调整和编辑性改动外，主要技术变化如下：",
                        "a) 增加了代替文件“GB/T 12345—2010”。"]
    new.metadata["designation"] = "GB 12345—2026"  # recommended → mandatory: another document
    new.metadata["doctype"] = "technical-specification"
    classes = {m.field: m.class_ for m in diff_revisions(old, new).metadata}
    assert classes["designation"] == "technical" and classes["doctype"] == "technical"
    new.imported = True  # an imported revision's draft date is its file's: not compared
    assert "draft_date" not in {m.field for m in diff_revisions(old, new).metadata}


def test_nothing_changed_says_so():
    result = diff_revisions(S(*base_zh()), S(*base_zh(), label="new"))
    assert summary_text(result).splitlines()[-1] == NO_CHANGES and not result.changed
    renumbered = base_zh()
    renumbered[4].number = "5.4"
    assert NO_CHANGES not in summary_text(diff_revisions(S(*base_zh()), S(*renumbered, label="new")))


def test_title_and_stage_of_a_git_revision(tmp_path):
    """Two revisions that differ only in title and stage: reported in the summary, JSON, foreword, redline."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_revision(repo, draft=True)
    index = repo / "standards" / "adapter" / "index.md"
    text = index.read_text(encoding="utf-8").replace("{main: 电源适配器, complementary: 技术要求}", "{main: 质量评价方法}")
    index.write_text(text, encoding="utf-8")
    commit(repo, "v1")
    index.write_text(text.replace("质量评价方法", "质量评价通用方法").replace("征求意见稿", "送审稿"), encoding="utf-8")
    commit(repo, "v2")
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2", "--foreword",
                                  "--format", "text", "--format", "html"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "clauses: 14 unchanged"
    assert lines[2] == ("classes: 0 technical, 0 editorial clauses; 0 technical, 0 editorial changes; "
                        "0 technical, 2 editorial metadata fields")
    assert "metadata: title.zh: 质量评价方法 → 质量评价通用方法 (editorial)" in lines
    assert "metadata: stage: 征求意见稿 → 送审稿 (editorial)" in lines
    assert "文件名称由“质量评价方法”更改为“质量评价通用方法”。" in lines and NO_CHANGES not in lines
    # one designation (GB/T 12345—XXXX) and one draft date: the previous draft is named by its stage
    assert "与前一稿（征求意见稿）相比，除结构调整和编辑性改动外，无技术变化。" in lines
    html = (repo / "build" / "diff" / "adapter.html").read_text(encoding="utf-8")
    assert "文件信息的变化" in html and "<del>征求意见稿</del>" in html and "<ins>送审稿</ins>" in html
    result = runner.invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2", "--format", "json"])
    data = json.loads(result.stdout)
    assert [(m["field"], m["class"]) for m in data["metadata"]] == [("title.zh", "editorial"), ("stage", "editorial")]
    assert data["summary"]["clauses"] == {"unchanged": 14}
    assert data["summary"]["metadata"] == {"technical": 0, "editorial": 2}
    assert data["summary"]["clauses_by_class"] == {"technical": 0, "editorial": 0}  # the other keys as they were
    assert data["summary"]["total_changes"] == 0


def test_no_changes_is_obvious_and_the_redline_still_written(adapter_repo):
    result = CliRunner().invoke(main, ["--root", str(adapter_repo), "diff", "--from", "c11", "--to", "c11",
                                       "--format", "text", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == NO_CHANGES
    assert f"redline: {adapter_repo / 'build' / 'diff' / 'adapter.html'} (no changes)" in result.stderr
    assert (adapter_repo / "build" / "diff" / "adapter.html").is_file()


MARKDOWN = """# 电源适配器　技术要求

## 1　范围

本文件规定了电源适配器的技术要求。

## 2　要求

适配器的外壳{form}采用阻燃材料。
"""


@pytest.fixture(scope="module")
def two_standards_repo(tmp_path_factory) -> tuple[Path, Path]:
    """A repository whose revision v1 holds two standards: ``adapter`` and ``sample``, imported from the
    Markdown file returned beside it (which says 应 where v1 says 宜)."""
    from tooling.importer import import_standard

    tmp = tmp_path_factory.mktemp("two")
    repo = tmp / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_revision(repo)
    source = tmp / "sample.md"
    source.write_text(MARKDOWN.format(form="宜"), encoding="utf-8")
    import_standard(source, designation="GB/T 54321—XXXX", lang="zh", profile=None, translation=None, stage=None,
                    target=repo / "standards" / "sample")
    commit(repo, "v1")
    source.write_text(MARKDOWN.format(form="应"), encoding="utf-8")
    return repo, source


def test_revisions_holding_one_standard_are_compared_whatever_their_slugs(two_standards_repo, tmp_path):
    """Two standard folders of other names; a Markdown file against a git ref of several standards."""
    import shutil

    repo, source = two_standards_repo
    for name in ("revA", "revB"):
        shutil.copytree(repo / "standards" / "adapter", tmp_path / name)
    conditions = tmp_path / "revB" / "annex-a.md"
    conditions.write_text(conditions.read_text(encoding="utf-8").replace("15 ℃", "10 ℃"), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(repo), "diff", "--from", str(tmp_path / "revA"), "--to",
                                  str(tmp_path / "revB")])
    assert result.exit_code == 0, result.output
    assert "  A.1 → A.1 modified technical: 15 ℃ → 10 ℃ — 试验条件" in result.stdout

    args = ["--root", str(repo), "diff", "--from", "v1", "--to", str(source), "--designation", "GB/T 54321—XXXX",
            "--source-lang", "zh"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output  # v1 holds two: which one is the Markdown's?
    assert "Error: --standard: v1 holds several standards (standards: adapter, sample)" in result.output
    result = runner.invoke(main, [*args, "--standard", "sample", "--format", "text", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert "  2 → 2 modified technical: 宜 → 应（推荐 → 要求） — 要求" in result.stdout
    assert NO_CHANGES not in result.stdout and "metadata: draft_date" not in result.stdout
    assert (repo / "build" / "diff" / "sample.html").is_file()  # the slug of the real side, not "imported"
    assert not (repo / "build" / "diff" / "imported.html").exists()


def test_standard_that_neither_revision_holds_is_refused(two_standards_repo, adapter_repo, tmp_path):
    """Each revision holds one standard: --standard must name one of them (a renamed folder may be named by
    either slug); otherwise a usage error naming the slug of each side. A Markdown revision has no slug."""
    import shutil

    repo, source = two_standards_repo
    for name in ("revA", "revB"):
        shutil.copytree(repo / "standards" / "adapter", tmp_path / name)
    runner = CliRunner()
    args = ["--root", str(repo), "diff", "--from", str(tmp_path / "revA"), "--to", str(tmp_path / "revB")]
    result = runner.invoke(main, [*args, "--standard", "nosuch"])
    assert result.exit_code == 2, result.output
    assert (f"Error: Invalid value for --standard: no standard 'nosuch' in the revisions compared: the other "
            f"revision holds 'revA', {tmp_path / 'revB'} holds 'revB'") in result.output
    assert "Traceback" not in result.output and not (repo / "build" / "diff" / "nosuch.html").exists()
    result = runner.invoke(main, [*args, "--standard", "revA"])  # the old slug of a renamed folder
    assert result.exit_code == 0 and NO_CHANGES in result.stdout, result.output

    result = runner.invoke(main, ["--root", str(repo), "diff", "--from", str(tmp_path / "revA"), "--to", str(source),
                                  "--designation", "GB/T 54321—XXXX", "--source-lang", "zh", "--standard", "sample"])
    assert result.exit_code == 2, result.output
    assert (f"no standard 'sample' in the revisions compared: the other revision holds 'revA', {source} is a "
            "Markdown file (no slug)") in result.output

    # git refs of a repository with one standard
    result = runner.invoke(main, ["--root", str(adapter_repo), "diff", "--from", "c10", "--to", "c11",
                                  "--standard", "nosuch", "--format", "json"])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "the other revision holds 'adapter', c11 holds 'adapter'" in result.output
    result = runner.invoke(main, ["--root", str(adapter_repo), "diff", "--from", "c10", "--to", "c11",
                                  "--standard", "adapter", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["summary"]["clauses"]["modified"] == 1


def test_unwritable_output_is_an_error_not_a_traceback(adapter_repo, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    base = ["--root", str(adapter_repo), "diff", "--from", "c10", "--to", "c11"]
    runner = CliRunner()
    for fmt, out in (("pdf", blocker / "out.pdf"), ("html", blocker / "sub" / "out.html")):
        result = runner.invoke(main, [*base, "--format", fmt, "--output", str(out)])
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        assert f"Error: cannot write the redline {out}: " in result.stderr and str(blocker) in result.stderr
        assert not isinstance(result.exception, OSError)
    diff_dir = adapter_repo / "build" / "diff"
    moved = diff_dir.with_name("diff.away")
    if diff_dir.exists():
        diff_dir.rename(moved)
    diff_dir.parent.mkdir(parents=True, exist_ok=True)
    diff_dir.write_text("", encoding="utf-8")
    try:
        result = runner.invoke(main, [*base, "--format", "html"])
    finally:
        diff_dir.unlink()
        if moved.exists():
            moved.rename(diff_dir)
    assert result.exit_code == 1 and not isinstance(result.exception, OSError), result.output
    assert f"Error: cannot write the redline {diff_dir / 'adapter.html'}: {diff_dir} is a file, not a folder" \
        in result.stderr


def test_markdown_revision_options_are_named_right(adapter_repo, tmp_path):
    source = tmp_path / "sample.md"
    source.write_text(MARKDOWN.format(form="应"), encoding="utf-8")
    base = ["--root", str(adapter_repo), "diff", "--from", str(source), "--to", str(source)]
    result = CliRunner().invoke(main, [*base, "--designation", "GB/T 54321—XXXX"])
    assert result.exit_code == 1
    assert "a Markdown revision is imported: give --source-lang (the language it is written in)" in result.output
    assert "--lang" not in result.output.replace("--source-lang", "")
    # --lang needs catalogs, which a Markdown revision has not: said, not silently ignored
    result = CliRunner().invoke(main, [*base, "--designation", "GB/T 54321—XXXX", "--source-lang", "zh",
                                       "--lang", "en"])
    assert result.exit_code == 1
    assert "--lang en compares a translation through the standard's catalogs; a Markdown revision has none" \
        in result.output


def test_standards_folder_given_as_a_revision(adapter_repo):
    result = CliRunner().invoke(main, ["--root", str(adapter_repo), "diff", "--from",
                                       str(adapter_repo / "standards"), "--to", "c11"])
    assert result.exit_code == 1, result.output
    assert ("a folder that is neither a repository (conf.py and standards/) nor a standard's folder (index.md with "
            "the standard's metadata): it holds the standards adapter") in result.output
    assert "standards/standards" not in result.output


def test_language_without_a_catalog_is_named(tmp_path):
    """--lang en where a revision has no English catalog of the standard: said so, naming --from/--to."""
    import shutil

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_revision(repo)
    commit(repo, "v1")
    shutil.rmtree(repo / "standards" / "adapter" / "locales")
    commit(repo, "v2")
    for extra in ([], ["--format", "json"]):
        result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2", "--lang", "en",
                                           *extra])
        assert result.exit_code == 1, result.output
        assert ("Error: --to: v2: standard adapter has no en translation catalog "
                "(standards/adapter/locales/en/LC_MESSAGES/adapter.po)") in result.output
        assert "unrelated" not in result.output
    result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", "v1", "--to", "v2", "--lang", "zh"])
    assert result.exit_code == 0 and "GB/T 12345—2020: v1 → v2" in result.output  # the master's language


def test_stale_catalog_warned_and_untranslated_segments_marked(adapter, adapter_repo):
    """An English edition whose catalog misses messages: each revision says how many segments stay in Chinese."""
    snap = adapter["ed2020-en"]
    assert snap.catalog == "standards/adapter/locales/en/LC_MESSAGES/adapter.po"
    assert 0 < snap.untranslated < snap.segments and snap.master_language == "zh"
    scope = next(c for c in snap.clauses if c.id == "scope")
    assert [b.untranslated for b in scope.blocks] == [1, 1]  # not in the catalog
    general = next(c for c in snap.clauses if c.id == "general")
    assert [b.untranslated for b in general.blocks] == [0]
    assert adapter["ed2020"].catalog == "" and adapter["ed2020"].untranslated == 0
    result = CliRunner().invoke(main, ["--root", str(adapter_repo), "diff", "--from", "ed2020", "--to", "draft",
                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    for option, tag in (("--from", "ed2020"), ("--to", "draft")):
        assert re.search(rf"warning: {option} {tag}: \d+ of \d+ segments of adapter have no en translation in "
                         r"standards/adapter/locales/en/LC_MESSAGES/adapter\.po \(fuzzy or missing\): they are "
                         r"compared in zh", result.stderr), result.stderr


def test_language_switch_within_a_block_is_editorial():
    """A list item of two segments, one translated since: a translation, not a requirement added."""
    mixed = Block("list-item", "适配器应符合要求。 The adapter shall be marked with its model.")
    mixed.untranslated = 1  # what the build marks: one of its two segments has no translation
    translated = Block("list-item", "The adapter shall comply with the requirements. The adapter shall be marked "
                       "with its model.")
    old, new = [C("c", "5", "Marking", mixed)], [C("c", "5", "Marking", translated)]
    result = diff_revisions(S(*old, lang="en"), S(*new, lang="en", label="new"))
    [change] = result.clauses[0].changes
    assert (change.class_, change.reasons) == ("editorial", ["translation"])


def test_value_moved_into_a_new_list_item_did_not_disappear():
    """OpenChain 3.3.2: the threshold went with its sentence into a new item of the same list."""
    lead = P("The organization shall have a documented procedure to:")
    old = [C("c", "3.3.2", "Remediation", lead, P(
        "For each detection and assigned score determine and document necessary remediation steps suitable for the "
        "use-case of the software and get Customer Agreement at or above a previously determined level (i.e., all "
        "severity scores above 4.5 …);", "list-item"))]
    new = [C("c", "3.3.2", "Remediation", lead, P(
        "For each detection and assigned score determine and document necessary remediation or mitigation steps "
        "suitable for the use-case of the software", "list-item"), P(
        "Obtain Customer Agreement that the proposed resolution is acceptable if necessary; at or above a previously "
        "determined level (i.e., all severity scores above 4.5 …);", "list-item"))]
    result = diff_revisions(S(*old, lang="en", profile="iso"), S(*new, lang="en", profile="iso", label="new"))
    modified = [c for c in result.clauses[0].changes if c.kind == "modified"]
    assert modified and all("4.5 → ∅" not in c.reasons for c in modified), [c.reasons for c in modified]
    assert modified[0].class_ == "editorial"
    gone = [C("c", "3.3.2", "Remediation", lead, P(
        "For each detection and assigned score determine and document necessary remediation or mitigation steps "
        "suitable for the use-case of the software", "list-item"))]
    result = diff_revisions(S(*old, lang="en", profile="iso"), S(*gone, lang="en", profile="iso", label="new"))
    assert "4.5 → ∅" in result.clauses[0].changes[0].reasons  # gone from the clause: a change


def test_code_holds_no_values_nor_provisions():
    """IETF -13 → -14: a header example in a literal block (``jk=4 l``), inline code in a paragraph."""
    old = [C("c", "3.1.2", "Parameters", P('Example-ParamListHeader: abc;a=1;b=2; cde_456, (ghi jkl);q="9";r=w',
                                           "literal_block"),
             P("Foo-Example is a Structured Header. Its value MUST be a dictionary.", "literal_block"))]
    new = [C("c", "3.1.2", "Parameters", P('Example-ParamListHeader: abc;a=1;b=2; cde_456, (ghi;jk=4 l);q="9";r=w',
                                           "literal_block"),
             P("Foo-Example is an Item Structured Header.", "literal_block"))]
    result = diff_revisions(S(*old, lang="en", profile="iso"), S(*new, lang="en", profile="iso", label="new"))
    # a change of code (technical as such), not a value "∅ → 4 l" nor a requirement removed (MUST)
    assert [(c.class_, c.reasons) for c in result.clauses[0].changes] == [("technical", ["code or syntax changed"])] * 2
    inline = [C("c", "3", "Keys", Block("paragraph", "A key such as ghi is sent.", literals=["ghi"]))]
    coded = [C("c", "3", "Keys", Block("paragraph", "A key such as jk=4 l is sent.", literals=["jk=4 l"]))]
    result = diff_revisions(S(*inline, lang="en"), S(*coded, lang="en", label="new"))
    assert result.clauses[0].changes[0].class_ == "editorial", result.clauses[0].changes[0].reasons


def test_a_verbal_form_on_both_sides_of_a_clause_is_no_change():
    """A paragraph rewritten into another with the same "MUST", list items replaced under the same lead-in."""
    lead = P("To define a HTTP header as a structured header, its specification needs to:")
    old = [C("c", "2", "Defining", lead, P(
        "Specify the header field's allowed syntax for values, in terms of the types described in Clause 3, along "
        "with their associated semantics.", "list-item"))]
    new = [C("c", "2", "Defining", lead, P("Specify the type of the header field itself; either Dictionary, List, or "
                                           "Item.", "list-item"), P("Define the semantics of those structures.",
                                                                    "list-item"))]
    result = diff_revisions(S(*old, lang="en", profile="iso"), S(*new, lang="en", profile="iso", label="new"))
    reasons = [r for c in result.clauses[0].changes for r in c.reasons]
    assert reasons.count("requirement added (needs to)") == 1 and "requirement removed (needs to)" not in reasons
    old = [C("l", "3.1", "Lists", P("Lists are arrays of zero or more members."), P(
        "Parsers MUST support lists containing at least 1024 members, support members with at least 256 parameters, "
        "support inner-lists containing at least 256 members, and support parameter keys with at least 64 "
        "characters."), P("Header specifications can constrain the types of individual list values if necessary."))]
    new = [C("l", "3.1", "Lists", P("Lists are arrays of zero or more members."), P(
        "Parsers MUST support lists containing at least 1024 members. Header specifications can constrain the types "
        "and cardinality of individual list values as they require."))]
    result = diff_revisions(S(*old, lang="en", profile="iso"), S(*new, lang="en", profile="iso", label="new"))
    changes = result.clauses[0].changes
    reasons = [r for c in changes for r in c.reasons]
    assert "requirement removed (MUST)" not in reasons and "requirement added (MUST)" not in reasons, reasons


def test_retitled_clause_keeps_its_old_title_in_the_json(adapter_repo, tmp_path):
    """A retitled clause (试验条件 → 环境条件): the JSON names the old title."""
    repo = tmp_path / "repo"
    git(adapter_repo, "worktree", "add", "-q", "--detach", str(repo), "draft")
    try:
        annex = repo / "standards" / "adapter" / "annex-a.md"
        annex.write_text(annex.read_text(encoding="utf-8").replace("## 试验条件", "## 环境条件"), encoding="utf-8")
        result = CliRunner().invoke(main, ["--root", str(adapter_repo), "diff", "--from", "draft", "--to",
                                           str(repo), "--format", "json"])
    finally:
        git(adapter_repo, "worktree", "remove", "--force", str(repo))
    assert result.exit_code == 0, result.output
    [conditions] = [c for c in json.loads(result.stdout)["clauses"] if c["status"] != "unchanged"]
    assert (conditions["id"], conditions["title"], conditions["old_title"]) == ("test-conditions", "环境条件", "试验条件")


# -- numbers written as words, code, untranslated segments, whole blocks (a reviewer's report) ----------------------


@pytest.mark.parametrize("text,found", [
    ("每种扰动类型应至少在两个强度等级下测试", [("两个", 2)]),
    ("十二个样本，二十次，一百名，一百零五项，两万个，二〇二〇年", [("十二个", 12), ("二十次", 20), ("一百名", 100),
                                                ("一百零五项", 105), ("两万个", 20000), ("二〇二〇年", 2020)]),
    ("由第三名标注员裁定，见第三章", [("第三名", 3), ("第三章", 3)]),
    ("结果应一致，一般情况下统一规定，之一，唯一，进一步，同一，万一，十分重要，三角形，一些，一次性", []),
    ("第三方机构，第一时间，每一个样本，这一要求，另一个，七八个，几十个，十多个，五年多，三分之二，百分之五十，10万个", []),
    ("仅限于二次验证，通过二级信道", []),  # 二 before a measure word: secondary (two is 两)
    ("第二次认证，十二次", [("第二次", 2), ("十二次", 12)]),
    ("at least two labellers, three independent labellers, twenty-one days, two hundred and fifty samples, twice",
     [("two", 2), ("three", 3), ("twenty-one", 21), ("two hundred and fifty", 250), ("twice", 2)]),
    ("one of the labellers, no one shall, someone, the one that fails, one or more, with one another, one after "
     "another, any one sample, two-phase, hundreds of samples, at least two, Glenn ten Cate.", []),
])
def test_number_words_quantify(text, found):
    """Number words count as numbers only where they quantify (tooling.model.numbers)."""
    assert [(n.written, n.value) for n in number_words(text)] == found


def test_number_words_are_values():
    """两个 → 三个 is technical as 5次 → 3次 is; two → three labellers in English; the foreword names them."""
    old = "测试时应选取适用的扰动类型，每种扰动类型应至少在两个强度等级下测试。"
    change = change_of(old, old.replace("两个", "三个"))
    assert (change.class_, change.reasons) == ("technical", ["两个 → 三个"])
    change = change_of("测试应重复5次。", "测试应重复三次。")
    assert (change.class_, change.reasons) == ("technical", ["5次 → 三次"])
    change = change_of("Each test sample shall be labelled by at least two labellers.",
                       "Each test sample shall be labelled by at least three labellers.", "en")
    assert (change.class_, change.reasons) == ("technical", ["two → three"])
    change = change_of("The key shall be fifteen digits long.", "The key shall be 16 digits long.", "en")
    assert change.reasons == ["fifteen digits → 16 digits"]
    result = diff_revisions(S(C("c", "5", "鲁棒性测试", P(old))),
                            S(C("c", "5", "鲁棒性测试", P(old.replace("两个", "三个"))), label="new"))
    assert "更改了“鲁棒性测试”，将“两个”改为“三个”" in technical_changes(result)
    assert tokenize("十二个样本") == ["十二", "个", "样", "本"]  # a numeral is marked whole, as 12 is


@pytest.mark.parametrize("old,new,lang", [
    ("测试应在两个强度等级下进行。", "测试应在2个强度等级下进行。", "zh"),  # the same value, in digits
    ("结果应一致。", "结果应统一。", "zh"),
    ("结果应是一个整数。", "结果应是整数。", "zh"),  # 一个: the article
    ("No one shall enter the room.", "Someone shall enter the room.", "en"),
    ("Use one of the methods.", "Use any of the methods.", "en"),
    ("Select a sample.", "Select one sample.", "en"),
])
def test_number_words_that_do_not_count(old, new, lang):
    assert change_of(old, new, lang).class_ == "editorial", change_of(old, new, lang).reasons


def test_a_number_that_replaced_a_word_is_shown_against_it():
    """IETF -09 → -10, 4.1.11: “T” → “1” is T → 1, not ∅ → 1 (the value is paired through the token diff)."""
    change = change_of("If input_boolean is true, append “T” to output.", "If input_boolean is true, append “1” to "
                       "output.", "en")
    assert (change.class_, change.reasons) == ("technical", ["T → 1"])
    change = change_of("Parsers MUST read the value.", "Parsers MUST read 3 values.", "en")
    assert change.reasons == ["∅ → 3"]  # nothing it replaced: added


def literal(text: str) -> Block:
    return P(text, "literal_block")


def test_code_and_syntax_are_normative():
    """A change in a literal block (ABNF, a syntax example) is technical unless it is white space only."""
    old = [C("c", "3.11", "Booleans", literal('sh-boolean = "?" boolean\nboolean = %54 / %46'),
             literal("Example-BoolHdr: ?T"))]
    new = [C("c", "3.11", "Booleans", literal('sh-boolean = "?" boolean\nboolean = "0" / "1"'),
             literal("Example-BoolHdr: ?1"))]
    result = diff_revisions(S(*old, lang="en"), S(*new, lang="en", label="new"))
    assert [(c.class_, c.reasons) for c in result.clauses[0].changes] == [("technical", ["code or syntax changed"])] * 2
    assert result.clauses[0].class_ == "technical"
    assert "Booleans" in technical_changes(result)
    # white space only; a code block added; code in Chinese; code in an informative element
    spaced = [C("c", "3.11", "Booleans", literal('sh-boolean = "?"  boolean\nboolean = %54 / %46'),
                literal("Example-BoolHdr: ?T"))]
    result = diff_revisions(S(*old, lang="en"), S(*spaced, lang="en", label="new"))
    assert [(c.class_, c.reasons) for c in result.clauses[0].changes] == [("editorial", ["whitespace"])]
    added = [C("c", "3.11", "Booleans", *old[0].blocks, literal("boolean = %x30 / %x31"))]
    result = diff_revisions(S(*old, lang="en"), S(*added, lang="en", label="new"))
    assert [(c.kind, c.class_, c.reasons) for c in result.clauses[0].changes] == [
        ("added", "technical", ["code or syntax added"])]
    result = diff_revisions(S(C("c", "5", "语法", P("语法如下："), literal("a = 1*19DIGIT"))),
                            S(C("c", "5", "语法", P("语法如下："), literal("a = 1*15DIGIT")), label="new"))
    assert result.clauses[0].changes[0].reasons == ["代码或语法更改"]
    result = diff_revisions(S(C("i", "", "Introduction", literal("a = 1*19DIGIT"), role="introduction"), lang="en"),
                            S(C("i", "", "Introduction", literal("a = 1*15DIGIT"), role="introduction"), lang="en",
                              label="new"))
    assert (result.clauses[0].class_, result.clauses[0].changes[0].reasons) == ("editorial", ["informative"])


def test_whole_blocks_added_or_deleted_are_text_not_wording():
    """OpenChain rev19 → rev20: the scope paragraph deleted is "text deleted"; a block holding a provision is
    technical."""
    scope = P("This document specifies the key requirements of a quality open source security assurance program.")
    result = diff_revisions(S(C("scope", "1", "Scope", scope, P("It applies to all organizations.")), lang="en"),
                            S(C("scope", "1", "Scope", P("It applies to all organizations.")), lang="en", label="new"))
    [change] = result.clauses[0].changes
    assert (change.kind, change.class_, change.reasons) == ("deleted", "editorial", ["text deleted"])
    result = diff_revisions(S(C("c", "5", "要求", P("适配器应接地。"))),
                            S(C("c", "5", "要求", P("适配器应接地。"), P("本条给出接地的方法。")), label="new"))
    assert [(c.kind, c.reasons) for c in result.clauses[0].changes] == [("added", ["text added"])]
    result = diff_revisions(S(C("c", "5", "要求", P("适配器应接地。"))),
                            S(C("c", "5", "要求", P("适配器应接地。"), P("适配器宜标出型号。")), label="new"))
    assert [(c.kind, c.class_, c.reasons) for c in result.clauses[0].changes] == [
        ("added", "technical", ["增加推荐（宜）"])]


def test_untranslated_segment_against_its_translation_is_a_translation():
    """--lang en: a paragraph translated in one revision and left in Chinese (the master's text) in the other is
    no provision removed and added, wherever the alignment puts it."""
    same = [C("scope", "1", "Scope", P("This document specifies the technical requirements of power adapters.")),
            C("marking", "3.2", "Marking", P("The adapter shall be marked with its model."))]

    def general(*blocks: Block, label: str = "old"):
        return S(same[0], C("c", "3.1", "General", *blocks), same[1], lang="en", label=label)

    def changes(old, new):
        result = diff_revisions(old, new)
        clause = by_title(result, "General")
        return clause, sorted((c.kind, c.class_, tuple(c.reasons)) for c in clause.changes)

    translated = Block("paragraph", "The enclosure of the adapter should be made of flame-retardant material.")
    fallback = Block("paragraph", "适配器的外壳宜采用阻燃材料。", untranslated=1)
    clause, got = changes(general(translated), general(fallback, label="new"))
    assert got == [("modified", "editorial", ("translation",))] and clause.class_ == "editorial"
    # a paragraph added beside it: the two are not paired by place, and still no provision came or went
    added = Block("paragraph", "The rated voltage is marked on the label.")
    clause, got = changes(general(translated), general(fallback, added, label="new"))
    assert got == [("added", "editorial", ("text added",)), ("added", "editorial", ("translation",)),
                   ("deleted", "editorial", ("translation",))], got
    assert clause.class_ == "editorial"
    # a provision of another kind in the untranslated text is a change
    other = Block("paragraph", "适配器的外壳应采用阻燃材料。", untranslated=1)
    clause, got = changes(general(translated), general(other, added, label="new"))
    assert clause.class_ == "technical", got


def test_git_segment_untranslated_in_one_revision(tmp_path):
    """The English edition of two revisions whose catalogs differ by one translation: editorial, and the English
    foreword says there are no technical changes."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_revision(repo)
    commit(repo, "v1")
    po_file = repo / "standards" / "adapter" / "locales" / "en" / "LC_MESSAGES" / "adapter.po"
    po_file.write_text(po_file.read_text(encoding="utf-8").replace(
        'msgstr "The enclosure of the adapter should be made of flame-retardant material."', 'msgstr ""'),
        encoding="utf-8")
    commit(repo, "v2")
    result = diff_revisions(load_revision("v1", repo, lang="en"), load_revision("v2", repo, lang="en"))
    general = by_title(result, "General requirements")
    assert [(c.kind, c.class_, c.reasons) for c in general.changes] == [("modified", "editorial", ["translation"])]
    assert "there are no technical changes" in technical_changes(result)


@pytest.mark.corpus
def test_reviewer_report_on_the_corpus(corpus_snapshots):
    """IETF -09 → -10: the ABNF and the example changed (code, technical), “T” → “1” in the algorithms;
    OpenChain rev19 → rev20: the scope paragraph deleted is text deleted."""
    result = diff_revisions(corpus_snapshots[IETF_FILES[9]], corpus_snapshots[IETF_FILES[10]])
    by_number = {c.new_number: c for c in result.clauses}
    assert by_number["3.11"].class_ == "technical"
    assert [c.reasons for c in by_number["3.11"].changes if c.block == "literal_block"] == [
        ["code or syntax changed"]] * 2
    assert ["code or syntax changed"] in [c.reasons for c in by_number["3.6"].changes]  # 1*19DIGIT → 1*15DIGIT
    assert [c.reasons for c in by_number["4.1.11"].changes] == [["T → 1"], ["F → 0"]]
    assert [c.reasons for c in by_number["4.2.12"].changes] == [["T → 1"], ["F → 0"]]
    result = diff_revisions(corpus_snapshots[_series(19)], corpus_snapshots[_series(20)])
    scope = by_title(result, "Scope")
    deleted = [c for c in scope.changes if c.kind == "deleted"]
    assert [(c.class_, c.reasons) for c in deleted] == [("editorial", ["text deleted"])]
    assert deleted[0].old.startswith("This document specifies the key requirements")
