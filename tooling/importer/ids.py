"""Stable IDs of imported elements: the source's own anchor, or derived once from the title.

Titles go through the repository's one derivation, :func:`tooling.model.ids.derive_id`
(the one ``std ids`` uses: ASCII, Chinese through pypinyin, lower case, hyphens),
so an imported standard's IDs are the IDs ``std ids`` would have given. An ID is
unique within the standard and never derived from a number.
"""

from __future__ import annotations

import re

from ..model.ids import derive_id as _derive_id

__all__ = ["IdRegistry", "normalise_anchor", "requirement_id"]


def normalise_anchor(anchor: str) -> str:
    """A source anchor (``{#ser-list}``, ``{#Foo_Bar}``) as an ID: lower case, ``[a-z0-9-]`` only.

    Returns ``""`` when nothing usable remains; an ID starting with a digit gets ``id-`` before it
    (docutils drops leading digits from HTML ids).
    """
    text = re.sub(r"[^a-z0-9]+", "-", anchor.lower()).strip("-")
    if text and text[0].isdigit():
        text = "id-" + text
    return text


def requirement_id(number: str, prefix: str = "") -> str:
    """The ID of a requirement whose number is typed in the first cell of a table row.

    ``requirement_id("1.1.1", "V")`` → ``"v1-1-1"``; ``requirement_id("C.1")`` → ``"c-1"``;
    a number without a letter gives ``req-1-1-1`` (an ID may not start with a digit).
    """
    text = (prefix + number).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text if text[:1].isalpha() else "req-" + text


class IdRegistry:
    """The IDs of one standard, each unique."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        """Reserve ``wanted`` or, when it is taken, the first free ``wanted-2``, ``wanted-3`` …"""
        candidate, n = wanted, 2
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self.taken.add(candidate)
        return candidate

    def derive(self, title: str, fallback: str = "clause") -> str:
        """Reserve an ID derived from ``title`` (plain text without its number), as ``std ids`` derives it."""
        return _derive_id(title, self.taken, fallback)

    def __contains__(self, value: str) -> bool:
        return value in self.taken
