package io.xsbuild.testing;

import org.eclipse.packager.rpm.RpmVersion;
import org.eclipse.packager.rpm.build.RpmBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small real package files, made with Eclipse Packager, for tests whose fake container holds what
 * rpmbuild would have written: a binary package names its source package, a source package has
 * the SOURCEPACKAGE tag and no SOURCERPM, as rpmbuild makes them. Each is made once per run.
 */
public final class TestRpms {

    private static final int SOURCEPACKAGE = 1106;
    private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

    private TestRpms() {
    }

    /** A binary package; {@code epoch} null for none. */
    public static byte[] binary(String name, Integer epoch, String version, String release, String arch) {
        return MADE.computeIfAbsent(String.join("\t", name, String.valueOf(epoch), version, release, arch),
                k -> make(name, epoch, version, release, arch, false));
    }

    /** A source package ({@code NAME-VERSION-RELEASE.src.rpm}); {@code epoch} null for none. */
    public static byte[] source(String name, Integer epoch, String version, String release) {
        return MADE.computeIfAbsent(String.join("\t", name, String.valueOf(epoch), version, release, "src"),
                k -> make(name, epoch, version, release, "src", true));
    }

    private static byte[] make(String name, Integer epoch, String version, String release, String arch, boolean source) {
        try {
            Path dir = Files.createTempDirectory("test-rpm");
            try (RpmBuilder b = new RpmBuilder(name, new RpmVersion(epoch, version, release), arch, dir)) {
                b.getInformation().setSummary(name + " for a test");
                if (source) {
                    b.setHeaderCustomizer(h -> h.putInt(SOURCEPACKAGE, 1));
                } else {
                    b.getInformation().setSourcePackage(name + "-" + version + "-" + release + ".src.rpm");
                }
                b.build();
                byte[] bytes = Files.readAllBytes(b.getTargetFile());
                Files.delete(b.getTargetFile());
                Files.delete(dir);
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
