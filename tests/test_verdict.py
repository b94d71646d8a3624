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


def test_an_approximate_figure_gives_its_deviation_and_no_verdict_without_a_tolerance():
    """约0.8万人 (kaizhou 003 l.163) is no floor: 0.7 and 0.9 万 are both read as a deviation, not as a
    pass or a fail; a tolerance of ±15 % makes it a verdict within it."""
    target = bundled_catalogue("kaizhou").target("pop_2035_dajin")
    assert (target.value, target.comparison, target.tolerance_pct) == (0.8, "about", None)
    assert "约0.8万人" in target.cite.quote
    assert target_met(0.7, target.value, "about") is None and target_met(0.9, target.value, "about") is None
    assert target_met(0.7, 0.8, "about", tolerance_pct=15) is True
    assert target_met(0.9, 0.8, "about", tolerance_pct=10) is False
    assert target_met(0.88, 0.8, "about", tolerance_pct=10) is True  # exactly +10 %: within
    row = TargetResult(target.label, "大进镇", target.value, 0.92, target.unit, target.comparison)
    assert row.passed is None and row.approximate
    assert row.gap == pytest.approx(0.12) and row.deviation_pct == pytest.approx(15.0)
    assert row.target_text == "≈ 0.8" and "+15.0 %" in row.status and "+0.12" in row.status
    judged = TargetResult(target.label, "大进镇", target.value, 0.92, target.unit, "about", tolerance_pct=20.0)
    assert judged.passed is True and not judged.approximate and judged.target_text == "≈ 0.8 ± 20 %"
    assert judged.status == TargetResult("x", "", 1.0, 1.0, "km2").status  # "met"


def test_the_approximate_figures_of_the_plans_are_filed_as_about(seeds_dir):
    """The figures the plans write with 约 or 左右 are comparison about (kaizhou l.163–166, chongqing l.166 and
    l.177, jiangjin nu2021 l.300, wuxi l.49), each with the word on its cited line."""
    expected = {"kaizhou": ("pop_2035_dajin", "pop_2035_wenquan", "pop_2035_guojia", "pop_2035_tieqiao"),
                "chongqing": ("metro_population_share_2025", "urbanization_rate_2035", "urban_population_2035"),
                "jiangjin": ("urbanization_rate_2025", "hukou_urbanization_rate_2025"),
                "wuxi": ("urbanization_2035",)}
    for catalogue_id, ids in expected.items():
        catalogue = bundled_catalogue(catalogue_id)
        for target_id in ids:
            target = catalogue.target(target_id)
            line = (seeds_dir / target.cite.file).read_text(encoding="utf-8").splitlines()[target.cite.line - 1]
            assert target.comparison == "about", target_id
            assert f"{target.value:g}" in line and ("约" in line or "左右" in line), target_id
    # planned figures without 约 are no floors either: 中和镇区 0.6万 (l.167), 一般乡镇共计6万 (l.168)
    kaizhou = bundled_catalogue("kaizhou")
    assert {kaizhou.target(i).comparison for i in ("pop_2035_zhonghe", "pop_tier3_total_2035")} == {"about"}
    # a range stays a range, a cap (0.2万人以下) a cap
    assert kaizhou.target("pop_2035_yuexi").comparison == "range"
    assert kaizhou.target("pop_2035_wutong").comparison == "<="


def test_a_tolerance_belongs_to_an_approximate_figure(tmp_path):
    from cq_urban_plugin.core.errors import CatalogueError
    from cq_urban_plugin.core.plan.catalogue import load_catalogue
    from cq_urban_plugin.resources import CATALOGUE_DIR

    text = (CATALOGUE_DIR / "_template.yaml").read_text(encoding="utf-8")
    assert "comparison:" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace('comparison: ">="', 'comparison: ">="\n    tolerance_pct: 5', 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match="tolerance_pct"):
        load_catalogue(bad)
    good = tmp_path / "good.yaml"
    good.write_text(text.replace('comparison: ">="', 'comparison: about\n    tolerance_pct: 5', 1), encoding="utf-8")
    first = load_catalogue(good).targets[0]
    assert (first.comparison, first.tolerance_pct) == ("about", 5.0)
