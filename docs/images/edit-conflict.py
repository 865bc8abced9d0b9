#!/usr/bin/env python3
"""Makes the page an officer sees when someone else saved a record while they had it open.

Opens the edit form at FORM_PATH twice, as two tabs would; saves a new title from the first;
sends the second with another title and an end date; writes the refused page (409) to OUT with
its style sheet pointed at the server; then saves the record back as it was. Used by
make-screenshots.sh.
Usage: edit-conflict.py BASE_URL COOKIE FORM_PATH LANGUAGE OUT
"""
import html
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base, cookie, path, language, out = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]


class Keep(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def send(data=None):
    request = urllib.request.Request(base + path, data=data, headers={"Cookie": f"{cookie}; kembar_lang={language}"})
    if data:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.build_opener(Keep).open(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def fields(page):
    """The fields a browser would send from the page's form, as they stand."""
    form = page[page.index("<form"):]
    sent = []
    for match in re.finditer(r"<input ([^>]*)>", form):
        attributes = dict(re.findall(r'([a-z-]+)="([^"]*)"', match.group(1)))
        if "name" not in attributes or attributes.get("type") == "submit":
            continue
        if attributes.get("type") in ("checkbox", "radio") and " checked" not in match.group(1):
            continue
        sent.append((attributes["name"], html.unescape(attributes.get("value", ""))))
    for match in re.finditer(r'<select [^>]*name="([^"]*)"[^>]*>(.*?)</select>', form, re.S):
        for option in re.finditer(r'<option value="([^"]*)"([^>]*)>', match.group(2)):
            if "selected" in option.group(2):
                sent.append((match.group(1), html.unescape(option.group(1))))
    for match in re.finditer(r'<textarea [^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', form, re.S):
        sent.append((match.group(1), html.unescape(match.group(2))))
    return sent


def changed(sent, **values):
    return urllib.parse.urlencode([(name, values.get(name, value)) for name, value in sent] + [("save", "yes")]).encode()


first, second = fields(send()[1]), fields(send()[1])
status, _ = send(changed(first, title="Kunjungan Wali Kota Liuzhou ke Bandung"))
assert status == 303, f"the first save answered {status}"
status, page = send(changed(second, title="Kunjungan resmi Wali Kota Liuzhou", end="2004-04-02"))
assert status == 409, f"the second save answered {status}, not 409"
with open(out, "w", encoding="utf-8") as file:
    file.write(page.replace('href="/static/', f'href="{base}/static/'))

# The record as it was, so that the next language's screenshot starts from the same record.
basis = dict(fields(send()[1])).get("basis", "")
status, _ = send(changed(first, basis=basis))
assert status == 303, f"putting the record back answered {status}"
