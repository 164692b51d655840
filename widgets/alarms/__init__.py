"""The 告警 desk: the alarm dock and its status-bar items."""
