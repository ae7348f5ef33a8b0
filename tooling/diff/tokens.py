"""Word-level diff of one block, with tokens suited to the language (pipeline step: diff).

Tokens (:func:`tokenize`), concatenated, give back the text exactly:

- one token per Han character (Chinese has no spaces; a changed character marks
  only itself, never the whole sentence), except a Chinese numeral of several
  characters before a measure word (``十二个``, ``一百名``: :data:`~tooling.model.numbers.ZH_NUMERAL_RUN`),
  one token as a number written in digits is;
- whole Latin words (letters, digits and ``_`` after a letter: ``shall``, ``SHA256``,
  ``don't``);
- whole numbers with their sign, thousands separators and decimal part
  (``220``, ``0.90``, ``−999,999``, ``1.5e3``; dotted clause numbers such as
  ``3.1.4.1`` are one token too), so a changed value is marked whole and never
  as a changed digit. A ``−``, ``-``, ``+`` or ``±`` is the number's sign where a
  sign can stand: at the start of the text, after a space, an opening bracket,
  ``～``/``~``, a comparison sign, punctuation or a Chinese character
  (``不低于−30 °C``, ``−10～−20``, ``from −10 to −20``); never after a number
  (the range dash of ``10-20``, ``10 - 20``) or a letter (``M12-1``, ``GB/T 1.1-2020``);
- codes written with digits are one token and no number: hexadecimal, binary and
  octal literals (``0x20``, ``0x20-21``, ``0b1010``), ABNF values (``%x20-7E``,
  ``%x0D.0A``, ``%d32``), code points (``U+0020``) and escapes (``\x20``,
  ``&#x20;``), so ``0x20`` → ``%x20`` is one changed code, not ``0 → ∅``;
- units are tokens of their own (``V`` is a word, ``℃``, ``%`` are one
  character each): a value that changes while its unit stays
  (``220 V`` → ``230 V``) marks the value only (case C11);
- runs of white space; any other character on its own (punctuation);
- a reference written ``[→id]`` in a ``stable`` text is one token.

Blocks are compared on their ``stable`` texts and shown with their reader's
text (:func:`displayed` maps one onto the other), so a reference that was only
renumbered (``3.4`` → ``3.5``) is not marked.

:func:`diff_tokens` aligns the two token lists with :mod:`difflib` (no junk
heuristic) and then removes the small coincidental equalities that a
character-level alignment of Chinese finds inside a rewritten phrase
(a shared ``的`` between two different clauses of a sentence), so a rewrite
reads as one deletion and one insertion. The result is a list of
:class:`~tooling.diff.model.Token`; consecutive tokens of the same operation
are merged, and a replacement is a ``delete`` followed by an ``insert``.
"""

from __future__ import annotations

import difflib
import functools
import re

from rapidfuzz import fuzz

from ..model.numbers import ZH_NUMERAL_RUN
from .model import Token

__all__ = ["CODE", "NUMBER", "diff_tokens", "is_han", "is_number", "similarity", "tokenize"]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)*(?:[eE][-+]?\d+)?"
#: What a sign may follow: the start of the text, a space (not after a number: ``10 -20`` is a range), an
#: opening bracket, a tilde, a comparison sign, punctuation, a Chinese character.
_SIGN_AFTER = rf"\s(\[{{（［【〔｛<>≤≥≦≧=≈≠～~:：,，;；、{_HAN}"
#: A number: optional sign (only where it is a sign, see the module docstring), digits with optional
#: thousands separators, optional decimal or dotted parts, optional exponent.
NUMBER = rf"(?:(?:^|(?<=[{_SIGN_AFTER}]))(?<!\d\s)[-−+±](?=\d))?{_DIGITS}"
_HEX = "[0-9A-Fa-f]"
#: A code written with digits (hexadecimal literal, ABNF value, code point, escape): one token, not a number.
CODE = (rf"(?<![\w.%\\&#+])(?:0[xX]{_HEX}+(?:-(?:0[xX])?{_HEX}+)?|0[bB][01]+|0[oO][0-7]+"
        rf"|%[xX]{_HEX}+(?:[-.]{_HEX}+)*|%[dD]\d+(?:[-.]\d+)*|%[bB][01]+(?:[-.][01]+)*"
        rf"|[uU]\+{_HEX}{{4,6}}|\\[xu]{_HEX}+|&#[xX]?{_HEX}+;)(?!\w)")
_NUMBER_TOKEN = re.compile(rf"[-−+±]?{_DIGITS}")
_TOKEN = re.compile(
    r"(?P<ref>\[→[^\]\s]*\])"
    rf"|(?P<code>{CODE})"
    rf"|(?P<zhnum>{ZH_NUMERAL_RUN})"
    rf"|(?P<han>[{_HAN}])"
    rf"|(?P<num>{NUMBER})"
    r"|(?P<word>[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff][A-Za-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]*"
    r"(?:['’][A-Za-z]+)*)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.S,
)


def is_han(char: str) -> bool:
    return bool(re.match(f"[{_HAN}]", char))


def is_number(token: str) -> bool:
    """True for a number token (``220``, ``−30``, ``1,024``, ``3.1.4``), not a code (``0x20``) nor a word."""
    return bool(_NUMBER_TOKEN.fullmatch(token))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into diff tokens (see the module docstring); ``"".join(tokenize(t)) == t``."""
    return [m.group(0) for m in _TOKEN.finditer(text)]


def _weight(token: str) -> int:
    """How much a token counts when deciding whether an equality is coincidental."""
    return 0 if token.isspace() else len(token) if len(token) < 4 else 4


def displayed(stable: str, text: str) -> list[tuple[str, str]]:
    """The tokens of ``stable`` with what each shows in ``text``: ``[(stable token, displayed text)]``.

    ``text`` is what a reader sees (references as numbers, generated labels), ``stable``
    the same without generated numbers (references as ``[→id]``). Tokens that match are
    displayed as themselves; a reference shows its number; generated text with no stable
    counterpart (``注1：``, ``NOTE``) goes with the token that follows it. The displayed
    texts, concatenated, give ``text`` exactly.
    """
    a, b = tokenize(stable), tokenize(text)
    if not a:
        return [("", text)] if text else []
    shown = [""] * len(a)
    pending = ""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                shown[i1 + k] = pending + b[j1 + k]
                pending = ""
        elif tag == "insert":
            pending += "".join(b[j1:j2])
        elif tag == "delete":
            continue
        else:  # a reference (or a generated number) shows as the text it was replaced with
            shown[i1] = pending + "".join(b[j1:j2])
            pending = ""
    if pending:
        shown[-1] += pending
    return list(zip(a, shown))


def diff_tokens(old: str, new: str, old_stable: str | None = None, new_stable: str | None = None) -> list[Token]:
    """The token diff of two texts: ``equal``, ``delete`` and ``insert`` runs, in reading order.

    With ``old_stable``/``new_stable`` (the blocks' ``stable`` texts), the comparison is made on
    them, and the tokens show the reader's text: a reference whose number changed is equal (it
    shows its new number), generated labels are equal. The ``equal`` and ``insert`` tokens then
    give ``new`` exactly.
    """
    if old_stable is None or new_stable is None:
        pa = [(t, t) for t in tokenize(old)]
        pb = [(t, t) for t in tokenize(new)]
    else:
        pa, pb = displayed(old_stable, old), displayed(new_stable, new)
    a, b = [t for t, _ in pa], [t for t, _ in pb]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # (op, old indexes, new indexes) runs
    runs: list[list] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        runs.append(["equal" if tag == "equal" else "change", list(range(i1, i2)), list(range(j1, j2))])
    runs = _cleanup(runs, a, b)
    out: list[Token] = []

    def emit(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1].op == op:
            out[-1].text += text
        else:
            out.append(Token(op, text))

    for op, old_indexes, new_indexes in runs:
        if op == "equal":
            emit("equal", "".join(pb[j][1] for j in new_indexes))
        else:
            emit("delete", "".join(pa[i][1] for i in old_indexes))
            emit("insert", "".join(pb[j][1] for j in new_indexes))
    # a merged run may put an insert before a delete when two changes meet: keep delete first
    return _order(out)


def _cleanup(runs: list[list], a: list[str], b: list[str]) -> list[list]:
    """Fold coincidental equalities into the changes around them (a semantic cleanup).

    An equality between two changes is dropped (its tokens join both sides of one change)
    when it weighs no more than the smaller of the changes on each side — a shared ``的``
    or a space inside a rewritten phrase — and always when it is only white space.
    """
    changed = True
    while changed:
        changed = False
        merged: list[list] = []
        for run in runs:
            if merged and merged[-1][0] == run[0] == "change":
                merged[-1][1] = merged[-1][1] + run[1]
                merged[-1][2] = merged[-1][2] + run[2]
            else:
                merged.append([run[0], list(run[1]), list(run[2])])
        runs = merged
        for index in range(1, len(runs) - 1):
            op, olds, news = runs[index]
            if op != "equal" or runs[index - 1][0] != "change" or runs[index + 1][0] != "change":
                continue

            def weight(run: list) -> int:
                return max(sum(_weight(a[i]) for i in run[1]), sum(_weight(b[j]) for j in run[2]))

            size = weight(runs[index])
            if size == 0 or (size <= min(weight(runs[index - 1]), weight(runs[index + 1])) and size <= 2):
                runs[index] = ["change", olds, news]
                changed = True
                break
    return runs


def _order(tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    for token in tokens:
        if result and result[-1].op == "insert" and token.op == "delete":
            # insert, delete → delete, insert (then merge with a delete before the insert)
            ins = result.pop()
            if result and result[-1].op == "delete":
                result[-1].text += token.text
            else:
                result.append(token)
            result.append(ins)
        else:
            result.append(token)
    return result


@functools.lru_cache(maxsize=4096)
def _content_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in tokenize(text) if not t.isspace())


def similarity(old: str, new: str) -> float:
    """How alike two texts are, 0–1, on their tokens (Han characters, words, numbers): the share of
    tokens in a longest common subsequence (rapidfuzz's normalised Indel similarity)."""
    if old == new:
        return 1.0
    if not old or not new:
        return 0.0
    a, b = _content_tokens(old), _content_tokens(new)
    if not a or not b:
        return 0.0
    return fuzz.ratio(a, b) / 100.0
