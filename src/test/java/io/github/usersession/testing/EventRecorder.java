package io.github.usersession.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.usersession.SessionEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Records the session events an application would observe. */
@ApplicationScoped
public class EventRecorder {

    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    void record(@Observes SessionEvent event) {
        events.add(event);
    }

    public List<SessionEvent> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
