"""Who speaks: where a turn starts (markers), what a label says (labels, names), and who a
label means in this document (introductions, resolution). ``resolve.py`` is the one place
where a speaker's name, role and kind are decided."""
