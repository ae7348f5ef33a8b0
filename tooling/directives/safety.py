"""Drafts are untrusted input: keep builds hermetic and published HTML free of raw markup.

- Raw HTML (MyST HTML blocks and inline HTML, the ``raw`` directive) never reaches
  the output; it is reported and shown as literal text, so nothing is lost.
  HTML comments are kept as comments (they carry lint suppressions).
- Images must be files inside the repository: network URLs, ``data:`` and
  ``file:`` URIs and paths that leave the repository are reported and dropped.
- ``include`` and ``literalinclude`` read only files inside the repository.

Messages are warnings of type ``std`` (subtypes ``raw-html``, ``image``, ``include``)
located at the offending line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

__all__ = ["inside_repository", "setup"]

_URI_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
_COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$", re.S)


def repository_root(config) -> Path:
    """The repository root: ``std_root`` from ``conf.py``, by default the folder of ``conf.py``."""
    return Path(config.std_root).resolve()


def inside_repository(path: str | Path, root: Path) -> bool:
    """True when ``path`` (after resolving ``..`` and symbolic links) lies inside ``root``."""
    try:
        Path(path).resolve().relative_to(root)
        return True
    except ValueError:
        return False


class SanitizeDraft(SphinxTransform):
    """Report and neutralise raw HTML and images that are not repository files."""

    default_priority = 16

    def apply(self, **kwargs: Any) -> None:
        allow_raw = self.config.std_allow_raw_html
        for node in list(self.document.findall(nodes.raw)):
            text = node.astext()
            if "html" not in node.get("format", "").split():
                continue
            comment = _COMMENT.match(text)
            if comment:
                node.replace_self(nodes.comment(comment.group(1).strip(), comment.group(1).strip()))
                continue
            if allow_raw:
                continue
            logger.warning("raw HTML is not allowed in a draft; it is shown as text", location=node,
                           type="std", subtype="raw-html")
            inline = isinstance(node.parent, nodes.TextElement)
            node.replace_self(nodes.literal(text, text) if inline else nodes.literal_block(text, text))
        root = repository_root(self.config)
        srcdir = Path(self.env.srcdir)
        docdir = Path(self.env.doc2path(self.env.docname)).parent
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            problem = None
            if _URI_SCHEME.match(uri):
                problem = f"image {uri!r} is not a file of the repository (network and data URLs are not fetched)"
            else:
                path = (srcdir / uri.lstrip("/")) if uri.startswith("/") else (docdir / uri)
                if not inside_repository(path, root):
                    problem = f"image {uri!r} lies outside the repository"
            if problem:
                logger.error(problem, location=image, type="std", subtype="image")
                alt = image.get("alt", "") or uri
                image.replace_self(nodes.inline(alt, f"[{alt}]", classes=["missing-image"]))


class _Confined:
    """Mixin: refuse to read a file outside the repository."""

    def run(self):  # type: ignore[override]
        root = repository_root(self.config)
        argument = self.arguments[0].strip()
        if argument.startswith("<") and argument.endswith(">"):
            return [self.state.document.reporter.error(
                "standard-library includes are not allowed in drafts", line=self.lineno)]
        _, path = self.env.relfn2path(argument)
        if not inside_repository(path, root):
            logger.error("%s %r lies outside the repository", self.name, argument,
                         location=(self.env.docname, self.lineno), type="std", subtype="include")
            return []
        return super().run()


class ConfinedInclude(_Confined, Include):
    """``include`` restricted to repository files."""


class ConfinedLiteralInclude(_Confined, LiteralInclude):
    """``literalinclude`` restricted to repository files."""


def setup(app) -> None:
    app.add_config_value("std_root", "", "env", types=(str,))
    app.add_config_value("std_allow_raw_html", False, "env", types=(bool,))
    app.add_transform(SanitizeDraft)
    app.add_directive("include", ConfinedInclude, override=True)
    app.add_directive("literalinclude", ConfinedLiteralInclude, override=True)
    app.connect("config-inited", _default_root)


def _default_root(app, config) -> None:
    if not config.std_root:
        config.std_root = str(app.confdir)
