"""Headless Chromium as the page checks and the guides' screenshots drive it: Debian's chromium
through chromium-driver and Python's selenium, as a phone by device emulation (a headless window
does not go below 500 px) or as a desktop window."""
import base64

from selenium import webdriver


def browser(phone, height=812, pixel_ratio=2.0):
    """A 375-px phone `height` pixels tall when `phone`, else a 1280 × 1000 window."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    if phone:
        metrics = {"width": 375, "height": height, "pixelRatio": pixel_ratio, "touch": True}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
    else:
        options.add_argument("--window-size=1280,1000")
    return webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"), options=options)


def sign_in(driver, site, cookie):
    """Gives the browser a signed-in session's cookie (`kembar_session=...`) for `site`."""
    name, value = cookie.split("=", 1)
    driver.get(site.rstrip("/") + "/healthz")
    driver.add_cookie({"name": name, "value": value, "path": "/"})


def screenshot(driver, path, whole_page):
    """Saves what the screen shows, or the whole page when `whole_page`, as a PNG."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": whole_page})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
