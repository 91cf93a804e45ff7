from complaints_hc.operations.backups import switch_on_encrypted_backups


def execute():
	switch_on_encrypted_backups(keep_the_councils_number=True)
