# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

from complaints_hc.security.complaint_data import ProtectedChildRow


class ComplaintExtensionProposal(ProtectedChildRow):
	"""A row read on its own asks the complaint's rules, like every other row of complaint data."""

	pass
