"""The Processing model (batch/models/*.model3) that chains tag → checks →
map, run on the 开州 sample data in-process and through qgis_process."""
import json

import processing
import pytest
from conftest import REPO
from qgis.core import QgsProcessingModelAlgorithm, QgsVectorLayer

from cq_urban_plugin.core.plan.catalogue import bundled_catalogue

MODEL = REPO / "batch" / "models" / "cq_urban_plan_checks.model3"
GPKG = REPO / "layers" / "kaizhou.gpkg"


def _inputs():
    layer = f"{GPKG}|layername="
    return {"townships": layer + "townships", "name_field": "name", "catalogue": "kaizhou",
            "builtup_target": "builtup_2025", "builtup": layer + "builtup", "stops": layer + "bus_stops",
            "radius": 500, "development": layer + "development_boundary", "ecology": layer + "ecology_redline",
            "farmland": layer + "farmland", "map_field": "tier"}


def test_committed_model_is_what_the_builder_writes(cq_provider, tmp_path):
    import sys

    sys.path.insert(0, str(REPO / "batch"))
    try:
        import build_model
    finally:
        sys.path.remove(str(REPO / "batch"))
    fresh = build_model.build_model()
    committed = QgsProcessingModelAlgorithm()
    assert committed.fromFile(str(MODEL))
    assert set(committed.childAlgorithms()) == set(fresh.childAlgorithms())
    for child_id, child in fresh.childAlgorithms().items():
        assert committed.childAlgorithm(child_id).algorithmId() == child.algorithmId()
        assert set(committed.childAlgorithm(child_id).parameterSources()) == set(child.parameterSources())
    # The same inputs, and the same outputs: each child's model outputs by name and by the
    # child output they publish. (The model's destination parameters are named from these,
    # by a rule that changed after 3.22 — "map:thematic_map" there, "thematic_map_pdf" on
    # 3.40 — so a freshly built model is compared by its outputs, not by those names.)
    assert inputs(committed) == inputs(fresh)
    assert outputs(committed) == outputs(fresh)
    destinations = [p for p in committed.parameterDefinitions() if p.isDestination()]
    assert len(destinations) == len(outputs(committed))
    assert {p.name() for p in destinations} >= {"tag:tagged_townships", "map:thematic_map"}  # README, recipes


def inputs(model):
    return {p.name() for p in model.parameterDefinitions() if not p.isDestination()}


def outputs(model):
    return {(child_id, output.name(), output.childOutputName())
            for child_id, child in model.childAlgorithms().items() for output in child.modelOutputs().values()}


def test_model_runs_in_processing(cq_provider, tmp_path):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    params = _inputs()
    params.update({"tag:tagged_townships": str(tmp_path / "tagged.gpkg"),
                   "map:thematic_map": str(tmp_path / "tiers.pdf"),
                   "builtup:builtup_report": str(tmp_path / "builtup.html")})
    results = processing.run(model, params)
    tagged = QgsVectorLayer(results["tag:tagged_townships"], "tagged", "ogr")
    catalogue = bundled_catalogue("kaizhou")
    tiers = catalogue.structure("town_tier")
    expected = {m.name: c.value for c in tiers.classes for m in c.members if not tiers.readings_for(m.name)[1:]}
    got = {f["plan_name"]: f["tier"] for f in tagged.getFeatures()}
    assert len(got) == len(catalogue.townships) == 40
    assert all(got[name] == value for name, value in expected.items())
    assert (tmp_path / "tiers.pdf").stat().st_size > 10_000
    assert "60" in (tmp_path / "builtup.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_model_runs_through_qgis_process(installed_plugin, tmp_path):
    args = [f"{k}={v}" for k, v in _inputs().items()]
    args += [f"tag:tagged_townships={tmp_path / 'tagged.gpkg'}", f"map:thematic_map={tmp_path / 'tiers.pdf'}"]
    result = installed_plugin("run", str(MODEL), "--json", "--", *args)
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert QgsVectorLayer(payload["results"]["tag:tagged_townships"], "t", "ogr").featureCount() == 40
    assert (tmp_path / "tiers.pdf").stat().st_size > 10_000
