"""The clause model a diff compares, and the shape of a diff's result.

A revision of a standard becomes a :class:`Snapshot`: its metadata and its
clauses in reading order, each with its stable ID, computed number, title, type,
parent and ordered blocks of text. Diffs compare snapshots, never rendered
pages, so pagination never shows up as a change.

The result (:class:`DiffResult`) is what ``std diff --format json`` prints::

    {"from": "ed2020", "to": "HEAD", "standard": "GB/T 12345—XXXX",
     "clauses": [Clause…],
     "summary": Summary,
     "metadata": [MetadataChange…]}

with ``foreword`` (the draft list of technical changes, a string) added by ``--foreword``.

A metadata change (one per field of the standard's metadata that differs; ``[]`` when none)::

    {"field": "stage",                # see METADATA_FIELDS: title.zh, title.en, designation, doctype,
                                      #   stage, edition, draft_date, issued, implemented, replaces, …
     "old": "征求意见稿", "new": "送审稿",   # the values as text ("" where the field is absent;
                                      #   a list joined with "; ", a title with its part: "第2部分：…")
     "class": "editorial"}            # technical | editorial (see METADATA_TECHNICAL)

A metadata change is **technical** when it changes what the document is or what it stands
for: its designation's identity (publisher code or number, e.g. ``GB/T 12345`` → ``GB 12345``,
recommended → mandatory; a year or an ISO stage in the designation is not), its document
type (``doctype``), what it replaces (``replaces``), the international document it adopts or
its degree of correspondence (``adoption.document``, ``adoption.degree``). Everything else
is **editorial**: titles (a new title says the same document in other words: the scope
clause carries what it applies to), stage, edition, dates, classification codes, the
bodies responsible. The draft date of a revision imported from Markdown is the date of its
file, not of the source: it is not compared. ``summary`` counts the changed metadata fields
per class in ``metadata`` (its other counts are of clauses and block changes only); the
foreword draft lists the technical metadata changes first and says a changed title in a
sentence of its own.

A clause (one per clause, annex or term entry of either revision, in the new
revision's reading order; a deleted clause where it stood)::

    {"id": "marking",                 # stable ID (new side; old side for a deleted clause)
     "status": "moved",               # unchanged | added | deleted | moved | renumbered | modified
     "old_number": "5.3", "new_number": "6.1",   # null where the clause does not exist
     "title": "标志", "old_title": "",           # old_title: when the title changed
     "class": "technical",            # technical | editorial | none (unchanged)
     "kind": "clause",                # clause | term
     "moved": true,                   # parent or place among siblings changed ("moved+modified"
     "modified": true,                #   when it changed too: one entry, never delete + insert)
     "old_parent": "5", "new_parent": "6",       # parents' numbers
     "matched_by": "id",              # id | similarity | "" (added, deleted)
     "reasons": ["moved"],            # clause-level: term added, normative annex deleted, clause added,
                                      #   annex normative → informative, moved, renumbered
     "changes": [Change…]}

``status`` priority: ``added``/``deleted``; ``moved`` (with ``changes`` if it also
changed); ``modified`` (title or blocks changed; the number may have changed too);
``renumbered`` (number changed only); ``unchanged``.

A change (a block of the clause, or its title, ``block: "title"``; unchanged blocks
leave none)::

    {"kind": "modified",              # added | deleted | modified | moved (a block that changed
                                      #   place; "elsewhere" names the other clause when it moved
                                      #   between clauses: "old" only at the place it left)
     "block": "paragraph",            # paragraph, list-item, note, example, table-row, table-title,
                                      #   figure, formula, term-line, block, literal_block, title …
     "key": "",                       # a table row's key, a figure's or formula's ID
     "old": "…应为220 V…", "new": "…应不低于230 V…",   # the reader's texts ("" when absent)
     "tokens": [["equal", "…应"], ["delete", "为220"], ["insert", "不低于230"], ["equal", " V…"]],
                                      # word-level diff of a modified or moved-and-changed block;
                                      #   equal + insert tokens give "new" exactly
     "class": "technical",            # technical | editorial
     "reasons": ["220 V → 230 V"],    # why technical (or the editorial kinds: wording, punctuation,
                                      #   case, renumbering, informative, moved, translation)
     "details": [{"type": "value", "old": "220 V", "new": "230 V"}],
                                      # the reasons as data; type: verbal-form (+ old_kind, new_kind),
                                      #   requirement (+ old_kind, new_kind), value, citation,
                                      #   citation-dating, term, or the editorial kinds
     "elsewhere": "",
     "old_line": 12, "new_line": 14}  # source lines (0 when unknown)

The summary::

    {"clauses": {"unchanged": 40, "modified": 3, "added": 1, …},   # clauses per status
     "clauses_by_class": {"technical": 2, "editorial": 3},         # changed clauses per class
     "changes_by_class": {"technical": 4, "editorial": 6},         # block changes per class
     "total_changes": 10,
     "unrelated": false,              # true: the revisions share almost nothing; "clauses" is empty
     "similarity": 0.94,              # share of the smaller revision found in the other (0–1)
     "metadata": {"technical": 0, "editorial": 2}}   # changed metadata fields per class (not in the
                                      #   counts above, nor in total_changes: those are of clauses)

Keys are only ever added to this shape, never renamed or removed (scripts read it).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["METADATA_FIELDS", "METADATA_LABELS", "METADATA_TECHNICAL", "Block", "ChangeEntry", "Clause", "ClauseDiff", "DiffResult",
           "MetadataChange", "Snapshot", "Token"]

#: The metadata fields compared, in the order they are reported (see the module docstring).
METADATA_FIELDS = ("designation", "title.zh", "title.en", "doctype", "stage", "edition", "draft_date", "issued",
                   "implemented", "replaces", "replaced_by", "status", "adoption.document", "adoption.degree",
                   "adoption.title", "profile", "language", "ics", "ccs", "record_no", "committee", "proposer",
                   "drafting_organisations", "drafters", "issuer", "history")
#: What each metadata field is called in a redline and a foreword, per language.
METADATA_LABELS: dict[str, dict[str, str]] = {
    "zh": {"designation": "文件编号", "title.zh": "中文名称", "title.en": "英文名称", "doctype": "文件类型",
           "stage": "阶段", "edition": "版次", "draft_date": "本稿完成日期", "issued": "发布日期",
           "implemented": "实施日期", "replaces": "代替文件", "replaced_by": "被代替", "status": "状态",
           "adoption.document": "采用的国际文件", "adoption.degree": "一致性程度", "adoption.title": "国际文件名称",
           "profile": "起草规则", "language": "语言", "ics": "ICS", "ccs": "CCS", "record_no": "备案号",
           "committee": "归口", "proposer": "提出", "drafting_organisations": "起草单位", "drafters": "主要起草人",
           "issuer": "发布机构", "history": "历次版本"},
    "en": {"designation": "Designation", "title.zh": "Chinese title", "title.en": "English title",
           "doctype": "Document type", "stage": "Stage", "edition": "Edition", "draft_date": "Draft date",
           "issued": "Issued", "implemented": "Implemented", "replaces": "Replaces", "replaced_by": "Replaced by",
           "status": "Status", "adoption.document": "Adopted document", "adoption.degree": "Degree of correspondence",
           "adoption.title": "Adopted document's title", "profile": "Drafting rules", "language": "Language",
           "ics": "ICS", "ccs": "CCS", "record_no": "Record number", "committee": "Committee", "proposer": "Proposer",
           "drafting_organisations": "Drafting organisations", "drafters": "Drafters", "issuer": "Issuer",
           "history": "Earlier editions"},
}
#: Metadata fields whose change is technical (``designation`` only when its identity changes).
METADATA_TECHNICAL = ("designation", "doctype", "replaces", "adoption.document", "adoption.degree")


@dataclass
class Block:
    """One block of a clause, in reading order.

    Attributes:
        kind: ``paragraph``, ``list-item``, ``note``, ``example``, ``table-row``, ``table-title``,
            ``figure``, ``formula``, ``term``, ``definition``, ``title`` …
        text: the block's text as a reader sees it (numbers computed, labels generated).
        key: a stable key when the block has one (a table row's ID or first cell, a term's ID).
        line: source line; file: source file.
        stable: what the block says independent of numbering (generated numbers left out,
            references to elements as ``[→id]``): two blocks with the same ``stable`` text differ
            at most by renumbering.
        literals: the texts of its inline code (``jk=4``): no quantities or provisions are read there.
        untranslated: in an edition compared through a translation catalog, how many of its
            segments have no translation (they show the master's text).
    """

    kind: str
    text: str
    key: str = ""
    line: int = 0
    file: str = ""
    stable: str = ""  # the text with generated numbers left out and references as their targets' IDs
    literals: list[str] = field(default_factory=list)
    untranslated: int = 0

    def __post_init__(self) -> None:
        self.stable = self.stable or self.text


@dataclass
class Clause:
    """A clause, subclause, annex or term entry of one revision.

    Attributes:
        id: stable ID (``""`` when the source has none); key: the ID, or a key unique in the revision.
        number: computed number (``"5.2"``, ``"A"``, ``""`` for unnumbered elements).
        title: title (a term entry: its preferred term); kind: ``clause`` or ``term``.
        role: ``scope``, ``annex`` … or ``None``; obligation: ``normative``/``informative`` for an annex.
        parent: key of the parent clause or ``None``; level: depth (1 = a clause).
        blocks: the clause's own blocks (not those of its subclauses).
        file, line: where its heading is.
    """

    id: str
    key: str
    number: str
    title: str
    kind: str
    role: str | None
    obligation: str | None
    parent: str | None
    level: int
    blocks: list[Block] = field(default_factory=list)
    file: str = ""
    line: int = 0

    @property
    def text(self) -> str:
        """All the clause's own text, for similarity."""
        return "\n".join(b.text for b in self.blocks)


@dataclass
class Snapshot:
    """One revision of one standard, as the diff sees it.

    Attributes: label (what the revision was given as: a git ref, folder or file),
    slug, designation (as displayed), language, profile, edition (year or draft date
    text, for "2020年版的5.4"), clauses (reading order).
    metadata: field → value as text (:data:`METADATA_FIELDS`; absent fields are left out).
    imported: the revision is a Markdown source imported on the fly (its draft date is not the source's).
    source: what the revision was given as: ``git`` (a ref), ``repository`` or ``standard`` (a folder),
    ``markdown`` (a file or folder imported), ``""`` when not known.
    master_language: the language the standard is drafted in (``language`` is the one compared).
    segments, untranslated: in an edition compared through a translation catalog (``catalog``, the
    path in the revision), how many translatable segments it has and how many have no usable
    translation (fuzzy or missing: they show the master's text).
    """

    label: str
    slug: str
    designation: str
    language: str
    profile: str
    edition: str
    clauses: list[Clause] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    imported: bool = False
    master_language: str = ""
    segments: int = 0
    untranslated: int = 0
    catalog: str = ""
    source: str = ""

    def by_key(self) -> dict[str, Clause]:
        return {c.key: c for c in self.clauses}


@dataclass
class Token:
    """One token of a word-level diff: ``op`` is ``equal``, ``insert`` or ``delete``."""

    op: str
    text: str


@dataclass
class ChangeEntry:
    """One change inside a matched clause.

    Attributes:
        kind: ``added``, ``deleted``, ``modified`` or ``moved`` (a block).
        block: the block kind (``paragraph``, ``table-row`` …); key: its key if any.
        old, new: the texts before and after (``""`` when absent).
        tokens: the word-level diff of a modified block.
        class_: ``technical`` or ``editorial``; reasons: why technical (e.g.
            ``"requirement → recommendation (应 → 宜)"``, ``"value 220 V → 230 V"``).
        old_line, new_line: source lines.
        details: the reasons as data, one ``{"type", "old", "new"}`` per reason (``type``:
            ``verbal-form``, ``value``, ``citation``, ``citation-dating``, ``requirement``,
            ``annex``, ``term``, ``wording``, ``punctuation``, ``case``, ``informative``,
            ``renumbering``, ``moved``, ``translation``); what the foreword draft is written from.
        elsewhere: for a block that moved to another clause, the number of the clause at the
            other end: in the clause it moved to, the entry (``moved``, with ``old`` and ``new``)
            names where it came from (old numbering); in the clause it left, the entry
            (``moved``, ``old`` only) names where it went (new numbering). ``""`` otherwise.
        old_stable, new_stable: the ``stable`` texts compared (not in the JSON).
    """

    kind: str
    block: str
    old: str = ""
    new: str = ""
    key: str = ""
    tokens: list[Token] = field(default_factory=list)
    class_: str = "editorial"
    reasons: list[str] = field(default_factory=list)
    old_line: int = 0
    new_line: int = 0
    details: list[dict] = field(default_factory=list)
    elsewhere: str = ""
    old_stable: str = field(default="", repr=False)
    new_stable: str = field(default="", repr=False)

    def to_json(self) -> dict:
        data = asdict(self)
        data["class"] = data.pop("class_")
        data["tokens"] = [[t.op, t.text] for t in self.tokens]
        data.pop("old_stable")
        data.pop("new_stable")
        return data


@dataclass
class ClauseDiff:
    """A clause of either revision and what happened to it.

    Attributes:
        id: stable ID (of the new side when both exist); status: see the module docstring.
        old_number, new_number: ``None`` on the side where the clause does not exist.
        title: the new title (the old one for a deleted clause); old_title: when it changed.
        class_: ``technical``, ``editorial`` or ``none``; changes: the block changes.
        old_parent, new_parent: parent numbers, to show where a moved clause came from.
        reasons: clause-level reasons (``term added``, ``normative annex deleted``, ``moved``,
            ``renumbered`` …); the block changes carry their own.
        matched_by: ``id`` or ``similarity`` (how the two sides were paired), or ``""``.
        kind: ``clause`` or ``term``.
        moved: the clause changed parent or place among its siblings (status ``moved``, with
            ``changes`` when it was modified too: "moved+modified").
        modified: its title or content changed (``changes`` is not empty).
        old_key, new_key: the clause's key in each snapshot (``None`` where it does not exist),
            to find its blocks there.
    """

    id: str
    status: str
    old_number: str | None
    new_number: str | None
    title: str
    class_: str = "none"
    changes: list[ChangeEntry] = field(default_factory=list)
    old_title: str = ""
    old_parent: str | None = None
    new_parent: str | None = None
    matched_by: str = ""
    kind: str = "clause"
    moved: bool = False
    modified: bool = False
    old_key: str | None = None
    new_key: str | None = None
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.id, "status": self.status, "old_number": self.old_number, "new_number": self.new_number,
                "title": self.title, "class": self.class_, "changes": [c.to_json() for c in self.changes],
                "old_title": self.old_title, "matched_by": self.matched_by, "kind": self.kind,
                "moved": self.moved, "modified": self.modified, "old_parent": self.old_parent,
                "new_parent": self.new_parent, "reasons": self.reasons}


@dataclass
class MetadataChange:
    """A field of the standard's metadata that differs (see the module docstring).

    Attributes: field (a name of :data:`METADATA_FIELDS`), old and new (the values as text, ``""``
    where absent), class_ (``technical`` or ``editorial``).
    """

    field: str
    old: str
    new: str
    class_: str = "editorial"

    def to_json(self) -> dict:
        return {"field": self.field, "old": self.old, "new": self.new, "class": self.class_}


@dataclass
class DiffResult:
    """The diff of two revisions of one standard."""

    old: Snapshot
    new: Snapshot
    clauses: list[ClauseDiff] = field(default_factory=list)
    unrelated: bool = False
    similarity: float = 1.0
    metadata: list[MetadataChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Anything differs: a clause that is not unchanged, or a metadata field."""
        return bool(self.metadata) or self.unrelated or any(c.status != "unchanged" for c in self.clauses)

    def summary(self) -> dict:
        """Counts per status and per class, of block changes per class, of changed metadata fields per class
        (see the module docstring)."""
        statuses: dict[str, int] = {}
        classes = {"technical": 0, "editorial": 0}
        changes = {"technical": 0, "editorial": 0}
        for clause in self.clauses:
            statuses[clause.status] = statuses.get(clause.status, 0) + 1
            if clause.class_ in classes:
                classes[clause.class_] += 1
            for change in clause.changes:
                changes[change.class_] = changes.get(change.class_, 0) + 1
        metadata = {"technical": 0, "editorial": 0}
        for change in self.metadata:
            metadata[change.class_] = metadata.get(change.class_, 0) + 1
        return {"clauses": statuses, "clauses_by_class": classes, "changes_by_class": changes,
                "total_changes": sum(changes.values()), "unrelated": self.unrelated,
                "similarity": round(self.similarity, 3), "metadata": metadata}

    def to_json(self) -> dict:
        return {"from": self.old.label, "to": self.new.label, "standard": self.new.designation or self.old.designation,
                "clauses": [c.to_json() for c in self.clauses], "summary": self.summary(),
                "metadata": [m.to_json() for m in self.metadata]}
