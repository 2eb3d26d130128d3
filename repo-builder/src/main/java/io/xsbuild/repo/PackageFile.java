package io.xsbuild.repo;

import java.nio.file.Path;

/** A package file found in a repository directory: where it is, its href, and what stat said of it. */
public record PackageFile(Path path, String href, long size, long mtime) {
}
