package io.xsbuild.chain;

import io.xsbuild.error.FailedException;

/** An input of a chain whose spec or source package cannot be read: which one, and what rpm said. */
public class ChainInputException extends FailedException {
    public ChainInputException(String input, String problem) {
        super("Cannot tell what " + input + " needs and makes: " + problem, "check its spec with rpmspec -q", null);
    }
}
