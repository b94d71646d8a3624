"""One pass/fail for every check, honouring the target's comparison (issue #13): a cap
such as 人均城镇建设用地面积控制在120平方米以内 (002 l.177) is met below its value."""
import pytest

from cq_urban_plugin.core.checks.targets import TargetResult, target_met
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue


def test_a_cap_from_the_plan_is_met_below_and_not_above_its_value():
    cap = next(t for t in bundled_catalogue("chongqing").targets if t.id == "urban_land_per_capita_2035")
    assert (cap.value, cap.comparison) == (120, "<=")
    assert cap.met_by(110) is True and cap.met_by(120) is True and cap.met_by(121) is False
    row = TargetResult(cap.label, "重庆市", cap.value, 130.0, cap.unit, cap.comparison)
    assert row.passed is False and row.gap == pytest.approx(10.0)
    assert TargetResult(cap.label, "重庆市", cap.value, 100.0, cap.unit, cap.comparison).passed is True


def test_a_floor_and_the_cases_without_a_verdict():
    assert target_met(90.0, 90.0) is True and target_met(89.9, 90.0, ">=") is False
    assert target_met(None, 90.0) is None and target_met(80.0, None) is None
    with pytest.raises(ValueError):
        target_met(1.0, 2.0, "~")


def test_coverage_table_rows_follow_the_comparison(qgis_app):
    """The coverage table's per-township verdicts came from gap >= 0 whatever the comparison."""
    from qgis.core import QgsGeometry

    from cq_urban_plugin.algorithms.check_coverage import CheckCoverageAlgorithm
    from cq_urban_plugin.core.checks.coverage import CoverageSummary, ZoneCoverage

    empty = QgsGeometry()
    summary = CoverageSummary([ZoneCoverage("几江街道", empty, empty, empty, empty, 10.0, 8.0)])
    floor = CheckCoverageAlgorithm._rows([], {}, summary, 90.0, False, False, ">=")[-1]
    cap = CheckCoverageAlgorithm._rows([], {}, summary, 90.0, False, False, "<=")[-1]
    assert floor[7] == pytest.approx(80.0) and floor[-1] == "no"
    assert cap[-1] == "yes"  # 80 % under a cap of 90 % is met
