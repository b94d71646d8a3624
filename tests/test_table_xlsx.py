"""Every check's tables also as one Excel workbook (TABLE_XLSX, issue #16), written by GDAL's
XLSX driver: read back with ogr and compared with the CSV the same run wrote: the rows, the
headers (Chinese in the Chinese interface), the area unit chosen and the 合计 row.
"""
import csv

import factory
import processing
import pytest
from osgeo import gdal, ogr

from cq_urban_plugin import i18n
from cq_urban_plugin.core.files.xlsx import UNIT_FACTORS


@pytest.fixture()
def sample(tmp_path):
    return factory.sample_gpkg(tmp_path / "sample.gpkg")


def read_xlsx(path):
    """{sheet: (headers, rows)} of the workbook, the first row read as its headers."""
    gdal.SetConfigOption("OGR_XLSX_HEADERS", "FORCE")
    gdal.SetConfigOption("OGR_XLSX_FIELD_TYPES", "AUTO")
    try:
        dataset = ogr.Open(str(path))
        assert dataset is not None, path
        sheets = {}
        for index in range(dataset.GetLayerCount()):
            layer = dataset.GetLayer(index)
            definition = layer.GetLayerDefn()
            headers = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
            rows = [[feature.GetField(i) for i in range(len(headers))] for feature in layer]
            sheets[layer.GetName()] = (headers, rows)
        return sheets
    finally:
        gdal.SetConfigOption("OGR_XLSX_HEADERS", None)
        gdal.SetConfigOption("OGR_XLSX_FIELD_TYPES", None)


def read_csv(path):
    with open(path, encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def run_builtup(sample, tmp_path, unit=0, stem="b"):
    return processing.run("cq_urban:check_builtup", {
        "BUILTUP": sample["BUILTUP"], "TOWNSHIPS": sample["TOWNSHIPS"], "TOWNSHIP_NAME_FIELD": "name",
        "TARGET_VALUE": 5, "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": str(tmp_path / f"{stem}.csv"),
        "AREA_UNIT": unit, "TABLE_XLSX": str(tmp_path / f"{stem}.xlsx")})


def test_builtup_table_in_hectares_with_a_total_over_the_townships(cq_provider, sample, tmp_path):
    results = run_builtup(sample, tmp_path, unit=1)
    assert results["TABLE_XLSX"] == str(tmp_path / "b.xlsx")
    rows = read_csv(tmp_path / "b.csv")
    sheets = read_xlsx(tmp_path / "b.xlsx")
    assert len(sheets) == 1
    headers, cells = next(iter(sheets.values()))
    assert headers[:2] == ["Level", "Name"]
    area = headers.index("Built-up area (ha)")
    share = headers.index("Built-up share of the township (%)")
    assert len(cells) == len(rows) + 1  # every row of the CSV, then the total
    for row, cell in zip(rows, cells):
        assert cell[1] == row["name"]
        assert cell[area] == pytest.approx(float(row["bu_km2"]) * UNIT_FACTORS["ha"], abs=1e-3)
        if row["share"]:
            assert cell[share] == pytest.approx(round(float(row["share"]), 1), abs=1e-9)
    total = cells[-1]
    assert total[0] == "Total" and total[1] == "Total"
    townships = [r for r in rows if r["level"] == "township"]
    assert len(townships) >= 2
    assert total[area] == pytest.approx(sum(float(r["bu_km2"]) for r in townships) * 100, abs=1e-2)
    assert total[headers.index("Townships")] == len(townships)
    assert total[share] is None  # a sum of percentages means nothing
    # The table not asked for as a file is still in the workbook, and is no result.
    only_workbook = processing.run("cq_urban:check_coverage", {
        "STOPS": sample["STOPS"], "SERVED_AREA": sample["BUILTUP"], "TOWNSHIPS": sample["TOWNSHIPS"],
        "TOWNSHIP_NAME_FIELD": "name", "RADIUS": 500, "TARGET_VALUE": 90,
        "TABLE_XLSX": str(tmp_path / "c.xlsx")})
    assert only_workbook.get("TABLE") is None
    headers, cells = next(iter(read_xlsx(tmp_path / "c.xlsx").values()))
    served = headers.index("Served area (km²)")
    assert cells[-1][0] == "Total"
    assert cells[-2][0] == "Whole served area"  # a whole already: not counted again in the total
    assert cells[-1][served] == pytest.approx(sum(c[served] for c in cells[:-2]), abs=1e-3)
    assert cells[-1][headers.index("Coverage by area (%)")] is None


def test_chinese_headers_and_mu(cq_provider, sample, tmp_path):
    assert i18n.install_translator("zh_Hans"), "cq_urban_zh_Hans.qm missing: run `make qm`"
    try:
        run_builtup(sample, tmp_path, unit=2, stem="zh")
    finally:
        i18n.remove_translator()
    rows = read_csv(tmp_path / "zh.csv")
    headers, cells = next(iter(read_xlsx(tmp_path / "zh.xlsx").values()))
    assert "建成区面积（亩）" in headers, headers
    assert not [h for h in headers if h.isascii()], headers  # every header in Chinese
    area = headers.index("建成区面积（亩）")
    assert cells[-1][0] == "合计"
    townships = [r for r in rows if r["level"] == "township"]
    assert cells[-1][area] == pytest.approx(sum(float(r["bu_km2"]) for r in townships) * 1500, abs=1e-1)
    assert cells[0][0] == "乡镇（街道）"  # the level code in the interface's words


def test_plan_summary_workbook_has_no_total_and_its_report_a_chart(cq_provider, tmp_path):
    """The whole-plan check's summary: one row per target, figures of different units, so no 合计 row;
    with a report, its chart of the measured targets against their figures beside it."""
    from pathlib import Path

    wuxi = Path(__file__).resolve().parents[1] / "layers" / "wuxi.gpkg"
    results = processing.run("cq_urban:check_plan", {
        "CATALOGUE": "wuxi", "TOWNSHIPS": f"{wuxi}|layername=townships", "TOWNSHIP_NAME_FIELD": "name",
        "BUILTUP": f"{wuxi}|layername=builtup", "STOPS": f"{wuxi}|layername=bus_stops",
        "SUMMARY": str(tmp_path / "plan.csv"), "REPORT": str(tmp_path / "plan.html"),
        "TABLE_XLSX": str(tmp_path / "plan.xlsx")})
    rows = read_csv(tmp_path / "plan.csv")
    headers, cells = next(iter(read_xlsx(tmp_path / "plan.xlsx").values()))
    assert len(cells) == len(rows) == results["TARGETS"]
    assert "Total" not in [c[0] for c in cells]
    assert headers[:2] == ["Target id", "Indicator"]
    assert [c[0] for c in cells] == [r["target_id"] for r in rows]
    assert results["CHARTS"] == str(tmp_path / "plan_chart1.png")


def _checks():
    from test_bad_inputs import BASELINES

    from cq_urban_plugin.algorithms import ALGORITHMS

    checks = {a.NAME for a in ALGORITHMS if a.GROUP == "checks"}
    return sorted(name for name, baseline in BASELINES.items() if baseline and name in checks)


@pytest.mark.parametrize("name", _checks())
def test_every_checks_workbook_is_headed_in_chinese(cq_provider, name, tmp_path):
    """Every check's baseline run (tests/test_bad_inputs.py) with a workbook, in the Chinese interface:
    each sheet's every column headed in Chinese, the rows those of its tables."""
    from test_bad_inputs import BASELINES

    sources = factory.sample_gpkg(tmp_path / "sample.gpkg")
    parameters = {k: (v.replace("{tmp}", str(tmp_path)) if isinstance(v, str) else v)
                  for k, v in BASELINES[name][0].items()}
    parameters = {k: (sources[v.strip("{}")] if isinstance(v, str) and v.startswith("{") else v)
                  for k, v in parameters.items()}
    parameters["TABLE_XLSX"] = str(tmp_path / f"{name}.xlsx")
    assert i18n.install_translator("zh_Hans")
    try:
        results = processing.run(f"cq_urban:{name}", parameters)
    finally:
        i18n.remove_translator()
    sheets = read_xlsx(results["TABLE_XLSX"])
    assert sheets
    for sheet, (headers, cells) in sheets.items():
        english = [h for h in headers if h.isascii()]
        assert not english, (name, sheet, english)
        assert cells, (name, sheet)
        assert not sheet.isascii(), sheet  # the table's own name, as the dialog gives it
