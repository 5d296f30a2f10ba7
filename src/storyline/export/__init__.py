"""storyline.export"""
