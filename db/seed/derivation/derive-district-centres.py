#!/usr/bin/env python3
"""Derives db/seed/postcode-districts.csv from nspl-sample-BS.csv (see README.md beside this file).

Rule: for each postcode district, take the sampled postcodes that have coordinates, count each distinct
point once (many PO-box and large-user postcodes share one point, the sorting office), and average them.
Run: python3 db/seed/derivation/derive-district-centres.py > db/seed/postcode-districts.csv
"""
import csv, os, sys
from collections import OrderedDict

here = os.path.dirname(os.path.abspath(__file__))
points = OrderedDict()
with open(os.path.join(here, "nspl-sample-BS.csv"), newline="") as f:
    for row in csv.DictReader(f):
        if not row["lat"]:
            continue
        district = row["postcode"].split(" ")[0]
        points.setdefault(district, set()).add((round(float(row["lat"]), 4), round(float(row["long"]), 4)))

def key(d):
    return (d[:2], int(d[2:]))

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["district", "lat", "lng", "points"])
for district in sorted(points, key=key):
    pts = points[district]
    lat = sum(p[0] for p in pts) / len(pts)
    lng = sum(p[1] for p in pts) / len(pts)
    out.writerow([district, f"{lat:.5f}", f"{lng:.5f}", len(pts)])
