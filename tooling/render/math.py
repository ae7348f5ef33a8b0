"""Formulas as SVG, the same drawing in HTML and PDF.

WeasyPrint has no math layout and runs no JavaScript, so formulas are typeset by
ziamath (glyph outlines from the STIX Two Math font) into inline SVG. Glyphs are
drawn as paths, not referenced symbols, so that several formulas on one page
never share element IDs.
"""

from __future__ import annotations

import functools

import ziafont
import ziamath

__all__ = ["MathError", "latex_to_svg"]

ziafont.config.svg2 = False  # no <symbol>/<use> pairs: no duplicate IDs between formulas


class MathError(ValueError):
    """The LaTeX of a formula could not be typeset."""


@functools.lru_cache(maxsize=4096)
def latex_to_svg(latex: str, size_pt: float = 11.0, inline: bool = False) -> str:
    """Typeset LaTeX math into an SVG document fragment.

    Args:
        latex: the formula, without ``$`` delimiters.
        size_pt: font size in points (body text size; 10.5 pt is 五号).
        inline: True for math inside a line of text.

    Returns:
        ``<svg …>…</svg>`` sized in points, with a ``class`` for styling.

    Raises:
        MathError: when ziamath cannot parse or typeset the formula.
    """
    try:
        svg = ziamath.Math.fromlatex(latex.strip(), size=size_pt * 4 / 3).svg()
    except Exception as exc:  # noqa: BLE001 - ziamath raises a variety of errors
        raise MathError(f"cannot typeset formula {latex.strip()!r}: {exc}") from None
    cls = "math-inline" if inline else "math-block"
    return svg.replace("<svg ", f'<svg class="{cls}" role="img" aria-label="{_escape(latex.strip())}" ', 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
