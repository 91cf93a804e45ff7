"""What the app takes from ERPNext when ERPNext is installed on the same site, and nothing otherwise.

Every use of ERPNext goes through this package and starts by asking `erpnext_installed()`. The app's
own DocTypes never link to an ERPNext DocType: the links are Custom Fields made while ERPNext is there
(custom_fields.py), so a site with Frappe alone never meets them.
"""

import frappe

ERPNEXT = "erpnext"


def erpnext_installed() -> bool:
	return ERPNEXT in frappe.get_installed_apps()
