"""The model: canonical immutable types for cells, tables, documents and findings."""
