package io.xsbuild.repo.xml;

import io.xsbuild.rpm.FileEntry;
import io.xsbuild.rpm.RpmPackage;

/** A package's entry in filelists.xml: every file, directory and ghost it installs. */
final class FilelistsXml {

    static final String ROOT = "filelists";
    static final String NAMESPACES = "xmlns=\"http://linux.duke.edu/metadata/filelists\"";

    private FilelistsXml() {
    }

    static void write(XmlOut x, RpmPackage p) {
        OtherXml.packageStart(x, p);
        for (FileEntry file : p.files()) {
            file(x, 1, file);
        }
        x.close(0, "package");
    }

    static void file(XmlOut x, int depth, FileEntry file) {
        x.start(depth, "file");
        if (file.type() != FileEntry.Type.FILE) {
            x.attribute("type", file.type().repodataName());
        }
        x.text("file", file.path());
    }
}
