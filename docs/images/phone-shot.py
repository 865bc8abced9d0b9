#!/usr/bin/env python3
"""Takes a guide's phone screenshot as a 375-pixel-wide phone shows the page: Chromium's device
emulation (a headless window does not go below 500 px), signed in with the session's cookie,
scrolled to an element when one is named.

  docs/images/phone-shot.py OUT.png URL COOKIE [ELEMENT_ID]

Needs Debian's chromium and chromium-driver, and Python's selenium."""
import base64
import sys
from urllib.parse import urlsplit

from selenium import webdriver

out, url, cookie = sys.argv[1], sys.argv[2], sys.argv[3]
element = sys.argv[4] if len(sys.argv) > 4 else None
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
    options.add_argument(argument)
options.add_experimental_option(
    "mobileEmulation", {"deviceMetrics": {"width": 375, "height": 1400, "pixelRatio": 1.0, "touch": True}})
driver = webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"), options=options)
try:
    parts = urlsplit(url)
    driver.get(f"{parts.scheme}://{parts.netloc}/healthz")
    name, value = cookie.split("=", 1)
    driver.add_cookie({"name": name, "value": value, "path": "/"})
    driver.get(url)
    if element:
        driver.execute_script(
            "const e = document.getElementById(arguments[0]); window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 8);",
            element)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    with open(out, "wb") as file:
        file.write(base64.b64decode(shot))
finally:
    driver.quit()
