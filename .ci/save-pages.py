#!/usr/bin/env python3
"""Saves every page a running Kembar serves, in both languages, for the HTML validator.

Signed in (with the session's COOKIE header), starts at the portfolio and follows every link
into the site (addresses without their query, so each page is saved once), adds the filtered and
sorted portfolio, and a form sent back with mistakes (the page with errors beside the fields);
then does the same for the public, from the public portal and the sign-in page.
Usage: save-pages.py BASE_URL OUT_DIR COOKIE [PATH ...]  (PATHs: more pages to save, signed in)
"""
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base, out, session = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
extra = [
    # An import's preview, linked from nowhere (its address is the uploader's): named by .ci/run.
    *sys.argv[4:],
    "/?country=CN&sort=silence&dir=desc",
    "/?element=reciprocity&status=unmet",
    "/?kind=institution",
    "/no-such-page",
]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


opener = urllib.request.build_opener(NoRedirects)


def fetch(path, data=None, cookie=None, content_type=None):
    """The status and body of a page; the body is None for what is not HTML (a download)."""
    request = urllib.request.Request(base + path, data=data)
    if cookie:
        request.add_header("Cookie", cookie)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with opener.open(request) as response:
            status, kind, body = response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        status, kind, body = error.code, error.headers.get("Content-Type", ""), error.read()
    return status, body.decode("utf-8") if kind.startswith("text/html") else None


def save(name, html):
    safe = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "index"
    with open(f"{out}/{safe}.html", "w", encoding="utf-8") as file:
        file.write(html)


saved = 0


def crawl(start, cookie, prefix):
    """Saves every page reachable from `start` for a visitor with `cookie`; returns the addresses."""
    global saved
    seen, queue = set(), list(start)
    while queue:
        path = queue.pop()
        if path in seen or path == "/sign-out":
            continue
        seen.add(path)
        for language in ("id", "en"):
            separator = "&" if "?" in path else "?"
            status, html = fetch(f"{path}{separator}lang={language}", cookie=cookie)
            if status >= 500:
                sys.exit(f"{path}: server error {status}")
            if status in (301, 302, 303) or html is None:
                continue
            save(f"{prefix}{path}_{language}", html)
            saved += 1
            for link in re.findall(r'href="(/[^"#]*)"', html):
                target = urllib.parse.unquote(link.replace("&amp;", "&")).split("?")[0]
                if not target.startswith("/static/") and not target.endswith(".atom"):
                    queue.append(urllib.parse.quote(target))
        if path == "/":
            queue.extend(extra)
    return seen


# A community proposal and a partner city's activity, so that the review pages have something to show.
status, page = fetch("/public/bandung/partnerships/bandung-liuzhou/propose")
form_cookie = None
with opener.open(urllib.request.Request(base + "/public/bandung/partnerships/bandung-liuzhou/propose")) as response:
    form_cookie = response.headers["Set-Cookie"].split(";")[0]
    page = response.read().decode("utf-8")
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
proposal = urllib.parse.urlencode(
    {"_csrf": token, "name": "Ani", "group": "school", "contact": "ani@example.org", "idea": "A mural exchange",
     "website": ""}
).encode()
status, _ = fetch("/public/bandung/partnerships/bandung-liuzhou/propose", proposal, cookie=form_cookie)
if status != 200:
    sys.exit(f"proposal: expected 200, got {status}")

seen = crawl(["/"], session, "")
public = crawl(["/public", "/sign-in"], None, "public")

# A form with mistakes, as it comes back to the person who sent it.
for form in [p for p in seen if p.endswith("/activities/new")][:1]:
    status, page = fetch(form + "?lang=id", cookie=session)
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {"_csrf": token, "title": "", "start": "2021-02-30", "kind": "picnic", "participants.0.count": "-1",
         "save": "yes"}
    ).encode()
    status, html = fetch(form + "?lang=id", body, cookie=session)
    if status != 422:
        sys.exit(f"{form}: expected 422 for a form with mistakes, got {status}")
    save(form + "_errors", html)
    saved += 1
# An upload that is refused, as it comes back beside the file field.
for form in [p for p in seen if p.endswith("/documents/new")][:1]:
    status, page = fetch(form + "?lang=id", cookie=session)
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    body = (f'--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n{token}\r\n'
            '--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\nreport\r\n'
            '--b\r\nContent-Disposition: form-data; name="file"; filename="foto.pdf"\r\n\r\n'
            '\x89PNG\r\n\x1a\n\r\n--b--\r\n').encode("latin-1")
    status, html = fetch(form + "?lang=id", body, cookie=session, content_type="multipart/form-data; boundary=b")
    if status != 422:
        sys.exit(f"{form}: expected 422 for a refused file, got {status}")
    save(form + "_refused", html)
    saved += 1
seen |= public

print(f"saved {saved} pages from {len(seen)} addresses")
