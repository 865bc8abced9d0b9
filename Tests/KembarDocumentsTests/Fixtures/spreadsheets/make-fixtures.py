"""Writes daftar-openpyxl.xlsx, daftar-cp1252.csv and bomb.xlsx (see make-fixtures.sh)."""
import csv
import datetime
import io
import zipfile

import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Kerja Sama"
sheet["A1"] = "DAFTAR KERJA SAMA LUAR NEGERI PEMERINTAH KOTA BANDUNG"
sheet.merge_cells("A1:H1")
sheet["A2"] = "Keadaan per 30 November 2026"
sheet.merge_cells("A2:H2")
sheet.append([])
sheet.append(["No", "Nama Mitra", "Negara", "Jenis Kerja Sama", "Tanggal Penandatanganan", "Berlaku Sampai",
              "Bidang Kerja Sama", "Keterangan", "Penanggung Jawab"])
rows = [
    ["Liuzhou", "Tiongkok", "Kota Kembar", datetime.datetime(2006, 9, 21), None,
     "Ekonomi; Pendidikan; Lingkungan Hidup", "MoU 2006, JWG tidak pernah bertemu", "Bagian Kerja Sama"],
    ["Braunschweig", "Jerman", "Kota Kembar", "21 Agustus 1997", None, "Pendidikan, Kebudayaan", None, None],
    ["Cotabato City", "Filipina", "Sister city", "26/06/2019", "5 tahun", "Kesehatan", None, None],
    None,  # an empty row, as offices leave them
    ["Suwon", "Korea Selatan", "Kota Kembar", "April 2024", None, "Pendidikan\nLingkungan Hidup", None, None],
    ["Fort Worth", "Amerika Serikat", "Kota Kembar", 2005, None, "economy", None, None],
    ["Provinsi Gyeonggi", "KR", "Provinsi Kembar", "21 September 2006", None, "Pertanian", None, None],
    ["Universita di Bologna", "Italia", "Lembaga", None, None, None, "Penjajakan", None],
    ["Yingkou", "Tiongkok", "Kota Kembar", "=DATE(2010,5,17)", "=E13+3652", "Ekonomi", None, None],
]
number = 0
for row in rows:
    if row is None:
        sheet.append([])
        continue
    number += 1
    sheet.append([number] + row)
for cell in ("E5", "E13", "F13"):
    sheet[cell].number_format = "dd/mm/yyyy"
hidden = book.create_sheet("Daftar")
hidden.append(["Nama Mitra", "Negara", "Jenis Kerja Sama"])
hidden.append(["Hidden city", "Nowhere", "nothing"])
hidden.sheet_state = "hidden"
book.save("daftar-openpyxl.xlsx")

# A list saved by Excel set to Indonesian: semicolons, Windows-1252, a decimal comma.
with open("daftar-cp1252.csv", "w", encoding="cp1252", newline="") as file:
    writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
    writer.writerow(["DAFTAR KERJA SAMA LUAR NEGERI", "", "", "", "", "", ""])
    writer.writerow(["No", "Nama Mitra", "Negara", "Jenis", "Tanggal MoU", "Bidang", "Keterangan"])
    writer.writerow(["1", "Liège", "Belgia", "Kota Kembar", "12/03/2012", "Kebudayaan; Pendidikan",
                     "Nilai hibah 1,5 miliar; \"Maison de la Culture\""])
    writer.writerow(["2", "Namur", "Belgique", "Kota Kembar", "2005", "Pariwisata", ""])

# A workbook whose one sheet expands from 300 kilobytes to 300 MB.
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
    archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
    archive.writestr("xl/workbook.xml",
                     '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    archive.writestr("xl/_rels/workbook.xml.rels",
                     '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=False) as part:
        part.write(b"<worksheet><sheetData>")
        block = b" " * (1 << 20)
        for _ in range(300):
            part.write(block)
        part.write(b"</sheetData></worksheet>")
with open("bomb.xlsx", "wb") as file:
    file.write(buffer.getvalue())
