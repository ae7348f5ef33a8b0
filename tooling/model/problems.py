"""Build problems: what the build reports about a standard's files, kept in the environment.

Sphinx reports a problem of a document — a warning or error of docutils, MyST,
Sphinx or this extension: invalid metadata, a refused include or image, an
unknown directive option, a file that is not UTF-8 … — only while it reads that
document, so an incremental build that does not read it again would be silent
about it. Here every warning and error is kept as a :class:`Problem`:

- one logged while a document is read (or a file it includes) belongs to that
  document (``problems`` of the ``standard`` domain, dropped when the document is
  read again), and every build that does not read the document again reports it
  again (:func:`_report_again`);
- one logged outside reading (sources that are not UTF-8, the catalogue) or found
  by the checks of the whole project after reading — an ID used twice
  (:func:`check_labels`), a reference to a missing target (:func:`check_references`),
  a document of a table of contents without a heading (:func:`check_titles`), a folder
  of ``standards/`` without ``index.md`` (:func:`check_folders`), a file of a standard
  left out of its table of contents (:func:`check_toc`), two standards with the same
  designation (:func:`check_designations`) — is found afresh by every build (``build_problems``).

:func:`problem_findings` turns them into lint findings (code: the Sphinx type and
subtype of the message, ``std.include``, ``std.metadata``, ``myst.directive_unknown``,
or ``docutils`` for docutils' own; severity ``error`` for errors, ``warning`` for
warnings), so ``std lint``, ``std build`` and the publish gate see the same problems
on every run.

Messages that this extension replaces by a clearer one of its own are left out of
Sphinx's output and of the problems (:meth:`ProblemKeeper.replaced`): Sphinx's
"duplicate label" and docutils' "Duplicate explicit target name" (``std.duplicate-id``
names both places), MyST's "Malformed YAML" in a standard's ``index.md``
(``std.metadata`` gives the line), Sphinx's "doesn't have a title", repeated for every
page (``std.no-title``, once), the missing-reference warnings of the write phase for a
target ``std.missing-target`` reports, and "isn't included in any toctree" for the files
of a folder without ``index.md`` (``std.no-index``) and for a file of a standard left out
of its table of contents (``std.not-in-toc``, reported by every build, not only the ones
that read something).
"""

from __future__ import annotations

import logging as std_logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.logging import NAMESPACE, WarningStreamHandler, is_suppressed_warning

from .domain import standard_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..lint.context import Finding

logger = logging.getLogger(__name__)

__all__ = ["DUPLICATE_DESIGNATION", "DUPLICATE_ID", "NOT_IN_TOC", "Problem", "ProblemKeeper", "check_designations",
           "check_folders", "check_labels", "check_references", "check_titles", "check_toc", "labels_of",
           "no_index_message", "node_place", "problem_findings", "references_of", "setup"]

#: What each kind of build problem is, in Chinese: the ``message_zh`` of its lint finding (the
#: message itself comes from Sphinx, MyST, docutils or this extension, in English).
_KINDS_ZH = {
    "std.metadata": "元数据无效", "std.include": "包含的文件被拒绝", "std.image": "图片文件有问题",
    "std.download": "链接的文件被拒绝", "std.encoding": "文件不是UTF-8编码", "std.duplicate-id": "标识符重复使用",
    "std.missing-target": "引用的目标不存在", "std.no-index": "标准文件夹缺少index.md", "std.not-in-toc": "文件未列入目次",
    "std.no-title": "文件没有标题", "std.duplicate-designation": "标准编号重复", "std.citation": "无法识别的引用",
    "std.front-matter": "条款文件的元数据字段无效", "std.po": "翻译目录有问题", "toc.not_readable": "目次中的文件不存在",
    "myst.header": "标题层级跳级",
}


def problem_message_zh(code: str) -> str:
    """The Chinese name of a build problem's kind (``std.metadata`` → 元数据无效), for ``message_zh``."""
    return _KINDS_ZH.get(code) or ("MyST报告的问题" if code.startswith("myst.") else "构建报告的问题")


#: The code of an ID used twice (:func:`check_labels`).
DUPLICATE_ID = "std.duplicate-id"
#: The code of a file of a standard that is not in its table of contents (:func:`check_toc`).
NOT_IN_TOC = "std.not-in-toc"
#: The code of a designation two standards have (:func:`check_designations`).
DUPLICATE_DESIGNATION = "std.duplicate-designation"
#: The document this process is reading (stamped on every log record, see :func:`_stamp_records`).
_reading: str | None = None
_LEVELS = {"error": std_logging.ERROR, "warning": std_logging.WARNING}
#: Sphinx warnings that are errors for a standard: a toctree entry whose file does not exist
#: leaves a clause out of every output, so it stops publication like a refused include.
_ERRORS_OF_STANDARDS = {("toc", "not_readable")}
_TARGET_IN_MESSAGE = re.compile(r"(?:target not found|undefined label): '([^']*)'")
#: The messages of this extension's roles that docutils reports, and the ``(type, subtype)`` they get: the
#: ``{cite}`` role (:class:`tooling.directives.elements.CiteRole`) on a text it cannot read as a citation.
@dataclass(frozen=True)
class Problem:
    """One warning or error of the build.

    Attributes:
        level: ``error`` or ``warning``.
        message: the message, without location.
        file: the file concerned (absolute path; a folder for ``std.no-index``).
        line: 1-based line, or ``None``.
        type, subtype: the Sphinx warning type and subtype (``std``, ``include``).
        docname: the document being read when it was reported (``None``: found after reading).
    """

    level: str
    message: str
    file: str
    line: int | None = None
    type: str = "std"
    subtype: str = ""
    docname: str | None = None

    @property
    def code(self) -> str:
        """The lint code: ``type.subtype``, ``type`` without a subtype, ``build`` without either."""
        if self.type and self.subtype:
            return f"{self.type}.{self.subtype}"
        return self.type or "build"

    def log(self) -> None:
        """Report through Sphinx's logger, as a problem already kept (it is not kept a second time)."""
        location = f"{self.file}:{self.line}" if self.line else None
        message = self.message if self.line or not self.file or Path(self.file).is_dir() else \
            f"{self.file}: {self.message}"
        logger.log(_LEVELS[self.level], "%s", message, location=location, type=self.type or None,
                   subtype=self.subtype or None, extra={"std_problem": True})


def no_index_message(folder: str) -> str:
    """What is wrong with a folder of ``standards/`` that has no ``index.md`` (``folder``: its path as shown)."""
    return f"{folder.rstrip('/')}/ has no index.md (every standard needs one with its metadata)"


def node_place(node: nodes.Node) -> tuple[str, int | None]:
    """The file and line of ``node`` (its own, else its nearest ancestor's or first descendant's)."""
    source, line = get_source_line(node)
    if line is None and isinstance(node, nodes.Element):
        for child in node.findall(nodes.Element):
            if child.line:
                source, line = child.source or source, child.line
                break
    return str(source or ""), line


# -- keeping what is logged -----------------------------------------------------------------------------------------

def _stamp_records() -> None:
    """Stamp every log record with the document this process is reading (``std_docname``).

    A record logged in a parallel reader process reaches the main process after the
    document was read; the stamp travels with it. Installed once per process.
    """
    previous = std_logging.getLogRecordFactory()
    if getattr(previous, "std_stamps", False):
        return

    def factory(*args: Any, **kwargs: Any) -> std_logging.LogRecord:
        record = previous(*args, **kwargs)
        record.std_docname = _reading
        return record

    factory.std_stamps = True  # type: ignore[attr-defined]
    std_logging.setLogRecordFactory(factory)


class ProblemKeeper(std_logging.Handler):
    """A handler on Sphinx's logger that keeps every warning and error as a :class:`Problem`.

    Lint findings (``stdlint``, kept by the lint engine), suppressed warnings
    (``suppress_warnings``) and replaced messages are not kept. Problems logged
    while a document is read go to ``problems[docname]`` of the ``standard``
    domain; the others to :attr:`general` until the environment is saved.
    """

    def __init__(self, app: Sphinx) -> None:
        super().__init__(std_logging.WARNING)
        self.app = app
        self.general: list[Problem] = []
        self.closed = False  # the environment is saved: later messages are not kept
        self.read: set[str] = set()  # the documents read by this build
        self.missing_targets: set[tuple[str, str]] = set()  # (file, target) reported by check_references
        self.no_index: set[str] = set()  # folders without index.md (paths)
        self.not_in_toc: set[str] = set()  # files of a standard outside its table of contents (paths)

    def emit(self, record: std_logging.LogRecord) -> None:
        if getattr(record, "std_kept", False) or getattr(record, "std_problem", False):
            return
        record.std_kept = True  # a record is handled again when Sphinx flushes its pending warnings
        kind, subtype = getattr(record, "type", "") or "", getattr(record, "subtype", "") or ""
        if kind == "stdlint" or self.replaced(record):
            return
        config = getattr(self.app, "config", None)
        if is_suppressed_warning(kind, subtype, getattr(config, "suppress_warnings", ()) or ()):
            return
        file, line = self._where(record)
        if not file:
            return  # not about a file of the project (configuration, builder)
        docname = getattr(record, "std_docname", None)
        message = std_logging.LogRecord.getMessage(record).strip()
        suffix = f" [{kind}.{subtype}]" if subtype else f" [{kind}]"
        message = message[:-len(suffix)] if kind and message.endswith(suffix) else message  # Sphinx's type shown
        error = record.levelno >= std_logging.ERROR or (kind, subtype) in _ERRORS_OF_STANDARDS
        problem = Problem("error" if error else "warning", message, file, line, kind, subtype, docname)
        env = getattr(self.app, "env", None)
        if docname and env is not None:
            env.domains["standard"].data["problems"].setdefault(docname, []).append(problem)
        elif not self.closed:
            self.general.append(problem)

    def _where(self, record: std_logging.LogRecord) -> tuple[str, int | None]:
        """The file and line of a record's ``location`` (a ``(docname, line)``, a node or ``path:line``)."""
        location = getattr(record, "location", None)
        env = getattr(self.app, "env", None)
        if isinstance(location, tuple):
            docname, line = location
            return (str(env.doc2path(docname)), line or None) if docname and env is not None else ("", None)
        if isinstance(location, nodes.Node):
            return node_place(location)
        if not location:
            return "", None
        location = str(location)
        if ":" not in location:
            return (str(env.doc2path(location)), None) if env is not None else ("", None)
        path, _, line = location.rpartition(":")
        if not line.isdigit():
            path, line = location.rstrip(":"), ""
        return path, int(line) if line else None

    def replaced(self, record: std_logging.LogRecord) -> bool:
        """Whether a message is one this extension reports more clearly itself (see the module docstring)."""
        kind, subtype = getattr(record, "type", "") or "", getattr(record, "subtype", "") or ""
        message = std_logging.LogRecord.getMessage(record)
        if message.startswith(("duplicate label ", "Duplicate explicit target name")):
            return True
        file, _ = self._where(record)
        srcdir = Path(self.app.srcdir)
        folder = _standard_folder(srcdir, file)
        if (kind, subtype) == ("myst", "topmatter"):
            return folder is not None and Path(file).name == "index.md" and (srcdir / folder / "index.md").is_file()
        if (kind, subtype) == ("toc", "no_title"):
            return folder is not None
        if (kind, subtype) == ("toc", "not_included"):
            return folder is not None and (str(srcdir / folder) in self.no_index or file in self.not_in_toc)
        if (kind, subtype) in (("myst", "xref_missing"), ("ref", "ref"), ("ref", "numref")):
            match = _TARGET_IN_MESSAGE.search(message)
            return bool(match) and (file, match.group(1).lstrip("#")) in self.missing_targets
        return False


class _DropReplaced(std_logging.Filter):
    """Keeps the messages :meth:`ProblemKeeper.replaced` names out of Sphinx's output."""

    def __init__(self, keeper: ProblemKeeper) -> None:
        super().__init__()
        self.keeper = keeper

    def filter(self, record: std_logging.LogRecord) -> bool:
        return getattr(record, "std_problem", False) or not self.keeper.replaced(record)


def keeper_of(app: Sphinx) -> ProblemKeeper:
    """The :class:`ProblemKeeper` of ``app``."""
    return app._std_problem_keeper  # type: ignore[attr-defined]


def report(app: Sphinx, problem: Problem) -> None:
    """Report a problem found after reading (a check of the whole project) and keep it for this build."""
    problem.log()
    keeper = keeper_of(app)
    if not keeper.closed:
        keeper.general.append(problem)


def _standard_folder(srcdir: Path, file: str) -> str | None:
    """The first folder of ``file`` below ``srcdir`` (a standard's slug), or ``None``."""
    try:
        parts = Path(file).resolve().relative_to(srcdir.resolve()).parts
    except (ValueError, OSError):
        return None
    return parts[0] if len(parts) > 1 else None


def _shown(app: Sphinx, file: str) -> str:
    """``file`` relative to the repository root, for messages."""
    try:
        return Path(file).resolve().relative_to(Path(app.srcdir).resolve().parent).as_posix()
    except ValueError:
        return file


# -- the build's events ---------------------------------------------------------------------------------------------

def _start(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: remember which documents this build reads."""
    keeper_of(app).read = set(docnames)


def _now_reading(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: records logged from now on belong to ``docname``."""
    global _reading
    _reading = docname


def _report_again(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: reading is over; report again the problems of the documents not read this time."""
    global _reading
    _reading = None
    keeper = keeper_of(app)
    problems = env.domains["standard"].data["problems"]
    for docname in sorted(problems):
        if docname in keeper.read or docname not in env.found_docs:
            continue
        for problem in problems[docname]:
            problem.log()


def _keep(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``, last: the problems found outside reading are this build's ``build_problems``."""
    keeper = keeper_of(app)
    env.domains["standard"].data["build_problems"] = list(keeper.general)
    keeper.closed = True
    return []


# -- the checks of the whole project --------------------------------------------------------------------------------

def check_folders(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every folder of ``standards/`` that holds documents has an ``index.md``."""
    keeper = keeper_of(app)
    folders = sorted({doc.split("/", 1)[0] for doc in env.found_docs if "/" in doc} - {
        doc.split("/", 1)[0] for doc in env.found_docs if doc.endswith("/index") and doc.count("/") == 1})
    srcdir = Path(app.srcdir)
    keeper.no_index = {str(srcdir / folder) for folder in folders}
    for folder in folders:
        report(app, Problem("error", no_index_message(_shown(app, str(srcdir / folder))), str(srcdir / folder),
                            None, "std", "no-index"))
    return []


def check_toc(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated`` (after numbering): every document of a standard is in its table of contents.

    A document under ``standards/<slug>/`` that the toctrees of ``<slug>/index.md`` do not
    reach is in neither the standard's pages nor its PDF: a warning at the file. Not
    reported: files an ``{include}`` reads (Sphinx's ``env.included``, kept per including
    document) and pages marked ``orphan`` in their front matter.
    """
    keeper = keeper_of(app)
    keeper.not_in_toc = set()
    domain = env.domains["standard"]
    included = set().union(*env.included.values()) if env.included else set()
    for docname in sorted(env.found_docs):
        slug = standard_of(env, docname)
        if slug is None or docname == f"{slug}/index" or docname in included or \
                docname in domain.data["order"].get(slug, []) or "orphan" in env.metadata.get(docname, {}):
            continue
        file = str(env.doc2path(docname))
        keeper.not_in_toc.add(file)
        index = _shown(app, str(env.doc2path(f"{slug}/index")))
        report(app, Problem("warning", f"{_shown(app, file)} is not in the table of contents of {index}: add it to "
                                       "the toctree or remove it", file, 1, *NOT_IN_TOC.split("."), docname))
    return []


def check_designations(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: no two standards have the same designation.

    Citations find a standard by its designation (:func:`tooling.xref.citations.resolve`,
    ``std refs --graph``, the inventory): of two standards with the same one, a citation
    silently means one of them. An error at each ``index.md``'s ``designation`` line names
    the other folders. Two editions (``GB/T 8170—2008``, ``GB/T 8170—2019``) are different
    designations. Drafts with a placeholder number (``GB/T XXXXX—XXXX``) or without a year
    (``ISO/IEC DIS 18974``, e.g. a draft imported twice, once per language) are common before
    publication: several of them are an error only once one is cited (a citation cannot tell
    them apart), and the message names the first citation.
    """
    domain = env.domains["standard"]
    groups: dict[tuple, list[tuple[str, str, Any]]] = {}
    for slug, entry in sorted(domain.standards.items()):
        meta = entry["metadata"]
        if meta is None:
            continue
        designation = meta.designation
        group = (designation.key,) if designation.is_placeholder else (designation.key, designation.year)
        groups.setdefault(group, []).append((slug, entry["docname"], meta))
    cited: dict[str, Any] = {}  # year-less key → its first citation
    for citing_doc, citations in sorted(domain.data["citations"].items()):
        for citation in citations:
            cited.setdefault(citation.key, (citing_doc, citation))
    for group, members in groups.items():
        draft = members[0][2].designation.is_placeholder or not members[0][2].designation.year
        if len(members) < 2 or (draft and group[0] not in cited):
            continue
        for slug, docname, meta in members:
            others = [f"standards/{other}/" for other, _, _ in members if other != slug]
            shown = meta.designation.format()
            if draft:
                citing_doc, citation = cited[group[0]]
                where = Path(env.doc2path(citing_doc)).relative_to(Path(app.confdir))
                why = (f"it is cited at {where}:{citation.line}, and a citation cannot tell these "
                       "drafts apart: give each draft a designation of its own (a placeholder with a part number, "
                       "or a translation as a catalog of one standard rather than a second folder)")
            else:
                why = "citations of it resolve to only one of them: each standard needs its own designation"
            report(app, Problem("error", f"duplicate designation {shown!r}: {', '.join(others)} "
                                         f"{'has' if len(others) == 1 else 'have'} it too ({why})",
                                str(env.doc2path(docname)), meta.lines.get(("designation",)),
                                *DUPLICATE_DESIGNATION.split("."), docname))
    return []


def check_labels(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: an ID (a label) names one element of its standard.

    Each later use of an ID is an error located there that names both places.
    """
    domain = env.domains["standard"]
    order = [doc for slug in sorted(domain.data["order"]) for doc in domain.data["order"][slug]]
    docnames = list(dict.fromkeys([*order, *sorted(domain.data["labels"])]))
    places: dict[str, list[tuple[str, int | None, str]]] = {}
    for docname in docnames:
        for name, file, line in domain.data["labels"].get(docname, []):
            if (file, line) not in [(f, ln) for f, ln, _ in places.get(name, [])]:
                places.setdefault(name, []).append((file, line, docname))
    for name, where in places.items():
        first_file, first_line, _ = where[0]
        shown = name.split(":", 1)[1] if ":" in name else name
        for file, line, docname in where[1:]:
            report(app, Problem(
                "error", f"duplicate ID {shown!r}: used at {_shown(app, first_file)}:{first_line or 0} and "
                         f"{_shown(app, file)}:{line or 0} (an ID names one element: references to it cannot "
                         f"tell which)", file, line, *DUPLICATE_ID.split(".")))
    return []


def check_references(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every reference of a standard to an ID (``[](#id)``, ``{ref}``, ``{numref}``,
    ``{eq}``) has a target: an element of the standard (or of another, ``slug:id``) or a label of the project.

    A reference without one is an error at its place; references to documents are Sphinx's business.
    """
    domain = env.domains["standard"]
    std = env.domains["std"]
    equations = env.domaindata.get("math", {}).get("objects", {})
    keeper = keeper_of(app)
    keeper.missing_targets = set()
    for docname in sorted(domain.data["references"]):
        slug = standard_of(env, docname)
        if slug is None:
            continue
        for target, file, line in domain.data["references"][docname]:
            key = target if ":" in target else f"{slug}:{target}"
            if any(name in store for name in (key, target)
                   for store in (domain.numbers, std.anonlabels, equations)):
                continue
            keeper.missing_targets.add((file, target))
            report(app, Problem("error", f"reference to a missing target {target!r}: no element of {slug} has "
                                         "this ID", file, line, "std", "missing-target", docname))
    return []


def references_of(document: nodes.document) -> list[tuple[str, str, int | None]]:
    """The references to IDs in a document: ``(target, file, line)`` (see :func:`check_references`)."""
    found = []
    for node in document.findall(addnodes.pending_xref):
        domain, kind = node.get("refdomain") or "", node.get("reftype", "")
        if not ((domain in ("", "std") and kind in ("myst", "ref", "numref")) or (domain, kind) == ("math", "eq")):
            continue
        target = str(node.get("reftarget", "")).lstrip("#")
        if not target or node.get("reflocalid") or (kind == "myst" and ("/" in target or "#" in target
                                                                          or target.endswith(".md"))):
            continue  # a document, or an anchor MyST found in the document itself
        file, line = node_place(node)
        found.append((target, file, line))
    return found


def labels_of(document: nodes.document, slug: str | None) -> list[tuple[str, str, int | None]]:
    """The IDs a document defines, ``(name, file, line)``, names as the standard's (``slug:id``).

    Includes IDs docutils set aside as duplicates within the document, and formula labels.
    """
    found = []
    for node in document.findall(nodes.Element):
        if isinstance(node, (nodes.footnote, nodes.citation)) or node.get("refuri"):
            continue  # footnote labels and hyperlink targets are not IDs
        names = [n for n in (*node.get("names", ()), *node.get("dupnames", ())) if document.nametypes.get(n)]
        if isinstance(node, nodes.math_block) and node.get("label"):
            names.append(node["label"])
        for name in names:
            full = name if ":" in name or not slug else f"{slug}:{name}"
            file, line = node_place(node)
            found.append((full, file, line))
    return found


def check_titles(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every document of a standard's table of contents has a heading.

    A document without one (empty, or only front matter) has no title and no entry in
    the table of contents; reported once, at its first line. Files that are only
    included elsewhere are not in the table of contents and not checked.
    """
    domain = env.domains["standard"]
    for slug in sorted(domain.data["order"]):
        for docname in domain.data["order"][slug]:
            if docname == f"{slug}/index" or docname not in env.found_docs:
                continue
            if not any(item.kind == "clause" for item in domain.outline.get(docname, [])):
                report(app, Problem("warning", "no title: a document needs a heading (# Title) to be a clause of "
                                               "the standard", str(env.doc2path(docname)), 1, "std", "no-title",
                                    docname))
    return []


class CheckDocument(SphinxTransform):
    """Collect the IDs a document defines and refers to (for :func:`check_labels` and
    :func:`check_references`), and report a heading of seven or more ``#`` in a standard's
    document: Markdown has six levels, so the line silently became a paragraph.
    """

    default_priority = 881  # after MyST made [](#id) references pending cross-references (879)

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.current_document.docname
        slug = standard_of(env, docname)
        env.domains["standard"].note_ids(docname, labels_of(self.document, slug), references_of(self.document))
        if slug is None:
            return
        for paragraph in self.document.findall(nodes.paragraph):
            text = paragraph.astext()
            match = re.match(r"(#{7,})\s", text)
            if match:
                logger.warning("%d levels of heading (%s): Markdown has six, so this line is a paragraph",
                               len(match.group(1)), match.group(1), location=paragraph, type="std",
                               subtype="heading-level")


def problem_findings(env: BuildEnvironment) -> list[Finding]:
    """Every problem the environment keeps, once each, as a lint finding (see the module docstring).

    The finding's standard is the standard of the document being read, else the
    folder of ``standards/`` the file lies in (``None`` outside the standards).
    """
    from ..lint.context import Finding

    domain = env.domains["standard"]
    srcdir = Path(env.srcdir)
    kept = [p for docname in sorted(domain.data["problems"]) if docname in env.found_docs
            for p in domain.data["problems"][docname]]
    result: list[Finding] = []
    seen: set[tuple] = set()
    for problem in [*kept, *domain.data.get("build_problems", [])]:
        key = (problem.code, problem.file, problem.line, problem.message)
        if key in seen:
            continue
        seen.add(key)
        standard = (standard_of(env, problem.docname) if problem.docname else None) or \
            _standard_folder(srcdir, problem.file)
        result.append(Finding(problem.code, problem.level, problem.message, problem_message_zh(problem.code),
                              problem.file, problem.line, None, problem.docname or "", standard, problem.message))
    return result


def setup(app: Sphinx) -> None:
    _stamp_records()
    keeper = ProblemKeeper(app)
    app._std_problem_keeper = keeper  # type: ignore[attr-defined]
    sphinx_logger = std_logging.getLogger(NAMESPACE)
    sphinx_logger.addHandler(keeper)
    for handler in sphinx_logger.handlers:
        if isinstance(handler, WarningStreamHandler):
            handler.filters.insert(0, _DropReplaced(keeper))
    app.add_transform(CheckDocument)
    app.connect("env-before-read-docs", _start)
    app.connect("source-read", _now_reading, priority=1)
    app.connect("env-updated", _report_again)
    app.connect("env-get-updated", check_folders, priority=750)
    app.connect("env-get-updated", check_labels, priority=750)
    app.connect("env-get-updated", check_references, priority=750)
    app.connect("env-get-updated", check_titles, priority=750)
    app.connect("env-get-updated", check_toc, priority=750)
    app.connect("env-get-updated", check_designations, priority=750)
    app.connect("env-get-updated", _keep, priority=990)
