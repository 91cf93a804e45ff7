"""Set-up: install and uninstall, the default workflows, notifications and templates, and the demo data."""
