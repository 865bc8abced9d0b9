"""Writes a list of ROWS cooperations as an office keeps it, with openpyxl: a title row, the
Indonesian headers, dates written every way (real dates, "21 Agustus 1997", "April 2024", "2005",
"26/06/2019"), countries by their Indonesian names, several areas to a cell. Usage:
    python3 make-list.py ROWS OUT.xlsx
    python3 make-list.py ROWS OUT.xlsx --notes   (the same list with notes on every row)
Every partner is a distinct synthetic city, so every row makes a partnership; the list with notes
then fills each of them in.
"""
import datetime
import random
import sys

import openpyxl

rows, out = int(sys.argv[1]), sys.argv[2]
every_row_noted = "--notes" in sys.argv[3:]
random.seed(2026)
countries = ["Tiongkok", "Jepang", "Korea Selatan", "Jerman", "Belgia", "Filipina", "Italia", "Belanda",
             "Amerika Serikat", "Australia", "Malaysia", "Prancis"]
kinds = ["Kota Kembar", "Kota Kembar", "Kota Kembar", "Provinsi Kembar", "Lembaga"]
areas = ["Pendidikan", "Lingkungan Hidup", "Ekonomi", "Kesehatan", "Kebudayaan", "Pariwisata", "Pertanian"]
months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def date(index):
    year = 1990 + index % 35
    month = 1 + index % 12
    day = 1 + index % 28
    form = index % 5
    if form == 0:
        return datetime.datetime(year, month, day)
    if form == 1:
        return f"{day} {months[month - 1]} {year}"
    if form == 2:
        return f"{months[month - 1]} {year}"
    if form == 3:
        return year
    return f"{day:02d}/{month:02d}/{year}"


book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Kerja Sama"
sheet["A1"] = "DAFTAR KERJA SAMA LUAR NEGERI"
sheet.merge_cells("A1:H1")
sheet.append(["No", "Nama Mitra", "Negara", "Jenis Kerja Sama", "Tanggal Penandatanganan", "Berlaku Sampai",
              "Bidang Kerja Sama", "Keterangan"])
for index in range(rows):
    sheet.append([
        index + 1, f"Synthetic City {index + 1}", countries[index % len(countries)], kinds[index % len(kinds)],
        date(index), "5 tahun" if index % 3 == 0 else None,
        "; ".join(random.sample(areas, 1 + index % 3)),
        f"Catatan sintetis nomor {index + 1}" if index % 4 == 0 or every_row_noted else None,
    ])
for row in sheet.iter_rows(min_row=3, min_col=5, max_col=5):
    for cell in row:
        if isinstance(cell.value, datetime.datetime):
            cell.number_format = "dd/mm/yyyy"
book.save(out)
