"""Fill translations into the Qt .ts file from a YAML mapping {source: translation}.

Usage: python tests/tools/fill_ts.py TS_FILE MAPPING.yaml [MAPPING.yaml …]
`make ts` runs pylupdate5, then this with every cq_urban_plugin/i18n/zh_Hans/*.yaml:
those YAML files are where translations are written (one per topic, so that
work on different algorithms does not collide in the .ts file). Prints what is still
untranslated (tests/test_i18n.py fails while anything is).
"""
import sys
import xml.etree.ElementTree as ET

import yaml


def main(ts_path, *mapping_paths):
    mapping, origin, conflicts = {}, {}, []
    for mapping_path in mapping_paths:
        with open(mapping_path, encoding="utf-8") as stream:
            for source, text in (yaml.safe_load(stream) or {}).items():
                if source in mapping and mapping[source] != text:
                    conflicts.append(f"{source!r}: {origin[source]} says {mapping[source]!r}, "
                                     f"{mapping_path} says {text!r}")
                mapping[source], origin[source] = text, mapping_path
    if conflicts:
        # One English string has one Chinese translation everywhere in the interface.
        print("conflicting translations (keep one):\n  " + "\n  ".join(conflicts), file=sys.stderr)
        return 1
    tree = ET.parse(ts_path)
    root = tree.getroot()
    root.set("language", "zh_CN")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in mapping:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("untranslated:", source)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
