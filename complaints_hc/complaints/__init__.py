"""Complaint handling: the names of statuses and outcomes, stage 1 clocks, allocation, intake, daily jobs."""
