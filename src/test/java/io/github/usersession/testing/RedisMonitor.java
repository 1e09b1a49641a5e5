package io.github.usersession.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the commands Redis executes, with its MONITOR command on a connection of its own, so
 * that tests can count round trips. Loopback only.
 */
public final class RedisMonitor implements AutoCloseable {

    private final Socket socket;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    public RedisMonitor() {
        URI uri = URI.create(TestRedis.uri());
        try {
            socket = new Socket(uri.getHost(), uri.getPort());
            OutputStream out = socket.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String ok = in.readLine();
            if (!"+OK".equals(ok)) {
                throw new IllegalStateException("MONITOR answered " + ok);
            }
            reader = new Thread(() -> read(in), "redis-monitor");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The socket closed.
        }
    }

    /**
     * Returns the commands that clients sent and whose text contains the marker (for example a key
     * prefix). Commands that scripts run inside Redis ({@code [0 lua]}) are left out: they cost no
     * round trip.
     */
    public List<String> commandsContaining(String marker) {
        return lines.stream().filter(line -> line.contains(marker) && !line.contains(" lua]")).toList();
    }

    /** Waits until a command containing the marker was seen, at most 10 seconds. */
    public void awaitCommand(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (commandsContaining(marker).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
