package io.xsbuild.chain;

import io.xsbuild.error.UsageException;

import java.util.List;

/** The packages of a chain need each other to build: which ones, in the order the cycle runs. */
public class CycleException extends UsageException {

    private final List<String> members;

    public CycleException(List<String> members) {
        super("The packages " + String.join(" -> ", members) + " -> " + members.get(0) + " BuildRequire each other in a cycle",
                "build one of them first without the others (bootstrap it), or drop one from the chain");
        this.members = List.copyOf(members);
    }

    public List<String> members() {
        return members;
    }
}
