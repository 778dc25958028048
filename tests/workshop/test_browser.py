"""A real phone browser (headless Chromium) joins a workshop, adds notes and votes."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import aiohttp
import pytest
from browser import chromium
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait
from workshop_helpers import join

from journeycanvas.ui.workshop_host import WorkshopHost
from journeycanvas.workshop.journal import journal_path, read_journal

SWEDISH = "Kön i kassan var för lång – så jag gick därifrån"
CHINESE = "付款页面加载太慢，我差点放弃"
HOSTILE = '<script>document.title="pwned"</script><b>bold?</b>'


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    driver = chromium()
    yield driver
    driver.quit()


def _post_from_another_phone(url: str) -> None:
    async def phone() -> None:
        async with aiohttp.ClientSession() as http:
            other = await join(http, url, "Eve")
            await other.send(type="note", id="hostile-note-1", text=HOSTILE)
            await other.until("saved")

    thread = threading.Thread(target=lambda: asyncio.run(phone()))
    thread.start()
    thread.join(10)


def test_a_phone_joins_adds_notes_in_two_scripts_and_votes(
    host: WorkshopHost, browser, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    journey = host.document.journey
    buy = next(stage for stage in journey.stages if stage.name == "Buy")
    lane = next(lane for lane in journey.lanes if lane.kind == "pain_points")
    host.start("127.0.0.1")
    host.open_input(buy.id, lane.id, "What made buying hard?", "pain_point")
    # The page redraws its lists on every update: an element found a moment ago may be gone.
    wait = WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException])

    browser.get(host.url)
    wait.until(ready.visibility_of_element_located((By.ID, "name"))).send_keys("Märta")
    browser.find_element(By.ID, "joinButton").click()
    wait.until(ready.visibility_of_element_located((By.ID, "note")))
    assert browser.find_element(By.ID, "title").text == "Bageriet på hörnet"
    assert browser.find_element(By.ID, "where").text == "Buy · Pain points"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=note]").text == "Your note"
    for text in (SWEDISH, CHINESE):
        browser.find_element(By.ID, "note").send_keys(text)
        browser.find_element(By.ID, "add").click()
    wait.until(
        lambda d: (
            [e.text for e in d.find_elements(By.CSS_SELECTOR, "#mine .text")] == [SWEDISH, CHINESE]
        )
    )
    # Saved: nothing is left in the phone's offline queue.
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#mine .state"))

    qtbot.waitUntil(lambda: len(host.arrival_times) == 2, timeout=5000)
    cards = [host.document.card(card_id) for card_id in host.arrival_times]
    assert [(c.text, c.author, c.stage, c.lane) for c in cards] == [
        (SWEDISH, "Märta", buy.id, lane.id),
        (CHINESE, "Märta", buy.id, lane.id),
    ]

    # Another participant's note with markup shows as the text it is.
    _post_from_another_phone(host.url)
    wait.until(
        lambda d: any(HOSTILE in e.text for e in d.find_elements(By.CSS_SELECTOR, "#wall li"))
    )
    assert browser.title != "pwned"
    assert not browser.find_elements(By.CSS_SELECTOR, "#wall b")
    qtbot.waitUntil(lambda: len(host.arrival_times) == 3, timeout=5000)

    host.start_round("Worst pain point", [c.id for c in cards], 2, anonymous=True)
    wait.until(ready.visibility_of_element_located((By.ID, "round")))
    assert browser.find_element(By.ID, "votesLeft").text == "Votes left: 2"
    vote_chinese = f"#candidates button[data-card='{cards[1].id}']"
    for left in ("Votes left: 1", "Votes left: 0"):
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, vote_chinese).is_enabled())
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, vote_chinese).click() or True)
        wait.until(lambda d, left=left: d.find_element(By.ID, "votesLeft").text == left)
    wait.until(lambda d: not d.find_element(By.CSS_SELECTOR, vote_chinese).is_enabled())
    if os.environ.get("JC_SCREENSHOTS"):
        browser.save_screenshot(str(Path(os.environ["JC_SCREENSHOTS"]) / "phone.png"))

    qtbot.waitUntil(lambda: sum(host.room.counts.values()) == 2, timeout=5000)
    result = host.close_round()
    assert result is not None and [(r.card, r.votes) for r in result.results] == [
        (cards[1].id, 2),
        (cards[0].id, 0),
    ]
    assert host.document.card(cards[1].id).votes == 2

    records = read_journal(journal_path(host.document.path))  # type: ignore[arg-type]
    notes = [(r["author"], r["text"]) for r in records if r["type"] == "note"]
    assert notes == [("Märta", SWEDISH), ("Märta", CHINESE), ("Eve", HOSTILE)]
    assert [r["card"] for r in records if r["type"] == "vote"] == [cards[1].id] * 2
