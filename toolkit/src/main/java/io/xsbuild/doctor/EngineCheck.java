package io.xsbuild.doctor;

import io.xsbuild.container.ContainerException;

/** Whether the engine answered and what it said; {@code failure} is why not, for the exit path. */
public record EngineCheck(boolean reachable, String endpoint, String version, String apiVersion, String os,
                          String problem, ContainerException failure) {
}
