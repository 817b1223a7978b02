"""The sourced knowledge base: models, loading, validation and export."""
