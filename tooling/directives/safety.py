"""Drafts are untrusted input: keep builds hermetic and published HTML free of raw markup.

- Raw HTML (MyST HTML blocks and inline HTML, the ``raw`` directive) never reaches
  the output; it is reported and shown as literal text, so nothing is lost.
  HTML comments are kept as comments (they carry lint suppressions).
- Images must be files inside the repository: network URLs, ``data:`` and
  ``file:`` URIs and paths that leave the repository are reported and dropped.
- ``include`` and ``literalinclude`` read only files inside the repository.
- Sources are UTF-8 (a BOM and CRLF line ends are accepted); a file that is not
  is reported at the line of its first bad byte and left out, instead of stopping
  the build.

Messages are warnings of type ``std`` (subtypes ``raw-html``, ``image``, ``include``, ``encoding``)
located at the offending line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
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
            node.replace_self(nodes.literal(text, text) if inline else nodes.literal_block(text, text, language="text"))
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


_INCLUDE = re.compile(r"^(?P<fence>\s*(?:`{3,}|:{3,}))\{(?P<name>include|literalinclude)\}\s*(?P<path>\S.*?)\s*$")


def check_source(app, docname: str, source: list[str]) -> None:
    """``source-read``: neutralise includes of files outside the repository.

    Runs on the text before parsing, so a refused include is never read. The
    source file itself is not changed.
    """
    text = source[0]
    if "include}" not in text:
        return
    root = repository_root(app.config)
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        m = _INCLUDE.match(line)
        if not m:
            continue
        argument = m.group("path")
        if argument.startswith("<") and argument.endswith(">"):
            problem = "standard-library includes are not allowed in drafts"
        else:
            _, path = app.env.relfn2path(argument, docname)
            problem = None if inside_repository(path, root) else f"{m.group('name')} {argument!r} lies outside the repository"
        if problem:
            logger.error(problem, location=(docname, number), type="std", subtype="include")
            lines[number - 1] = f"{m.group('fence')}{{code-block}} text"
    source[0] = "\n".join(lines)


def exclude_undecodable(app, config) -> None:
    """``config-inited``: report sources that are not valid UTF-8 at their line and leave them out of the build.

    Sphinx would stop at the first undecodable file; this way every other
    document and standard still builds.
    """
    srcdir = Path(app.srcdir)
    for path in sorted(srcdir.rglob("*.md")):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            logger.error("not valid UTF-8 (byte 0x%02x): this file is left out of the build", data[exc.start],
                         location=f"{path}:{line}", type="std", subtype="encoding")
            config.exclude_patterns = [*config.exclude_patterns, str(path.relative_to(srcdir))]


def setup(app) -> None:
    app.add_config_value("std_root", "", "env", types=(str,))
    app.add_config_value("std_allow_raw_html", False, "env", types=(bool,))
    app.add_transform(SanitizeDraft)
    app.connect("source-read", check_source)
    app.connect("config-inited", _default_root)
    app.connect("config-inited", exclude_undecodable)


def _default_root(app, config) -> None:
    if not config.std_root:
        config.std_root = str(app.confdir)
