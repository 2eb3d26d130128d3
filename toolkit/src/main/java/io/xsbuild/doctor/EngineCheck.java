package io.xsbuild.doctor;

import io.xsbuild.container.ContainerException;

/**
 * Whether the engine answered and what it said; {@code failure} is why not, for the exit path.
 *
 * @param product  Docker or Podman
 * @param chosenBy why xsbuild went to that endpoint (DOCKER_HOST, the rootful Podman socket...)
 */
public record EngineCheck(boolean reachable, String product, String endpoint, String chosenBy, String version,
                          String apiVersion, String os, String problem, ContainerException failure) {
}
