"""The names of the Email Templates the app ships (setup/defaults/email_templates.json holds their words).

The records are the council's to reword in the desk; code finds them by these names.
"""

COMPLAINT_RECEIVED = "Complaint received"
COMPLAINT_RECEIVED_YOUNG_PERSON = "Complaint received (young person)"
COMPLIMENT_SHARED = "Compliment shared with staff"
WORKSHOP_BOOKING_CONFIRMED = "Workshop booking confirmed"
WORKSHOP_WAITLISTED = "Workshop waiting list place"
WORKSHOP_BOOKING_CANCELLED = "Workshop booking cancelled"
WORKSHOP_REMINDER = "Workshop reminder"
WORKSHOP_CANCELLED = "Workshop cancelled"
WORKSHOP_MOVED = "Workshop moved"
WORKSHOP_RECOMMENDED = "Workshop recommended for your team"
COMPLAINT_PAGE_LINK = "Your complaint page link"
EXTENSION_PROPOSED = "Extension proposed to the complainant"
LETTER_ON_PAGE = "A letter about your complaint"
EXTENSION_AGREED = "Extension agreed"

SHIPPED = (
	COMPLAINT_RECEIVED,
	COMPLAINT_RECEIVED_YOUNG_PERSON,
	COMPLIMENT_SHARED,
	WORKSHOP_BOOKING_CONFIRMED,
	WORKSHOP_WAITLISTED,
	WORKSHOP_BOOKING_CANCELLED,
	WORKSHOP_REMINDER,
	WORKSHOP_CANCELLED,
	WORKSHOP_MOVED,
	WORKSHOP_RECOMMENDED,
	COMPLAINT_PAGE_LINK,
	EXTENSION_PROPOSED,
	LETTER_ON_PAGE,
	EXTENSION_AGREED,
)
