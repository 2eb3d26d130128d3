package io.xsbuild.chain;

import io.xsbuild.container.RuntimeConnector;

import java.util.Objects;

/**
 * A container engine a chain builds on.
 *
 * @param name how results and messages name it: its DOCKER_HOST URL; null for the engine xsbuild finds
 *             itself, named once connected by the address it was reached at
 */
public record ChainEngine(String name, RuntimeConnector connector) {
    public ChainEngine {
        Objects.requireNonNull(connector, "connector");
    }

    /** The engine xsbuild finds as every other command does (DOCKER_HOST, else the local sockets). */
    public static ChainEngine found(RuntimeConnector connector) {
        return new ChainEngine(null, connector);
    }
}
