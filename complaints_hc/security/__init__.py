"""Security: roles, who may see what, closures of Frappe's leaky routes, guarded notifications, workflow guard."""
