"""Where Frappe's workflow builder draws a workflow's states and transitions.

Without a stored layout the builder puts every state row on one line, each transition on top of the
next, and a workflow of this size becomes unreadable. Here each state is a column in the order of the
states table, its rows (one per edit role) stacked in that column; a transition to the next column
sits between the two, one that skips ahead runs below the states and one that goes back runs above.
`layout` is plain Python over plain values; `lay_out` applies it to a Workflow that has no layout yet.
"""

import json

COLUMN = 460  # between the state columns: room for a transition and the role beside it
ROW = 80  # between the rows of one state
STACK = 56  # between transitions sharing a place
STATE_WIDTH = 120


def layout(states: list[str], transitions: list[tuple[str, str]]) -> dict:
	"""`states`: the state of each row in table order; `transitions`: (state, next state) in order.

	Returns the builder ids for each row and transition and the elements the builder stores.
	"""
	columns = list(dict.fromkeys(states))
	state_ids, elements, first_row = [], [], {}
	row_in_column = {}
	for number, state in enumerate(states, start=1):
		column = columns.index(state)
		row = row_in_column.get(state, 0)
		row_in_column[state] = row + 1
		first_row.setdefault(state, str(number))
		state_ids.append(str(number))
		elements.append(
			{"id": str(number), "type": "state", "position": {"x": column * COLUMN, "y": row * ROW}}
		)

	lowest_state = max(row_in_column.values()) * ROW
	taken = {}
	action_ids = []
	for number, (start, end) in enumerate(transitions, start=1):
		action = f"action-{number}"
		action_ids.append(action)
		source, target = first_row[start], first_row[end]
		start_column, end_column = columns.index(start), columns.index(end)
		if end_column == start_column + 1:
			band, x, handles = "between", start_column * COLUMN + STATE_WIDTH + 170, ("right", "left")
		elif end_column > start_column:
			band, x, handles = "below", start_column * COLUMN + STATE_WIDTH + 170, ("bottom", "bottom")
		else:
			band, x, handles = "above", end_column * COLUMN + STATE_WIDTH + 170, ("top", "top")
		place = taken.get((band, x), 0)
		taken[(band, x)] = place + 1
		y = {
			"between": place * STACK,
			"below": lowest_state + 40 + place * STACK,
			"above": -90 - place * STACK,
		}
		elements.append(
			{
				"id": action,
				"type": "action",
				"position": {"x": x, "y": y[band]},
				"data": {"from_id": source, "to_id": target},
			}
		)
		for edge_source, edge_target, source_handle, target_handle in (
			(source, action, handles[0], "left"),
			(action, target, "right", handles[1]),
		):
			elements.append(
				{
					"id": f"edge-{edge_source}-{edge_target}",
					"type": "transition",
					"source": edge_source,
					"target": edge_target,
					"sourceHandle": source_handle,
					"targetHandle": target_handle,
					"updatable": True,
					"animated": True,
				}
			)
	return {"state_ids": state_ids, "action_ids": action_ids, "elements": elements}


def lay_out(workflow) -> bool:
	"""Give a Workflow document the builder layout if it has none; True when it was given one."""
	if workflow.workflow_data and workflow.workflow_data not in ("[]", "null"):
		return False
	drawn = layout(
		[row.state for row in workflow.states], [(t.state, t.next_state) for t in workflow.transitions]
	)
	for row, builder_id in zip(workflow.states, drawn["state_ids"], strict=True):
		row.workflow_builder_id = builder_id
	for transition, builder_id in zip(workflow.transitions, drawn["action_ids"], strict=True):
		transition.workflow_builder_id = builder_id
	workflow.workflow_data = json.dumps(drawn["elements"])
	return True
