"""Headless Chromium through Selenium, as Debian packages it (chromium, chromium-driver)."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def chromium(width: int = 390, height: int = 844, language: str = "en"):  # type: ignore[no-untyped-def]
    """A headless Chromium the size of a phone; skips the test when the browser is missing
    (fails instead on CI, where scripts/dev.sh installs it)."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver are not installed (scripts/dev.sh)")
        pytest.skip("chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
        f"--lang={language}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    # Without the Service, Selenium Manager would try to download a driver.
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
