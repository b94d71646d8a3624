"""An approximate target (约, 左右: comparison "about") with a tolerance in its catalogue entry gets a
verdict within ±tolerance in the single checks too, not only in the whole-plan check; without one, none."""
import dataclasses

import pytest

from cq_urban_plugin.core.checks import land_share, population_places
from cq_urban_plugin.core.checks.coverage import table_rows
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue


@pytest.fixture
def approximate():
    """kaizhou's 温泉镇区 约1.8万人 (003 l.164), given a ±10 % tolerance."""
    target = bundled_catalogue("kaizhou").target("pop_2035_wenquan")
    assert target.comparison == "about"
    return target, dataclasses.replace(target, tolerance_pct=10.0)


def test_population_target_within_and_beyond_its_tolerance(qgis_app, approximate):
    plain, tolerant = approximate
    assert population_places._result(plain, "温泉镇", 1.9).passed is None
    assert population_places._result(tolerant, "温泉镇", 1.9).passed is True     # +5.6 %
    assert population_places._result(tolerant, "温泉镇", 2.0).passed is False    # +11.1 %
    assert population_places._result(tolerant, "温泉镇", 1.9).target_text == "≈ 1.8 ± 10 %"


def test_land_share_keeps_the_tolerance(qgis_app, approximate):
    _, tolerant = approximate
    result = land_share._target_result(tolerant, None, "县域", 1.85)
    assert result.tolerance_pct == 10.0 and result.passed is True


@pytest.mark.parametrize("tolerance, expected", [(10.0, ["yes", "no", "yes"]), (3.0, ["no", "no", "yes"]),
                                                  (None, [None, None, None])])
def test_coverage_rows_honour_the_tolerance(qgis_app, tolerance, expected):
    """≈ 90 %: 甲 85 % (−5.6 %), 乙 70 % (−22 %), the whole 90 % less a little."""
    from qgis.core import QgsGeometry

    from cq_urban_plugin.core.geo.service_area import CoverageSummary, ZoneCoverage

    empty = QgsGeometry()
    zones = [ZoneCoverage("a", empty, empty, empty, empty, 100.0, 85.0),
             ZoneCoverage("b", empty, empty, empty, empty, 10.0, 7.0),
             ZoneCoverage("c", empty, empty, empty, empty, 1000.0, 903.0)]
    summary = CoverageSummary(zones)
    rows = table_rows(zones, {"a": "甲", "b": "乙", "c": "丙"}, summary, 90.0, False, True, "about",
                      tolerance_pct=tolerance)
    by_name = {r.township: r.passed for r in rows}
    assert [by_name["甲"], by_name["乙"], by_name["丙"]] == expected
