package io.xsbuild.image;

import io.xsbuild.error.EnvironmentException;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.profile.Profile;
import io.xsbuild.profile.ProfileReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The build context of a profile's image: the files of its folder but its descriptor and the script that
 * makes its base image; its Dockerfile, or xsbuild's own for its package manager when the folder has none;
 * its repository files in {@code yum.repos.d/}; and its macros in {@code xsbuild.macros}.
 */
final class ProfileContext {

    /** Where the profile's {@code *.repo} files go in the context, for the Dockerfile to copy. */
    static final String REPOS_DIR = "yum.repos.d/";

    /** The profile's {@code macro.*} keys as an rpm macros file. */
    static final String MACROS_FILE = "xsbuild.macros";

    private final SortedMap<String, byte[]> files;

    private ProfileContext(SortedMap<String, byte[]> files) {
        this.files = Collections.unmodifiableSortedMap(files);
    }

    static ProfileContext of(Profile profile) throws EnvironmentException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            files.putAll(profile.folder().files());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the " + profile.name() + " profile's folder "
                    + profile.folder().location() + ": " + e.getMessage(), null, e);
        }
        files.remove(ProfileReader.DESCRIPTOR);
        if (!profile.base().pulled()) {
            files.remove(profile.base().script());
        }
        if (!files.containsKey(ProfileReader.DOCKERFILE)) {
            files.put(ProfileReader.DOCKERFILE, builtInDockerfile(profile));
        }
        StringBuilder readme = new StringBuilder("# The repository files of the " + profile.name() + " profile.\n");
        profile.repoFiles().forEach(f -> {
            files.remove(f.name());
            files.put(REPOS_DIR + f.name(), f.text().getBytes(StandardCharsets.UTF_8));
        });
        files.put(REPOS_DIR + "xsbuild-profile", readme.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder macros = new StringBuilder("# The rpm macros of the " + profile.name() + " profile.\n");
        profile.macros().forEach((name, value) -> macros.append('%').append(name).append(' ').append(value).append('\n'));
        files.put(MACROS_FILE, macros.toString().getBytes(StandardCharsets.UTF_8));
        return new ProfileContext(files);
    }

    private static byte[] builtInDockerfile(Profile profile) throws EnvironmentException {
        String resource = profile.packageManager().name().toLowerCase(java.util.Locale.ROOT) + ".Dockerfile";
        try (InputStream in = ProfileContext.class.getResourceAsStream("/io/xsbuild/profile/" + resource)) {
            if (in == null) {
                throw new EnvironmentException("The toolkit lacks its " + resource, "build it again (mvn -B package)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read the toolkit's " + resource + ": " + e.getMessage(), null, e);
        }
    }

    /** The files by their path in the context, in order. */
    SortedMap<String, byte[]> files() {
        return files;
    }

    /** Adds each file's path and content hash to the image's inputs. */
    void addTo(InputDigest digest) {
        files.forEach((name, bytes) -> digest.add("context:" + name, ChecksumType.SHA256.hex(bytes)));
    }

    void writeTo(Path dir) throws IOException {
        for (var file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
