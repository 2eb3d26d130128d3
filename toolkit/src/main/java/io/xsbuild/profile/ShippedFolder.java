package io.xsbuild.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;

/**
 * A profile folder the toolkit carries: {@code dockerfiles/<name>/} of the checkout it was built from,
 * packed into its jar.
 *
 * @param name the folder's name
 * @param home the xsbuild checkout the toolkit runs from ({@code XSBUILD_HOME}), or null when unknown
 */
record ShippedFolder(String name, Path home) implements ProfileFolder {

    static final String ROOT = "dockerfiles/";

    @Override
    public SortedMap<String, byte[]> files() throws IOException {
        return ToolkitResources.tree(ROOT + name + "/");
    }

    @Override
    public String location() {
        return "shipped";
    }

    @Override
    public String display(String file) {
        Path dir = directory();
        return dir != null ? dir.resolve(file).toString() : ROOT + name + "/" + file;
    }

    @Override
    public Path directory() {
        if (home == null) {
            return null;
        }
        Path dir = home.resolve(ROOT).resolve(name);
        return Files.isDirectory(dir) ? dir : null;
    }
}
