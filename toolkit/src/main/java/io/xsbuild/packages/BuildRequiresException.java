package io.xsbuild.packages;

import io.xsbuild.error.FailedException;

/** The BuildRequires of a source package could not be installed (exit 1). */
public class BuildRequiresException extends FailedException {
    public BuildRequiresException(String srpms, int exitCode, String toolSaid) {
        super("Cannot install the BuildRequires of " + srpms + " (exit " + exitCode + ")", toolSaid, null);
    }
}
