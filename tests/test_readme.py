"""README.md's example outputs are what their commands print (tools/readme_examples.py; `make readme`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "tools" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme_examples"] = module
    spec.loader.exec_module(module)
    return module


examples = _load()


def test_readme_examples_match_what_the_commands_print():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert examples.render(text) == text, "README.md is out of date: run `make readme` (python tools/readme_examples.py --check shows the diff)"


def test_the_scan_and_check_examples_are_generated():
    cmds = examples.commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert any(c.startswith("quotetrack scan samples/") and "--matrix" in c and "--width" in c for c in cmds), cmds
    assert "cd samples/newsroom && quotetrack check" in cmds
    # Nothing in a generated example depends on a folder outside the repository.
    assert not any("../" in c for c in cmds)


def test_render_replaces_a_stale_block_and_keeps_the_rest(tmp_path):
    text = "intro\n<!-- example -->\n```text\n$ printf 'a  \\nb\\n'\nstale\n```\n\n```text\n$ untouched\nkept\n```\n"
    out = examples.render(text, cwd=tmp_path)
    assert out == "intro\n<!-- example -->\n```text\n$ printf 'a  \\nb\\n'\na\nb\n```\n\n```text\n$ untouched\nkept\n```\n"
    assert examples.render(out, cwd=tmp_path) == out


def test_a_failing_command_or_a_malformed_block_is_an_error(tmp_path):
    with pytest.raises(examples.ExampleError, match="exited with 2"):
        examples.render("<!-- example -->\n```text\n$ echo partial; exit 2\n```\n", cwd=tmp_path)
    with pytest.raises(examples.ExampleError, match="must be followed"):
        examples.render("<!-- example -->\n```sh\n$ echo hi\n```\n", cwd=tmp_path)


def test_check_mode_reports_drift(tmp_path, monkeypatch, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("<!-- example -->\n```text\n$ echo now\nthen\n```\n", encoding="utf-8")
    monkeypatch.setattr(examples, "README", readme)
    monkeypatch.setattr(examples, "ROOT", tmp_path)
    assert examples.main(["--check"]) == 1
    assert "-then\n+now" in capsys.readouterr().err
    assert examples.main([]) == 0
    assert examples.main(["--check"]) == 0
    assert readme.read_text(encoding="utf-8") == "<!-- example -->\n```text\n$ echo now\nnow\n```\n"


def test_the_rule_table_and_the_module_map_are_generated():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- generated: rules -->" in text and "<!-- generated: modules -->" in text
    from quotetrack.rules import RULES

    for r in RULES.values():
        assert f"| `{r.id}` | `{r.name}` | {r.severity} | {r.summary} |" in text
    for name in ("quotetrack.pipeline", "quotetrack.rules", "quotetrack.verify", "quotetrack.textindex"):
        assert f"`{name}`:" in text
