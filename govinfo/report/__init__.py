"""Reporting: what every reporter shows, derived once from the model and the statute."""
