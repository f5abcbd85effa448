"""govinfo's built-in plugins: each module is one plugin, registered through the ``govinfo``
entry-point group exactly as a third party's plugin would be."""
