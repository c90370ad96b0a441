"""The JSON output for samples/ is pinned: any change to it is deliberate.

After an intended change, regenerate with ``make golden`` and review the diff.
"""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "samples.json"


def _scan_samples() -> dict:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        r = CliRunner().invoke(app, ["scan", "samples", "--format", "json"])
    finally:
        os.chdir(cwd)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_samples_json_matches_golden():
    got = _scan_samples()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        pytest.skip("golden file rewritten")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == want


def test_golden_offsets_point_into_the_samples():
    doc = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert doc["quotes"], "the golden file has no quotes"
    for q in doc["quotes"]:
        text = (ROOT / q["path"]).read_text(encoding="utf-8")
        assert text[q["start"] : q["end"]] == q["text"]
