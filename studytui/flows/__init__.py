"""Multi-step flows started from the home screen. Each chains dialogs and screens through
their ``dismiss`` callbacks; the home screen only chooses which flow to start."""
