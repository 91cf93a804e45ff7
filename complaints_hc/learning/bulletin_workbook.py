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


def put(ws, row: int, column: int, value):
	"""Write a cell; text is kept as text, so words starting with "=" never become a formula."""
	cell = ws.cell(row=row, column=column, value=value)
	if isinstance(value, str):
		cell.data_type = "s"
	return cell


def sheet(workbook, title: str, heading: str, columns: list[tuple[str, int]], rows: list[tuple]):
	ws = workbook.create_sheet(title)
	put(ws, 1, 1, heading).font = TITLE
	for index, (label, width) in enumerate(columns, 1):
		cell = put(ws, 3, index, label)
		cell.font, cell.fill = HEADER, HEADER_FILL
		ws.column_dimensions[get_column_letter(index)].width = width
	for row_number, values in enumerate(rows, 4):
		for index, value in enumerate(values, 1):
			put(ws, row_number, index, value).alignment = WRAP
	ws.freeze_panes = "A4"
	return ws


def build(doc, booking_link) -> bytes:
	"""The workbook's bytes for a Learning Bulletin document."""
	workbook = Workbook()
	about = workbook.active
	about.title = "About"
	put(about, 1, 1, doc.title).font = TITLE
	for row, (label, value) in enumerate((("Period", f"{doc.period_start:%d %B %Y} to {doc.period_end:%d %B %Y}"),
		("Status", doc.status), ("Compliments received", doc.compliments_received)), 3):  # fmt: skip
		put(about, row, 1, label).font = Font(bold=True)
		put(about, row, 2, value)
	put(about, 7, 1, doc.introduction or "").alignment = WRAP
	about.merge_cells("A7:B7")
	about.row_dimensions[7].height = 75
	about.column_dimensions["A"].width, about.column_dimensions["B"].width = 24, 80

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
