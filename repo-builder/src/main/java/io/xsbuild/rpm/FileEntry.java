package io.xsbuild.rpm;

import java.util.Objects;

/** A path the package installs, and what kind of entry it is. */
public record FileEntry(String path, Type type) {

    /** As filelists.xml types files: plain files carry no type. */
    public enum Type {
        FILE(""),
        DIR("dir"),
        GHOST("ghost");

        private final String repodataName;

        Type(String repodataName) {
            this.repodataName = repodataName;
        }

        /** "dir", "ghost", or "" for a plain file. */
        public String repodataName() {
            return repodataName;
        }

        /** The type repodata names {@code name}; anything unknown is a plain file, as createrepo_c reads it. */
        public static Type byName(String name) {
            return "dir".equals(name) ? DIR : "ghost".equals(name) ? GHOST : FILE;
        }
    }

    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Whether primary.xml lists this path, besides filelists.xml: what yum and dnf expect to find
     * there, paths under /etc/, paths containing "bin/", and /usr/lib/sendmail.
     */
    public static boolean isPrimary(String path) {
        return path.startsWith("/etc/") || path.equals("/usr/lib/sendmail") || path.contains("bin/");
    }
}
