"""The bulletin as an Excel workbook: one sheet per section, laid out for reading."""

import io

from bs4 import BeautifulSoup
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

TITLE = Font(bold=True, size=14)
HEADER = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
WRAP = Alignment(wrap_text=True, vertical="top")


def lines_of(html: str | None) -> list[tuple[str, str]]:
	"""(heading, item) pairs from the editor's HTML: list items under the heading before them."""
	soup = BeautifulSoup(html or "", "html.parser")
	found, heading = [], ""
	for element in soup.find_all(["h1", "h2", "h3", "h4", "h5", "li", "p"]):
		text = element.get_text(" ", strip=True)
		if not text:
			continue
		if element.name.startswith("h"):
			heading = text
		elif element.name == "li" or not element.find_parent("li"):
			found.append((heading, text))
	return found


def sheet(workbook, title: str, heading: str, columns: list[tuple[str, int]], rows: list[tuple]):
	ws = workbook.create_sheet(title)
	ws["A1"] = heading
	ws["A1"].font = TITLE
	for index, (label, width) in enumerate(columns, 1):
		cell = ws.cell(row=3, column=index, value=label)
		cell.font, cell.fill = HEADER, HEADER_FILL
		ws.column_dimensions[get_column_letter(index)].width = width
	for row_number, values in enumerate(rows, 4):
		for index, value in enumerate(values, 1):
			ws.cell(row=row_number, column=index, value=value).alignment = WRAP
	ws.freeze_panes = "A4"
	return ws


def build(doc, booking_link) -> bytes:
	"""The workbook's bytes for a Learning Bulletin document."""
	workbook = Workbook()
	about = workbook.active
	about.title = "About"
	about["A1"] = doc.title
	about["A1"].font = TITLE
	about["A3"], about["B3"] = "Period", f"{doc.period_start:%d %B %Y} to {doc.period_end:%d %B %Y}"
	about["A4"], about["B4"] = "Status", doc.status
	about["A5"], about["B5"] = "Compliments received", doc.compliments_received
	about["A7"] = doc.introduction or ""
	about["A7"].alignment = WRAP
	about.merge_cells("A7:B7")
	about.row_dimensions[7].height = 75
	about.column_dimensions["A"].width, about.column_dimensions["B"].width = 24, 80
	for row in (3, 4, 5):
		about.cell(row=row, column=1).font = Font(bold=True)

	sheet(workbook, "Good practice", "Good practice identified", [("Good practice", 110)],
		[(text,) for _heading, text in lines_of(doc.good_practice)])  # fmt: skip
	sheet(workbook, "Learning", "Learning from complaints", [("Learning theme", 45), ("What we learn", 90)],
		lines_of(doc.learning))  # fmt: skip
	sheet(workbook, "Compliments", f"Compliments: {doc.compliments_received} received",
		[("What they said", 90), ("Given by", 18), ("Team", 30)],
		[(q.words, q.given_by, q.team) for q in doc.quotes])  # fmt: skip
	workshops = sheet(workbook, "Workshops", "Workshops coming up",
		[("Date", 14), ("Time", 14), ("Workshop", 40), ("Themes", 40), ("What you will learn", 70), ("Book", 45)],
		[(w.workshop_date, f"{str(w.start_time)[:5]} to {str(w.end_time)[:5]}", w.title, w.themes,
			w.learning_outcomes, booking_link(w.workshop)) for w in doc.workshops])  # fmt: skip
	for row_number, w in enumerate(doc.workshops, 4):
		workshops.cell(row=row_number, column=1).number_format = "DD/MM/YYYY"
		link = workshops.cell(row=row_number, column=6)
		link.hyperlink, link.style = booking_link(w.workshop), "Hyperlink"

	out = io.BytesIO()
	workbook.save(out)
	return out.getvalue()
