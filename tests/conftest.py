"""Shared pytest configuration.

Hypothesis profiles: ``HYPOTHESIS_PROFILE=fuzz`` (what ``make fuzz`` sets)
runs the property tests in tests/test_properties.py with 20,000 examples
each instead of their usual couple of hundred.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path_factory, monkeypatch):
    """``quotetrack check`` keeps a cache in the user's cache folder by default: in tests,
    a folder of the test run's own, never the real one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
