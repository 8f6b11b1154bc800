"""The demo: a stand-in AWS (moto with the kinds it lacks) and the estate seeded into it."""
