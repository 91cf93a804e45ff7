from complaints_hc.setup.install import link_the_accessibility_statement


def execute():
	link_the_accessibility_statement()
