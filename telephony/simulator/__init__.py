"""The simulator: callers and simulated members driving the local carrier through the real call
flow, each conversation with a realistic transcript that QA scores."""
