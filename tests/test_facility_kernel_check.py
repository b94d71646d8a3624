"""The facility-coverage check's share reached by every type equals kernels.facility.reached_by_all on
each type's own covered land (issue #14, #20): the check is the kernel behind a QGIS edge."""
import pytest
import shapely
from qgis.core import QgsGeometry, QgsPointXY
from test_coverage import X0, Y0, layer_of, rect

from cq_urban_plugin.core.checks import facility_coverage as fc
from cq_urban_plugin.core.geo.overlay import as_shapely
from cq_urban_plugin.core.kernels.facility import reached_by_all


def test_the_every_type_figures_are_the_kernels(cq_provider):
    points = [(0, 0, "小学"), (300, 200, "中学"), (2500, 100, "小学"), (2700, 300, "中学"), (200, 100, "养老")]
    facilities = layer_of("Point", [QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)) for x, y, _ in points],
                          fields=[("kind", str)], rows=[[k] for *_, k in points], name="services")
    served = layer_of("Polygon", [rect(X0 - 1000, Y0 - 1000, 4500, 2500)], name="served")
    townships = layer_of("Polygon", [rect(X0 - 1000, Y0 - 1000, 2000, 2500), rect(X0 + 1000, Y0 - 1000, 2500, 2500)],
                         fields=[("name", str)], rows=[["西"], ["东"]], name="towns")
    every = fc.check_facility_coverage(facilities, served, townships, preset=fc.LIFE_CIRCLE_ALL, type_field="kind",
                                       name_field="name", denominator=fc.Denominator.AREA)
    keys = [z.key for z in every.detail.zones]
    per_type = []
    for value, key in (("中学", "life_middle_15min"), ("养老", "life_elderly_5min"), ("小学", "life_primary_10min")):
        one = fc.check_facility_coverage(facilities, served, townships, preset=key, type_field="kind",
                                         type_value=value, name_field="name", denominator=fc.Denominator.AREA)
        by_key = {z.key: z.covered for z in one.detail.zones}
        per_type.append(as_shapely([by_key.get(k, QgsGeometry()) for k in keys]))
    served_s = as_shapely([z.served for z in every.detail.zones])
    covered, uncovered = reached_by_all(served_s, per_type)  # the check's order: the types sorted by name
    areas = [0.0 if c is None else shapely.area(c) for c in covered]
    assert [z.covered_km2 * 1e6 for z in every.detail.zones] == pytest.approx(areas, rel=1e-9, abs=1e-6)
    assert sum(areas) > 0 and any(a == 0.0 for a in areas)  # 西 is reached by all three, 东 lacks 养老
    assert [z.uncovered.area() for z in every.detail.zones] == pytest.approx(
        [shapely.area(u) for u in uncovered], rel=1e-9)
