"""govinfo's own JSON: one converter, and the JSON Schema derived from the model."""
