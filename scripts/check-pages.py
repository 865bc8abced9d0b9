#!/usr/bin/env python3
"""Opens every kind of page of a running Kembar in headless Chromium, as a phone (375 px, device
emulation) and as a desktop (1280 px), in Indonesian and English, and reports for each what a
person would stumble on: the page wider than the phone's screen, text drawn smaller than 12 px,
a chart legend's swatch on another line than its label, and axe-core's accessibility violations.
Saves a screenshot of each in OUT_DIR.

  scripts/check-pages.py SITE COOKIE OUT_DIR [PATH ...]

COOKIE is a signed-in session's Cookie header (kembar_session=...). Needs Debian's chromium and
chromium-driver, and Python's selenium and axe-playwright-python (for its axe.min.js). Exits 1
when any page has a finding."""
import json
import pathlib
import sys

import axe_playwright_python

from chromium import browser, screenshot, sign_in

PAGES = [
    "/", "/map", "/search?q=pertukaran+pelajar", "/evidence", "/reports", "/codebook",
    "/partnerships/bandung/bandung-liuzhou", "/partnerships/bandung/bandung-liuzhou/dossier",
    "/partnerships/bandung/bandung-liuzhou/evidence", "/partnerships/bandung/bandung-liuzhou/activities/new",
    "/partnerships/bandung/bandung-liuzhou/documents/new", "/review/bandung/bandung-liuzhou/proposals",
    "/history/bandung/bandung-liuzhou", "/admin/accounts", "/admin/accounts/new", "/account/tokens",
    "/account/password", "/reports/bandung/annual/2022.html", "/public", "/public/bandung",
    "/public/bandung/partnerships/bandung-liuzhou", "/public/bandung/partnerships/bandung-liuzhou/propose",
]

MEASURE = """
const findings = [];
// A phone widens its layout to fit what overflows; the screen is what the person has.
const width = screen.width;
if (document.documentElement.scrollWidth > width + 1) {
  findings.push(`page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
}
const visible = (el) => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden') return false;
  }
  return true;
};
let smallest = null;
for (const t of document.querySelectorAll('svg text')) {
  if (!visible(t)) continue;
  const svg = t.ownerSVGElement;
  const box = svg.viewBox && svg.viewBox.baseVal;
  const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
  const size = parseFloat(getComputedStyle(t).fontSize) * scale;
  if (size < 12 && (smallest === null || size < smallest.size)) smallest = {size, text: t.textContent.slice(0, 30)};
}
if (smallest) findings.push(`drawing's text at ${smallest.size.toFixed(1)}px ("${smallest.text}")`);
for (const item of document.querySelectorAll('.legend-item')) {
  if (!visible(item)) continue;
  if (item.getClientRects().length > 1) findings.push(`legend "${item.textContent.trim()}" wraps away from its swatch`);
}
for (const el of document.querySelectorAll('main *')) {
  if (!visible(el)) continue;
  const r = el.getBoundingClientRect();
  let scroller = false;
  for (let e = el.parentElement; e; e = e.parentElement) {
    const o = getComputedStyle(e).overflowX;
    if (o === 'auto' || o === 'scroll') { scroller = true; break; }
  }
  const inside = [...el.children].some((child) => child.getBoundingClientRect().right > width + 1);
  if (!scroller && r.right > width + 1 && !inside) {
    findings.push(`<${el.tagName.toLowerCase()} class="${el.className.baseVal ?? el.className}"> "${el.textContent.trim().slice(0, 40)}" reaches ${Math.round(r.right)}px`);
    if (findings.length > 6) break;
  }
}
return findings;
"""


def main():
    site, cookie, out = sys.argv[1].rstrip("/"), sys.argv[2], pathlib.Path(sys.argv[3])
    pages = sys.argv[4:] or PAGES
    out.mkdir(parents=True, exist_ok=True)
    axe = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    failed = 0
    for phone in (True, False):
        driver = browser(phone)
        sign_in(driver, site, cookie)
        for language in ("id", "en"):
            for path in pages:
                address = f"{site}{path}{'&' if '?' in path else '?'}lang={language}"
                driver.get(address)
                findings = driver.execute_script(MEASURE) if phone else []
                driver.execute_script(axe)
                result = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
                    "v => `${v.impact} ${v.id}: ${v.nodes.length} (${v.nodes[0].target.join(' ')})`)));")
                findings += [f"axe {line}" for line in result]
                label = ("phone" if phone else "desktop") + " " + language + " " + path
                stem = "".join(c if c.isalnum() else "-" for c in path.strip("/")) or "portfolio"
                screenshot(driver, out / f"{'phone' if phone else 'desktop'}-{language}-{stem}.png", whole_page=True)
                if findings:
                    failed += 1
                    print(f"✗ {label}")
                    for finding in findings:
                        print(f"    {finding}")
                else:
                    print(f"✓ {label}")
        driver.quit()
    print(json.dumps({"pages": len(pages) * 4, "with findings": failed}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
