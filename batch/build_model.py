#!/usr/bin/env python3
"""Write the Processing model ``batch/models/cq_urban_plan_checks.model3``.

The model chains the plugin's algorithms on a technician's own layers:
tag townships with plan roles → built-up area check → 500 m bus-stop
coverage → control lines by township → thematic map. Open it in QGIS with
Processing › Toolbox › Models › Open Existing Model (or drop it into your
profile's ``processing/models`` folder), or run it in batch:

    qgis_process.bin run batch/models/cq_urban_plan_checks.model3 -- \\
        townships=my.gpkg|layername=townships name_field=name catalogue=jiangjin \\
        builtup=… stops=… development=… …

The file is generated (run ``.venv/bin/python batch/build_model.py``) so
that it is always made with the plugin's real parameter names; a test loads
and runs the committed file.
"""
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF

REPO = Path(__file__).resolve().parents[1]
MODEL_PATH = REPO / "batch" / "models" / "cq_urban_plan_checks.model3"


def _input(model, definition, x):
    model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))
    model.parameterComponent(definition.name()).setPosition(QPointF(x, 60))


def _child(model, child_id, algorithm_id, description, sources, outputs, values=None, x=0.0, y=0.0):
    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    child.setDescription(description)
    child.setPosition(QPointF(x, y))
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    for name, value in (values or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    # Only outputs a technician keeps are model outputs; the others stay temporary
    # (a child's layer output made a model output would be mandatory in batch runs).
    model_outputs = {}
    for output_name, (child_output, label) in outputs.items():
        output = QgsProcessingModelOutput(output_name, label)
        output.setChildId(child_id)
        output.setChildOutputName(child_output)
        output.setPosition(QPointF(x + 200, y + 40))
        model_outputs[output_name] = output
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)


def build_model() -> QgsProcessingModelAlgorithm:
    from cq_urban_plugin.compat import ProcessingNumberParameterType, ProcessingSourceType  # REPO is on sys.path

    param = QgsProcessingModelChildParameterSource.fromModelParameter
    out = QgsProcessingModelChildParameterSource.fromChildOutput
    model = QgsProcessingModelAlgorithm("Plan checks: tag, check targets, map", "Chongqing plan checks",
                                        "cq_urban_plan_checks")
    model.setHelpContent({
        "ALG_DESC": "Tags the townships with their plan roles from a plan catalogue, checks the built-up area "
                    "against the plan's target, measures the 500 m bus-stop coverage, overlays the three control "
                    "lines by township, and exports a thematic map of the plan structure. "
                    "按规划目录标注乡镇角色，校核建成区面积与公交站点500米覆盖率，叠加三条控制线，并导出专题图。",
    })
    _input(model, QgsProcessingParameterFeatureSource(
        "townships", "Township boundaries (乡镇/街道界线)", [ProcessingSourceType.VectorPolygon]), 0)
    _input(model, QgsProcessingParameterField(
        "name_field", "Township name field", parentLayerParameterName="townships"), 150)
    _input(model, QgsProcessingParameterString(
        "catalogue", "Plan catalogue (jiangjin, kaizhou, wuxi, chongqing)", defaultValue="jiangjin"), 300)
    _input(model, QgsProcessingParameterString(
        "builtup_target", "Built-up target id in the catalogue (e.g. builtup_2025)", defaultValue="builtup_2025"), 450)
    _input(model, QgsProcessingParameterFeatureSource(
        "builtup", "Built-up area polygons (建成区)", [ProcessingSourceType.VectorPolygon]), 600)
    _input(model, QgsProcessingParameterFeatureSource(
        "stops", "Bus stops (公交站点)", [ProcessingSourceType.VectorPoint]), 750)
    _input(model, QgsProcessingParameterNumber(
        "radius", "Bus-stop service radius (m)", ProcessingNumberParameterType.Double, 500, minValue=1), 900)
    _input(model, QgsProcessingParameterFeatureSource(
        "development", "Urban development boundary (城镇开发边界)", [ProcessingSourceType.VectorPolygon],
        optional=True), 1050)
    _input(model, QgsProcessingParameterFeatureSource(
        "ecology", "Ecological protection red line (生态保护红线)", [ProcessingSourceType.VectorPolygon],
        optional=True), 1200)
    _input(model, QgsProcessingParameterFeatureSource(
        "farmland", "Permanent basic farmland (永久基本农田)", [ProcessingSourceType.VectorPolygon], optional=True),
        1350)
    _input(model, QgsProcessingParameterString(
        "map_field", "Field to map (role, tier, zone, …)", defaultValue="role"), 1500)

    _child(model, "tag", "cq_urban:tag_townships", "Tag townships with plan roles",
           {"INPUT": param("townships"), "NAME_FIELD": param("name_field"), "CATALOGUE": param("catalogue")},
           {"tagged_townships": ("OUTPUT", "Tagged townships")},
           x=100, y=250)
    _child(model, "builtup", "cq_urban:check_builtup", "Built-up area against the target",
           {"BUILTUP": param("builtup"), "TOWNSHIPS": out("tag", "OUTPUT"), "TOWNSHIP_NAME_FIELD": param("name_field"),
            "CATALOGUE": param("catalogue"), "TARGET_ID": param("builtup_target")},
           {"builtup_report": ("REPORT", "Built-up report (HTML)")}, x=100, y=400)
    _child(model, "coverage", "cq_urban:check_coverage", "500 m bus-stop coverage",
           {"STOPS": param("stops"), "SERVED_AREA": param("builtup"), "TOWNSHIPS": out("tag", "OUTPUT"),
            "TOWNSHIP_NAME_FIELD": param("name_field"), "RADIUS": param("radius"), "CATALOGUE": param("catalogue")},
           {"uncovered": ("UNCOVERED", "Built-up land beyond the radius"),
            "coverage_report": ("REPORT", "Coverage report (HTML)")}, x=400, y=400)
    _child(model, "control", "cq_urban:check_control_lines", "Control lines by township",
           {"TOWNSHIPS": out("tag", "OUTPUT"), "TOWNSHIP_NAME_FIELD": param("name_field"),
            "DEVELOPMENT": param("development"), "ECOLOGY": param("ecology"), "FARMLAND": param("farmland"),
            "BUILTUP": param("builtup")},
           {"control_report": ("REPORT", "Control-line report (HTML)")}, values={"ZONE_FIELD": "zone"},
           x=700, y=400)
    _child(model, "map", "cq_urban:export_map", "Thematic map",
           {"INPUT": out("tag", "OUTPUT"), "FIELD": param("map_field")},
           {"thematic_map": ("OUTPUT", "Thematic map (PDF)")}, values={"PAPER": 0, "DPI": 150}, x=100, y=550)
    return model


def main():
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    sys.path.insert(0, str(REPO))  # for cq_urban_plugin.compat
    model = build_model()
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(MODEL_PATH)):
        sys.exit(f"could not write {MODEL_PATH}")
    print(MODEL_PATH)


if __name__ == "__main__":
    main()
