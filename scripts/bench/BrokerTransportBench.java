import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decision 085's evidence: Redis pub/sub against RabbitMQ's STOMP adapter, raw protocols, one JVM, 127.0.0.1 only.
 * Bounded: every run sends a fixed count at a fixed rate and waits at most 10 s for stragglers.
 *
 * <pre>
 * java scripts/bench/BrokerTransportBench.java redis|rabbit SUBSCRIBERS ROOMS RATE_PER_S SECONDS [burst]
 * </pre>
 * SUBSCRIBERS connections are spread over ROOMS rooms (a subscriber with ROOMS=0 takes every room by wildcard:
 * the "one connection per node" shape). Latency = receive time - send time, same clock (System.nanoTime).
 */
public class BrokerTransportBench {

    static final int PAD = 300;

    public static void main(String[] a) throws Exception {
        String kind = a[0];
        int subscribers = Integer.parseInt(a[1]);
        int rooms = Integer.parseInt(a[2]);
        int rate = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        boolean burst = a.length > 5 && a[5].equals("burst");
        int roomCount = Math.max(rooms, 1);
        int total = Math.min(rate * seconds, 100_000);

        // expected deliveries per message = subscribers of its room
        int[] perRoom = new int[roomCount];
        List<Sub> subs = new ArrayList<>();
        long tOpen = System.nanoTime();
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        ConcurrentLinkedQueue<long[]> lat = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        AtomicLong dup = new AtomicLong();
        for (int i = 0; i < subscribers; i++) {
            int room = rooms == 0 ? -1 : i % rooms;
            if (room < 0) { for (int r = 0; r < roomCount; r++) perRoom[r]++; } else perRoom[room]++;
            Sub s = new Sub(kind, room, total, lat, received, dup);
            s.open();
            subs.add(s);
            threads.submit(s::readLoop);
        }
        System.out.printf("  %d subscriptions open after %.1f s%n", subscribers, (System.nanoTime() - tOpen) / 1e9);
        Thread.sleep(1000); // subscriptions settle
        long expected = 0;
        for (int m = 0; m < total; m++) expected += perRoom[m % roomCount];

        Conn pub = new Conn(kind);
        pub.connect();
        threads.submit(() -> { try { while (pub.in.read() >= 0) { } } catch (IOException ignored) { } });
        long t0 = System.nanoTime();
        long periodNanos = burst ? 0 : 1_000_000_000L / rate;
        for (int m = 0; m < total; m++) {
            if (!burst) {
                long due = t0 + m * periodNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    if (wait > 200_000) Thread.sleep(0, (int) Math.min(wait - 100_000, 999_999)); else Thread.onSpinWait();
                }
            }
            int room = m % roomCount;
            pub.publish("bench.room." + room, payload(m, System.nanoTime()));
        }
        pub.flush();
        long sendEnd = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < expected && System.nanoTime() < deadline) Thread.sleep(20);
        long allIn = System.nanoTime();
        long[] all = lat.stream().mapToLong(x -> x[0]).sorted().toArray();
        System.out.printf("%s subscribers=%d rooms=%d rate=%s sent=%d expected=%d received=%d lost=%d dup=%d%n",
                kind, subscribers, rooms, burst ? "burst" : rate + "/s", total, expected, received.get(),
                expected - received.get(), dup.get());
        if (all.length > 0) {
            System.out.printf("  latency ms p50=%.2f p95=%.2f p99=%.2f max=%.2f%n",
                    p(all, 50), p(all, 95), p(all, 99), all[all.length - 1] / 1e6);
        }
        System.out.printf("  send took %.2f s; all delivered after %.2f s -> %.0f deliveries/s%n",
                (sendEnd - t0) / 1e9, (allIn - t0) / 1e9, received.get() / ((allIn - t0) / 1e9));
        for (Sub s : subs) s.close();
        pub.close();
        threads.shutdownNow();
        System.exit(0);
    }

    static double p(long[] sorted, int pct) {
        int i = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    static byte[] payload(int seq, long nanos) {
        StringBuilder b = new StringBuilder("{\"seq\":").append(seq).append(",\"t\":").append(nanos).append(",\"body\":\"");
        while (b.length() < PAD) b.append('x');
        return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static long[] parse(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8);
        int a = s.indexOf("\"seq\":") + 6, b = s.indexOf(',', a);
        int c = s.indexOf("\"t\":") + 4, d = s.indexOf(',', c);
        return new long[] {Long.parseLong(s.substring(a, b)), Long.parseLong(s.substring(c, d))};
    }

    static class Conn {
        final String kind;
        Socket socket;
        InputStream in;
        OutputStream out;

        Conn(String kind) { this.kind = kind; }

        void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", kind.equals("redis") ? 6379 : 61613), 5000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
            if (kind.equals("rabbit")) {
                out.write("CONNECT\naccept-version:1.2\nhost:/\nlogin:guest\npasscode:guest\nheart-beat:0,0\n\n\0".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Frame f = readStomp(in);
                if (!f.command.equals("CONNECTED")) throw new IOException("STOMP: " + f.command + " " + new String(f.body));
            }
        }

        void publish(String channel, byte[] body) throws IOException {
            if (kind.equals("redis")) {
                out.write(resp("PUBLISH", channel.getBytes(StandardCharsets.UTF_8), body));
            } else {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(("SEND\ndestination:/topic/" + channel + "\ncontent-type:application/json\ncontent-length:" + body.length + "\n\n").getBytes(StandardCharsets.UTF_8));
                b.writeBytes(body);
                b.write(0);
                out.write(b.toByteArray());
            }
        }

        void flush() throws IOException { out.flush(); }

        void close() { try { socket.close(); } catch (IOException ignored) { } }
    }

    static class Sub extends Conn {
        final int room;
        final ConcurrentLinkedQueue<long[]> lat;
        final AtomicLong received, dup;
        final java.util.BitSet seen;

        Sub(String kind, int room, int total, ConcurrentLinkedQueue<long[]> lat, AtomicLong received, AtomicLong dup) {
            super(kind);
            this.room = room; this.lat = lat; this.received = received; this.dup = dup;
            this.seen = new java.util.BitSet(total);
        }

        void open() throws IOException {
            connect();
            String ch = room < 0 ? "bench.room.*" : "bench.room." + room;
            if (kind.equals("redis")) {
                out.write(resp(room < 0 ? "PSUBSCRIBE" : "SUBSCRIBE", ch.getBytes(StandardCharsets.UTF_8)));
            } else {
                out.write(("SUBSCRIBE\nid:0\ndestination:/topic/" + ch + "\nack:auto\n\n\0").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        }

        void readLoop() {
            try {
                while (true) {
                    byte[] body;
                    if (kind.equals("redis")) {
                        Object[] arr = (Object[]) readResp(in);
                        String type = new String((byte[]) arr[0], StandardCharsets.UTF_8);
                        if (type.equals("message")) body = (byte[]) arr[2];
                        else if (type.equals("pmessage")) body = (byte[]) arr[3];
                        else continue;
                    } else {
                        Frame f = readStomp(in);
                        if (!f.command.equals("MESSAGE")) continue;
                        body = f.body;
                    }
                    long now = System.nanoTime();
                    long[] st = parse(body);
                    synchronized (seen) {
                        if (seen.get((int) st[0])) { dup.incrementAndGet(); continue; }
                        seen.set((int) st[0]);
                    }
                    lat.add(new long[] {now - st[1]});
                    received.incrementAndGet();
                }
            } catch (Exception closed) {
                // socket closed at the end
            }
        }
    }

    static byte[] resp(String cmd, byte[]... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + (args.length + 1) + "\r\n$" + cmd.length() + "\r\n" + cmd + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (byte[] x : args) {
            b.writeBytes(("$" + x.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            b.writeBytes(x);
            b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') { if (c < 0) throw new IOException("eof"); s.append((char) c); }
        in.read();
        return s.toString();
    }

    static Object readResp(InputStream in) throws IOException {
        String l = line(in);
        switch (l.charAt(0)) {
            case '*': {
                int n = Integer.parseInt(l.substring(1));
                Object[] arr = new Object[n];
                for (int i = 0; i < n; i++) arr[i] = readResp(in);
                return arr;
            }
            case '$': {
                int n = Integer.parseInt(l.substring(1));
                byte[] b = in.readNBytes(n);
                in.read(); in.read();
                return b;
            }
            default:
                return l.substring(1).getBytes(StandardCharsets.UTF_8);
        }
    }

    record Frame(String command, byte[] body) { }

    static Frame readStomp(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        int c;
        while ((c = in.read()) == '\n' || c == '\r') { } // heart-beats
        if (c < 0) throw new IOException("eof");
        b.write(c);
        while ((c = in.read()) != 0) { if (c < 0) throw new IOException("eof"); b.write(c); }
        byte[] all = b.toByteArray();
        int nl = indexOf(all, (byte) '\n', 0);
        int headersEnd = indexOfPair(all);
        String command = new String(all, 0, nl, StandardCharsets.UTF_8);
        byte[] body = headersEnd < 0 ? new byte[0] : Arrays.copyOfRange(all, headersEnd + 2, all.length);
        return new Frame(command, body);
    }

    static int indexOf(byte[] a, byte x, int from) {
        for (int i = from; i < a.length; i++) if (a[i] == x) return i;
        return -1;
    }

    static int indexOfPair(byte[] a) {
        for (int i = 0; i + 1 < a.length; i++) if (a[i] == '\n' && a[i + 1] == '\n') return i;
        return -1;
    }
}
