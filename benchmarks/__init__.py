"""Benchmarks run by hand (not part of the unit suite)."""
