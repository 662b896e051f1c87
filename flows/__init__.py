"""Prefect flows: wiring only. Each flow wraps plain functions from `evidence` as tasks."""
