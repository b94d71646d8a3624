"""The words the plugin's parts share, written once: algorithm ids, the result
keys every check declares, the map themes' order, output field names and the
layer properties a result carries. Plain constants: no Qt, no QGIS, so the
checks' kernels, the algorithms, the panel and the tests read the same ones.
"""

PROVIDER_ID = "cq_urban"

# Algorithm names (the provider's id in front gives the full id, e.g. cq_urban:check_builtup).
TAG_TOWNSHIPS = "tag_townships"
CHECK_BUILTUP = "check_builtup"
CHECK_COVERAGE = "check_coverage"
CHECK_CONTROL_LINES = "check_control_lines"
EXPORT_MAP = "export_map"
LIST_TARGETS = "list_targets"
CONVERT_WEB_COORDINATES = "convert_web_coordinates"
READ_DELIVERY = "read_delivery"
CHECK_DELIVERY = "check_delivery"
CHECK_LAND_SHARE = "check_land_share"
CHECK_DISTANCE_RULE = "check_distance_rule"


def algorithm_id(name: str) -> str:
    """The full Processing id of one of the provider's algorithms."""
    return f"{PROVIDER_ID}:{name}"


# The target verdict every check algorithm declares as outputs (the model designer wires them).
MEASURED, UNIT, TARGET, GAP, PASSED = "MEASURED", "UNIT", "TARGET", "GAP", "PASSED"
RESULT_KEYS = (MEASURED, UNIT, TARGET, GAP, PASSED)

# Map themes, in the order of cq_urban:export_map's THEME enum (an option's number is its index here).
THEME_KEYS = ("role", "tier", "zone", "function_type", "region", "builtup", "coverage", "control_lines",
              "structure", "land_share", "per_capita")
# The theme each check's results are drawn with.
THEME_OF_CHECK = {CHECK_BUILTUP: "builtup", CHECK_COVERAGE: "coverage", CHECK_CONTROL_LINES: "control_lines"}

# Layer custom properties a check's result layer carries: what it is, and the run's verdict
# (read by the map export for its subtitle and by the panel).
RESULT_KIND_PROPERTY = "cq_urban/result_kind"
CHECK_SUMMARY_PROPERTY = "cq_urban/check_summary"

# The township column of every check's per-township output (layers and tables alike).
TOWNSHIP_FIELD = "township"

# The indicator engine's checks (issue 14).
CHECK_PER_CAPITA = "check_per_capita"
MEASURE_POPULATION = "measure_population"
CHECK_FACILITY_COVERAGE = "check_facility_coverage"

# Check a whole plan: every target of a catalogue the given layers can measure (issue 14, kind 6).
CHECK_PLAN = "check_plan"

# A plan-check dossier: the whole-plan check as one PDF of a jurisdiction (issue 16).
EXPORT_DOSSIER = "export_dossier"
