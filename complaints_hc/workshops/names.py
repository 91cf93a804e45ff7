"""The status names of workshops and bookings: one home for the booking service, pages, mail and reports."""

# Workshop.status
SCHEDULED, WORKSHOP_CANCELLED, WORKSHOP_COMPLETED = "Scheduled", "Cancelled", "Completed"
WORKSHOP_DRAFT = "Draft"  # planned from a training need, not yet open for booking
HELD_OR_SCHEDULED = (SCHEDULED, WORKSHOP_COMPLETED)

# Workshop Booking.status
BOOKED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW = "Booked", "Waitlisted", "Cancelled", "Attended", "No-show"
BOOKING_STATUSES = (BOOKED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW)
ACTIVE = (BOOKED, WAITLISTED, ATTENDED, NO_SHOW)
CANCELLABLE = (BOOKED, WAITLISTED)
# What a facilitator may set in the desk: the register.
REGISTER = (BOOKED, ATTENDED, NO_SHOW)
