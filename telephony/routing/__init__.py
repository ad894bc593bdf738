"""The automatic call distributor: queues, agents and offers in Redis, decided atomically."""
