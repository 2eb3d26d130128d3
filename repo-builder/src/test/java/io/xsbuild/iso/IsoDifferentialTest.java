package io.xsbuild.iso;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader against xorriso's own extraction, on images made by xorriso and genisoimage. */
class IsoDifferentialTest {

    @TempDir
    static Path work;

    static Path source;

    @BeforeAll
    static void tree() throws Exception {
        source = SourceTree.create(work.resolve("src"));
    }

    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of("xorriso Rock Ridge + Joliet", IsoVolume.Names.ROCK_RIDGE,
                        List.of("xorriso", "-joliet", "on", "-compliance", "joliet_long_names", "-outdev", "OUT", "-map", "SRC", "/")),
                Arguments.of("xorriso Rock Ridge only", IsoVolume.Names.ROCK_RIDGE,
                        List.of("xorriso", "-outdev", "OUT", "-map", "SRC", "/")),
                Arguments.of("xorriso Rock Ridge, deep directories relocated", IsoVolume.Names.ROCK_RIDGE,
                        List.of("xorriso", "-compliance", "deep_paths_off", "-rr_reloc_dir", "RR_MOVED", "-outdev", "OUT", "-map", "SRC", "/")),
                Arguments.of("xorriso Joliet only, long names", IsoVolume.Names.JOLIET,
                        List.of("xorriso", "-rockridge", "off", "-joliet", "on", "-compliance", "joliet_long_names", "-outdev", "OUT", "-map", "SRC", "/")),
                Arguments.of("genisoimage Rock Ridge + Joliet, deep directories relocated", IsoVolume.Names.ROCK_RIDGE,
                        List.of("genisoimage", "-quiet", "-R", "-J", "-joliet-long", "-o", "OUT", "SRC")),
                Arguments.of("genisoimage Rock Ridge only, deep directories relocated", IsoVolume.Names.ROCK_RIDGE,
                        List.of("genisoimage", "-quiet", "-R", "-o", "OUT", "SRC")),
                Arguments.of("genisoimage rationalized Rock Ridge, deep directories kept", IsoVolume.Names.ROCK_RIDGE,
                        List.of("genisoimage", "-quiet", "-r", "-D", "-o", "OUT", "SRC")),
                Arguments.of("genisoimage Joliet only, long names", IsoVolume.Names.JOLIET,
                        List.of("genisoimage", "-quiet", "-J", "-joliet-long", "-o", "OUT", "SRC")),
                Arguments.of("genisoimage plain ISO9660", IsoVolume.Names.ISO9660,
                        List.of("genisoimage", "-quiet", "-o", "OUT", "SRC")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void readsWhatXorrisoExtracts(String name, IsoVolume.Names names, List<String> command) throws Exception {
        Path dir = Files.createTempDirectory(work, "case");
        Path iso = dir.resolve("image.iso");
        List<String> cmd = new ArrayList<>();
        for (String arg : command) {
            cmd.add(arg.equals("OUT") ? iso.toString() : arg.equals("SRC") ? source.toString() : arg);
        }
        IsoTools.run(cmd);
        Path extracted = dir.resolve("extracted");
        IsoTools.extract(iso, extracted);

        TreeSnapshot expected = TreeSnapshot.of(extracted);
        try (IsoImage image = IsoImage.open(iso)) {
            assertThat(image.volume().names()).isEqualTo(names);
            TreeSnapshot actual = TreeSnapshot.of(image);
            assertThat(actual.nodes().keySet()).containsExactlyElementsOf(expected.nodes().keySet());
            assertThat(actual.nodes()).containsExactlyEntriesOf(expected.nodes());
        }
    }
}
