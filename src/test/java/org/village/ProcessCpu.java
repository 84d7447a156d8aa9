package org.village;

/** CPU used so far by this JVM and by its embedded database server, for benchmarks' CPU-per-unit figures. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** This JVM's CPU time so far, in nanoseconds. */
    public static long portalNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ticks (10 ms) used so far by the embedded database server (a child process of this JVM). */
    public static long databaseTicks() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
                .mapToLong(p -> {
                    try {
                        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    } catch (java.io.IOException | RuntimeException e) {
                        return 0;
                    }
                }).sum();
    }
}
