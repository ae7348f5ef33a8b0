"""Text rules for Chinese: soft line breaks, character classes.

Case C01: a Chinese paragraph wrapped over two source lines must not gain a
space at the wrap. The rule (after CSS Text 3 segment-break transformation,
tightened for GB/T text, which puts no space between Han and Latin): a line
break is removed when the character on either side is a CJK character
(Han ideograph, CJK punctuation, full-width form); otherwise it becomes one
space, as in English. The same rule applies to rendered text (HTML, PDF) and to
the source text that translation catalogs take their msgids from, so all three
agree.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from .units import SYMBOLS, longest_first

__all__ = ["CJK", "JoinCJKLineBreaks", "KeepValuesTogether", "has_cjk", "join_soft_breaks", "tie_values"]

#: Han ideographs, CJK symbols and punctuation, full-width forms, bopomofo, CJK compatibility.
CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3200-\u32ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f"
)
_CJK_CHAR = re.compile(f"[{CJK}]")
_BREAK = re.compile(rf"[ \t]*\n[ \t]*(?=[{CJK}])|(?<=[{CJK}])[ \t]*\n[ \t]*")


def has_cjk(text: str) -> bool:
    """True when ``text`` contains a CJK character."""
    return bool(_CJK_CHAR.search(text))


def join_soft_breaks(text: str) -> str:
    """Remove line breaks that touch a CJK character (see the module docstring).

    ``"本文件规定了\\n产品的技术要求。"`` → ``"本文件规定了产品的技术要求。"``; a break
    between Latin words is left for the renderer to show as a space.
    """
    if "\n" not in text or not _CJK_CHAR.search(text):
        return text
    return _BREAK.sub("", text)


class JoinCJKLineBreaks(SphinxTransform):
    """Apply :func:`join_soft_breaks` to text and to the source text of paragraphs (case C01).

    Runs before the i18n transform (priority 20), so translation msgids and
    the rendered text agree.
    """

    default_priority = 15

    def apply(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.Text)):
            parent = node.parent
            text = str(node)
            if "\n" not in text or parent is None or isinstance(
                    parent, (nodes.literal_block, nodes.literal, nodes.raw, nodes.math, nodes.math_block,
                             nodes.comment)):
                continue
            # MyST renders a soft break as its own Text node: look at the neighbours' text too
            index = parent.index(node)
            before = parent[index - 1].astext()[-1:] if index > 0 else ""
            after = parent[index + 1].astext()[:1] if index + 1 < len(parent) else ""
            joined = join_soft_breaks(before + text + after)
            joined = joined[len(before):len(joined) - len(after)] if after else joined[len(before):]
            if joined != text:
                parent.replace(node, nodes.Text(joined))
        for node in self.document.findall(nodes.TextElement):
            if isinstance(node, (nodes.literal_block, nodes.math_block, nodes.raw)):
                continue
            raw = node.rawsource
            if raw and "\n" in raw:
                node.rawsource = join_soft_breaks(raw)


#: Unit symbols after which a value must not break from its number (GB 3101, ISO 80000-1).
UNITS = SYMBOLS
_VALUE_UNIT = re.compile(r"(?<=\d) (?=(?:%s)(?![\w]))" % "|".join(map(re.escape, longest_first(UNITS))))
_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_DESIGNATION = re.compile(r"(?<![A-Za-z0-9/])((?:GB(?:/[TZ])?|[A-Z]{2}/[TZ]|DB\d{2}/T|T/[A-Z0-9]+|ISO(?:/IEC)?|IEC|IEEE)) (?=[\dX])")
NARROW_NBSP = "\u202f"


def tie_values(text: str) -> str:
    """Join a number to its unit symbol and digit groups with a narrow no-break space.

    ``25 mm`` and ``10 000`` never break across lines nor stretch when text is
    justified (GB/T 1.1-2020 9.13 and Annex F: a quarter-em space before unit symbols);
    a designation's code stays with its number (``GB/T 1.1``, no-break space).
    """
    if " " not in text or not any(c.isdigit() for c in text):
        return text
    text = _DESIGNATION.sub("\\1\u00a0", text)
    return _DIGIT_GROUP.sub(NARROW_NBSP, _VALUE_UNIT.sub(NARROW_NBSP, text))


class KeepValuesTogether(SphinxPostTransform):
    """Output only: tie values to their units (:func:`tie_values`); sources and the model keep plain spaces."""

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.Text)):
            parent = node.parent
            if parent is None or isinstance(parent, (nodes.literal_block, nodes.literal, nodes.raw, nodes.math,
                                                     nodes.math_block, nodes.comment)):
                continue
            text = str(node)
            tied = tie_values(text)
            if tied != text:
                parent.replace(node, nodes.Text(tied))


def setup(app) -> None:
    app.add_transform(JoinCJKLineBreaks)
    app.add_post_transform(KeepValuesTogether)
