package io.xsbuild.image;

import io.xsbuild.io.ChecksumType;
import io.xsbuild.error.EnvironmentException;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.Profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The build context of a profile's image: the files of {@code dockerfiles/<profile>/}, which the
 * toolkit carries as resources, and the repository definition xsbuild writes.
 */
final class ProfileContext {

    static final String REPO_FILE = "xsbuild.repo";
    private static final String ROOT = "dockerfiles/";

    private final SortedMap<String, byte[]> files;

    private ProfileContext(SortedMap<String, byte[]> files) {
        this.files = Collections.unmodifiableSortedMap(files);
    }

    static ProfileContext of(Profile profile) throws EnvironmentException {
        String folder = ROOT + profile.name() + "/";
        URL dockerfile = ProfileContext.class.getClassLoader().getResource(folder + "Dockerfile");
        if (dockerfile == null) {
            throw new EnvironmentException("No Dockerfile for the profile " + profile.name() + " in the toolkit",
                    "build the toolkit again (mvn -B package) from a checkout with " + folder + "Dockerfile");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            URLConnection connection = dockerfile.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile jarFile = jar.getJarFile()) {
                    readJar(jarFile, folder, files);
                }
            } else {
                readDirectory(Path.of(dockerfile.toURI()).getParent(), files);
            }
        } catch (IOException | URISyntaxException e) {
            throw new EnvironmentException("Cannot read " + folder + " from the toolkit: " + e.getMessage(), null, e);
        }
        files.put(REPO_FILE, ContainerLayout.repoDefinition().getBytes(StandardCharsets.UTF_8));
        return new ProfileContext(files);
    }

    private static void readJar(JarFile jar, String folder, SortedMap<String, byte[]> files) throws IOException {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
                try (InputStream in = jar.getInputStream(entry)) {
                    files.put(entry.getName().substring(folder.length()), in.readAllBytes());
                }
            }
        }
    }

    private static void readDirectory(Path dir, SortedMap<String, byte[]> files) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
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
