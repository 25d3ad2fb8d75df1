"""Quality gate (trafilatura's eval gate): per-field accuracy on a fixed sample of the dev data
must not fall below the floors pinned in ``quality_floors.json``. A change may raise a floor; it
may lower one only by editing that file and saying why in the commit."""
import json
from pathlib import Path

import pytest

from paths import SHARED
from warwire import api
from warwire.evaluation import score
from warwire.model import EvalItem

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
DEV = SHARED / "data" / FLOORS["sample"]["file"]


def _sample() -> list[EvalItem]:
    every = FLOORS["sample"]["every"]
    with open(DEV, encoding="utf-8") as handle:
        return [EvalItem.model_validate(json.loads(line)) for n, line in enumerate(handle) if n % every == 0]


def _below(report, floors: dict) -> dict:
    measured = {name: fs.accuracy for name, fs in report.fields.items() if fs.scored}
    return {name: f"{measured.get(name, 0):.4f} < {floor} (measured {measured})"
            for name, floor in floors.items() if measured.get(name, 0) < floor}


@pytest.mark.slow
def test_accuracy_does_not_fall_below_the_pinned_floors():
    items = _sample()
    assert len(items) == FLOORS["sample"]["items"], "the sample changed: re-pin the floors"
    report = score(zip(items, api.extract_eval_items(items)))
    below = _below(report, FLOORS["floors"])
    assert not below, f"accuracy fell below the pinned floors: {below}"


def test_conflict_reports_do_not_fall_below_their_floors():
    """The same gate on the constructed conflict reports of tests/corpus (admin1 compared as a
    division through the gazetteer, as ``warwire eval`` does)."""
    conflict = FLOORS["conflict"]
    path = Path(__file__).parent.parent / conflict["file"]
    report = api.evaluate(str(path), workers=1)
    assert report.items == conflict["items"], "the corpus changed: re-pin the floors"
    below = _below(report, conflict["floors"])
    assert not below, f"accuracy fell below the pinned floors: {below}"
