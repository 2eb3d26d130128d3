package io.xsbuild.doctor;

import java.nio.file.Path;

/** A host tool, what it is for, and how to install it when missing. */
public record ToolCheck(String tool, boolean found, Path path, String neededFor, String fix) {
}
