package io.xsbuild.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where xsbuild reaches its container engine, and why there.
 *
 * <p>{@code DOCKER_HOST} (or the Docker client configuration) wins. Without either, the default
 * Docker socket is used when it is there; when it is not, Podman's sockets are tried: the rootful
 * one, then the rootless one under {@code $XDG_RUNTIME_DIR}. A socket counts only when this
 * process may connect to it (it exists and is writable), so a rootless user is not sent to a
 * root-only socket.
 *
 * @param uri    the engine's address, as DOCKER_HOST spells it (unix:///run/podman/podman.sock)
 * @param reason how it was chosen, for doctor (DOCKER_HOST, the default Docker socket...)
 * @param tried  the sockets looked at when none was found, for the error's hint; empty otherwise
 */
public record EngineEndpoint(String uri, String reason, List<String> tried) {

    public static final String DOCKER_SOCKET = "/var/run/docker.sock";
    public static final String PODMAN_SOCKET = "/run/podman/podman.sock";
    public static final String DEFAULT_URI = "unix://" + DOCKER_SOCKET;
    /** Says whether the engines are on this machine or another, where xsbuild would guess wrong. */
    public static final String LOCATION_ENV = "XSBUILD_ENGINE_LOCATION";

    public EngineEndpoint {
        tried = List.copyOf(tried);
    }

    /** An endpoint named outright, for instance by a test that started its own engine. */
    public static EngineEndpoint of(String uri, String reason) {
        return new EngineEndpoint(uri, reason, List.of());
    }

    /**
     * Chooses the endpoint.
     *
     * @param env        the environment (DOCKER_HOST, XDG_RUNTIME_DIR)
     * @param configured the address the Docker client configuration gives, which is DOCKER_HOST when
     *                   that is set and {@link #DEFAULT_URI} when nothing is configured
     * @param usable     whether this process may connect to a socket path
     */
    public static EngineEndpoint choose(Map<String, String> env, String configured, Predicate<Path> usable) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return of(configured, "DOCKER_HOST");
        }
        if (!DEFAULT_URI.equals(configured)) {
            return of(configured, "the Docker client configuration (a Docker context or ~/.docker-java.properties)");
        }
        if (usable.test(Path.of(DOCKER_SOCKET))) {
            return of(DEFAULT_URI, "the default Docker socket");
        }
        List<String> tried = new ArrayList<>(List.of(DOCKER_SOCKET));
        List<Path> podman = new ArrayList<>(List.of(Path.of(PODMAN_SOCKET)));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            podman.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        for (Path socket : podman) {
            if (usable.test(socket)) {
                String which = socket.toString().equals(PODMAN_SOCKET) ? "the rootful Podman socket" : "the rootless Podman socket";
                return of("unix://" + socket, which + " (DOCKER_HOST is unset and there is no usable " + DOCKER_SOCKET + ")");
            }
            tried.add(socket.toString());
        }
        return new EngineEndpoint(DEFAULT_URI, "the default Docker socket", tried);
    }

    /**
     * Whether the engine at {@code uri} runs on another machine, whose containers can neither bind-mount
     * this machine's paths nor reach its loopback. A {@code unix://} socket that is on this machine leads to
     * an engine here; anything else ({@code tcp://}, {@code https://}, a socket that is not here) to one
     * elsewhere, since a {@code tcp://} address cannot be told from a tunnel to another machine.
     * {@value #LOCATION_ENV} ({@code local} or {@code remote}) says it outright, for the cases that rule
     * gets wrong: a socket forwarded here from another machine, or one of the host's engine mounted into a
     * CI job's container, whose paths are not the host's.
     *
     * @param location the value of {@value #LOCATION_ENV}, or null
     * @param exists   whether a path is on this machine
     */
    public static boolean remote(String uri, String location, Predicate<Path> exists) throws ContainerException {
        if (location != null && !location.isBlank()) {
            return switch (location.strip()) {
                case "remote" -> true;
                case "local" -> false;
                default -> throw new ContainerException(LOCATION_ENV + " is \"" + location + "\"",
                        "set it to local (the engine bind-mounts this machine's directories) or remote (they are "
                                + "copied into each container), or unset it", null);
            };
        }
        if (uri.startsWith("unix://")) {
            return !exists.test(Path.of(uri.substring("unix://".length())));
        }
        return true;
    }

    /** Whether this process may connect to the socket at {@code path}: it exists and is writable. */
    public static boolean usable(Path path) {
        return Files.exists(path) && !Files.isDirectory(path) && Files.isWritable(path);
    }

    /** What an unreachable engine's error suggests doing. */
    String hint() {
        if (tried.size() > 1) {
            return "is dockerd or podman system service running? No usable socket at " + String.join(", ", tried)
                    + " (DOCKER_HOST selects another)";
        }
        return "is dockerd running? (DOCKER_HOST selects another)";
    }
}
