"""The house rules of the code's layout: no import circles, no module importing a DocType controller,
and one home for the names of the email templates the app ships."""

import ast
import json
import pathlib

import complaints_hc
from complaints_hc import email_templates

APP = pathlib.Path(complaints_hc.__file__).parent
CONTROLLERS = "complaints_hc.complaints_hc.doctype."


def module_name(path: pathlib.Path) -> str:
	name = ".".join(path.relative_to(APP.parent).with_suffix("").parts)
	return name.removesuffix(".__init__")


def imports_of(path: pathlib.Path) -> set[str]:
	"""Every module this file imports, at the top or inside a function (TYPE_CHECKING blocks left out)."""
	tree = ast.parse(path.read_text())
	for node in ast.walk(tree):  # type-only imports never run
		if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
			node.body = []
	package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
	found = set()
	for node in ast.walk(tree):
		if isinstance(node, ast.Import):
			found.update(alias.name for alias in node.names)
		elif isinstance(node, ast.ImportFrom):
			base = node.module or ""
			if node.level:
				parts = package.split(".")[: len(package.split(".")) - node.level + 1]
				base = ".".join([*parts, base] if base else parts)
			found.add(base)
			found.update(f"{base}.{alias.name}" for alias in node.names)
	return found


def app_graph() -> dict[str, set[str]]:
	files = {module_name(p): p for p in APP.rglob("*.py")}
	return {name: {m for m in imports_of(path) if m in files and m != name} for name, path in files.items()}


def find_circle(graph: dict[str, set[str]]) -> list[str] | None:
	done, on_path = set(), []

	def visit(node):
		if node in on_path:
			return [*on_path[on_path.index(node) :], node]
		if node in done:
			return None
		on_path.append(node)
		for target in sorted(graph[node]):
			circle = visit(target)
			if circle:
				return circle
		on_path.pop()
		done.add(node)
		return None

	for start in sorted(graph):
		circle = visit(start)
		if circle:
			return circle
	return None


def test_the_app_has_no_import_circle():
	assert find_circle(app_graph()) is None


def test_the_circle_finder_finds_a_circle():
	assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_module_imports_a_doctype_controller():
	"""Names live in the domain packages: reports, jobs and services never reach into a controller."""
	offenders = {
		name: sorted(m for m in targets if m.startswith(CONTROLLERS))
		for name, targets in app_graph().items()
		if any(m.startswith(CONTROLLERS) for m in targets)
	}
	assert offenders == {}


def test_every_shipped_email_template_name_has_its_default_record():
	defaults = json.loads((APP / "setup" / "defaults" / "email_templates.json").read_text())
	assert sorted(t["name"] for t in defaults) == sorted(email_templates.SHIPPED)
