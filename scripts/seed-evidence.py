#!/usr/bin/env python3
"""Gives a running Kembar (on the demonstration data) evidence to show, through its own forms.

Signed in as an officer (the session's COOKIE header), uploads a short summary of the paper's
findings to the Bandung–Liuzhou partnership as a text document, codes five passages of it to
the indicators they bear on, adds a sub-code, and writes one assessment citing a coded passage.
The summary restates what the demonstration's source says (docs/demo-data.md) and says that it
was written for the demonstration. Used by .ci/run (so that the validator sees the document and
evidence pages with content, and the REFI-QDA export has selections) and by the screenshots.
Usage: seed-evidence.py BASE_URL COOKIE
"""
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

base, cookie = sys.argv[1].rstrip("/"), sys.argv[2]
partnership = "/partnerships/bandung/bandung-liuzhou"

SUMMARY = """Ringkasan temuan Saraswati, Windiani & Wahyudi tentang kerja sama kota kembar Bandung–Liuzhou, disusun untuk demonstrasi Kembar.

Bagian Kerja Sama Kota Bandung memiliki empat staf untuk 31 kerja sama luar negeri.
Nota kesepahaman 2006 menjanjikan Kelompok Kerja Bersama yang bertemu setiap tahun secara bergiliran di Bandung dan Liuzhou; kelompok itu tidak pernah dibentuk.
Antara 2011 dan 2018 tidak ada kegiatan sama sekali.
Masyarakat tidak dilibatkan dalam perencanaan dan hanya hadir sebagai peserta.
Bandung hampir selalu menjadi pihak penerima manfaat.
Catatan dampak kegiatan sebelum 2011 tidak tersimpan karena staf yang menanganinya telah pensiun.
"""

CODINGS = [
    ("empat staf untuk 31 kerja sama luar negeri", "C5", "Empat staf untuk 31 kerja sama: 7,75 per orang."),
    ("Kelompok Kerja Bersama yang bertemu setiap tahun secara bergiliran di Bandung dan Liuzhou; kelompok itu "
     "tidak pernah dibentuk", "C1", "Kewajiban tahunan yang tidak pernah dipenuhi."),
    ("Masyarakat tidak dilibatkan dalam perencanaan dan hanya hadir sebagai peserta", "P2", ""),
    ("Bandung hampir selalu menjadi pihak penerima manfaat", "R3", "Manfaat mengalir satu arah."),
    ("Catatan dampak kegiatan sebelum 2011 tidak tersimpan", "T2", "Ingatan kelembagaan hilang."),
]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


opener = urllib.request.build_opener(NoRedirects)


def send(path, data=None, content_type=None):
    request = urllib.request.Request(base + path, data=data)
    request.add_header("Cookie", cookie)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with opener.open(request) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def token(path):
    _, _, page = send(path)
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def post(path, fields, expected=303):
    status, headers, page = send(path, urllib.parse.urlencode(fields).encode())
    if status != expected:
        sys.exit(f"POST {path}: expected {expected}, got {status}")
    return headers


csrf = token(partnership + "/documents/new")
boundary = "----kembar" + uuid.uuid4().hex
fields = {"_csrf": csrf, "title": "Ringkasan temuan Saraswati dkk. (demonstrasi)", "kind": "report",
          "date": "2022-05-11", "language": "id", "source": "docs/demo-data.md", "activity": ""}
body = b""
for name, value in fields.items():
    body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="ringkasan-temuan.txt"\r\n'
         "Content-Type: text/plain\r\n\r\n").encode() + SUMMARY.encode() + f"\r\n--{boundary}--\r\n".encode()
status, headers, _ = send(partnership + "/documents/new", body, f"multipart/form-data; boundary={boundary}")
if status != 303:
    sys.exit(f"upload: expected 303, got {status}")
document = headers["Location"].split("?")[0]

post("/codebook", {"_csrf": csrf, "parent": "C1", "name": "Kelompok Kerja Bersama",
                   "description": "Janji, pembentukan dan pertemuan Kelompok Kerja Bersama"})
excerpts = []
for quote, code, memo in CODINGS:
    location = post(document + "/codings", {"_csrf": csrf, "quote": quote, "near": "", "code": code, "memo": memo})
    excerpts.append(location["Location"].split("#coding-")[1])
post(f"/evidence/bandung/bandung-liuzhou/assessments",
     {"_csrf": csrf, "element": "commitment", "status": "unmet", "by": "Tim demonstrasi", "date": "2022-05-11",
      "note": "Kewajiban pertemuan tahunan tidak pernah dipenuhi dan kantor kekurangan staf.",
      "evidence": excerpts[1]})
print(f"seeded {document} with {len(excerpts)} coded passages and an assessment")
