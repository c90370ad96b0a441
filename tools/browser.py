"""Headless Chromium from Debian's packages (``chromium``, ``chromium-driver``), driven by Selenium.

Shared by the browser test (tests/test_report_browser.py), ``make screenshot``
(tools/screenshot.py) and ``make bench-report`` (benchmarks/report_bench.py).
Nothing here downloads a browser or a driver: Selenium is given both paths and
told to stay offline.

    from browser import chromium, missing
    if missing() is None:
        with chromium(1280, 900) as driver:
            driver.get(Path("report.html").resolve().as_uri())
"""

from __future__ import annotations

import contextlib
import os
import shutil
from typing import Iterator, Optional

CHROMIUM = os.environ.get("QUOTETRACK_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("QUOTETRACK_CHROMEDRIVER", "/usr/bin/chromedriver")


def missing() -> Optional[str]:
    """Why the browser cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)) and not shutil.which(path):
            return f"{path} not found: install Debian's {package} package (apt-get install chromium chromium-driver)"
    return None


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 900, phone: bool = False) -> Iterator["object"]:
    """A headless Chromium whose page is ``width`` × ``height`` CSS pixels; with ``phone``, a
    touch device at pixel ratio 2 that honours the page's viewport meta tag."""
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch anything
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
                f"--window-size={width},{height}"):
        opts.add_argument(arg)
    if phone:
        opts.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True, "mobile": True}}
        )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        # The window's size includes no browser frame in headless mode, but set the viewport exactly.
        if not phone:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        yield driver
    finally:
        driver.quit()
