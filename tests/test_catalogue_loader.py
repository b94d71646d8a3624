"""The catalogue loader: valid files load, malformed ones get file, line and fix."""
import shutil
import textwrap

import pytest

from cq_urban_plugin.core.checks.targets import TargetResult, target_met
from cq_urban_plugin.core.errors import CatalogueError
from cq_urban_plugin.core.plan.catalogue import CATALOGUE_DIR, load_catalogue


def test_template_is_valid():
    catalogue = load_catalogue(CATALOGUE_DIR / "_template.yaml")
    assert catalogue.townships and catalogue.structures and catalogue.targets


def _write(tmp_path, text):
    path = tmp_path / "mine.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


GOOD = """\
schema_version: 1
jurisdiction: {name: 某某县, code: "500999", level: county}
documents:
  - {id: plan, file: plan.txt, title: 某某县规划}
townships:
  - {name: 甲镇, kind: 镇, cite: {doc: plan, line: 3}}
  - {name: 乙乡, kind: 乡, cite: {doc: plan, line: 4}}
structures:
  - id: tiers
    field: tier
    kind: tier
    name: 两级
    cite: {doc: plan, line: 2}
    classes:
      - value: 一级
        members:
          - {name: 甲镇, cite: {doc: plan, line: 3}}
      - value: 二级
        members:
          - {name: 乙乡, cite: {doc: plan, line: 4}}
targets:
  - {id: t1, indicator: builtup_area, label: 建成区, value: 12, unit: km2, year: 2025, cite: {doc: plan, line: 5}}
"""


def test_good_file_loads(tmp_path):
    catalogue = load_catalogue(_write(tmp_path, GOOD))
    assert [t.name for t in catalogue.townships] == ["甲镇", "乙乡"]
    assert catalogue.structure("tiers").readings_for("乙乡")[0].value == "二级"
    target = catalogue.target("t1")
    assert target_met(12.5, target.value, target.comparison) and not target_met(11.9, target.value)
    assert TargetResult(target.label, "某某县", target.value, 10.0, target.unit).gap == pytest.approx(-2)


@pytest.mark.parametrize("old, new, line, words", [
    ("{name: 乙乡, cite: {doc: plan, line: 4}}\ntargets", "{name: 丙镇, cite: {doc: plan, line: 4}}\ntargets", 20,
     "'丙镇' is not under `townships`"),
    ("cite: {doc: plan, line: 5}", "cite: {doc: plam, line: 5}", 22, "cites document 'plam'"),
    ("field: tier", "field: Tier-Name", 10, "field name 'Tier-Name'"),
    ("kind: 乡", "kind: 村", 7, "kind '村' is unknown"),
    ("value: 12,", "value: twelve,", 22, "'value' should be float"),
    ("  - {name: 乙乡, kind: 乡", "  - {name: 乙乡 kind: 乡", 7, "not valid YAML"),
    ("value: 12,", "value: 12, comparison: between,", 22, "comparison 'between' is unknown"),
    ("value: 12,", "value: 12, comparison: range,", 22, "comparison 'range' needs value_min"),
    ("value: 12,", "value: 12, tolerance_pct: 5,", 22, "tolerance_pct 5 needs comparison 'about'"),
    ("value: 12,", "value: 12, comparison: about, tolerance_pct: -5,", 22, "cannot be negative"),
    ("value: 12,", "value: 12, value_text: 全覆盖,", 22, "value_text '全覆盖' needs the number's derivation"),
    ("value: 12,", "value: 12, derived: true,", 22, "a derived target explains the inference"),
    ("value: 12,", "value: 12, tolerence_pct: 5,", 22, "'tolerence_pct' is not a key of a target"),
    ("label: 建成区,", "label: 建成区, Beijing, Shanghai,", 22, "'Beijing' is not a key of a target"),
    ("{name: 乙乡, cite: {doc: plan, line: 4}}\ntargets", "{name: 乙乡, derived: 1, cite: {doc: plan, line: 4}}"
     "\ntargets", 20, "'derived' should be bool"),
])
def test_malformed_file_names_line_and_fix(tmp_path, old, new, line, words):
    # each case changes a single spot of a valid file
    text = GOOD.replace(old, new, 1) if old in GOOD else pytest.fail(f"case does not apply: {old}")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(_write(tmp_path, text))
    message = str(raised.value)
    assert "mine.yaml" in message and "Fix:" in message
    assert words in message
    assert raised.value.line == line, message


def test_an_approximate_figure_a_value_in_words_and_an_inferred_member_load(tmp_path):
    text = GOOD.replace("value: 12,", "value: 12, comparison: about, tolerance_pct: 10, value_text: 约12, "
                                      "derived: 约12 read as 12,", 1)
    text = text.replace("{name: 乙乡, cite: {doc: plan, line: 4}}\ntargets",
                        "{name: 乙乡, derived: true, cite: {doc: plan, line: 4}}\ntargets", 1)
    catalogue = load_catalogue(_write(tmp_path, text))
    target = catalogue.target("t1")
    assert (target.comparison, target.tolerance_pct, target.value_text) == ("about", 10.0, "约12")
    assert target.derived and target.derivation == "约12 read as 12"
    (reading,) = catalogue.structure("tiers").readings_for("乙乡")
    assert reading.inferred and reading.basis is None   # the class has no cite of its own
    assert not catalogue.structure("tiers").readings_for("甲镇")[0].inferred


def test_same_township_in_two_classes_needs_a_conflict_entry(tmp_path):
    member = "- {name: 乙乡, cite: {doc: plan, line: 4}}"
    text = GOOD.replace(member, member + "\n          - {name: 甲镇, cite: {doc: plan, line: 4}}")
    with pytest.raises(CatalogueError, match="both '一级' and '二级'"):
        load_catalogue(_write(tmp_path, text))
    fixed = text.replace("    classes:", "    conflicts:\n      - township: 甲镇\n        readings:\n"
                         "          - {value: 一级, cite: {doc: plan, line: 3}}\n"
                         "          - {value: 二级, cite: {doc: plan, line: 4}}\n    classes:")
    catalogue = load_catalogue(_write(tmp_path, fixed))
    assert [r.value for r in catalogue.structure("tiers").readings_for("甲镇")] == ["一级", "二级"]


def test_gbk_file_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(GOOD.encode("gbk"))
    with pytest.raises(CatalogueError, match="not UTF-8"):
        load_catalogue(path)


def test_bundled_files_copy_cleanly(tmp_path):
    # a user's copy of a bundled catalogue loads the same
    for path in CATALOGUE_DIR.glob("*.yaml"):
        copy = tmp_path / path.name
        shutil.copy(path, copy)
        assert load_catalogue(copy).name == load_catalogue(path).name


def test_a_range_target_is_met_inside_its_bounds(tmp_path):
    """A range such as 人均公园绿地面积 8–10 m² reads from a catalogue and is judged on its bounds."""
    text = GOOD.replace("value: 12,", "value: 12, comparison: range, value_min: 10, value_max: 14,", 1)
    target = load_catalogue(_write(tmp_path, text)).target("t1")
    assert (target.comparison, target.value_min, target.value_max) == ("range", 10, 14)
    met = [TargetResult(target.label, "某某县", target.value, m, target.unit, target.comparison,
                        value_min=target.value_min, value_max=target.value_max).passed for m in (10, 13.9, 9.99, 14.01)]
    assert met == [True, True, False, False]


def test_a_target_says_how_it_is_measured(tmp_path):
    """The `measure` block (issue #14): kind, layer roles, threshold, denominator, convention, source;
    without one the indicator's kind; a target no layer can measure says why."""
    text = GOOD.replace(
        "cite: {doc: plan, line: 5}}\n",
        "cite: {doc: plan, line: 5}}\n"
        "  - {id: park5, indicator: facility_coverage, label: 公园绿地广场步行5分钟覆盖率, value: 90, unit: percent,\n"
        "     cite: {doc: plan, line: 5}, measure: {kind: facility_coverage, layers: [facilities, builtup],\n"
        "     facility: park, minutes: 5, distance_m: 300, denominator: area,\n"
        "     convention: 5 minutes walked as 300 m, source: GB/T 51346-2019}}\n"
        "  - {id: hukou, indicator: urbanization_rate, label: 户籍人口城镇化率, value: 50, unit: percent,\n"
        "     cite: {doc: plan, line: 5}, measure: {kind: none, reason: 户籍人口 comes from the register}}\n", 1)
    catalogue = load_catalogue(_write(tmp_path, text))
    park = catalogue.target("park5").measure
    assert (park.kind, park.layers, park.minutes, park.distance_m) == ("facility_coverage", ("facilities", "builtup"),
                                                                      5, 300)
    assert park.source == "GB/T 51346-2019" and catalogue.target("park5").measurable
    assert catalogue.target("t1").measure.kind == "builtup_area" and catalogue.target("t1").measurable
    hukou = catalogue.target("hukou")
    assert not hukou.measurable and "register" in hukou.measure.reason


@pytest.mark.parametrize("measure, words", [
    ("{kind: guess}", "kind 'guess' is unknown"),
    ("{kind: land_share, layers: [parcels]}", "layer role 'parcels' is unknown"),
    ("{kind: none}", "says why"),
    ("{kind: land_share, radius: 3}", "'radius' is not a key"),
])
def test_a_wrong_measure_is_refused_with_its_fix(tmp_path, measure, words):
    text = GOOD.replace("year: 2025, cite: {doc: plan, line: 5}}", f"year: 2025, cite: {{doc: plan, line: 5}}, "
                        f"measure: {measure}}}", 1)
    assert text != GOOD
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(_write(tmp_path, text))
    assert words in str(raised.value) and "Fix:" in str(raised.value)
