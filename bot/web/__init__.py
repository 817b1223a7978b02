"""Read-only web pages: comparisons, meshes, the ask page."""
