#!/usr/bin/env python3
"""Who holds the big arrays in a heap dump (HPROF from jcmd GC.heap_dump or ChatHeapBenchmark -Dbench.heap-dump).

For every primitive array of at least MIN bytes (default 2048) it finds the objects that point at it, and the objects
that point at those (two steps up), and prints the totals per chain of classes, largest first. Enough to tell a
WebSocket's buffers from a page's HTML without a heap analyser.

    python3 scripts/heap-referrers.py /tmp/h-chat.hprof [MIN] [TABS]

TABS divides the totals (the number of tabs the benchmark opened) to give bytes per tab as well.
"""
import struct
import sys
from collections import defaultdict

SIZES = {4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
NAMES = {4: 'boolean[]', 5: 'char[]', 6: 'float[]', 7: 'double[]', 8: 'byte[]', 9: 'short[]', 10: 'int[]', 11: 'long[]'}


def records(data, id_size):
    """Yields (tag, start, end) of each heap dump sub-record, and fills strings/class names on the way."""
    pos = data.index(b'\0') + 1 + 4 + 8
    n = len(data)
    while pos < n:
        tag = data[pos]
        length = struct.unpack_from('>I', data, pos + 5)[0]
        yield tag, pos + 9, pos + 9 + length
        pos += 9 + length


def main():
    path = sys.argv[1]
    minimum = int(sys.argv[2]) if len(sys.argv) > 2 else 2048
    tabs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    with open(path, 'rb') as f:
        data = f.read()
    id_size = struct.unpack_from('>I', data, data.index(b'\0') + 1)[0]
    idf = '>Q' if id_size == 8 else '>I'
    strings, class_names = {}, {}
    layouts = {}  # class id -> (super id, [(offset size, is object)...] of its own fields)
    segments = []
    for tag, start, end in records(data, id_size):
        if tag == 0x01:
            strings[struct.unpack_from(idf, data, start)[0]] = data[start + id_size:end].decode('utf-8', 'replace')
        elif tag == 0x02:
            cid = struct.unpack_from(idf, data, start + 4)[0]
            class_names[cid] = struct.unpack_from(idf, data, start + 8 + id_size)[0]
        elif tag in (0x0C, 0x1C):
            segments.append((start, end))

    def name(cid):
        return strings.get(class_names.get(cid), '?').replace('/', '.')

    big = {}        # array id -> (description, bytes)
    instances = []  # (id, class id, start of fields, length) for every instance
    obj_arrays = []  # (id, class id, start, count)
    for start, end in segments:
        pos = start
        while pos < end:
            sub = data[pos]
            pos += 1
            if sub == 0xFF:
                pos += id_size
            elif sub == 0x01:
                pos += 2 * id_size
            elif sub in (0x02, 0x03):
                pos += id_size + 8
            elif sub in (0x04, 0x06):
                pos += id_size + 4
            elif sub in (0x05, 0x07):
                pos += id_size
            elif sub == 0x08:
                pos += id_size + 8
            elif sub == 0x20:
                cid = struct.unpack_from(idf, data, pos)[0]
                sup = struct.unpack_from(idf, data, pos + id_size + 4)[0]
                pos += 7 * id_size + 4 + 4
                (cp,) = struct.unpack_from('>H', data, pos)
                pos += 2
                for _ in range(cp):
                    t = data[pos + 2]
                    pos += 3 + (id_size if t == 2 else SIZES[t])
                (st,) = struct.unpack_from('>H', data, pos)
                pos += 2
                for _ in range(st):
                    t = data[pos + id_size]
                    pos += id_size + 1 + (id_size if t == 2 else SIZES[t])
                (fc,) = struct.unpack_from('>H', data, pos)
                pos += 2
                fields = []
                for _ in range(fc):
                    t = data[pos + id_size]
                    fields.append((id_size if t == 2 else SIZES[t], t == 2))
                    pos += id_size + 1
                layouts[cid] = (sup, fields)
            elif sub == 0x21:
                oid = struct.unpack_from(idf, data, pos)[0]
                cid = struct.unpack_from(idf, data, pos + id_size + 4)[0]
                (length,) = struct.unpack_from('>I', data, pos + 2 * id_size + 4)
                body = pos + 2 * id_size + 8
                instances.append((oid, cid, body))
                pos = body + length
            elif sub == 0x22:
                oid = struct.unpack_from(idf, data, pos)[0]
                (count,) = struct.unpack_from('>I', data, pos + id_size + 4)
                cid = struct.unpack_from(idf, data, pos + id_size + 8)[0]
                body = pos + 2 * id_size + 8
                obj_arrays.append((oid, cid, body, count))
                pos = body + count * id_size
            elif sub == 0x23:
                oid = struct.unpack_from(idf, data, pos)[0]
                (count,) = struct.unpack_from('>I', data, pos + id_size + 4)
                t = data[pos + id_size + 8]
                size = count * SIZES[t]
                if size >= minimum:
                    big[oid] = (NAMES[t], size)
                pos += id_size + 9 + size
            else:
                raise SystemExit('unknown sub-record %x at %d' % (sub, pos))

    offsets = {}  # class id -> offsets of object fields in an instance's bytes (own fields first, then super's)

    def object_offsets(cid):
        if cid in offsets:
            return offsets[cid]
        result, at, c = [], 0, cid
        while c in layouts:
            sup, fields = layouts[c]
            for size, is_object in fields:
                if is_object:
                    result.append(at)
                at += size
            c = sup
        offsets[cid] = result
        return result

    def referrers(targets):
        found = defaultdict(list)  # target id -> [(referrer id, referrer class)]
        for oid, cid, body in instances:
            for off in object_offsets(cid):
                ref = struct.unpack_from(idf, data, body + off)[0]
                if ref in targets:
                    found[ref].append((oid, name(cid)))
        for oid, cid, body, count in obj_arrays:
            for i in range(count):
                ref = struct.unpack_from(idf, data, body + i * id_size)[0]
                if ref in targets:
                    found[ref].append((oid, name(cid)))
        return found

    first = referrers(big)
    holders = {r for refs in first.values() for r, _ in refs}
    second = referrers(holders)
    totals = defaultdict(lambda: [0, 0])
    for aid, (kind, size) in big.items():
        refs = first.get(aid) or [(None, '(no referrer)')]
        rid, rname = refs[0]
        up = second.get(rid) or [(None, '')]
        key = '%s <- %s <- %s' % (kind, rname, up[0][1])
        totals[key][0] += 1
        totals[key][1] += size
    print('arrays of %d bytes or more: %d, %.1f KB in all (%.1f KB per tab)' % (
        minimum, len(big), sum(s for _, s in big.values()) / 1024, sum(s for _, s in big.values()) / 1024 / tabs))
    for key, (count, size) in sorted(totals.items(), key=lambda kv: -kv[1][1])[:40]:
        print('%10.1f KB %8.1f KB/tab %6d  %s' % (size / 1024, size / 1024 / tabs, count, key))


if __name__ == '__main__':
    main()
