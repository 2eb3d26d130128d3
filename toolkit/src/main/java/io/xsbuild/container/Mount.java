package io.xsbuild.container;

import java.nio.file.Path;
import java.util.Objects;

/** A host directory or file made visible in a container; read-only unless said otherwise. */
public record Mount(Path host, String container, boolean readOnly) {
    public Mount {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(container, "container");
        if (!container.startsWith("/")) {
            throw new IllegalArgumentException("container path must be absolute: " + container);
        }
    }

    public static Mount readOnly(Path host, String container) {
        return new Mount(host, container, true);
    }
}
