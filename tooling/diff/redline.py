"""The redline of a diff: one self-contained HTML page with three views, and its PDF.

:func:`write_html` writes the reviewers' page (``std diff --format html``):

- a clause-level table of contents of the changes (each changed clause with its
  status, class and old → new number, linking to its place in each view) and a
  summary (counts per status and per class);
- the metadata that changed (titles, designation, stage, dates …: one row per field,
  old and new value with the change marked, its class), before the clauses;
- three views, switched on the page by CSS ``:target`` tabs (no script; without
  CSS support for ``:has()`` all three views simply follow one another):

  1. *inline*: the new text in reading order with insertions and deletions
     marked (``<ins>``/``<del>``, token by token from
     :attr:`~tooling.diff.model.ChangeEntry.tokens`); an added clause is
     inserted as a whole, a deleted clause deleted as a whole at its old place,
     a moved clause shown once at its new place with "moved from 5.3" (case C10);
  2. *side by side*: old and new in two aligned columns, one row per block;
  3. *clean*: the new text only, with change bars beside the changed blocks.

:func:`write_pdf` renders the inline view through the print pipeline of the
standards' PDFs (the profile's print CSS, then ``templates/redline/print.css``;
:mod:`tooling.render.pdf_worker` in a child process with a time limit); the intermediate
print HTML is removed once it has been rendered (``keep_html`` keeps it).

Python prepares values only (:func:`redline_context`): texts as lists of
``(op, text)`` segments, labels, anchors. Layout lives in
``templates/redline/``; the templates escape every text (drafts are untrusted),
none of the sources' markup reaches the page.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import jinja2

from .. import TEMPLATES
from ..render.files import write_atomic
from ..render.pdf import RenderError, render_in_child
from .model import METADATA_LABELS, Block, ChangeEntry, Clause, ClauseDiff, DiffResult, MetadataChange, Snapshot
from .text import change_reasons
from .tokens import diff_tokens

__all__ = ["LABELS", "ClauseView", "RedlineError", "Row", "redline_context", "render_html", "render_print_html",
           "segments", "write_html", "write_pdf"]

REDLINE_TEMPLATES = TEMPLATES / "redline"
PRINT_TEMPLATES = TEMPLATES / "print"

#: Statuses and classes in the order the page lists them.
STATUSES = ("added", "deleted", "moved", "renumbered", "modified", "unchanged")
CLASSES = ("technical", "editorial")

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "redline": "修订标记",
        "from": "原版本",
        "to": "新版本",
        "toc": "变化目次",
        "summary": "概要",
        "views": "视图",
        "view_inline": "行内标记",
        "view_side": "并排对照",
        "view_clean": "修订后文本",
        "st_unchanged": "未变",
        "st_added": "增加",
        "st_deleted": "删除",
        "st_moved": "移动",
        "st_renumbered": "重新编号",
        "st_modified": "修改",
        "op_added": "增加",
        "op_deleted": "删除",
        "op_modified": "修改",
        "op_moved": "移动",
        "op_moved-out": "移出",
        "op_title": "标题修改",
        "moved_to": "移至{n}",
        "cls_technical": "技术性",
        "cls_editorial": "编辑性",
        "cls_none": "—",
        "moved_from": "由{n}移来",
        "formerly": "原{n}",
        "matched_by_similarity": "按标题和内容匹配",
        "number": "编号",
        "title": "标题",
        "status": "状态",
        "class": "类别",
        "changes": "变化",
        "clauses": "条款",
        "count": "数量",
        "block_changes": "内容变化",
        "total": "合计",
        "old": "原文",
        "new": "修订后",
        "no_changes": "两个版本之间没有变化。",
        "no_clause_changes": "条款没有变化。",
        "metadata": "文件信息的变化",
        "field": "项目",
        "unrelated": "两个版本是不相关的文件（相似度{n}），未逐条比较。",
        "deletion_here": "此处有删除",
        "legend": "图例",
        "legend_ins": "增加的文字",
        "legend_del": "删除的文字",
        "legend_technical": "技术性变化",
        "legend_editorial": "编辑性变化",
        "legend_bar": "变化条",
        "reasons_sep": "；",
        "colon": "：",
        "unnumbered": "（无编号）",
        "go_inline": "行内",
        "go_side": "并排",
        "go_clean": "修订后",
        "editorial_changes": "编辑性变化",
    },
    "en": {
        "redline": "Redline",
        "from": "From",
        "to": "To",
        "toc": "Changes by clause",
        "summary": "Summary",
        "views": "Views",
        "view_inline": "Inline",
        "view_side": "Side by side",
        "view_clean": "Clean",
        "st_unchanged": "unchanged",
        "st_added": "added",
        "st_deleted": "deleted",
        "st_moved": "moved",
        "st_renumbered": "renumbered",
        "st_modified": "modified",
        "op_added": "added",
        "op_deleted": "deleted",
        "op_modified": "modified",
        "op_moved": "moved",
        "op_moved-out": "moved away",
        "op_title": "title changed",
        "moved_to": "moved to {n}",
        "cls_technical": "technical",
        "cls_editorial": "editorial",
        "cls_none": "—",
        "moved_from": "moved from {n}",
        "formerly": "formerly {n}",
        "matched_by_similarity": "matched by title and content",
        "number": "Number",
        "title": "Title",
        "status": "Status",
        "class": "Class",
        "changes": "Changes",
        "clauses": "Clauses",
        "count": "Count",
        "block_changes": "Changes in text",
        "total": "Total",
        "old": "Old",
        "new": "New",
        "no_changes": "No changes between the two revisions.",
        "no_clause_changes": "No changes in the clauses.",
        "metadata": "Changes in the metadata",
        "field": "Field",
        "unrelated": "The two revisions are unrelated documents (similarity {n}); "
                     "they were not compared clause by clause.",
        "deletion_here": "deletion here",
        "legend": "Legend",
        "legend_ins": "inserted text",
        "legend_del": "deleted text",
        "legend_technical": "technical change",
        "legend_editorial": "editorial change",
        "legend_bar": "change bar",
        "reasons_sep": "; ",
        "colon": ": ",
        "unnumbered": "(unnumbered)",
        "go_inline": "inline",
        "go_side": "side",
        "go_clean": "clean",
        "editorial_changes": "editorial changes",
    },
}


class RedlineError(RuntimeError):
    """The redline could not be written (the PDF renderer failed or ran out of time); the message says why."""


#: ``(op, text)``: op ``equal``, ``insert`` or ``delete`` (``moved``: a block's old text in the old column
#: where it left for another clause).
Segment = tuple[str, str]


@dataclass
class Row:
    """One block of a clause as the three views show it.

    Attributes:
        op: ``equal``, ``modified``, ``added``, ``deleted``, ``moved`` (at its new place) or
            ``moved-out`` (at its old place, when it moved to another clause: no text repeated).
        kind: the block kind (``paragraph``, ``table-row`` …); key: its key.
        inline: segments of the inline view (deleted and inserted runs marked).
        old, new: segments of the side-by-side columns (``None`` on the side where the block is absent).
        class_: ``technical``, ``editorial`` or ``none``; reasons: why technical.
        anchor: the row's anchor suffix (changed rows only), e.g. ``b3``.
        elsewhere: for a block moved from or to another clause, that clause's number
            (``op`` ``moved`` at the new place, ``moved-out`` at the old place).
    """

    op: str
    kind: str
    inline: list[Segment]
    old: list[Segment] | None
    new: list[Segment] | None
    class_: str = "none"
    reasons: list[str] = field(default_factory=list)
    key: str = ""
    anchor: str = ""
    elsewhere: str = ""

    @property
    def changed(self) -> bool:
        return self.op != "equal"

    @property
    def clean(self) -> str | None:
        """The new text (the clean view), ``None`` for a deleted block."""
        return None if self.new is None else "".join(text for _, text in self.new)


@dataclass
class ClauseView:
    """A clause as the redline shows it (see :func:`redline_context`)."""

    anchor: str
    status: str
    class_: str
    kind: str
    level: int
    old_number: str | None
    new_number: str | None
    title: str
    number_inline: list[Segment]
    number_old: list[Segment]
    number_new: list[Segment]
    title_inline: list[Segment]
    title_old: list[Segment] | None
    title_new: list[Segment] | None
    title_changed: bool = False
    title_class: str = "none"
    title_reasons: list[str] = field(default_factory=list)
    moved_from: str = ""
    formerly: str = ""
    matched_by: str = ""
    reasons: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    @property
    def in_old(self) -> bool:
        return self.status != "added"

    @property
    def in_new(self) -> bool:
        return self.status != "deleted"

    @property
    def changed(self) -> bool:
        return self.status != "unchanged" or any(r.changed for r in self.rows) or self.title_changed

    @property
    def whole(self) -> str:
        """``insert`` for an added clause, ``delete`` for a deleted one, else ``""``."""
        return {"added": "insert", "deleted": "delete"}.get(self.status, "")

    @property
    def heading_changed(self) -> bool:
        """The heading carries a change: the clause is added, renumbered or moved, or its title changed."""
        return bool(self.whole) or self.title_changed or any(op != "equal" for op, _ in self.number_inline) \
            or self.status == "moved"

    @property
    def heading_class(self) -> str:
        return self.title_class if self.title_changed and not self.whole else self.class_

    @property
    def changes(self) -> list[Row]:
        """The changed rows listed in the table of contents (an added or deleted clause is one change)."""
        return [] if self.whole else [r for r in self.rows if r.changed]

    @property
    def technical_changes(self) -> list[Row]:
        return [r for r in self.changes if r.class_ == "technical"]

    @property
    def other_changes(self) -> list[Row]:
        """Editorial changes (listed by count, each a numbered link)."""
        return [r for r in self.changes if r.class_ != "technical"]

    @property
    def technical_reasons(self) -> list[str]:
        """The reasons of the technical changes (the clause's own first), each once."""
        reasons = list(self.reasons) if self.class_ == "technical" else []
        if self.title_changed and self.title_class == "technical":
            reasons += self.title_reasons
        for row in self.technical_changes:
            reasons += row.reasons
        return list(dict.fromkeys(reasons))


# -- segments -------------------------------------------------------------------------------

def _pair(token: Any) -> tuple[str, str]:
    if isinstance(token, (list, tuple)):
        return str(token[0]), str(token[1])
    return token.op, token.text


def segments(tokens: Iterable[Any]) -> list[Segment]:
    """Group a token diff into segments: equal runs, and each changed run as one deletion then one insertion.

    ``为 220`` deleted and ``不低于 230`` inserted token by token reads as
    ``<del>为220</del><ins>不低于230</ins>`` (case C11). Tokens are
    :class:`~tooling.diff.model.Token` objects or ``[op, text]`` pairs (the JSON form).
    """
    out: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(("delete", "".join(deleted)))
        if inserted:
            out.append(("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for token in tokens:
        op, text = _pair(token)
        if not text:
            continue
        if op == "equal":
            flush()
            if out and out[-1][0] == "equal":
                out[-1] = ("equal", out[-1][1] + text)
            else:
                out.append(("equal", text))
        elif op == "delete":
            deleted.append(text)
        elif op == "insert":
            inserted.append(text)
    flush()
    return out


def _side(segs: list[Segment], drop: str) -> list[Segment]:
    return [(op, text) for op, text in segs if op != drop]


def _change_segments(change: ChangeEntry) -> list[Segment]:
    """The inline segments of a changed block: its tokens, or the whole old and new texts when it has none."""
    if change.kind == "added":
        return [("insert", change.new)] if change.new else []
    if change.kind == "deleted":
        return [("delete", change.old)] if change.old else []
    segs = segments(change.tokens)
    if segs:
        return segs
    if change.old == change.new:
        return [("equal", change.new)] if change.new else []
    return [s for s in (("delete", change.old), ("insert", change.new)) if s[1]]


# -- placing clauses and blocks ---------------------------------------------------------------

def _anchor_text(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.").replace(".", "-")


class _Index:
    """Look-ups of one snapshot's clauses: by number (per kind), stable ID, key and title."""

    def __init__(self, snapshot: Snapshot | None) -> None:
        self.clauses: list[Clause] = list(snapshot.clauses) if snapshot is not None else []
        self.by_number: dict[tuple[str, str], int] = {}
        self.by_id: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        self.by_title: dict[tuple[str, str], int] = {}
        for i, clause in enumerate(self.clauses):
            if clause.number:
                self.by_number.setdefault((clause.kind, clause.number), i)
            if clause.id:
                self.by_id.setdefault(clause.id, i)
            self.by_key.setdefault(clause.key, i)
            if not clause.number and clause.title:
                self.by_title.setdefault((clause.kind, clause.title), i)
        self.used: set[int] = set()

    def find(self, diff: ClauseDiff, number: str | None, key: str | None, title: str) -> int | None:
        if number is None or not self.clauses:
            return None
        candidates = []
        if key:
            candidates.append(self.by_key.get(key))
        if number:
            candidates.append(self.by_number.get((diff.kind, number)))
        if diff.id:
            candidates.append(self.by_id.get(diff.id))
        if not number and title:
            candidates.append(self.by_title.get((diff.kind, title)))
        for i in candidates:
            if i is not None and i not in self.used and (not number or self.clauses[i].number == number):
                self.used.add(i)
                return i
        return None


def _locate(result: DiffResult) -> list[tuple[ClauseDiff, Clause | None, Clause | None]]:
    """Every clause diff with its clause in each snapshot, in reading order of the new text.

    Deleted clauses go to their old place: after the clause that preceded them in the
    old text (where it now stands). Clauses of the new text without a diff entry are
    shown as unchanged; entries found in neither snapshot keep their place in the result.
    """
    old, new = _Index(result.old), _Index(result.new)
    located: list[tuple[ClauseDiff, int | None, int | None]] = []
    for diff in result.clauses:
        o = None if diff.status == "added" else old.find(diff, diff.old_number, getattr(diff, "old_key", None),
                                                            diff.old_title or diff.title)
        n = None if diff.status == "deleted" else new.find(diff, diff.new_number, getattr(diff, "new_key", None),
                                                           diff.title)
        located.append((diff, o, n))

    by_new = {n: entry for entry in located if (n := entry[2]) is not None}
    by_old = {o: entry for entry in located if (o := entry[1]) is not None}
    order: list[tuple[ClauseDiff, int | None, int | None]] = []
    for i, clause in enumerate(new.clauses):
        entry = by_new.get(i)
        if entry is None:  # not reported: the clause is unchanged
            entry = (ClauseDiff(clause.id, "unchanged", clause.number, clause.number, clause.title,
                                kind=clause.kind), None, i)
        order.append(entry)
    position = {id(entry[0]): k for k, entry in enumerate(order)}
    at_new = {entry[2]: entry for entry in order}

    def insert_after(anchor: tuple | None, entry: tuple) -> None:
        at = position[id(anchor[0])] + 1 if anchor is not None else 0
        order.insert(at, entry)
        for k in range(at, len(order)):
            position[id(order[k][0])] = k

    previous = None
    for entry in located:
        diff, o, n = entry
        if n is not None:
            previous = entry
            continue
        anchor = None
        if o is not None:  # at its old place: after the nearest earlier old clause shown in this order
            fallback = None
            for k in range(o - 1, -1, -1):
                before = by_old.get(k)
                if before is None:  # not reported: unchanged, where its key is in the new text
                    before = at_new.get(new.by_key.get(old.clauses[k].key, -1))
                if before is None or id(before[0]) not in position:
                    continue
                if before[0].status != "moved":
                    anchor = before
                    break
                fallback = fallback or before
            anchor = anchor or fallback
        elif previous is not None:
            anchor = previous
        elif not new.clauses:
            anchor = order[-1] if order else None
        insert_after(anchor, entry)
        previous = entry
    return [(d, old.clauses[o] if o is not None else None, new.clauses[n] if n is not None else None)
            for d, o, n in order]


def _find_block(blocks: list[Block], used: set[int], text: str, line: int, key: str) -> int | None:
    def norm(s: str) -> str:
        return " ".join(s.split())

    for exact in (True, False):
        matches = [i for i, b in enumerate(blocks) if i not in used
                   and ((b.text == text) if exact else (norm(b.text) == norm(text) or norm(b.stable) == norm(text)))]
        if matches:
            best = next((i for i in matches if line and blocks[i].line == line), None)
            best = best if best is not None else next((i for i in matches if key and blocks[i].key == key), matches[0])
            used.add(best)
            return best
    return None


def _rows(diff: ClauseDiff, old: Clause | None, new: Clause | None, lang: str = "en") -> list[Row]:
    """The blocks of a clause in the new reading order, with the diff's changes in place."""
    changes = [c for c in diff.changes if c.block != "title"]
    whole_class = diff.class_ if diff.class_ in CLASSES else "none"
    if diff.status in ("added", "deleted"):
        inserted = diff.status == "added"
        side = new if inserted else old
        by_text = {(c.new if inserted else c.old): c for c in changes}
        texts = [(b.text, b.kind, b.key) for b in side.blocks] if side is not None else \
            [((c.new if inserted else c.old), c.block, c.key) for c in changes]
        rows = []
        for text, kind, key in texts:
            change = by_text.get(text)
            seg = [("insert" if inserted else "delete", text)] if text else []
            rows.append(Row("added" if inserted else "deleted", kind, seg, None if inserted else seg,
                            seg if inserted else None, change.class_ if change else whole_class,
                            _reasons(change_reasons(change, lang), lang) if change else [], key))
        return rows

    old_blocks = old.blocks if old is not None else []
    new_blocks = new.blocks if new is not None else []
    used_old: set[int] = set()
    used_new: set[int] = set()
    placed: list[tuple[tuple, Row]] = []
    old_to_new: dict[int, int] = {}
    deleted: list[tuple[int | None, Row, int]] = []
    for order, change in enumerate(changes):
        away = change.kind == "moved" and not change.new  # moved to another clause: shown there
        elsewhere = getattr(change, "elsewhere", "") or ""
        cls = change.class_ if change.class_ in CLASSES else "editorial"
        reasons = _reasons(change_reasons(change, lang), lang)
        if away:
            row = Row("moved-out", change.block, [], [("moved", change.old)], None, cls, reasons, change.key,
                      elsewhere=elsewhere)
        else:
            segs = _change_segments(change)
            row = Row({"added": "added", "deleted": "deleted", "moved": "moved"}.get(change.kind, "modified"),
                      change.block, segs, None if change.kind == "added" else _side(segs, "insert"),
                      None if change.kind == "deleted" else _side(segs, "delete"), cls, reasons, change.key,
                      elsewhere=elsewhere if change.kind == "moved" else "")
        i = _find_block(old_blocks, used_old, change.old, change.old_line, change.key) \
            if change.kind != "added" and change.old else None
        j = _find_block(new_blocks, used_new, change.new, change.new_line, change.key) \
            if change.kind != "deleted" and change.new else None
        if change.kind == "deleted" or away:
            deleted.append((i, row, order))
            continue
        if i is not None and j is not None and change.kind != "moved":
            old_to_new[i] = j
        placed.append(((j, 0, 0) if j is not None else (len(new_blocks), 2, order), row))

    # unchanged blocks: paired by their text without generated numbers (a renumbered reference is no change)
    rest_old = [i for i in range(len(old_blocks)) if i not in used_old]
    rest_new = [j for j in range(len(new_blocks)) if j not in used_new]
    matcher = difflib.SequenceMatcher(None, [old_blocks[i].stable for i in rest_old],
                                      [new_blocks[j].stable for j in rest_new], autojunk=False)
    paired: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            paired[rest_new[b + k]] = rest_old[a + k]
            old_to_new[rest_old[a + k]] = rest_new[b + k]
    for j in rest_new:
        block = new_blocks[j]
        old_text = old_blocks[paired[j]].text if j in paired else block.text
        placed.append(((j, 0, 0), Row("equal", block.kind, [("equal", block.text)], [("equal", old_text)],
                                      [("equal", block.text)], key=block.key)))
    for i, row, order in deleted:
        if i is None:
            placed.append(((len(new_blocks), 2, order), row))
            continue
        before = next((old_to_new[k] for k in range(i - 1, -1, -1) if k in old_to_new), -1)
        placed.append(((before, 1, i), row))
    placed.sort(key=lambda item: item[0])
    rows = [row for _, row in placed]
    for k, row in enumerate(rows, 1):
        if row.changed:
            row.anchor = f"b{k}"
    return rows


def _strip_number(segs: list[Segment] | None, number: str | None) -> list[Segment] | None:
    """Segments without a leading unchanged ``number`` and its space (an untitled subclause's text)."""
    if not segs or not number:
        return segs
    op, text = segs[0]
    match = re.match(re.escape(number) + r"[\u3000 ]+", text) if op == "equal" or len(segs) == 1 else None
    if match is None:
        return segs
    rest = text[match.end():]
    return ([(op, rest)] if rest else []) + segs[1:]


#: Clause-level reasons the status badge already says.
_STATUS_REASONS = {"moved", "renumbered", "added", "deleted", "modified", "unchanged", "clause added", "clause deleted"}

#: The engine's fixed reason words, in Chinese (other reasons are shown as the engine wrote them).
REASONS_ZH = {"wording": "措辞", "punctuation": "标点", "case": "大小写", "informative": "资料性内容",
              "renumbering": "重新编号", "moved": "移动", "clause added": "增加条款", "clause deleted": "删除条款",
              "term added": "增加术语", "term deleted": "删除术语", "normative annex added": "增加规范性附录",
              "normative annex deleted": "删除规范性附录", "translation": "翻译", "whitespace": "空白",
              "text added": "增加文字", "text deleted": "删除文字"}


def _reasons(reasons: Iterable[str], lang: str) -> list[str]:
    """The reasons in the page's language (a technical change's rendered in it: :func:`.text.change_reasons`;
    the engine's fixed words translated)."""
    table = REASONS_ZH if lang == "zh" else {}
    return [table.get(r, r) for r in reasons]


def _level(diff: ClauseDiff, old: Clause | None, new: Clause | None) -> int:
    clause = new or old
    if clause is not None and clause.level:
        return clause.level
    number = diff.new_number or diff.old_number or ""
    return number.count(".") + 1 if number else 1


def _clause_view(diff: ClauseDiff, old: Clause | None, new: Clause | None, anchor: str,
                 lang: str = "en") -> ClauseView:
    old_number = None if diff.status == "added" else (diff.old_number if diff.old_number is not None
                                                      else (old.number if old else None))
    new_number = None if diff.status == "deleted" else (diff.new_number if diff.new_number is not None
                                                        else (new.number if new else None))
    title_change = next((c for c in diff.changes if c.block == "title"), None)
    title = diff.title or (new.title if new else old.title if old else "")
    old_title = diff.old_title or (old.title if old is not None else title)
    if diff.status == "added":
        title_inline = [("insert", title)] if title else []
        number_inline = [("insert", new_number)] if new_number else []
    elif diff.status == "deleted":
        title_inline = [("delete", old_title)] if old_title else []
        number_inline = [("delete", old_number)] if old_number else []
    else:
        if title_change is not None:
            title_inline = _change_segments(title_change)
        elif diff.old_title and diff.old_title != title:
            title_inline = [s for s in (("delete", diff.old_title), ("insert", title)) if s[1]]
        else:
            title_inline = [("equal", title)] if title else []
        if old_number and new_number and old_number != new_number and diff.status != "moved":
            number_inline = [("delete", old_number), ("insert", new_number)]
        else:
            number_inline = [("equal", new_number)] if new_number else []
    rows = _rows(diff, old, new, lang)
    if not title and not old_title and rows:  # untitled: the number is the heading, not repeated in the text
        first = rows[0]
        first.inline = _strip_number(first.inline, new_number if first.new is not None else old_number)
        first.old = _strip_number(first.old, old_number)
        first.new = _strip_number(first.new, new_number)
    renumbered = bool(old_number and new_number and old_number != new_number)
    title_changed = diff.status not in ("added", "deleted") and any(op != "equal" for op, _ in title_inline)
    return ClauseView(
        anchor=anchor, status=diff.status, class_=diff.class_ if diff.class_ in CLASSES else "none",
        kind=diff.kind, level=_level(diff, old, new), old_number=old_number, new_number=new_number,
        title=title if diff.status != "deleted" else old_title,
        number_inline=number_inline,
        number_old=[("delete" if renumbered else "equal", old_number)] if old_number else [],
        number_new=[("insert" if renumbered else "equal", new_number)] if new_number else [],
        title_inline=title_inline,
        title_old=None if diff.status == "added" else _side(title_inline, "insert"),
        title_new=None if diff.status == "deleted" else _side(title_inline, "delete"),
        title_changed=title_changed,
        title_class=(title_change.class_ if title_change is not None else "editorial") if title_changed else "none",
        title_reasons=_reasons(change_reasons(title_change, lang), lang) if title_change is not None else [],
        moved_from=(old_number or diff.old_parent or "") if diff.status == "moved" else "",
        formerly=old_number if diff.status == "renumbered" and renumbered else "",
        matched_by=diff.matched_by,
        reasons=_reasons((r for r in getattr(diff, "reasons", None) or [] if r not in _STATUS_REASONS), lang),
        rows=rows,
    )


def clause_views(result: DiffResult) -> list[ClauseView]:
    """The clauses of the redline in reading order of the new text (deleted ones at their old place)."""
    views = []
    seen: set[str] = set()
    for k, (diff, old, new) in enumerate(_locate(result), 1):
        clause = new or old
        base = (_anchor_text(diff.id) or _anchor_text(clause.key if clause is not None else "")
                or _anchor_text(diff.new_number or diff.old_number or "") or f"n{k}")
        anchor = "c-" + base
        if anchor in seen:
            anchor = f"{anchor}-{k}"
        seen.add(anchor)
        views.append(_clause_view(diff, old, new, anchor, _language(result)))
    return views


# -- the page ---------------------------------------------------------------------------------

@dataclass
class MetadataRow:
    """A metadata field that changed, as the redline shows it: its label, the inline segments (old value
    deleted, new value inserted: a title token by token, other values whole), each side's segments, its class."""

    field: str
    label: str
    inline: list[Segment]
    old: list[Segment]
    new: list[Segment]
    class_: str


def metadata_rows(changes: Iterable[MetadataChange], lang: str) -> list[MetadataRow]:
    labels = METADATA_LABELS.get(lang, METADATA_LABELS["en"])
    rows = []
    for change in changes:
        if change.old and change.new and "title" in change.field:  # a title: its words marked; a code, a date: whole
            inline = segments(diff_tokens(change.old, change.new))
        elif change.old and change.new:
            inline = [("delete", change.old), ("insert", change.new)]
        else:
            inline = [("delete", change.old)] if change.old else [("insert", change.new)]
        rows.append(MetadataRow(change.field, labels.get(change.field, change.field), inline,
                                _side(inline, "insert"), _side(inline, "delete"),
                                change.class_ if change.class_ in CLASSES else "editorial"))
    return rows


def _language(result: DiffResult) -> str:
    lang = result.new.language or result.old.language
    return lang if lang in LABELS else "en"


def redline_context(result: DiffResult) -> dict[str, Any]:
    """The values the redline templates show: metadata, labels, summary, table of contents, clauses."""
    lang = _language(result)
    labels = LABELS[lang]
    summary = result.summary()
    unrelated = bool(getattr(result, "unrelated", False))
    items = [] if unrelated else clause_views(result)
    designation = result.new.designation or result.old.designation
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "L": labels,
        "profile": result.new.profile or result.old.profile or "gb",
        "designation": designation,
        "running_head": f"{designation} {labels['redline']}".strip(),
        "old": {"label": result.old.label, "designation": result.old.designation, "edition": result.old.edition},
        "new": {"label": result.new.label, "designation": result.new.designation, "edition": result.new.edition},
        "statuses": [(s, labels[f"st_{s}"], summary["clauses"].get(s, 0)) for s in STATUSES],
        "classes": [(c, labels[f"cls_{c}"], summary["clauses_by_class"].get(c, 0),
                     summary["changes_by_class"].get(c, 0)) for c in CLASSES],
        "summary": summary,
        "clause_count": len(result.clauses),
        "metadata": metadata_rows(getattr(result, "metadata", []), lang),
        "unrelated": unrelated,
        "similarity": f"{getattr(result, 'similarity', 1.0):.0%}",
        "items": items,
        "toc": [item for item in items if item.changed],
        "css": "",
    }


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader([str(REDLINE_TEMPLATES)]), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render_html(result: DiffResult) -> str:
    """The screen redline: one self-contained page (CSS inlined, no script)."""
    context = redline_context(result)
    context["css"] = (REDLINE_TEMPLATES / "screen.css").read_text(encoding="utf-8")
    return _environment().get_template("redline.html").render(**context)


def render_print_html(result: DiffResult) -> str:
    """The print redline (what the PDF renderer reads): the print CSS of the standards, then the redline's."""
    context = redline_context(result)
    names = [PRINT_TEMPLATES / "base.css", PRINT_TEMPLATES / f"{context['profile']}.css",
             REDLINE_TEMPLATES / "print.css"]
    context["css"] = "\n".join(p.read_text(encoding="utf-8") for p in names if p.is_file())
    return _environment().get_template("print.html").render(**context)


def _unwritable(path: Path, exc: OSError) -> RedlineError:
    """The error for a redline that cannot be written: the path, and why (the part of it in the way)."""
    where = Path(exc.filename) if exc.filename else path
    if isinstance(exc, FileExistsError) or (isinstance(exc, NotADirectoryError) and where.exists()
                                            and not where.is_dir()):
        why = f"{where} is a file, not a folder"
    elif isinstance(exc, NotADirectoryError):
        why = f"a part of {where} is a file, not a folder"
    else:
        why = exc.strerror or str(exc)
        if where != path and where.parent != path.parent:  # a folder on the way (not a temporary file beside it)
            why += f": {where}"
    return RedlineError(f"cannot write the redline {path}: {why}")


def _write(path: Path, data: bytes, shown: Path | None = None) -> None:
    """Write ``data`` to ``path`` (its folder made when missing).

    Raises:
        RedlineError: the place cannot be written (no such folder, not a folder, read-only, no permission …),
            naming ``shown`` (default: ``path``), the file the user asked for.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as exc:
        raise _unwritable(shown or path, exc) from None


def write_html(result: DiffResult, path: str | Path) -> Path:
    """Write the HTML redline of ``result`` to ``path`` (its folder made when missing); returns the path.

    Raises:
        RedlineError: when ``path`` cannot be written; the message names it and says why.
    """
    path = Path(path)
    _write(path, render_html(result).encode("utf-8"))
    return path


def write_pdf(result: DiffResult, path: str | Path, repo_root: str | Path, timeout: float = 300,
              worker: list[str] | None = None, keep_html: bool = False) -> Path:
    """Write the PDF redline of ``result`` to ``path`` through the standards' print pipeline.

    The print HTML is written beside the PDF (``<name>.print.html``) and rendered by
    :mod:`tooling.render.pdf_worker` in a child process, stopped after ``timeout`` seconds;
    it is removed afterwards (whether the PDF was written or not), unless ``keep_html``
    (for inspection). ``worker`` is the command that renders (argv prefix, as the
    ``std_pdf_worker`` setting of the PDF builder); default: this Python with ``-m
    tooling.render.pdf_worker``.

    Raises:
        RedlineError: when ``path`` cannot be written (the message names it and says why), or the
            renderer fails or runs out of time.
    """
    path = Path(path)
    html_path = path.with_name(path.stem + ".print.html")
    _write(html_path, render_print_html(result).encode("utf-8"), shown=path)
    try:
        _, warnings = render_in_child(html_path, path, repo_root, timeout, worker)
    except RenderError as exc:
        raise RedlineError(f"{path}: {exc}") from None
    except OSError as exc:
        raise _unwritable(path, exc) from None
    finally:
        if not keep_html:
            html_path.unlink(missing_ok=True)
    for line in warnings:
        print(f"redline PDF: {line}", file=sys.stderr)
    return path
