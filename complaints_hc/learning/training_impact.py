"""Did the training work? Per learning theme and quarter: the points upheld beside the workshops held
on the theme, who attended and how they rated them, with the average upheld points a quarter before
the first training in the window and after it.

`before_and_after` is plain Python. The figures are descriptive: numbers are small and a fall after
training does not show the training caused it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import frappe

from complaints_hc.complaints.names import PARTIALLY_UPHELD, UPHELD
from complaints_hc.learning import periods
from complaints_hc.workshops.names import ATTENDED, HELD_OR_SCHEDULED

QUARTERS = 8


@dataclass
class ThemeQuarter:
	quarter: str
	upheld_points: int = 0
	workshops: int = 0
	attended: int = 0
	ratings: list[int] = field(default_factory=list)

	@property
	def average_rating(self) -> float | None:
		return round(sum(self.ratings) / len(self.ratings), 1) if self.ratings else None


def before_and_after(quarters: list[ThemeQuarter]) -> tuple[float | None, float | None]:
	"""Average upheld points a quarter before the first quarter with training held, and after it (the
	training quarter itself belongs to neither). None where there is no such quarter."""
	trained = next((n for n, q in enumerate(quarters) if q.workshops), None)
	if trained is None:
		return None, None
	before, after = quarters[:trained], quarters[trained + 1 :]

	def average(part):
		return round(sum(q.upheld_points for q in part) / len(part), 1) if part else None

	return average(before), average(after)


def by_theme_and_quarter(last_quarter: str, theme: str | None = None, team: str | None = None) -> dict:
	"""{theme: [ThemeQuarter, ...]} over the `QUARTERS` quarters ending with `last_quarter`.

	Upheld points through `frappe.get_list` (the reader's own complaints, never one naming them);
	workshops, attendance and ratings are not complaint data and are counted for everyone."""
	labels = periods.quarters_up_to(last_quarter, QUARTERS)
	bounds = {label: periods.quarter_bounds(label) for label in labels}
	first, last = bounds[labels[0]][0], bounds[labels[-1]][1]

	def quarter_of(day) -> str:
		return periods.quarter(frappe.utils.getdate(day))

	filters = [
		["Complaint", "received_on", "between", [first, last]],
		["Complaint Point", "outcome", "in", [UPHELD, PARTIALLY_UPHELD]],
		["Complaint Point", "learning_theme", "is", "set"],
	]
	if theme:
		filters.append(["Complaint Point", "learning_theme", "=", theme])
	if team:
		filters.append(["Complaint", "service_team", "=", team])
	found: dict[str, dict[str, ThemeQuarter]] = {}

	def cell(theme_name: str, label: str) -> ThemeQuarter:
		quarters = found.setdefault(theme_name, {q: ThemeQuarter(q) for q in labels})
		return quarters[label]

	# counted per day and theme in the database, then added up by quarter here
	for row in frappe.get_list("Complaint", filters=filters, fields=["`tabComplaint`.received_on as received_on",
		"`tabComplaint Point`.learning_theme as theme", "count(`tabComplaint Point`.name) as points"],
		group_by="`tabComplaint`.received_on, `tabComplaint Point`.learning_theme", limit_page_length=0,
		order_by=None):  # fmt: skip
		cell(row.theme, quarter_of(row.received_on)).upheld_points += row.points

	workshop_filters = [
		["Workshop", "status", "in", HELD_OR_SCHEDULED],
		[
			"Workshop",
			"workshop_date",
			"between",
			[first, min(last, frappe.utils.getdate())],
		],  # held, not planned
		["Workshop Theme", "learning_theme", "is", "set"],
	]
	if theme:
		workshop_filters.append(["Workshop Theme", "learning_theme", "=", theme])
	workshops = frappe.get_all("Workshop", filters=workshop_filters,
		fields=["name", "workshop_date", "`tabWorkshop Theme`.learning_theme as theme"])  # fmt: skip
	bookings = frappe.get_all("Workshop Booking", filters={"workshop": ["in", list({w.name for w in workshops})
		or [""]], "status": ATTENDED}, fields=["workshop", "rating"])  # fmt: skip
	attended: dict[str, list] = {}
	for booking in bookings:
		attended.setdefault(booking.workshop, []).append(booking)
	for workshop in workshops:
		here = cell(workshop.theme, quarter_of(workshop.workshop_date))
		here.workshops += 1
		here.attended += len(attended.get(workshop.name, []))
		# Frappe keeps a Rating as a fraction of the stars (0.8 is four of five)
		here.ratings += [round(b.rating * 5) for b in attended.get(workshop.name, []) if b.rating]
	return {name: list(quarters.values()) for name, quarters in sorted(found.items())}
