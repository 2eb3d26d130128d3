package io.xsbuild.container;

import java.util.List;

/**
 * What the engine says of itself.
 *
 * @param product    which engine it is: Docker or Podman (whose compatible API xsbuild speaks too)
 * @param endpoint   where it was reached (unix:///var/run/docker.sock, tcp://host:2376)
 * @param chosenBy   why there: DOCKER_HOST, the default Docker socket, the rootful Podman socket...
 * @param version    the engine's version (20.10.24, or Podman's own, 4.3.1)
 * @param apiVersion the Docker API version spoken with it: the engine's own, never above
 * @param os         the engine's OS/architecture (linux/amd64)
 * @param rootDir    the engine's data directory, for disk checks; null when not reported
 */
public record EngineInfo(String product, String endpoint, String chosenBy, String version, String apiVersion, String os,
                         String rootDir) {

    public static final String DOCKER = "Docker";
    public static final String PODMAN = "Podman";

    /** The product, from the names of the components the engine's /version lists ("Podman Engine"). */
    public static String productOf(List<String> componentNames) {
        return componentNames.stream().anyMatch(n -> n != null && n.startsWith("Podman")) ? PODMAN : DOCKER;
    }

    /** The engine's own command line client, for hints (docker exec, podman exec). */
    public String client() {
        return PODMAN.equals(product) ? "podman" : "docker";
    }

    EngineInfo withRootDir(String dir) {
        return new EngineInfo(product, endpoint, chosenBy, version, apiVersion, os, dir);
    }
}
