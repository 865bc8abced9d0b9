#!/usr/bin/env python3
"""Opens every kind of page of a running Kembar on the demonstration data in headless Chromium, as
a phone (375 px, device emulation) and as a desktop (1280 px), in Indonesian and English, and
reports for each what a person would stumble on: the page wider than the phone's screen, text
drawn smaller than 12 px, a chart legend's swatch on another line than its label, and axe-core's
accessibility violations (WCAG 2.0 and 2.1, levels A and AA, and axe's best practices). Pages
are seen by the person they are for: an officer, a partner city's liaison, and the public; forms
are also sent back empty to see them with their errors. Saves a screenshot of each in OUT_DIR.

  scripts/check-pages.py SITE COOKIE PARTNER_COOKIE OUT_DIR [PATH ...]

COOKIE is a signed-in administrator's Cookie header (kembar_session=...), PARTNER_COOKIE that of
a liaison of Liuzhou (scripts/start-kembar.sh makes both). PATHs, when given, are checked as
the administrator instead of the whole list. Needs Debian's chromium and chromium-driver, and
Python's selenium and axe-playwright-python (for its axe.min.js). Exits 1 when any page has a
finding."""
import json
import os
import pathlib
import sys

import axe_playwright_python

from chromium import browser, screenshot, sign_in

LIUZHOU = "/partnerships/bandung/bandung-liuzhou"
DOCUMENT = LIUZHOU + "/documents/bks-2016"

# (who, path, sent back empty): one of every kind of page.
PAGES = [
    ("officer", "/", False), ("officer", "/map", False), ("officer", "/search?q=pertukaran+pelajar", False),
    ("officer", "/evidence", False), ("officer", "/evidence/bandung/bandung-liuzhou", False),
    ("officer", "/reports", False), ("officer", "/reports/bandung/annual/2022.html", False),
    ("officer", "/codebook", False), ("officer", LIUZHOU, False), ("officer", LIUZHOU + "/dossier", False),
    ("officer", LIUZHOU + "/evidence", False), ("officer", "/history/bandung/bandung-liuzhou", False),
    ("officer", "/partnerships/new", True), ("officer", LIUZHOU + "/edit", False),
    ("officer", "/partners/bandung/cn-liuzhou/edit", False), ("officer", LIUZHOU + "/activities/new", True),
    ("officer", LIUZHOU + "/activities/kunjungan-liuzhou-2004/edit", False),
    ("officer", LIUZHOU + "/agreements/mou-2006/edit", False), ("officer", LIUZHOU + "/obligations/new", True),
    ("officer", LIUZHOU + "/stages/new", True), ("officer", LIUZHOU + "/documents/new", True),
    ("officer", DOCUMENT, False), ("officer", DOCUMENT + "/edit", False), ("officer", DOCUMENT + "/remove", False),
    ("officer", "/review/bandung/bandung-liuzhou/proposals", False),
    ("officer", "/review/bandung/bandung-liuzhou/partner-activities", False),
    ("officer", "/admin/accounts", False), ("officer", "/admin/accounts/new", True),
    ("officer", "/admin/accounts/1", False), ("officer", "/account/tokens", False),
    ("officer", "/account/password", True), ("officer", "/account/mail", True), ("officer", "/sign-out", False), ("officer", "/no-such-page", False),
    ("officer", "/import", True), ("officer", "/directory?q=Liuzhou", False), ("officer", "/national", False),
    ("partner", LIUZHOU, False), ("partner", "/contribute/bandung/bandung-liuzhou/activities/new", True),
    ("partner", "/contribute/bandung/bandung-liuzhou/activities", False),
    ("public", "/sign-in", True), ("public", "/forgot-password", False), ("public", "/public", False), ("public", "/public/bandung", False),
    ("public", "/public/bandung/partnerships/bandung-liuzhou", False),
    ("public", "/public/bandung/partnerships/bandung-liuzhou/propose", True),
]

SEND_EMPTY = """
const form = [...document.querySelectorAll('main form')].find((f) => f.method === 'post' && f.querySelector('[type=submit]'));
if (!form) return false;
for (const field of form.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea')) field.value = '';
form.noValidate = true;
form.submit();
return true;
"""

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


def check(driver, address, phone, axe):
    """What a person would stumble on in the page the browser shows now."""
    findings = driver.execute_script(MEASURE) if phone else []
    driver.execute_script(axe)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => `${v.impact} ${v.id}: ${v.nodes.length} (${v.nodes[0].target.join(' ')})`)));")
    return findings + [f"axe {line}" for line in result]


def main():
    site, cookie, partner_cookie, out = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
    # An import's preview has an address of its own upload's (scripts/start-kembar.sh makes one).
    previews = [("officer", path, False) for path in os.environ.get("KEMBAR_IMPORT_PREVIEW", "").split()]
    pages = [("officer", path, False) for path in sys.argv[5:]] or PAGES + previews
    cookies = {"officer": cookie, "partner": partner_cookie, "public": None}
    out.mkdir(parents=True, exist_ok=True)
    axe = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    checked = failed = 0
    for phone in (True, False):
        for who in ("officer", "partner", "public"):
            visits = [(path, empty) for person, path, empty in pages if person == who]
            if not visits:
                continue
            driver = browser(phone)
            if cookies[who]:
                sign_in(driver, site, cookies[who])
            for language in ("id", "en"):
                for path, empty in visits:
                    for sent in ((False, True) if empty else (False,)):
                        driver.get(f"{site}{path}{'&' if '?' in path else '?'}lang={language}")
                        if sent and not driver.execute_script(SEND_EMPTY):
                            print(f"✗ no form to send on {path}")
                            failed += 1
                            continue
                        findings = check(driver, path, phone, axe)
                        device = "phone" if phone else "desktop"
                        label = f"{device} {who} {language} {path}{' sent empty' if sent else ''}"
                        stem = "".join(c if c.isalnum() else "-" for c in path.strip("/")) or "portfolio"
                        name = f"{device}-{who}-{language}-{stem}{'-errors' if sent else ''}.png"
                        screenshot(driver, out / name, whole_page=True)
                        checked += 1
                        if findings:
                            failed += 1
                            print(f"✗ {label}")
                            for finding in findings:
                                print(f"    {finding}")
                        else:
                            print(f"✓ {label}")
            driver.quit()
    print(json.dumps({"pages": checked, "with findings": failed}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
