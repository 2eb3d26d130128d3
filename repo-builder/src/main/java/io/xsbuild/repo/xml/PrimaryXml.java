package io.xsbuild.repo.xml;

import io.xsbuild.rpm.Dependency;
import io.xsbuild.rpm.FileEntry;
import io.xsbuild.rpm.FileFacts;
import io.xsbuild.rpm.RpmPackage;

import java.util.List;

/** A package's entry in primary.xml, element for element as createrepo_c writes it. */
final class PrimaryXml {

    static final String ROOT = "metadata";
    static final String NAMESPACES = "xmlns=\"http://linux.duke.edu/metadata/common\""
            + " xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\"";

    private PrimaryXml() {
    }

    static void write(XmlOut x, RpmPackage p) {
        FileFacts f = p.facts();
        x.start(0, "package").attribute("type", "rpm").open();
        x.element(1, "name", p.name());
        x.element(1, "arch", p.arch());
        x.start(1, "version").attribute("epoch", p.epoch()).attribute("ver", p.version())
                .attribute("rel", p.release()).end();
        x.start(1, "checksum").attribute("type", f.checksumType().repodataName()).attribute("pkgid", "YES")
                .text("checksum", f.checksum());
        x.element(1, "summary", p.summary());
        x.element(1, "description", p.description());
        x.element(1, "packager", p.packager());
        x.element(1, "url", p.url());
        x.start(1, "time").attribute("file", f.mtime()).attribute("build", p.buildTime()).end();
        x.start(1, "size").attribute("package", f.size()).attribute("installed", p.installedSize())
                .attribute("archive", p.archiveSize()).end();
        x.start(1, "location");
        if (!p.location().base().isEmpty()) {
            x.attribute("xml:base", p.location().base());
        }
        x.attribute("href", p.location().href()).end();
        x.start(1, "format").open();
        x.element(2, "rpm:license", p.license());
        x.element(2, "rpm:vendor", p.vendor());
        x.element(2, "rpm:group", p.group());
        x.element(2, "rpm:buildhost", p.buildHost());
        x.element(2, "rpm:sourcerpm", p.sourceRpm());
        x.start(2, "rpm:header-range").attribute("start", f.headerStart()).attribute("end", f.headerEnd()).end();
        var d = p.dependencies();
        dependencies(x, "rpm:provides", d.provides(), false);
        dependencies(x, "rpm:requires", d.requires(), true);
        dependencies(x, "rpm:conflicts", d.conflicts(), false);
        dependencies(x, "rpm:obsoletes", d.obsoletes(), false);
        dependencies(x, "rpm:suggests", d.suggests(), false);
        dependencies(x, "rpm:enhances", d.enhances(), false);
        dependencies(x, "rpm:recommends", d.recommends(), false);
        dependencies(x, "rpm:supplements", d.supplements(), false);
        for (FileEntry file : p.files()) {
            if (FileEntry.isPrimary(file.path())) {
                FilelistsXml.file(x, 2, file);
            }
        }
        x.close(1, "format");
        x.close(0, "package");
    }

    private static void dependencies(XmlOut x, String element, List<Dependency> list, boolean requires) {
        if (list.isEmpty()) {
            return;
        }
        boolean named = false;
        for (Dependency d : list) {
            named |= !d.name().isEmpty();
        }
        if (!named) {
            x.start(2, element).end();
            return;
        }
        x.start(2, element).open();
        for (Dependency d : list) {
            if (d.name().isEmpty()) {
                continue;
            }
            x.start(3, "rpm:entry").attribute("name", d.name());
            if (!d.flags().isEmpty()) {
                x.attribute("flags", d.flags());
                if (!d.epoch().isEmpty()) {
                    x.attribute("epoch", d.epoch());
                }
                if (!d.version().isEmpty()) {
                    x.attribute("ver", d.version());
                }
                if (!d.release().isEmpty()) {
                    x.attribute("rel", d.release());
                }
            }
            if (requires && d.pre()) {
                x.attribute("pre", "1");
            }
            x.end();
        }
        x.close(2, element);
    }
}
