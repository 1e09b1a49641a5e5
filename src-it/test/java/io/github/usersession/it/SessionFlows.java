package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's flows over real HTTP, shared by the integration tests of every store. Each test
 * starts with an empty cookie jar.
 */
abstract class SessionFlows {

    static final String LOGIN = "app/login";
    static final String HOME = "app/";
    static final String API_SESSION = "app/api/session";

    @ArquillianResource
    URL base;

    Browser browser;

    @AfterAll
    static void serverLogHasNoSecretsOrSessionIds() {
        ServerLog.assertNoSecretsOrSessionIds(CookieStoreIT.SECRET, KeyRotationIT.OLD_SECRET, KeyRotationIT.NEW_SECRET);
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser(base);
    }

    HttpResponse<String> login() {
        HttpResponse<String> response = browser.postForm(LOGIN, Map.of("username", "alice", "password", "wonderland"));
        assertThat(response.statusCode()).isEqualTo(303);
        return response;
    }

    static long flashCount(HttpResponse<String> page, String message) {
        return page.body().lines().filter(line -> line.contains("data-flash") && line.contains(message)).count();
    }

    @Test
    void guestRequestsWriteNoCookie() {
        HttpResponse<String> page = browser.get(HOME);
        HttpResponse<String> json = browser.get(API_SESSION);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You are a guest.");
        assertThat(Browser.sessionSetCookies(page)).isEmpty();
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(Browser.sessionSetCookies(json)).isEmpty();
    }

    @Test
    void loginSetsSecureDefaultCookie() {
        HttpResponse<String> response = login();

        List<String> setCookies = Browser.sessionSetCookies(response);
        assertThat(setCookies).hasSize(1);
        assertThat(setCookies.get(0))
                .contains("; Path=" + base.getPath().replaceAll("/$", ""))
                .contains("; Max-Age=2592000")
                .contains("; HttpOnly")
                .contains("; SameSite=Lax")
                .doesNotContain("Secure;")
                .doesNotContain("Domain=");
    }

    @Test
    void rawSetCookieHeaderIsExactlyOurs() {
        RawHttp.Response put = RawHttp.send(base, "PUT", "app/api/values/color", "", "red");
        RawHttp.Response logout = RawHttp.send(base, "DELETE", "app/api/session", "Cookie: "
                + put.sessionSetCookies().get(0).split(";")[0], "");
        String path = base.getPath().replaceAll("/$", "");

        assertThat(put.sessionSetCookies()).singleElement().asString()
                .matches("app_session=[A-Za-z0-9_.-]+; Path=" + path + "; Max-Age=2592000; HttpOnly; SameSite=Lax");
        assertThat(logout.sessionSetCookies()).singleElement().asString()
                .isEqualTo("app_session=; Path=" + path + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT;"
                        + " HttpOnly; SameSite=Lax");
    }

    @Test
    void welcomeFlashShowsOnceAfterRedirect() {
        HttpResponse<String> redirect = login();

        HttpResponse<String> firstPage = browser.follow(redirect);
        HttpResponse<String> reload = browser.get(HOME);

        assertThat(firstPage.body()).contains("Signed in as <strong>alice</strong>");
        assertThat(flashCount(firstPage, "Welcome!")).isEqualTo(1);
        assertThat(flashCount(reload, "Welcome!")).isZero();
        assertThat(reload.body()).contains("Signed in as <strong>alice</strong>");
    }

    @Test
    void flashSurvivesJsonRequestInBetween() {
        login();

        HttpResponse<String> json = browser.get(API_SESSION);
        HttpResponse<String> page = browser.get(HOME);

        assertThat(json.body()).contains("\"userId\":\"alice\"");
        assertThat(Browser.sessionSetCookies(json)).isEmpty();
        assertThat(flashCount(page, "Welcome!")).isEqualTo(1);
    }

    @Test
    void putGetDeleteRoundTrip() {
        String value = "red \"quoted\" ü 😀";

        HttpResponse<String> put = browser.putText("app/api/values/color", value);
        HttpResponse<String> get = browser.get("app/api/values/color");
        HttpResponse<String> delete = browser.delete("app/api/values/color");
        HttpResponse<String> afterDelete = browser.get("app/api/values/color");

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(Browser.sessionSetCookies(put)).hasSize(1);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(value);
        assertThat(Browser.sessionSetCookies(get)).isEmpty();
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(afterDelete.statusCode()).isEqualTo(404);
    }

    @Test
    void preferenceShowsOnPage() {
        browser.postForm("app/color", Map.of("color", "teal"));

        HttpResponse<String> page = browser.get(HOME);

        assertThat(page.body()).contains("Color: teal");
        assertThat(flashCount(page, "Color preference saved.")).isEqualTo(1);
    }

    @Test
    void typedObjectRoundTrip() {
        browser.postForm("app/cart", Map.of("item", "apple"));
        browser.postForm("app/cart", Map.of("item", "pear"));

        HttpResponse<String> json = browser.get(API_SESSION);
        HttpResponse<String> page = browser.get(HOME);

        assertThat(json.body()).contains("\"cart\":[\"apple\",\"pear\"]");
        assertThat(page.body()).contains("<li>apple</li>").contains("<li>pear</li>");
    }

    @Test
    void logoutExpiresCookieWithSameAttributes() {
        HttpResponse<String> loginResponse = login();
        browser.follow(loginResponse);

        HttpResponse<String> logout = browser.postForm("app/logout", Map.of());
        List<String> setCookies = Browser.sessionSetCookies(logout);
        HttpResponse<String> json = browser.get(API_SESSION);

        assertThat(setCookies).hasSize(1);
        assertThat(json.body()).contains("\"guest\":true");
        String written = Browser.sessionSetCookies(loginResponse).get(0);
        assertThat(attributesWithout(setCookies.get(0), "Max-Age")).isEqualTo(attributesWithout(written, "Max-Age"));
        assertThat(json.body()).doesNotContain("alice");
    }

    /** Keeps the attributes of a Set-Cookie header, without its value, Max-Age and Expires. */
    static List<String> attributesWithout(String setCookie, String dropped) {
        return List.of(setCookie.split("; ")).stream()
                .skip(1)
                .filter(attribute -> !attribute.startsWith(dropped + "=") && !attribute.startsWith("Expires="))
                .toList();
    }

    @Test
    void malformedCookiesMeanGuestNeverError() {
        List<String> badValues = List.of(
                "x",
                "not-a-session-%%%",
                "\"quoted\"",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
                "Zm9v,YmFy",
                "a=b=c",
                "a".repeat(5000));

        for (String bad : badValues) {
            RawHttp.Response response = browser.getWithCookieHeader(API_SESSION, "app_session=" + bad);

            assertThat(response.status()).as("status for cookie %s", bad).isEqualTo(200);
            assertThat(response.body()).as("body for cookie %s", bad).contains("\"guest\":true");
        }
    }

    @Test
    void firstValidOfDuplicateCookiesWins() {
        login();
        String value = browser.sessionCookie().orElseThrow();

        RawHttp.Response validFirst = browser.getWithCookieHeader(API_SESSION, "app_session=" + value + "; app_session=forged");
        RawHttp.Response forgedFirst = browser.getWithCookieHeader(API_SESSION, "app_session=forged; app_session=" + value);

        assertThat(validFirst.body()).contains("\"userId\":\"alice\"");
        assertThat(forgedFirst.body()).contains("\"userId\":\"alice\"");
        assertThat(forgedFirst.sessionSetCookies()).isEmpty();
    }

    /** Whether the deployment sets usersession.trust-forwarded-headers=true. */
    abstract boolean trustsForwardedHeaders();

    @Test
    void forwardedProtoCountsOnlyWhenTrusted() {
        HttpResponse<String> viaProxy = browser.putText("app/api/values/color", "red", "X-Forwarded-Proto", "https");
        HttpResponse<String> direct = new Browser(base).putText("app/api/values/color", "red");

        assertThat(Browser.sessionSetCookies(direct)).singleElement().asString().doesNotContain("Secure");
        if (trustsForwardedHeaders()) {
            assertThat(Browser.sessionSetCookies(viaProxy)).singleElement().asString().contains("; Secure;");
        } else {
            assertThat(Browser.sessionSetCookies(viaProxy)).singleElement().asString().doesNotContain("Secure");
        }
    }

    @Test
    void tamperedCookieMeansGuest() {
        login();
        String value = browser.sessionCookie().orElseThrow();
        char last = value.charAt(value.length() - 1);
        String tampered = value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');

        RawHttp.Response response = browser.getWithCookieHeader(API_SESSION, "app_session=" + tampered);
        RawHttp.Response genuine = browser.getWithCookieHeader(API_SESSION, "app_session=" + value);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"guest\":true");
        assertThat(response.sessionSetCookies()).singleElement().asString().contains("Max-Age=0");
        assertThat(genuine.body()).contains("\"userId\":\"alice\"");
    }

    static final String CASES = "app/cases";

    /** Queues a flash through the demo's form and returns the redirect. */
    HttpResponse<String> queueFlash(String message, String page) {
        HttpResponse<String> redirect = browser.postForm(CASES + "/queue",
                Map.of("kind", "info", "message", message, "page", page));
        assertThat(redirect.statusCode()).isEqualTo(303);
        return redirect;
    }

    /** Reads the CSRF field of Jakarta MVC from the cases page. */
    Map<String, String> csrfField() {
        Matcher field = CSRF_FIELD.matcher(browser.get(CASES).body());
        assertThat(field.find()).as("CSRF field on the cases page").isTrue();
        return Map.of(field.group(1), field.group(2));
    }

    static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");

    @Test
    void flashSurvivesOtherRequests() {
        login();

        HttpResponse<String> json = browser.get(API_SESSION);
        HttpResponse<String> asset = browser.get("index.html");
        HttpResponse<String> favicon = browser.get("favicon.ico");
        HttpResponse<String> missing = browser.get("app/missing");
        HttpResponse<String> page = browser.get(HOME);
        HttpResponse<String> reload = browser.get(HOME);

        assertThat(List.of(json.statusCode(), asset.statusCode(), favicon.statusCode(), missing.statusCode()))
                .containsExactly(200, 200, 404, 404);
        assertThat(flashCount(page, "Welcome!")).isEqualTo(1);
        assertThat(flashCount(reload, "Welcome!")).isZero();
    }

    @Test
    void headRequestLeavesFlashQueued() {
        login();

        HttpResponse<String> head = browser.head(HOME);
        HttpResponse<String> page = browser.get(HOME);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(flashCount(page, "Welcome!")).isEqualTo(1);
    }

    @Test
    void pageWithoutLeadingSlashOrWithQuery() {
        queueFlash("No slash", "cases/report");
        HttpResponse<String> withQuery = browser.postForm(CASES + "/queue",
                Map.of("kind", "info", "message", "With query", "page", "/cases/report?x=1"));

        HttpResponse<String> report = browser.get(CASES + "/report");

        assertThat(withQuery.statusCode()).isEqualTo(200);
        assertThat(flashCount(withQuery, "page must be a path without query string or fragment")).isEqualTo(1);
        assertThat(flashCount(report, "No slash")).isEqualTo(1);
        assertThat(report.body()).doesNotContain("With query");
    }

    @Test
    void flashNowShowsInFormOnly() {
        Map<String, String> form = new java.util.HashMap<>(csrfField());
        form.put("name", " ");

        HttpResponse<String> shownAgain = browser.postForm(CASES + "/form", form);
        HttpResponse<String> next = browser.get(CASES);

        assertThat(shownAgain.statusCode()).isEqualTo(200);
        assertThat(flashCount(shownAgain, "Please enter a name.")).isEqualTo(1);
        assertThat(flashCount(next, "Please enter a name.")).isZero();
    }

    @Test
    void flashWorksBesideCsrfAndRedirectScope() {
        Map<String, String> form = new java.util.HashMap<>(csrfField());
        form.put("name", "Bob");

        HttpResponse<String> forged = browser.postForm(CASES + "/form", Map.of("name", "Mallory"));
        HttpResponse<String> redirect = browser.postForm(CASES + "/form", form);
        HttpResponse<String> page = browser.follow(redirect);
        HttpResponse<String> reload = browser.get(CASES);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(flashCount(page, "Thanks, Bob.")).isEqualTo(1);
        assertThat(page.body()).contains("<p class=\"has-text-grey\" id=\"notice\">The form was sent.</p>");
        assertThat(flashCount(reload, "Thanks, Bob.")).isZero();
        assertThat(reload.body()).doesNotContain("Mallory").doesNotContain("The form was sent.");
    }

    @Test
    void flashWaitsForItsPage() {
        HttpResponse<String> redirect = queueFlash("Report ready", "/cases/report");

        HttpResponse<String> cases = browser.follow(redirect);
        HttpResponse<String> home = browser.get(HOME);
        HttpResponse<String> report = browser.get(CASES + "/report");
        HttpResponse<String> reload = browser.get(CASES + "/report");

        assertThat(flashCount(cases, "Report ready")).isZero();
        assertThat(flashCount(home, "Report ready")).isZero();
        assertThat(flashCount(report, "Report ready")).isEqualTo(1);
        assertThat(flashCount(reload, "Report ready")).isZero();
    }

    @Test
    void keptFlashShowsAgain() {
        queueFlash("Kept once", "");

        HttpResponse<String> kept = browser.get(CASES + "/kept");
        HttpResponse<String> next = browser.get(CASES);
        HttpResponse<String> after = browser.get(CASES);

        assertThat(flashCount(kept, "Kept once")).isEqualTo(1);
        assertThat(flashCount(next, "Kept once")).isEqualTo(1);
        assertThat(flashCount(after, "Kept once")).isZero();
    }

    @Test
    void faceletsViewShowsFlashesOnce() {
        queueFlash("In Facelets", "");

        HttpResponse<String> page = browser.get(CASES + "/facelets");
        HttpResponse<String> reload = browser.get(CASES + "/facelets");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div class=\"notification is-info\" data-flash=\"info\">In Facelets</div>");
        assertThat(reload.body()).doesNotContain("In Facelets");
    }

    @Test
    void modelsEngineTakesFlashesWhenShown() {
        queueFlash("In plain text", "");

        HttpResponse<String> withoutFlashes = browser.get(CASES + "/text?show=false");
        HttpResponse<String> withFlashes = browser.get(CASES + "/text");
        HttpResponse<String> reload = browser.get(CASES + "/text");

        assertThat(withoutFlashes.body()).isEqualTo("view: cases.txt\n");
        assertThat(withFlashes.body()).isEqualTo("view: cases.txt\ninfo: In plain text\n");
        assertThat(reload.body()).isEqualTo("view: cases.txt\n");
    }

    @Test
    void capDropsOldestFlashes() {
        for (int i = 1; i <= 22; i++) {
            queueFlash("Flash number " + i + ".", "");
        }

        HttpResponse<String> page = browser.get(CASES);

        assertThat(page.body().lines().filter(line -> line.contains("data-flash")).count()).isEqualTo(20);
        assertThat(flashCount(page, "Flash number 2.")).isZero();
        assertThat(flashCount(page, "Flash number 3.")).isEqualTo(1);
        assertThat(flashCount(page, "Flash number 22.")).isEqualTo(1);
    }

    @Test
    void lateFlashIsWarnedWithPath() {
        HttpResponse<String> response = browser.get("app/api/late");

        assertThat(response.body()).isEqualTo("written\n");
        String path = base.getPath() + "app/api/late";
        assertThat(ServerLog.lines()).anyMatch(line -> line.contains("USESS-0107: A flash was queued after the response to "
                + path + " was saved, so the change is lost."));
    }
}
