package io.github.usersession.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.usersession.Flash;
import io.github.usersession.state.SessionRequest;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.web.FlashesProducer;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;

/**
 * A flash's round trip in Weld SE with the memory store: one request queues a flash, the next
 * shows it. The view reads the flashes through the {@code flashes} producer, as a JSP or Facelets
 * page does by name; the baseline reads them through {@code UserSession.flashes()}, so the
 * difference is the producer's own cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FlashesBenchmark {

    private static final TypeLiteral<List<Flash>> FLASH_LIST = new TypeLiteral<>() { };
    private static final Flash FLASH = Flash.of("Saved.");

    private SessionContainer container;
    private RequestRunner requests;
    private Instance<List<Flash>> flashesByName;
    private SessionRequest request;

    @Setup
    public void setUp() {
        container = SessionContainer.start(Map.of());
        requests = new RequestRunner(container);
        flashesByName = container.bean(BeanManager.class).createInstance()
                .select(FLASH_LIST, NamedLiteral.of(FlashesProducer.NAME));
        request = RequestRunner.withCookie(requests.newSession(session -> session.put("color", "red")));

        if (!throughProducer().equals("Saved.") || !throughUserSession().equals("Saved.")) {
            throw new IllegalStateException("The second request did not show the flash the first one queued");
        }
    }

    @TearDown
    public void tearDown() {
        container.close();
    }

    /** Returns the message the view shows. */
    @Benchmark
    public String throughProducer() {
        requests.run(request, session -> {
            session.flash(FLASH);
            return null;
        });
        return requests.run(request, session -> flashesByName.get().get(0).message());
    }

    @Benchmark
    public String throughUserSession() {
        requests.run(request, session -> {
            session.flash(FLASH);
            return null;
        });
        return requests.run(request, session -> session.flashes().get(0).message());
    }
}
