"""Tagging townships with the plan's roles: names in, one tag set per feature out.

No QGIS here: ``tag_townships`` takes (fid, name, code) triples and a catalogue
and returns, for each feature, the values the output layer gets (plan_name,
match, juris, plan_note, one value per structure field, plan_cite) and the rows
of the match report. It never guesses:

- a name no plan township fits is left untagged and reported with the closest
  plan names as suggestions;
- a name several plan townships fit is left untagged and reported;
- two or more features that resolve to the same plan township are all left
  untagged and reported (unless a code field shows they are parts of one
  township), so a typo cannot silently give two polygons the same role;
- where the plan contradicts itself the value holds every reading
  ("第一级|第三级") and plan_note names the lines;
- a value the catalogue infers (a ``derived`` class or member: "the other 14 towns", a 商圈 or
  片区 that bears the township's name) is written as such: plan_infer names the field, the value
  and the class's own line, plan_cite gives that line too, plan_note says how it is inferred, and
  the match report has an "inferred" row;
- plan townships absent from the layer are reported as missing.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from ...i18n import tr
from .names import ALIAS, AMBIGUOUS, EXACT, NORMALISED, UNMATCHED, NameMatcher, clean

# Statuses of the match report besides the NameMatch outcomes.
DUPLICATE = "duplicate"  # several features, one plan township: ambiguous, none tagged
PARTS = "parts"  # several features with one code: parts of one township, all tagged
MISSING = "missing"  # a plan township no feature matched
OTHER_JURIS = "other_juris"  # the code field puts the feature in another jurisdiction
CONFLICT = "conflict"  # matched, but the plan gives two readings in a structure
INFERRED = "inferred"  # matched, and a structure's value is the catalogue's inference, not the plan's words

TAG_FIELDS = ("plan_name", "match", "juris", "plan_note")
CITE_FIELD = "plan_cite"
INFER_FIELD = "plan_infer"  # the structure values that are inferences, each with its class's line
REPORT_FIELDS = [("layer", str), ("layer_fid", int), ("name", str), ("status", str), ("plan_name", str),
                 ("candidates", str), ("fix", str)]
SEPARATOR = "|"  # between the readings of a contradiction


def tag_field_names(catalogue) -> List[str]:
    """Every field tagging adds, in order: the four tag fields, one per structure, plan_cite, plan_infer."""
    return [*TAG_FIELDS, *(s.field for s in catalogue.structures), CITE_FIELD, INFER_FIELD]


@dataclass
class FeatureName:
    fid: int
    name: object
    code: object = None


@dataclass
class Tags:
    """The values tagging writes on one feature."""

    plan_name: Optional[str] = None
    match: str = UNMATCHED
    juris: Optional[str] = None
    plan_note: Optional[str] = None
    values: Dict[str, Optional[str]] = field(default_factory=dict)  # structure field -> value
    plan_cite: Optional[str] = None
    plan_infer: Optional[str] = None
    inferred: List[Tuple[object, object]] = field(default_factory=list)  # (structure, Reading) inferred

    def attributes(self, catalogue) -> list:
        return [self.plan_name, self.match, self.juris, self.plan_note,
                *(self.values.get(s.field) for s in catalogue.structures), self.plan_cite, self.plan_infer]


@dataclass
class ReportRow:
    layer: str
    fid: Optional[int]
    name: Optional[str]
    status: str
    plan_name: Optional[str]
    candidates: str
    fix: str

    def attributes(self) -> list:
        return [self.layer, self.fid, self.name, self.status, self.plan_name, self.candidates, self.fix]


@dataclass
class TaggingResult:
    tags: Dict[int, Tags]
    rows: List[ReportRow]

    def count(self, *statuses) -> int:
        return sum(1 for t in self.tags.values() if t.match in statuses)

    @property
    def matched(self) -> int:
        return sum(1 for t in self.tags.values() if t.plan_name is not None and t.match in (EXACT, NORMALISED, ALIAS))

    @property
    def unmatched(self) -> int:
        return self.count(UNMATCHED, OTHER_JURIS)

    @property
    def ambiguous(self) -> int:
        return self.count(AMBIGUOUS, DUPLICATE)

    @property
    def missing(self) -> int:
        return sum(1 for r in self.rows if r.status == MISSING)


def code_text(code) -> str:
    """A township code as text: 500154001 from an integer, a real (500154001.0) or a string."""
    if code is None:
        return ""
    if isinstance(code, float):
        if code != code:  # NaN
            return ""
        if code.is_integer():
            return str(int(code))
    text = clean(code)
    return "" if text.upper() in ("NULL", "NONE") else text


def _cites_text(cites: Sequence[Tuple[str, object]]) -> Optional[str]:
    """'003_….txt: tier 135; zone 160' — one file name per document, then field and line(s)."""
    by_file: OrderedDict[str, OrderedDict[str, List[int]]] = OrderedDict()
    for field_name, cite in cites:
        lines = by_file.setdefault(cite.file or cite.doc, OrderedDict()).setdefault(field_name, [])
        if cite.line not in lines:
            lines.append(cite.line)
    if not by_file:
        return None
    return " / ".join(
        f"{file}: " + "; ".join(f"{name} {','.join(str(n) for n in lines)}" for name, lines in fields.items())
        for file, fields in by_file.items())


def plan_tags(catalogue, township: str, how: str) -> Tags:
    """The tags of a feature matched to ``township`` (``how``: exact, normalised, alias)."""
    plan_township = catalogue.township(township)
    tags = Tags(plan_name=township, match=how, juris=catalogue.name)
    cites = [("name", plan_township.cite)] if plan_township is not None else []
    notes = []
    for structure in catalogue.structures:
        readings = structure.readings_for(township)
        values = list(OrderedDict.fromkeys(r.value for r in readings))
        tags.values[structure.field] = SEPARATOR.join(values) if values else None
        cites.extend((structure.field, r.cite) for r in readings)
        for reading in readings:
            if reading.inferred:
                tags.inferred.append((structure, reading))
                if reading.basis is not None:
                    cites.append((structure.field, reading.basis))
                notes.append(tr("{structure}: {value} is inferred, not stated: {note}").format(
                    structure=structure.name, value=reading.value, note=reading.note or structure.name))
        if len(values) > 1:
            readings_text = ", ".join(f"{r.value} ({r.cite})" for r in readings)
            notes.append(tr("{structure}: the plan contradicts itself: {readings}.").format(
                structure=structure.name, readings=readings_text))
    tags.plan_note = " ".join(notes) or None
    tags.plan_cite = _cites_text(cites)
    tags.plan_infer = "; ".join(inferred_text(structure, reading) for structure, reading in tags.inferred) or None
    return tags


def inferred_text(structure, reading) -> str:
    """'role: 多特色 (inferred; the class: 000_….txt:274)' — a value tagged by inference, with its class's line."""
    if reading.basis is None:
        return tr("{field}: {value} (inferred)").format(field=structure.field, value=reading.value)
    return tr("{field}: {value} (inferred; the class: {cite})").format(field=structure.field, value=reading.value,
                                                                       cite=reading.basis)


def tag_townships(features: Sequence[FeatureName], catalogue, layer: str = "", use_codes: bool = False) \
        -> TaggingResult:
    """Tags and report rows for ``features`` against ``catalogue``.

    ``use_codes``: the features carry township codes (9- or 12-digit division
    codes). A code that does not start with the catalogue's jurisdiction code
    marks a feature of another district, left untagged; features sharing a
    name and a code are parts of one township and are all tagged.
    """
    matcher = NameMatcher(catalogue.townships, catalogue.name)
    tags: Dict[int, Tags] = {}
    rows: List[ReportRow] = []
    matches = {}
    by_township: Dict[str, List[FeatureName]] = OrderedDict()

    def row(feature, status, plan_name=None, candidates="", fix=""):
        rows.append(ReportRow(layer, feature.fid if feature is not None else None,
                              None if feature is None or feature.name is None else str(feature.name),
                              status, plan_name, candidates, fix))

    for feature in features:
        code = code_text(feature.code) if use_codes else ""
        if use_codes and code and catalogue.code and not code.startswith(catalogue.code):
            tags[feature.fid] = Tags(match=OTHER_JURIS, plan_note=tr(
                "Code {code} is not in {juris} ({prefix}…).").format(code=code, juris=catalogue.name,
                                                                     prefix=catalogue.code))
            row(feature, OTHER_JURIS, fix=tr(
                "Not tagged: the feature belongs to another jurisdiction. Use that jurisdiction's catalogue, "
                "or correct the code."))
            continue
        result = matcher.match(feature.name)
        matches[feature.fid] = result
        if result.how == AMBIGUOUS:
            tags[feature.fid] = Tags(match=AMBIGUOUS, plan_note=tr("Fits several plan townships: {names}.").format(
                names=", ".join(result.candidates)))
            row(feature, AMBIGUOUS, candidates=", ".join(result.candidates), fix=tr(
                "Not tagged. Write the full name with its suffix (for example {example}) in the name field, "
                "then run again.").format(example=result.candidates[0]))
        elif result.how == UNMATCHED:
            empty = not clean(feature.name)
            tags[feature.fid] = Tags(match=UNMATCHED)
            if empty:
                fix = tr("Not tagged: the name is empty. Fill in the township's name, then run again.")
            elif result.suggestions:
                fix = tr("Not tagged: no plan township has this name. If it is a misspelling, correct it "
                         "(closest plan names: {names}); if it is an old name, add it to the catalogue's "
                         "`aliases`.").format(names=", ".join(result.suggestions))
            else:
                fix = tr("Not tagged: the catalogue names no such township. Nothing to do if the plan does not "
                         "mention it; if it does, add the layer's spelling to the catalogue's `aliases`. Check "
                         "also that the layer and the catalogue are of the same jurisdiction.")
            row(feature, UNMATCHED, candidates=", ".join(result.suggestions), fix=fix)
        else:
            by_township.setdefault(result.township, []).append(feature)

    for township, group in by_township.items():
        codes = {code_text(f.code) for f in group} if use_codes else set()
        parts = len(group) > 1 and len(codes) == 1 and "" not in codes
        if len(group) > 1 and not parts:
            fids = ", ".join(str(f.fid) for f in group)
            for feature in group:
                tags[feature.fid] = Tags(match=AMBIGUOUS, plan_note=tr(
                    "Features {fids} all resolve to {township}.").format(fids=fids, township=township))
                row(feature, DUPLICATE, plan_name=township, candidates=tr("features {fids}").format(fids=fids),
                    fix=tr("Not tagged: several features resolve to {township}. Correct the wrong name; if they "
                           "are parts of one township, dissolve them or give them one code in the code field.")
                    .format(township=township))
            continue
        for feature in group:
            result = matches[feature.fid]
            feature_tags = plan_tags(catalogue, township, result.how)
            tags[feature.fid] = feature_tags
            if result.how == ALIAS:
                row(feature, ALIAS, plan_name=township, fix=tr("Tagged: an alias listed in the catalogue."))
            elif result.how == NORMALISED:
                row(feature, NORMALISED, plan_name=township, fix=tr(
                    "Tagged: the name differs from the plan's only in suffix, spaces or character width."))
            if parts:
                row(feature, PARTS, plan_name=township,
                    candidates=tr("features {fids}").format(fids=", ".join(str(f.fid) for f in group)),
                    fix=tr("Tagged: the features share code {code}, read as parts of one township.").format(
                        code=code_text(feature.code)))
            for structure, reading in feature_tags.inferred:
                row(feature, INFERRED, plan_name=township, candidates=inferred_text(structure, reading), fix=tr(
                    "Tagged {field} = {value} (inferred): the catalogue's inference, not the plan's words. {note} "
                    "Check it against the plan before relying on it.").format(
                    field=structure.field, value=reading.value, note=reading.note or structure.name))
            for structure in catalogue.structures:
                if SEPARATOR not in (feature_tags.values.get(structure.field) or ""):
                    continue
                conflict = next((c for c in structure.conflicts if c.township == township), None)
                readings = ", ".join(f"{r.value} ({r.cite})" for r in structure.readings_for(township))
                row(feature, CONFLICT, plan_name=township, candidates=readings, fix=(tr(
                    "Tagged {field} with every reading: the plan contradicts itself. Decide which applies and "
                    "edit the field.").format(field=structure.field) + (
                    " " + conflict.note.strip() if conflict is not None and conflict.note else "")))

    present = set(by_township)
    for township in catalogue.townships:
        if township.name not in present:
            rows.append(ReportRow(layer, None, None, MISSING, township.name, str(township.cite), tr(
                "No feature of the layer is named {township}. Check whether it is missing, merged into another "
                "township, or written differently (see the unmatched rows).").format(township=township.name)))
    return TaggingResult(tags, rows)
