package io.xsbuild.session;

import io.xsbuild.container.Labels;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process that starts a session's containers, as its labels record it: the machine's host
 * name, the pid, and when the process started (so that a pid the kernel has since given to another
 * process is not taken for it). From these, a later run on the same machine tells whether the
 * process is gone, however it ended.
 *
 * @param started when the process started, or null when the system does not say
 */
public record SessionOwner(String host, long pid, Instant started) {

    /**
     * How far two readings of one process's start may differ: Linux derives it from the boot time,
     * which moves by a second as the clock is adjusted.
     */
    static final Duration SAME_START = Duration.ofSeconds(2);

    /** This process. */
    public static SessionOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new SessionOwner(hostName(), self.pid(), self.info().startInstant().orElse(null));
    }

    /** The labels that record this owner on a container. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.HOST, host);
        labels.put(Labels.PID, Long.toString(pid));
        if (started != null) {
            labels.put(Labels.STARTED, Long.toString(started.toEpochMilli()));
        }
        return labels;
    }

    /** The owner a container's labels record, if they record one (xsbuild before 0.1 did not). */
    public static Optional<SessionOwner> of(Map<String, String> labels) {
        String host = labels.get(Labels.HOST);
        String pid = labels.get(Labels.PID);
        if (host == null || pid == null) {
            return Optional.empty();
        }
        try {
            String started = labels.get(Labels.STARTED);
            return Optional.of(new SessionOwner(host, Long.parseLong(pid),
                    started == null ? null : Instant.ofEpochMilli(Long.parseLong(started))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Why this owner is no longer running, when it is on this machine and gone; null when it runs,
     * or when this machine cannot tell (another host).
     */
    public String gone(String thisHost) {
        if (!host.equals(thisHost)) {
            return null;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return "process " + pid + " is gone";
        }
        Optional<Instant> start = process.get().info().startInstant();
        if (started != null && start.isPresent()
                && Duration.between(started, start.get()).abs().compareTo(SAME_START) > 0) {
            return "process " + pid + " is gone (another process has its pid now)";
        }
        return null;
    }

    /** The kernel's host name (what gethostname gives), without asking DNS. */
    public static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the JDK
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
