"""The bulk import gives the rows and search results the row-by-row import gave.

The golden files were written by the import before issue 18 made it faster
(see golden_import.py); any difference in a row, a search key, a skipped row
or a search answer fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from golden_import import (
    CHUNK,
    GOLDEN,
    SAMPLES,
    changed_rows,
    digested,
    generated_rows,
    import_into_new_event,
    write_rows,
)


def golden(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    return result


def test_golden_files_cover_every_sample() -> None:
    assert {sample.stem for sample in SAMPLES} <= {path.stem for path in GOLDEN.glob("*.json")}
    assert len(SAMPLES) >= 4


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_sample_imports_to_the_golden_rows_and_searches(sample: Path, tmp_path: Path) -> None:
    (result,) = import_into_new_event(tmp_path, sample)
    expected = golden(sample.stem)
    # Plain data either side, so the first differing row or search is shown.
    assert json.loads(json.dumps(result, ensure_ascii=False)) == expected


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("generated")
    rows = generated_rows(10_000)
    first = write_rows(folder / "generated-10k.csv", rows)
    second = write_rows(folder / "generated-10k-changed.csv", changed_rows(rows))
    return import_into_new_event(folder, first, second)


@pytest.mark.parametrize(("index", "name"), [(0, "generated-10k"), (1, "generated-10k-reimport")])
def test_generated_roster_with_every_script_matches_the_golden_import(
    generated: list[dict[str, Any]], index: int, name: str
) -> None:
    result = generated[index]
    expected = golden(name)
    actual = digested(result)
    assert actual["summary"] == expected["summary"]
    assert actual["skipped"] == expected["skipped"]
    assert actual["missing"] == expected["missing"]
    assert actual["rows"] == expected["rows"]
    for number, (mine, theirs) in enumerate(
        zip(actual["row_digests"], expected["row_digests"], strict=True)
    ):
        start = number * CHUNK
        assert mine == theirs, (
            f"rows {start + 1}-{start + CHUNK} differ; now: {result['rows'][start : start + 3]}"
        )
    for query, ids in expected["searches"].items():
        assert actual["searches"][query] == ids, query
