"""The rows of a whole-plan check (core/checks/plan_check.py): one per target, its verdict and the counts.

A target's row says what was measured against which figure: met, not met, no target, not measured (and
why), could not be measured, or — for an approximate or planned figure (comparison "about": 约, 左右,
规划人口) — ``APPROXIMATE``: measured, the deviation given (measured - target, and percent), no pass/fail
unless a tolerance (the target's ``tolerance_pct`` or the check's) makes it one.
"""
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

from ...i18n import tr
from ..plan.model import Catalogue, Target
from .targets import TargetResult, deviation, quoted_citation

MET, NOT_MET, NO_TARGET, NOT_MEASURED, FAILED = "met", "not_met", "no_target", "not_measured", "failed"
APPROXIMATE = "approximate"  # measured against an approximate figure without a tolerance: the deviation, no verdict
TARGETS, MEASURED_COUNT, MET_COUNT = "TARGETS", "MEASURED_COUNT", "MET_COUNT"
NOT_MET_COUNT, NOT_MEASURED_COUNT, APPROXIMATE_COUNT = "NOT_MET_COUNT", "NOT_MEASURED_COUNT", "APPROXIMATE_COUNT"
COUNT_KEYS = (TARGETS, MEASURED_COUNT, MET_COUNT, NOT_MET_COUNT, NOT_MEASURED_COUNT, APPROXIMATE_COUNT)


@dataclass
class PlanRow:
    """One target of the plan beside what the layers gave for it."""

    target_id: str
    label: str
    scope: str
    year: Optional[int]
    target: Optional[str]           # as TargetResult.target_text writes it: "≥ 145", "≤ 120", "≈ 0.8"
    measured: Optional[float]
    unit: str
    gap: Optional[float]            # measured - target (an approximate figure's deviation)
    status: str                     # MET, NOT_MET, NO_TARGET, APPROXIMATE, NOT_MEASURED, FAILED
    citation: str                   # document:line
    how: str = ""                   # the kind of measurement and the convention used
    reason: str = ""                # why not measured: kind none's reason, the layers missing, the error
    result: Optional[TargetResult] = None
    deviation_pct: Optional[float] = None   # the gap in percent of the target

    @property
    def measured_here(self) -> bool:
        return self.status in (MET, NOT_MET, NO_TARGET, APPROXIMATE)

    @property
    def passed(self) -> Optional[bool]:
        return {MET: True, NOT_MET: False}.get(self.status)

    @property
    def verdict(self) -> str:
        if self.status == APPROXIMATE and self.result is not None:
            return self.result.status
        return {MET: tr("met"), NOT_MET: tr("not met"), NO_TARGET: tr("no target"),
                NOT_MEASURED: tr("not measured"), FAILED: tr("could not be measured")}[self.status]


@dataclass
class Measurement:
    """One run of a check, shared by the targets it measures."""

    key: tuple
    kind: str
    how: str
    run: Callable[[Target], object]          # the first target -> CheckResult
    targets: List[Target] = field(default_factory=list)
    result: object = None                    # the CheckResult, once run
    error: str = ""


@dataclass
class PlanCheckResult:
    catalogue: Catalogue
    rows: List[PlanRow]
    measurements: List[Measurement]
    roles: Dict[str, str]                    # role -> the layer's label, for the report
    tolerance_pct: Optional[float] = None    # the tolerance given to approximate figures without their own

    def counts(self) -> Dict[str, int]:
        measured = [r for r in self.rows if r.measured_here]
        return {TARGETS: len(self.rows), MEASURED_COUNT: len(measured),
                MET_COUNT: sum(1 for r in measured if r.status == MET),
                NOT_MET_COUNT: sum(1 for r in measured if r.status == NOT_MET),
                NOT_MEASURED_COUNT: len(self.rows) - len(measured),
                APPROXIMATE_COUNT: sum(1 for r in measured if r.status == APPROXIMATE)}

    outputs = counts

    def not_measured(self) -> List[PlanRow]:
        return [r for r in self.rows if not r.measured_here]


def citation_of(target: Target) -> str:
    return str(target.cite) if target.cite is not None else ""


def tolerance_of(target: Target, tolerance_pct: Optional[float] = None) -> Optional[float]:
    """An approximate figure's tolerance: its own (the catalogue's), else the one given to the check."""
    if target.comparison != "about":
        return None
    return target.tolerance_pct if target.tolerance_pct is not None else tolerance_pct


def circle_share(target: Target) -> Optional[float]:
    """The share (%) of its denominator a circle the plan gives as a time must hold (15分钟健身圈: unit
    minutes, measure ``share_pct``), else None: such a target is measured as a share, not in minutes."""
    measure = target.measure
    return measure.share_pct if target.unit == "minutes" and measure is not None else None


def verdict_for(target: Target, verdict: TargetResult, tolerance_pct: Optional[float] = None) -> TargetResult:
    """The measurement of ``verdict`` beside ``target``'s own figure (a target sharing the measurement,
    an approximate figure given its tolerance, or a circle given as a time beside its share)."""
    citation = quoted_citation(target)
    share = circle_share(target)
    if share is not None:
        return TargetResult(target.label, verdict.scope, share, verdict.measured, verdict.unit, ">=", target.year,
                            citation)
    return TargetResult(target.label, verdict.scope, target.value, verdict.measured, verdict.unit,
                        target.comparison, target.year, citation, target.value_min, target.value_max,
                        tolerance_of(target, tolerance_pct))


def row_for(target: Target, status: str, how: str = "", reason: str = "", result: TargetResult = None) -> PlanRow:
    """The row of ``target``: from its verdict ``result`` (the status follows it), else ``status`` and why."""
    if result is not None:
        status = APPROXIMATE if result.approximate else {True: MET, False: NOT_MET, None: NO_TARGET}[result.passed]
        unit = result.unit if circle_share(target) is not None else target.unit  # a circle's share, in %
        return PlanRow(target.id, target.label, result.scope, target.year, result.target_text, result.measured,
                       unit, result.gap, status, citation_of(target), how, reason, result,
                       deviation(result.measured, result.target)[1] if target.comparison == "about" else None)
    text = TargetResult(target.label, target.scope, target.value, 0.0, target.unit, target.comparison,
                        value_min=target.value_min, value_max=target.value_max,
                        tolerance_pct=target.tolerance_pct).target_text
    return PlanRow(target.id, target.label, target.scope, target.year, text, None, target.unit, None, status,
                   citation_of(target), how, reason)
