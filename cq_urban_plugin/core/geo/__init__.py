"""Reading, projecting and measuring layers. No plan knowledge."""
