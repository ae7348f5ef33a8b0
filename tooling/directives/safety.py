"""Drafts are untrusted input: keep builds hermetic and published HTML free of raw markup.

- Raw HTML (MyST HTML blocks and inline HTML, the ``raw`` directive) never reaches
  the output; it is reported and shown as literal text, so nothing is lost.
  HTML comments are kept as comments (they carry lint suppressions).
- Images must be files inside the repository: network URLs, ``data:`` and
  ``file:`` URIs, absolute paths and paths that leave the repository are reported and dropped.
- ``include`` and ``literalinclude`` read only files inside the repository, named by
  a path relative to the including file (also in an included file); an absolute path
  and a circular include (a file that includes itself, directly or not) are refused.
- Sources are UTF-8 (a BOM and CRLF line ends are accepted); a file that is not
  is reported at the line of its first bad byte and left out, instead of stopping
  the build.

Messages are warnings of type ``std`` (subtypes ``raw-html``, ``image``, ``include``, ``encoding``)
located at the offending line.
"""

from __future__ import annotations

import os
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
        docdir = Path(self.env.doc2path(self.env.docname)).parent
        for image in list(self.document.findall(nodes.image)):
            uri = image.get("uri", "")
            problem = None
            if _URI_SCHEME.match(uri):
                problem = f"image {uri!r} is not a file of the repository (network and data URLs are not fetched)"
            elif uri.startswith("/") or Path(uri).is_absolute():
                problem = (f"image {uri!r}: absolute paths are not allowed (an image path is relative to its "
                           "document and stays inside the repository)")
            elif not inside_repository(docdir / uri, root):
                problem = f"image {uri!r} lies outside the repository (an image path is relative to its document)"
            if problem:
                logger.error(problem, location=image, type="std", subtype="image")
                alt = image.get("alt", "") or uri
                image.replace_self(nodes.inline(alt, f"[{alt}]", classes=["missing-image"]))


_INCLUDE = re.compile(r"^(?P<fence>\s*(?:`{3,}|:{3,}))\{(?P<name>include|literalinclude)\}\s*(?P<path>\S.*?)\s*$")
_OPTION = re.compile(r"^\s*:(?P<name>[\w-]+):")
_WHERE = "a path is relative to the including file and stays inside the repository"


def _includes(text: str) -> list[tuple[int, re.Match, bool]]:
    """The include directives of a Markdown text: ``(line, match, parsed)``, lines 1-based.

    ``parsed``: the included file is read as Markdown (``include`` without ``:literal:`` or ``:code:``).
    """
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        m = _INCLUDE.match(line)
        if not m:
            continue
        options = set()
        for option in lines[index + 1:]:
            o = _OPTION.match(option)
            if not o:
                break
            options.add(o.group("name"))
        found.append((index + 1, m, m.group("name") == "include" and not options & {"literal", "code"}))
    return found


def _include_target(argument: str, including: Path, root: Path) -> tuple[Path | None, str]:
    """The file an include names, relative to the including file, or why it is refused."""
    if argument.startswith("<") and argument.endswith(">"):
        return None, "standard-library includes are not allowed in drafts"
    if argument.startswith(("/", "\\")) or Path(argument).is_absolute() or re.match(r"^[A-Za-z]:[\\/]", argument):
        return None, f"absolute paths are not allowed ({_WHERE})"
    path = (including.parent / argument).resolve()
    if not inside_repository(path, root):
        return None, f"lies outside the repository ({_WHERE})"
    return path, ""


def plan_includes(app, docname: str, text: str) -> dict[Path, dict[int, str | None]]:
    """Check the includes of a document and of every file it includes, and report each refused one.

    An include is refused when its path is absolute, leaves the repository, names a
    standard-library file, or closes a circle (``a.md`` includes ``b.md``, which includes
    ``a.md``; a file that includes itself). The error names the circle the same way
    whichever document leads into it (from its first file in name order, at the include
    that leads back to that file), and is printed once per build.

    Returns:
        For the document's source and each included file (resolved paths): line → the
        path to give MyST for that include (relative to the document's folder, as MyST
        resolves it, so that a path is relative to the file that holds it), or ``None``
        when it is refused.
    """
    root = repository_root(app.config)
    document = Path(app.env.doc2path(docname)).resolve()
    folder = document.parent
    plan: dict[Path, dict[int, str | None]] = {}

    def circle(chain: list[tuple[Path, int]], path: Path, number: int, target: Path) -> tuple[Path, int, str]:
        """Where to report the circle the include ``path:number`` → ``target`` closes, and its message."""
        files = [p for p, _ in chain]
        start = files.index(target)
        edges = [(files[i - 1], chain[i][1]) for i in range(start + 1, len(chain))] + [(path, number)]
        members = files[start:]  # members[i] includes members[i + 1] at edges[i], the last includes the first
        first = members.index(min(members))
        at, line = edges[first - 1]
        ring = [*members[first:], *members[:first], members[first]]
        return at, line, "circular include: " + " → ".join(os.path.relpath(p, at.parent) for p in ring)

    def visit(path: Path, source: str, chain: list[tuple[Path, int]]) -> None:
        verdicts = plan.setdefault(path, {})
        for number, m, parsed in _includes(source):
            argument = m.group("path")
            target, problem = _include_target(argument, path, root)
            at, line = path, number
            if target is not None and parsed and target in [p for p, _ in chain]:
                at, line, problem = circle(chain, path, number, target)
            elif problem:
                problem = f"{m.group('name')} {argument!r}: {problem}" if problem.startswith("absolute") \
                    else f"{m.group('name')} {argument!r} {problem}"
            if problem or target is None:
                logger.error("%s", problem, location=f"{at}:{line}", type="std", subtype="include", once=True)
                verdicts[number] = None
                continue
            verdicts[number] = os.path.relpath(target, folder)
            if parsed and target not in plan and target.is_file():
                try:
                    child = target.read_bytes().decode("utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    continue  # MyST reports it
                visit(target, child, [*chain, (target, number)])

    visit(document, text, [(document, 0)])
    return plan


def _apply_plan(text: str, verdicts: dict[int, str | None]) -> str:
    """The text with each refused include made an empty code block and the others given their planned path."""
    lines = text.split("\n")
    for number, m, _ in _includes(text):
        if number not in verdicts:
            continue
        path = verdicts[number]
        if path is None:
            lines[number - 1] = f"{m.group('fence')}{{code-block}} text"
            for index in range(number, len(lines)):
                if not _OPTION.match(lines[index]):
                    break
                lines[index] = ""
        else:
            lines[number - 1] = f"{m.group('fence')}{{{m.group('name')}}} {path}"
    return "\n".join(lines)


def check_source(app, docname: str, source: list[str]) -> None:
    """``source-read``: check the document's includes (:func:`plan_includes`) and neutralise the refused ones.

    Runs on the text before parsing, so a refused include is never read. The
    source file itself is not changed.
    """
    text = source[0]
    if "include}" not in text:
        return
    plan = plan_includes(app, docname, text)
    app.env.current_document["std_includes"] = plan
    source[0] = _apply_plan(text, plan[Path(app.env.doc2path(docname)).resolve()])


def check_included(app, relative_path: Path, parent_docname: str, content: list[str]) -> None:
    """``include-read``: apply the document's plan to an included file's text (nested includes)."""
    path = (Path(app.srcdir) / relative_path).resolve()
    plan = app.env.current_document.get("std_includes") or {}
    if path not in plan:
        return
    content[0] = _apply_plan(content[0], plan[path])


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
    app.connect("include-read", check_included)
    app.connect("config-inited", _default_root)
    app.connect("config-inited", exclude_undecodable)


def _default_root(app, config) -> None:
    if not config.std_root:
        config.std_root = str(app.confdir)
