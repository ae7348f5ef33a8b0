"""Change tracking between two revisions of a standard: clause-matched redlines.

The pipeline, each step a pure function over the clause model
(:mod:`tooling.diff.model`):

1. **load** (:mod:`.load`): a git ref, a folder or a Markdown file → a
   :class:`~tooling.diff.model.Snapshot` (built with Sphinx, reduced to clauses
   with stable IDs, computed numbers, titles and ordered blocks; never rendered pages);
2. **match** (:mod:`.match`): clauses paired by stable ID, then by title, content and
   structure; each pair placed (moved or not);
3. **diff** (:mod:`.align`, :mod:`.tokens`): the blocks of each pair aligned (table rows
   by key), each changed block diffed with tokens suited to the language;
4. **classify** (:mod:`.classify`): each change technical or editorial, with its reasons;
   then, per clause, a value or a provision that one block lost and another block of the
   clause still holds (a sentence moved into a new list item, a paragraph rewritten) is no
   change (:func:`~.classify.reconcile_clause`); the standard's metadata (titles, designation,
   stage, dates …) compared field by field (:func:`metadata_changes`);
5. **render**: :mod:`.text` (terminal summary), :mod:`.foreword` (the foreword's list of
   technical changes), :mod:`.redline` (HTML and PDF), ``DiffResult.to_json()``.

:func:`diff_revisions` runs steps 2–4.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from .align import block_changes
from ..model.designation import DesignationError, parse_designation
from .classify import classify_change, classify_clause, in_normative_annex, is_informative, reconcile_clause
from .match import Pair, match_clauses
from .model import METADATA_FIELDS, METADATA_TECHNICAL, ChangeEntry, Clause, ClauseDiff, DiffResult, MetadataChange, Snapshot
from .tokens import diff_tokens

__all__ = ["UNRELATED_BELOW", "diff_revisions", "metadata_changes"]

#: Below this share of clauses in common, two revisions are reported as unrelated documents.
UNRELATED_BELOW = 0.2


def diff_revisions(old: Snapshot, new: Snapshot) -> DiffResult:
    """Compare two snapshots of a standard clause by clause.

    Returns a :class:`~tooling.diff.model.DiffResult` whose clauses are in the new
    revision's reading order (a deleted clause where it stood). When the two share
    almost nothing (:data:`UNRELATED_BELOW`), the result says so (``unrelated``) and
    lists no clauses instead of a wall of additions and deletions.
    """
    pairs = match_clauses(old, new)
    lang = new.language or old.language
    old_index, new_index = old.by_key(), new.by_key()
    result = DiffResult(old, new, metadata=metadata_changes(old, new))
    result.similarity = _relatedness(old, new, pairs)
    if old.clauses and new.clauses and result.similarity < UNRELATED_BELOW:
        result.unrelated = True
        return result
    contexts = []
    for pair in pairs:
        diff = _clause_diff(pair, old_index, new_index)
        result.clauses.append(diff)
        clause, index = (pair.new, new_index) if pair.new is not None else (pair.old, old_index)
        ancestors = _ancestors(clause, index)
        contexts.append((pair, is_informative(clause, ancestors), in_normative_annex(clause, ancestors)))
    _moves_between_clauses(result.clauses)
    for diff, (pair, informative, normative_annex) in zip(result.clauses, contexts):
        for change in diff.changes:
            classify_change(change, lang, informative=informative, old=pair.old, new=pair.new)
        reconcile_clause(diff.changes, lang, pair.old, pair.new)
        classify_clause(diff, pair.old, pair.new, lang, informative=informative, normative_annex=normative_annex)
    _propagate_heading_class(result.clauses, old_index, new_index)
    return result


def _designation_key(text: str) -> str:
    try:
        return parse_designation(text).key
    except DesignationError:
        return text


def metadata_changes(old: Snapshot, new: Snapshot) -> list[MetadataChange]:
    """The metadata fields that differ, in :data:`~tooling.diff.model.METADATA_FIELDS` order, each classed
    (see :mod:`tooling.diff.model`: a designation is technical only when its identity changes)."""
    changes = []
    names = [n for n in METADATA_FIELDS if n in old.metadata or n in new.metadata]
    names += sorted((old.metadata.keys() | new.metadata.keys()) - set(names))
    for name in names:
        if name == "draft_date" and (old.imported or new.imported):
            continue  # an imported revision's draft date is its file's, not the source's
        a, b = old.metadata.get(name, ""), new.metadata.get(name, "")
        if a == b:
            continue
        technical = name in METADATA_TECHNICAL
        if name == "designation" and a and b:
            technical = _designation_key(a) != _designation_key(b)
        changes.append(MetadataChange(name, a, b, "technical" if technical else "editorial"))
    return changes


def _ancestors(clause: Clause | None, index: dict[str, Clause]) -> list[Clause]:
    found: list[Clause] = []
    while clause is not None and clause.parent in index and len(found) < 20:
        clause = index[clause.parent]
        found.append(clause)
    return found


def _parent_number(clause: Clause | None, index: dict[str, Clause]) -> str | None:
    if clause is None or clause.parent not in index:
        return None
    return index[clause.parent].number


def _whole(kind: str, blocks) -> list[ChangeEntry]:
    if kind == "added":
        return [ChangeEntry("added", b.kind, new=b.text, key=b.key, new_line=b.line, new_stable=b.stable)
                for b in blocks]
    return [ChangeEntry("deleted", b.kind, old=b.text, key=b.key, old_line=b.line, old_stable=b.stable)
            for b in blocks]


def _designation(clause: Clause) -> list[str]:
    """The words of a clause's title and, for a term entry, of its other designations."""
    from .classify import _words

    lines = [b.stable for b in clause.blocks if b.kind == "term-line"] if clause.kind == "term" else []
    return _words(" ".join([clause.title, *lines]), case=True)


def _clause_diff(pair: Pair, old_index: dict[str, Clause], new_index: dict[str, Clause]) -> ClauseDiff:
    o, n = pair.old, pair.new
    if n is None:
        diff = ClauseDiff(o.id, "deleted", o.number, None, o.title, kind=o.kind, old_key=o.key,
                          old_parent=_parent_number(o, old_index), changes=_whole("deleted", o.blocks))
    elif o is None:
        diff = ClauseDiff(n.id, "added", None, n.number, n.title, kind=n.kind, new_key=n.key,
                          new_parent=_parent_number(n, new_index), changes=_whole("added", n.blocks))
    else:
        changes: list[ChangeEntry] = []
        old_blocks, new_blocks = o.blocks, n.blocks
        if o.kind != n.kind and _designation(o) == _designation(n):
            # a term entry read as a plain clause (or back) when its terms clause lost its heading:
            # "software bill of materials" + "SBOM" is the heading "software bill of materials (SBOM)"
            old_blocks = [b for b in o.blocks if b.kind != "term-line"]
            new_blocks = [b for b in n.blocks if b.kind != "term-line"]
        elif o.title != n.title:
            changes.append(ChangeEntry("modified", "title", old=o.title, new=n.title, old_line=o.line,
                                       new_line=n.line, tokens=diff_tokens(o.title, n.title), old_stable=o.title,
                                       new_stable=n.title))
        changes += block_changes(old_blocks, new_blocks)
        if pair.moved:
            status = "moved"
        elif changes:
            status = "modified"
        elif o.number != n.number:
            status = "renumbered"
        else:
            status = "unchanged"
        diff = ClauseDiff(n.id or o.id, status, o.number, n.number, n.title, changes=changes,
                          old_title=o.title if o.title != n.title else "", old_parent=_parent_number(o, old_index),
                          new_parent=_parent_number(n, new_index), matched_by=pair.matched_by, kind=n.kind,
                          moved=pair.moved, modified=bool(changes), old_key=o.key, new_key=n.key)
    return diff


#: Blocks shorter than this are never taken for moved between clauses ("For example:").
_MOVE_MIN_LENGTH = 20
#: Similarity (0–100) for a deleted and an added block in different clauses to be one moved block.
_MOVE_SIMILARITY = 85


def _extended(text: str, added, candidates: list[int]) -> int | None:
    """An added block that is this text with a sentence added or removed (one holds the other, nearly)."""
    best, best_score = None, 0.0
    for k in candidates[:400]:
        other = added[k][1].new_stable
        short, long_ = sorted((len(text), len(other)))
        if short < 0.4 * long_:
            continue
        score = fuzz.partial_ratio(text, other, score_cutoff=92)
        if score > best_score:
            best, best_score = k, score
    return best


def _moves_between_clauses(diffs: list[ClauseDiff]) -> None:
    """A block deleted in one clause and added (alike) in another moved: mark both ends ``moved``.

    The entry in the clause it moved to keeps both texts (and the token diff when it changed
    on the way); the entry in the clause it left keeps the old text; each names the other clause.
    """
    added = [(d, c) for d in diffs for c in d.changes
             if c.kind == "added" and c.block != "title" and len(c.new_stable) >= _MOVE_MIN_LENGTH]
    if not added:
        return
    free = list(range(len(added)))
    for source, change in [(d, c) for d in diffs for c in d.changes
                           if c.kind == "deleted" and len(c.old_stable) >= _MOVE_MIN_LENGTH]:
        candidates = [k for k in free if added[k][0] is not source]
        if not candidates:
            continue
        exact = next((k for k in candidates if added[k][1].new_stable == change.old_stable), None)
        if exact is None:
            best = process.extractOne(change.old_stable, {k: added[k][1].new_stable for k in candidates},
                                      scorer=fuzz.ratio, score_cutoff=_MOVE_SIMILARITY)
            exact = best[2] if best is not None else _extended(change.old_stable, added, candidates)
            if exact is None:
                continue
        target, entry = added[exact]
        free.remove(exact)
        entry.kind, entry.old, entry.old_stable, entry.old_line = "moved", change.old, change.old_stable, change.old_line
        entry.elsewhere = source.old_number or source.old_title or source.title
        if entry.old_stable != entry.new_stable:
            entry.tokens = diff_tokens(entry.old, entry.new, entry.old_stable, entry.new_stable)
        change.kind = "moved"
        change.elsewhere = target.new_number or target.title


def _propagate_heading_class(diffs: list[ClauseDiff], old_index: dict[str, Clause],
                             new_index: dict[str, Clause]) -> None:
    """An added or deleted clause with no text of its own takes the class of its added/deleted subclauses."""
    by_key: dict[tuple[str, str], ClauseDiff] = {}
    for d in diffs:
        if d.status == "added":
            by_key["new", d.new_key] = d
        elif d.status == "deleted":
            by_key["old", d.old_key] = d
    for d in reversed(diffs):
        if d.status not in ("added", "deleted") or d.class_ == "technical" or d.changes:
            continue
        side, index = ("new", new_index) if d.status == "added" else ("old", old_index)
        key = d.new_key if side == "new" else d.old_key
        children = [by_key.get((side, c.key)) for c in index.values() if c.parent == key]
        if any(c is not None and c.class_ == "technical" for c in children):
            d.class_ = "technical"


def _relatedness(old: Snapshot, new: Snapshot, pairs: list[Pair]) -> float:
    """How much two revisions share, 0–1: the larger of two shares, over the smaller revision.

    The share of clauses paired with a clause that is substantially the same (content
    similarity of at least 50 %), and the share of blocks found, word for word, on the
    other side (wherever they are).
    """
    if not old.clauses or not new.clauses:
        return 1.0
    old_blocks = Counter(b.stable for c in old.clauses for b in c.blocks)
    new_blocks = Counter(b.stable for c in new.clauses for b in c.blocks)
    smaller = min(sum(old_blocks.values()), sum(new_blocks.values()))
    blocks = sum((old_blocks & new_blocks).values()) / smaller if smaller else 0.0
    alike = 0
    for pair in pairs:
        if pair.old is None or pair.new is None:
            continue
        a = "\n".join(b.stable for b in pair.old.blocks)
        b = "\n".join(b.stable for b in pair.new.blocks)
        if (a == b and (a or pair.old.title == pair.new.title)) or (a and b and fuzz.ratio(a, b) >= 50):
            alike += 1
    return max(blocks, alike / min(len(old.clauses), len(new.clauses)))
