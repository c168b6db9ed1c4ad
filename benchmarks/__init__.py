"""Benchmarks for `make bench`: figures against targets and peers (DESIGN §6)."""
