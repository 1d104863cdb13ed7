"""The staff page in a real browser (headless Chromium from the Debian packages, driven by Selenium).

A practitioner who has never seen YAML fills the guided form for a 17-year-old given 24 months' detention on the
day of conviction and reads the notification period and its last day; a missing date of birth, and a missing
date of sentence, are asked for and filled in on the answer itself; the offence search fills the offence id (and
the catalogue then decides whether the listing rests on the sentence); the documentation page lists every
question. Each
screenshot is checked to show a rendered page (many colours, the outcome badge in its colour), and kept under
``build/screenshots/`` (or ``$MAPPA_RULES_SCREENSHOTS``).

Skipped only when Chromium or its driver is absent, and never under CI (``CI`` set): there it fails, since
``scripts/install-test-deps.sh`` installs them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mappa_rules import QUESTIONS

from .png import colour_at, pixels

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = Path(os.environ.get("MAPPA_RULES_SCREENSHOTS")
                   or Path(__file__).resolve().parents[2] / "build" / "screenshots")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,2200", "--lang=en-GB", "--force-device-scale-factor=1"]

if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    message = ("headless Chromium is not installed (Debian packages chromium and chromium-driver): "
               "run scripts/install-test-deps.sh")
    if os.environ.get("CI"):
        pytest.fail(f"the browser test must run in CI, but {message}", pytrace=False)
    pytest.skip(message, allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver", reason="the browser test needs selenium (the dev extra)")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

AS_OF = "2026-11-21"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def open_page(browser: WebDriver, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))


def set_date(browser: WebDriver, element_id: str, iso: str) -> None:
    """Date inputs take typed dates in the browser's locale; set the value as the picker would."""
    browser.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        element_id, iso)


def answer_text(browser: WebDriver) -> str:
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "result").is_displayed())
    return str(browser.find_element(By.ID, "headline").text)


def shot(browser: WebDriver, name: str) -> tuple[int, int, list[bytes]]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    data = browser.get_screenshot_as_png()
    (SCREENSHOTS / f"{name}.png").write_bytes(data)
    width, height, rows = pixels(data)
    colours = {rows[y][x:x + 3] for y in range(0, height, 4) for x in range(0, 3 * width, 12)}
    assert len(colours) > 30, f"{name}: the screenshot is nearly blank ({len(colours)} colours)"
    return width, height, rows


def fill_seventeen_year_old(browser: WebDriver, with_birth_date: bool = True, same_day: bool = True) -> None:
    Select(browser.find_element(By.ID, "question")).select_by_value("notification-period")
    set_date(browser, "as-of", AS_OF)
    browser.find_element(By.CSS_SELECTOR, "input[name=mode][value=guided]").click()
    if with_birth_date:
        set_date(browser, "g-dob", "2007-03-01")
    Select(browser.find_element(By.ID, "g-trigger")).select_by_visible_text("Conviction")
    set_date(browser, "g-relevant-date", "2024-06-01")
    Select(browser.find_element(By.ID, "g-sentence")).select_by_value("s91_s250_detention")
    length = browser.find_element(By.ID, "g-length")
    length.clear()
    length.send_keys("24")
    Select(browser.find_element(By.ID, "g-unit")).select_by_visible_text("months")
    sentence_date = browser.find_element(By.ID, "g-sentence-date")
    assert sentence_date.is_displayed() and sentence_date.get_attribute("value") == ""  # never assumed
    if same_day:
        browser.find_element(By.ID, "g-same-day").click()
        assert sentence_date.get_attribute("value") == "2024-06-01"
    Select(browser.find_element(By.ID, "g-sch3")).select_by_visible_text("Yes")
    limb = browser.find_element(By.ID, "g-sch3-limb")
    assert limb.is_displayed()  # the flag-only mode asks whether the listing rests on the sentence (s.132)
    assert Select(limb).first_selected_option.text == "Don't know"


def test_guided_form_gives_the_notification_period_of_a_17_year_old(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/")
    fill_seventeen_year_old(browser)
    browser.find_element(By.ID, "answer").click()
    assert answer_text(browser).startswith("Notification period 5 years, last day 2029-05-31")
    assert browser.find_element(By.ID, "outcome").text == "YES"
    dates = browser.find_element(By.ID, "dates").text
    assert "Period last day" in dates and "2029-05-31" in dates
    links = browser.find_elements(By.CSS_SELECTOR, "#reasons a")
    assert links and all(str(a.get_attribute("href")).startswith("https://www.legislation.gov.uk/") for a in links[:3])
    assert browser.find_elements(By.CSS_SELECTOR, "#picture svg rect.period")
    assert "2029-05-31 (upcoming)" in browser.find_element(By.CSS_SELECTOR, "#picture ol").text
    browser.execute_script("document.getElementById('result').scrollIntoView()")
    _, _, rows = shot(browser, "notification-period-17-year-old")
    badge = browser.find_element(By.ID, "outcome").rect
    offset = browser.execute_script("return window.scrollY")
    assert colour_at(rows, int(badge["x"]) + 3, int(badge["y"] - offset) + 3) == (0, 112, 60)  # the YES colour


def test_a_missing_date_of_birth_is_asked_for_on_the_answer(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/")
    fill_seventeen_year_old(browser, with_birth_date=False)
    browser.find_element(By.ID, "answer").click()
    assert answer_text(browser).startswith("The notification period cannot be decided on these facts")
    assert browser.find_element(By.ID, "outcome").text.startswith("UNDETERMINED")
    missing = browser.find_element(By.CSS_SELECTOR, "#missing [data-fact='person.date_of_birth']")
    assert missing.get_attribute("type") == "date"
    shot(browser, "notification-period-missing-birth-date")
    set_date(browser, str(missing.get_attribute("id")), "2007-03-01")
    browser.find_element(By.ID, "answer-again").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "outcome").text == "YES")
    assert answer_text(browser).startswith("Notification period 5 years, last day 2029-05-31")
    assert browser.find_element(By.ID, "g-dob").get_attribute("value") == "2007-03-01"


def test_a_missing_sentence_date_is_asked_for_on_the_answer(browser: WebDriver, live_server: str) -> None:
    """Left out, the date of sentence is asked for (with the limb): the listing may rest on the sentence, and then
    notification runs from that day (SOA 2003 s.132). Given on the answer, it decides the period."""
    open_page(browser, live_server + "/")
    fill_seventeen_year_old(browser, same_day=False)
    browser.find_element(By.ID, "answer").click()
    assert answer_text(browser).startswith("The notification period cannot be decided on these facts")
    fields = browser.find_elements(By.CSS_SELECTOR, "#missing [data-fact]")
    asked = {str(e.get_attribute("data-fact")): e for e in fields}
    assert set(asked) == {"disposals[0].sentence_date", "disposals[0].offence.schedule3_sentencing_condition"}
    assert asked["disposals[0].sentence_date"].get_attribute("type") == "date"
    missing = browser.find_element(By.ID, "missing").text
    assert "Date of sentence or order" in missing and "s.132" in missing
    browser.execute_script("document.getElementById('result').scrollIntoView()")
    shot(browser, "notification-period-missing-sentence-date")
    set_date(browser, str(asked["disposals[0].sentence_date"].get_attribute("id")), "2024-06-01")
    browser.find_element(By.ID, "answer-again").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "outcome").text == "YES")
    assert answer_text(browser).startswith("Notification period 5 years, last day 2029-05-31")
    assert browser.find_element(By.ID, "g-sentence-date").get_attribute("value") == "2024-06-01"


def test_offence_search_fills_the_offence_id(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/")
    Select(browser.find_element(By.ID, "g-sch3")).select_by_visible_text("Yes")
    assert browser.find_element(By.ID, "g-sch3-limb").is_displayed()
    search = browser.find_element(By.ID, "g-offence-search")
    search.send_keys("sexual assault", Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#offence-results button"))
    choice = next(b for b in browser.find_elements(By.CSS_SELECTOR, "#offence-results button")
                  if b.text.startswith("soa2003.s3:"))
    choice.send_keys(Keys.ENTER)
    assert browser.find_element(By.ID, "g-offence-id").get_attribute("value") == "soa2003.s3"
    assert not browser.find_element(By.ID, "g-sch3-limb").is_displayed()  # the catalogue decides the limb


def test_an_example_case_is_answered_with_its_timeline(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/")
    browser.find_element(By.CSS_SELECTOR, "input[name=mode][value=example]").click()
    Select(browser.find_element(By.ID, "example")).select_by_value("notification-duties")
    browser.find_element(By.ID, "example-use").click()
    case_text = browser.find_element(By.ID, "case-text")
    WebDriverWait(browser, 20).until(lambda _: "rape-2015" in str(case_text.get_attribute("value")))
    assert Select(browser.find_element(By.ID, "question")).first_selected_option.get_attribute("value") == "timeline"
    set_date(browser, "as-of", AS_OF)
    browser.find_element(By.ID, "answer").click()
    assert "Next: 2026-11-22" in answer_text(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#picture circle.mark")) >= 7
    browser.execute_script("document.getElementById('picture').scrollIntoView()")
    shot(browser, "timeline-example")


def test_bad_input_is_shown_with_the_field(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/")
    browser.find_element(By.CSS_SELECTOR, "input[name=mode][value=text]").click()
    text = browser.find_element(By.ID, "case-text")
    text.clear()
    text.send_keys("person: {date_of_birth: 2007-02-30}")
    set_date(browser, "as-of", AS_OF)
    browser.find_element(By.ID, "answer").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "problem").is_displayed())
    problem = browser.find_element(By.ID, "problem").text
    assert "person.date_of_birth" in problem and "not a real calendar date" in problem
    assert "2007-02-30" not in problem


def test_the_documentation_page_lists_every_question(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/docs")
    headings = {h.text for h in browser.find_elements(By.CSS_SELECTOR, "#paths h3")}
    assert {f"POST /v1/questions/{name}" for name in QUESTIONS} <= headings
    shot(browser, "api-docs")
