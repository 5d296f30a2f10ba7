"""storyline.eval"""
