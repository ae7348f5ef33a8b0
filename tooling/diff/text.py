"""The terminal summary of a diff (pipeline step: render).

::

    ISO/IEC DIS 18974: rev04.md → rev05.md
    clauses: 2 added, 8 renumbered, 25 unchanged
    classes: 2 technical, 8 editorial clauses; 0 technical, 2 editorial changes; 0 technical, 1 editorial metadata fields
    metadata: title.en: OpenChain Security Assurance Reference Specification → OpenChain Security … (editorial)
      — → 2.7 added technical: term added — Remediate
      2.7 → 2.9 renumbered editorial: renumbered — Open Source Software
      5.3 → 6.1 moved+modified technical: 宜 → 应 (recommendation → requirement); 220 V → 230 V — 测试条件

The ``classes:`` line counts the changed clauses, the block changes and the changed metadata
fields per class (``summary`` ``clauses_by_class``, ``changes_by_class``, ``metadata`` of the JSON).
One ``metadata:`` line per metadata field that changed (``—`` for an absent value), then
one line per clause that is not unchanged, in the new revision's reading order:
old place → new place (number, or title for unnumbered elements; ``—`` where the
clause does not exist), status (``moved+modified`` for a moved clause that changed),
class, and why (the technical reasons, else the kinds of editorial change). When nothing
changed at all (clauses and metadata), the last line says ``no changes``.

The technical reasons are rendered in the language of the comparison (the new revision's:
``--lang en`` says ``requirement added (应)`` for a segment left untranslated, as the foreword
does, never ``增加要求（应）``); quoted text, titles and values are each put on one line (a line
break of the source is a space).
"""

from __future__ import annotations

import re

from .classify import reason_text
from .model import ChangeEntry, ClauseDiff, DiffResult, MetadataChange, Snapshot

__all__ = ["NO_CHANGES", "change_reasons", "clause_line", "metadata_line", "one_line", "summary_text",
           "untranslated_warning"]

#: The last line of the summary of two revisions that do not differ.
NO_CHANGES = "no changes: the two revisions have the same clauses, text and metadata"

_ORDER = ("modified", "moved", "added", "deleted", "renumbered", "unchanged")
_MAX_REASONS = 4


def one_line(text: str) -> str:
    """``text`` on one line: each run of whitespace (line breaks of the source included) one space."""
    return re.sub(r"\s+", " ", text or "").strip()


def _place(number: str | None, title: str) -> str:
    if number is None:
        return "—"
    return one_line(number or title) or "(unnumbered)"


def change_reasons(change: ChangeEntry, lang: str | None) -> list[str]:
    """Why a block changed, in ``lang`` (the comparison's language): a technical change's reasons rendered
    again from its details (the classifier words them in the language of the text, which is the master's
    for a segment a translation left untranslated); an editorial change's kinds as they are."""
    if change.class_ != "technical" or lang not in ("zh", "en") or len(change.details) != len(change.reasons):
        return list(change.reasons)
    rendered = []
    for detail, reason in zip(change.details, change.reasons):
        text = reason_text(detail, lang) if isinstance(detail, dict) and detail.get("type") else ""
        rendered.append(reason if not text or text == detail["type"] else text)  # a kind it cannot word: as given
    return list(dict.fromkeys(rendered))


def status_label(diff: ClauseDiff) -> str:
    """``moved+modified`` for a moved clause that changed, else the status."""
    return "moved+modified" if diff.status == "moved" and diff.changes else diff.status


def reasons(diff: ClauseDiff, lang: str | None = None) -> list[str]:
    """Why the clause changed: technical reasons first, else the editorial kinds (the technical ones in
    ``lang``, see :func:`change_reasons`; each on one line)."""
    found: list[str] = []
    technical = [r for c in diff.changes if c.class_ == "technical" for r in change_reasons(c, lang)]
    editorial = [r for c in diff.changes if c.class_ != "technical" for r in c.reasons]
    for reason in diff.reasons + (technical if diff.class_ == "technical" else editorial):
        reason = one_line(reason)
        if reason not in found:
            found.append(reason)
    return found


def clause_line(diff: ClauseDiff, lang: str | None = None) -> str:
    """``5.3 → 6.1 moved+modified technical: 宜 → 应 (…) — title`` (the reasons in ``lang``)."""
    old_title = diff.old_title or diff.title
    line = (f"{_place(diff.old_number, old_title)} → {_place(diff.new_number, diff.title)} "
            f"{status_label(diff)} {diff.class_}")
    why = reasons(diff, lang)
    if why:
        shown = why[:_MAX_REASONS]
        line += ": " + "; ".join(shown) + (f"; … (+{len(why) - len(shown)})" if len(why) > len(shown) else "")
    if diff.title and (diff.new_number or diff.old_number):
        line += f" — {one_line(diff.title)}"
    return line


def metadata_line(change: MetadataChange) -> str:
    """``metadata: stage: 征求意见稿 → 送审稿 (editorial)``."""
    return (f"metadata: {change.field}: {one_line(change.old) or '—'} → {one_line(change.new) or '—'} "
            f"({change.class_})")


def summary_text(result: DiffResult) -> str:
    """Counts per status and class, then one line per changed clause (ends with a newline)."""
    standard = result.new.designation or result.old.designation
    lines = [f"{standard}: {result.old.label} → {result.new.label}"]
    if result.unrelated:
        lines.append(f"the two revisions are unrelated documents ({result.similarity:.0%} of clauses in common): "
                     "not compared clause by clause")
        lines += [metadata_line(m) for m in result.metadata]
        return "\n".join(lines) + "\n"
    summary = result.summary()
    counts = summary["clauses"]
    lines.append("clauses: " + (", ".join(f"{counts[s]} {s}" for s in _ORDER if counts.get(s)) or "none"))
    by_class, changes, metadata = summary["clauses_by_class"], summary["changes_by_class"], summary["metadata"]
    lines.append(f"classes: {by_class['technical']} technical, {by_class['editorial']} editorial clauses; "
                 f"{changes.get('technical', 0)} technical, {changes.get('editorial', 0)} editorial changes; "
                 f"{metadata['technical']} technical, {metadata['editorial']} editorial metadata fields")
    lines += [metadata_line(m) for m in result.metadata]
    lang = result.new.language or result.old.language
    for diff in result.clauses:
        if diff.status != "unchanged":
            lines.append("  " + clause_line(diff, lang))
    if not result.changed:
        lines.append(NO_CHANGES)
    return "\n".join(lines) + "\n"


def untranslated_warning(snapshot: Snapshot) -> str:
    """For a revision compared through a translation catalog that left segments in the master's language
    (fuzzy or missing messages): what to warn about; ``""`` otherwise."""
    if not snapshot.catalog or not snapshot.untranslated:
        return ""
    return (f"{snapshot.label}: {snapshot.untranslated} of {snapshot.segments} segments of {snapshot.slug} have no "
            f"{snapshot.language} translation in {snapshot.catalog} (fuzzy or missing): they are compared in "
            f"{snapshot.master_language}, the master's language (a segment translated in one revision and not in "
            "the other is an editorial change: translation)")
