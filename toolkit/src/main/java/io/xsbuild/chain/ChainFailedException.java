package io.xsbuild.chain;

import io.xsbuild.error.FailedException;

/** A package of a chain that the chain itself could not handle (not its build failing): which, and why. */
public class ChainFailedException extends FailedException {
    public ChainFailedException(String name, String problem) {
        super(name + ": " + problem);
    }
}
