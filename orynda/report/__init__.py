"""The Excel run report: reads results from the store and lays them out; computes nothing of its own."""
