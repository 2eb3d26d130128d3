package io.xsbuild.container;

/**
 * What the engine says of itself.
 *
 * @param endpoint   where it was reached (unix:///var/run/docker.sock, tcp://host:2376)
 * @param version    the engine's version (20.10.24)
 * @param apiVersion the API version spoken with it: the engine's own, never above
 * @param os         the engine's OS/architecture (linux/amd64)
 * @param rootDir    the engine's data directory, for disk checks; null when not reported
 */
public record EngineInfo(String endpoint, String version, String apiVersion, String os, String rootDir) {
}
