"""Alarm models: the seat's open alarms, their status and escalation."""
