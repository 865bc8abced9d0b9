#!/usr/bin/env python3
"""Saves every page a running Kembar serves, in both languages, for the HTML validator.

Starts at the portfolio and follows every link into the site (addresses without their query,
so each page is saved once), adds the filtered and sorted portfolio, and a form sent back with
mistakes (the page with errors beside the fields). Usage: save-pages.py BASE_URL OUT_DIR
"""
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base, out = sys.argv[1].rstrip("/"), sys.argv[2]
extra = [
    "/?country=CN&sort=silence&dir=desc",
    "/?element=reciprocity&status=unmet",
    "/?kind=institution",
    "/no-such-page",
]


def fetch(path, data=None):
    request = urllib.request.Request(base + path, data=data)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def save(name, html):
    safe = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "index"
    with open(f"{out}/{safe}.html", "w", encoding="utf-8") as file:
        file.write(html)


seen, queue, saved = set(), ["/"], 0
while queue:
    path = queue.pop()
    if path in seen:
        continue
    seen.add(path)
    for language in ("id", "en"):
        separator = "&" if "?" in path else "?"
        status, html = fetch(f"{path}{separator}lang={language}")
        if status >= 500:
            sys.exit(f"{path}: server error {status}")
        save(f"{path}_{language}", html)
        saved += 1
        for link in re.findall(r'href="(/[^"#]*)"', html):
            target = urllib.parse.unquote(link.replace("&amp;", "&")).split("?")[0]
            if not target.startswith("/static/"):
                queue.append(urllib.parse.quote(target))
    if path == "/":
        queue.extend(extra)

# A form with mistakes, as it comes back to the person who sent it.
body = urllib.parse.urlencode(
    {"title": "", "start": "2021-02-30", "kind": "picnic", "participants.0.count": "-1", "save": "yes"}
).encode()
for form in [p for p in seen if p.endswith("/activities/new")][:1]:
    status, html = fetch(form + "?lang=id", body)
    if status != 422:
        sys.exit(f"{form}: expected 422 for a form with mistakes, got {status}")
    save(form + "_errors", html)
    saved += 1

print(f"saved {saved} pages from {len(seen)} addresses")
