"""应急预案 panels: plan library and editor, incident command, drills."""
