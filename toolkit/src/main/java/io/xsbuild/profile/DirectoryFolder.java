package io.xsbuild.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A profile folder on disk, in a user's profile directory. */
record DirectoryFolder(Path dir) implements ProfileFolder {

    @Override
    public SortedMap<String, byte[]> files() throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public String display(String file) {
        return dir.resolve(file).toString();
    }

    @Override
    public Path directory() {
        return dir;
    }
}
