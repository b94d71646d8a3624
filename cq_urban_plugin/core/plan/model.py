"""The plan catalogue model: what a plan says, as data (townships, structures, targets, citations)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

SCHEMA_VERSION = 1
LEVELS = ("municipality", "district", "county")
UNIT_KINDS = ("街道", "镇", "乡", "区", "县")
STRUCTURE_KINDS = ("role", "tier", "zone", "function_type", "region", "group", "band")
# How a target compares: a floor, a cap, a figure, a range (value_min … value_max), or "about": an
# approximate or planned figure (约, 左右, 规划人口), no floor — the deviation is reported, and a verdict
# only within a tolerance (``tolerance_pct``) the catalogue or the user sets.
COMPARISONS = (">=", "<=", "=", "range", "about")
# Fields the tagging algorithm writes itself; a structure may not reuse them.
RESERVED_FIELDS = ("plan_name", "match", "juris", "plan_note", "plan_cite", "plan_infer")
# Units of amounts, which cannot be below zero (percentage points and rates can).
NON_NEGATIVE_UNITS = ("km2", "m2", "km", "m", "percent", "10k_persons", "persons", "count", "hours", "minutes",
                      "m2_per_person")


@dataclass(frozen=True)
class Cite:
    doc: str
    line: int
    quote: str = ""
    file: str = ""  # the document's file name, filled in from `documents`

    def __str__(self):
        return f"{self.file or self.doc}:{self.line}"


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    title: str


@dataclass(frozen=True)
class Township:
    name: str
    kind: str
    aliases: tuple
    cite: Cite


@dataclass(frozen=True)
class Member:
    name: str
    cite: Cite
    derived: bool = False  # this member's place in the class is an inference (the class's note says which)


@dataclass
class PlanClass:
    value: str
    label: str
    label_en: str
    order: int
    cite: Optional[Cite]
    members: List[Member]
    derived: bool = False
    note: str = ""


@dataclass
class Reading:
    value: str
    cite: Cite
    inferred: bool = False         # the value is an inference (a derived class or member), not a plain reading
    basis: Optional[Cite] = None   # then: the class's own line (what the plan says of the class)
    note: str = ""                 # then: how it is inferred (the class's note)


@dataclass
class Conflict:
    township: str
    readings: List[Reading]
    note: str = ""


@dataclass
class Structure:
    id: str
    field: str
    kind: str
    name: str
    name_en: str
    cite: Cite
    complete: bool
    classes: List[PlanClass]
    conflicts: List[Conflict] = field(default_factory=list)

    def class_of(self, value: str) -> Optional[PlanClass]:
        return next((c for c in self.classes if c.value == value), None)

    def readings_for(self, township: str) -> List[Reading]:
        """Every value the plan gives a township in this structure, with its citation.

        Two or more readings mean the plan contradicts itself (or names the town
        twice); the tagging algorithm writes them all and says so.
        """
        for conflict in self.conflicts:
            if conflict.township == township:
                return list(conflict.readings)
        return [
            Reading(plan_class.value, member.cite, inferred=plan_class.derived or member.derived,
                    basis=plan_class.cite if plan_class.derived or member.derived else None,
                    note=" ".join(plan_class.note.split()) if plan_class.derived or member.derived else "")
            for plan_class in self.classes
            for member in plan_class.members
            if member.name == township
        ]


# How a target is measured: the kinds of measurement of the checks (issue #14), and "none" for a
# target no layer can measure (户籍城镇化率, GDP shares …), kept in the catalogue and listed as such.
MEASURE_KINDS = ("builtup_area", "facility_coverage", "land_share", "per_capita", "population", "distance_rule",
                 "none")
# The layers a measurement may need, by the role they play (the whole-plan check's inputs).
LAYER_ROLES = ("townships", "builtup", "landuse", "stops", "facilities", "roads", "population", "green",
               "forest", "ecology", "farmland", "development", "river", "plants")
# The kind a target's indicator is measured by when its entry does not say.
KIND_OF_INDICATOR = {
    "builtup_area": "builtup_area", "bus_stop_coverage": "facility_coverage", "facility_coverage": "facility_coverage",
    "green_space_ratio": "land_share", "green_coverage_ratio": "land_share", "forest_cover": "land_share",
    "builtup_in_boundary": "land_share", "land_share": "land_share", "population": "population",
    "urban_land_per_capita": "per_capita", "park_green_per_capita": "per_capita", "distance_rule": "distance_rule",
    "urbanization_rate": "none", "other": "none",
}


@dataclass(frozen=True)
class Measure:
    """How a target is measured, in the plan's words where it has them and a named convention
    where it is silent (e.g. the denominator of a coverage: the area or the population)."""
    kind: str                              # one of MEASURE_KINDS
    layers: tuple = ()                     # LAYER_ROLES the measurement needs
    facility: str = ""                     # facility_coverage: what is reached (bus stop, park, school …)
    facility_type: str = ""                # the word a facility's type value contains to be of the kind (养老服务中心)
    distance_m: Optional[float] = None     # a threshold in metres (coverage radius, distance rule)
    minutes: Optional[float] = None        # a walking time the plan gives instead of metres
    share_pct: Optional[float] = None      # a circle the plan gives as a time (unit minutes, 15分钟健身圈) is met
                                           # when this share of the denominator lies within it (100: all of it)
    denominator: str = ""                  # area | residential | population | built-up | township
    classes: str = ""                      # land classes (a preset id or codes) for land shares, per capita
    convention: str = ""                   # what the target assumes where the plan is silent
    source: str = ""                       # where the definition comes from (a standard, a rule)
    reason: str = ""                       # kind "none": why no layer can measure it
    convention_zh: str = ""                # the convention and the reason in Chinese (the catalogue's own
    reason_zh: str = ""                    # words, for texts in Chinese); empty: the English ones stand

    def said(self, key: str, language: str = "en") -> str:
        """The measure's ``key`` text (convention, reason) in ``language`` ('zh', 'en'), its English where the
        catalogue gives no Chinese; spaces and line breaks of the YAML folded into single spaces."""
        text = (getattr(self, f"{key}_zh") if language == "zh" else "") or getattr(self, key)
        return " ".join(text.split())


@dataclass
class Target:
    id: str
    indicator: str
    label: str
    label_en: str
    value: float
    unit: str
    comparison: str
    year: Optional[int]
    scope: str
    cite: Cite
    binding: str = ""
    value_min: Optional[float] = None
    value_max: Optional[float] = None
    baseline: Optional[dict] = None
    note: str = ""
    measure: Optional[Measure] = None      # how it is measured (filled from the indicator when not given)
    tolerance_pct: Optional[float] = None  # "about": met within ±this % of the value (None: no verdict)
    value_text: str = ""                   # the value as the plan words it (全覆盖, 翻一番), verbatim
    derived: bool = False                  # the value or the scope is an inference, not a plain reading
    derivation: str = ""                   # then: how (全覆盖 read as 100 % of the townships)

    @property
    def measurable(self) -> bool:
        return self.measure is not None and self.measure.kind != "none"


@dataclass
class Catalogue:
    path: Path
    name: str
    name_en: str
    code: str
    level: str
    documents: Dict[str, Document]
    townships: List[Township]
    structures: List[Structure]
    targets: List[Target]

    @property
    def id(self) -> str:
        return self.path.stem

    def township(self, name: str) -> Optional[Township]:
        return next((t for t in self.townships if t.name == name), None)

    def structure(self, structure_id: str) -> Structure:
        for structure in self.structures:
            if structure.id == structure_id:
                return structure
        raise KeyError(f"{self.path.name} has no structure '{structure_id}'")

    def targets_for(self, indicator: str) -> List[Target]:
        return [t for t in self.targets if t.indicator == indicator]

    def target(self, target_id: str) -> Target:
        for target in self.targets:
            if target.id == target_id:
                return target
        raise KeyError(f"{self.path.name} has no target '{target_id}'")

    def __repr__(self):
        return (
            f"<Catalogue {self.name} ({self.path.name}): {len(self.townships)} units, "
            f"{len(self.structures)} structures, {len(self.targets)} targets>"
        )


# --- loading -----------------------------------------------------------------
