"""The workflow builder: a renamed row renames its state; the shipped workflows are laid out readably."""

import json
import pathlib

import complaints_hc
from complaints_hc.security.workflow_renames import renamed_states
from complaints_hc.setup.workflow_layout import layout

WORKFLOWS = pathlib.Path(complaints_hc.__file__).parent / "complaints_hc" / "workflow"
STORED = [("r1", "Received"), ("r2", "Received"), ("r3", "Quality Assurance"), ("r4", "Quality Assurance")]


def test_one_row_given_a_new_name_renames_the_state():
	current = [("r1", "Received"), ("r2", "Received"), ("r3", "QA Review"), ("r4", "Quality Assurance")]
	assert renamed_states(STORED, current) == {"Quality Assurance": "QA Review"}


def test_moving_a_row_to_another_existing_state_is_not_a_rename():
	current = [
		("r1", "Received"),
		("r2", "Quality Assurance"),
		("r3", "Quality Assurance"),
		("r4", "Quality Assurance"),
	]
	assert renamed_states(STORED, current) == {}


def test_new_rows_and_unchanged_rows_rename_nothing():
	current = [*STORED, ("new-row-1", "Letter Check")]
	assert renamed_states(STORED, current) == {}


def positions(drawn: dict, kind: str) -> list[tuple[int, int]]:
	return [(e["position"]["x"], e["position"]["y"]) for e in drawn["elements"] if e["type"] == kind]


def test_each_state_is_a_column_with_its_rows_stacked():
	drawn = layout(["Received", "Received", "Allocated"], [("Received", "Allocated")])
	assert positions(drawn, "state") == [(0, 0), (0, 80), (460, 0)]
	assert drawn["state_ids"] == ["1", "2", "3"] and drawn["action_ids"] == ["action-1"]
	action = next(e for e in drawn["elements"] if e["type"] == "action")
	assert action["data"] == {"from_id": "1", "to_id": "3"}  # from the state's first row
	edges = {(e["source"], e["target"]) for e in drawn["elements"] if e["type"] == "transition"}
	assert edges == {("1", "action-1"), ("action-1", "3")}


def test_no_two_things_share_a_place_in_the_shipped_workflows():
	for path in WORKFLOWS.glob("*.json"):
		definition = json.loads(path.read_text())
		drawn = layout(
			[row["state"] for row in definition["states"]],
			[(t["state"], t["next_state"]) for t in definition["transitions"]],
		)
		places = positions(drawn, "state") + positions(drawn, "action")
		assert len(places) == len(set(places)), path.name
		assert len(drawn["action_ids"]) == len(definition["transitions"])
