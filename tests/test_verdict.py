"""One pass/fail for every check, honouring the target's comparison (issue #13): a cap
such as 人均城镇建设用地面积控制在120平方米以内 (002 l.177) is met below its value."""
import pytest

from cq_urban_plugin.core.checks.targets import TargetResult, target_met
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue


def test_a_cap_from_the_plan_is_met_below_and_not_above_its_value():
    cap = next(t for t in bundled_catalogue("chongqing").targets if t.id == "urban_land_per_capita_2035")
    assert (cap.value, cap.comparison) == (120, "<=")
    assert [target_met(m, cap.value, cap.comparison) for m in (110, 120, 121)] == [True, True, False]
    row = TargetResult(cap.label, "重庆市", cap.value, 130.0, cap.unit, cap.comparison)
    assert row.passed is False and row.gap == pytest.approx(10.0)
    assert TargetResult(cap.label, "重庆市", cap.value, 100.0, cap.unit, cap.comparison).passed is True


def test_a_floor_and_the_cases_without_a_verdict():
    assert target_met(90.0, 90.0) is True and target_met(89.9, 90.0, ">=") is False
    assert target_met(None, 90.0) is None and target_met(80.0, None) is None
    with pytest.raises(ValueError):
        target_met(1.0, 2.0, "~")


def test_a_figure_is_met_at_the_precision_the_plan_writes_it():
    """"=": 145 km² is met by 144.6 (rounds to 145) and not by 144.4; 0.8 by 0.84, not 0.86."""
    assert target_met(144.6, 145.0, "=") is True and target_met(144.4, 145.0, "=") is False
    assert target_met(0.84, 0.8, "=") is True and target_met(0.86, 0.8, "=") is False
    assert TargetResult("建成区", "江津区", 145.0, 145.2, "km2", "=").passed is True


def test_a_range_is_met_between_its_bounds_and_an_open_bound_is_no_bound():
    assert target_met(9.0, None, "range", 8.0, 10.0) is True
    assert target_met(7.9, None, "range", 8.0, 10.0) is False and target_met(10.1, None, "range", 8.0, 10.0) is False
    assert target_met(50.0, None, "range", 8.0, None) is True and target_met(5.0, None, "range", None, 4.0) is False
    assert target_met(5.0, None, "range") is None and target_met(None, None, "range", 1.0, 2.0) is None
    row = TargetResult("人均公园绿地", "江津区", None, 7.5, "m2_per_person", "range", value_min=8.0, value_max=10.0)
    assert row.passed is False and row.target_text == "8–10"
    assert TargetResult("人均城镇建设用地", "重庆市", 120.0, 110.0, "m2_per_person", "<=").target_text == "≤ 120"


def test_coverage_table_rows_follow_the_comparison(qgis_app):
    """The coverage table's per-township verdicts came from gap >= 0 whatever the comparison."""
    from qgis.core import QgsGeometry

    from cq_urban_plugin.core.checks.coverage import CoverageSummary, ZoneCoverage, table_rows

    empty = QgsGeometry()
    summary = CoverageSummary([ZoneCoverage("几江街道", empty, empty, empty, empty, 10.0, 8.0)])
    floor = table_rows([], {}, summary, 90.0, False, False, ">=")[-1]
    cap = table_rows([], {}, summary, 90.0, False, False, "<=")[-1]
    assert floor[7] == pytest.approx(80.0) and floor[-1] == "no"
    assert cap[-1] == "yes"  # 80 % under a cap of 90 % is met
