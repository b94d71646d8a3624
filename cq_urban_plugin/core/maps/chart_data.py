"""What a check's charts show, read from its table (field names and rows, as its table sink wrote
them): the measured value of each township against the target, and for the coverage checks the
covered / uncovered split of each township's served area. The whole-plan check's summary gives
one bar per measured target: its measured value as a percentage of its target figure.
"""
from typing import List, Optional, Sequence

from ... import definitions
from ...compat import is_null
from ...i18n import tr
from ..files.xlsx import township_rows
from .charts import Bar, BarChart, SplitChart

# The value each check's table gives per township, and its unit's words.
VALUE_FIELDS = {
    definitions.CHECK_BUILTUP: ("bu_km2", lambda: "km²"),
    definitions.CHECK_COVERAGE: ("measured", lambda: "%"),
    definitions.CHECK_FACILITY_COVERAGE: ("measured", lambda: "%"),
    definitions.CHECK_LAND_SHARE: ("share", lambda: "%"),
    definitions.CHECK_PER_CAPITA: ("m2_per_cap", lambda: tr("m² per person")),
    definitions.CHECK_DISTANCE_RULE: ("violations", lambda: tr("features")),
    definitions.MEASURE_POPULATION: ("population", lambda: tr("persons")),
}
NAME_FIELDS = (definitions.TOWNSHIP_FIELD, "name", "plan_name")
# Checks whose figure is the scope's sum, not each township's: no target line beside a township.
SUMMED = (definitions.CHECK_BUILTUP, definitions.MEASURE_POPULATION)
# Checks whose figure counts things or persons: written without decimals.
COUNTED = (definitions.CHECK_DISTANCE_RULE, definitions.MEASURE_POPULATION)


def _number(value) -> Optional[float]:
    if is_null(value) or isinstance(value, str):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _passed(value) -> Optional[bool]:
    if value in ("yes", 1, True):
        return True
    if value in ("no", 0, False):
        return False
    return None


def _at_most(bars: Sequence[Bar], target: Optional[float]) -> bool:
    """Whether less is better, from the verdicts the table gives (a met bar below its target)."""
    for bar in bars:
        figure = bar.target if bar.target is not None else target
        if bar.value is None or figure is None or bar.passed is None or bar.value == figure:
            continue
        return (bar.value < figure) == bar.passed
    return False


def township_chart(check: str, names: Sequence[str], rows: Sequence[list], title: str, target=None,
                   whole_rows=()) -> Optional[BarChart]:
    """One bar per township of the check's table, or None when the table has no such value."""
    value_field, unit = VALUE_FIELDS.get(check, (None, None))
    name_field = next((n for n in NAME_FIELDS if n in names), None)
    if value_field not in names or name_field is None:
        return None
    at = {n: i for i, n in enumerate(names)}
    bars = []
    for row in township_rows(names, rows, whole_rows):
        bars.append(Bar(str(row[at[name_field]]), _number(row[at[value_field]]),
                        _number(row[at["target"]]) if "target" in at else None,
                        _passed(row[at["passed"]]) if "passed" in at else None))
    if not bars:
        return None
    target = None if check in SUMMED else _number(target)
    return BarChart(title, unit(), bars, target, _at_most(bars, target), decimals=0 if check in COUNTED else None)


def split_chart(names: Sequence[str], rows: Sequence[list], title: str, whole_rows=()) -> Optional[SplitChart]:
    """Covered and uncovered km² of each township's served area (a coverage table), or None."""
    if not {"served_km2", "cover_km2"} <= set(names):
        return None
    at = {n: i for i, n in enumerate(names)}
    name_field = next((n for n in NAME_FIELDS if n in names), None)
    split = []
    for row in township_rows(names, rows, whole_rows):
        served, covered = _number(row[at["served_km2"]]) or 0.0, _number(row[at["cover_km2"]]) or 0.0
        split.append((str(row[at[name_field]]), covered, max(served - covered, 0.0)))
    return SplitChart(title, "km²", split) if split else None


def presence_chart(units: Sequence, title: str) -> Optional[BarChart]:
    """The facilities of the kind in each township (facility_presence's units), against one: the townships
    without one first."""
    bars = [Bar(u.name, float(u.facilities), None, u.has_facility) for u in units]
    return BarChart(title, tr("facilities"), bars, 1.0, decimals=0) if bars else None


def plan_chart(names: Sequence[str], rows: Sequence[list], title: str) -> Optional[BarChart]:
    """The whole-plan summary: each measured target's value as a percentage of its target figure."""
    if not {"measured", "gap", "status", "label"} <= set(names):
        return None
    at = {n: i for i, n in enumerate(names)}
    bars = []
    for row in rows:
        measured, gap = _number(row[at["measured"]]), _number(row[at["gap"]])
        if measured is None or gap is None or measured - gap == 0:
            continue
        passed = {"met": True, "not_met": False}.get(row[at["status"]])
        bars.append(Bar(str(row[at["label"]]), 100.0 * measured / (measured - gap), None, passed))
    # The figure drawn is a percentage of each target's own figure: the target line is 100 %.
    return BarChart(title, "%", bars, 100.0) if bars else None


def charts_of_table(check: str, names: Sequence[str], rows: Sequence[list], title: str, target=None,
                    whole_rows=()) -> List[object]:
    """Every chart ``check``'s table gives, titled in the report's language."""
    if check == definitions.CHECK_PLAN:
        found = [plan_chart(names, rows, tr("{title}: measured against target").format(title=title))]
    else:
        found = [township_chart(check, names, rows, tr("{title}: by township").format(title=title), target,
                                whole_rows),
                 split_chart(names, rows, tr("{title}: covered and uncovered served area").format(title=title),
                             whole_rows)]
    return [c for c in found if c is not None]


# What a check's township rows (CheckResult.townships) call the table's fields.
ROW_ATTRIBUTES = {"bu_km2": "builtup_km2", "m2_per_cap": "per_capita"}
ROW_FIELDS = (definitions.TOWNSHIP_FIELD, "name", "bu_km2", "measured", "share", "m2_per_cap", "violations",
              "population", "target", "passed", "served_km2", "cover_km2")


def rows_of_result(result):
    """(field names, rows) of a CheckResult's township rows, as its table would hold them."""
    items = list(result.townships or [])
    if not items:
        return [], []
    names = [n for n in ROW_FIELDS if hasattr(items[0], ROW_ATTRIBUTES.get(n, n))]
    return names, [[getattr(item, ROW_ATTRIBUTES.get(n, n)) for n in names] for item in items]


def township_values(check: str, names: Sequence[str], rows: Sequence[list]) -> dict:
    """{township name: the check's value} of a table, for the map of the indicator."""
    chart = township_chart(check, names, rows, "")
    return {} if chart is None else {bar.label: bar.value for bar in chart.bars}
