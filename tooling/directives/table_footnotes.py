"""Footnotes of a table: lettered a, b, c … per table, set at the foot of the table inside its frame.

GB/T 1.1-2020 9.12 and ISO/IEC Directives Part 2, 29.5.2: a table's footnotes are
marked in the table with superscript lowercase Latin letters, from ``a`` in each
table, and placed at the foot of the table, within its frame (after the table's
notes). They are independent of the text footnotes ``1)``, ``2)`` … (9.12).

A MyST footnote ``[^x]`` whose references are all inside one table (``{table}`` or a
plain pipe table) becomes that table's footnote. The transform runs on the doctree
after docutils numbered the footnotes and MyST collected them (priority 620–623),
before the model counts the text footnotes (845) and the lint reads the document
(870):

- each such ``footnote`` becomes a :class:`table_footnote` (its ``ids``, ``label``
  ``a``, ``b`` …) in the table's notes row (a last row spanning every column, class
  ``table-notes std-table-footnotes``, shared with the notes of a ``{table}``);
- each of its references becomes a :class:`table_footnote_reference` (``refid``,
  ``label``);
- the text footnotes left are numbered again ``1``, ``2`` … in their previous
  order, so their numbering skips the table footnotes.

The labels are attributes, not text: the renderers write them (superscript), and
what the lint, the translation and the diff read of a cell or a footnote is the
text as written. A table inside a ``{block}`` keeps its source's numbering.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from . import nodes as stdnodes

__all__ = ["TableFootnotes", "letter", "setup", "table_footnote", "table_footnote_reference"]


class table_footnote(nodes.General, nodes.Element):
    """A footnote of a table: its text (body elements), ``ids`` and ``label`` (``a``, ``b`` …)."""


class table_footnote_reference(nodes.Inline, nodes.Element):
    """A call of a table footnote in the table: ``refid`` (the footnote's ID) and ``label``; no text."""


def letter(index: int) -> str:
    """The label of a table's ``index``-th footnote (0-based): ``a`` … ``z``, then ``aa``, ``ab`` …"""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def _table_of(node: nodes.Node) -> nodes.table | None:
    return next((a for a in stdnodes.ancestors(node) if isinstance(a, nodes.table)), None)


def _in_block(node: nodes.Node) -> bool:
    return any(isinstance(a, stdnodes.titled_block) for a in stdnodes.ancestors(node))


def _notes_entry(table: nodes.table) -> nodes.entry | None:
    """The entry of the table's last row spanning every column (its notes), created when missing."""
    tgroup = next((n for n in reversed(table.children) if isinstance(n, nodes.tgroup)), None)
    if tgroup is None:
        return None
    tbody = next((n for n in tgroup.children if isinstance(n, nodes.tbody)), None)
    if tbody is None:
        tbody = nodes.tbody()
        tgroup += tbody
    last = tbody[-1] if tbody.children else None
    if (isinstance(last, nodes.row) and "table-notes" in last["classes"] and len(last.children) == 1
            and isinstance(last[0], nodes.entry)):
        entry = last[0]
        for node in (last, entry):
            if "std-table-footnotes" not in node["classes"]:
                node["classes"].append("std-table-footnotes")
        return entry
    classes = ["table-notes", "std-table-footnotes"]
    entry = nodes.entry("", classes=list(classes), morecols=int(tgroup.get("cols", 1) or 1) - 1)
    tbody += nodes.row("", entry, classes=list(classes))
    return entry


class TableFootnotes(SphinxTransform):
    """Make the footnotes referenced only from one table that table's footnotes (see the module docstring)."""

    default_priority = 630  # after docutils' Footnotes (620) and MyST's CollectFootnotes (623); before 845

    def apply(self, **kwargs: Any) -> None:
        document = self.document
        by_id = {fid: fn for fn in document.findall(nodes.footnote) for fid in fn["ids"]}
        if not by_id:
            return
        refs: dict[int, list[nodes.footnote_reference]] = {}
        for ref in document.findall(nodes.footnote_reference):
            footnote = by_id.get(ref.get("refid", ""))
            if footnote is not None:
                refs.setdefault(id(footnote), []).append(ref)
        converted = False
        for table in list(document.findall(nodes.table)):
            if _in_block(table):
                continue
            own: list[nodes.footnote] = []
            for ref in table.findall(nodes.footnote_reference):
                footnote = by_id.get(ref.get("refid", ""))
                if footnote is None or any(f is footnote for f in own):
                    continue
                if all(_table_of(r) is table for r in refs.get(id(footnote), ())):
                    own.append(footnote)
            if not own:
                continue
            entry = _notes_entry(table)
            if entry is None:
                continue
            for index, footnote in enumerate(own):
                entry += self._convert(footnote, letter(index), refs.get(id(footnote), []))
            converted = True
        if converted:
            self._renumber_text_footnotes()

    def _convert(self, footnote: nodes.footnote, label: str,
                 refs: list[nodes.footnote_reference]) -> table_footnote:
        document = self.document
        new = table_footnote("", ids=list(footnote["ids"]), classes=["std-table-footnote"], label=label,
                             backrefs=[i for r in refs for i in r["ids"]])
        new.source, new.line = footnote.source, footnote.line
        body = [child for child in footnote.children if not isinstance(child, nodes.label)]
        footnote.children = []
        new.extend(body)
        if footnote.parent is not None:
            footnote.parent.remove(footnote)
        for fid in new["ids"]:
            document.ids[fid] = new
        # the footnote's name was only there to resolve its references (done): not a label of the document
        for name in footnote["names"]:
            if document.nameids.get(name) in new["ids"]:
                document.nameids.pop(name, None)
                document.nametypes.pop(name, None)
        for collection in (document.autofootnotes, document.footnotes):
            if footnote in collection:
                collection.remove(footnote)
        for ref in refs:
            call = table_footnote_reference("", refid=ref["refid"], ids=list(ref["ids"]), label=label,
                                            classes=["std-table-footnote-reference"])
            call.source, call.line = ref.source, ref.line
            for rid in call["ids"]:
                document.ids[rid] = call
            for collection in (document.autofootnote_refs, document.footnote_refs.get(ref.get("refname", ""), [])):
                if ref in collection:
                    collection.remove(ref)
            ref.replace_self(call)
        return new

    def _renumber_text_footnotes(self) -> None:
        """Number the text footnotes left ``1``, ``2`` … in their previous order (the model adds the offset)."""
        numbered: list[tuple[int, nodes.footnote]] = []
        for footnote in self.document.findall(nodes.footnote):
            first = footnote[0] if footnote.children else None
            if isinstance(first, nodes.label) and first.astext().strip().isdigit():
                numbered.append((int(first.astext()), footnote))
        new_number = {old: str(i) for i, old in enumerate(sorted({n for n, _ in numbered}), start=1)}
        relabel: dict[str, str] = {}
        for old, footnote in numbered:
            text = new_number[old]
            if text != str(old):
                footnote[0].children = []
                footnote[0] += nodes.Text(text)
            for fid in footnote["ids"]:
                relabel[fid] = text
        for ref in self.document.findall(nodes.footnote_reference):
            text = relabel.get(ref.get("refid", ""))
            if text is not None and ref.astext() != text:
                ref.children = []
                ref += nodes.Text(text)


def setup(app) -> None:
    app.add_node(table_footnote)
    app.add_node(table_footnote_reference)
    app.add_transform(TableFootnotes)
