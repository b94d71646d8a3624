"""Enum parameters take what `qgis_process help` says they take: the option's number and
its name alike (issue #13; `CATALOGUE=1` was refused as "Incorrect parameter value")."""
import json

import pytest

from cq_urban_plugin.algorithms.params import bundled_ids


def _targets(installed_plugin, catalogue):
    result = installed_plugin("run", "cq_urban:list_targets", "--json", "--", f"CATALOGUE={catalogue}",
                              "OUTPUT=TEMPORARY_OUTPUT", check=False)
    if result.returncode != 0:
        return None, result.stdout + result.stderr
    return json.loads(result.stdout[result.stdout.index("{"):])["results"]["TARGET_COUNT"], ""


@pytest.mark.slow
def test_catalogue_by_number_and_by_name_through_qgis_process(installed_plugin):
    ids = bundled_ids()
    index = ids.index("wuxi")
    by_name, _ = _targets(installed_plugin, "wuxi")
    by_number, _ = _targets(installed_plugin, str(index))
    other, _ = _targets(installed_plugin, str(ids.index("kaizhou")))
    assert by_name is not None and by_name == by_number and other != by_name
    help_text = installed_plugin("help", "cq_urban:list_targets").stdout
    assert f"- {index}: wuxi" in help_text and "Number of selected option" in help_text  # what help offers
    missing, text = _targets(installed_plugin, str(len(ids)))
    assert missing is None and "CATALOGUE" in text


@pytest.mark.slow
@pytest.mark.parametrize("algorithm, extra", [
    ("check_builtup", ()),
    ("check_coverage", ("SERVED_KM2", "STOPS", "DUPLICATE_STOPS")),
    ("check_control_lines", ("FLAGGED", "BUILTUP_OUTSIDE_KM2")),
])
def test_check_results_are_declared_outputs(installed_plugin, algorithm, extra):
    """The model designer wires only declared outputs, and `qgis_process help` lists only them."""
    help_text = installed_plugin("help", f"cq_urban:{algorithm}").stdout
    outputs = help_text[help_text.index("Outputs"):]
    for name in ("MEASURED", "UNIT", "TARGET", "GAP", "PASSED", *extra):
        assert f"{name}: " in outputs, (name, outputs)
