"""Tag townships with plan roles: messy names give the right roles and the right report rows.

Expected values come from the catalogue's classes and conflicts, read here
independently of the tagging code; never from the algorithm's own output.
"""
import json

import processing
import pytest
from conftest import REPO
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from cq_urban_plugin.core.plan.catalogue import bundled_catalogue, load_catalogue

ALG = "cq_urban:tag_townships"


@pytest.fixture
def provider(cq_provider):
    return cq_provider


def py(value):
    """None for QGIS's NULL."""
    return None if isinstance(value, QVariant) and value.isNull() else value


def plan_values(catalogue):
    """{field: {township: set of values}} straight from the catalogue's classes and conflicts."""
    values = {}
    for structure in catalogue.structures:
        by_town = values.setdefault(structure.field, {})
        for plan_class in structure.classes:
            for member in plan_class.members:
                by_town.setdefault(member.name, set()).add(plan_class.value)
        for conflict in structure.conflicts:
            by_town[conflict.township] = {r.value for r in conflict.readings}
    return values


def square(i):
    x, y = 108.0 + (i % 10) * 0.05, 31.0 + (i // 10) * 0.05
    return QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 0.04} {y},{x + 0.04} {y + 0.04},{x} {y + 0.04},{x} {y}))")


def memory_layer(rows, extra=""):
    """rows: [(name, code)]; a polygon layer in EPSG:4490 with fields xzmc (name) and code."""
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4490&field=xzmc:string(50)&field=code:string(20){extra}",
                           "乡镇界", "memory")
    features = []
    for i, (name, code) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(square(i))
        feature["xzmc"] = name
        feature["code"] = code
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


# (layer name, plan township it must be tagged with, or None when it must stay untagged)
MESSY_KAIZHOU = [
    ("白鹤街道", "白鹤街道"),            # exact
    ("丰乐", "丰乐街道"),                # suffix absent
    ("汉丰街道办事处", "汉丰街道"),      # long suffix
    (" 文峰 街道 ", "文峰街道"),         # spaces
    ("云枫\u3000街道", "云枫街道"),      # ideographic space
    ("白桥乡", "白桥镇"),                # 乡 that became 镇
    ("岳溪镇", "岳溪镇"),                # the plan contradicts itself (tier)
    ("大进镇", "大进镇"),
    ("五通乡", "五通乡"),
    ("临江镇", None),                    # twice: duplicate, neither tagged
    ("临江", None),
    ("北京路街道", None),                # not in the plan
    ("南们镇", None),                    # misspelling of 南门镇
    (None, None),                        # no name
]


def run_tagging(layer, **extra):
    parameters = {"INPUT": layer, "NAME_FIELD": "xzmc", "CATALOGUE": "kaizhou",
                  "OUTPUT": "memory:", "MATCH_REPORT": "memory:", **extra}
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run(ALG, parameters, context=context)
    out = context.getMapLayer(results["OUTPUT"]) if isinstance(results["OUTPUT"], str) else results["OUTPUT"]
    report = results["MATCH_REPORT"]
    report = context.getMapLayer(report) if isinstance(report, str) else report
    return results, out, report


def test_messy_names_get_the_plan_roles_and_the_report_says_what_was_not_matched(provider):
    catalogue = bundled_catalogue("kaizhou")
    expected = plan_values(catalogue)
    layer = memory_layer([(name, "") for name, _ in MESSY_KAIZHOU])
    before = [f.attributes() for f in layer.getFeatures()]
    results, out, report = run_tagging(layer)
    assert [f.attributes() for f in layer.getFeatures()] == before  # input untouched

    out_features = {f.id(): f for f in out.getFeatures()}
    assert len(out_features) == len(MESSY_KAIZHOU)
    field_names = out.fields().names()
    assert field_names[:2] == ["xzmc", "code"]
    for name in ("plan_name", "match", "juris", "plan_note", "plan_cite", *[s.field for s in catalogue.structures]):
        assert name in field_names and len(name) <= 10

    by_name = {}
    for (layer_name, plan_name), feature in zip(MESSY_KAIZHOU, out.getFeatures()):
        assert feature["xzmc"] == layer_name or (layer_name is None and feature["xzmc"] in (None, ""))
        by_name.setdefault(plan_name, []).append(feature)
        if plan_name is None:
            assert feature["plan_name"] in (None, ""), layer_name
            for structure in catalogue.structures:
                assert feature[structure.field] in (None, ""), (layer_name, structure.field)
            continue
        assert feature["plan_name"] == plan_name
        assert feature["juris"] == catalogue.name
        assert feature["match"] == ("exact" if layer_name == plan_name else "normalised")
        for structure in catalogue.structures:
            want = expected[structure.field].get(plan_name, set())
            got = feature[structure.field]
            assert (set(got.split("|")) if got else set()) == want, (plan_name, structure.field)
        township = catalogue.township(plan_name)
        assert f"{township.cite.file}: name {township.cite.line}" in feature["plan_cite"]

    # 岳溪镇: both tier readings, and the lines in plan_note.
    yuexi = by_name["岳溪镇"][0]
    conflict = catalogue.structure("town_tier").conflicts[0]
    assert conflict.township == "岳溪镇"
    for reading in conflict.readings:
        assert reading.value in yuexi["tier"]
        assert f"{reading.cite.file}:{reading.cite.line}" in yuexi["plan_note"]
    assert set(yuexi["tier"].split("|")) == {"第一级", "第三级"}

    rows = [tuple(py(f[k]) for k in ("layer_fid", "name", "status", "plan_name", "candidates", "fix"))
            for f in report.getFeatures()]
    status_of = {}
    for fid, name, status, plan_name, candidates, fix in rows:
        assert fix, (name, status)
        status_of.setdefault(status, []).append((fid, name, plan_name, candidates))
    fids = {layer_name: fid for fid, (layer_name, _) in zip(out_features, MESSY_KAIZHOU)}
    unmatched = {name: (fid, candidates) for fid, name, _, candidates in status_of["unmatched"]}
    assert set(unmatched) == {"北京路街道", "南们镇", None}
    assert unmatched["南们镇"][0] == fids["南们镇"]
    assert unmatched["南们镇"][1].split(", ")[0] == "南门镇"  # suggested, not applied
    duplicates = {(fid, plan_name) for fid, _, plan_name, _ in status_of["duplicate"]}
    assert duplicates == {(fids["临江镇"], "临江镇"), (fids["临江"], "临江镇")}
    normalised = {name for _, name, _, _ in status_of["normalised"]}
    assert normalised == {n for n, p in MESSY_KAIZHOU if p is not None and n != p}
    assert [plan_name for _, _, plan_name, _ in status_of["conflict"]] == ["岳溪镇"]

    in_layer = {p for _, p in MESSY_KAIZHOU if p} | {"临江镇"}
    missing = {plan_name for _, _, plan_name, _ in status_of["missing"]}
    assert missing == {t.name for t in catalogue.townships} - in_layer
    assert results["MISSING"] == len(catalogue.townships) - len(in_layer)
    assert results["MATCHED"] == len([p for _, p in MESSY_KAIZHOU if p])
    assert results["UNMATCHED"] == 3
    assert results["AMBIGUOUS"] == 2


def test_alias_from_a_catalogue_file_of_ones_own(provider, tmp_path):
    source = bundled_catalogue("kaizhou").path
    text = source.read_text(encoding="utf-8").replace(
        "{name: 白鹤街道, kind: 街道, cite:", "{name: 白鹤街道, kind: 街道, aliases: [白鹤坝], cite:")
    assert "白鹤坝" in text
    copy = tmp_path / "kaizhou_aliases.yaml"
    copy.write_text(text, encoding="utf-8")
    catalogue = load_catalogue(copy)
    layer = memory_layer([("白鹤坝", ""), ("丰乐街道", "")])
    results, out, report = run_tagging(layer, CATALOGUE_FILE=str(copy))
    first = next(out.getFeatures())
    assert (first["plan_name"], first["match"]) == ("白鹤街道", "alias")
    want = plan_values(catalogue)["tier"]["白鹤街道"]
    assert {first["tier"]} == want
    statuses = [f["status"] for f in report.getFeatures() if f["name"] == "白鹤坝"]
    assert statuses[0] == "alias" and set(statuses[1:]) <= {"inferred"}


def test_wuxi_names_only_what_its_plan_names(provider):
    """巫溪's catalogue holds the five units its plan names; the rest of a county layer stays untagged."""
    catalogue = bundled_catalogue("wuxi")
    expected = plan_values(catalogue)["pastoral"]
    rows = [("上磺镇", "上磺镇"), ("古路", "古路镇"), ("文峰 镇", "文峰镇"), ("塘坊乡", "塘坊镇"),
            ("双阳乡", "双阳乡"), ("宁厂镇", None), ("城厢镇", None)]
    layer = memory_layer([(name, "") for name, _ in rows])
    results, out, report = run_tagging(layer, CATALOGUE="wuxi")
    for (name, plan_name), feature in zip(rows, out.getFeatures()):
        assert py(feature["plan_name"]) == plan_name, name
        want = expected.get(plan_name) if plan_name else None
        assert ({py(feature["pastoral"])} if want else py(feature["pastoral"])) == (want if want else None)
    assert expected["上磺镇"] == expected["古路镇"] != expected["文峰镇"]  # two different pairs
    unmatched = {py(f["name"]) for f in report.getFeatures() if f["status"] == "unmatched"}
    assert unmatched == {"宁厂镇", "城厢镇"}
    assert results["MISSING"] == 0 and results["MATCHED"] == 5


def test_code_field_separates_other_jurisdictions_and_joins_parts(provider):
    catalogue = bundled_catalogue("kaizhou")
    layer = memory_layer([
        ("文峰镇", "500238101"),     # 巫溪's 文峰镇: another jurisdiction, even though 文峰街道 would fit
        ("大进镇", "500154103"),     # two parts of one township (same code): both tagged
        ("大进镇", "500154103"),
        ("温泉镇", "500154104"),     # same name, different codes: duplicate
        ("温泉镇", "500154105"),
    ])
    results, out, report = run_tagging(layer, CODE_FIELD="code")
    features = list(out.getFeatures())
    assert features[0]["match"] == "other_juris" and features[0]["plan_name"] in (None, "")
    want = plan_values(catalogue)["tier"]["大进镇"]
    assert [f["plan_name"] for f in features[1:3]] == ["大进镇", "大进镇"]
    assert all({f["tier"]} == want for f in features[1:3])
    assert all(f["plan_name"] in (None, "") for f in features[3:])
    statuses = sorted(f["status"] for f in report.getFeatures() if py(f["layer_fid"]) is not None)
    assert statuses == ["duplicate", "duplicate", "other_juris", "parts", "parts"]
    assert results["MATCHED"] == 2 and results["AMBIGUOUS"] == 2 and results["UNMATCHED"] == 1


def test_running_again_on_a_tagged_layer_replaces_the_tags(provider):
    layer = memory_layer([("白鹤", ""), ("大进镇", "")], extra="&field=tier:string(20)&field=PLAN_NAME:string(20)")
    _, out, _ = run_tagging(layer)
    names = out.fields().names()
    assert names.count("tier") == 1 and "PLAN_NAME" not in names
    assert [f["plan_name"] for f in out.getFeatures()] == ["白鹤街道", "大进镇"]


def test_a_name_field_tagging_writes_itself_is_refused(provider):
    layer = memory_layer([("白鹤", "")], extra="&field=plan_name:string(20)")
    with pytest.raises(QgsProcessingException, match="plan_name"):
        processing.run(ALG, {"INPUT": layer, "NAME_FIELD": "plan_name", "CATALOGUE": "kaizhou",
                             "OUTPUT": "memory:", "MATCH_REPORT": "memory:"})


def test_empty_layer_gets_a_clear_message(provider):
    empty = QgsVectorLayer("Polygon?crs=EPSG:4490&field=xzmc:string", "空图层", "memory")
    with pytest.raises(QgsProcessingException, match="空图层.*empty"):
        processing.run(ALG, {"INPUT": empty, "NAME_FIELD": "xzmc", "CATALOGUE": "kaizhou",
                             "OUTPUT": "memory:", "MATCH_REPORT": "memory:"})


def test_geometries_are_copied_untouched_even_without_crs_or_valid_shape(provider):
    layer = QgsVectorLayer("Polygon?field=xzmc:string&field=code:string", "no crs", "memory")
    bowtie = QgsGeometry.fromWkt("POLYGON((0 0,1 1,1 0,0 1,0 0))")  # invalid, self-intersecting
    features = []
    for name, geometry in (("白鹤", bowtie), ("大进镇", None)):
        feature = QgsFeature(layer.fields())
        if geometry is not None:
            feature.setGeometry(geometry)
        feature["xzmc"] = name
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    _, out, _ = run_tagging(layer)
    got = list(out.getFeatures())
    assert [f["plan_name"] for f in got] == ["白鹤街道", "大进镇"]
    assert got[0].geometry().equals(bowtie) and not got[1].hasGeometry()


@pytest.mark.parametrize("destination", ["TEMPORARY_OUTPUT", "tagged.gpkg"])
def test_style_and_value_maps_applied_when_the_output_is_loaded(provider, tmp_path, destination):
    """The desktop path: Processing loads the output into the project and calls the post-processor."""
    catalogue = bundled_catalogue("kaizhou")
    layer = memory_layer([("白鹤", ""), ("大进镇", "")])
    output = destination if destination == "TEMPORARY_OUTPUT" else str(tmp_path / destination)
    project = QgsProject.instance()
    before = set(project.mapLayers())
    results = processing.runAndLoadResults(ALG, {
        "INPUT": layer, "NAME_FIELD": "xzmc", "CATALOGUE": "kaizhou",
        "OUTPUT": output, "MATCH_REPORT": "TEMPORARY_OUTPUT"})
    loaded = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        tagged = [lyr for lyr in loaded if lyr.fields().indexOf("plan_name") >= 0 and lyr.fields().indexOf("xzmc") >= 0]
        assert len(tagged) == 1, [lyr.name() for lyr in loaded]
        out = tagged[0]
        if destination != "TEMPORARY_OUTPUT":
            assert out.source().split("|")[0] == output  # the staged file, moved into place, is what loaded
        first = catalogue.structures[0]
        renderer = out.renderer()
        assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == first.field
        values = [c.value() for c in renderer.categories()]
        assert values[:len(first.classes)] == [c.value for c in sorted(first.classes, key=lambda c: c.order)]
        assert len(out.styleManager().styles()) >= len(catalogue.structures)
        for structure in catalogue.structures:
            setup = out.editorWidgetSetup(out.fields().indexOf(structure.field))
            assert setup.type() == "ValueMap"
            offered = {v for entry in setup.config()["map"] for v in entry.values()}
            assert {c.value for c in structure.classes} <= offered
        assert results["MATCHED"] == 2
    finally:
        project.removeMapLayers([lyr.id() for lyr in loaded])


# --------------------------------------------------------------- files and batch

def write_gbk_polygons(path, names, with_cpg):
    """A polygon Shapefile whose text is GBK, with or without its .cpg."""
    import factory

    return factory.gbk_shapefile(path, [square(i).asWkt() for i in range(len(names))], names, "xzmc", with_cpg)


@pytest.mark.parametrize("with_cpg", [True, False])
def test_gbk_shapefile_names_are_read_and_tagged(provider, tmp_path, with_cpg):
    catalogue = bundled_catalogue("kaizhou")
    names = ["白鹤街道", "大进镇", "关面乡"]
    path = write_gbk_polygons(tmp_path / "townships.shp", names, with_cpg)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    results = processing.run(ALG, {"INPUT": str(path), "NAME_FIELD": "xzmc", "CATALOGUE": "kaizhou",
                                   "OUTPUT": str(tmp_path / "tagged.gpkg"),
                                   "MATCH_REPORT": str(tmp_path / "report.gpkg")})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in before} == before
    out = QgsVectorLayer(results["OUTPUT"], "out", "ogr")
    expected = plan_values(catalogue)["tier"]
    assert [f["xzmc"] for f in out.getFeatures()] == names
    assert [f["plan_name"] for f in out.getFeatures()] == names
    assert [{f["tier"]} for f in out.getFeatures()] == [expected[n] for n in names]
    assert results["MATCHED"] == 3


def test_qgis_process_on_a_geopackage(installed_plugin, tmp_path, qgis_app):
    catalogue = bundled_catalogue("jiangjin")
    expected = plan_values(catalogue)
    towns = [t.name for t in catalogue.townships]
    # every plan township, half of them without suffix, one left out, one foreign name
    names = [n if i % 2 else n[:-2] if n.endswith("街道") else n[:-1] for i, n in enumerate(towns[:-1])]
    names.append("解放碑街道")
    layer = memory_layer([(n, "") for n in names])
    source = tmp_path / "乡镇.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "townships"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(source), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    output, report = tmp_path / "tagged.gpkg", tmp_path / "report.csv"
    result = installed_plugin("run", ALG, "--json", "--", f"INPUT={source}|layername=townships", "NAME_FIELD=xzmc",
                              "CATALOGUE=jiangjin", f"OUTPUT={output}", f"MATCH_REPORT={report}")
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["results"]["MATCHED"] == len(towns) - 1
    assert payload["results"]["UNMATCHED"] == 1 and payload["results"]["MISSING"] == 1
    out = QgsVectorLayer(str(output), "out", "ogr")
    assert out.featureCount() == len(names)
    for feature, plan_name in zip(out.getFeatures(), towns[:-1] + [None]):
        assert (feature["plan_name"] or None) == plan_name
        if plan_name is None:
            continue
        for structure in catalogue.structures:
            got = feature[structure.field]
            assert (set(got.split("|")) if got else set()) == expected[structure.field].get(plan_name, set())
    # The GeoPackage carries the styles: opened anywhere, it is drawn by the first
    # structure and offers the plan's values.
    first = catalogue.structures[0]
    assert out.renderer().type() == "categorizedSymbol" and out.renderer().classAttribute() == first.field
    setup = out.editorWidgetSetup(out.fields().indexOf(first.field))
    assert setup.type() == "ValueMap"
    assert {c.value for c in first.classes} <= {v for e in setup.config()["map"] for v in e.values()}
    rows = QgsVectorLayer(str(report), "report", "ogr")
    statuses = [(f["status"], f["plan_name"] or f["name"]) for f in rows.getFeatures()]
    assert ("unmatched", "解放碑街道") in statuses and ("missing", towns[-1]) in statuses


def test_match_report_and_styles_survive_a_geopackage(provider, tmp_path):
    """The report's feature ids are the township layer's (a field named `fid` would
    have become the GeoPackage's own key), and every style name fits layer_styles."""
    source = REPO / "layers" / "jiangjin.gpkg"
    results = processing.run(ALG, {
        "INPUT": f"{source}|layername=townships_messy", "NAME_FIELD": "name", "CATALOGUE": "jiangjin",
        "OUTPUT": str(tmp_path / "tagged.gpkg"), "MATCH_REPORT": str(tmp_path / "report.gpkg")})
    messy = QgsVectorLayer(f"{source}|layername=townships_messy", "messy", "ogr")
    names = {f.id(): f["name"] for f in messy.getFeatures()}
    report = QgsVectorLayer(results["MATCH_REPORT"], "report", "ogr")
    rows = [(py(f["layer_fid"]), f["name"]) for f in report.getFeatures() if py(f["layer_fid"]) is not None]
    assert rows and all(names[fid] == name for fid, name in rows)
    from cq_urban_plugin.core.maps.styling import style_name

    assert all(len(style_name(s)) <= 30 for s in bundled_catalogue("jiangjin").structures)


def _inferred_values(catalogue, township):
    """{field: (value, the class's cite)} of the classes or members the catalogue marks derived."""
    found = {}
    for structure in catalogue.structures:
        for plan_class in structure.classes:
            for member in plan_class.members:
                if member.name == township and (plan_class.derived or member.derived):
                    found[structure.field] = (plan_class.value, plan_class.cite)
    return found


def test_an_inferred_value_is_written_as_inferred_with_its_class_line(provider):
    """吴滩镇 is 多特色 by elimination (nu2021 l.274 “其他14个一般建制镇”, not naming it): the tagged layer says so
    in plan_infer with the class's line, plan_cite has that line beside fyp14 l.1375, plan_note says how, and
    the match report has an inferred row; 几江街道's 一主 (named at l.274) is no inference."""
    catalogue = bundled_catalogue("jiangjin")
    featured = catalogue.structure("town_system").class_of("多特色")
    assert featured.derived and featured.cite.line == 274 and "其他14个" in featured.cite.quote
    layer = memory_layer([("吴滩镇", ""), ("几江街道", "")])
    results, out, report = run_tagging(layer, CATALOGUE="jiangjin")
    wutan, jijiang = list(out.getFeatures())
    assert "plan_infer" in out.fields().names()
    assert wutan["role"] == "多特色"
    assert f"role: 多特色 (inferred; the class: {featured.cite.file}:274)" in wutan["plan_infer"]
    assert f"{featured.cite.file}: " in wutan["plan_cite"] and "role 274" in wutan["plan_cite"]
    assert "1375" in wutan["plan_cite"]       # the member's own line stays
    assert "inferred" in wutan["plan_note"] and "l.1375" in wutan["plan_note"]
    assert jijiang["role"] == "一主"
    assert "role" not in (py(jijiang["plan_infer"]) or "")
    expected = _inferred_values(catalogue, "几江街道")      # 商圈 and 片区 name-matches
    assert {"commerce", "city_bank"} <= set(expected)
    for field_name, (value, _) in expected.items():
        assert f"{field_name}: {value} (inferred" in jijiang["plan_infer"]
    rows = [(f["name"], f["status"], f["candidates"], f["fix"]) for f in report.getFeatures()]
    inferred = [(name, candidates) for name, status, candidates, _ in rows if status == "inferred"]
    assert ("吴滩镇", f"role: 多特色 (inferred; the class: {featured.cite.file}:274)") in inferred
    assert {c.split(":")[0] for n, c in inferred if n == "几江街道"} == set(expected)
    assert all("(inferred)" in fix for _, status, _, fix in rows if status == "inferred")


def test_kaizhou_linjiang_alone_is_inferred_in_jiangli(provider):
    """003 l.157 makes 临江镇 the 江里 centre without placing it in the region; 铁桥镇 is “位于” it (l.166)."""
    catalogue = bundled_catalogue("kaizhou")
    region = catalogue.structure("region").class_of("江里现代农业示范区域")
    assert not region.derived and [m.name for m in region.members if m.derived] == ["临江镇"]
    layer = memory_layer([("临江镇", ""), ("铁桥镇", "")])
    _, out, report = run_tagging(layer)
    linjiang, tieqiao = list(out.getFeatures())
    assert linjiang["region"] == tieqiao["region"] == "江里现代农业示范区域"
    assert "region: 江里现代农业示范区域 (inferred; the class: 003_19d1efc2983d1444.txt:151)" in linjiang["plan_infer"]
    assert "region" not in (py(tieqiao["plan_infer"]) or "")
    assert "region 157,151" in linjiang["plan_cite"]
    assert [f["name"] for f in report.getFeatures() if f["status"] == "inferred"
            and f["candidates"].startswith("region:")] == ["临江镇"]


def test_the_legend_marks_inferred_classes(qgis_app):
    """（推定） on a derived class, （部分推定） on a class with one derived member; (inferred) in English."""
    from cq_urban_plugin.core.maps import styling
    from cq_urban_plugin.i18n import tr

    labels = {c.value(): c.label() for c in styling.structure_renderer(
        bundled_catalogue("jiangjin").structure("town_system")).categories()}
    assert labels["多特色"].endswith("（推定）") and not labels["一主"].endswith("）")
    region = styling.structure_renderer(bundled_catalogue("kaizhou").structure("region"))
    labels = {c.value(): c.label() for c in region.categories()}
    assert labels["江里现代农业示范区域"] == "江里现代农业示范区域（部分推定）"
    assert labels["东里文旅融合示范区域"] == "东里文旅融合示范区域"
    styling.localize_legend(region)
    localized = {c.value(): c.label() for c in region.categories()}
    assert localized["江里现代农业示范区域"] == tr("{label} (partly inferred)").format(label="江里现代农业示范区域")
