package io.xsbuild.session;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.Labels;
import io.xsbuild.event.Events;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of xsbuild and the containers it starts. Every container carries the session's
 * {@link Labels#SESSION} label and is removed when the session closes, and, should the JVM be
 * stopped first (Ctrl-C, SIGTERM), by a shutdown hook that removes whatever carries the label.
 * Containers the user asked to keep ({@link #keep}) outlive a normal close, not an interruption.
 * Containers also record their {@link SessionOwner}, so that what a run killed with SIGKILL left
 * is found by the next ({@link Leftovers}).
 */
public final class Session implements AutoCloseable {

    /** Names the session instead of a random id, so that a CI job can find what it started. */
    public static final String ENV = "XSBUILD_SESSION";

    /** This process, as every container it starts records it. */
    private static final SessionOwner OWNER = SessionOwner.current();

    private final ContainerRuntime runtime;
    private final String id;
    private final Events events;
    private final Thread hook;
    private final Set<String> started = new LinkedHashSet<>();
    private final Set<String> kept = new LinkedHashSet<>();
    private boolean closed;
    private boolean anyStarted;
    private volatile boolean interrupted;

    private Session(ContainerRuntime runtime, String id, Events events) {
        this.runtime = runtime;
        this.id = id;
        this.events = events;
        this.hook = new Thread(this::interrupt, "xsbuild-cleanup-" + id);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Opens a session on an engine.
     *
     * @param name the session's id, or null or blank for a random one
     */
    public static Session open(ContainerRuntime runtime, String name, Events events) {
        warnOfLeftovers(runtime, events);
        return new Session(runtime, name == null || name.isBlank() ? newId() : name.strip(), events);
    }

    /** Names the containers of earlier sessions whose process is gone (killed with SIGKILL, say). */
    private static void warnOfLeftovers(ContainerRuntime runtime, Events events) {
        try {
            List<Leftovers.Leftover> leftovers = Leftovers.find(runtime);
            if (!leftovers.isEmpty()) {
                events.warn(Leftovers.describe(leftovers));
            }
        } catch (ContainerException | RuntimeException e) {
            events.debug("Cannot look for containers of ended sessions: " + e.getMessage());
        }
    }

    static String newId() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return "xsb-" + HexFormat.of().formatHex(bytes);
    }

    public String id() {
        return id;
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    public Events events() {
        return events;
    }

    /** True once the JVM has begun to stop: work in progress should end without starting more. */
    public boolean interrupted() {
        return interrupted;
    }

    /** Starts a container of this session: the spec gets the session label. */
    public SessionContainer start(ContainerSpec.Builder spec) throws ContainerException {
        synchronized (this) {
            anyStarted = true;
        }
        spec.label(Labels.SESSION, id);
        OWNER.labels().forEach(spec::label);
        String containerId = runtime.start(spec.build());
        synchronized (this) {
            started.add(containerId);
        }
        return new SessionContainer(runtime, containerId);
    }

    /**
     * Removes one container now if the engine lets it, else leaves it to {@link #close}: for
     * {@code finally} blocks, where an error must not hide the one being thrown.
     */
    public void discard(SessionContainer container) {
        try {
            remove(container);
        } catch (ContainerException e) {
            events.debug("Container " + container.shortId() + " is removed when the session closes: " + e.getMessage());
        }
    }

    /** Leaves this container in place when the session closes normally. */
    public synchronized void keep(SessionContainer container) {
        kept.add(container.id());
    }

    /** Removes one container now. */
    public void remove(SessionContainer container) throws ContainerException {
        runtime.remove(container.id());
        synchronized (this) {
            started.remove(container.id());
            kept.remove(container.id());
        }
    }

    /** Removes every container of the session but those kept, and forgets the shutdown hook. */
    @Override
    public void close() throws ContainerException {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the JVM is stopping: the hook does the cleaning
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ContainerException first = null;
            for (String containerId : started) {
                if (kept.contains(containerId)) {
                    continue;
                }
                try {
                    runtime.remove(containerId);
                } catch (ContainerException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
            if (kept.isEmpty() && anyStarted) {
                runtime.removeByLabel(Labels.SESSION, id);
            }
        }
    }

    /** What the shutdown hook does: remove every container of the session, kept or not. */
    void interrupt() {
        interrupted = true;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                int removed = runtime.removeByLabel(Labels.SESSION, id);
                if (removed > 0) {
                    events.info("Interrupted: removed " + removed + (removed == 1 ? " container" : " containers")
                            + " of session " + id);
                }
            } catch (ContainerException | RuntimeException e) {
                events.warn("Interrupted, and could not remove the containers of session " + id + ": "
                        + e.getMessage() + " (docker rm -f $(docker ps -aq --filter label=" + Labels.SESSION + "=" + id + "))");
            }
        }
    }
}
