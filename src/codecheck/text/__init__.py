"""Shared text analysis for the content checks.

Self-assessment commentary is free prose written by complaints officers. The checks need the same few
readings of it again and again (numbers written as words, dates and target dates, timescale phrases,
whether a phrase is negated, quoted or describes the Code rather than the landlord's own practice), so
they live here once, free of any rule logic, and are tested on their own.
"""
