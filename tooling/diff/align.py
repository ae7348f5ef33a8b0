"""Block alignment inside a matched clause, and the block changes (pipeline step: diff).

The blocks of the two sides of a clause are compared on their ``stable`` text
(generated numbers left out, references as the target's ID), so renumbering
alone is never a content change; the changes show ``text``, what a reader sees.

Alignment, in order:

1. table rows with a key (a row ID, or a first cell) that is unique on both
   sides are paired by key, so a table compares per row even when rows are
   inserted, deleted or reordered;
2. the remaining blocks are aligned as sequences (:mod:`difflib` on their
   ``stable`` texts): equal runs are unchanged; inside each replaced run, blocks
   are paired in order by similarity (an order-preserving alignment that
   maximises total similarity; a pair needs a similarity of at least
   :data:`PAIR_THRESHOLD` — :data:`REWRITE_THRESHOLD` for a block replaced by a
   block of the same kind at the same place of a run of equal length — and the same block kind family), the
   rest are deleted or added. In an edition compared through its catalogs, a block whose segment got or lost
   its translation (one side the master's untranslated text, the other a translation: no words in common)
   is paired with the block of the same kind at the same place of a run of equal length, unless the numbers,
   references and codes they both write differ: it is the same block, translated on one side only (an
   editorial change: translation);
3. a deleted block and an added block with the same ``stable`` text are one
   ``moved`` block (it changed place within the clause).

Each pair whose ``stable`` texts differ becomes a ``modified``
:class:`~tooling.diff.model.ChangeEntry` with its token diff
(:func:`tooling.diff.tokens.diff_tokens` on ``text``).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from .classify import text_language
from .model import Block, ChangeEntry
from .tokens import CODE, diff_tokens, is_number, similarity, tokenize

__all__ = ["PAIR_THRESHOLD", "align_blocks", "block_changes"]

#: Minimum similarity for two blocks to be the same block, modified.
PAIR_THRESHOLD = 0.45
#: Minimum similarity when one block replaces one block of the same kind at the same place.
REWRITE_THRESHOLD = 0.25

_FAMILY = {"list-item": "item", "block": "item", "paragraph": "text", "term-line": "term-line", "note": "note",
           "example": "example", "table-row": "row", "table-title": "table-title", "figure": "figure",
           "formula": "formula", "formula_where": "formula"}


def _family(kind: str) -> str:
    return _FAMILY.get(kind, "text" if kind in ("literal_block", "definition_list", "block_quote", "field_list")
                       else kind)


def _compatible(a: Block, b: Block) -> bool:
    fa, fb = _family(a.kind), _family(b.kind)
    return fa == fb or {fa, fb} <= {"text", "item"}


def _switched_language(a: Block, b: Block) -> bool:
    """One block the master's untranslated text and the other a translation (their words cannot be compared)."""
    return bool(a.untranslated) != bool(b.untranslated) and text_language(a.stable, "") != text_language(b.stable, "")


def _anchors(text: str) -> set[str]:
    """What a text writes the same way in either language: numbers, element references (``[→id]``), codes."""
    return {t for t in tokenize(text) if is_number(t) or t.startswith("[→") or re.fullmatch(CODE, t)}


def _same_anchors(a: Block, b: Block) -> bool:
    """The numbers, references and codes of two blocks agree (or one of them writes none)."""
    ours, theirs = _anchors(a.stable), _anchors(b.stable)
    return not ours or not theirs or bool(ours & theirs)


def align_blocks(old: list[Block], new: list[Block]) -> list[tuple[int | None, int | None]]:
    """Pairs of block indexes ``(i, j)``, ``(i, None)`` (deleted) or ``(None, j)`` (added), in reading order."""
    pairs: dict[int, int] = {}
    # 1. table rows by unique key
    old_keys = Counter(b.key for b in old if b.kind == "table-row" and b.key)
    new_keys = Counter(b.key for b in new if b.kind == "table-row" and b.key)
    new_by_key = {b.key: j for j, b in enumerate(new) if b.kind == "table-row" and b.key and new_keys[b.key] == 1}
    for i, b in enumerate(old):
        if b.kind == "table-row" and b.key and old_keys[b.key] == 1 and b.key in new_by_key:
            pairs[i] = new_by_key[b.key]
    keyed_new = set(pairs.values())
    rest_old = [i for i in range(len(old)) if i not in pairs]
    rest_new = [j for j in range(len(new)) if j not in keyed_new]
    # 2. sequence alignment of the rest
    a = [old[i].stable for i in rest_old]
    b = [new[j].stable for j in rest_new]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                pairs[rest_old[i1 + k]] = rest_new[j1 + k]
        elif tag == "replace":
            for i, j in _pair_in_order([old[i] for i in rest_old[i1:i2]], [new[j] for j in rest_new[j1:j2]]):
                pairs[rest_old[i1 + i]] = rest_new[j1 + j]
    return _merge(pairs, len(old), len(new))


def _pair_in_order(old: list[Block], new: list[Block]) -> list[tuple[int, int]]:
    """Order-preserving pairing of two runs of blocks maximising total similarity (small DP)."""
    n, m = len(old), len(new)
    if n * m > 40000:  # a huge rewritten run: pair by position only where alike
        return [(k, k) for k in range(min(n, m)) if _compatible(old[k], new[k])
                and similarity(old[k].stable, new[k].stable) >= PAIR_THRESHOLD]
    sim = [[0.0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            if _compatible(old[i], new[j]):
                in_place = n == m and i == j and old[i].kind == new[j].kind
                if _switched_language(old[i], new[j]):
                    # translated on one side only: no words to compare; the same block where it stood
                    sim[i][j] = PAIR_THRESHOLD if in_place and _same_anchors(old[i], new[j]) else 0.0
                    continue
                s = similarity(old[i].stable, new[j].stable)
                # one block rewritten in place (a run of one on each side) is the same block, reworded
                threshold = REWRITE_THRESHOLD if in_place else PAIR_THRESHOLD
                sim[i][j] = s if s >= threshold else 0.0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if sim[i][j]:
                best = max(best, sim[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    result: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] and score[i][j] == sim[i][j] + score[i + 1][j + 1]:
            result.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return result


def _merge(pairs: dict[int, int], n: int, m: int) -> list[tuple[int | None, int | None]]:
    """Interleave paired, deleted and added indexes in reading order of the new side.

    A deleted block comes where it stood (after the blocks that preceded it), before an
    added block at the same place.
    """
    out: list[tuple[int | None, int | None]] = []
    by_new = {j: i for i, j in pairs.items()}
    i = 0

    def flush(limit: int) -> None:
        nonlocal i
        while i < n and i < limit:
            if i not in pairs:
                out.append((i, None))
            i += 1

    for j in range(m):
        if j in by_new:
            target = by_new[j]
            flush(target)
            out.append((target, j))
            i = max(i, target + 1)
        else:
            while i < n and i not in pairs:
                out.append((i, None))
                i += 1
            out.append((None, j))
    flush(n)
    return out


def block_changes(old: list[Block], new: list[Block]) -> list[ChangeEntry]:
    """The changes between the blocks of the two sides of a clause (unchanged blocks leave none)."""
    changes: list[ChangeEntry] = []
    alignment = align_blocks(old, new)
    added_by_stable: dict[str, list[int]] = {}
    for index, (i, j) in enumerate(alignment):
        if i is None and j is not None:
            added_by_stable.setdefault(new[j].stable, []).append(index)
    moved_targets: dict[int, int] = {}  # alignment index of an added block → old block index
    for i, j in alignment:
        if j is None and i is not None and added_by_stable.get(old[i].stable):
            moved_targets[added_by_stable[old[i].stable].pop(0)] = i
    moved_sources = set(moved_targets.values())
    for index, (i, j) in enumerate(alignment):
        if i is not None and j is not None:
            a, b = old[i], new[j]
            if a.stable == b.stable:
                continue
            changes.append(ChangeEntry("modified", b.kind, old=a.text, new=b.text, key=b.key or a.key,
                                       tokens=diff_tokens(a.text, b.text, a.stable, b.stable), old_line=a.line, new_line=b.line,
                                       old_stable=a.stable, new_stable=b.stable))
        elif j is None and i is not None:
            if i in moved_sources:
                continue
            a = old[i]
            changes.append(ChangeEntry("deleted", a.kind, old=a.text, key=a.key, old_line=a.line,
                                       old_stable=a.stable))
        elif j is not None:
            b = new[j]
            if index in moved_targets:
                a = old[moved_targets[index]]
                changes.append(ChangeEntry("moved", b.kind, old=a.text, new=b.text, key=b.key, old_line=a.line,
                                           new_line=b.line, old_stable=a.stable, new_stable=b.stable))
                continue
            changes.append(ChangeEntry("added", b.kind, new=b.text, key=b.key, new_line=b.line, new_stable=b.stable))
    return changes
