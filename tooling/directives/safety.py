"""Drafts are untrusted input: keep builds hermetic and published HTML free of raw markup.

- Raw HTML (MyST HTML blocks and inline HTML, the ``raw`` directive) never reaches
  the output; it is reported and shown as literal text, so nothing is lost.
  HTML comments are kept as comments (they carry lint suppressions).
- Images must be files inside the repository: network URLs, ``data:`` and
  ``file:`` URIs, absolute paths, paths that leave the repository and files that do not
  exist are reported (an error at the image's or figure's line, naming the path as written
  and the file it resolves to) and dropped, so Sphinx does not add its own "image file not
  readable" warning with a path relative to ``standards/``.
- ``include`` and ``literalinclude`` read only files inside the repository, named by
  a path relative to the including file (also in an included file); an absolute path
  and a circular include (a file that includes itself, directly or not) are refused.
- Neither reads a file of the repository that is not one of its sources
  (:func:`not_a_source`): anything in a dot-folder or named with a leading dot (``.git/``
  with its remote URLs and credentials, ``.venv/``, ``.env`` …), the outputs (``build/`` at
  the root, ``_build/``), tools' folders (``__pycache__/``, ``node_modules/``, ``venv/``,
  ``*.egg-info/``) and whatever git ignores (one ``git ls-files`` per build, not per file;
  without git only the fixed list applies). Paths are checked after resolving symbolic links.
- The same holds for every other way of reading a file into the output, whatever the
  syntax (a directive in a block quote or a list item, ``{eval-rst}``): the ``include``,
  ``literalinclude``, ``csv-table`` and ``raw`` directives check the file they are about to
  read (:class:`GuardedInclude` …; ``:url:`` is refused, nothing is fetched), an included
  file is checked again when it is read (``include-read``), and a ``{download}`` or a link
  to a file that would be copied into the site must name a source (subtype ``download``).
- Sources are UTF-8 (a BOM and CRLF line ends are accepted); a file that is not
  is reported at the line of its first bad byte and left out, instead of stopping
  the build.

Messages are warnings of type ``std`` (subtypes ``raw-html``, ``image``, ``include``, ``download``,
``encoding``) located at the offending line.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst.directives.misc import Raw
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.directives.patches import CSVTable
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

__all__ = ["inside_repository", "not_a_source", "setup"]

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


#: Folders that are never sources, wherever they lie (besides dot-folders and ``build/`` at the root).
_NOT_SOURCE_FOLDERS = frozenset({"_build", "__pycache__", "node_modules", "venv"})
#: The root → what git ignores there (``a/b`` files, ``a/`` folders), read once per build (:func:`_read_ignored`).
_IGNORED: dict[Path, frozenset[str]] = {}


def _git_ignored(root: Path) -> frozenset[str]:
    """The untracked files and folders git ignores under ``root`` (relative POSIX paths, folders with ``/``).

    One ``git ls-files`` for the whole repository (``--directory``: an ignored folder is
    one entry); empty when ``root`` is not in a git repository or git is missing.
    """
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--others", "--ignored", "--exclude-standard",
                              "--directory"], capture_output=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(entry.decode("utf-8", "surrogateescape") for entry in out.split(b"\0") if entry)


def _read_ignored(app, config) -> None:
    """``config-inited``: what git ignores in the repository, for this build."""
    root = repository_root(config)
    _IGNORED[root] = _git_ignored(root)


def not_a_source(path: str | Path, root: Path) -> str:
    """Why a file inside the repository ``root`` is not one of its sources, or ``""`` when it is one.

    Not sources: a path with a part that starts with a dot (``.git/``, ``.venv/``, ``.env``),
    ``build/`` at the root, ``_build/``, ``__pycache__/``, ``node_modules/``, ``venv/``,
    ``*.egg-info/`` anywhere, and what git ignores (see the module docstring).
    """
    try:
        parts = Path(path).resolve().relative_to(root).parts
    except ValueError:
        return ""  # outside the repository: inside_repository says so
    for index, part in enumerate(parts):
        folder = index < len(parts) - 1
        shown = "/".join(parts[:index + 1]) + ("/" if folder else "")
        if part.startswith("."):
            return f"{shown} is {'a dot-folder' if folder else 'a dot-file'}"
        if folder and (part in _NOT_SOURCE_FOLDERS or part.endswith(".egg-info") or (index == 0 and part == "build")):
            return f"{shown} holds outputs or tools' files"
    if root not in _IGNORED:
        _IGNORED[root] = _git_ignored(root)
    ignored = _IGNORED[root]
    for index in range(len(parts)):
        entry = "/".join(parts[:index + 1]) + ("/" if index < len(parts) - 1 else "")
        if entry in ignored or entry + "/" in ignored:
            return f"{entry} is ignored by git"
    return ""


def _image_exists(path: Path) -> bool:
    """Whether an image file is there (``name.*``, Sphinx's choice by format: any file of that name)."""
    if path.name.endswith(".*"):
        return any(candidate.is_file() for candidate in path.parent.glob(path.name))
    return path.is_file()


def _not_a_source_message(reason: str) -> str:
    return (f"is not a source of the repository ({reason}; git's and tools' folders, dot-files, outputs and "
            "files git ignores are never read)")


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
            elif reason := not_a_source(docdir / uri, root):
                problem = f"image {uri!r} {_not_a_source_message(reason)}"
            elif not _image_exists(docdir / uri):
                shown = Path(os.path.normpath(docdir / uri)).relative_to(root).as_posix()
                problem = (f"image {uri!r} not found: {shown} does not exist (an image path is relative to its "
                           "document)")
            if problem:
                logger.error(problem, location=image, type="std", subtype="image")
                alt = image.get("alt", "") or uri
                image.replace_self(nodes.inline(alt, f"[{alt}]", classes=["missing-image"]))
        for download in list(self.document.findall(addnodes.download_reference)):
            target = str(download.get("reftarget", ""))
            if not target or "://" in target:
                continue  # a link elsewhere: nothing is copied
            _, filename = self.env.relfn2path(target, self.env.docname)
            problem = _refusal(filename, root)
            if problem:
                logger.error("download %r %s", target, problem, location=download, type="std", subtype="download")
                download.replace_self(nodes.inline(download.astext(), download.astext()))


#: An include, also in a block quote or a list item (``> ```{include} …``, ``- ```{include} …``).
_INCLUDE = re.compile(r"^(?P<fence>(?:\s*(?:>|(?:[-*+]|\d{1,9}[.)])(?=\s)))*\s*(?:`{3,}|:{3,}))"
                      r"\{(?P<name>include|literalinclude)\}\s*(?P<path>\S.*?)\s*$")
_OPTION = re.compile(r"^[\s>]*:(?P<name>[\w-]+):")
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
    reason = not_a_source(path, root)
    if reason:
        return None, _not_a_source_message(reason)
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
                # once per place (a file included by several documents), not once per message: the place is
                # part of the arguments Sphinx compares, not of the text
                logger.error("%(problem)s", {"problem": problem, "at": f"{at}:{line}"}, location=f"{at}:{line}",
                             type="std", subtype="include", once=True)
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
    """``include-read``: refuse an included file that is not a source of the repository (whatever the
    syntax that led to it, see :func:`_refusal`), then apply the document's plan to its text (nested includes).
    """
    path = (Path(app.srcdir) / relative_path).resolve()
    root = repository_root(app.config)
    problem = _refusal(path, root)
    if problem:
        shown = os.path.relpath(path, root).replace(os.sep, "/")
        logger.error("include of %r %s", shown, problem, location=(app.env.current_document.docname, None),
                     type="std", subtype="include")
        content[0] = ""
        return
    plan = app.env.current_document.get("std_includes") or {}
    if path not in plan:
        return
    content[0] = _apply_plan(content[0], plan[path])


def _refusal(path: str | Path, root: Path) -> str:
    """Why a file may not be read into the output (``""``: it may): outside the repository, or not a source."""
    if not inside_repository(path, root):
        return "lies outside the repository"
    reason = not_a_source(path, root)
    return _not_a_source_message(reason) if reason else ""


class _Guard:
    """Directives that read a file check it first: an error at the directive's line, and nothing is read.

    The paths are the ones the directive itself resolves (an absolute path is taken from ``standards/``
    by Sphinx's directives): whatever Markdown syntax holds the directive, no file outside the sources
    is read. ``paths`` gives them, or raises ``ValueError`` with the reason to refuse.
    """

    def paths(self) -> list[tuple[str, Path]]:  # pragma: no cover - each guard defines it
        raise NotImplementedError

    def run(self):  # type: ignore[override]
        root = repository_root(self.state.document.settings.env.config)
        try:
            checks = self.paths()
        except ValueError as exc:
            problem, shown = str(exc), ""
        else:
            problem, shown = next(((_refusal(path, root), written) for written, path in checks
                                   if _refusal(path, root)), ("", ""))
        if not problem:
            return super().run()
        what = f"{self.name} {shown!r}" if shown else self.name
        source, line = self.state_machine.get_source_and_line(self.lineno)
        logger.error("%s %s", what, problem, location=f"{source}:{line}" if line else source, type="std",
                     subtype="include")
        return []

    def _source_dirs(self) -> list[Path]:
        """Where a relative ``:file:`` may be taken from: the folder of the current source and of the document."""
        env = self.state.document.settings.env
        current = self.state.document.current_source or self.state.document.get("source") or ""
        return list(dict.fromkeys([Path(os.path.abspath(current)).parent,
                                   Path(env.doc2path(env.current_document.docname)).parent]))

    def _file_option(self) -> list[tuple[str, Path]]:
        if "url" in self.options:
            raise ValueError(f"with :url: {self.options['url']!r}: nothing is fetched from the network (builds are "
                             "hermetic; put the file in the repository and give :file:)")
        written = self.options.get("file")
        if not written:
            return []
        env = self.state.document.settings.env
        found = [(written, folder / written) for folder in self._source_dirs()]
        if os.path.isabs(written):
            found += [(written, Path(written)), (written, Path(env.srcdir) / written.lstrip("/\\"))]
        return found


class GuardedInclude(_Guard, Include):
    """``include`` (reStructuredText, e.g. in ``{eval-rst}``; MyST's own is planned by :func:`plan_includes`)."""

    def paths(self) -> list[tuple[str, Path]]:
        argument = self.arguments[0]
        if argument.startswith("<") and argument.endswith(">"):
            raise ValueError(f"{argument!r}: standard-library includes are not allowed in drafts")
        return [(argument, Path(self.env.relfn2path(argument)[1]))]


class GuardedLiteralInclude(_Guard, LiteralInclude):
    """``literalinclude``: the file and a ``:diff:`` file."""

    def paths(self) -> list[tuple[str, Path]]:
        found = [(self.arguments[0], Path(self.env.relfn2path(self.arguments[0])[1]))]
        if self.options.get("diff"):
            found.append((self.options["diff"], Path(self.env.relfn2path(self.options["diff"])[1])))
        return found


class GuardedCSVTable(_Guard, CSVTable):
    """``csv-table`` with ``:file:`` or ``:url:``."""

    def paths(self) -> list[tuple[str, Path]]:
        return self._file_option()


class GuardedRaw(_Guard, Raw):
    """``raw`` with ``:file:`` or ``:url:`` (its text would be shown, see :class:`SanitizeDraft`)."""

    def paths(self) -> list[tuple[str, Path]]:
        return self._file_option()


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
    app.add_directive("include", GuardedInclude, override=True)
    app.add_directive("literalinclude", GuardedLiteralInclude, override=True)
    app.add_directive("csv-table", GuardedCSVTable, override=True)
    app.add_directive("raw", GuardedRaw, override=True)
    app.connect("source-read", check_source)
    app.connect("include-read", check_included)
    app.connect("config-inited", _default_root)
    app.connect("config-inited", _read_ignored)
    app.connect("config-inited", exclude_undecodable)


def _default_root(app, config) -> None:
    if not config.std_root:
        config.std_root = str(app.confdir)
