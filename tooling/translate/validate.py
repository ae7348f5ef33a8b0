"""Validation of translation catalogs: strict PO syntax, and the markup each translation must keep.

Every catalog (``standards/<slug>/locales/<lang>/LC_MESSAGES/<slug>.po``) is checked
before a translated build uses it, by ``std translate status`` and by ``std publish``
(:func:`check_catalog`). Two kinds of problem are found, each with the catalog's line:

- **The file** (``Problem.fatal``): not UTF-8, a header that declares another charset,
  an empty file, broken PO syntax (a string that is not closed or not quoted, a
  keyword out of place, a ``msgid`` without ``msgstr``, a merge-conflict marker, a
  message defined twice). The catalog is not used at all: the edition shows the
  master text, as if it had no translation.
- **One message** (:func:`compare_markup`): a translated, non-fuzzy ``msgstr`` that does
  not keep the MyST/Sphinx markup of its ``msgid`` — roles (``{cite}``, ``{term}``,
  ``{numref}``, ``{math}`` …), the documents and places cited (designations compared as
  the BL lint rules compare them, :func:`tooling.lint.bilingual.references_in`), the
  targets of references (``[](#id)``, ``[text](#id)``, reference roles), inline IDs
  (``[text]{#id}``), inline code, formulas (``$…$``), footnote references (``[^1]``),
  placeholders (``{0}``, ``{name}``, ``%s``, ``%(name)s``) and substitutions
  (``{{ name }}``), and no block markup of its own (a blank line, a list item, a
  heading, a directive fence), which Sphinx would cut or ignore. An escape sequence
  the PO format does not have (``\\m`` for a backslash) is a problem of its message
  too. Such a message is treated as untranslated: the build shows its master text.

Nothing here raises for a bad catalog; problems are returned as :class:`Problem`.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CatalogCheck", "Problem", "check_bytes", "check_catalog", "compare_markup", "load_catalog"]


@dataclass(frozen=True)
class Problem:
    """One problem of a catalog.

    Attributes:
        path: the PO file.
        line: its line (1-based; 1 for a problem of the whole file).
        message: what is wrong and what to do, in English.
        fatal: the whole catalog is unusable (``True``) or only one message is (``False``).
        msgid: the master text of the message concerned (``None`` for a problem of the file).
    """

    path: Path
    line: int
    message: str
    fatal: bool
    msgid: str | None = None

    def location(self, root: Path | None = None) -> str:
        """``standards/…/<slug>.po:LINE`` (relative to ``root`` when the file is under it)."""
        path = self.path
        if root is not None:
            try:
                path = path.resolve().relative_to(Path(root).resolve())
            except ValueError:
                pass
        return f"{path.as_posix()}:{self.line}"

    def to_json(self, root: Path | None = None) -> dict:
        """``{"file", "line", "message", "scope"}`` (scope: ``catalog`` for the whole file, or ``message``)."""
        return {"file": self.location(root).rsplit(":", 1)[0], "line": self.line, "message": self.message,
                "scope": "catalog" if self.fatal else "message"}


@dataclass
class _Entry:
    """One entry of a PO file as written (strings decoded), with the lines of its parts."""

    line: int  # the msgid keyword's line (or msgctxt's)
    obsolete: bool
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_line: int = 0
    plural: bool = False
    msgstr: dict[int, str] = field(default_factory=dict)
    msgstr_line: int = 0  # the (first) msgstr keyword's line
    msgstr_end: int = 0  # the last line of the msgstr strings
    bad_escapes: list[tuple[int, str]] = field(default_factory=list)
    damaged: bool = False  # a line of it is wrong (reported): what is missing after it is no news


@dataclass
class CatalogCheck:
    """The outcome of :func:`check_catalog`.

    Attributes:
        path: the PO file.
        problems: every problem, in the file's order.
        rejected: ``(msgctxt, msgid)`` of the messages not to apply (their ``msgstr`` has a problem).
        text: the decoded file (``None`` when it is not UTF-8).
    """

    path: Path
    problems: list[Problem] = field(default_factory=list)
    rejected: set[tuple[str | None, str]] = field(default_factory=set)
    text: str | None = None
    _blank: list[tuple[int, int]] = field(default_factory=list)  # msgstr line ranges of the rejected messages
    _bom: bool = False

    @property
    def usable(self) -> bool:
        """Whether the catalog can be used at all (no problem of the whole file)."""
        return self.text is not None and not any(p.fatal for p in self.problems)

    @property
    def empty(self) -> bool:
        """The file holds nothing but white space and comments (``std translate update`` fills it)."""
        return self.text is not None and all(not line.strip() or line.lstrip().startswith("#")
                                             for line in self.text.splitlines())

    def build_bytes(self, as_written: bool = False) -> bytes | None:
        """The catalog as a build should compile it: the file, with the ``msgstr`` of every rejected
        message emptied (so it stays untranslated) and no byte-order mark; ``None`` when it is unusable.
        ``as_written``: keep the rejected messages' translations (for the BL lint rules, which
        report what the translation says against the master)."""
        if not self.usable:
            return None
        assert self.text is not None
        blank = [] if as_written else self._blank
        if not blank and not self._bom:
            return self.path.read_bytes()
        lines = self.text.splitlines(keepends=True)
        for start, end in sorted(blank, reverse=True):
            ending = "\r\n" if lines[start - 1].endswith("\r\n") else "\n"
            lines[start - 1:end] = [f'msgstr ""{ending}']
        return "".join(lines).encode("utf-8")


# -- reading ------------------------------------------------------------------------------------------------------

_KEYWORD = re.compile(r"(?P<kw>msgctxt|msgid_plural|msgid|msgstr(?:\[(?P<n>\d+)\])?)(?=\s|\"|$)\s*(?P<rest>.*)$")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7})(?:\s|$)")
_CHARSET = re.compile(r"charset\s*=\s*([\w.:-]+)", re.I)
_UTF8 = {"utf-8", "utf8", "ascii", "us-ascii", "charset"}  # "CHARSET": the placeholder of a fresh template
_MAX_SYNTAX = 10  # syntax problems reported per file; more say only how many there are


def _string(token: str) -> tuple[str | None, str, list[str]]:
    """A quoted PO string: (its value or ``None``, what is wrong, the escape sequences babel does not know)."""
    if not token.startswith('"'):
        shown = token if len(token) <= 40 else token[:39] + "…"
        return None, f"expected a quoted string, found {shown!r} (write it as \"…\")", []
    out, unknown, i = [], [], 1
    while i < len(token):
        char = token[i]
        if char == "\\":
            if i + 1 >= len(token):
                break
            follower = token[i + 1]
            if follower in _ESCAPES:
                out.append(_ESCAPES[follower])
            else:
                out.append("\\" + follower)  # babel keeps an unknown escape as it is
                unknown.append("\\" + follower)
            i += 2
            continue
        if char == '"':
            rest = token[i + 1:].strip()
            if rest:
                shown = rest if len(rest) <= 40 else rest[:39] + "…"
                return None, (f"text after the closing quote: {shown!r} (a quote inside a string is written \\\")"), []
            return "".join(out), "", unknown
        out.append(char)
        i += 1
    return None, "the string is not closed: the line must end with a double quote (\")", []


def _parse(text: str) -> tuple[list[_Entry], list[tuple[int, str]]]:
    """The entries of a PO file and its syntax errors ``(line, message)`` (gettext's rules, as msgfmt checks them)."""
    entries: list[_Entry] = []
    errors: list[tuple[int, str]] = []
    current: _Entry | None = None
    target: tuple[str, int] | None = None  # the field continuation strings append to: (kind, plural index)
    flags: set[str] = set()

    def finish() -> None:
        nonlocal current, target
        if current is not None:
            if current.msgid is None:
                errors.append((current.line, "msgctxt without msgid"))
            elif not current.msgstr and not current.damaged:
                errors.append((current.msgid_line, "msgid without msgstr (every message needs a msgstr line, "
                                                   "msgstr \"\" when it is not translated)"))
            else:
                entries.append(current)
        current, target = None, None

    def error(number: int, message: str) -> None:
        errors.append((number, message))
        if current is not None:
            current.damaged = True

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        obsolete = False
        if line.startswith("#~"):
            line = line[2:].lstrip()
            obsolete = True
            if not line or line.startswith(("|", "#")):
                continue
        elif line.startswith("#"):
            if current is not None and current.msgstr:
                finish()
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if _CONFLICT.match(line):
            error(number, "a merge-conflict marker: resolve the conflict and remove the marker lines")
            continue
        if line.startswith('"'):
            value, problem, unknown = _string(line)
            if problem:
                error(number, problem)
            elif current is None or target is None:
                error(number, "a string outside a message: a continuation line must follow a msgid, "
                              "msgstr or msgctxt line")
            else:
                _append(current, target, value or "", number, unknown)
            continue
        m = _KEYWORD.match(line)
        if not m:
            word = line.split()[0]
            error(number, f"unknown keyword {word!r} (expected msgid, msgstr, msgctxt, a quoted string "
                          "or a # comment)")
            continue
        keyword, rest = m["kw"], m["rest"]
        value, problem, unknown = _string(rest) if rest else (None, f"{keyword} must be followed by a quoted string", [])
        if keyword == "msgctxt" or (keyword == "msgid" and not (current is not None and current.msgid is None
                                                                and current.msgctxt is not None)):
            finish()
            current = _Entry(line=number, obsolete=obsolete, flags=flags)
            flags = set()
        if problem:
            error(number, f"{keyword}: {problem}")
            value = ""  # keep the structure going, so one bad line gives one error
        if current is None:
            error(number, f"{keyword} before any msgid")
            continue
        if keyword == "msgctxt":
            current.msgctxt = value
            target = ("msgctxt", 0)
        elif keyword == "msgid":
            current.msgid, current.msgid_line = value, number
            target = ("msgid", 0)
        elif keyword == "msgid_plural":
            if current.msgid is None or current.msgstr or current.plural:
                error(number, "msgid_plural out of place (it follows the msgid of its message)")
            current.plural = True
            target = ("plural", 0)
        else:
            index = int(m["n"]) if m["n"] is not None else None
            if current.msgid is None:
                error(number, "msgstr without msgid")
                continue
            if index is None and current.plural:
                error(number, "msgstr in a plural message: write msgstr[0], msgstr[1] …")
            elif index is not None and not current.plural:
                error(number, f"msgstr[{index}] in a message without msgid_plural: write msgstr")
            key = index or 0
            if key in current.msgstr:
                error(number, "a second msgstr for the same msgid: a message has one msgstr; "
                              "continue a long string on the next line as \"…\"")
                continue
            if key != len(current.msgstr):
                error(number, f"msgstr[{key}] out of order (expected msgstr[{len(current.msgstr)}])")
            current.msgstr[key] = value or ""
            if not current.msgstr_line:
                current.msgstr_line = number
            current.msgstr_end = number
            target = ("msgstr", key)
        if unknown and value is not None:
            current.bad_escapes += [(number, u) for u in unknown]
    finish()
    seen: dict[tuple[bool, str | None, str], int] = {}
    for entry in entries:
        key = (entry.obsolete, entry.msgctxt, entry.msgid or "")
        if key in seen and not entry.obsolete:
            errors.append((entry.msgid_line, f"this msgid is already defined at line {seen[key]}: "
                                             "remove one of the two messages"))
        seen.setdefault(key, entry.msgid_line)
    first: dict[int, str] = {}
    for line, message in errors:  # one error per line: the first says what is wrong there
        first.setdefault(line, message)
    return entries, sorted(first.items())


def _append(entry: _Entry, target: tuple[str, int], value: str, number: int, unknown: list[str]) -> None:
    kind, index = target
    if kind == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + value
    elif kind == "msgid":
        entry.msgid = (entry.msgid or "") + value
    elif kind == "msgstr":
        entry.msgstr[index] = entry.msgstr.get(index, "") + value
        entry.msgstr_end = number
    entry.bad_escapes += [(number, u) for u in unknown]


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_bytes(data: bytes, path: Path) -> CatalogCheck:
    """Check a catalog's content (``path`` names it in the problems).

    Returns:
        A :class:`CatalogCheck`; never raises for bad content.
    """
    check = CatalogCheck(Path(path))
    path = check.path
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        check.problems.append(Problem(path, line, (
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} cannot be decoded): save it as UTF-8 and declare "
            "charset=UTF-8 in its header; the catalog is not used until then"), True))
        return check
    if text.startswith("\ufeff"):
        text, check._bom = text[1:], True
    check.text = text
    if check.empty:
        check.problems.append(Problem(path, 1, (
            "the catalog is empty (no header, no message): run `std translate update` to fill it with the "
            "master's messages"), True))
        return check
    entries, errors = _parse(text)
    for line, message in errors[:_MAX_SYNTAX]:
        check.problems.append(Problem(path, line, (
            f"PO syntax error: {message}; the catalog is not used until this is corrected (the edition shows the "
            "master text)"), True))
    if len(errors) > _MAX_SYNTAX:
        check.problems.append(Problem(path, errors[_MAX_SYNTAX][0], (
            f"{len(errors) - _MAX_SYNTAX} more PO syntax error(s) from this line on"), True))
    header = next((e for e in entries if e.msgid == "" and e.msgctxt is None and not e.obsolete), None)
    if header is not None:
        declared = _CHARSET.search(header.msgstr.get(0, ""))
        if declared and declared.group(1).lower() not in _UTF8:
            lines = text.splitlines()
            line = next((n for n in range(header.msgstr_line, header.msgstr_end + 1)
                         if _CHARSET.search(lines[n - 1])), header.msgstr_line)
            check.problems.append(Problem(path, line, (
                f"the header declares charset={declared.group(1)}, but catalogs are read as UTF-8: save the file "
                "as UTF-8 and declare charset=UTF-8; the catalog is not used until then"), True))
    if not errors:
        _babel_check(check, text)
    for entry in [] if errors else entries:  # a file with broken syntax: its messages are not trustworthy
        if entry.obsolete or not entry.msgid:
            continue
        key = (entry.msgctxt, entry.msgid)
        problem = ""
        if entry.bad_escapes:
            line, sequence = entry.bad_escapes[0]
            problem = (f"unknown escape sequence {sequence} at line {line} (PO strings know \\n, \\t, \\r, \\\" and "
                       f"\\\\; write {sequence[0]}{sequence} for a backslash)")
        elif not entry.plural and "fuzzy" not in entry.flags:
            msgstr = entry.msgstr.get(0, "")
            if msgstr and msgstr != entry.msgid:
                try:
                    differences = compare_markup(entry.msgid, msgstr)
                except Exception as exc:  # noqa: BLE001 - a build never stops on a catalog: report, reject
                    differences = [f"it could not be compared ({type(exc).__name__}: {exc})"]
                if differences:
                    problem = f"the msgstr does not keep the markup of its msgid: {'; '.join(differences)}"
        if problem:
            check.problems.append(Problem(path, entry.msgstr_line or entry.msgid_line, (
                f"{problem} — this message stays untranslated (master text) until the msgstr is corrected "
                f"(msgid “{_short(entry.msgid)}”)"), False, entry.msgid))
            check.rejected.add(key)
            check._blank.append((entry.msgstr_line, entry.msgstr_end))
    check.problems.sort(key=lambda p: (p.line, not p.fatal))
    return check


def _babel_check(check: CatalogCheck, text: str) -> None:
    """Let Babel read the catalog strictly too (what Sphinx and the tools use): its complaint is a problem."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", -1) + 1
        message = str(exc).rsplit(" on ", 1)[0]
        check.problems.append(Problem(check.path, line, f"PO syntax error: {message}; the catalog is not used "
                                                        "until this is corrected", True))
    except Exception as exc:  # noqa: BLE001 - whatever Babel cannot read is reported, never raised
        check.problems.append(Problem(check.path, 1, f"Babel cannot read the catalog ({exc}); it is not used "
                                                     "until this is corrected", True))


def check_catalog(path: Path) -> CatalogCheck:
    """Check the PO file at ``path`` (syntax, encoding, and the markup of every translated message).

    Returns:
        A :class:`CatalogCheck` (its problems carry the file's lines); an unreadable file is a problem
        of the whole catalog. Never raises.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        check = CatalogCheck(Path(path))
        check.problems.append(Problem(Path(path), 1, f"cannot read the catalog: {exc.strerror or exc}", True))
        return check
    return check_bytes(data, path)


def load_catalog(path: Path, lang: str | None = None, check: CatalogCheck | None = None, *,
                 as_written: bool = False):
    """The Babel catalog of a PO file as a build would apply it, or ``None`` when it is unusable.

    For readers of catalogs other than the build (Babel alone reads a broken file leniently,
    guessing, and raises for one that is not UTF-8). Messages with a problem are left untranslated
    (``string`` empty) unless ``as_written``; ``check`` is the file's :class:`CatalogCheck` when
    already made. Never raises for bad content (problems: :func:`check_catalog`).
    """
    from babel.messages.pofile import read_po

    check = check or check_catalog(path)
    data = check.build_bytes(as_written)
    if data is None:
        return None
    try:
        return read_po(io.BytesIO(data), locale=lang, abort_invalid=True)
    except Exception:  # noqa: BLE001 - _babel_check reported it already
        return None


# -- markup -------------------------------------------------------------------------------------------------------

_PERCENT = re.compile(r"(?<!%)%(?:\([A-Za-z_]\w*\))?[-#0+]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[sdifeEgGxXocr](?![A-Za-z])")
_BRACE = re.compile(r"(?<![\\A-Za-z0-9_}^{$])\{(?:\d+|[A-Za-z_]\w*)(?:\.\w+|\[\w+\])*(?:![rsa])?(?::[^{}\s]*)?\}(?!\})")
_SUBSTITUTION = re.compile(r"\{\{\s*([\w.-]+)\s*\}\}")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: A formula with words in it (\text{…}, Chinese): the translation may translate them.
_TRANSLATABLE_MATH = re.compile(r"\\(?:text\w*|mbox|operatorname)\s*\{|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CITE_ROLES = ("cite", "cite-normative", "cite-informative")
_EXPLICIT_TARGET = re.compile(r"<([^<>]+)>\s*$")
#: Block markup at the start of a line, as MyST reads it: the message would no longer be one paragraph.
_BLOCKS = [
    ("a new paragraph (blank line)", re.compile(r"\n[ \t]*\n")),
    ("a heading", re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)", re.M)),
    ("a directive or code fence", re.compile(r"^[ \t]{0,3}(?::{3,}|`{3,}|~{3,})", re.M)),
    # any number starts a list at the start of the message; within a paragraph only 1. does (CommonMark)
    ("a list item", re.compile(r"(?:\A[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])|^[ \t]{0,3}(?:[-*+]|1[.)]))[ \t]+\S", re.M)),
    ("a block quote", re.compile(r"^[ \t]{0,3}>", re.M)),
    ("a display formula ($$)", re.compile(r"^[ \t]{0,3}\$\$", re.M)),
]


@dataclass
class _Markup:
    roles: Counter
    cites: Counter
    targets: set
    ids: Counter
    literals: Counter  # inline code without Chinese text: kept as it is
    free_literals: int  # inline code with Chinese text (<章>.<节>): the translation may translate it
    math: Counter
    free_math: int  # formulas holding text to translate (compared by number only)
    footnotes: Counter
    placeholders: Counter
    blocks: set


def _markup(text: str) -> _Markup:
    from ..lint.bilingual import _FOOTREF, _LINK, _LITERAL, _MATH, _ROLE, clean_text, references_in
    from .align import _SPAN

    roles = list(_ROLE.finditer(text))
    names = Counter("{" + m["name"] + "}" for m in roles if m["name"] not in _CITE_ROLES)
    cites: Counter = Counter()
    for m in roles:  # each citation: its role and what it cites, compared as the BL rules compare them
        if m["name"] in _CITE_ROLES:
            cites.update((m["name"], cite) for cite in references_in(m.group(0))[0].elements())
    # reference targets: links and reference roles; a {term} role without <target> holds the term's own
    # (translated) text, which is no target to compare
    references = [m.group(0) for m in roles if m["name"] not in _CITE_ROLES
                  and not (m["name"].split(":")[-1] == "term" and not _EXPLICIT_TARGET.search(m["content"]))]
    references += [m.group(0) for m in _LINK.finditer(text)]
    _, targets = references_in(" ".join(references))
    without_roles = _ROLE.sub(" ", text)
    codes = [" ".join(m.group(0).strip("`").split()) for m in _LITERAL.finditer(without_roles)]
    literals = Counter(c for c in codes if not _CJK.search(c))
    free_literals = sum(1 for c in codes if _CJK.search(c))
    plain = _LITERAL.sub(" ", without_roles)
    formulas = [m.group(0).strip("$") for m in _MATH.finditer(plain)]
    formulas += [m["content"] for m in roles if m["name"] == "math"]
    math = Counter("".join(f.split()) for f in formulas if not _TRANSLATABLE_MATH.search(f))
    free = sum(1 for f in formulas if _TRANSLATABLE_MATH.search(f))
    prose = clean_text(text, keep_link_text=True)
    placeholders = Counter(m.group(0) for m in _SUBSTITUTION.finditer(prose))
    prose = _SUBSTITUTION.sub(" ", prose)
    placeholders += Counter(m.group(0) for m in _PERCENT.finditer(prose))
    placeholders += Counter(m.group(0) for m in _BRACE.finditer(prose))
    for m in roles:  # {numref}`Table %s <id>`, {numref}`{number} <id>`: the number's placeholder
        if m["name"].split(":")[-1] == "numref":
            label = _EXPLICIT_TARGET.sub("", m["content"])
            placeholders += Counter(p.group(0) for p in _PERCENT.finditer(label))
            placeholders += Counter(re.findall(r"\{(?:number|name)\}", label))
    blocks = {name for name, pattern in _BLOCKS if pattern.search(plain.strip())}
    return _Markup(names, cites, targets, Counter(m["id"] for m in _SPAN.finditer(text)), literals, free_literals,
                   math, free,
                   Counter(_FOOTREF.findall(text)), placeholders, blocks)


def _counted(what: str, master: Counter, translation: Counter, show=str) -> list[str]:
    out = []
    for item in sorted(set(master) | set(translation), key=str):
        want, have = master[item], translation[item]
        if want == have:
            continue
        if have == 0:
            out.append(f"{what} {show(item)} is missing")
        elif want == 0:
            out.append(f"{what} {show(item)} is not in the master")
        else:
            out.append(f"{what} {show(item)}: {want} in the master, {have} in the translation")
    return out


def _kept(what: str, master: Counter, master_free: int, translation: Counter, translation_free: int,
          show) -> list[str]:
    """Compare what is kept as it is (``master``/``translation``) where some items may be translated (``*_free``:
    those with words in them): a kept item that differs is excused by a translatable one on the other side."""
    missing, extra = master - translation, translation - master
    out = []
    if sum(missing.values()) > translation_free:
        out += _counted(what, master, translation - extra, show)
    if sum(extra.values()) > master_free:
        out += _counted(what, master - missing, translation, show)
    if out:
        return out
    want, have = sum(master.values()) + master_free, sum(translation.values()) + translation_free
    if want != have:
        return [f"{what}: {want} in the master, {have} in the translation"]
    return []


def compare_markup(msgid: str, msgstr: str) -> list[str]:
    """The markup of ``msgid`` (MyST source of the master) that ``msgstr`` does not keep.

    Returns:
        One English phrase per difference (``"role {cite} is missing"``, ``"refers to #b instead of
        #a"`` …); an empty list when the translation keeps the markup.
    """
    from ..lint.bilingual import _show_cite, _show_target

    def cite(item) -> str:
        return f"{{{item[0]}}}`{_show_cite(item[1])}`"

    master, translation = _markup(msgid), _markup(msgstr)
    out = _counted("the role", master.roles, translation.roles)
    missing, extra = master.cites - translation.cites, translation.cites - master.cites
    if missing and extra:
        out.append(f"it has {', '.join(sorted(cite(c) for c in extra.elements()))} where the master has "
                   f"{', '.join(sorted(cite(c) for c in missing.elements()))}")
    else:
        out += _counted("the citation", master.cites, translation.cites, cite)
    lost, added = master.targets - translation.targets, translation.targets - master.targets
    if lost and added:
        out.append(f"refers to {', '.join(_show_target(t) for t in sorted(added))} instead of "
                   f"{', '.join(_show_target(t) for t in sorted(lost))}")
    elif lost:
        out.append(f"the reference to {', '.join(_show_target(t) for t in sorted(lost))} is missing")
    elif added:
        out.append(f"refers to {', '.join(_show_target(t) for t in sorted(added))}, which the master does not")
    out += _counted("the inline ID", master.ids, translation.ids, lambda i: f"{{#{i}}}")
    out += _kept("the inline code", master.literals, master.free_literals, translation.literals,
                 translation.free_literals, lambda t: f"`{t}`")
    out += _kept("the formula", master.math, master.free_math, translation.math, translation.free_math,
                 lambda t: f"${t}$")
    out += _counted("the footnote reference", master.footnotes, translation.footnotes)
    out += _counted("the placeholder", master.placeholders, translation.placeholders)
    for block in sorted(translation.blocks - master.blocks):
        out.append(f"it starts {block}, which the master does not (Sphinx would cut or ignore the translation)")
    return out
