#!/usr/bin/env python3
"""Takes a guide's phone screenshot as a 375-pixel-wide phone shows the page: Chromium's device
emulation (a headless window does not go below 500 px), signed in with the session's cookie,
scrolled to an element when one is named.

  docs/images/phone-shot.py OUT.png URL COOKIE [ELEMENT_ID]

Needs Debian's chromium and chromium-driver, and Python's selenium."""
import pathlib
import sys
from urllib.parse import urlsplit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
from chromium import browser, screenshot, sign_in  # noqa: E402

out, url, cookie = sys.argv[1], sys.argv[2], sys.argv[3]
element = sys.argv[4] if len(sys.argv) > 4 else None
driver = browser(phone=True, height=1400, pixel_ratio=1.0)
try:
    parts = urlsplit(url)
    sign_in(driver, f"{parts.scheme}://{parts.netloc}", cookie)
    driver.get(url)
    if element:
        driver.execute_script(
            "const e = document.getElementById(arguments[0]); window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 8);",
            element)
    screenshot(driver, out, whole_page=False)
finally:
    driver.quit()
