package io.xsbuild.doctor;

import java.nio.file.Path;

/** Free space where xsbuild writes; -1 when it could not be read. */
public record DiskCheck(Path path, long freeBytes, long totalBytes) {
}
