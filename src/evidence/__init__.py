"""evidence: offline-first evidence synthesis for health-care provider burnout."""

__version__ = "0.1.0"
