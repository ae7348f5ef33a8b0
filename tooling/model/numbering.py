"""Post-transforms that show the model's numbers and labels in every output.

After reading, :mod:`tooling.model.domain` has numbered each standard. These
post-transforms (write phase, any builder) insert what the reader sees, as
classed generated nodes (the habit of ``docutils.transforms.parts``):

- clause numbers before titles (``5.1``), annex headings ``附录A`` / ``（规范性）`` /
  title on their own lines (GB/T 1.1-2020 10.4.1; DIR 2 20);
- table and figure numbers before their titles (``表1　标题``, ``Table 1 — Title``),
  formula numbers (``（1）``), term entry numbers (``3.1``);
- note and example labels, numbered only when their parent holds several
  (GB/T 1.1-2020 9.10, 9.11; DIR 2 24.3, 25.3), notes to entry;
- term sources ``[来源：…，有修改]`` / ``[SOURCE: …, modified — …]`` (citations themselves are
  rendered by :mod:`tooling.xref.citations`);
- the text of references to numbered elements (``第5章``, ``5.2``, ``表1``, ``Annex A``);
- continuous text footnote numbers ``1)`` through the standard (GB/T 1.1-2020 9.12).

Labels follow the document's language; separators follow its profile.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..directives import nodes as stdnodes
from .domain import standard_of
from .labels import label, number_label, ref_text
from .metadata import StandardMetadata
from ..xref.citations import format_citation

logger = logging.getLogger(__name__)

__all__ = ["InsertNumbers", "ResolveElementRefs", "setup"]

FW_SPACE = "\u3000"


def _separator(lang: str, profile: str, kind: str) -> str:
    """Between a number and a title: a full-width space in Chinese; ISO tables/figures use an em dash."""
    if lang == "zh":
        return FW_SPACE
    if kind in ("table", "figure"):
        return " \u2014 "
    return "\u2002"


def _context(env, docname: str) -> tuple[StandardMetadata | None, str, str]:
    meta = env.domains["standard"].metadata_for(docname)
    if meta is None:
        return None, "en", "iso"
    return meta, meta.language, meta.profile


class InsertNumbers(SphinxPostTransform):
    """Insert numbers, labels and generated text (see the module docstring)."""

    default_priority = 5  # before reference resolution (MyST 9, Sphinx 10)

    def run(self, **kwargs: Any) -> None:
        env = self.env
        domain = env.domains["standard"]
        meta, lang, profile = _context(env, self.document.get("std_docname") or env.docname)
        numbers = domain.numbers
        for node in list(self.document.findall(nodes.Element)):
            key = node.get("std_key")
            if not key or node.get("std_numbered"):
                continue
            numbered = numbers.get(key)
            if numbered is None:
                continue
            node["std_numbered"] = True
            node["std_number"] = numbered.number
            kind = numbered.kind
            if kind == "clause":
                self._clause(node, numbered.number, numbered.role, numbered.obligation, lang)
            elif kind == "term":
                self._term(node, numbered.number, lang)
            elif kind in ("table", "figure"):
                self._caption(node, kind, numbered.number, lang, profile)
            elif kind == "formula":
                node["std_formula_number"] = label(lang, "formula_number", numbered.number)
        self._labels(lang)
        for source in self.document.findall(stdnodes.term_source):
            self._term_source(source, lang, profile)
        self._footnotes(meta)

    # -- element kinds ---------------------------------------------------------------------
    def _clause(self, section: nodes.section, number: str, role: str | None, obligation: str | None,
                lang: str) -> None:
        title = section[0] if section.children and isinstance(section[0], nodes.title) else None
        if title is None:
            return
        if role == "annex":
            text = title.children[:]
            title.clear()
            # three lines: number, (normative)/(informative), title; the spaces serve bookmarks and plain text
            title += nodes.inline("", label(lang, "annex", number), classes=["std-number", "std-annex-number"])
            if obligation:
                title += nodes.Text("" if lang == "zh" else " ")
                title += nodes.inline("", label(lang, obligation), classes=["std-obligation"])
            title += nodes.Text(FW_SPACE if lang == "zh" else " ")
            title += nodes.inline("", "", *text, classes=["std-title-text"])
            return
        if not number:
            return
        if "untitled" in section.get("classes", ()):
            for child in section.children[1:]:
                if isinstance(child, nodes.paragraph):
                    child.insert(0, nodes.Text(FW_SPACE if lang == "zh" else "\u2002"))
                    child.insert(0, nodes.inline("", number, classes=["std-number"]))
                    break
            return
        title.insert(0, nodes.Text(FW_SPACE if lang == "zh" else "\u2002"))
        title.insert(0, nodes.inline("", number, classes=["std-number"]))

    def _term(self, entry: stdnodes.term_entry, number: str, lang: str) -> None:
        """Entry number, separators before equivalents, deprecated marks, the domain (GB/T 1.1-2020 8.7.3, 10.3.5).

        In a translation the term in the output language comes first and the master's term
        becomes its equivalent: the pair is bilingual in the markup, not in the catalog.
        """
        # each line (preferred, admitted, deprecated term) shows its term in the output language first
        for inline in list(entry.findall(lambda n: isinstance(n, nodes.inline) and "term-equivalent" in n["classes"]
                                         and n.get("lang") == lang)):
            line = inline.parent
            term = next((c for c in line.children if isinstance(c, nodes.inline) and c is not inline
                         and {"term-preferred", "term-admitted", "term-deprecated"} & set(c["classes"])), None)
            if term is None:
                continue
            master_text, translated = term.astext(), inline.astext()
            term.clear()
            term += nodes.Text(translated)
            inline.clear()
            inline += nodes.Text(master_text)
            inline["lang"] = "zh" if lang == "en" else "en"
        for equivalent in list(entry.findall(lambda n: isinstance(n, nodes.Element) and "term-equivalent" in n["classes"])):
            parent = equivalent.parent
            # the term, one full-width space, the equivalent in the other language
            parent.insert(parent.index(equivalent), nodes.Text(FW_SPACE if lang == "zh" else " "))
        for line in entry.findall(stdnodes.term_line):
            if "term-deprecated" in line["classes"]:
                if lang == "zh":
                    line += nodes.inline("", label(lang, "deprecated_mark"), classes=["term-deprecated-mark"])
                else:
                    line.insert(0, nodes.inline("", label(lang, "deprecated"), classes=["term-deprecated-mark"]))
        domain = entry.get("domains", {}).get(lang) or entry.get("domain")
        if domain:
            for para in entry.children:
                if isinstance(para, nodes.paragraph) and not isinstance(para, (stdnodes.term_head, stdnodes.term_line)):
                    para.insert(0, nodes.inline("", f"〈{domain}〉" if lang == "zh" else f"<{domain}> ",
                                                classes=["term-domain"]))
                    break
        for head in entry.findall(stdnodes.term_head):
            head.insert(0, nodes.inline("", number, classes=["std-number", "term-number"]))
            break

    def _caption(self, node: nodes.Element, kind: str, number: str, lang: str, profile: str) -> None:
        caption_cls = nodes.title if kind == "table" else nodes.caption
        caption = next((c for c in node.children if isinstance(c, caption_cls)), None)
        text = label(lang, kind, number)
        if caption is None:
            caption = caption_cls("", "")
            if kind == "table":
                node.insert(0, caption)
            else:
                node += caption
        elif caption.children:
            caption.insert(0, nodes.Text(_separator(lang, profile, kind)))
        caption.insert(0, nodes.inline("", text, classes=["std-number"]))

    def _labels(self, lang: str) -> None:
        """Label notes, examples and notes to entry, numbering them per parent."""
        groups: dict[tuple[int, str], list[nodes.Element]] = {}
        for node in self.document.findall(lambda n: isinstance(n, (nodes.note, stdnodes.example))):
            if node.get("std_labelled"):
                continue
            parent = node.parent
            while parent is not None and not isinstance(
                    parent, (nodes.section, stdnodes.term_entry, nodes.table, nodes.figure, nodes.document)):
                parent = parent.parent
            kind = "example" if isinstance(node, stdnodes.example) else "note"
            if kind == "note" and isinstance(parent, stdnodes.term_entry):
                kind = "note_to_entry"
            groups.setdefault((id(parent), kind), []).append(node)
        for (_, kind), members in groups.items():
            for index, node in enumerate(members, 1):
                text = number_label(lang, kind, str(index), len(members)) + label(lang, "colon")
                node["std_labelled"] = True
                node["std_label"] = text
                mark = nodes.inline("", text, classes=["std-label"])
                first = node.children[0] if node.children else None
                # GB/T 1.1-2020 10.4.6: "示例：" stands on its own line; ISO runs "EXAMPLE" into the text
                own_line = kind == "example" and lang == "zh"
                if own_line or not isinstance(first, nodes.paragraph):
                    node.insert(0, nodes.paragraph("", "", mark, classes=["std-label-line"]))
                else:
                    if lang != "zh":
                        first.insert(0, nodes.Text("\u2003"))
                    first.insert(0, mark)

    def _term_source(self, source: stdnodes.term_source, lang: str, profile: str) -> None:
        if source.get("std_rendered"):
            return
        entry = source.parent
        text = entry.get("source", "") if entry is not None else ""
        modified = entry.get("modified") if entry is not None else None
        if modified is not None and entry.get("modifications", {}).get(lang):
            modified = entry["modifications"][lang]
        parts = []
        if text:
            designation, _, location = text.partition(",")
            if not location:
                designation, _, location = text.partition("，")
            parts.append(format_citation(designation.strip(), "", lang, profile)
                         + (("，" if lang == "zh" else ", ") + location.strip() if location.strip() else ""))
        if modified is not None:
            mod = label(lang, "modified")
            if modified.strip():
                mod += ("——" if lang == "zh" else " \u2014 ") + modified.strip()
            parts.append(mod)
        sep = "，" if lang == "zh" else ", "
        head = label(lang, "source") + ("：" if lang == "zh" else ": ")
        source.clear()
        source += nodes.Text("[" + head + sep.join(parts) + "]")
        source["std_rendered"] = True

    def _footnotes(self, meta: StandardMetadata | None) -> None:
        """GB/T 1.1-2020 9.12: text footnotes ``1)``, ``2)`` … continuous from the foreword."""
        if meta is None:
            return
        offsets = self.env.domains["standard"].data.get("footnote_offsets", {})
        by_doc_offset = offsets.get(self.env.docname, 0)
        relabel: dict[str, str] = {}
        for footnote in self.document.findall(nodes.footnote):
            if footnote.get("std_relabelled") or not footnote.children:
                continue
            labelnode = footnote[0]
            if not isinstance(labelnode, nodes.label):
                continue
            offset = footnote.get("std_footnote_offset", by_doc_offset)
            try:
                n = int(labelnode.astext()) + offset
            except ValueError:
                continue
            text = f"{n})" if meta.profile == "gb" or meta.language == "zh" else str(n)
            labelnode.clear()
            labelnode += nodes.Text(text)
            footnote["std_relabelled"] = True
            for fid in footnote["ids"]:
                relabel[fid] = f"{n})" if meta.profile == "gb" or meta.language == "zh" else str(n)
        for ref in self.document.findall(nodes.footnote_reference):
            if ref.get("refid") in relabel:
                ref.clear()
                ref += nodes.Text(relabel[ref["refid"]])


class ResolveElementRefs(SphinxPostTransform):
    """Resolve references to a standard's own elements by stable ID and show their numbers.

    ``{ref}`scope``` or ``[](#scope)`` inside standard ``gb-t-x`` resolves to
    ``gb-t-x:scope`` and reads ``第1章`` / ``Clause 1`` (explicit link text is kept).
    """

    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        env = self.env
        domain = env.domains["standard"]
        fromdoc = env.docname
        meta, lang, _ = _context(env, self.document.get("std_docname") or fromdoc)
        slug = meta.slug if meta else None
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") not in (None, "", "std", "math") or node.get("reftype") not in (
                    "ref", "numref", "myst", "eq"):
                continue
            target = node.get("reftarget", "").lstrip("#")
            refdoc = node.get("refdoc", fromdoc)
            own = standard_of(env, refdoc)  # the slug, whether or not the standard's metadata is valid
            key = target if ":" in target else (f"{own}:{target}" if own else None)
            numbered = domain.numbers.get(key) if key else None
            if numbered is None:
                continue
            contnode = node[0].deepcopy() if node.children else nodes.inline("", "")
            if not node.get("refexplicit"):
                text = ref_text(lang, numbered.kind, numbered.number, numbered.role) or numbered.title
                if numbered.kind == "term":
                    term = numbered.title_in(lang)
                    text = f"{term}（{numbered.number}）" if lang == "zh" else f"{term} ({numbered.number})"
                contnode = nodes.inline(text, text, classes=["std-ref"])
            ref = nodes.reference("", "", internal=True, classes=["std-ref", numbered.kind], std_target=key)
            try:
                uri = self.env._app.builder.get_relative_uri(refdoc, numbered.docname)
            except Exception:  # noqa: BLE001 - builders without pages (gettext, dummy)
                uri = ""
            ref["refuri"] = uri + "#" + numbered.node_id
            ref += contnode
            node.replace_self(ref)
        del slug


def setup(app) -> None:
    app.add_post_transform(InsertNumbers)
    app.add_post_transform(ResolveElementRefs)
