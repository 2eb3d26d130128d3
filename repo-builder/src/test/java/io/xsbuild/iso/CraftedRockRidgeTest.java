package io.xsbuild.iso;

import io.xsbuild.iso.CraftedIso.Rec;
import io.xsbuild.iso.CraftedIso.Susp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.xsbuild.iso.CraftedIso.SECTOR;
import static io.xsbuild.iso.CraftedIso.Susp.component;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rock Ridge as the specification allows but common tools rarely write it: a name continued
 * through a CE area, a link continued across SL entries and components, a hand-made relocation.
 * xorriso's extraction of the same image is the reference.
 */
class CraftedRockRidgeTest {

    static final long ROOT = 20;
    static final long MOVED = 21;
    static final long RELOCATED = 22;
    static final long AREA = 25;
    static final long DATA = 30;

    @TempDir
    Path dir;

    @Test
    void readsContinuedNamesAndLinksAndRelocatedDirectoriesAsXorrisoDoes() throws Exception {
        byte[] continued = Susp.concat(Susp.nm("and-the-second-half.txt"), Susp.px(0100644));
        byte[] deepMode = Susp.px(040755);
        Path iso = new CraftedIso(64)
                .primary(ROOT, SECTOR)
                .directory(ROOT, Rec.self(ROOT, SECTOR, Susp.rockRidgeRoot()), Rec.parent(ROOT, SECTOR),
                        Rec.file("DEEP.;1", 0, 0, Susp.nm("deep"), deepMode, Susp.cl(RELOCATED)),
                        Rec.file("LINK.;1", 0, 0, Susp.nm("link"), Susp.px(0120777),
                                Susp.sl(0x01, component(0, "usr"), component(0x01, "sha")),
                                Susp.sl(0, component(0, "re"), component(0, "doc"))),
                        Rec.file("LONG.;1", DATA, 5, Susp.nm(0x01, "first-half-of-a-name-".getBytes(StandardCharsets.UTF_8)),
                                Susp.ce(AREA, 100, continued.length)),
                        Rec.dir("RR_MOVED", MOVED, SECTOR, Susp.nm("rr_moved"), Susp.px(040555)))
                .bytes(AREA * SECTOR + 100, continued)
                .directory(MOVED, Rec.self(MOVED, SECTOR), Rec.parent(ROOT, SECTOR),
                        Rec.dir("DEEP", RELOCATED, SECTOR, Susp.nm("deep"), deepMode, Susp.re()))
                .directory(RELOCATED, Rec.self(RELOCATED, SECTOR), Rec.parent(MOVED, SECTOR, Susp.pl(ROOT)),
                        Rec.file("INNER.;1", DATA + 1, 6, Susp.nm("inner.txt"), Susp.px(0100640)))
                .bytes(DATA * SECTOR, "long\n".getBytes(StandardCharsets.US_ASCII))
                .bytes((DATA + 1) * SECTOR, "inner\n".getBytes(StandardCharsets.US_ASCII))
                .write(dir.resolve("crafted.iso"));

        Path extracted = dir.resolve("extracted");
        IsoTools.extract(iso, extracted);
        try (IsoImage image = IsoImage.open(iso)) {
            assertThat(image.volume().names()).isEqualTo(IsoVolume.Names.ROCK_RIDGE);
            assertThat(TreeSnapshot.of(image)).isEqualTo(TreeSnapshot.of(extracted));
            assertThat(image.find("first-half-of-a-name-and-the-second-half.txt")).isPresent();
            assertThat(image.find("link")).hasValueSatisfying(l -> assertThat(l.symlinkTarget()).isEqualTo("usr/share/doc"));
            assertThat(image.list("deep")).extracting(IsoEntry::path).containsExactly("deep/inner.txt");
        }
    }
}
