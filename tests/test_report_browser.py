"""The report of samples/ in a real browser: headless Chromium from Debian's packages, driven by
Selenium (tools/browser.py). Asserts what a person sees: the matrix's cells in their colours, the
legend, a filter that hides rows, the search box, and a page that fits a phone's width.

Skipped, with the reason, where chromium, chromium-driver or selenium is missing (.ci/run installs
the first two, the `test` extra the third)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _browser_module():
    spec = importlib.util.spec_from_file_location("qt_browser", ROOT / "tools" / "browser.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["qt_browser"] = module
    spec.loader.exec_module(module)
    return module


browser = _browser_module()
pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=f"no headless browser: {browser.missing()}")

from quotetrack import scan  # noqa: E402
from quotetrack.html_report import KIND_BY_WORD, _tint, render_report  # noqa: E402
from quotetrack.render import ordered_statements  # noqa: E402


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    result = scan([ROOT / "samples"])
    page = tmp_path_factory.mktemp("report") / "samples.html"
    with open(page, "w", encoding="utf-8") as fh:
        render_report(result, fh, ["samples/"])
    return result, page


@pytest.fixture(scope="module")
def desktop(report):
    _, page = report
    with browser.chromium(1280, 900) as driver:
        driver.get(page.as_uri())
        yield driver


@pytest.fixture
def fresh(desktop, report):
    """The page as just opened: every filter cleared."""
    desktop.get(report[1].as_uri())
    return desktop


def visible_rows(driver):
    from selenium.webdriver.common.by import By

    return [r.get_attribute("id")[2:] for r in driver.find_elements(By.CSS_SELECTOR, "#matrix tbody tr") if r.is_displayed()]


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, 1)"  # as Selenium reports a computed colour


def test_the_matrix_shows_a_row_per_statement_and_coloured_cells(fresh, report):
    from selenium.webdriver.common.by import By

    result, _ = report
    assert visible_rows(fresh) == [s.id for s in ordered_statements(result)]
    outlets = [th.text for th in fresh.find_elements(By.CSS_SELECTOR, "#matrix thead th.o")]
    assert sorted(outlets) == sorted({a.outlet for a in result.articles})
    shown = {}
    for kind in ("verbatim", "partial", "altered", "paraphrase", "reported"):
        cells = fresh.find_elements(By.CSS_SELECTOR, f"#matrix tbody td.{kind}")
        if not cells:
            continue
        cell = cells[0]
        fresh.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", cell)
        assert cell.is_displayed()
        assert cell.text == KIND_BY_WORD[kind].symbol
        assert cell.value_of_css_property("background-color") == rgb(_tint(KIND_BY_WORD[kind].colour, 0.22))
        assert cell.value_of_css_property("color") == rgb(KIND_BY_WORD[kind].colour)
        shown[kind] = len(cells)
    # The samples carry every kind of match, and statements only reported speech carries.
    assert set(shown) == {"verbatim", "partial", "altered", "paraphrase", "reported"}, shown


def test_the_legend_names_every_kind_in_its_colour(fresh):
    from selenium.webdriver.common.by import By

    items = fresh.find_elements(By.CSS_SELECTOR, "#legend li")
    assert [i.get_attribute("data-kind") for i in items] == ["verbatim", "partial", "altered", "paraphrase", "reported", "absent"]
    for item in items:
        assert item.is_displayed()
        kind = KIND_BY_WORD[item.get_attribute("data-kind")]
        assert item.text == f"{kind.symbol} {kind.legend}"
        swatch = item.find_element(By.CSS_SELECTOR, ".c")
        assert swatch.value_of_css_property("color") == rgb(kind.colour)


def test_an_outlet_filter_hides_the_rows_and_cards_it_did_not_carry(fresh, report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    result, _ = report
    everything = visible_rows(fresh)
    outlet = Select(fresh.find_element(By.ID, "f-outlet"))
    name = outlet.options[1].text
    outlet.select_by_index(1)
    carried = [s.id for s in ordered_statements(result) if name in s.outlets]
    assert visible_rows(fresh) == carried
    assert 0 < len(carried) < len(everything)
    hidden = set(everything) - set(carried)
    for sid in list(hidden)[:5]:
        assert not fresh.find_element(By.ID, f"st-{sid}").is_displayed()
    assert fresh.find_element(By.ID, "shown").text == f"{len(carried)} of {len(everything)} statements shown"
    # With a match kind too: only the statements that outlet carried that way.
    kind = Select(fresh.find_element(By.ID, "f-kind"))
    kind.select_by_value("verbatim")
    quotes = {q.id: q for q in result.quotes}
    want = [s.id for s in ordered_statements(result)
            if any(m.outlet == name and m.match == "verbatim" for m in s.members) and quotes[s.canonical_quote].direct]
    assert visible_rows(fresh) == want


def test_a_match_kind_filter_keeps_the_altered_statements(fresh, report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    result, _ = report
    Select(fresh.find_element(By.ID, "f-kind")).select_by_value("altered")
    altered = [s.id for s in ordered_statements(result) if any(m.match == "altered" for m in s.members)]
    assert altered and visible_rows(fresh) == altered


def test_a_speaker_filter_keeps_that_speakers_statements(fresh, report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    result, _ = report
    speaker = Select(fresh.find_element(By.ID, "f-speaker"))
    name = speaker.options[1].text
    speaker.select_by_index(1)
    assert visible_rows(fresh) == [s.id for s in ordered_statements(result) if (s.speaker or "(unattributed)") == name]


def test_the_search_box_finds_words_in_the_wordings(fresh, report):
    from selenium.webdriver.common.by import By

    result, _ = report
    ordered = ordered_statements(result)
    # A word only one statement's text holds, whatever the samples say.
    counts: dict[str, list[str]] = {}
    for s in ordered:
        for w in set(s.text.lower().split()):
            if w.isalpha() and len(w) > 6:
                counts.setdefault(w, []).append(s.id)
    word, ids = next((w, ids) for w, ids in sorted(counts.items()) if len(ids) == 1)
    box = fresh.find_element(By.ID, "f-search")
    assert box.is_displayed() and box.get_attribute("placeholder")
    box.send_keys(word.upper())
    rows = visible_rows(fresh)
    assert ids[0] in rows and len(rows) < len(ordered)
    assert fresh.find_element(By.ID, f"st-{ids[0]}").is_displayed()
    box.clear()
    box.send_keys("zzqx-nothing-holds-this")
    assert visible_rows(fresh) == []
    assert fresh.find_element(By.ID, "shown").text.startswith("0 of ")


def test_the_header_stays_in_view_when_the_matrix_scrolls(fresh):
    from selenium.webdriver.common.by import By

    wrap = fresh.find_element(By.ID, "matrix-wrap")
    fresh.execute_script("arguments[0].scrollIntoView(); arguments[0].scrollTop = 400;", wrap)
    top = fresh.execute_script("return arguments[0].getBoundingClientRect().top", wrap)
    head = fresh.find_element(By.CSS_SELECTOR, "#matrix thead th.o")
    assert abs(fresh.execute_script("return arguments[0].getBoundingClientRect().top", head) - top) <= 2


def test_on_a_phone_the_page_fits_and_the_matrix_scrolls_sideways(report):
    from selenium.webdriver.common.by import By

    _, page = report
    with browser.chromium(390, 844, phone=True) as phone:
        phone.get(page.as_uri())
        width = phone.execute_script("return window.innerWidth")
        assert width == 390
        assert phone.execute_script("return document.documentElement.scrollWidth") <= width
        wrap = phone.find_element(By.ID, "matrix-wrap")
        assert phone.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap)
        card = phone.find_element(By.CSS_SELECTOR, ".card")
        assert card.size["width"] <= width
        assert phone.find_element(By.ID, "f-search").is_displayed()
