from complaints_hc.setup.install import keep_london_time


def execute():
	keep_london_time()
