"""Data protection: how long records are kept, anonymising them when that time is up (unless a legal
hold stops it), subject access requests, and decisions on erasure and rectification."""
