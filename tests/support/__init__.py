"""Shared helpers for coprod_site's tests (real-browser tooling lives in ``browser``)."""
