package io.xsbuild.snapshot;

import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoException;
import io.xsbuild.iso.IsoImage;
import io.xsbuild.iso.IsoVolume;
import io.xsbuild.repo.repomd.Repomd;
import io.xsbuild.repo.repomd.RepomdException;
import io.xsbuild.repo.repomd.RepomdRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one snapshot ISO holds and says about itself: its RPMs (binary, source, wherever they lie),
 * the product it belongs to (from {@code .treeinfo}, else from the legacy {@code XS-REPOSITORY}),
 * its own repodata and comps, its legacy repositories.
 *
 * @param treeInfo the parsed {@code .treeinfo}, or null when the image has none
 * @param repomd   the parsed {@code repodata/repomd.xml}, or null when the image has none
 * @param legacy   the repositories of the layout of XenServer 7.0 and earlier, if any
 * @param rpms     every regular file named {@code *.rpm}, in walk order
 */
public record IsoContent(Path iso, IsoVolume volume, Kind kind, ProductInfo product, TreeInfo treeInfo, Repomd repomd,
                         List<LegacyRepository> legacy, List<IsoEntry> rpms) {

    /** Whether the image carries binary packages, source packages, both or neither. */
    public enum Kind { BINARY, SOURCE, MIXED, EMPTY }

    static final int MAX_METADATA = 16 << 20;

    public IsoContent {
        legacy = List.copyOf(legacy);
        rpms = List.copyOf(rpms);
    }

    /** Walks the image once and reads its metadata files; no package is read. */
    public static IsoContent read(IsoImage iso) throws IsoException, IsoMetadataException {
        List<IsoEntry> rpms = new ArrayList<>();
        for (IsoEntry e : iso.entries()) {
            if (e.isFile() && e.name().toLowerCase(Locale.ROOT).endsWith(".rpm")) {
                rpms.add(e);
            }
        }
        Optional<byte[]> treeInfoBytes = iso.readFile(TreeInfo.FILE, MAX_METADATA);
        TreeInfo treeInfo = treeInfoBytes.isPresent() ? TreeInfo.parse(iso.path(), treeInfoBytes.get()) : null;
        Repomd repomd = readRepomd(iso).orElse(null);
        List<LegacyRepository> legacy = LegacyLayout.read(iso);
        ProductInfo product = (treeInfo == null ? ProductInfo.UNKNOWN : treeInfo.product()).or(legacyProduct(legacy));
        return new IsoContent(iso.path(), iso.volume(), kind(rpms), product, treeInfo, repomd, legacy, rpms);
    }

    /** The image's own {@code repodata/repomd.xml}, parsed, if it has one. */
    public static Optional<Repomd> readRepomd(IsoImage iso) throws IsoException, IsoMetadataException {
        Optional<byte[]> bytes = iso.readFile(Repomd.PATH, MAX_METADATA);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(parseRepomd(iso.path(), bytes.get()));
    }

    /** The repomd.xml {@code xml} of the image {@code iso}; what is wrong with it is named with the image. */
    static Repomd parseRepomd(Path iso, byte[] xml) throws IsoMetadataException {
        try {
            return Repomd.parse(iso + ":" + Repomd.PATH, xml);
        } catch (RepomdException e) {
            throw new IsoMetadataException(iso, Repomd.PATH, e.problem(), e);
        }
    }

    /** The comps record of the image's own repodata, if it has one. */
    public Optional<RepomdRecord> group() {
        return repomd == null ? Optional.empty() : GroupFile.record(repomd);
    }

    public List<IsoEntry> sourceRpms() {
        return rpms.stream().filter(IsoContent::isSource).toList();
    }

    public List<IsoEntry> binaryRpms() {
        return rpms.stream().filter(e -> !isSource(e)).toList();
    }

    /** {@code *.src.rpm} and {@code *.nosrc.rpm}, by name as rpmbuild writes them. */
    public static boolean isSource(IsoEntry rpm) {
        String name = rpm.name().toLowerCase(Locale.ROOT);
        return name.endsWith(".src.rpm") || name.endsWith(".nosrc.rpm");
    }

    private static Kind kind(List<IsoEntry> rpms) {
        long sources = rpms.stream().filter(IsoContent::isSource).count();
        if (rpms.isEmpty()) {
            return Kind.EMPTY;
        }
        return sources == 0 ? Kind.BINARY : sources == rpms.size() ? Kind.SOURCE : Kind.MIXED;
    }

    /** The product the main legacy repository (xs:main, xcp:main, else the first) names. */
    private static ProductInfo legacyProduct(List<LegacyRepository> legacy) {
        LegacyRepository main = legacy.stream()
                .filter(r -> r.identifier().equals("xs:main") || r.identifier().equals("xcp:main"))
                .findFirst().orElse(legacy.isEmpty() ? null : legacy.get(0));
        return main == null ? ProductInfo.UNKNOWN : new ProductInfo(main.product(), main.version(), null, null, main.build());
    }
}
