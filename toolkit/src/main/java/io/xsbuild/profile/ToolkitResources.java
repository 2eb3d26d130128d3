package io.xsbuild.profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The folders the toolkit carries as resources ({@code dockerfiles/}), read whether the toolkit runs from
 * its jar or from a directory of classes (tests, the IDE).
 */
final class ToolkitResources {

    private ToolkitResources() {
    }

    /**
     * Every file below the resource folder {@code folder} ({@code dockerfiles/xs8/}), by its path relative
     * to it; empty when there is no such folder.
     */
    static SortedMap<String, byte[]> tree(String folder) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        URL url = ToolkitResources.class.getClassLoader().getResource(folder);
        if (url == null) {
            return files;
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (JarFile jarFile = jar.getJarFile()) {
                Enumeration<JarEntry> entries = jarFile.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
                        try (InputStream in = jarFile.getInputStream(entry)) {
                            files.put(entry.getName().substring(folder.length()), in.readAllBytes());
                        }
                    }
                }
            }
        } else {
            Path dir;
            try {
                dir = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("cannot read " + url + ": " + e.getMessage(), e);
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
