"""Learning: financial periods, compliments as staff see them, the bulletin and the workspace's counts."""
