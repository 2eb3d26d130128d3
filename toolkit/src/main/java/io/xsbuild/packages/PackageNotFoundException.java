package io.xsbuild.packages;

import io.xsbuild.error.FailedException;

import java.nio.file.Path;

/** The repository has no source package of that name (exit 1). */
public class PackageNotFoundException extends FailedException {
    private final String name;

    public PackageNotFoundException(String name, Path repo, String toolSaid) {
        super("No source package '" + name + "' in the repository " + repo,
                toolSaid == null ? null : "the package manager said \"" + toolSaid + "\"", null);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
