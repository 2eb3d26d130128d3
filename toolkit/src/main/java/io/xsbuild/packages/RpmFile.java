package io.xsbuild.packages;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.rpm.BadPackageException;
import io.xsbuild.rpm.RpmPackage;
import io.xsbuild.rpm.RpmReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A package file and the identity its header gives it, read on the host by the project's own
 * header reader, as {@code rpm -qp --qf '%{NAME} %|EPOCH?{%{EPOCH}}:{0}| %{VERSION} %{RELEASE}
 * %|SOURCERPM?{%{ARCH}}:{src}|'} would say it.
 *
 * @param path  where it is, as given to {@link #read}
 * @param epoch the epoch, "0" when the header has none
 * @param arch  its architecture; "src" for a source package
 */
public record RpmFile(String path, String name, String epoch, String version, String release, String arch) {

    /** The header alone is read: no checksum, changelog or base URL matters here. */
    private static final RpmReader HEADERS = new RpmReader(ChecksumType.SHA256, 0, "", warning -> { });

    /** Reads the header of {@code file}, a package known as {@code path}. */
    public static RpmFile read(Path file, String path) throws BadPackageException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            RpmPackage p = HEADERS.readHeader(in, path, Files.size(file));
            return new RpmFile(path, p.name(), p.epoch(), p.version(), p.release(), p.arch());
        }
    }

    /** name-[epoch:]version-release.arch, the epoch only when it is not 0. */
    public String nevra() {
        return name + "-" + ("0".equals(epoch) ? "" : epoch + ":") + version + "-" + release + "." + arch;
    }
}
