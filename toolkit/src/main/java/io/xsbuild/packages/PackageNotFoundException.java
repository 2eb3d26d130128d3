package io.xsbuild.packages;

import io.xsbuild.error.FailedException;


/** The repository has no source package of that name (exit 1). */
public class PackageNotFoundException extends FailedException {
    private final String name;

    public PackageNotFoundException(String name, String toolSaid) {
        super("No source package '" + name + "' in the repositories of this run",
                toolSaid == null ? null : "the package manager said \"" + toolSaid + "\"", null);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
