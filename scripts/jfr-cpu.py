#!/usr/bin/env python3
"""CPU samples of a JFR recording, aggregated: share per thread group, then, for the chosen thread group, the
methods most often on the stack (inclusive) and on top (self). Used for the chat and booking profiles.

  jfr print --json --stack-depth 96 --events jdk.ExecutionSample rec.jfr > samples.json
  scripts/jfr-cpu.py samples.json [thread-prefix] [filter-substring]
"""
import json, re, sys
from collections import Counter

data = json.load(open(sys.argv[1]))
prefix = sys.argv[2] if len(sys.argv) > 2 else None
needle = sys.argv[3] if len(sys.argv) > 3 else None
events = data["recording"]["events"]
# LAST_SECONDS=n keeps only the samples of the recording's last n seconds (the measured part, not the start-up)
import os
from datetime import datetime
def at(e):
    return datetime.fromisoformat(e["values"]["startTime"].replace("Z", "+00:00")).timestamp()
if os.environ.get("LAST_SECONDS"):
    end = max(at(e) for e in events)
    events = [e for e in events if at(e) >= end - float(os.environ["LAST_SECONDS"])]
groups, incl, self_ = Counter(), Counter(), Counter()
chosen = 0
for e in events:
    v = e["values"]
    name = (v.get("sampledThread") or {}).get("javaName") or "?"
    group = re.sub(r"[-#]?\d+$", "", name)
    groups[group] += 1
    if prefix and not name.startswith(prefix):
        continue
    frames = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in (v.get("stackTrace") or {}).get("frames", [])]
    if needle and not any(needle in f for f in frames):
        continue
    chosen += 1
    if frames:
        self_[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
total = sum(groups.values())
print(f"{total} samples")
for g, n in groups.most_common(15):
    print(f"  {100*n/total:5.1f}%  {g}")
if prefix:
    print(f"\n{chosen} samples in {prefix}{' with ' + needle if needle else ''}; inclusive:")
    for f, n in incl.most_common(int(os.environ.get("TOP", "60"))):
        print(f"  {100*n/max(chosen,1):5.1f}%  {f}")
    print("self:")
    for f, n in self_.most_common(25):
        print(f"  {100*n/max(chosen,1):5.1f}%  {f}")
