"""A synthetic municipality: N jurisdictions, each the benchmark's generated data (run_benchmarks.generate:
a grid of 9 km townships, 50 bus stops and 20 built-up blocks a township) with a seed of its own, each in
its own folder, and the list of jurisdictions cq_urban:check_batch reads (jurisdictions.json)."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_benchmarks import generate  # noqa: E402


def municipality(folder, count: int, scale: float, seed: int = 2100) -> Path:
    """``count`` jurisdictions j00, j01 … at ``scale`` (1000 × scale townships each, at least 4) in
    ``folder``; returns the path of the list. A running QGIS is needed (the generator writes with it)."""
    folder = Path(folder)
    entries = []
    for number in range(count):
        place = folder / f"j{number:02d}"
        place.mkdir(parents=True, exist_ok=True)
        data = generate(place, scale, seed + number)
        entries.append({"id": f"j{number:02d}", "catalogue": "", "townships": data["townships"],
                        "builtup": data["builtup"], "stops": data["stops"]})
    listing = folder / "jurisdictions.json"
    listing.write_text(json.dumps({"jurisdictions": entries}, ensure_ascii=False, indent=1), encoding="utf-8")
    return listing
