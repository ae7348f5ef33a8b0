"""Standards authoring and publishing pipeline.

``extensions = ["tooling"]`` in ``conf.py`` loads the Sphinx extension: the
standards model (metadata, outline, numbering), the directives and roles of a
standard's elements, the HTML theme and math rendering, and the PDF builder.
The command line is :mod:`tooling.cli` (``std``).
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: The tool's own templates (HTML theme, print CSS and covers).
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _code_version() -> int:
    """A checksum of the tool's own code: the environment is read afresh whenever the code changes,
    so that no finding or number computed by an older version survives in an incremental build."""
    import zlib

    checksum = 0
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        checksum = zlib.crc32(path.read_bytes(), checksum)
    for path in sorted(Path(__file__).resolve().parent.rglob("*.yaml")):
        checksum = zlib.crc32(path.read_bytes(), checksum)
    return checksum


def setup(app):
    """Register every part of the extension with Sphinx."""
    from . import lint, translate, xref
    from .directives import elements, safety, table_footnotes
    from .model import domain, numbering, problems, text
    from .render import catalogue, html, parallel, pdf, theme

    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # the Chinese search index loads jieba; its start-up chatter is noise
    app.setup_extension("myst_parser")
    for module in (problems, safety, elements, table_footnotes, domain, numbering, text, lint, xref, translate, catalogue, html, theme, pdf, parallel):
        module.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": _code_version()}
