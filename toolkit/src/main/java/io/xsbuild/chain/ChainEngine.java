package io.xsbuild.chain;

import io.xsbuild.container.RuntimeConnector;

import java.util.Objects;

/**
 * A container engine a chain builds on.
 *
 * @param name how results and messages name it: its DOCKER_HOST URL, or "default"
 */
public record ChainEngine(String name, RuntimeConnector connector) {
    public ChainEngine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connector, "connector");
    }
}
