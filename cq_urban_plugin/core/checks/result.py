"""What every check returns: one shape, whichever the check.

A check's core entry point takes layers and options and returns a ``CheckResult``;
the algorithm over it writes ``rows`` to its sinks, ``verdict`` to its declared
outputs (``outputs()``) and everything to its report. Scripts, the panel, tests
and benchmarks call the entry point directly, without Processing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from ... import definitions
from .targets import TargetResult


@dataclass
class CheckResult:
    check: str                      # the check's algorithm name (definitions.CHECK_*)
    verdict: TargetResult           # the jurisdiction's figure beside its target
    townships: List[Any] = field(default_factory=list)   # one row per township, the check's own dataclass
    notes: List[str] = field(default_factory=list)       # data notes: repairs, skipped features, warnings
    inputs: List[str] = field(default_factory=list)      # the layers read, as the report names them
    method: str = ""                                      # how it was measured, for the report
    extras: Dict[str, Optional[float]] = field(default_factory=dict)  # further declared numeric outputs
    detail: Any = None              # the check's full measurement (geometries for the sinks, sums by group)

    def outputs(self) -> Dict[str, Any]:
        """The declared results of the check's algorithm (definitions.RESULT_KEYS, then ``extras``)."""
        verdict = self.verdict
        values = {definitions.MEASURED: verdict.measured, definitions.UNIT: verdict.unit,
                  definitions.TARGET: verdict.target, definitions.GAP: verdict.gap,
                  definitions.PASSED: verdict.passed}
        values.update(self.extras)
        return values
