"""Control lines by township (issue 6): areas inside each line, overlaps, built-up outside the
development boundary and the plan-zone check, against QGIS's own native algorithms."""
import gc
import html
import json
import os
import tempfile

import pytest
from conftest import REPO
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from cq_urban_plugin.algorithms.check_control_lines import CheckControlLinesAlgorithm
from cq_urban_plugin.compat import FieldType
from cq_urban_plugin.core.checks import control_lines as cl
from cq_urban_plugin.definitions import TOWNSHIP_FIELD as TOWNSHIP

GK = "EPSG:4545"     # CGCS2000 3-degree GK, CM 108E (开州)
X0, Y0 = 480000.0, 3450000.0
REL = 1e-4            # 0.01 %
NATIVE_DIR = tempfile.mkdtemp(prefix="cq_control_lines_")


def box(x1, y1, x2, y2):
    return QgsGeometry.fromWkt(
        f"POLYGON(({X0 + x1} {Y0 + y1},{X0 + x2} {Y0 + y1},{X0 + x2} {Y0 + y2},{X0 + x1} {Y0 + y2},"
        f"{X0 + x1} {Y0 + y1}))")


# (name, zone, juris, geometry) in km-ish metres from (X0, Y0)
TOWNSHIPS = [
    ("城关镇", "城市化发展区", "开州区", box(0, 0, 10000, 10000)),
    ("农业镇", "农产品主产区", "开州区", box(10000, 0, 20000, 10000)),
    ("生态镇", "生态功能区", "开州区", box(20000, 0, 30000, 10000)),
    ("远郊镇", "城市化发展区", "巫溪县", box(0, 10000, 10000, 20000)),
    ("未分区乡", None, "巫溪县", box(10000, 10000, 20000, 20000)),
]
DEVELOPMENT = [box(1000, 1000, 9000, 9000), box(8000, 2000, 12000, 4000), box(20000, 0, 26500, 10000)]
BOWTIE = QgsGeometry.fromWkt(  # self-intersecting: two 1 km² triangles once repaired
    f"POLYGON(({X0 + 14000} {Y0 + 12000},{X0 + 16000} {Y0 + 14000},{X0 + 16000} {Y0 + 12000},"
    f"{X0 + 14000} {Y0 + 14000},{X0 + 14000} {Y0 + 12000}))")
FARMLAND = [box(12000, 1000, 18000, 9000), box(11000, 3000, 13000, 5000), BOWTIE]
ECOLOGY = [box(24000, 2000, 30000, 8000), box(17000, 8000, 22000, 12000)]
BUILTUP = [box(500, 500, 3000, 3000), box(9500, 5000, 10500, 6000), box(21000, 1000, 23000, 3000)]


def memory_layer(name, geometries, crs=GK, attributes=None, fields=()):
    layer = QgsVectorLayer(f"Polygon?crs={crs}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, FieldType.String) for n in fields])
    layer.updateFields()
    for position, geometry in enumerate(geometries):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry(geometry))
        if attributes:
            feature.setAttributes(list(attributes[position]))
        provider.addFeature(feature)
    return layer


def write_gpkg(layer, path, crs=None):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    options.fileEncoding = "UTF-8"
    if path.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    if crs is not None:
        options.ct = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    loaded = QgsVectorLayer(f"{path}|layername={layer.name()}", layer.name(), "ogr")
    assert loaded.isValid()
    return loaded


def build_layers(folder, line_crs=GK, township_crs=GK, zone=True):
    """The test layers in a GeoPackage; control lines and built-up optionally in another CRS."""
    path = folder / "data.gpkg"
    fields = ["name", "juris"] + (["zone"] if zone else [])
    rows = [(n, j, z) if zone else (n, j) for n, z, j, _ in TOWNSHIPS]
    layers = {"townships": write_gpkg(memory_layer("townships", [t[3] for t in TOWNSHIPS], attributes=rows,
                                                   fields=fields), path,
                                      None if township_crs == GK else township_crs)}
    for name, geometries in (("ecology", ECOLOGY), ("farmland", FARMLAND), ("development", DEVELOPMENT),
                             ("builtup", BUILTUP)):
        layers[name] = write_gpkg(memory_layer(name, geometries), path, None if line_crs == GK else line_crs)
    return path, layers


def snapshot(layer):
    return [(f.id(), f.geometry().asWkt(), f.attributes()) for f in layer.getFeatures()]


# --------------------------------------------------------------------------- independent expectations

def native(algorithm, **parameters):
    """Run a QGIS native algorithm into a GeoPackage of its own and open it (layers that
    processing.run hands back from its temporary store crash the interpreter at exit)."""
    import processing

    handle, path = tempfile.mkstemp(suffix=".gpkg", dir=NATIVE_DIR)
    os.close(handle)
    os.unlink(path)
    output = processing.run(algorithm, dict(parameters, OUTPUT=path))["OUTPUT"]
    layer = QgsVectorLayer(output, algorithm, "ogr")
    assert layer.isValid(), (algorithm, output)
    return layer


def dissolved(layer):
    return native("native:dissolve", INPUT=native("native:fixgeometries", INPUT=layer))


def area_by_town(layer):
    areas = {}
    for feature in layer.getFeatures():
        areas[feature["name"]] = areas.get(feature["name"], 0.0) + feature.geometry().area() / 1e6
    return areas


def inside_by_town(townships, polygons):
    """km² of the dissolved ``polygons`` inside each township (native:intersection, planar in EPSG:4545)."""
    return area_by_town(native("native:intersection", INPUT=townships, OVERLAY=polygons,
                               INPUT_FIELDS=["name"], OVERLAY_FIELDS=["fid"]))


def close(actual, expected):
    return actual == pytest.approx(expected, rel=REL, abs=1e-6)


@pytest.fixture
def layers(qgis_processing, tmp_path):
    """The test layers. Emptied on teardown: pytest keeps a fixture's value until the interpreter
    exits, and a layer freed after QGIS has exited crashes Python."""
    _, opened = build_layers(tmp_path)
    yield opened
    opened.clear()
    gc.collect()


def run_check(folder, layers, **extra):
    import processing

    parameters = {
        "TOWNSHIPS": layers["townships"], "TOWNSHIP_NAME_FIELD": "name",
        "ECOLOGY": layers.get("ecology"), "FARMLAND": layers.get("farmland"),
        "DEVELOPMENT": layers.get("development"), "BUILTUP": layers.get("builtup"),
        "OUTPUT": str(folder / "out.gpkg"), "OVERLAPS": str(folder / "overlaps.gpkg"),
        "BUILTUP_OUTSIDE": str(folder / "outside.gpkg"), "SUMMARY": str(folder / "summary.gpkg"),
        "REPORT": str(folder / "report.html"),
    }
    parameters.update(extra)
    parameters = {k: v for k, v in parameters.items() if v is not None}
    results = processing.run(CheckControlLinesAlgorithm(), parameters)
    opened = {}
    for key in ("OUTPUT", "OVERLAPS", "BUILTUP_OUTSIDE", "SUMMARY"):
        value = results[key]
        opened[key] = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, key, "ogr")
        assert opened[key].isValid(), key
    return results, opened


def is_null(value):
    return value is None or (isinstance(value, QVariant) and value.isNull())


def by_town(layer):
    return {f[TOWNSHIP]: f for f in layer.getFeatures()}


# --------------------------------------------------------------------------- tests

def test_areas_match_native_algorithms(layers, tmp_path):
    results, out = run_check(tmp_path, layers)
    towns = by_town(out["OUTPUT"])
    assert set(towns) == {t[0] for t in TOWNSHIPS}
    assert out["OUTPUT"].crs().authid() == GK

    township_area = area_by_town(layers["townships"])
    lines = {line: dissolved(layers[line]) for line in ("ecology", "farmland", "development")}
    for line, prefix in (("ecology", "eco"), ("farmland", "farm"), ("development", "dev")):
        expected = inside_by_town(layers["townships"], lines[line])
        for town, feature in towns.items():
            assert close(feature["area_km2"], township_area[town])
            assert close(feature[f"{prefix}_km2"], expected.get(town, 0.0)), (line, town)
            assert close(feature[f"{prefix}_pct"], 100 * expected.get(town, 0.0) / township_area[town])

    # overlaps of any two lines, by township and pair
    overlap_rows = {}
    for feature in out["OVERLAPS"].getFeatures():
        overlap_rows[(feature[TOWNSHIP], feature["pair"])] = feature["area_km2"]
        assert (feature["line_a"], feature["line_b"]) in {
            (cl.LINE_NAMES[a], cl.LINE_NAMES[b]) for a, b in cl.PAIRS}
    for (a, b), code in cl.PAIRS.items():
        both = native("native:intersection", INPUT=lines[a], OVERLAY=lines[b])
        expected = inside_by_town(layers["townships"], both)
        for town, feature in towns.items():
            assert close(feature[f"{code}_km2"], expected.get(town, 0.0)), (code, town)
            assert close(overlap_rows.get((town, code), 0.0), expected.get(town, 0.0)), (code, town)
    assert overlap_rows  # the data do overlap: 生态镇 red line inside its development boundary, …

    # built-up land outside the development boundary
    builtup_in_town = native("native:intersection", INPUT=layers["townships"], OVERLAY=dissolved(layers["builtup"]),
                             INPUT_FIELDS=["name"], OVERLAY_FIELDS=["fid"])
    outside = area_by_town(native("native:difference", INPUT=builtup_in_town, OVERLAY=lines["development"]))
    builtup = area_by_town(builtup_in_town)
    rows = {f[TOWNSHIP]: f for f in out["BUILTUP_OUTSIDE"].getFeatures()}
    for town, feature in towns.items():
        assert close(feature["bu_km2"], builtup.get(town, 0.0))
        assert close(feature["bu_out_km2"], outside.get(town, 0.0)), town
        if outside.get(town, 0.0) > 0:
            assert close(rows[town]["area_km2"], outside[town])
            assert close(rows[town].geometry().area() / 1e6, outside[town])
            assert close(rows[town]["share"], 100 * outside[town] / builtup[town])
    assert set(rows) == {t for t, v in outside.items() if v > 0}
    assert close(results["BUILTUP_OUTSIDE_KM2"], sum(outside.values()))

    # summary: one row per jurisdiction, totals of its townships
    summary = {f["juris"]: f for f in out["SUMMARY"].getFeatures()}
    assert set(summary) == {"开州区", "巫溪县"}
    for juris, row in summary.items():
        members = [t[0] for t in TOWNSHIPS if t[2] == juris]
        assert row["towns"] == len(members)
        assert close(row["area_km2"], sum(township_area[m] for m in members))
        expected_dev = inside_by_town(layers["townships"], lines["development"])
        assert close(row["dev_km2"], sum(expected_dev.get(m, 0.0) for m in members))
        assert close(row["bu_out_km2"], sum(outside.get(m, 0.0) for m in members))


def test_zone_consistency_flags_with_reasons(layers, tmp_path):
    results, out = run_check(tmp_path, layers)
    towns = by_town(out["OUTPUT"])
    # 生态功能区 with 65% inside the development boundary: flagged, reason names zone, share and line
    eco = towns["生态镇"]
    assert eco["zone_ok"] == 0 and eco["plan_zone"] == "生态功能区"
    assert "生态功能区" in eco["reason"] and "城镇开发边界" in eco["reason"] and "65.0%" in eco["reason"]
    # 城市化发展区 without any development land: flagged
    assert towns["远郊镇"]["zone_ok"] == 0 and "0.0%" in towns["远郊镇"]["reason"]
    # consistent cases are not flagged
    assert towns["城关镇"]["zone_ok"] == 1
    assert towns["农业镇"]["zone_ok"] == 1 and "永久基本农田" in towns["农业镇"]["reason"]
    # no zone: not checked, says so
    assert is_null(towns["未分区乡"]["zone_ok"])
    assert "not checked" in towns["未分区乡"]["reason"]
    assert results["MEASURED"] == 2 and results["FLAGGED"] == 2 and results["CHECKED"] == 4
    assert results["UNIT"] == "townships" and results["PASSED"] is None and results["TARGET"] is None
    summary = {f["juris"]: f for f in out["SUMMARY"].getFeatures()}
    assert summary["开州区"]["flagged"] == 1 and summary["巫溪县"]["flagged"] == 1
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "生态镇" in report and "001_c0dc96b9baef37ce.txt l.1375" in report
    assert "defaults, not figures of the plan" in report  # 50/1/10/50 % are the plugin's, not the plan's

    # the thresholds are parameters: with a looser ecology limit the town passes
    (tmp_path / "b").mkdir()
    _, looser = run_check(tmp_path / "b", layers, ECO_MAX_DEV=70.0)
    assert by_town(looser["OUTPUT"])["生态镇"]["zone_ok"] == 1


def test_zone_kinds():
    assert cl.zone_kind("城市化发展区") == cl.URBAN
    assert cl.zone_kind("城市化地区") == cl.URBAN
    assert cl.zone_kind("农产品主产区") == cl.AGRICULTURE
    assert cl.zone_kind("重点生态功能区") == cl.ECOLOGICAL
    assert cl.zone_kind(None) is None and cl.zone_kind("") is None and cl.zone_kind("其他") is None


def test_no_control_layer_is_a_clear_error(layers, tmp_path):
    with pytest.raises(QgsProcessingException, match="No control-line layer"):
        run_check(tmp_path, {"townships": layers["townships"], "builtup": layers["builtup"]})


def test_missing_zone_field_measures_without_consistency(qgis_processing, tmp_path):
    _, layers = build_layers(tmp_path, zone=False)
    results, out = run_check(tmp_path, layers, ZONE_FIELD="zone")
    towns = by_town(out["OUTPUT"])
    assert all(is_null(f["zone_ok"]) for f in towns.values())
    assert all("not checked" in f["reason"] for f in towns.values())
    assert results["CHECKED"] == 0 and results["FLAGGED"] == 0
    expected = inside_by_town(layers["townships"], dissolved(layers["development"]))
    assert close(towns["生态镇"]["dev_km2"], expected["生态镇"])
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "has no field zone" in report and "not checked against their plan zone" in report


def test_geographic_and_mixed_crs_give_the_same_areas(qgis_processing, tmp_path):
    for folder in ("gk", "geo", "mixed"):
        (tmp_path / folder).mkdir()
    _, projected = build_layers(tmp_path / "gk")
    _, geographic = build_layers(tmp_path / "geo", line_crs="EPSG:4490", township_crs="EPSG:4490")
    _, mixed = build_layers(tmp_path / "mixed", line_crs="EPSG:4490")
    assert geographic["townships"].crs().authid() == "EPSG:4490"
    reference = {}
    for line, prefix in (("ecology", "eco"), ("farmland", "farm"), ("development", "dev")):
        for town, area in inside_by_town(projected["townships"], dissolved(projected[line])).items():
            reference[(town, prefix)] = area
    for folder, layers in (("geo", geographic), ("mixed", mixed)):
        _, out = run_check(tmp_path / folder, layers)
        assert out["OUTPUT"].crs().authid() == GK  # chosen from the data's longitude, whatever their CRS
        towns = by_town(out["OUTPUT"])
        for town, feature in towns.items():
            for prefix in ("eco", "farm", "dev"):
                assert close(feature[f"{prefix}_km2"], reference.get((town, prefix), 0.0)), (folder, town, prefix)
        report = (tmp_path / folder / "report.html").read_text(encoding="utf-8")
        assert "reprojected from EPSG:4490" in report


def test_invalid_geometries_repaired_counted_and_input_unchanged(layers, tmp_path):
    before = {name: snapshot(layer) for name, layer in layers.items()}
    invalid = [f.id() for f in layers["farmland"].getFeatures() if not f.geometry().isGeosValid()]
    assert len(invalid) == 1
    _, out = run_check(tmp_path, layers)
    # the bow-tie's two triangles (2 km², computed independently by native:fixgeometries) count
    fixed = native("native:fixgeometries", INPUT=layers["farmland"])
    bowtie_area = [f.geometry().area() / 1e6 for f in fixed.getFeatures() if f.id() == invalid[0]]
    assert bowtie_area and bowtie_area[0] > 1.9
    assert close(by_town(out["OUTPUT"])["未分区乡"]["farm_km2"],
                 inside_by_town(layers["townships"], dissolved(layers["farmland"]))["未分区乡"])
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert f"1 invalid geometries repaired (feature ids {invalid[0]})" in report
    after = {name: snapshot(layer) for name, layer in layers.items()}
    assert after == before


@pytest.mark.slow
def test_runs_through_qgis_process(installed_plugin, tmp_path):
    path, _ = build_layers(tmp_path)
    out = tmp_path / "result.gpkg"
    result = installed_plugin(
        "run", "cq_urban:check_control_lines", "--json", "--",
        f"TOWNSHIPS={path}|layername=townships", "TOWNSHIP_NAME_FIELD=name", "ZONE_FIELD=zone",
        f"ECOLOGY={path}|layername=ecology", f"FARMLAND={path}|layername=farmland",
        f"DEVELOPMENT={path}|layername=development", f"BUILTUP={path}|layername=builtup",
        f"OUTPUT={out}", f"OVERLAPS={tmp_path / 'overlaps.gpkg'}",
        f"BUILTUP_OUTSIDE={tmp_path / 'outside.gpkg'}", f"SUMMARY={tmp_path / 'summary.gpkg'}",
        f"REPORT={tmp_path / 'report.html'}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["FLAGGED"] == 2 and payload["results"]["MEASURED"] == 2
    layer = QgsVectorLayer(str(out), "out", "ogr")
    assert layer.isValid()
    towns = {f[TOWNSHIP]: f for f in layer.getFeatures()}
    assert towns["生态镇"]["zone_ok"] == 0 and towns["城关镇"]["zone_ok"] == 1
    assert (tmp_path / "report.html").exists()


def test_only_some_lines_given(layers, tmp_path):
    results, out = run_check(tmp_path, {"townships": layers["townships"], "development": layers["development"]})
    towns = by_town(out["OUTPUT"])
    expected = inside_by_town(layers["townships"], dissolved(layers["development"]))
    for town, feature in towns.items():
        assert close(feature["dev_km2"], expected.get(town, 0.0))
        assert is_null(feature["eco_km2"]) and is_null(feature["farm_pct"]) and is_null(feature["ef_km2"])
        assert is_null(feature["bu_km2"]) and is_null(feature["bu_out_km2"])
    # 农产品主产区 is judged on the development boundary alone, and says what it could not check
    assert towns["农业镇"]["zone_ok"] == 1 and "not checked against 永久基本农田" in towns["农业镇"]["reason"]
    assert out["OVERLAPS"].featureCount() == 0 and out["BUILTUP_OUTSIDE"].featureCount() == 0
    assert results["BUILTUP_OUTSIDE_KM2"] is None
    summary = next(iter(out["SUMMARY"].getFeatures()))
    assert is_null(summary["eco_km2"]) and summary["dev_km2"] > 0


def test_ellipsoid_areas(layers, tmp_path):
    from qgis.core import QgsDistanceArea

    _, out = run_check(tmp_path, layers, AREA_METHOD=1)
    ellipsoid = QgsDistanceArea()
    ellipsoid.setSourceCrs(QgsCoordinateReferenceSystem(GK), QgsProject.instance().transformContext())
    ellipsoid.setEllipsoid("GRS80")
    pieces = native("native:intersection", INPUT=layers["townships"], OVERLAY=dissolved(layers["development"]),
                    INPUT_FIELDS=["name"], OVERLAY_FIELDS=["fid"])
    expected = {}
    for feature in pieces.getFeatures():
        expected[feature["name"]] = expected.get(feature["name"], 0.0) + ellipsoid.measureArea(feature.geometry()) / 1e6
    towns = by_town(out["OUTPUT"])
    for town, feature in towns.items():
        assert close(feature["dev_km2"], expected.get(town, 0.0))
    planar = area_by_town(pieces)
    assert abs(towns["城关镇"]["dev_km2"] - planar["城关镇"]) > 1e-4  # the methods do differ


def test_gbk_shapefile_townships(layers, tmp_path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = "GBK"
    path = tmp_path / "townships_gbk.shp"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layers["townships"], str(path),
                                                      QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    raw = (tmp_path / "townships_gbk.dbf").read_bytes()
    assert "生态镇".encode("gbk") in raw and "生态镇".encode() not in raw
    shapefile = QgsVectorLayer(str(path), "townships_gbk", "ogr")
    results, out = run_check(tmp_path, dict(layers, townships=shapefile))
    towns = by_town(out["OUTPUT"])
    assert set(towns) == {t[0] for t in TOWNSHIPS}
    assert towns["生态镇"]["zone_ok"] == 0 and towns["生态镇"]["plan_zone"] == "生态功能区"


def test_bad_layers_get_clear_messages(layers, tmp_path):
    with pytest.raises(QgsProcessingException, match="has no field 名称.*Choose one of its fields"):
        run_check(tmp_path, layers, TOWNSHIP_NAME_FIELD="名称")
    empty = memory_layer("empty_redline", [])
    with pytest.raises(QgsProcessingException, match="empty_redline.*is empty"):
        run_check(tmp_path, dict(layers, ecology=empty))
    # Gauss-Krüger metres in a layer that says it is in degrees (a CRS set wrong)
    wrong = memory_layer("wrong_crs_farmland", FARMLAND, crs="EPSG:4490")
    with pytest.raises(QgsProcessingException,
                       match="wrong_crs_farmland.*coordinates are not valid in .* EPSG:4490.*set wrong"):
        run_check(tmp_path, dict(layers, farmland=wrong))
    # the same mistake in the first layer, which sets the extent: the data would lie outside China
    wrong_townships = memory_layer("wrong_crs_townships", [t[3] for t in TOWNSHIPS], crs="EPSG:4490",
                                   attributes=[(n, j, z) for n, z, j, _ in TOWNSHIPS], fields=["name", "juris", "zone"])
    with pytest.raises(QgsProcessingException, match="not in China.*coordinate reference system is probably wrong"):
        run_check(tmp_path, dict(layers, townships=wrong_townships))
    # a shapefile without its .prj
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    path = tmp_path / "no_crs_dev.shp"
    assert QgsVectorFileWriter.writeAsVectorFormatV2(layers["development"], str(path),
                                                     QgsProject.instance().transformContext(), options)[0] == 0
    path.with_suffix(".prj").unlink()
    no_crs = QgsVectorLayer(str(path), "no_crs_dev", "ogr")
    with pytest.raises(QgsProcessingException, match="no_crs_dev.*has no coordinate reference system"):
        run_check(tmp_path, dict(layers, development=no_crs))
    assert not (tmp_path / "report.html").exists()


def test_overlapping_townships_are_reported(layers, tmp_path):
    overlapping = memory_layer("overlapping_townships", [box(0, 0, 10000, 10000), box(9000, 0, 20000, 10000)],
                               attributes=[("甲镇",), ("乙镇",)], fields=["name"])
    run_check(tmp_path, dict(layers, townships=overlapping))
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Townships 甲镇 and 乙镇 overlap by 10.0000 km²" in report
    assert "No plan zone field was chosen" in report


def test_output_township_column_is_the_shared_one(layers, tmp_path):
    """Every per-township output names its township column definitions.TOWNSHIP_FIELD ("town" before)."""
    _, out = run_check(tmp_path, layers)
    assert TOWNSHIP == "township"
    for key in ("OUTPUT", "OVERLAPS", "BUILTUP_OUTSIDE"):
        names = out[key].fields().names()
        assert TOWNSHIP in names and "town" not in names, (key, names)


# --------------------------------------------------------------------------- the core entry point

SAMPLE = REPO / "layers" / "jiangjin.gpkg"
SAMPLE_LINES = {cl.ECOLOGY: "ecology_redline", cl.FARMLAND: "farmland", cl.DEVELOPMENT: "development_boundary"}
EXTRAS = (cl.FLAGGED, cl.CHECKED, cl.TOWNSHIPS_COUNT, cl.OVERLAP_KM2, cl.BUILTUP_OUTSIDE_KM2)


def sample(name):
    layer = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
    assert layer.isValid(), f"{SAMPLE.name} has no layer {name}"
    return layer


def test_entry_point_gives_the_algorithm_s_figures(cq_provider, tmp_path):
    """cl.check_control_lines, called from Python on the bundled 江津 sample (tagged with its plan zones
    by cq_urban:tag_townships), gives the Processing run's figures, row for row. Real QGIS."""
    import processing

    from cq_urban_plugin import definitions
    from cq_urban_plugin.core.checks.result import CheckResult

    tagged_path = tmp_path / "tagged.gpkg"
    processing.run(definitions.algorithm_id(definitions.TAG_TOWNSHIPS), {
        "INPUT": f"{SAMPLE}|layername=townships", "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
        "OUTPUT": str(tagged_path), "MATCH_REPORT": str(tmp_path / "match.gpkg")})
    tagged = QgsVectorLayer(str(tagged_path), "tagged", "ogr")
    assert tagged.isValid() and tagged.fields().indexOf("zone") >= 0 and tagged.fields().indexOf("juris") >= 0
    lines = {line: sample(name) for line, name in SAMPLE_LINES.items()}
    builtup = sample("builtup")

    folder = tmp_path / "run"
    folder.mkdir()
    results, out = run_check(folder, {"townships": tagged, "builtup": builtup,
                                      **{line: layer for line, layer in lines.items()}})
    result = cl.check_control_lines(tagged, lines, builtup, name_field="name")

    assert isinstance(result, CheckResult) and result.check == definitions.CHECK_CONTROL_LINES
    outputs = result.outputs()
    assert set(outputs) == set(definitions.RESULT_KEYS) | set(EXTRAS)
    for key, value in outputs.items():
        expected = results[key]
        assert (value == pytest.approx(expected, rel=1e-9, abs=1e-12)) if isinstance(value, float) \
            else value == expected, (key, value, expected)
    assert result.verdict.unit == "townships" and result.verdict.target is None and result.verdict.passed is None
    assert result.extras[cl.FLAGGED] > 0 and result.extras[cl.CHECKED] > result.extras[cl.FLAGGED]
    assert result.detail.projection.crs.authid() == out["OUTPUT"].crs().authid() == "EPSG:4544"

    # a row per township, the very figures the sink was written from (rounded there to 1e-6 km²)
    written = {f[TOWNSHIP]: f for f in out["OUTPUT"].getFeatures()}
    assert len(written) == len(result.townships) == out["OUTPUT"].featureCount() > 20
    for town in result.townships:
        feature = written[town.township.name]
        assert feature["juris"] == town.township.juris and feature["reason"] == town.reason
        if town.consistent is None:
            assert is_null(feature["zone_ok"])
        else:
            assert feature["zone_ok"] == int(town.consistent)
        assert feature["area_km2"] == pytest.approx(town.area_km2, abs=1e-6)
        for line in cl.LINES:
            assert feature[f"{cl.LINE_PREFIX[line]}_km2"] == pytest.approx(town.inside_km2[line], abs=1e-6)
            assert feature[f"{cl.LINE_PREFIX[line]}_pct"] == pytest.approx(town.share(line), rel=1e-9)
        for code in cl.PAIRS.values():
            assert feature[f"{code}_km2"] == pytest.approx(town.overlap_km2(code), abs=1e-6)
        assert feature["bu_km2"] == pytest.approx(town.builtup_km2, abs=1e-6)
        assert feature["bu_out_km2"] == pytest.approx(town.builtup_outside_km2, abs=1e-6)
    overlaps = sorted((f[TOWNSHIP], f["pair"], round(f["area_km2"], 6)) for f in out["OVERLAPS"].getFeatures())
    assert overlaps == sorted((t.township.name, o.pair, round(o.km2, 6)) for t in result.townships
                              for o in t.overlaps)
    summary = {f["juris"]: f for f in out["SUMMARY"].getFeatures()}
    assert set(summary) == {s.juris for s in result.detail.summaries}
    for row in result.detail.summaries:
        assert (summary[row.juris]["towns"], summary[row.juris]["flagged"]) == (row.towns, row.flagged)
        assert summary[row.juris]["dev_km2"] == pytest.approx(row.inside_km2[cl.DEVELOPMENT], abs=1e-6)

    # what the report is made of
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert result.method and result.inputs and all(html.escape(label) in report for label in result.inputs)
    assert all(html.escape(note) in report for note in result.notes)
    assert any("reprojected from EPSG:4490" in note for note in result.notes)


def test_entry_point_refuses_bad_input_as_the_algorithm_does(qgis_app):
    from cq_urban_plugin.core.errors import PlanInputError

    townships = sample("townships")
    with pytest.raises(PlanInputError, match="No township layer"):
        cl.check_control_lines(None, {cl.DEVELOPMENT: sample("development_boundary")})
    with pytest.raises(PlanInputError, match="No control-line layer"):
        cl.check_control_lines(townships, {cl.ECOLOGY: None})
    with pytest.raises(PlanInputError, match="has no field 名称"):
        cl.check_control_lines(townships, {cl.DEVELOPMENT: sample("development_boundary")}, name_field="名称")
    with pytest.raises(ValueError, match="unknown control lines"):
        cl.check_control_lines(townships, {"redline": sample("ecology_redline")})
