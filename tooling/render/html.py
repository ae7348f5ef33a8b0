"""HTML rendering: the translator shared by the HTML site and the print (PDF) HTML.

Only what the layout of a standard needs differs from Sphinx's HTML5 translator:
notes and examples carry their label inline instead of an admonition title,
untitled subclauses print their number before their text, formulas are SVG
with their number at the right (GB/T 1.1-2020 9.9, 10.4.7), and elements get
the ``lang`` of their standard.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ..directives import nodes as stdnodes
from ..directives.table_footnotes import table_footnote, table_footnote_reference
from .math import MathError, latex_to_svg

__all__ = ["StdHTMLTranslator", "setup"]


_AUTO_ID = re.compile(r"id\d+")
#: Sphinx's permalink titles (its English message catalog) on a Chinese page.
_PERMALINK_TITLES_ZH = {
    "Link to this heading": "链接到此标题", "Link to this definition": "链接到此定义",
    "Link to this term": "链接到此术语", "Link to this table": "链接到此表",
    "Link to this code": "链接到此代码", "Link to this image": "链接到此图",
    "Link to this toctree": "链接到此目录",
}


class StdHTMLTranslator(HTML5Translator):
    """HTML5 translator for standards (site and print)."""

    def __init__(self, document: nodes.document, builder) -> None:
        super().__init__(document, builder)
        meta = builder.env.domains["standard"].metadata_for(getattr(builder, "current_docname", "") or "")
        self.std_lang = meta.language if meta else "en"
        self.secnumber_suffix = "\u3000" if self.std_lang == "zh" else "\u2002"
        self.settings.footnote_references = "superscript"  # 1), not [1)] (GB/T 1.1-2020 9.12)

    # -- notes and examples: label inline, no admonition title -----------------------------
    def visit_note(self, node: nodes.note) -> None:
        self.body.append(self.starttag(node, "div", CLASS="std-note"))

    def depart_note(self, node: nodes.note) -> None:
        self.body.append("</div>\n")

    def visit_example(self, node: stdnodes.example) -> None:
        self.body.append(self.starttag(node, "div", CLASS="std-example"))

    def depart_example(self, node: stdnodes.example) -> None:
        self.body.append("</div>\n")

    def visit_term_entry(self, node: stdnodes.term_entry) -> None:
        self.body.append(self.starttag(node, "div", CLASS="std-term"))

    def depart_term_entry(self, node: stdnodes.term_entry) -> None:
        self.body.append("</div>\n")

    def visit_formula_where(self, node: stdnodes.formula_where) -> None:
        self.body.append(self.starttag(node, "div", CLASS="std-where"))
        label = "式中：" if self.std_lang == "zh" else "where"
        self.body.append(f'<p class="where-label">{label}</p>\n')

    def depart_formula_where(self, node: stdnodes.formula_where) -> None:
        self.body.append("</div>\n")

    def visit_titled_block(self, node: stdnodes.titled_block) -> None:
        self.body.append(self.starttag(node, "div", CLASS="std-block"))

    def depart_titled_block(self, node: stdnodes.titled_block) -> None:
        self.body.append("</div>\n")

    # -- untitled subclauses: no heading element --------------------------------------------
    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, nodes.section) and "untitled" in node.parent.get("classes", ()):
            raise nodes.SkipNode
        super().visit_title(node)

    # -- permalinks titled in the page's language -------------------------------------------
    def add_permalink_ref(self, node: nodes.Element, title: str) -> None:
        """Sphinx's permalink to the element's stable ID (not docutils' ``id4``), titled in the page's
        language (``Link to this heading`` …, in Chinese on a Chinese page)."""
        if self.std_lang == "zh":
            title = _PERMALINK_TITLES_ZH.get(title, title)
        ids = node.get("ids", [])
        stable = [i for i in ids if not _AUTO_ID.fullmatch(i)]
        if stable and ids[0] != stable[0]:
            node["ids"] = [stable[0], *(i for i in ids if i != stable[0])]
            try:
                super().add_permalink_ref(node, title)
            finally:
                node["ids"] = ids
            return
        super().add_permalink_ref(node, title)

    # -- table footnotes: superscript letters, texts at the foot of the table ----------------
    def visit_table_footnote_reference(self, node: table_footnote_reference) -> None:
        """The call of a table footnote in a cell: a superscript letter linking to its text."""
        self.body.append(self.starttag(node, "a", "", href="#" + node.get("refid", ""), role="doc-noteref"))
        self.body.append(f"<sup>{self.encode(node.get('label', ''))}</sup></a>")
        raise nodes.SkipNode

    def visit_table_footnote(self, node: table_footnote) -> None:
        """A table footnote in the table's notes row: its letter (superscript), a space, then its text."""
        self.body.append(self.starttag(node, "div", "", role="doc-footnote"))
        self._table_footnote_label = (f'<sup class="std-table-footnote-label">{self.encode(node.get("label", ""))}'
                                      "</sup> ")

    def depart_table_footnote(self, node: table_footnote) -> None:
        self.body.append(self.__dict__.pop("_table_footnote_label", ""))  # a footnote without a paragraph
        self.body.append("</div>\n")

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        super().visit_paragraph(node)
        if isinstance(node.parent, table_footnote):
            self.body.append(self.__dict__.pop("_table_footnote_label", ""))

    # -- raw HTML never reaches the output (drafts are untrusted) --------------------------
    def visit_raw(self, node: nodes.raw) -> None:
        raise nodes.SkipNode


def _math_block(self: StdHTMLTranslator, node: nodes.math_block) -> None:
    try:
        svg = latex_to_svg(node.astext(), 10.5)
    except MathError:
        svg = f'<code class="math-error">{self.encode(node.astext())}</code>'
    number = node.get("std_formula_number", "")
    self.body.append(self.starttag(node, "div", CLASS="std-formula"))
    self.body.append(f'<span class="formula-body">{svg}</span>')
    if number:
        self.body.append(f'<span class="formula-number">{self.encode(number)}</span>')
    self.body.append("</div>\n")
    raise nodes.SkipNode


def _math_inline(self: StdHTMLTranslator, node: nodes.math) -> None:
    try:
        self.body.append(f'<span class="math">{latex_to_svg(node.astext(), 10.5, inline=True)}</span>')
    except MathError:
        self.body.append(f'<code class="math-error">{self.encode(node.astext())}</code>')
    raise nodes.SkipNode


def setup(app) -> None:
    app.add_html_math_renderer("svg", inline_renderers=(_math_inline, None), block_renderers=(_math_block, None))
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, StdHTMLTranslator, override=True)
