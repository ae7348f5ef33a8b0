"""Clause matching across two revisions (pipeline step: match).

Every clause, annex and term entry of the old snapshot is paired with at most
one of the new snapshot:

1. **By stable ID.** Clauses with the same ID are the same clause — the
   contract of stable IDs. One exception guards revisions imported
   separately, whose IDs are derived from titles: an ID match between a clause
   and a term entry, or on a title-derived ID with a deduplication suffix
   (``-2``), is kept only when the two are alike (title or content); and an ID that is just
   the title made into an ID is dropped when the two contents differ while one
   of them has a near-identical twin on the other side (two titles that gave the
   same ID).
2. **By similarity, within the structure.** Clauses left unpaired (IDs renamed,
   revisions without IDs, imported separately) are scored pairwise on title
   similarity, content similarity (their own blocks' ``stable`` text) and
   structure: how many of their subclauses are already paired with each other,
   whether their parents are paired, whether they hold the same number. Pairs
   are taken best first above :data:`THRESHOLD`; rounds repeat while new pairs
   appear (a parent scores higher once its children are paired).

Each pair then gets its place: a clause is **moved** when its parent changed
(the old parent is not paired with the new parent) or its place among its
siblings changed — siblings keep their place when they lie on the longest run
whose order both revisions share, so inserting or deleting a clause moves
nothing, and swapping two moves one.

:func:`match_clauses` returns the pairs in the new revision's reading order,
with each deleted clause placed after the clause that preceded it in the old
revision.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz

from .model import Clause, Snapshot

__all__ = ["THRESHOLD", "Pair", "match_clauses"]

#: Minimum score for two clauses to be paired by similarity.
THRESHOLD = 0.55
_NO_TITLE = "(no heading in the source)"
_DEDUP = re.compile(r"-\d+$")


@dataclass
class Pair:
    """A clause of either side and its partner: ``old`` or ``new`` is ``None`` for an added or deleted clause."""

    old: Clause | None
    new: Clause | None
    matched_by: str = ""
    moved: bool = False


def _norm_title(title: str) -> str:
    title = "" if title == _NO_TITLE else title
    return re.sub(r"[\s\W_]+", " ", title.casefold()).strip()


def _content(clause: Clause) -> str:
    return "\n".join(b.stable for b in clause.blocks)


def _ratio(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return fuzz.ratio(a, b) / 100.0


def _alike(a: Clause, b: Clause) -> bool:
    ta, tb = _norm_title(a.title), _norm_title(b.title)
    if ta and ta == tb:
        return True
    ca, cb = _content(a), _content(b)
    return bool(ta and tb and _ratio(ta, tb) >= 0.8) or (bool(ca or cb) and _ratio(ca, cb) >= 0.5)


class _Side:
    def __init__(self, snapshot: Snapshot) -> None:
        self.clauses = snapshot.clauses
        self.index = {c.key: k for k, c in enumerate(self.clauses)}
        self.children: dict[str | None, list[str]] = {}
        for c in self.clauses:
            self.children.setdefault(c.parent if c.parent in self.index else None, []).append(c.key)
        self.content = {c.key: _content(c) for c in self.clauses}
        self.title = {c.key: _norm_title(c.title) for c in self.clauses}

    def parent(self, key: str) -> str | None:
        parent = self.clauses[self.index[key]].parent
        return parent if parent in self.index else None


def match_clauses(old: Snapshot, new: Snapshot) -> list[Pair]:
    """Pair the clauses of two snapshots and place each pair (see the module docstring)."""
    a, b = _Side(old), _Side(new)
    forward: dict[str, str] = {}   # old key → new key
    how: dict[str, str] = {}
    new_by_id = {c.id: c for c in new.clauses if c.id}
    for c in old.clauses:
        partner = new_by_id.get(c.id) if c.id else None
        if partner is None:
            continue
        if (c.kind != partner.kind or (_DEDUP.search(c.id) and (_derived(c) or _derived(partner)))) \
                and not _alike(c, partner):
            continue
        forward[c.key], how[c.key] = partner.key, "id"
    _drop_doubtful_ids(a, b, forward, how)
    _match_by_similarity(a, b, forward, how)
    backward = {v: k for k, v in forward.items()}
    moved = _moves(a, b, forward, backward)
    pairs: list[Pair] = []
    for c in new.clauses:
        partner = backward.get(c.key)
        if partner is None:
            pairs.append(Pair(None, c))
        else:
            pairs.append(Pair(a.clauses[a.index[partner]], c, how[partner], partner in moved))
    return _place_deleted(a, pairs, forward)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")


def _derived(clause: Clause) -> bool:
    """True when the clause's ID is its title made into an ID (as an import derives it), not a chosen anchor."""
    slug = _slug(clause.title)
    return bool(slug) and (clause.id == slug or bool(re.fullmatch(re.escape(slug) + r"-\d+", clause.id)))


def _drop_doubtful_ids(a: _Side, b: _Side, forward: dict[str, str], how: dict[str, str]) -> None:
    """Unpair ID matches whose contents differ while one side has a near-identical clause elsewhere.

    IDs derived from titles (revisions imported separately) can collide: a term
    "software bill of materials (SBOM)" and a requirement clause with the same title get
    the same ID in different revisions. Such a pair — both IDs derived from the titles,
    contents unalike — is dropped when either clause has, on the other side, a clause with
    (nearly) the same title and content; similarity matching then pairs each with its real
    partner. An ID chosen by the author (an anchor that is not the title) is always kept.
    """
    doubtful = [(ka, kb) for ka, kb in forward.items()
                if _derived(a.clauses[a.index[ka]]) and _derived(b.clauses[b.index[kb]])
                and (a.content[ka] or b.content[kb]) and _ratio(a.content[ka], b.content[kb]) < 0.5]
    if not doubtful:
        return

    def twin(side: _Side, other_key: str, other: _Side, exclude: str) -> bool:
        content, title = other.content[other_key], other.title[other_key]
        return bool(content) and any(
            k != exclude and fuzz.ratio(side.title[k], title, score_cutoff=80)
            and fuzz.ratio(side.content[k], content, score_cutoff=90) for k in side.index)

    for ka, kb in doubtful:
        if twin(b, ka, a, kb) or twin(a, kb, b, ka):
            del forward[ka]
            del how[ka]


def _score(a: _Side, b: _Side, ka: str, kb: str, forward: dict[str, str], title: float, content: float) -> float:
    parts: list[tuple[float, float]] = []
    if a.title[ka] and b.title[kb]:
        parts.append((title, 1.0))
    if a.content[ka] or b.content[kb]:
        parts.append((content, 2.0))
    kids_a, kids_b = a.children.get(ka, []), b.children.get(kb, [])
    if kids_a or kids_b:
        shared = sum(1 for k in kids_a if forward.get(k) in kids_b)
        children = shared / max(len(kids_a), len(kids_b))
        parts.append((children, 1.5))
    else:
        children, shared = 0.0, 0
    if not parts:
        return 0.0
    score = sum(v * w for v, w in parts) / sum(w for _, w in parts)
    if shared >= 2 and children >= 0.6:
        # holding the same subclauses makes two clauses the same clause, whatever its heading became
        score = max(score, 0.5 + 0.4 * children)
    pa, pb = a.parent(ka), b.parent(kb)
    if (pa is None and pb is None) or (pa is not None and forward.get(pa) == pb):
        score += 0.05
    ca, cb = a.clauses[a.index[ka]], b.clauses[b.index[kb]]
    if ca.number and ca.number == cb.number:
        score += 0.05
    if ca.kind != cb.kind:
        score -= 0.05
    return score


def _match_by_similarity(a: _Side, b: _Side, forward: dict[str, str], how: dict[str, str]) -> None:
    ratios: dict[tuple[str, str], tuple[float, float]] = {}
    for _round in range(4):
        taken = set(forward.values())
        left_a = [c.key for c in a.clauses if c.key not in forward]
        left_b = [c.key for c in b.clauses if c.key not in taken]
        if not left_a or not left_b:
            return
        candidates: list[tuple[float, int, int, str, str]] = []
        for ia, ka in enumerate(left_a):
            for ib, kb in enumerate(left_b):
                cached = ratios.get((ka, kb))
                if cached is None:
                    cached = ratios[ka, kb] = (_ratio(a.title[ka], b.title[kb]),
                                               _ratio(a.content[ka], b.content[kb]))
                title, content = cached
                score = _score(a, b, ka, kb, forward, title, content)
                if score >= THRESHOLD:
                    candidates.append((score, -ia, -ib, ka, kb))
        if not candidates:
            return
        candidates.sort(reverse=True)
        used_a: set[str] = set()
        used_b: set[str] = set()
        for _score_, _ia, _ib, ka, kb in candidates:
            if ka in used_a or kb in used_b:
                continue
            used_a.add(ka)
            used_b.add(kb)
            forward[ka], how[ka] = kb, "similarity"


def _moves(a: _Side, b: _Side, forward: dict[str, str], backward: dict[str, str]) -> set[str]:
    """Old keys of the paired clauses that changed parent or place among their siblings."""
    moved: set[str] = set()
    for ka, kb in forward.items():
        pa, pb = a.parent(ka), b.parent(kb)
        if not ((pa is None and pb is None) or (pa is not None and forward.get(pa) == pb)):
            moved.add(ka)
    for parent_b, kids in b.children.items():
        stay = [backward[k] for k in kids if k in backward and backward[k] not in moved]
        order = [a.index[k] for k in stay]
        keep = _longest_increasing(order)
        moved.update(k for k, position in zip(stay, order) if position not in keep)
    return moved


def _longest_increasing(values: list[int]) -> set[int]:
    """The values on a longest strictly increasing subsequence (patience sorting)."""
    if not values:
        return set()
    tails: list[int] = []       # last value of the best run of each length
    tail_at: list[int] = []     # index in values of that last value
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[k] = value
            tail_at[k] = index
        previous[index] = tail_at[k - 1] if k else -1
    result: set[int] = set()
    index = tail_at[-1]
    while index >= 0:
        result.add(values[index])
        index = previous[index]
    return result


def _place_deleted(a: _Side, pairs: list[Pair], forward: dict[str, str]) -> list[Pair]:
    """Insert the deleted old clauses after the entry of the clause that preceded them in the old revision."""
    deleted = [c for c in a.clauses if c.key not in forward]
    if not deleted:
        return pairs
    position = {p.old.key: k for k, p in enumerate(pairs) if p.old is not None}
    # build (sort key, pair) with fractional positions after each anchor
    placed: list[tuple[tuple[float, int], Pair]] = [((k, 0), p) for k, p in enumerate(pairs)]
    for order, clause in enumerate(deleted, start=1):
        k = a.index[clause.key]
        anchor = -1.0
        for previous in range(k - 1, -1, -1):
            key = a.clauses[previous].key
            if key in position:
                anchor = float(position[key])
                break
        placed.append(((anchor, order), Pair(clause, None)))
    placed.sort(key=lambda item: item[0])
    return [p for _, p in placed]
