"""The plugin system: the specs plugins register, the hooks, and the registry."""
