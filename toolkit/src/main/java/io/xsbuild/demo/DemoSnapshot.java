package io.xsbuild.demo;

import io.xsbuild.io.Directories;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.iso.IsoWriter;
import io.xsbuild.repo.RepoCreateRequest;
import io.xsbuild.repo.RepoCreator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A demo snapshot like XenServer's: a binpkg ISO (the binary packages in {@code Packages/}, the
 * ISO's own {@code repodata/} with a comps group, and {@code .treeinfo}) and a source ISO (the
 * source packages and {@code .treeinfo}), dated the snapshot's date.
 */
final class DemoSnapshot {

    static final String PRODUCT = "xsbuild demo";
    static final String VERSION = "8.4.0";
    static final String PLATFORM = "XCP";
    static final String PLATFORM_VERSION = "3.4.0";
    static final String BUILD = "demo1";
    static final String GROUP = "xsdemo";
    /** The snapshot's date: the ISOs' volume dates and every file's time. */
    static final Instant EPOCH = Instant.parse("2025-01-06T00:00:00Z");

    private final Events events;

    DemoSnapshot(Events events) {
        this.events = events;
    }

    record Isos(Path binpkg, Path source) {
    }

    /** Where {@link #write} puts the two ISOs in {@code dir}. */
    static Isos isos(Path dir) {
        return new Isos(dir.resolve("xsdemo-" + VERSION + "-binpkg.iso"), dir.resolve("xsdemo-" + VERSION + "-source.iso"));
    }

    /** Writes the two ISOs of {@code packages} (RPMS/, SRPMS/) into {@code dir}. */
    Isos write(Path packages, Set<String> groupPackages, Path dir) throws XsbuildException, IOException {
        Files.createDirectories(dir);
        Path staging = dir.resolve("binpkg-tree");
        Directories.delete(staging);
        Path pool = Files.createDirectories(staging.resolve("Packages"));
        for (Path rpm : files(packages.resolve("RPMS"), ".rpm")) {
            Files.copy(rpm, pool.resolve(rpm.getFileName()));
        }
        Path comps = Files.writeString(dir.resolve("comps.xml"), comps(groupPackages));
        new RepoCreator(events).create(RepoCreateRequest.builder(staging).groupFile(comps).build());

        Isos isos = isos(dir);
        new IsoWriter("XSDEMO " + VERSION + " BINPKG", EPOCH).fileTimes(EPOCH)
                .addTree("Packages", pool)
                .addTree("repodata", staging.resolve("repodata"))
                .addBytes(".treeinfo", treeinfo().getBytes(StandardCharsets.UTF_8))
                .write(isos.binpkg(), events);
        Directories.delete(staging);

        IsoWriter sourceIso = new IsoWriter("XSDEMO " + VERSION + " SOURCE", EPOCH).fileTimes(EPOCH)
                .addBytes(".treeinfo", treeinfo().getBytes(StandardCharsets.UTF_8));
        for (Path srpm : files(packages.resolve("SRPMS"), ".src.rpm")) {
            sourceIso.addFile("SRPMS/" + srpm.getFileName(), srpm);
        }
        sourceIso.write(isos.source(), events);
        return isos;
    }

    static String treeinfo() {
        return "[platform]\nname = " + PLATFORM + "\nversion = " + PLATFORM_VERSION + "\n\n"
                + "[branding]\nname = " + PRODUCT + "\nversion = " + VERSION + "\n\n"
                + "[build]\nnumber = " + BUILD + "\n\n"
                + "[system-v1]\nplatform_name = " + PLATFORM + "\nplatform_version = " + PLATFORM_VERSION + "\n"
                + "product_name = " + PRODUCT + "\nproduct_version = " + VERSION + "\n";
    }

    static String comps(Set<String> packages) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE comps PUBLIC "-//Red Hat, Inc.//DTD Comps info//EN" "comps.dtd">
                <comps>
                  <group>
                    <id>%s</id>
                    <name>%s packages</name>
                    <description>The example packages of the xsbuild demo</description>
                    <default>true</default>
                    <uservisible>true</uservisible>
                    <packagelist>
                """.formatted(GROUP, PRODUCT));
        for (String name : new TreeSet<>(packages)) {
            s.append("      <packagereq type=\"mandatory\">").append(name).append("</packagereq>\n");
        }
        return s.append("    </packagelist>\n  </group>\n</comps>\n").toString();
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
