package io.xsbuild.repo.xml;

import io.xsbuild.rpm.Changelog;
import io.xsbuild.rpm.RpmPackage;

/** A package's entry in other.xml: its changelog, oldest entry first. */
final class OtherXml {

    static final String ROOT = "otherdata";
    static final String NAMESPACES = "xmlns=\"http://linux.duke.edu/metadata/other\"";

    private OtherXml() {
    }

    static void write(XmlOut x, RpmPackage p) {
        packageStart(x, p);
        for (Changelog c : p.changelogs()) {
            x.start(1, "changelog").attribute("author", c.author()).attribute("date", c.date())
                    .text("changelog", c.text());
        }
        x.close(0, "package");
    }

    /** The package element and version line filelists.xml and other.xml share. */
    static void packageStart(XmlOut x, RpmPackage p) {
        x.start(0, "package").attribute("pkgid", p.pkgid()).attribute("name", p.name())
                .attribute("arch", p.arch()).open();
        x.start(1, "version").attribute("epoch", p.epoch()).attribute("ver", p.version())
                .attribute("rel", p.release()).end();
    }
}
