"""The baseline: a plain Sphinx + MyST build of the same sources.

``make_plain(repo, plain)`` copies ``repo/standards`` to ``plain/standards``
unchanged and writes ``plain/conf.py``: ``extensions = ["myst_parser"]`` with the
MyST settings of ``tooling/config.py`` (same ``myst_enable_extensions``, source
suffix, exclusions and search language), Sphinx's default theme and MathJax
(no formula is typeset at build time). Our directives and roles are unknown
to plain Sphinx, so this conf registers stand-ins for them (``setup`` below):
each stand-in parses its content with the same nested parse into a plain
``container`` (its argument, if any, as a rubric), and a role keeps its text.
``{table}`` is replaced too, because docutils' own ``table`` accepts exactly
one table and our tables may carry notes inside their frame. Nothing is
numbered, labelled, linted or typeset: the ratio ours / plain is the cost of
the tooling on top of parsing and writing the same text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

__all__ = ["make_plain", "setup"]

_OPTIONS = ["name", "class", "en", "zh", "admitted", "deprecated", "admitted-en", "admitted-zh", "deprecated-en",
            "deprecated-zh", "symbol", "source", "modified", "domain", "widths", "width", "align"]


class StandIn(SphinxDirective):
    """Parses the content into a container; the argument (a title) becomes a rubric."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {name: directives.unchanged for name in _OPTIONS}

    def run(self) -> list[nodes.Node]:
        node = nodes.container(classes=["standin", self.name])
        self.set_source_info(node)
        result: list[nodes.Node] = [node]
        if self.arguments:  # a rubric first: a label before the directive lands on it and has a title
            inodes, messages = self.parse_inline(self.arguments[0], lineno=self.lineno)
            rubric = nodes.rubric(self.arguments[0], "", *inodes)
            self.set_source_info(rubric)
            result = [rubric, *messages, node]
        self.state.nested_parse(self.content, self.content_offset, node)
        self.add_name(result[0])
        return result


class TextRole(SphinxRole):
    """Keeps the role's text."""

    def run(self):
        return [nodes.inline(self.rawtext, self.text)], []


def setup(app) -> None:
    for name in ("term", "table", "example", "clause", "block", "where", "std-catalogue", "std-index"):
        app.add_directive(name, StandIn, override=True)
    for name in ("cite", "cite-normative", "cite-informative"):
        app.add_role(name, TextRole(), override=True)


_SAME = ["root_doc", "source_suffix", "exclude_patterns", "myst_enable_extensions", "myst_heading_anchors",
         "myst_update_mathjax", "myst_footnote_transition", "myst_title_to_header", "suppress_warnings",
         "html_search_language", "language"]


def plain_conf() -> str:
    """The text of the plain ``conf.py`` (values copied from ``tooling.config``)."""
    import tooling.config as ours

    lines = ['"""Plain Sphinx + MyST over the same sources (benchmark baseline, see benchmarks/plain.py)."""', "",
             "import sys", "", f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})", "",
             "from plain import setup  # noqa: E402,F401 - stand-ins for the tooling's directives and roles", "",
             'project = "plain"', 'extensions = ["myst_parser"]']
    lines += [f"{name} = {getattr(ours, name)!r}" for name in _SAME]
    return "\n".join(lines) + "\n"


def make_plain(repo: Path, plain: Path) -> Path:
    """``plain/``: the sources of ``repo/standards`` with the plain ``conf.py``."""
    if plain.exists():
        shutil.rmtree(plain)
    shutil.copytree(repo / "standards", plain / "standards")
    (plain / "conf.py").write_text(plain_conf(), encoding="utf-8")
    return plain
