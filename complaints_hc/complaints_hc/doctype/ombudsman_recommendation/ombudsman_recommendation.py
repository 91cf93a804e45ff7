# Copyright (c) 2026, complaints_hc maintainers and contributors
# For license information, please see license.txt

from complaints_hc.security.complaint_data import ProtectedChildRow


class OmbudsmanRecommendation(ProtectedChildRow):
	pass
