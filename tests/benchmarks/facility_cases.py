"""The facility-coverage case of `make bench` (issue #14): five facility types of the 15-minute life
circle over the benchmark's data, by the plugin (``cq_urban:check_facility_coverage`` with the
``life_circle_15min`` preset and a type field: each type by its own preset's walk, then the share
reached by every type), the best QGIS native chain and shapely 2 locally. Each returns, as the other
cases do, ``value`` (the every-type share of the served area, %), ``per`` (each type's and the
every-type covered km² of every township, keyed "type · township") and, where counted, ``stops``
(the facilities). ``rb`` is run_benchmarks (its readers and constants)."""

# (type, metres, facilities a township): the plugin's life-circle presets at its default walking speed,
# 1.0 m/s (minutes × 60 m): 社区卫生服务 15 min, 小学 10, 中学 15, 养老 5, 菜市场 10; 20 facilities a
# township (20,000 at scale 1), within about 800 m of its centre, as the built-up blocks are.
TYPES = (("社区卫生服务", 900.0, 3), ("小学", 600.0, 4), ("中学", 900.0, 2), ("养老", 300.0, 6), ("菜市场", 600.0, 5))
SPREAD = 800.0  # m: standard deviation of a facility's offset from its township's centre
EVERY = "every"


def facility_records(centres, rng, geometry_of):
    """[(geometry, [number, type])]: the facilities of every type around each centre."""
    records = []
    for cx, cy in centres:
        for kind, _, count in TYPES:
            for _ in range(count):
                records.append((geometry_of(cx + rng.gauss(0, SPREAD), cy + rng.gauss(0, SPREAD)),
                                [len(records), kind]))
    return records


def plugin(data, folder, rb):
    import processing

    table = str(folder / "plugin_facility_table.gpkg")
    result = processing.run("cq_urban:check_facility_coverage", {
        "FACILITIES": data["facilities"], "SERVED_AREA": data["builtup"], "TOWNSHIPS": data["townships"],
        "TOWNSHIP_NAME_FIELD": "name", "PRESET": "life_circle_15min", "TYPE_FIELD": "type", "TABLE": table})

    def after():
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(result["TABLE"] if isinstance(result["TABLE"], str) else table, "t", "ogr")
        names, kinds, per = rb._township_names(data), {k for k, _, _ in TYPES}, {}
        for feature in layer.getFeatures():
            kind, _, township = str(feature["township"]).partition(" · ")
            if township in names and feature["cover_km2"] is not None:
                per[f"{kind if kind in kinds else EVERY} · {township}"] = feature["cover_km2"]
        return {"per": per}

    return {"value": result["MEASURED"], "stops": result["FACILITIES"], "after": after}


def native(data, folder, rb):
    import processing

    pieces = processing.run("native:intersection", {
        "INPUT": data["builtup"], "OVERLAY": data["townships"], "INPUT_FIELDS": ["id"], "OVERLAY_FIELDS": ["name"],
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    served, per, every = rb._sum_by_name(pieces), {}, pieces
    for kind, radius, _ in TYPES:
        chosen = processing.run("native:extractbyattribute", {"INPUT": data["facilities"], "FIELD": "type",
                                                              "OPERATOR": 0, "VALUE": kind,
                                                              "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        parts = rb._native_served(chosen, radius)
        covered = processing.run("native:intersection", {"INPUT": pieces, "OVERLAY": parts, "OVERLAY_FIELDS": ["fid"],
                                                         "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        per.update({f"{kind} · {name}": km2 for name, km2 in rb._sum_by_name(covered).items()})
        every = processing.run("native:intersection", {"INPUT": every, "OVERLAY": parts, "OVERLAY_FIELDS": ["fid"],
                                                       "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    reached = rb._sum_by_name(every)
    per.update({f"{EVERY} · {name}": km2 for name, km2 in reached.items()})
    return {"value": 100.0 * sum(reached.values()) / sum(served.values()), "per": per}


def shapely_local(data, folder, rb):
    import numpy as np
    import shapely

    names, pieces = rb._township_builtup_shapely(data)
    facilities, kinds = rb._read_shapely(data["facilities"], "type")
    kinds = np.asarray([k.decode() if isinstance(k, bytes) else str(k) for k in kinds])
    every, per, counted = pieces, {}, 0
    for kind, radius, _ in TYPES:
        points = facilities[kinds == kind]
        _, first = np.unique(shapely.get_coordinates(points), axis=0, return_index=True)
        points = points[np.sort(first)]
        counted += len(points)
        served = rb._served_unions(points, pieces, radius)
        covered = shapely.intersection(pieces, served)
        per.update({f"{kind} · {n}": a for n, a in zip(names, (np.nan_to_num(shapely.area(covered)) / 1e6).tolist())})
        every = shapely.intersection(every, served)
    reached = np.nan_to_num(shapely.area(every)) / 1e6
    per.update({f"{EVERY} · {n}": a for n, a in zip(names, reached.tolist())})
    return {"value": 100.0 * reached.sum() / (shapely.area(pieces).sum() / 1e6), "per": per, "stops": counted}
