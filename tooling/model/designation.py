"""Designations of standards: parsing and the profile's written form.

A designation identifies a document: ``GB/T 1.1—2020``, ``ISO/IEC 18974:2023``,
``ISO/IEC DIS 18974`` (a draft, no year), ``GB/T XXXXX—XXXX`` (a placeholder),
``draft-ietf-httpbis-header-structure-14``.

Input accepts a hyphen, en dash or em dash before a GB year and a colon before an
ISO year; output follows the profile (GB/T 1.1-2020 10.3.1 and Annex D: em dash
一字线 between number and year; ISO/IEC Directives Part 2 and house style: colon,
``:—`` for a document under preparation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Designation", "DesignationError", "parse_designation", "slugify_designation"]

EM_DASH = "\u2014"

#: Stage codes that ISO places between the publisher prefix and the number.
ISO_DRAFT_STAGES = ("PWI", "NP", "AWI", "WD", "CD", "DIS", "FDIS", "PRF")
#: Deliverable types that ISO places between the publisher prefix and the number.
ISO_TYPES = ("TS", "TR", "PAS", "IWA", "Guide", "GUIDE")

_GB = re.compile(
    r"""^(?P<prefix>GB(?:/[TZ])?|[A-Z]{2}(?:/[TZ])?|DB\d{2}(?:/T)?|T/[A-Z0-9]+)
        \s*(?P<number>\d+|X+)
        (?P<part>(?:\.(?:\d+|X+))*)
        (?:\s*[-\u2010-\u2015\uFF0D]\s*(?P<year>\d{4}|X{4}))?$""",
    re.X,
)
_ISO = re.compile(
    rf"""^(?P<prefix>(?:ISO|IEC|ITU|IEEE)(?:/(?:ISO|IEC|IEEE|ASTM))*)
        (?:\s+(?P<stage>{"|".join(ISO_DRAFT_STAGES)}))?
        (?:\s+(?P<type>{"|".join(ISO_TYPES)}))?
        \s+(?P<number>\d+|X+)
        (?P<part>(?:-(?:\d+|X+))*)
        (?:\s*:\s*(?P<year>\d{{4}}|[\u2014\u2013-]|X{{4}}))?$""",
    re.X,
)
_OTHER = re.compile(r"^(?P<prefix>[A-Z]{2,}(?: [A-Z]{2,})*) (?P<number>\d+(?:\.\d+)*)$")
_IETF = re.compile(r"^(?P<prefix>draft)-(?P<number>[a-z0-9]+(?:-[a-z0-9]+)*?)(?:-(?P<rev>\d{2}))?$")
_RFC = re.compile(r"^(?P<prefix>RFC|BCP|STD)\s*(?P<number>\d+)$", re.I)


class DesignationError(ValueError):
    """Raised when a string is not a designation this tool understands."""


@dataclass(frozen=True)
class Designation:
    """A parsed designation.

    Attributes:
        prefix: publisher code, ``GB/T``, ``ISO/IEC``, ``YD/T``, ``draft`` …
        number: serial number as written (``1``, ``18974``, ``XXXXX``).
        part: part numbers below the serial number, as a tuple of strings
            (``GB/T 1.1`` → ``("1",)``; ``ISO 9001-2`` → ``("2",)``).
        year: four-digit year, ``"—"`` for ISO's "under preparation", ``"XXXX"``
            for a GB placeholder, or ``None`` for an undated designation.
        stage: ISO draft stage written in the designation (``DIS``), or ``None``.
        doc_type: ISO deliverable type written in the designation (``TS``), or ``None``.
        family: ``"gb"`` (Chinese national, sector, local and group standards),
            ``"iso"`` (ISO, IEC and joint), ``"ietf"``, or ``"other"`` (a publisher's name and a
            version number, such as ``OWASP ASVS 4.0.3``).
    """

    prefix: str
    number: str
    part: tuple[str, ...] = ()
    year: str | None = None
    stage: str | None = None
    doc_type: str | None = None
    family: str = "gb"

    @property
    def dated(self) -> bool:
        """True when the designation carries a real (four-digit) year."""
        return bool(self.year and self.year.isdigit())

    @property
    def is_placeholder(self) -> bool:
        """True for a draft's placeholder number such as ``GB/T XXXXX—XXXX``."""
        return self.number.upper().startswith("X")

    def undated(self) -> Designation:
        """The same document without its year (the latest edition)."""
        return Designation(self.prefix, self.number, self.part, None, self.stage, self.doc_type, self.family)

    @property
    def key(self) -> str:
        """A normalised, year-less key used to match citations with documents.

        ISO draft stages are dropped so ``ISO/IEC DIS 18974`` matches ``ISO/IEC 18974:2023``.
        """
        core = self.prefix.upper() + " " + self.number.upper()
        if self.part:
            core += "." + ".".join(self.part)
        if self.doc_type:
            core = self.doc_type.upper() + " " + core
        return core

    @property
    def display_key(self) -> str:
        """What :attr:`key` identifies, written as people write it: year-less and stage-less.

        ``ISO/IEC TS 4213:2022`` → ``ISO/IEC TS 4213`` (the key is ``TS ISO/IEC 4213``);
        ``ISO/IEC DIS 5259-1`` → ``ISO/IEC 5259-1`` (key ``ISO/IEC 5259.1``); ``GB/T 1.1—2020`` →
        ``GB/T 1.1``. It parses back to the same key, so it can be given to ``std refs --cited-by``.
        """
        return Designation(self.prefix, self.number, self.part, None, None, self.doc_type, self.family).format()

    def format(self, style: str | None = None) -> str:
        """The designation written in a profile's form.

        A Chinese designation takes an em dash before its year in Chinese text and
        in the GB profile (``GB/T 1.1—2020``) and a colon in ISO-style text
        (``GB/T 1.1:2020``); ISO and IEC designations keep their own form
        (``ISO/IEC 18974:2023``) everywhere.

        Args:
            style: ``"gb"`` or ``"iso"``: the form of the text the designation
                appears in; ``None`` for the designation's own family.

        Returns:
            The designation as text, e.g. ``GB/T 1.1—2020`` or ``ISO/IEC 18974:2023``.
        """
        style = style or self.family
        if self.family == "ietf" and self.prefix == "draft":
            return self.prefix + "-" + self.number + (f"-{self.year}" if self.year else "")
        if self.prefix.upper() in ("RFC", "BCP", "STD") or self.family == "other":
            return f"{self.prefix} {self.number}" if self.family == "other" else f"{self.prefix.upper()} {self.number}"
        if self.family == "gb":
            head = f"{self.prefix} {self.number}" + "".join("." + p for p in self.part)
            if self.year:
                head += (EM_DASH if style == "gb" or not self.year.isdigit() else ":") + self.year
            return head
        # ISO family: its own form in every text (hyphen before parts, colon before the year).
        words = [self.prefix]
        if self.stage:
            words.append(self.stage)
        if self.doc_type:
            words.append(self.doc_type)
        head = " ".join(words) + " " + self.number + "".join("-" + p for p in self.part)
        if self.year:
            head += ":" + (EM_DASH if self.year in ("-", "\u2013", EM_DASH) else self.year)
        return head

    def __str__(self) -> str:
        return self.format()


def parse_designation(text: str) -> Designation:
    """Parse a designation written by hand.

    Args:
        text: e.g. ``"GB/T 1.1-2020"``, ``"GB/T 1.1—2020"``, ``"ISO/IEC 18974:2023"``,
            ``"ISO/IEC DIS 18974"``, ``"GB/T XXXXX—XXXX"``, ``"RFC 8941"``,
            ``"draft-ietf-httpbis-header-structure-14"``. Surrounding spaces,
            full-width spaces and non-breaking spaces are ignored.

    Returns:
        The parsed :class:`Designation`.

    Raises:
        DesignationError: when the text matches none of the known forms; the
            message names the forms that are accepted.
    """
    raw = text
    text = re.sub(r"[\u3000\u00a0\u2009\u202f]", " ", str(text)).strip()
    text = re.sub(r"\s+", " ", text)
    m = _ISO.match(text)
    if m:
        part = tuple(p for p in m["part"].split("-") if p)
        return Designation(m["prefix"], m["number"], part, m["year"], m["stage"], m["type"], "iso")
    m = _GB.match(text)
    if m:
        part = tuple(p for p in m["part"].split(".") if p)
        return Designation(m["prefix"], m["number"], part, m["year"], None, None, "gb")
    m = _RFC.match(text)
    if m:
        return Designation(m["prefix"].upper(), m["number"], (), None, None, None, "ietf")
    m = _IETF.match(text)
    if m:
        return Designation("draft", m["number"], (), m["rev"], None, None, "ietf")
    m = _OTHER.match(text)
    if m:
        return Designation(m["prefix"], m["number"], (), None, None, None, "other")
    raise DesignationError(
        f"not a designation: {raw!r} (expected forms such as 'GB/T 1.1—2020', 'GB/T XXXXX—XXXX', "
        "'ISO/IEC 18974:2023', 'ISO/IEC DIS 18974', 'RFC 8941', 'draft-ietf-name-00' or 'OWASP ASVS 4.0.3')"
    )


def slugify_designation(designation: Designation) -> str:
    """An ASCII folder name for a standard, from its year-less designation.

    ``GB/T 1.1—2020`` → ``gb-t-1-1``; ``ISO/IEC 18974:2023`` → ``iso-iec-18974``.
    """
    if designation.family == "ietf" and designation.prefix == "draft":
        return "draft-" + designation.number
    text = designation.undated().format()
    text = text.replace(EM_DASH, "-")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
