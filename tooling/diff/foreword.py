"""The foreword's list of technical changes, drafted from a diff (pipeline step: render).

In the profile's form and the language of the snapshots:

- GB, Chinese (GB/T 1.1-2020 8.3 c))::

    与GB/T XXXXX—2020相比，除结构调整和编辑性改动外，主要技术变化如下：
    a) 增加了“数据泄漏”的术语和定义（见3.8）；
    b) 更改了“测试条件”，将“宜”改为“应”，将“220 V”改为“230 V”（见6.1，2020年版的5.4）；
    c) 删除了“抽样”（2020年版的7.2）。

  New-side places with 见, old-side places with "<year>年版的" (the old snapshot's
  edition); a clause is 第5章, an annex 附录A, a subclause 5.3.
- GB, English: "Compared with GB/T X—Y, apart from structural adjustments and
  editorial changes, the main technical changes are as follows:" with
  ``a) added “…” (see 5.3);`` ``b) changed “…”: should → shall (see 6.1; 5.4 of the 2020 edition);``.
- ISO (ISO/IEC Directives Part 2, foreword): "The main changes are as follows:"
  with ``— “…” has been added (5.3);`` items; in Chinese "主要变化如下：" with ``——`` items.

Two revisions with the same designation are two drafts of one document (or two
commits of a standard whose designation did not change): the list compares with the
previous draft, not with the document itself, naming what identifies it — its stage and
draft date where they differ from the new revision's, else the revision as given (a git
ref, the name of a file or folder): "与前一稿（征求意见稿，2026-01-10）相比，除结构调整和编辑性改动外，
主要技术变化如下：" with old places "前一稿的5.4"; "Compared with the previous draft
(rev01.md), apart from …" with "5.4 in the previous draft"; ISO "The main changes
compared with the previous draft (CD) are as follows:" ("与前一稿（…）相比，主要变化如下：").

Only technical changes are listed; an added or deleted clause whose parent is
added or deleted too is covered by its parent's item. Technical changes of the
metadata (the designation's identity, document type, replaced documents, adoption:
see :mod:`.model`) come first, as items. A changed title in the foreword's language
is editorial but worth saying: a sentence before the list ("文件名称由“…”更改为“…”。",
"The title has been changed from “…” to “…”."). The text is a draft for
the editor, who rewrites the items in the committee's words.
"""

from __future__ import annotations

import re

from pathlib import Path

from ..model.metadata import find_stage
from .model import METADATA_LABELS, ClauseDiff, DiffResult, MetadataChange, Snapshot

__all__ = ["technical_changes"]

_KIND_ZH = {"requirement": "要求型条款", "recommendation": "推荐型条款", "permission": "允许型条款",
            "possibility": "陈述型条款"}
_MAX_DETAILS = 3


def _letter(index: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def _place(number: str | None, lang: str, profile: str) -> str:
    """How a place reads: 第5章 / 附录A / 5.3 (zh); Clause 5 / Annex A / 5.3 (en)."""
    if not number:
        return ""
    if re.fullmatch(r"[A-Z]", number):
        return f"附录{number}" if lang == "zh" else f"Annex {number}"
    if re.fullmatch(r"\d+", number):
        return f"第{number}章" if lang == "zh" else f"Clause {number}"
    return number


def _edition(result: DiffResult) -> str:
    return (result.old.edition or "").strip()


def _designation(result: DiffResult) -> str:
    designation = result.old.designation or result.new.designation
    edition = _edition(result)
    if re.fullmatch(r"\d{4}", edition) and not re.search(r"[—:\-]\s*(\d{4}|X{4})$", designation):
        designation += ("—" if result.old.profile == "gb" else ":") + edition
    return designation


def _designation_of(snapshot: Snapshot) -> str:
    return snapshot.metadata.get("designation") or snapshot.designation


def _same_document(result: DiffResult) -> bool:
    """Both revisions have the same designation: two drafts of one document, compared with each other."""
    old = _designation_of(result.old)
    return bool(old) and old == _designation_of(result.new)


def _stage_name(code: str, lang: str, profile: str) -> str:
    stage = find_stage(profile, code)
    if stage is None:
        return code
    if lang == "zh":
        return stage.zh
    return stage.code if profile == "iso" else stage.en[0].lower() + stage.en[1:]


def _revision_name(snapshot: Snapshot) -> str:
    """The revision as given: a git ref as it is, a file or folder by its name."""
    if snapshot.source in ("git", ""):
        return snapshot.label
    return Path(snapshot.label.rstrip("/\\")).name or snapshot.label


def _previous(result: DiffResult, lang: str, profile: str) -> str:
    """What identifies the old revision of the same document: its stage and draft date where they differ
    from the new revision's (from the metadata), else the revision as given."""
    old, new = result.old.metadata, result.new.metadata
    parts = []
    if old.get("stage") and old["stage"] != new.get("stage"):
        parts.append(_stage_name(old["stage"], lang, profile))
    if old.get("draft_date") and old["draft_date"] != new.get("draft_date"):
        parts.append(old["draft_date"])
    return ("，" if lang == "zh" else ", ").join(parts or [_revision_name(result.old)])


def _quote(text: str, lang: str) -> str:
    return f"“{text}”" if text else ""


def _details(diff: ClauseDiff, lang: str) -> list[str]:
    """What changed technically in a matched clause, as short phrases in the language."""
    phrases: list[str] = []
    for change in diff.changes:
        if change.class_ != "technical":
            continue
        for d in change.details:
            kind, old, new = d.get("type"), d.get("old", ""), d.get("new", "")
            if lang == "zh":
                if kind in ("verbal-form", "value", "citation-dating", "term") and old and new:
                    prefix = "术语" if kind == "term" else "引用文件" if kind == "citation-dating" else ""
                    phrase = f"将{prefix}“{old}”改为“{new}”"
                elif kind == "value":
                    phrase = f"删除了“{old}”" if old else f"增加了“{new}”"
                elif kind == "requirement":
                    label = _KIND_ZH.get((d.get("new_kind") or d.get("old_kind") or "").split(" ")[0], "要求型条款")
                    phrase = f"增加了{label}（{new}）" if new else f"删除了{label}（{old}）"
                elif kind == "citation":
                    phrase = f"增加了对{new}的引用" if new else f"删除了对{old}的引用"
                else:
                    continue
            else:
                if kind in ("verbal-form", "value", "citation-dating", "term") and old and new:
                    prefix = "term " if kind == "term" else "citation " if kind == "citation-dating" else ""
                    phrase = f"{prefix}“{old}” → “{new}”"
                elif kind == "value":
                    phrase = f"“{old}” removed" if old else f"“{new}” added"
                elif kind == "requirement":
                    label = (d.get("new_kind") or d.get("old_kind") or "requirement").split(" ")[0]
                    phrase = f"{label} added ({new})" if new else f"{label} removed ({old})"
                elif kind == "citation":
                    phrase = f"citation of {new} added" if new else f"citation of {old} removed"
                else:
                    continue
            if phrase not in phrases:
                phrases.append(phrase)
    for reason in diff.reasons:
        if reason.startswith("annex "):
            phrases.append(("将附录的性质由" + reason[6:].replace("informative", "资料性").replace("normative", "规范性")
                            .replace(" → ", "改为")) if lang == "zh" else reason)
    return phrases


def _covered(diff: ClauseDiff, result: DiffResult) -> bool:
    """An added/deleted clause whose parent is added/deleted too (its parent's item covers it)."""
    if diff.status not in ("added", "deleted"):
        return False
    parent = diff.new_parent if diff.status == "added" else diff.old_parent
    if parent is None:
        return False
    number_of = (lambda d: d.new_number) if diff.status == "added" else (lambda d: d.old_number)
    return any(d.status == diff.status and number_of(d) == parent for d in result.clauses)


def _item(diff: ClauseDiff, result: DiffResult, lang: str, profile: str, edition: str, draft: bool = False) -> str:
    """One item of the list; ``draft``: the old revision is the previous draft of the same document."""
    new_place = _place(diff.new_number, lang, profile)
    old_place = _place(diff.old_number, lang, profile)
    title = diff.title if diff.status != "deleted" else (diff.old_title or diff.title)
    term = diff.kind == "term"
    details = _details(diff, lang)[:_MAX_DETAILS]
    if lang == "zh":
        what = (f"术语“{title}”" if term else _quote(title, lang)) or new_place or old_place
        old_ref = (f"前一稿的{old_place}" if draft else f"{edition}年版的{old_place}"
                   if re.fullmatch(r"\d{4}", edition) else f"{edition}版的{old_place}")
        if diff.status == "added":
            body = f"增加了{what}" + (f"（见{new_place}）" if new_place else "")
        elif diff.status == "deleted":
            body = f"删除了{what}" + (f"（{old_ref}）" if old_place else "")
        else:
            refs = "，".join(x for x in (f"见{new_place}" if new_place else "", old_ref if old_place else "") if x)
            body = f"更改了{what}" + ("，" + "，".join(details) if details else "") + (f"（{refs}）" if refs else "")
        return body
    what = (f"term “{title}”" if term else _quote(title, lang)) or new_place or old_place
    if profile == "gb":
        old_ref = (f"{old_place} in the previous draft" if draft else f"{old_place} of the {edition} edition"
                   ) if old_place else ""
        if diff.status == "added":
            return f"added {what}" + (f" (see {new_place})" if new_place else "")
        if diff.status == "deleted":
            return f"deleted {what}" + (f" ({old_ref})" if old_ref else "")
        refs = "; ".join(x for x in (f"see {new_place}" if new_place else "", old_ref) if x)
        return f"changed {what}" + (": " + "; ".join(details) if details else "") + (f" ({refs})" if refs else "")
    if diff.status == "added":
        return f"{what} has been added" + (f" ({new_place})" if new_place else "")
    if diff.status == "deleted":
        return f"{what} has been deleted" + (f" (formerly {old_place})" if old_place else "")
    refs = new_place + (f", formerly {old_place}" if old_place and old_place != new_place else "")
    return f"{what} has been revised" + (": " + "; ".join(details) if details else "") + (f" ({refs})" if refs else "")


def _metadata_item(change: MetadataChange, lang: str, profile: str) -> str:
    label = METADATA_LABELS["zh" if lang == "zh" else "en"].get(change.field, change.field)
    old, new = change.old, change.new
    if lang == "zh":
        if old and new:
            return f"将{label}由“{old}”改为“{new}”"
        return f"增加了{label}“{new}”" if new else f"删除了{label}“{old}”"
    label = label[0].lower() + label[1:]
    if profile == "gb":
        if old and new:
            return f"changed the {label}: “{old}” → “{new}”"
        return f"added the {label} “{new}”" if new else f"deleted the {label} “{old}”"
    if old and new:
        return f"the {label} has been changed from “{old}” to “{new}”"
    return f"the {label} “{new}” has been added" if new else f"the {label} “{old}” has been deleted"


def _title_sentence(result: DiffResult, lang: str) -> str:
    """The sentence saying the title changed (in the foreword's language), or ``""``."""
    change = next((m for m in result.metadata if m.field == f"title.{lang}" and m.old and m.new), None)
    if change is None:
        return ""
    if lang == "zh":
        return f"文件名称由“{change.old}”更改为“{change.new}”。\n"
    return f"The title has been changed from “{change.old}” to “{change.new}”.\n"


def technical_changes(result: DiffResult) -> str:
    """The draft list of technical changes for the foreword (see the module docstring)."""
    lang = result.new.language or result.old.language or "zh"
    profile = result.new.profile or result.old.profile or "gb"
    lang = "zh" if lang == "zh" else "en"
    if result.unrelated:
        return ("两个版本为互不相关的文件，无法列出技术变化。\n" if lang == "zh"
                else "The two revisions are unrelated documents: no list of changes can be drafted.\n")
    edition = _edition(result)
    draft = _same_document(result)
    previous = _previous(result, lang, profile) if draft else ""
    diffs = [d for d in result.clauses if d.class_ == "technical" and not _covered(d, result)]
    items = [_metadata_item(m, lang, profile) for m in result.metadata if m.class_ == "technical"]
    items += [_item(d, result, lang, profile, edition, draft) for d in diffs]
    return _title_sentence(result, lang) + _list(items, lang, profile, _designation(result), previous)


def _list(items: list[str], lang: str, profile: str, designation: str, previous: str = "") -> str:
    """The list with its lead-in; ``previous``: the name of the previous draft it compares with (same designation)."""
    if profile == "gb":
        if lang == "zh":
            compared = f"前一稿（{previous}）" if previous else designation
            head = f"与{compared}相比，除结构调整和编辑性改动外，"
            if not items:
                return head + "无技术变化。\n"
            lines = [head + "主要技术变化如下："]
            lines += [f"{_letter(k)}) {item}{'。' if k == len(items) - 1 else '；'}" for k, item in enumerate(items)]
        else:
            compared = f"the previous draft ({previous})" if previous else designation
            head = f"Compared with {compared}, apart from structural adjustments and editorial changes, "
            if not items:
                return head + "there are no technical changes.\n"
            lines = [head + "the main technical changes are as follows:"]
            lines += [f"{_letter(k)}) {item}{'.' if k == len(items) - 1 else ';'}" for k, item in enumerate(items)]
    elif lang == "zh":
        head = f"与前一稿（{previous}）相比，" if previous else ""
        if not items:
            return head + "无技术变化。\n"
        lines = [head + "主要变化如下："]
        lines += [f"——{item}{'。' if k == len(items) - 1 else '；'}" for k, item in enumerate(items)]
    else:
        compared = f" compared with the previous draft ({previous})" if previous else ""
        if not items:
            return f"There are no technical changes{compared}.\n"
        lines = [f"The main changes{compared} are as follows:"]
        lines += [f"— {item}{'.' if k == len(items) - 1 else ';'}" for k, item in enumerate(items)]
    return "\n".join(lines) + "\n"
