"""The shipped knowledge base, installed as the data package `mesh_knowledge`."""
