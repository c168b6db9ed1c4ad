"""The attribution corpus: passages written for this project, with their expected speaker."""
