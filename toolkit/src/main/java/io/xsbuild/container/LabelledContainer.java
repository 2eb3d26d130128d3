package io.xsbuild.container;

import java.util.Map;

/**
 * A container as a listing shows it: its id, labels and state ("running", "exited"...).
 */
public record LabelledContainer(String id, Map<String, String> labels, String state) {
    public LabelledContainer {
        labels = Map.copyOf(labels);
    }
}
