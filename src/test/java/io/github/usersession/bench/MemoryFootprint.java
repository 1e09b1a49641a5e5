package io.github.usersession.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;

import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.state.SessionIds;
import io.github.usersession.store.memory.MemoryStore;
import io.github.usersession.testing.TestSettings;

/**
 * Measures the heap that the memory store retains for many sessions, and prints which classes
 * take it.
 *
 * <p>Each session is a signed-in user's, as a request that signed in and wrote keys saves it: a
 * 43-character ID, a 12-character user ID, four attributes that take 200 bytes as JSON
 * (keys shared by all sessions, values of 39 or 40 random characters of their own), no flashes,
 * and two {@code Instant}s of its own. The retained heap is the used heap after a full GC with
 * the store filled, minus the same before.
 *
 * <p>Arguments: the number of sessions, 1,000,000 when absent. HotSpot only: the class histogram
 * comes from its {@code GC.class_histogram} diagnostic command.
 */
public final class MemoryFootprint {

    private static final int DEFAULT_SESSIONS = 1_000_000;
    private static final int ATTRIBUTE_JSON_BYTES = 200;
    private static final long GOAL_BYTES = 600_000_000L;
    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    private static final int HISTOGRAM_ROWS = 12;

    /** A histogram row: rank, instances, bytes, class name. */
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private MemoryFootprint() {
    }

    public static void main(String[] args) throws JMException {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SESSIONS;
        MemoryStore store = new MemoryStore(TestSettings.read(Map.of("usersession.memory.max-sessions",
                Integer.toString(sessions))));

        Map<String, long[]> histogramBefore = classHistogram();
        long before = usedHeapAfterFullGc();
        fill(store, sessions);
        long after = usedHeapAfterFullGc();
        Map<String, long[]> histogramAfter = classHistogram();

        if (store.size() != sessions) {
            throw new IllegalStateException("The memory store contains " + store.size() + " sessions, expected "
                    + sessions);
        }
        printJvm();
        printRetained(after - before, sessions);
        printLargestGrowth(histogramBefore, histogramAfter, sessions);
        Reference.reachabilityFence(store);
    }

    private static void fill(MemoryStore store, int sessions) {
        Random random = new Random(sessions);
        long startMillis = START.toEpochMilli();
        for (int i = 0; i < sessions; i++) {
            Map<String, String> attributes = SessionData.attributes(ATTRIBUTE_JSON_BYTES, random);
            // Two objects, as a session written after its creation has. Both have the same time,
            // so no session is old enough for the store's sweep to remove it.
            Instant created = Instant.ofEpochMilli(startMillis);
            Instant written = Instant.ofEpochMilli(startMillis);
            StoredSession session = new StoredSession(SessionIds.newId(), String.format("user-%07d", i), attributes,
                    List.of(), created, written);
            store.save(new SessionChanges(null, session, attributes, Set.of(), true, List.of(), List.of()), written);
        }
    }

    /** Runs full GCs until the used heap stops shrinking, and returns it in bytes. */
    private static long usedHeapAfterFullGc() {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static void printJvm() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        System.out.printf("JVM: %s %s, %d processors, max heap %d MiB, compressed oops %s, GC %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                hotSpot.getVMOption("UseCompressedOops").getValue(),
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
    }

    private static void printRetained(long retained, int sessions) {
        System.out.printf("Sessions: %,d with %d bytes of attributes as JSON each%n", sessions, ATTRIBUTE_JSON_BYTES);
        System.out.printf("Retained heap: %,d bytes (%.1f MB, %.1f MiB), %,d bytes per session%n",
                retained, retained / 1e6, retained / (double) (1 << 20), retained / sessions);
        double forMillion = retained * (1_000_000.0 / sessions);
        System.out.printf("Goal: at most %,d bytes for 1,000,000 sessions: %s (%.0f%% of the goal)%n", GOAL_BYTES,
                forMillion <= GOAL_BYTES ? "met" : "missed", 100 * forMillion / GOAL_BYTES);
    }

    /** Prints the classes whose instances grew the most, per session. */
    private static void printLargestGrowth(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        System.out.printf("%-50s %16s %14s %12s%n", "Class", "instances added", "bytes added", "bytes/session");
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), grow(entry.getValue(), before.get(entry.getKey()))))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(HISTOGRAM_ROWS)
                .forEach(entry -> System.out.printf("%-50s %,16d %,14d %12.1f%n", entry.getKey(),
                        entry.getValue()[0], entry.getValue()[1], entry.getValue()[1] / (double) sessions));
    }

    private static long[] grow(long[] after, long[] before) {
        return before == null ? after : new long[] {after[0] - before[0], after[1] - before[1]};
    }

    /**
     * Returns the live objects by class name: instances and bytes. The diagnostic command runs a
     * full GC first.
     */
    private static Map<String, long[]> classHistogram() throws JMException {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Map<String, long[]> histogram = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.find()) {
                histogram.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return histogram;
    }
}
