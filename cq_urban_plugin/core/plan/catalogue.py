"""Plan catalogues: the plans' formulas and targets as validated data.

A catalogue is a YAML file (schema in ``catalogues/README.md``). Loading it
checks every rule of the schema and reports the first problem with the file,
the line and the fix, so that a technician editing a copy of
``_template.yaml`` is told exactly what to change.
"""
from __future__ import annotations

import hashlib
import math
import os
import re
import stat
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from ...resources import CATALOGUE_DIR
from ..errors import CatalogueError
from .model import (
    COMPARISONS,
    KIND_OF_INDICATOR,
    LAYER_ROLES,
    LEVELS,
    MEASURE_KINDS,
    NON_NEGATIVE_UNITS,
    RESERVED_FIELDS,
    SCHEMA_VERSION,
    STRUCTURE_KINDS,
    UNIT_KINDS,
    Catalogue,
    Cite,
    Conflict,
    Document,
    Measure,
    Member,
    PlanClass,
    Reading,
    Structure,
    Target,
    Township,
)
from .yaml_lines import MAX_BYTES, DuplicateKey, LineLoader, TooLarge, check_size

_FIELD_RE = re.compile(r"^[a-z][a-z0-9_]{0,9}$")
_KIND_NAMES = {int: "whole number (e.g. 2025)", float: "number (e.g. 12.5)", str: "text", list: "list",
               dict: "mapping"}
# The indicators a target may name (catalogues/README.md): the checks pick their targets by them
# (builtup_area: core/checks/builtup.py, bus_stop_coverage: coverage.py, urban_land_per_capita and
# park_green_per_capita: per_capita.py, population: population_places.py, the shares: land_share.py,
# distance_rule: distance_rule.py); `other` is measured by none. Any other name is refused: a misspelt
# indicator would never be measured, silently.
TARGET_KEYS = {"id", "indicator", "label", "label_en", "value", "value_min", "value_max", "unit", "comparison",
               "year", "scope", "binding", "baseline", "cite", "note", "measure", "tolerance_pct", "value_text",
               "derived"}
INDICATORS = tuple(KIND_OF_INDICATOR)  # the indicators a target may name, each with the kind it is measured by


class _Reader:
    """Validates one file, raising CatalogueError at the first problem."""

    def __init__(self, path: Path):
        self.path = path
        self.documents: Dict[str, Document] = {}

    def fail(self, node, problem, fix, key=None):
        line = getattr(node, "line", 0)
        if key is not None:
            line = getattr(node, "key_lines", {}).get(key, line)
        raise CatalogueError(self.path, line, problem, fix)

    def get(self, node, key, kind=str, where="", required=True, default=None):
        if not isinstance(node, dict):
            self.fail(node, f"{where} should be a mapping of keys.", "indent its keys under it as `key: value`.")
        if key not in node or node[key] is None:
            if required:
                self.fail(node, f"{where} has no '{key}'.", f"add `{key}: …` to it (see _template.yaml).")
            return default
        value = node[key]
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            # YAML reads yes/no/on/off as true/false, which Python would take as 1/0
            self.fail(node, f"{where}: '{key}' should be {kind.__name__}, not {type(value).__name__} ({value!r}).",
                      f"write '{key}' as a {_KIND_NAMES.get(kind, kind.__name__)}"
                      + (" (YAML reads yes, no, on, off, true and false as yes/no values, not as numbers or text)"
                         if isinstance(value, bool) else "") + ".", key=key)
        if kind is float and not math.isfinite(value):
            self.fail(node, f"{where}: '{key}' is {value!r}, not a number.",
                      f"write '{key}' as the plan's figure, e.g. `{key}: 12.5`.", key=key)
        return value

    def cite(self, node, where, required=True) -> Optional[Cite]:
        raw = self.get(node, "cite", dict, where, required=required)
        if raw is None:
            return None
        doc = self.get(raw, "doc", str, f"{where} cite")
        if doc not in self.documents:
            self.fail(raw, f"{where} cites document '{doc}', which is not under `documents`.",
                      f"use one of {sorted(self.documents)} or add the document.")
        line = self.get(raw, "line", int, f"{where} cite")
        if line < 1:
            self.fail(raw, f"{where} cites line {line}.", "line numbers start at 1.")
        quote = self.get(raw, "quote", str, f"{where} cite", required=False, default="")
        return Cite(doc, line, quote, self.documents[doc].file)

    def read_bytes(self) -> bytes:
        """The file's bytes: a regular file of at most MAX_BYTES. A FIFO, a device
        (/dev/zero) or a folder is refused before it is opened, so nothing hangs."""
        try:
            info = os.stat(self.path)
        except OSError as error:
            raise CatalogueError(self.path, 0, f"cannot be read ({error.strerror or error}).",
                                 "check the path and the file's permissions.") from None
        if not stat.S_ISREG(info.st_mode):
            kind = ("a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode)
                    else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                    else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
            raise CatalogueError(self.path, 0, f"is {kind}, not a catalogue file.",
                                 "choose a .yaml file saved on disk (start from _template.yaml).")
        if info.st_size > MAX_BYTES:
            raise CatalogueError(self.path, 0, f"is {info.st_size:,} bytes; a catalogue is at most {MAX_BYTES:,}.",
                                 "choose the catalogue itself (the bundled ones are under 50 kB), not a data file.")
        try:
            with open(self.path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise CatalogueError(self.path, 0, f"cannot be read ({error.strerror or error}).",
                                 "check the path and the file's permissions.") from None
        if len(data) > MAX_BYTES:  # grew since it was looked at
            raise CatalogueError(self.path, 0, f"is more than {MAX_BYTES:,} bytes.",
                                 "choose the catalogue itself, not a data file.")
        return data

    def parse(self, text: str):
        loader = LineLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            check_size(node)
            return loader.construct_document(node)
        finally:
            loader.dispose()

    def read(self) -> Catalogue:
        data = self.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = text_line_of_byte(data, error.start)
            raise CatalogueError(self.path, line, "the file is not UTF-8 text.",
                                 "save it as UTF-8 (in Notepad++: Encoding > UTF-8).") from None
        try:
            root = self.parse(text)
        except DuplicateKey as error:
            raise CatalogueError(self.path, error.line,
                                 f"key '{error.key}' is given twice in one entry (first on line {error.first_line}).",
                                 "keep one of them: YAML would silently use the last.") from None
        except TooLarge as error:
            raise CatalogueError(self.path, error.line, f"is not a catalogue: {error.problem}.",
                                 "a catalogue lists townships, structures and targets plainly; start from "
                                 "_template.yaml.") from None
        except RecursionError:
            raise CatalogueError(self.path, 0, "is not a catalogue: it nests too deeply to be read.",
                                 "start from _template.yaml.") from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark else 0
            problem = getattr(error, "problem", None) or str(error)
            raise CatalogueError(self.path, line, f"is not valid YAML ({problem}).",
                                 "check indentation (spaces, not tabs) and that every `key:` has a space "
                                 "after the colon.") from None
        if not isinstance(root, dict):
            self.fail(root, "the file should be a YAML mapping.", "start from _template.yaml.")
        version = self.get(root, "schema_version", int, "the file")
        if version != SCHEMA_VERSION:
            self.fail(root, f"schema_version {version} is not supported.", f"write `schema_version: {SCHEMA_VERSION}`.")
        juris = self.get(root, "jurisdiction", dict, "the file")
        level = self.get(juris, "level", str, "jurisdiction")
        if level not in LEVELS:
            self.fail(juris, f"jurisdiction level '{level}' is unknown.", f"use one of {', '.join(LEVELS)}.")
        for raw in self.get(root, "documents", list, "the file"):
            doc_id = self.get(raw, "id", str, "a document")
            if doc_id in self.documents:
                self.fail(raw, f"document id '{doc_id}' is used twice.", "give each document its own id.")
            self.documents[doc_id] = Document(doc_id, self.get(raw, "file", str, f"document {doc_id}"),
                                              self.get(raw, "title", str, f"document {doc_id}"))
        townships = self.read_townships(root)
        names = {t.name for t in townships}
        structures = self.read_structures(root, names)
        targets = self.read_targets(root, structures, names)
        return Catalogue(
            path=self.path,
            name=self.get(juris, "name", str, "jurisdiction"),
            name_en=self.get(juris, "name_en", str, "jurisdiction", required=False, default=""),
            code=self.get(juris, "code", str, "jurisdiction"),
            level=level,
            documents=self.documents,
            townships=townships,
            structures=structures,
            targets=targets,
        )

    def read_townships(self, root) -> List[Township]:
        townships, seen = [], set()
        for raw in self.get(root, "townships", list, "the file", required=False, default=[]):
            name = self.get(raw, "name", str, "a township").strip()
            where = f"township '{name}'"
            if name in seen:
                self.fail(raw, f"{where} is listed twice.", "keep one entry and put other spellings under `aliases`.")
            seen.add(name)
            kind = self.get(raw, "kind", str, where)
            if kind not in UNIT_KINDS:
                self.fail(raw, f"{where}: kind '{kind}' is unknown.", f"use one of {', '.join(UNIT_KINDS)}.")
            aliases = self.get(raw, "aliases", list, where, required=False, default=[])
            townships.append(Township(name, kind, tuple(str(a) for a in aliases), self.cite(raw, where)))
        return townships

    def read_structures(self, root, names) -> List[Structure]:
        structures, ids, fields = [], set(), set()
        for raw in self.get(root, "structures", list, "the file", required=False, default=[]):
            sid = self.get(raw, "id", str, "a structure")
            where = f"structure '{sid}'"
            if sid in ids:
                self.fail(raw, f"{where} is defined twice.", "give each structure its own id.")
            ids.add(sid)
            field_name = self.get(raw, "field", str, where)
            if not _FIELD_RE.match(field_name) or field_name in RESERVED_FIELDS:
                self.fail(raw, f"{where}: field name '{field_name}' cannot be used.",
                          "use lower-case ASCII letters, digits and _, at most 10 characters, "
                          f"starting with a letter, and none of {', '.join(RESERVED_FIELDS)}.", key="field")
            if field_name in fields:
                self.fail(raw, f"{where}: field '{field_name}' is already written by another structure.",
                          "give each structure its own field.")
            fields.add(field_name)
            kind = self.get(raw, "kind", str, where)
            if kind not in STRUCTURE_KINDS:
                self.fail(raw, f"{where}: kind '{kind}' is unknown.", f"use one of {', '.join(STRUCTURE_KINDS)}.")
            classes = []
            for index, raw_class in enumerate(self.get(raw, "classes", list, where), start=1):
                value = self.get(raw_class, "value", str, f"{where}, a class")
                cwhere = f"{where}, class '{value}'"
                members = []
                for raw_member in self.get(raw_class, "members", list, cwhere, required=False, default=[]):
                    member = self.get(raw_member, "name", str, f"{cwhere}, a member")
                    if member not in names:
                        self.fail(raw_member, f"{cwhere}: member '{member}' is not under `townships`.",
                                  "add it to `townships`, or write its name exactly as listed there.")
                    members.append(Member(member, self.cite(raw_member, f"{cwhere}: member '{member}'"),
                                          self.get(raw_member, "derived", bool, f"{cwhere}: member '{member}'",
                                                   required=False, default=False)))
                classes.append(PlanClass(
                    value=value,
                    label=self.get(raw_class, "label", str, cwhere, required=False, default=value),
                    label_en=self.get(raw_class, "label_en", str, cwhere, required=False, default=value),
                    order=self.get(raw_class, "order", int, cwhere, required=False, default=index),
                    cite=self.cite(raw_class, cwhere, required=False),
                    members=members,
                    derived=self.get(raw_class, "derived", bool, cwhere, required=False, default=False),
                    note=str(raw_class.get("note") or ""),
                ))
            conflicts = []
            for raw_conflict in self.get(raw, "conflicts", list, where, required=False, default=[]):
                township = self.get(raw_conflict, "township", str, f"{where}, a conflict")
                if township not in names:
                    self.fail(raw_conflict, f"{where}: conflict names '{township}', which is not under `townships`.",
                              "write the name exactly as listed under `townships`.")
                readings = [Reading(self.get(r, "value", str, f"{where}, conflict '{township}'"),
                                    self.cite(r, f"{where}, conflict '{township}'"))
                            for r in self.get(raw_conflict, "readings", list, f"{where}, conflict '{township}'")]
                if len(readings) < 2:
                    self.fail(raw_conflict, f"{where}: conflict '{township}' has fewer than two readings.",
                              "list every reading the plan gives, each with its cite.")
                conflicts.append(Conflict(township, readings, str(raw_conflict.get("note") or "")))
            structure = Structure(
                id=sid, field=field_name, kind=kind,
                name=self.get(raw, "name", str, where),
                name_en=self.get(raw, "name_en", str, where, required=False, default=""),
                cite=self.cite(raw, where),
                complete=bool(raw.get("complete", False)),
                classes=classes, conflicts=conflicts,
            )
            self.check_single_reading(raw, structure)
            structures.append(structure)
        return structures

    def check_single_reading(self, raw, structure: Structure):
        recorded = {c.township for c in structure.conflicts}
        seen = {}
        for plan_class in structure.classes:
            for member in plan_class.members:
                previous = seen.get(member.name)
                if previous is not None and previous != plan_class.value and member.name not in recorded:
                    self.fail(raw, f"structure '{structure.id}': '{member.name}' is in both '{previous}' and "
                                   f"'{plan_class.value}'.",
                              "if the plan really says both, add a `conflicts` entry with both readings "
                              "and their lines; otherwise remove the wrong one.")
                seen[member.name] = plan_class.value

    def read_targets(self, root, structures, names) -> List[Target]:
        targets, ids = [], set()
        by_id = {s.id: s for s in structures}
        for raw in self.get(root, "targets", list, "the file", required=False, default=[]):
            tid = self.get(raw, "id", str, "a target")
            where = f"target '{tid}'"
            if tid in ids:
                self.fail(raw, f"{where} is defined twice.", "give each target its own id.")
            ids.add(tid)
            comparison = self.get(raw, "comparison", str, where, required=False, default=">=")
            if comparison not in COMPARISONS:
                self.fail(raw, f"{where}: comparison '{comparison}' is unknown.",
                          "use '>=' for a floor, '<=' for a cap, '=' for a figure, 'range' with "
                          "value_min and value_max, or 'about' for an approximate or planned figure (约, 左右).")
            unknown = sorted(set(raw) - TARGET_KEYS) if isinstance(raw, dict) else []
            if unknown:
                self.fail(raw, f"{where}: '{unknown[0]}' is not a key of a target.",
                          f"use {', '.join(sorted(TARGET_KEYS))} (in a flow mapping {{…}}, quote a text "
                          "holding a comma or a colon).", key=unknown[0])
            if comparison == "range" and raw.get("value_min") is None and raw.get("value_max") is None:
                self.fail(raw, f"{where}: comparison 'range' needs value_min, value_max or both.",
                          "write the range's bounds as the plan gives them, e.g. value_min: 8, value_max: 10.",
                          key="comparison")
            scope = self.get(raw, "scope", str, where, required=False, default="jurisdiction")
            if ":" in scope:
                sid, _, value = scope.partition(":")
                if sid in by_id and by_id[sid].class_of(value) is None:
                    self.fail(raw, f"{where}: scope '{scope}' names no class of structure '{sid}'.",
                              f"use one of {[c.value for c in by_id[sid].classes]}.")
            year = self.get(raw, "year", int, where, required=False)
            indicator = self.get(raw, "indicator", str, where)
            if indicator not in INDICATORS:
                self.fail(raw, f"{where}: indicator '{indicator}' is unknown.",
                          f"use one of {', '.join(INDICATORS)} (`other` for a target no check measures).",
                          key="indicator")
            targets.append(Target(
                id=tid,
                indicator=indicator,
                label=self.get(raw, "label", str, where),
                label_en=self.get(raw, "label_en", str, where, required=False, default=""),
                value=self.target_number(raw, "value", where, required=True),
                unit=self.get(raw, "unit", str, where),
                comparison=comparison, year=year, scope=scope,
                cite=self.cite(raw, where),
                binding=self.get(raw, "binding", str, where, required=False, default=""),
                value_min=self.target_number(raw, "value_min", where),
                value_max=self.target_number(raw, "value_max", where),
                baseline=raw.get("baseline"),
                note=str(raw.get("note") or ""),
                measure=self.read_measure(raw, indicator, where),
                **self.read_wording(raw, comparison, where),
            ))
        return targets

    def read_wording(self, raw, comparison, where) -> dict:
        """A target's tolerance (comparison 'about'), its value in the plan's words and its inference."""
        tolerance = self.target_number(raw, "tolerance_pct", where)
        if tolerance is not None and (comparison != "about" or tolerance < 0):
            self.fail(raw, f"{where}: tolerance_pct {tolerance:g} needs comparison 'about' and is not negative.",
                      "write `comparison: about` (an approximate figure) or remove tolerance_pct.",
                      key="tolerance_pct")
        value_text = self.get(raw, "value_text", str, where, required=False, default="").strip()
        derived = raw.get("derived", False)
        if not isinstance(derived, (bool, str)):
            self.fail(raw, f"{where}: 'derived' should be true or a text saying how the value is derived.",
                      "write e.g. `derived: 全覆盖 read as 100 % of the townships`.", key="derived")
        derivation = derived.strip() if isinstance(derived, str) else ""
        if value_text and not derivation:
            self.fail(raw, f"{where}: value_text '{value_text}' needs the number's derivation.",
                      "write `derived: <how the words give the value>` (e.g. 全覆盖 read as 100 %).",
                      key="value_text")
        if derived is True and not str(raw.get("note") or "").strip():
            self.fail(raw, f"{where}: a derived target explains the inference.", "write it in `note:`.",
                      key="derived")
        return dict(tolerance_pct=tolerance, value_text=value_text, derived=bool(derived), derivation=derivation)

    def read_measure(self, raw, indicator, where) -> Measure:
        """A target's `measure` block, or the kind its indicator is measured by."""
        block = raw.get("measure")
        if block is None:
            return Measure(kind=KIND_OF_INDICATOR.get(indicator, "none"),
                           reason="" if KIND_OF_INDICATOR.get(indicator, "none") != "none"
                           else "no check measures this indicator")
        where = f"{where}, measure"
        kind = self.get(block, "kind", str, where)
        if kind not in MEASURE_KINDS:
            self.fail(block, f"{where}: kind '{kind}' is unknown.", f"use one of {', '.join(MEASURE_KINDS)}.",
                      key="kind")
        layers = self.get(block, "layers", list, where, required=False, default=[])
        for role in layers:
            if role not in LAYER_ROLES:
                self.fail(block, f"{where}: layer role '{role}' is unknown.", f"use roles of {', '.join(LAYER_ROLES)}.",
                          key="layers")
        known = {"kind", "layers", "facility", "facility_type", "distance_m", "minutes", "share_pct", "denominator",
                 "classes", "convention", "source", "reason", "convention_zh", "reason_zh"}
        unknown = sorted(set(block) - known)
        if unknown:
            self.fail(block, f"{where}: '{unknown[0]}' is not a key of a measure.",
                      f"use {', '.join(sorted(known))}.", key=unknown[0])
        reason = self.get(block, "reason", str, where, required=False, default="")
        if kind == "none" and not reason:
            self.fail(block, f"{where}: a target no layer can measure says why.",
                      "write `reason:` (e.g. 户籍人口 comes from the household register, not from a layer).",
                      key="kind")
        return Measure(
            kind=kind, layers=tuple(layers), facility=self.get(block, "facility", str, where, required=False,
                                                                 default=""),
            facility_type=self.get(block, "facility_type", str, where, required=False, default=""),
            distance_m=self.get(block, "distance_m", float, where, required=False),
            minutes=self.get(block, "minutes", float, where, required=False),
            share_pct=self.get(block, "share_pct", float, where, required=False),
            denominator=self.get(block, "denominator", str, where, required=False, default=""),
            classes=self.get(block, "classes", str, where, required=False, default=""),
            convention=self.get(block, "convention", str, where, required=False, default=""),
            source=self.get(block, "source", str, where, required=False, default=""),
            reason=reason,
            convention_zh=self.get(block, "convention_zh", str, where, required=False, default=""),
            reason_zh=self.get(block, "reason_zh", str, where, required=False, default=""))


    def target_number(self, raw, key, where, required=False) -> Optional[float]:
        value = self.get(raw, key, float, where, required=required)
        unit = raw.get("unit") if isinstance(raw, dict) else None
        if value is not None and value < 0 and unit in NON_NEGATIVE_UNITS:
            self.fail(raw, f"{where}: '{key}' is {value:g} {unit}; an amount in {unit} cannot be negative.",
                      "write the plan's figure without the minus sign; for a cap use `comparison: \"<=\"`.",
                      key=key)
        return value


def text_line_of_byte(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


_read_once: dict = {}  # (path, digest of its bytes) -> Catalogue: a file parsed again only when it changed


def load_catalogue(path) -> Catalogue:
    """Read and validate a catalogue file; raise CatalogueError naming file, line and fix.
    A file already read is not parsed again while its bytes are the same (the panel and every
    check of a batch read the same catalogues)."""
    path = Path(path)
    try:
        key = (str(path.resolve()), hashlib.sha1(path.read_bytes()).hexdigest()) \
            if path.is_file() and path.stat().st_size <= MAX_BYTES else None
    except OSError:
        key = None  # the reader says what is wrong with the path
    if key is not None and key in _read_once:
        return _read_once[key]
    catalogue = _Reader(path).read()
    if key is not None:
        _read_once[key] = catalogue
    return catalogue


def bundled_catalogue_paths() -> List[Path]:
    """The catalogues shipped with the plugin, template excluded."""
    return sorted(p for p in CATALOGUE_DIR.glob("*.yaml") if not p.name.startswith("_"))


def bundled_catalogue(catalogue_id: str) -> Catalogue:
    path = CATALOGUE_DIR / f"{catalogue_id}.yaml"
    if not path.exists():
        ids = [p.stem for p in bundled_catalogue_paths()]
        raise CatalogueError(path, 0, f"no bundled catalogue '{catalogue_id}'.", f"use one of {', '.join(ids)}.")
    return load_catalogue(path)


def seed_line(seeds_dir: Path, cite: Cite) -> Optional[str]:
    """The cited line of a source document, where the seeds folder is at hand (tests, checks)."""
    path = Path(seeds_dir) / cite.file
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[cite.line - 1] if cite.line <= len(lines) else ""
