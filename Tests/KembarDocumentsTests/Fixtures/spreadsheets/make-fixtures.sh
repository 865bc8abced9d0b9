#!/bin/sh
# Makes the spreadsheet fixtures with programs other than Kembar: openpyxl (PyPI) writes an
# office's list as an officer keeps it, LibreOffice (Debian's libreoffice-calc, headless) saves
# it again with its formula computed, msoffcrypto-tool (PyPI) protects a copy with a password,
# and Python's own csv and zipfile write the Windows-1252 CSV and the zip bomb.
#   pip install openpyxl msoffcrypto-tool; apt-get install libreoffice-calc
set -eu
cd "$(dirname "$0")"
python3 make-fixtures.py
work=$(mktemp -d)
cp daftar-openpyxl.xlsx "$work/daftar-libreoffice.xlsx"
# Converting the file to XLSX in place computes its formula and stores the result.
soffice --headless -env:UserInstallation=file://"$work/profile" --convert-to xlsx:"Calc MS Excel 2007 XML" \
    --outdir "$work/out" "$work/daftar-libreoffice.xlsx" >/dev/null
cp "$work/out/daftar-libreoffice.xlsx" daftar-libreoffice.xlsx
msoffcrypto-tool -e -p rahasia daftar-openpyxl.xlsx daftar-encrypted.xlsx
rm -rf "$work"
