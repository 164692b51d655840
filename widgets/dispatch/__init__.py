"""案件 dispatch: the case dock, registration and workflow dialogs, the 考核 panel."""
