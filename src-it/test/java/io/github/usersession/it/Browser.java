package io.github.usersession.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An HTTP client with a cookie jar that does not follow redirects, so that tests see each
 * response as a browser receives it.
 */
final class Browser {

    static final String SESSION_COOKIE = "app_session";

    private final URL base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Browser(URL base) {
        this.base = base;
        // HTTP/1.1 as browsers speak it over plain HTTP: no upgrade to cleartext HTTP/2 (h2c).
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Sends a GET with a raw Cookie header and without the jar's cookies. */
    RawHttp.Response getWithCookieHeader(String path, String cookieHeader) {
        return RawHttp.get(base, path, cookieHeader);
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** Follows the Location header of a redirect response. */
    HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header in a " + redirect.statusCode() + " response"));
        return send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30)).GET());
    }

    /** The session cookie's value in the jar, if the jar has one. */
    Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Remembers written session values (not expiries), for the server log check. */
    static void recordSessionValues(List<String> setCookies) {
        setCookies.stream()
                .map(header -> header.substring(header.indexOf('=') + 1, header.indexOf(';')))
                .filter(value -> !value.isEmpty())
                .forEach(ServerLog.SEEN_SESSION_VALUES::add);
    }

    /** Sends a PUT with extra request headers, given as name and value pairs. */
    HttpResponse<String> putText(String path, String text, String... headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The Set-Cookie headers of a response that set the session cookie. */
    static List<String> sessionSetCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(SESSION_COOKIE + "=") || header.startsWith(SESSION_COOKIE + "."))
                .toList();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.toString() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            recordSessionValues(sessionSetCookies(response));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
