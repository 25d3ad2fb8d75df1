"""The dashboard in a real browser: uvicorn on 127.0.0.1 (a free port) and Debian's Chromium
headless driven by Selenium + chromedriver. Loads the dashboard, applies a filter, opens an
event and sees its claims, checks that markup in an article shows as text, and saves
screenshots under docs/screenshots/ (used by the README).

Skipped only when /usr/bin/chromium is missing and CI is unset; in CI a missing browser fails."""
from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1400,1000"]

pytestmark = pytest.mark.browser


def _need_browser() -> None:
    if os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER):
        return
    message = f"{CHROMIUM} or {CHROMEDRIVER} missing (run .ci/install-chromium.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(app) -> Iterator[str]:
    import uvicorn

    _need_browser()
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="warwire-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _dashboard_ready(driver) -> None:
    from selenium.webdriver.common.by import By

    _wait(driver, lambda d: d.find_element(By.ID, "dashboard").get_attribute("data-ready") == "1")
    _wait(driver, lambda d: d.find_element(By.ID, "timeline").get_attribute("data-ready") == "1")


def _shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SHOTS / name))


def _severe_logs(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_dashboard_draws_map_timeline_and_table(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/events")
    _dashboard_ready(browser)
    svg = browser.find_element(By.ID, "map")
    assert int(svg.get_attribute("data-outlines")) > 200  # Natural Earth countries
    assert svg.get_attribute("data-circles") == "6"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map circle.ev")) == 6
    assert int(browser.find_element(By.ID, "timeline").get_attribute("data-bins")) > 0
    assert len(browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")) > 0
    assert len(browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")) == 7
    assert _severe_logs(browser) == []
    _shot(browser, "dashboard.png")


def test_filter_is_applied_to_all_three_and_kept_in_the_url(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/events")
    _dashboard_ready(browser)
    Select(browser.find_element(By.NAME, "country")).select_by_value("SYR")
    browser.find_element(By.ID, "apply").click()
    _wait(browser, lambda d: "country=SYR" in d.current_url)
    _dashboard_ready(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")) == 2
    assert browser.find_element(By.ID, "map").get_attribute("data-circles") == "2"
    assert browser.find_element(By.ID, "total").text.startswith("2 events")
    # the URL alone reproduces the view
    browser.get(browser.current_url)
    _dashboard_ready(browser)
    assert Select(browser.find_element(By.NAME, "country")).first_selected_option.get_attribute("value") == "SYR"


def test_dragging_the_timeline_sets_a_date_range(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(server + "/events?country=SYR")
    _dashboard_ready(browser)
    tl = browser.find_element(By.ID, "timeline")
    width = tl.size["width"]
    ActionChains(browser).move_to_element_with_offset(tl, -width // 2 + 40, 0).click_and_hold() \
        .move_by_offset(width - 90, 0).release().perform()
    _wait(browser, lambda d: "date_from=" in d.current_url and "date_to=" in d.current_url)
    assert "country=SYR" in browser.current_url


def test_open_an_event_and_see_its_claims(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/events?country=AZE")
    _dashboard_ready(browser)
    browser.find_element(By.PARTIAL_LINK_TEXT, "armed clash").click()
    _wait(browser, lambda d: "/events/ev" in d.current_url)
    claims = browser.find_elements(By.CSS_SELECTOR, "#claims .claim")
    assert len(claims) == 7
    rows = browser.find_elements(By.CSS_SELECTOR, "#casualties tbody tr")
    assert len(rows) == 5
    badges = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#casualties .badge.disagree")]
    assert sorted(badges) == ["disagree: 10 vs 2", "disagree: 13 vs 12"]
    marked = {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#claims mark.fig")}
    assert {"13", "12", "10", "two"} <= marked
    _shot(browser, "event.png")
    # the claim's link shows the figure where it was read
    browser.find_element(By.CSS_SELECTOR, "#claims .claim a[href*='mark=']").click()
    _wait(browser, lambda d: d.find_elements(By.ID, "article-text"))
    assert browser.find_element(By.ID, "mark").text
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text mark")


def test_markup_in_an_article_shows_as_text(browser, server):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    browser.get(server + "/articles/script")
    _wait(browser, lambda d: d.find_elements(By.ID, "article-text"))
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>alert('xss')</script>" in text and "<b>Two</b>" in text
    assert browser.find_element(By.ID, "article-title").text.startswith("<script>")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - no script ran
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text script") == []
    _shot(browser, "article.png")
    browser.get(server + "/events?country=NGA")
    _dashboard_ready(browser)
    assert "<script>alert(1)</script>" in browser.find_element(By.ID, "events-table").text
