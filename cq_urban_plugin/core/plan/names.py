"""Matching the township names of a user's layer against a plan catalogue.

Real township layers write names in many ways: with or without the suffix
(镇, 乡, 街道, 街道办事处 …), with spaces or invisible characters, in full-width
characters, with a 乡 that has since become a 镇 (or a 镇 that became a
街道), or with an old name the catalogue lists as an alias. ``match_name``
tolerates exactly these and nothing more: it never picks the closest spelling
by edit distance. Near misses are only *suggested* (``suggest``) so that the
user decides.

Outcomes (``NameMatch.how``):
- ``exact``: the layer writes the plan's name;
- ``normalised``: equal after width, spaces and suffix are ignored;
- ``alias``: one of the catalogue's aliases of the township;
- ``ambiguous``: several plan townships fit, none is picked;
- ``unmatched``: no plan township fits.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

EXACT = "exact"
NORMALISED = "normalised"
ALIAS = "alias"
AMBIGUOUS = "ambiguous"
UNMATCHED = "unmatched"

# Longest first: 街道办事处 must go before 街道 and 办事处. 区 and 县 serve the
# municipal catalogue, whose units are districts and counties.
_SUFFIXES = ("街道办事处", "街道办", "办事处", "街道", "民族乡", "自治县", "镇", "乡", "区", "县")
# Ethnic townships: 土家族乡, 苗族土家族乡, 土家族苗族乡 … (a 民族乡 is still a 乡).
_ETHNIC = re.compile(r"(?:(?:土家|苗|回|彝|蒙古|藏|壮|满|侗|瑶|白|仡佬|布依|羌)族)+(?=乡$|自治县$)")
_MUNICIPALITY_PREFIXES = ("重庆市", "重庆")


def clean(name) -> str:
    """NFKC (full-width → half-width) without any whitespace or invisible characters."""
    if name is None:
        return ""
    text = unicodedata.normalize("NFKC", str(name))
    # Cf: zero-width spaces, joiners, BOM, soft hyphen; whitespace: ordinary,
    # no-break and ideographic spaces (NFKC turns U+3000 into a space).
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc"))


def strip_suffix(name: str) -> str:
    """The name without its administrative suffix; the name itself if only a suffix is left."""
    stem = _ETHNIC.sub("", name)
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            return stem[: -len(suffix)]
    return name


def name_key(name, prefixes: Sequence[str] = ()) -> str:
    """The comparison key of a name: cleaned, prefixes such as 重庆市开州区 dropped, suffix stripped.

    Two names with the same key are the same township for the matcher (白桥乡 and
    白桥镇, 白鹤 and 白鹤街道办事处, ＂白 鹤＂ and 白鹤).
    """
    text = clean(name)
    changed = True
    while changed:  # 重庆市开州区白鹤街道: drop 重庆市, then 开州区
        changed = False
        for prefix in prefixes:
            if prefix and text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix):]
                changed = True
    return strip_suffix(text)


def suffix_of(name) -> str:
    """The administrative suffix a name ends with ('' when none)."""
    text = clean(name)
    stem = strip_suffix(text)
    return text[len(stem):] if stem != text else ""


@dataclass
class NameMatch:
    """How one layer name relates to the plan."""

    name: str
    how: str
    township: Optional[str] = None  # the plan's name, when matched
    candidates: List[str] = field(default_factory=list)  # when ambiguous
    suggestions: List[str] = field(default_factory=list)  # when unmatched: close plan names, never applied

    @property
    def matched(self) -> bool:
        return self.township is not None


class NameMatcher:
    """Matches layer names against a list of plan townships (name, aliases)."""

    def __init__(self, townships, jurisdiction: str = ""):
        """``townships``: objects with ``name`` and ``aliases`` (catalogue.Township).
        ``jurisdiction``: the catalogue's 江津区 / 开州区 …, dropped when a layer name starts with it."""
        self.townships = list(townships)
        self.prefixes = tuple(p for p in (*_MUNICIPALITY_PREFIXES, clean(jurisdiction),
                                          strip_suffix(clean(jurisdiction))) if p)
        self._exact = {t.name: t.name for t in self.townships}
        self._by_key: Dict[str, List[str]] = {}
        self._alias_exact: Dict[str, List[str]] = {}
        self._alias_key: Dict[str, List[str]] = {}
        for township in self.townships:
            self._add(self._by_key, self.key(township.name), township.name)
            for alias in township.aliases:
                self._add(self._alias_exact, clean(alias), township.name)
                self._add(self._alias_key, self.key(alias), township.name)

    @staticmethod
    def _add(index, key, name):
        if key and name not in index.setdefault(key, []):
            index[key].append(name)

    def key(self, name) -> str:
        return name_key(name, self.prefixes)

    def match(self, name) -> NameMatch:
        raw = "" if name is None else str(name)
        text = clean(raw)
        if not text:
            return NameMatch(raw, UNMATCHED)
        if raw in self._exact:
            return NameMatch(raw, EXACT, raw)
        # An alias written as the catalogue writes it wins over a suffix-less
        # reading: an alias is the catalogue author's explicit statement.
        found = self._alias_exact.get(text, [])
        if len(found) == 1 and text not in self._exact:
            return NameMatch(raw, ALIAS, found[0])
        key = self.key(text)
        by_name = self._by_key.get(key, [])
        by_alias = [n for n in self._alias_key.get(key, []) if n not in by_name]
        if text in self._exact and not by_alias:
            return NameMatch(raw, NORMALISED, text)  # only spaces or width differ
        candidates = by_name + by_alias
        if len(candidates) > 1:
            # 文峰 for a catalogue holding 文峰街道 and 文峰镇: the layer's own
            # suffix decides when it names exactly one of them.
            same_suffix = [c for c in by_name if c == text]
            if len(same_suffix) == 1:
                return NameMatch(raw, NORMALISED, same_suffix[0])
            return NameMatch(raw, AMBIGUOUS, candidates=candidates)
        if by_name:
            return NameMatch(raw, NORMALISED, by_name[0])
        if by_alias:
            return NameMatch(raw, ALIAS, by_alias[0])
        return NameMatch(raw, UNMATCHED, suggestions=self.suggest(text))

    def suggest(self, name, limit: int = 3, exclude: Sequence[str] = ()) -> List[str]:
        """Plan names close to ``name`` (difflib ratio of the keys ≥ 0.5), best first.

        Shown to the user, never applied."""
        text, key = clean(name), self.key(name)
        scored = []
        for township in self.townships:
            if township.name in exclude:
                continue
            # On the keys: a shared suffix (街道) must not make names look alike.
            score = difflib.SequenceMatcher(None, key or text, self.key(township.name)).ratio()
            if score >= 0.5:
                scored.append((-score, township.name))
        return [name for _, name in sorted(scored)[:limit]]
