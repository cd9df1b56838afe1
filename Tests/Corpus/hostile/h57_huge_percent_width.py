# '%*d' with the most negative width a machine word holds.
print("%*d" % (-2**63, 5))
