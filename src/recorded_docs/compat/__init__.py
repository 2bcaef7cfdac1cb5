"""Drift and per-release compatibility: environments, runs, the data file, the report."""
