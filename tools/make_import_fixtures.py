#!/usr/bin/env python3
"""Write tests/fixtures/formats/: small files in the shapes spreadsheets, HDX, Google Earth
and hostile senders produce, for the import tests (tests/import.rs, tests/formats.rs).

Run from the repository root:  python3 tools/make_import_fixtures.py
Needs: pip install openpyxl odfpy   (only for this script)

The rows are test rows: dates and places of real ISKP attacks (Kabul airport 2021-08-26,
Jalalabad prison 2020-08-02, Kerman 2024-01-03) so the placing can be checked, with titles that
say they are test rows. The HDX file re-lays six IS rows of the UCDP fixture the way HDX's
country extracts carry them, under a row of HXL hashtags. Deterministic.
"""

import csv
import datetime
import io
import os
import zipfile

OUT = "tests/fixtures/formats"
UCDP = "tests/fixtures/ucdp/ucdp_ged_pakistan221_bangladesh_is191.csv"


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def excel_csv():
    # What Excel's "CSV UTF-8" writes: a byte-order mark, CRLF, and a quoted cell with a
    # line break in it. The bad date is on physical line 5 (the quoted break is line 3).
    rows = [
        "date,latitude,longitude,killed,title",
        '2021-08-26,34.5651,69.2124,170,"Test row: Kabul airport,\r\nAbbey Gate"',
        "2020-08-02,34.4265,70.4515,29,Test row: Jalalabad prison",
        "2024-13-03,30.2839,57.0834,95,Test row: a month that does not exist",
        "2024-01-03,30.2839,57.0834,95,Test row: Kerman",
    ]
    write("excel_utf8_crlf.csv", b"\xef\xbb\xbf" + "\r\n".join(rows).encode() + b"\r\n")
    # Old Mac line breaks (CR only), without the quoted row: the bad date is on line 3.
    write("old_mac_cr.csv", "\r".join(rows[:1] + rows[2:]).encode() + b"\r")


def unicode_text():
    # Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tab-separated.
    rows = [
        "Datum\tBreite\tLänge\tTote\tOrt",
        "26.08.2021\t34,5651\t69,2124\t170\tKabul, Flughafen",
        "02.08.2020\t34,4265\t70,4515\t29\tDschalalabad",
        "03.01.2024\tnördlich\t57,0834\t95\tKerman",
    ]
    write("excel_unicode_text.txt", b"\xff\xfe" + ("\r\n".join(rows) + "\r\n").encode("utf-16-le"))


def semicolons():
    # A German-locale Excel CSV: semicolons, decimal commas, day.month.year.
    rows = [
        "Datum;Breite;Länge;Tote;Titel",
        "26.08.2021;34,5651;69,2124;170;Testzeile: Flughafen Kabul",
        "02.08.2020;34,4265;70,4515;29;Testzeile: Gefängnis Dschalalabad",
    ]
    write("semicolon_decimal_comma.csv", ("\r\n".join(rows) + "\r\n").encode("utf-8"))


def hdx():
    with open(UCDP, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        ia, ib = header.index("side_a"), header.index("side_b")
        rows = [row for row in r if "IS" in (row[ia], row[ib])][:6]
    tags = {
        "id": "#id", "year": "#date+year", "side_a": "#group+name+first",
        "side_b": "#group+name+second", "latitude": "#geo+lat", "longitude": "#geo+lon",
        "country": "#country+name", "iso3": "#country+code", "date_start": "#date+start",
        "date_end": "#date+end", "best": "#affected+killed", "adm_1": "#adm1+name",
    }
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerow([tags.get(h, "") for h in header])
    w.writerows(rows)
    write("hdx_conflict_data_pak.csv", out.getvalue().encode("utf-8"))


def places():
    rows = [
        ["date", "location", "dead", "details"],
        ["2021-08-26", "Kabul, Afghanistan", "170", "Test row: a town with its country"],
        ["2020-08-02", "Jelalabad", "29", "Test row: another spelling, no country"],
        ["2020-08-02", "Jalalabad", "29", "Test row: two places (Kyrgyzstan has a Jalal-Abad)"],
        ["2016-10-04", "Ningarhar Province, Afghanistan", "", "Test row: a province"],
        ["2017-04-13", "Achin District, Nangarhar", "", "Test row: a district not in the gazetteer, in a province"],
        ["2016-08-16", "Kermanshah, Iran", "", "Test row: Iran"],
        ["2017-05-12", "Mastung, Pakistan", "25", "Test row: a town not in the gazetteer"],
        ["2018-07-13", "Hyderabad", "", "Test row: two places (Pakistan and India)"],
        ["2019-01-01", "", "", "Test row: no place"],
        ["2024-01-03", "Kerman", "95", "Test row: a town and the province named after it"],
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    write("place_names.csv", out.getvalue().encode("utf-8"))


def xlsx():
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Read me"
    sheet["A1"] = "Test workbook for the ISKP Atlas import; the events are on the next sheets."
    s = book.create_sheet("2021")
    s["A1"] = "Test rows (two title rows above the header)"
    s.append([])
    s.append(["Date", "Latitude", "Longitude", "Killed", "Title"])
    s.append([datetime.date(2021, 8, 26), 34.5651, 69.2124, 170, "Test row: Kabul airport"])
    s.append([datetime.date(2020, 8, 2), 34.4265, 70.4515, 29, "Test row: Jalalabad prison"])
    s.append(["not a date", 30.2839, 57.0834, 95, "Test row: a bad date on row 6"])
    s.append([])
    # A date typed as its day number (General format), as a CSV-to-Excel round trip leaves it.
    s.append([45294, 30.2839, 57.0834, 95, "Test row: Kerman, the date as a day number"])
    for row in s.iter_rows(min_row=4, max_row=5, max_col=1):
        for c in row:
            c.number_format = "DD/MM/YYYY"
    p = book.create_sheet("Places")
    p.append(["When", "Where", "Dead"])
    p.append([datetime.date(2021, 8, 26), "Kabul, Afghanistan", 170])
    p.append([datetime.date(2016, 10, 4), "Nangarhar Province", None])
    buf = io.BytesIO()
    book.save(buf)
    write("workbook.xlsx", buf.getvalue())


def ods():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    t = Table(name="Events")

    def row(*cells):
        tr = TableRow()
        for c in cells:
            if isinstance(c, datetime.date):
                cell = TableCell(valuetype="date", datevalue=c.isoformat())
                cell.addElement(P(text=c.strftime("%d/%m/%Y")))
            elif isinstance(c, (int, float)):
                cell = TableCell(valuetype="float", value=c)
                cell.addElement(P(text=str(c)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=c))
            tr.addElement(cell)
        t.addElement(tr)

    row("date", "lat", "lon", "deaths", "title")
    row(datetime.date(2021, 8, 26), 34.5651, 69.2124, 170, "Test row: Kabul airport")
    row(datetime.date(2024, 1, 3), 30.2839, 57.0834, 95, "Test row: Kerman")
    row("someday", 34.4265, 70.4515, 29, "Test row: a bad date on row 4")
    # What LibreOffice writes below the data: a million empty rows, as one repeated row.
    empty = TableRow(numberrowsrepeated=1048572)
    empty.addElement(TableCell(numbercolumnsrepeated=1024))
    t.addElement(empty)
    doc.spreadsheet.addElement(t)
    buf = io.BytesIO()
    doc.write(buf)
    write("workbook.ods", buf.getvalue())


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
  <name>Test placemarks</name>
  <Folder>
    <name>Attacks</name>
    <Placemark>
      <name>Test row: Kabul airport</name>
      <description><![CDATA[Suicide bombing at <b>Abbey Gate</b>]]></description>
      <TimeStamp><when>2021-08-26T17:50:00Z</when></TimeStamp>
      <ExtendedData>
        <Data name="killed"><value>170</value></Data>
      </ExtendedData>
      <Point><coordinates>69.2124,34.5651,0</coordinates></Point>
    </Placemark>
    <Placemark>
      <name>Test row: a route, not a point</name>
      <LineString><coordinates>69.2,34.5 70.4,34.4</coordinates></LineString>
    </Placemark>
    <Placemark>
      <name>Test row: Jalalabad, a month only</name>
      <TimeSpan><begin>2020-08</begin><end>2020-09</end></TimeSpan>
      <ExtendedData>
        <Data name="killed"><value>29</value></Data>
      </ExtendedData>
      <Point><coordinates>70.4515,34.4265</coordinates></Point>
    </Placemark>
    <Placemark>
      <name>Test row: no date</name>
      <Point><coordinates>57.0834,30.2839</coordinates></Point>
    </Placemark>
  </Folder>
</Document>
</kml>
"""


def kml():
    write("placemarks.kml", KML.encode())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("doc.kml", (2024, 1, 1, 0, 0, 0)), KML)
    write("placemarks.kmz", buf.getvalue())


def hostile():
    fixed = (2024, 1, 1, 0, 0, 0)

    def zip_of(entries):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for name, data in entries:
                z.writestr(zipfile.ZipInfo(name, fixed), data, compress_type=zipfile.ZIP_DEFLATED)
        return buf.getvalue()

    # A zip bomb: a workbook whose sheet expands to 70 MB of spaces, over a thousand times
    # its packed size (the atlas allows 64 MB for a small file).
    write("hostile_zip_bomb.xlsx", zip_of([
        ("[Content_Types].xml", "<Types/>"),
        ("xl/workbook.xml", "<workbook/>"),
        ("xl/worksheets/sheet1.xml", b" " * (70 << 20)),
    ]))
    # An ODS sheet with one value at the top and one 1,000,000 rows and 16,000 columns away:
    # calamine would lay out sixteen billion cells.
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        '<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>date</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
        '</table:table></office:spreadsheet></office:body></office:document-content>'
    )
    write("hostile_huge_sheet.ods", zip_of([
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
    ]))
    # KML nested 1,000 folders deep.
    deep = "<kml><Document>" + "<Folder>" * 1000 + "</Folder>" * 1000 + "</Document></kml>"
    write("hostile_deep.kml", deep.encode())


def main():
    os.makedirs(OUT, exist_ok=True)
    excel_csv()
    unicode_text()
    semicolons()
    hdx()
    places()
    xlsx()
    ods()
    kml()
    hostile()
    for name in sorted(os.listdir(OUT)):
        print(f"{OUT}/{name}: {os.path.getsize(os.path.join(OUT, name))} bytes")


if __name__ == "__main__":
    main()
