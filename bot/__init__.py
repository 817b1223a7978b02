"""Mesh Advisor: sourced answers to service-mesh selection questions."""

__version__ = "0.1.0"
