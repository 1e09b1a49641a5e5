package io.github.usersession;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.usersession.state.CookieUpdate;
import io.github.usersession.testing.Latches;
import io.github.usersession.testing.SessionContainer;

/**
 * Requests of one session that overlap a sign-in or a logout, on two threads.
 *
 * <p>A request that loaded the session before a parallel sign-in keeps its writes, which land in
 * the renamed session, but its response does not touch the cookie. A request that loaded it
 * before a parallel logout loses its writes, so a logout is never undone. A request that arrives
 * with the old ID after the sign-in is a guest.
 */
class ParallelRequestsTest {

    SessionContainer container;

    @BeforeEach
    void start() {
        container = SessionContainer.start(Map.of());
    }

    @AfterEach
    void stop() {
        container.close();
    }

    /**
     * Runs a request on another thread that loads the session, waits until {@code between} ran on
     * this thread, then writes.
     */
    Optional<CookieUpdate> overlapping(String cookie, Consumer<UserSession> write, Runnable between) throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        CompletableFuture<Optional<CookieUpdate>> slow = CompletableFuture.supplyAsync(() ->
                container.request(cookie, session -> {
                    session.get("anything");
                    loaded.countDown();
                    Latches.await(proceed);
                    write.accept(session);
                }));

        assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();
        between.run();
        proceed.countDown();
        return slow.get(10, TimeUnit.SECONDS);
    }

    String write(String cookie, Consumer<UserSession> work) {
        return container.request(cookie, work).flatMap(CookieUpdate::value).orElseThrow();
    }

    @Test
    void writeOverlappingSignInLandsInRenamedSession() throws Exception {
        String guest = write(null, session -> session.put("color", "red"));
        String[] signedIn = new String[1];

        Optional<CookieUpdate> slowResponse = overlapping(guest, session -> session.put("cart", "1 item"),
                () -> signedIn[0] = write(guest, session -> session.setUserId("alice")));

        assertThat(slowResponse).as("the slow response must neither reveal nor expire the new ID").isEmpty();
        container.request(signedIn[0], session -> {
            assertThat(session.userId()).contains("alice");
            assertThat(session.get("color")).contains("red");
            assertThat(session.get("cart")).contains("1 item");
        });
        container.request(guest, session -> assertThat(session.isGuest()).isTrue());
    }

    @Test
    void writeOverlappingLogoutDoesNotResurrect() throws Exception {
        String user = write(null, session -> session.setUserId("alice"));

        Optional<CookieUpdate> slowResponse = overlapping(user, session -> session.put("cart", "1 item"),
                () -> container.request(user, UserSession::destroy));

        assertThat(slowResponse).isEmpty();
        container.request(user, session -> {
            assertThat(session.isGuest()).isTrue();
            assertThat(session.get("cart")).isEmpty();
        });
    }

    @Test
    void oldIdArrivingAfterSignInIsGuest() {
        String guest = write(null, session -> session.put("color", "red"));
        write(guest, session -> session.setUserId("alice"));

        Optional<CookieUpdate> late = container.request(guest, session -> {
            assertThat(session.isGuest()).isTrue();
            assertThat(session.get("color")).isEmpty();
            session.put("color", "blue");
        });

        assertThat(late.flatMap(CookieUpdate::value)).isPresent().get().isNotEqualTo(guest);
    }

    @Test
    void idNeverIssuedIsNotAdopted() {
        String planted = "A".repeat(43);

        String issued = write(planted, session -> session.put("color", "red"));

        assertThat(issued).isNotEqualTo(planted).hasSize(43);
    }
}
