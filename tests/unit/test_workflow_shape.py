"""A workflow the team edits keeps the process whole: every state has a status, is reachable and leads on."""

import json
import pathlib

import complaints_hc
from complaints_hc.security.workflow_shape import LIFECYCLES, problems

WORKFLOWS = pathlib.Path(complaints_hc.__file__).parent / "complaints_hc" / "workflow"


def shape(definition: dict):
	states = []
	for row in definition["states"]:
		status = row.get("update_value") if row.get("update_field") == "status" else None
		if row["state"] not in dict(states):
			states.append((row["state"], status))
	return states, [(t["state"], t["next_state"]) for t in definition["transitions"]]


def test_the_shipped_workflows_are_whole():
	for path in WORKFLOWS.glob("*.json"):
		definition = json.loads(path.read_text())
		states, transitions = shape(definition)
		assert problems(states, transitions, *LIFECYCLES[definition["document_type"]]) == [], path.name


STATUSES, FINAL = LIFECYCLES["Complaint"]
STATES = [("Received", "Received"), ("Allocated", "Allocated"), ("Closed", "Closed")]
TRANSITIONS = [("Received", "Allocated"), ("Allocated", "Closed")]


def test_a_state_without_a_lifecycle_status_is_named():
	states = [*STATES[:2], ("Triage", None), STATES[2]]
	found = problems(states, [*TRANSITIONS, ("Received", "Triage"), ("Triage", "Allocated")], STATUSES, FINAL)
	assert found == [("Triage", "no_status")]


def test_a_state_nothing_leads_to_is_unreachable():
	found = problems(
		[*STATES, ("Parked", "In Progress")], [*TRANSITIONS, ("Parked", "Closed")], STATUSES, FINAL
	)
	assert found == [("Parked", "unreachable")]


def test_a_state_that_leads_nowhere_is_a_dead_end_unless_it_ends_the_process():
	found = problems(STATES, [("Received", "Allocated")], STATUSES, FINAL)
	assert found == [("Allocated", "dead_end"), ("Closed", "unreachable")]
	assert problems(STATES, TRANSITIONS, STATUSES, FINAL) == []
