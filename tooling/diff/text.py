"""The terminal summary of a diff (pipeline step: render).

::

    ISO/IEC DIS 18974: rev04.md → rev05.md
    clauses: 2 added, 8 renumbered, 25 unchanged
    classes: 2 technical, 8 editorial clauses; 0 technical, 2 editorial changes
      — → 2.7 added technical: term added — Remediate
      2.7 → 2.9 renumbered editorial: renumbered — Open Source Software
      5.3 → 6.1 moved+modified technical: 宜 → 应 (recommendation → requirement); 220 V → 230 V — 测试条件

One line per clause that is not unchanged, in the new revision's reading order:
old place → new place (number, or title for unnumbered elements; ``—`` where the
clause does not exist), status (``moved+modified`` for a moved clause that changed),
class, and why (the technical reasons, else the kinds of editorial change).
"""

from __future__ import annotations

from .model import ClauseDiff, DiffResult

__all__ = ["clause_line", "summary_text"]

_ORDER = ("modified", "moved", "added", "deleted", "renumbered", "unchanged")
_MAX_REASONS = 4


def _place(number: str | None, title: str) -> str:
    if number is None:
        return "—"
    return number or title or "(unnumbered)"


def status_label(diff: ClauseDiff) -> str:
    """``moved+modified`` for a moved clause that changed, else the status."""
    return "moved+modified" if diff.status == "moved" and diff.changes else diff.status


def reasons(diff: ClauseDiff) -> list[str]:
    """Why the clause changed: technical reasons first, else the editorial kinds."""
    found: list[str] = []
    technical = [r for c in diff.changes if c.class_ == "technical" for r in c.reasons]
    editorial = [r for c in diff.changes if c.class_ != "technical" for r in c.reasons]
    for reason in diff.reasons + (technical if diff.class_ == "technical" else editorial):
        if reason not in found:
            found.append(reason)
    return found


def clause_line(diff: ClauseDiff) -> str:
    """``5.3 → 6.1 moved+modified technical: 宜 → 应 (…) — title``."""
    old_title = diff.old_title or diff.title
    line = (f"{_place(diff.old_number, old_title)} → {_place(diff.new_number, diff.title)} "
            f"{status_label(diff)} {diff.class_}")
    why = reasons(diff)
    if why:
        shown = why[:_MAX_REASONS]
        line += ": " + "; ".join(shown) + (f"; … (+{len(why) - len(shown)})" if len(why) > len(shown) else "")
    if diff.title and (diff.new_number or diff.old_number):
        line += f" — {diff.title}"
    return line


def summary_text(result: DiffResult) -> str:
    """Counts per status and class, then one line per changed clause (ends with a newline)."""
    standard = result.new.designation or result.old.designation
    lines = [f"{standard}: {result.old.label} → {result.new.label}"]
    if result.unrelated:
        lines.append(f"the two revisions are unrelated documents ({result.similarity:.0%} of clauses in common): "
                     "not compared clause by clause")
        return "\n".join(lines) + "\n"
    summary = result.summary()
    counts = summary["clauses"]
    lines.append("clauses: " + (", ".join(f"{counts[s]} {s}" for s in _ORDER if counts.get(s)) or "none"))
    by_class, changes = summary["clauses_by_class"], summary["changes_by_class"]
    lines.append(f"classes: {by_class['technical']} technical, {by_class['editorial']} editorial clauses; "
                 f"{changes.get('technical', 0)} technical, {changes.get('editorial', 0)} editorial changes")
    for diff in result.clauses:
        if diff.status != "unchanged":
            lines.append("  " + clause_line(diff))
    return "\n".join(lines) + "\n"
