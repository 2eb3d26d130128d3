package io.xsbuild.repo;

import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A package file found in a repository directory: where it is, its href, and what stat said of it. */
public record PackageFile(Path path, String href, long size, long mtime) {

    /** Most packages in one or two reads of the file, the headers' small reads served from memory. */
    private static final int BUFFER = 1 << 17;

    /** Reads the file once; a file that cannot be read is a bad package. */
    RpmPackage read(RpmReader reader) throws BadPackageException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER)) {
            return reader.read(in, href, size, mtime, null);
        } catch (IOException e) {
            throw new BadPackageException(href, "cannot be read: " + e.getMessage(), e);
        }
    }
}
