# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class ServiceTeam(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from complaints_hc.complaints_hc.doctype.service_team_member.service_team_member import (
			ServiceTeamMember,
		)

		members: DF.Table[ServiceTeamMember]
		service_area: DF.Link
		service_manager: DF.Link | None
		team_manager: DF.Link | None
		team_name: DF.Data
	# end: auto-generated types
	pass
