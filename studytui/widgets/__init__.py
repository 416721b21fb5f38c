"""Reusable widgets of the studytui application."""
