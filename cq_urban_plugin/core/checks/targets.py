"""The target a check is compared with, and the one verdict: does a measurement meet it?"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...i18n import tr
from ..errors import PlanInputError
from ..plan.model import COMPARISONS, Catalogue, Target


def _decimals(value: float) -> int:
    """Decimal places of a figure as the plan writes it (145 → 0, 0.8 → 1)."""
    text = repr(float(value))
    return 0 if text.endswith(".0") or "e" in text else len(text.split(".")[1])


def target_met(measured: Optional[float], value: Optional[float], comparison: str = ">=",
               value_min: Optional[float] = None, value_max: Optional[float] = None,
               tolerance_pct: Optional[float] = None) -> Optional[bool]:
    """Whether ``measured`` meets a target: a floor (">=", 覆盖率达到90%), a cap ("<=",
    人均城镇建设用地不超过120平方米), a figure ("=", met when the measurement rounds to it at the
    precision the plan writes it), a range ("range", ``value_min`` ≤ measured ≤ ``value_max``) or an
    approximate figure ("about", 约0.8万人, 68%左右): no verdict (None; the deviation is reported
    instead) unless ``tolerance_pct`` is given, then met within ±tolerance_pct % of ``value``.
    None when there is no target or no measurement. The one verdict of every check, its
    report, its table and the panel."""
    if comparison not in COMPARISONS:
        raise ValueError(f"unknown comparison {comparison!r}")
    if measured is None:
        return None
    if comparison == "about":
        if value is None or tolerance_pct is None:
            return None
        return abs(measured - value) <= abs(value) * tolerance_pct / 100.0 + 1e-9 * max(1.0, abs(value))
    if comparison == "range":
        if value_min is None and value_max is None:
            return None
        return (value_min is None or measured >= value_min) and (value_max is None or measured <= value_max)
    if value is None:
        return None
    if comparison == "<=":
        return measured <= value
    if comparison == "=":
        return round(measured, _decimals(value)) == round(value, _decimals(value))
    return measured >= value


def choose_target(catalogue: Optional[Catalogue], target_id: str, typed_value: Optional[float], indicator: str,
                  unit: str, typed_label: str, first_by_default: bool = False,
                  typed_comparison: str = ">=") -> Optional[Target]:
    """The target a check compares with: a value the user typed (no citation; a floor
    unless ``typed_comparison`` says "<=" for a cap or "=" for a figure), else the
    catalogue's target ``target_id``, else (when ``first_by_default``) the catalogue's
    first target of ``indicator`` in ``unit``; None when there is none. A target of
    another indicator or unit is refused."""
    if typed_value is not None:
        if typed_comparison not in (">=", "<=", "="):
            raise ValueError(f"a typed target needs '>=', '<=' or '=', not {typed_comparison!r}")
        return Target(id="typed", indicator=indicator, label=typed_label, label_en="", value=float(typed_value),
                      unit=unit, comparison=typed_comparison, year=None, scope="jurisdiction", cite=None)
    target_id = (target_id or "").strip()
    if not target_id and not first_by_default:
        return None
    if catalogue is None:
        raise PlanInputError(tr("Target '{id}' needs a plan catalogue.").format(id=target_id),
                             tr("Choose a catalogue or a catalogue file, or type the target value."))
    fitting = [t for t in catalogue.targets_for(indicator) if t.unit == unit]
    known = ", ".join(t.id for t in fitting) or tr("(none)")
    if not target_id:
        return fitting[0] if fitting else None
    try:
        target = catalogue.target(target_id)
    except KeyError:
        raise PlanInputError(
            tr("Catalogue '{catalogue}' has no target '{id}'.").format(catalogue=catalogue.path.name, id=target_id),
            tr("Its {indicator} targets are: {known}. Or type a target value.").format(
                indicator=indicator, known=known)) from None
    if target.indicator != indicator or target.unit != unit:
        raise PlanInputError(
            tr("Target '{id}' of '{catalogue}' is {label} in {unit}, not {indicator} in {wanted}.").format(
                id=target_id, catalogue=catalogue.path.name, label=target.label, unit=target.unit,
                indicator=indicator, wanted=unit),
            tr("Its {indicator} targets are: {known}. Or type a target value.").format(
                indicator=indicator, known=known))
    return target


def deviation(measured: Optional[float], value: Optional[float]):
    """(measured - value, the same in percent of value) — (None, None) without both; percent None at 0."""
    if measured is None or value is None:
        return None, None
    return measured - value, (100.0 * (measured - value) / abs(value) if value else None)


def deviation_text(measured: Optional[float], value: Optional[float]) -> str:
    """'+0.12 (+15.0 %)': how far a measurement stands from an approximate figure."""
    gap, percent = deviation(measured, value)
    if gap is None:
        return ""
    return f"{gap:+.4g}" + (f" ({percent:+.1f} %)" if percent is not None else "")


def target_text(comparison: str, value: Optional[float], value_min: Optional[float] = None,
                value_max: Optional[float] = None, tolerance_pct: Optional[float] = None) -> Optional[str]:
    """A target as reports and maps write it: "≥ 90", "≤ 120", "= 145", "8–10", "≈ 0.8" (an approximate
    figure; "≈ 0.8 ± 10 %" with a tolerance); None without one."""
    if comparison == "about":
        if value is None:
            return None
        return f"≈ {value:g}" + (f" ± {tolerance_pct:g} %" if tolerance_pct is not None else "")
    if comparison == "range":
        if value_min is None and value_max is None:
            return None
        if value_max is None:
            return f"≥ {value_min:g}"
        if value_min is None:
            return f"≤ {value_max:g}"
        return f"{value_min:g}–{value_max:g}"
    if value is None:
        return None
    return f"{ {'>=': '≥', '<=': '≤'}.get(comparison, comparison)} {value:g}"


INTEGER_UNITS = ("count", "persons")  # a number of things or of people: no fraction of one


def figure_text(value: Optional[float], unit, digits: int = 2) -> str:
    """A measured figure (or a gap) as reports and the dossier write it in ``unit``: a count or persons as an
    integer (26 个, 12,345 人), a percentage with one decimal (68.4 %), any other figure with ``digits``
    decimals; "—" without one."""
    if value is None:
        return "—"
    decimals = 0 if unit in INTEGER_UNITS else 1 if unit == "percent" else digits
    return f"{value:,.{decimals}f}"


def unit_text(unit) -> str:
    """A catalogue unit as a reader writes it: 'percent' → '%', 'km2' → 'km²', '10k_persons' → 万人."""
    if unit is None:
        return ""
    return {
        "percent": "%", "km2": "km²", "m2": "m²", "km": "km", "m": "m",
        "10k_persons": tr("10,000 persons"), "persons": tr("persons"), "count": tr("count"),
        "hours": tr("hours"), "minutes": tr("minutes"), "m2_per_person": tr("m² per person"),
    }.get(str(unit), str(unit))


def quoted_citation(target) -> str:
    """A target's document:line and the plan's words there, as reports write them
    ("file.txt:55 “…”"); "" without a target or without a citation."""
    cite = getattr(target, "cite", None)
    if cite is None:
        return ""
    return f"{cite}" + (f" “{cite.quote}”" if cite.quote else "")


@dataclass
class TargetResult:
    """One target beside its measurement."""

    label: str
    scope: str
    target: Optional[float]
    measured: float
    unit: str
    comparison: str = ">="
    year: Optional[int] = None
    citation: str = ""
    value_min: Optional[float] = None
    value_max: Optional[float] = None
    tolerance_pct: Optional[float] = None   # comparison "about": met within ±this % (None: no verdict)

    @property
    def gap(self) -> Optional[float]:
        return None if self.target is None else self.measured - self.target

    @property
    def deviation_pct(self) -> Optional[float]:
        """measured - target in percent of the target (the reading of an approximate figure)."""
        return deviation(self.measured, self.target)[1]

    @property
    def approximate(self) -> bool:
        """An approximate figure without a tolerance: the deviation is the result, no verdict."""
        return self.comparison == "about" and self.target is not None and self.tolerance_pct is None

    @property
    def passed(self) -> Optional[bool]:
        return target_met(self.measured, self.target, self.comparison, self.value_min, self.value_max,
                          self.tolerance_pct)

    @property
    def target_text(self) -> Optional[str]:
        """The target as the report writes it: "≥ 90", "≤ 120", "= 145", "8–10", "≈ 0.8"."""
        return target_text(self.comparison, self.target, self.value_min, self.value_max, self.tolerance_pct)

    @property
    def status(self) -> str:
        if self.approximate:
            return tr("approximate figure: {deviation}").format(
                deviation=deviation_text(self.measured, self.target))
        return {True: tr("met"), False: tr("not met"), None: tr("no target")}[self.passed]
