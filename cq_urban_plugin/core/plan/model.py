"""The plan catalogue model: what a plan says, as data (townships, structures, targets, citations)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

SCHEMA_VERSION = 1
LEVELS = ("municipality", "district", "county")
UNIT_KINDS = ("街道", "镇", "乡", "区", "县")
STRUCTURE_KINDS = ("role", "tier", "zone", "function_type", "region", "group", "band")
# How a target compares: a floor, a cap, a figure, or a range (value_min … value_max).
COMPARISONS = (">=", "<=", "=", "range")
# Fields the tagging algorithm writes itself; a structure may not reuse them.
RESERVED_FIELDS = ("plan_name", "match", "juris", "plan_note")
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
            Reading(plan_class.value, member.cite)
            for plan_class in self.classes
            for member in plan_class.members
            if member.name == township
        ]


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
