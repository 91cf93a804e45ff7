from complaints_hc.data_protection.retention import ensure_default_periods


def execute():
	ensure_default_periods()
