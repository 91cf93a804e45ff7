from complaints_hc.setup.starting_lists import create_starting_lists


def execute():
	"""Sites installed before the starting lists shipped get them once (what exists is left alone)."""
	create_starting_lists()
