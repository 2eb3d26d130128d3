package io.xsbuild.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository in the layout of XenServer 7.0 and earlier: a directory ({@code packages.main},
 * {@code packages.linux}, ...) with an {@code XS-REPOSITORY} file saying what it is and an
 * {@code XS-PACKAGES} file listing what it holds.
 *
 * @param directory   the directory inside the image, "" for the root
 * @param originator  "xs", "xcp"
 * @param name        "main", "linux"
 * @param product     the product brand it belongs to, or null
 * @param version     the product version, or null
 * @param build       the build number, or null
 * @param description what it is, or null
 */
public record LegacyRepository(String directory, String originator, String name, String product, String version,
                               String build, String description, List<Requirement> requires, List<Package> packages) {

    public LegacyRepository {
        requires = List.copyOf(requires);
        packages = List.copyOf(packages);
    }

    /** "xs:main", as the installer names a repository. */
    public String identifier() {
        return originator + ":" + name;
    }

    /** The path inside the image of a file this repository names. */
    public String resolve(String file) {
        return directory.isEmpty() ? file : directory + "/" + file;
    }

    /** Another repository this one needs ({@code test}: eq, ne, lt, gt, le, ge). */
    public record Requirement(String originator, String name, String test, String version, String build) {
    }

    /**
     * One package of {@code XS-PACKAGES}.
     *
     * @param type       "rpm", "tbz2", "driver-rpm", "driver", "firmware"
     * @param file       the package file, relative to the repository directory
     * @param attributes every attribute as written (optional, options, root, kernel, ...), in order
     */
    public record Package(String type, String label, long size, String md5, String file, Map<String, String> attributes) {

        public Package {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }
}
