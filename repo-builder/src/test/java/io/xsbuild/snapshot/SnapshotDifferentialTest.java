package io.xsbuild.snapshot;

import io.xsbuild.event.Events;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.io.FileChecksums;
import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoImage;
import io.xsbuild.iso.IsoTools;
import io.xsbuild.repo.RepoOptions;
import io.xsbuild.testing.Createrepo;
import io.xsbuild.testing.KnownDifferences;
import io.xsbuild.testing.Repodata;
import io.xsbuild.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot published from an image describes its packages as createrepo_c does when run over
 * xorriso's extraction of the same image, locations aside: images made by xorriso and genisoimage,
 * with Rock Ridge and Joliet, Rock Ridge alone, Joliet alone with names over 64 characters, files
 * whose contents lie in the reverse of their paths' order (genisoimage -sort), source
 * packages more than 8 directories deep and a symbolic link. Package by package and in the same
 * order, with createrepo_c's locations moved to the snapshot's layout; createrepo_c follows the link
 * and lists its package twice, the snapshot holds it once. snapshot.json gives each image's SHA-256.
 */
class SnapshotDifferentialTest {

    @TempDir
    static Path work;

    static Path tree;

    @BeforeAll
    static void tree() throws Exception {
        TestData.createrepo();
        IsoTools.require("createrepo_c");
        tree = SnapshotTrees.mixed(work.resolve("tree"), 40);
    }

    /** Each image: how it is made, whether it holds the symbolic link and the deep source package. */
    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of("xorriso Rock Ridge + Joliet",
                        List.of("xorriso", "-joliet", "on", "-compliance", "joliet_long_names", "-outdev", "OUT", "-map", "SRC", "/"),
                        true, true),
                Arguments.of("xorriso Rock Ridge only", List.of("xorriso", "-outdev", "OUT", "-map", "SRC", "/"), true, true),
                Arguments.of("xorriso Joliet only, long names", List.of("xorriso", "-rockridge", "off", "-joliet", "on",
                        "-compliance", "joliet_long_names", "-outdev", "OUT", "-map", "SRC", "/"), false, true),
                Arguments.of("genisoimage Rock Ridge + Joliet", List.of("genisoimage", "-quiet", "-R", "-J", "-joliet-long",
                        "-o", "OUT", "SRC"), true, true),
                Arguments.of("genisoimage Rock Ridge only", List.of("genisoimage", "-quiet", "-R", "-o", "OUT", "SRC"), true, true),
                Arguments.of("genisoimage Rock Ridge, files in the reverse of their paths' order", List.of("genisoimage",
                        "-quiet", "-R", "-sort", "REVERSED", "-o", "OUT", "SRC"), true, true),
                Arguments.of("genisoimage Joliet only, long names (deep directories dropped)", List.of("genisoimage", "-quiet",
                        "-J", "-joliet-long", "-o", "OUT", "SRC"), false, false));
    }

    /** createrepo_c's packages of {@code type} but those it found through a symbolic link. */
    private static List<String> withoutLinks(Repodata theirs, String type, List<Integer> links) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < theirs.of(type).size(); i++) {
            if (!links.contains(i)) {
                list.add(theirs.of(type).get(i));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void publishesWhatCreaterepoPublishesFromTheExtraction(String name, List<String> command, boolean link, boolean deep)
            throws Exception {
        Path dir = Files.createTempDirectory(work, "case");
        Path iso = SnapshotTrees.image(command, tree, dir.resolve("mixed.iso"));
        Path extracted = dir.resolve("extracted");
        IsoTools.extract(iso, extracted);
        Createrepo.run(extracted, dir.resolve("createrepo"));

        SnapshotResult result = new SnapshotCreator(Events.NONE).create(SnapshotRequest.builder(dir.resolve("repo"))
                .iso(iso).options(RepoOptions.builder().workers(2).build()).build());

        List<Path> packages;
        try (Stream<Path> files = Files.walk(extracted)) {
            packages = files.filter(p -> p.toString().endsWith(".rpm")).sorted().toList();
        }
        List<Integer> links = new ArrayList<>();
        int[] primaryIndex = {0};
        Consumer<Element> known = KnownDifferences.forCreaterepo(extracted, packages);
        Repodata theirs = Repodata.read(dir.resolve("createrepo"), Set.of(), pkg -> {
            known.accept(pkg);
            if (pkg.getElementsByTagName("location").item(0) instanceof Element location) {
                String href = location.getAttribute("href");
                int index = primaryIndex[0]++;
                if (Files.isSymbolicLink(extracted.resolve(href))) {
                    links.add(index);
                }
                location.setAttribute("href", (href.endsWith(".src.rpm") ? "SRPMS/" : "Packages/")
                        + href.substring(href.lastIndexOf('/') + 1));
            }
        });
        Repodata ours = Repodata.read(result.current());
        for (String type : List.of("primary", "filelists", "other")) {
            assertThat(ours.of(type)).as(type).containsExactlyElementsOf(withoutLinks(theirs, type, links));
        }
        assertThat(links).as("createrepo_c lists the linked package twice").hasSize(link ? 1 : 0);
        assertThat(result.packages()).isEqualTo(packages.size() - links.size());
        assertThat(Files.exists(extracted.resolve(SnapshotTrees.DEEP))).isEqualTo(deep);
        assertThat(result.info().sourcePackages()).isEqualTo(deep ? 2 : 1);
        assertThat(Files.exists(result.current().resolve("SRPMS/deep-empty-0-0.src.rpm"))).isEqualTo(deep);
        assertThat(result.current().resolve("Packages/" + SnapshotTrees.LONG_NAME)).exists();
        assertThat(result.info().isos().get(0).sha256()).isEqualTo(FileChecksums.of(iso, ChecksumType.SHA256));
        if (command.contains("REVERSED")) {
            assertThat(dataOrder(iso)).as("the packages' contents lie in the reverse of their paths' order")
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    /** The image's packages by path, each as where its content lies. */
    private static List<Long> dataOrder(Path iso) throws Exception {
        try (IsoImage image = IsoImage.open(iso)) {
            return image.entries().stream().filter(e -> e.isFile() && e.name().endsWith(".rpm") && e.size() > 0)
                    .sorted(Comparator.comparing(IsoEntry::path)).map(e -> e.extents().get(0).offset()).toList();
        }
    }
}
