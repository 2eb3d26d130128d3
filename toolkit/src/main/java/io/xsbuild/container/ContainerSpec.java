package io.xsbuild.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container to create and start. Its command defaults to one that idles, so that steps can be
 * run in it one by one with {@link ContainerRuntime#run}.
 *
 * @param network "bridge" (the engine's default), "none", "host" or a network's name
 */
public record ContainerSpec(String image, List<Mount> mounts, Map<String, String> env, String user,
                            String workingDir, String network, Map<String, String> labels,
                            List<String> command, String hostname) {

    /** Idles until removed; {@code sleep infinity} is in coreutils and busybox alike. */
    public static final List<String> IDLE = List.of("sleep", "infinity");

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        mounts = List.copyOf(mounts);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        command = command == null || command.isEmpty() ? IDLE : List.copyOf(command);
        network = network == null ? "bridge" : network;
    }

    public static Builder builder(String image) {
        return new Builder(image);
    }

    /** For the many optional fields of a container. */
    public static final class Builder {
        private final String image;
        private final List<Mount> mounts = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String user;
        private String workingDir;
        private String network;
        private List<String> command;
        private String hostname;

        private Builder(String image) {
            this.image = image;
        }

        public Builder mount(Mount mount) {
            mounts.add(mount);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> values) {
            labels.putAll(values);
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder workingDir(String value) {
            workingDir = value;
            return this;
        }

        public Builder network(String value) {
            network = value;
            return this;
        }

        public Builder command(List<String> value) {
            command = value;
            return this;
        }

        public Builder hostname(String value) {
            hostname = value;
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(image, mounts, env, user, workingDir, network, labels, command, hostname);
        }
    }
}
