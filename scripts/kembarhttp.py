"""Talking to a running Kembar as a browser and an API client do, for the benchmarks and the
fault scripts: requests without redirects, the form token, session cookies, the fields of a form,
signing in, an API token, the resident memory of a process."""
import re
import socket
import urllib.error
import urllib.parse
import urllib.request


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def http(url, data=None, headers=None, timeout=120, method=None):
    """(status, headers, text); an HTTP error status is an answer like any other."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


def post_form(url, fields, cookie, timeout=120):
    body = urllib.parse.urlencode(fields).encode()
    return http(url, body, {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}, timeout)


def form_token(html):
    match = re.search(r'name="_csrf" value="([^"]*)"', html)
    return match.group(1) if match else ""


def cookies_of(headers):
    found = {}
    for key, value in headers.items():
        if key.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            found[name] = rest.split(";")[0]
    return found


def sign_in(base, email, password):
    """A session cookie of `email`, or SystemExit."""
    status, headers, html = http(base + "/sign-in")
    cookie = "; ".join(f"{k}={v}" for k, v in cookies_of(headers).items())
    status, headers, _ = post_form(
        base + "/sign-in", {"_csrf": form_token(html), "email": email, "password": password}, cookie)
    session = cookies_of(headers).get("kembar_session")
    if status != 303 or not session:
        raise SystemExit(f"sign-in of {email} failed: {status}")
    return f"kembar_session={session}"


def first_sign_in(base, email, one_time_password, new_password):
    """Signs in with a one-time password and chooses `new_password`, which Kembar asks first."""
    cookie = sign_in(base, email, one_time_password)
    _, _, html = http(base + "/account/password", headers={"Cookie": cookie})
    status, _, _ = post_form(
        base + "/account/password",
        {"_csrf": form_token(html), "current": one_time_password, "new": new_password, "repeat": new_password}, cookie)
    if status != 303:
        raise SystemExit(f"choosing a password for {email} failed: {status}")
    return cookie


def api_token(base, cookie, name="faults"):
    """A new personal API token of the signed-in account."""
    _, _, html = http(base + "/account/tokens", headers={"Cookie": cookie})
    _, _, page = post_form(base + "/account/tokens", {"_csrf": form_token(html), "name": name, "purpose": "api"}, cookie)
    match = re.search(r'<code class="secret">(kembar_[A-Za-z0-9_-]*)<', page)
    if not match:
        raise SystemExit("no API token was made")
    return match.group(1)


def form_fields(html):
    """The fields of the first form as the page fills them (text inputs, checked boxes, selects, text areas)."""
    form = html[html.find("<form"):]
    fields = []
    for attributes in re.findall(r"<input ([^>]*)>", form):
        name = re.search(r'name="([^"]*)"', attributes)
        if not name:
            continue
        kind = (re.search(r'type="([^"]*)"', attributes) or [None, "text"])[1]
        if kind in ("checkbox", "radio") and " checked" not in attributes or kind == "submit":
            continue
        value = re.search(r'value="([^"]*)"', attributes)
        fields.append((name.group(1), unescape(value.group(1)) if value else ""))
    for name, options in re.findall(r'<select [^>]*name="([^"]*)"[^>]*>(.*?)</select>', form, re.S):
        selected = re.search(r'<option value="([^"]*)" selected>', options)
        fields.append((unescape(name), unescape(selected.group(1)) if selected else ""))
    for name, text in re.findall(r'<textarea [^>]*name="([^"]*)"[^>]*>(.*?)</textarea>', form, re.S):
        fields.append((unescape(name), unescape(text)))
    return fields


def unescape(text):
    for entity, character in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")):
        text = text.replace(entity, character)
    return text


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
