package io.github.usersession.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends one GET request as raw bytes, so that tests can send Cookie headers that HTTP client
 * libraries refuse to build (non-ASCII bytes, odd quoting). Loopback only, one connection per call.
 */
final class RawHttp {

    /** A parsed response: status, header lines ("Name: value") and the decoded body. */
    record Response(int status, List<String> headers, String body) {

        List<String> sessionSetCookies() {
            return headers.stream()
                    .filter(header -> header.toLowerCase(Locale.ROOT).startsWith("set-cookie: " + Browser.SESSION_COOKIE))
                    .map(header -> header.substring("set-cookie: ".length()))
                    .toList();
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code GET path} with the given Cookie header value.
     *
     * @param base the application's base URL (http, loopback)
     * @param path the path below the base
     * @param cookieHeader the Cookie header value, sent as UTF-8 bytes
     */
    static Response get(URL base, String path, String cookieHeader) {
        return send(base, "GET", path, "Cookie: " + cookieHeader, "");
    }

    /**
     * Sends a request with one extra header line (or none when empty) and a text body.
     *
     * @param headerLine a whole header line such as "Cookie: a=b", sent as UTF-8 bytes
     */
    static Response send(URL base, String method, String path, String headerLine, String body) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + base.getPath() + path + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Connection: close\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Length: " + bodyBytes.length + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (!headerLine.isEmpty()) {
                out.write(headerLine.getBytes(StandardCharsets.UTF_8));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(bodyBytes);
            out.flush();
            Response response = parse(socket.getInputStream().readAllBytes());
            Browser.recordSessionValues(response.sessionSetCookies());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);

        List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
        boolean chunked = headers.stream().anyMatch(h -> h.equalsIgnoreCase("Transfer-Encoding: chunked"));
        return new Response(status, headers, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return result.toByteArray();
            }
            result.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int next;
        while ((next = in.read()) != -1 && next != '\n') {
            if (next != '\r') {
                line.append((char) next);
            }
        }
        return line.toString();
    }
}
