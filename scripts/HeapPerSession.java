import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each live session holds in a heap dump, by what holds it (decision 089). Reads an HPROF file (from
 * ChatHeapBenchmark -Dbench.heap-dump=FILE or jcmd GC.heap_dump) without a heap analyser:
 * <ol>
 * <li>everything reachable from the GC roots without passing through a "holder" (an instance of one of the holder
 *     classes below) is shared: it is there however many pages are open;</li>
 * <li>every holder then claims, in the order of the list, what it reaches that is not shared and not claimed yet.</li>
 * </ol>
 * The totals per holder class, divided by the number of holders, are what one more of them costs, and the classes
 * inside show where it goes. Sizes are estimated as HotSpot lays objects out with compressed pointers (12-byte
 * header, 4-byte references, 8-byte alignment).
 *
 * <pre>java scripts/HeapPerSession.java /tmp/chat.hprof TABS [TOP] [holder classes, comma separated]
 *      java scripts/HeapPerSession.java /tmp/chat.hprof path=CLASS [N]    (what keeps the first N instances)
 *      java scripts/HeapPerSession.java /tmp/chat.hprof pathx=CLASS [N]   (the same, not through a holder)
 *      java scripts/HeapPerSession.java /tmp/chat.hprof grep=TEXT         (instances of the classes named so)</pre>
 */
public class HeapPerSession {

    static final String[] DEFAULT_HOLDERS = {
            "org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper",
            "org.apache.tomcat.websocket.WsSession",
            "org.atmosphere.cpr.AtmosphereResourceImpl",
            "com.vaadin.flow.component.UI",
            "com.vaadin.flow.component.Component",
            "com.vaadin.flow.internal.StateTree",
            "com.vaadin.flow.spring.SpringVaadinSession",
            "com.vaadin.flow.server.VaadinSession",
            "org.apache.catalina.session.StandardSession",
    };

    ByteBuffer data;
    int idSize;
    Map<Long, String> strings = new HashMap<>();
    Map<Long, String> classNames = new HashMap<>();
    /** class id -> [super id, instance field types...] */
    Map<Long, long[]> superOf = new HashMap<>();
    Map<Long, byte[]> fieldTypes = new HashMap<>();
    long[] ids = new long[1 << 20];
    long[] offsets = new long[1 << 20];
    int count;
    List<Long> roots = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        var h = new HeapPerSession();
        int tabs = args.length > 1 && !args[1].contains("=") ? Integer.parseInt(args[1]) : 1;
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        String[] holders = args.length > 3 ? args[3].split(",") : DEFAULT_HOLDERS;
        h.read(args[0]);
        if (args.length > 1 && args[1].startsWith("path=")) {
            h.path(args[1].substring(5), args.length > 2 ? Integer.parseInt(args[2]) : 3, null);
            return;
        }
        if (args.length > 1 && args[1].startsWith("pathx=")) {
            // the same, not through a holder: what makes a holder's part look shared
            h.path(args[1].substring(6), args.length > 2 ? Integer.parseInt(args[2]) : 3, h.holderRanks(DEFAULT_HOLDERS));
            return;
        }
        if (args.length > 1 && args[1].startsWith("grep=")) {
            h.grep(args[1].substring(5));
            return;
        }
        h.analyse(holders, top, tabs);
    }

    long id(int pos) {
        return idSize == 8 ? data.getLong(pos) : data.getInt(pos) & 0xffffffffL;
    }

    static int size(int type, int idSize) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("type " + type);
        };
    }

    void read(String path) throws IOException {
        try (var file = new RandomAccessFile(path, "r"); var channel = file.getChannel()) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IllegalStateException("dump over 2 GB");
            }
            data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        int pos = 0;
        while (data.get(pos) != 0) {
            pos++;
        }
        pos++;
        idSize = data.getInt(pos);
        pos += 4 + 8;
        int end = data.limit();
        while (pos < end) {
            int tag = data.get(pos) & 0xff;
            int length = data.getInt(pos + 5);
            int start = pos + 9;
            if (tag == 0x01) {
                byte[] b = new byte[length - idSize];
                data.get(start + idSize, b);
                strings.put(id(start), new String(b, java.nio.charset.StandardCharsets.UTF_8));
            } else if (tag == 0x02) {
                classNames.put(id(start + 4), "" + id(start + 8 + idSize));
            } else if (tag == 0x0C || tag == 0x1C) {
                segment(start, start + length);
            }
            pos = start + length;
        }
        classNames.replaceAll((k, v) -> strings.getOrDefault(Long.parseLong(v), "?").replace('/', '.'));
        // sort objects by id for lookups
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        long[] sortedIds = new long[count];
        long[] sortedOffsets = new long[count];
        for (int i = 0; i < count; i++) {
            sortedIds[i] = ids[order[i]];
            sortedOffsets[i] = offsets[order[i]];
        }
        ids = sortedIds;
        offsets = sortedOffsets;
        System.out.printf("%d objects, %d classes, %d roots%n", count, classNames.size(), roots.size());
    }

    void add(long id, int offset) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        ids[count] = id;
        offsets[count++] = offset;
    }

    void segment(int pos, int end) {
        while (pos < end) {
            int sub = data.get(pos) & 0xff;
            pos++;
            switch (sub) {
                case 0xFF -> { roots.add(id(pos)); pos += idSize; }
                case 0x01 -> { roots.add(id(pos)); pos += 2 * idSize; }
                case 0x02, 0x03 -> { roots.add(id(pos)); pos += idSize + 8; }
                case 0x04, 0x06 -> { roots.add(id(pos)); pos += idSize + 4; }
                case 0x05, 0x07 -> { roots.add(id(pos)); pos += idSize; }
                case 0x08 -> { roots.add(id(pos)); pos += idSize + 8; }
                case 0x20 -> {
                    int start = pos;
                    long cid = id(pos);
                    long sup = id(pos + idSize + 4);
                    pos += idSize + 4 + 6 * idSize + 4;
                    int cp = data.getShort(pos) & 0xffff;
                    pos += 2;
                    for (int i = 0; i < cp; i++) {
                        int t = data.get(pos + 2);
                        pos += 3 + size(t, idSize);
                    }
                    int statics = data.getShort(pos) & 0xffff;
                    pos += 2;
                    for (int i = 0; i < statics; i++) {
                        int t = data.get(pos + idSize);
                        if (t == 2) {
                            // statics are reached through the class: treat them as roots (classes are not freed here)
                            roots.add(id(pos + idSize + 1));
                        }
                        pos += idSize + 1 + size(t, idSize);
                    }
                    int fields = data.getShort(pos) & 0xffff;
                    pos += 2;
                    byte[] types = new byte[fields];
                    for (int i = 0; i < fields; i++) {
                        types[i] = data.get(pos + idSize);
                        pos += idSize + 1;
                    }
                    superOf.put(cid, new long[] {sup});
                    fieldTypes.put(cid, types);
                    add(cid, -start); // classes: negative offsets, not sized
                }
                case 0x21 -> {
                    add(id(pos), pos);
                    int n = data.getInt(pos + idSize + 4 + idSize);
                    pos += idSize + 4 + idSize + 4 + n;
                }
                case 0x22 -> {
                    add(id(pos), pos);
                    int n = data.getInt(pos + idSize + 4);
                    pos += idSize + 4 + 4 + idSize + n * idSize;
                }
                case 0x23 -> {
                    add(id(pos), pos);
                    int n = data.getInt(pos + idSize + 4);
                    int t = data.get(pos + idSize + 8);
                    pos += idSize + 4 + 4 + 1 + n * size(t, idSize);
                }
                default -> throw new IllegalStateException("sub-record " + Integer.toHexString(sub) + " at " + pos);
            }
        }
    }

    int index(long id) {
        int i = Arrays.binarySearch(ids, 0, count, id);
        return i < 0 ? -1 : i;
    }

    /** Class name of object i (instances: their class; arrays: the array type). */
    String type(int i) {
        long off = offsets[i];
        if (off < 0) {
            return "(class)";
        }
        int pos = (int) off;
        int sub = data.get(pos - 1) & 0xff;
        return switch (sub) {
            case 0x21 -> classNames.getOrDefault(id(pos + idSize + 4), "?");
            case 0x22 -> classNames.getOrDefault(id(pos + idSize + 8), "Object[]");
            default -> switch (data.get(pos + idSize + 8)) {
                case 4 -> "boolean[]";
                case 5 -> "char[]";
                case 6 -> "float[]";
                case 7 -> "double[]";
                case 8 -> "byte[]";
                case 9 -> "short[]";
                case 10 -> "int[]";
                default -> "long[]";
            };
        };
    }

    long shallow(int i) {
        long off = offsets[i];
        if (off < 0) {
            return 0;
        }
        int pos = (int) off;
        int sub = data.get(pos - 1) & 0xff;
        long bytes;
        if (sub == 0x21) {
            long cid = id(pos + idSize + 4);
            bytes = 12;
            for (long c = cid; c != 0 && fieldTypes.containsKey(c); c = superOf.get(c)[0]) {
                for (byte t : fieldTypes.get(c)) {
                    bytes += t == 2 ? 4 : size(t, idSize);
                }
            }
        } else if (sub == 0x22) {
            bytes = 16 + 4L * data.getInt(pos + idSize + 4);
        } else {
            int t = data.get(pos + idSize + 8);
            bytes = 16 + (long) data.getInt(pos + idSize + 4) * size(t, idSize);
        }
        return (bytes + 7) & ~7L;
    }

    /** Calls out for every object object i points at. */
    void refs(int i, java.util.function.IntConsumer out) {
        long off = offsets[i];
        if (off < 0) {
            return;
        }
        int pos = (int) off;
        int sub = data.get(pos - 1) & 0xff;
        if (sub == 0x21) {
            long cid = id(pos + idSize + 4);
            int p = pos + idSize + 4 + idSize + 4;
            for (long c = cid; c != 0 && fieldTypes.containsKey(c); c = superOf.get(c)[0]) {
                for (byte t : fieldTypes.get(c)) {
                    if (t == 2) {
                        long target = id(p);
                        if (target != 0) {
                            int j = index(target);
                            if (j >= 0) {
                                out.accept(j);
                            }
                        }
                    }
                    p += size(t, idSize);
                }
            }
        } else if (sub == 0x22) {
            int n = data.getInt(pos + idSize + 4);
            int p = pos + idSize + 8 + idSize;
            for (int k = 0; k < n; k++, p += idSize) {
                long target = id(p);
                if (target != 0) {
                    int j = index(target);
                    if (j >= 0) {
                        out.accept(j);
                    }
                }
            }
        }
    }

    Map<Long, Integer> holderRanks(String[] holderNames) {
        var holderRank = new HashMap<String, Integer>();
        for (int k = 0; k < holderNames.length; k++) {
            holderRank.put(holderNames[k], k);
        }
        var rankOfClass = new HashMap<Long, Integer>();
        for (var e : classNames.entrySet()) {
            for (long c = e.getKey(); c != 0 && superOf.containsKey(c); c = superOf.get(c)[0]) {
                Integer r = holderRank.get(classNames.get(c));
                if (r != null) {
                    rankOfClass.put(e.getKey(), r);
                    break;
                }
            }
        }
        return rankOfClass;
    }

    void analyse(String[] holderNames, int top, int tabs) {
        var holderRank = new HashMap<String, Integer>();
        for (int k = 0; k < holderNames.length; k++) {
            holderRank.put(holderNames[k], k);
        }
        // the rank of each object's class as a holder (instances only; subclasses of a holder count as it)
        var rankOfClass = new HashMap<Long, Integer>();
        for (var e : classNames.entrySet()) {
            for (long c = e.getKey(); c != 0 && superOf.containsKey(c); c = superOf.get(c)[0]) {
                Integer r = holderRank.get(classNames.get(c));
                if (r != null) {
                    rankOfClass.put(e.getKey(), r);
                    break;
                }
            }
        }
        int[] holderOf = new int[count];
        Arrays.fill(holderOf, -2); // -2 unseen, -1 shared, k claimed by holder k
        var holders = new ArrayList<List<Integer>>();
        for (int k = 0; k < holderNames.length; k++) {
            holders.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            if (offsets[i] > 0 && (data.get((int) offsets[i] - 1) & 0xff) == 0x21) {
                Integer r = rankOfClass.get(id((int) offsets[i] + idSize + 4));
                if (r != null) {
                    holders.get(r).add(i);
                }
            }
        }
        // shared: from the roots, not through a holder
        var stack = new int[1 << 16];
        int[] sp = {0};
        int[][] st = {stack};
        java.util.function.IntConsumer push = j -> {
            if (holderOf[j] == -2 && !isHolder(j, rankOfClass)) {
                holderOf[j] = -1;
                if (sp[0] == st[0].length) {
                    st[0] = Arrays.copyOf(st[0], st[0].length * 2);
                }
                st[0][sp[0]++] = j;
            }
        };
        for (long r : roots) {
            int j = index(r);
            if (j >= 0) {
                push.accept(j);
            }
        }
        while (sp[0] > 0) {
            refs(st[0][--sp[0]], push);
        }
        long sharedBytes = 0;
        for (int i = 0; i < count; i++) {
            if (holderOf[i] == -1) {
                sharedBytes += shallow(i);
            }
        }
        System.out.printf("shared (reachable without a holder): %.1f MB%n", sharedBytes / 1048576.0);
        long all = 0;
        for (int k = 0; k < holderNames.length; k++) {
            final int rank = k;
            var perClass = new HashMap<String, long[]>();
            long total = 0;
            int n = holders.get(k).size();
            for (int h : holders.get(k)) {
                if (holderOf[h] != -2) {
                    continue; // claimed by an earlier holder (one holder inside another)
                }
                holderOf[h] = rank;
                sp[0] = 0;
                st[0][sp[0]++] = h;
                while (sp[0] > 0) {
                    int o = st[0][--sp[0]];
                    long s = shallow(o);
                    total += s;
                    var c = perClass.computeIfAbsent(type(o), x -> new long[2]);
                    c[0]++;
                    c[1] += s;
                    refs(o, j -> {
                        if (holderOf[j] == -2 && !isHolder(j, rankOfClass)) {
                            holderOf[j] = rank;
                            if (sp[0] == st[0].length) {
                                st[0] = Arrays.copyOf(st[0], st[0].length * 2);
                            }
                            st[0][sp[0]++] = j;
                        }
                    });
                }
            }
            if (n == 0) {
                continue;
            }
            all += total;
            System.out.printf("%n%s: %d of them, %.1f KB in all, %.1f KB per tab; the largest parts, per tab:%n",
                    holderNames[k], n, total / 1024.0, total / 1024.0 / tabs);
            perClass.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                    .forEach(e -> System.out.printf("  %8.1f KB %8.1f objects  %s%n", e.getValue()[1] / 1024.0 / tabs,
                            e.getValue()[0] / (double) tabs, e.getKey()));
        }
        System.out.printf("%nall holders: %.1f KB per tab%n", all / 1024.0 / tabs);
    }

    /** Shortest paths from the GC roots to the first few instances of a class (what keeps them). */
    void path(String className, int howMany, Map<Long, Integer> avoid) {
        int[] parent = new int[count];
        Arrays.fill(parent, -2);
        int[] queue = new int[count];
        int head = 0, tail = 0;
        for (long r : roots) {
            int j = index(r);
            if (j >= 0 && parent[j] == -2) {
                parent[j] = -1;
                queue[tail++] = j;
            }
        }
        int shown = 0;
        while (head < tail && shown < howMany) {
            int o = queue[head++];
            if (type(o).equals(className)) {
                shown++;
                System.out.println("path to " + className + ":");
                for (int k = o; k >= 0; k = parent[k]) {
                    System.out.println("   " + type(k) + " @" + Long.toHexString(ids[k]));
                }
            }
            final int from = o;
            int[] t = {tail};
            refs(o, j -> {
                if (parent[j] == -2 && (avoid == null || !isHolder(j, avoid))) {
                    parent[j] = from;
                    queue[t[0]++] = j;
                }
            });
            tail = t[0];
        }
    }

    /** Instances and shallow bytes of the classes whose names contain the text. */
    void grep(String text) {
        var found = new java.util.TreeMap<String, long[]>();
        for (int i = 0; i < count; i++) {
            String t = type(i);
            if (t.contains(text)) {
                var c = found.computeIfAbsent(t, x -> new long[2]);
                c[0]++;
                c[1] += shallow(i);
            }
        }
        found.forEach((t, c) -> System.out.printf("%8d %10d  %s%n", c[0], c[1], t));
    }

    boolean isHolder(int i, Map<Long, Integer> rankOfClass) {
        long off = offsets[i];
        if (off <= 0 || (data.get((int) off - 1) & 0xff) != 0x21) {
            return false;
        }
        return rankOfClass.containsKey(id((int) off + idSize + 4));
    }
}
