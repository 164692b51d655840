"""Case workflow (CJJ/T 106 closed loop): state machine, routing, time limits, evaluation (Qt-free)."""
