"""Screenshots of the HTML report on samples/ at a desktop and a phone width (``make screenshot``).

    python tools/screenshot.py [--out docs] [PATHS ...]

Writes the report of PATHS (default: samples/*.txt samples/*.md, the articles the README's
examples scan; globs are expanded) to a temporary file, then saves OUT/report-desktop.png (1280 × 1000) and OUT/report-phone.png (390 × 844 at
pixel ratio 2), each the top of the page as a person first sees it, in headless
Chromium (tools/browser.py).
"""

from __future__ import annotations

import argparse
import glob
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from browser import chromium, missing  # noqa: E402


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=["samples/*.txt", "samples/*.md"])
    ap.add_argument("--out", default="docs", help="folder for the PNGs (default: docs)")
    args = ap.parse_args(argv)
    why = missing()
    if why:
        print(f"screenshot: {why}", file=sys.stderr)
        return 2
    out = ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        quotetrack = Path(sys.executable).parent / "quotetrack"
        paths = [p for pattern in args.paths for p in (sorted(glob.glob(pattern, root_dir=ROOT)) or [pattern])]
        subprocess.run([str(quotetrack), "report", *paths, "-o", str(page)], cwd=ROOT, check=True)
        for name, width, height, phone in (("report-desktop.png", 1280, 1000, False), ("report-phone.png", 390, 844, True)):
            with chromium(width, height, phone=phone) as driver:
                driver.get(page.as_uri())
                target = out / name
                driver.save_screenshot(str(target))
                print(f"screenshot: wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
