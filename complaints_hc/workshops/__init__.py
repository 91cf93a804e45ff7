"""Workshops: status names, what may be booked or cancelled, the booking service, mail, invites, portal."""
