"""应急预案 and drills without Qt: plan format, activation criteria, incident command, CAP, drills."""
