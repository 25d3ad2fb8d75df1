"""Score the deduplication rules (``src/warwire/rules/dedupe.yaml``) on evaluation items whose
``incident`` field groups articles about one real event: B-cubed precision, recall and F1, and the
share of same-day, same-city pairs of *different* incidents that end in one cluster.

Extract once, then score as often as the rules change:

  .venv/bin/warwire extract ../shared/data/gvc-dev.jsonl --jsonl -o /tmp/gvc-results.jsonl
  .venv/bin/python benchmarks/calibrate_dedupe.py ../shared/data/gvc-dev.jsonl /tmp/gvc-results.jsonl

Articles are clustered in file order exactly as the store does it (``dedupe.Clusterer``).
"""
from __future__ import annotations

import argparse
import collections
import json

from warwire.dedupe import Clusterer, bcubed, event_text, names_in
from warwire.model import Result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("items", help="evaluation items (JSONL with id, text, title, published, incident, gold)")
    parser.add_argument("results", help="`warwire extract --jsonl` output for the same items")
    args = parser.parse_args()
    with open(args.items, encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    with open(args.results, encoding="utf-8") as handle:
        results = {r.id: r for r in (Result.model_validate_json(line) for line in handle if line.strip())}
    clusterer = Clusterer()
    pred: dict[str, str] = {}
    gold: dict[str, str] = {}
    for item in items:
        if item.get("incident") is None:
            continue
        gold[item["id"]] = item["incident"]
        result = results.get(item["id"])
        if result is None or result.error or not result.events:
            continue
        names = [names_in(event_text(ev, item["text"], item.get("title"), main=(k == 0)))
                 for k, ev in enumerate(result.events)]
        pred[item["id"]] = clusterer.add(item["id"], result.events, names, item.get("published"))[0]
    p, r, f = bcubed(pred, gold)
    same_place_day = collections.defaultdict(list)
    for item in items:
        g = item.get("gold") or {}
        same_place_day[(g.get("date"), g.get("location"), g.get("admin1"))].append(item)
    merged = pairs = 0
    for group in same_place_day.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.get("incident") != b.get("incident") and a["id"] in pred and b["id"] in pred:
                    pairs += 1
                    merged += pred[a["id"]] == pred[b["id"]]
    print(f"{len(gold)} articles, {len(set(gold.values()))} incidents, {len(set(gold) - set(pred))} without event")
    print(f"B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}; same-day same-city pairs of different incidents "
          f"merged: {merged}/{pairs}")
    print("every article alone: P {:.3f} R {:.3f} F1 {:.3f}".format(*bcubed({}, gold)))


if __name__ == "__main__":
    main()
