from complaints_hc.roles import ALL_ROLES

app_name = "complaints_hc"
app_title = "Complaints HC"
app_publisher = "complaints_hc maintainers"
app_description = "Complaints, compliments and learning for a council's children's services"
app_email = "maintainers@complaints-hc.invalid"
app_license = "mit"

# Only records the council must not rename go out as fixtures; they are re-imported on every migrate.
fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(ALL_ROLES)]]},
]

after_install = "complaints_hc.install.after_install"
after_migrate = "complaints_hc.install.after_migrate"
before_uninstall = "complaints_hc.install.before_uninstall"

before_tests = "complaints_hc.install.before_tests"

export_python_type_annotations = True

# The working-day engine, for print formats, email templates and notifications.
jinja = {
	"methods": [
		"complaints_hc.working_days.add_working_days",
		"complaints_hc.working_days.working_days_between",
		"complaints_hc.working_days.is_working_day",
	],
}
