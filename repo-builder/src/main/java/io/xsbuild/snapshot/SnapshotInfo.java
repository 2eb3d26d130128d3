package io.xsbuild.snapshot;

import io.xsbuild.repo.repomd.Repomd;

import java.time.Instant;
import java.util.List;

/**
 * What {@code snapshot.json} says of a snapshot: where it came from and what it holds.
 *
 * @param snapshot       its name
 * @param created        when it was published
 * @param product        the product the images belong to ({@code .treeinfo}, else the legacy {@code XS-REPOSITORY})
 * @param isos           the images, in the order given
 * @param binaryPackages packages in {@code Packages/}
 * @param sourcePackages packages in {@code SRPMS/}
 * @param group          the image file the comps file was taken from ("binpkg.iso:repodata/...-comps.xml"), or null
 * @param distros        what repomd.xml's tags name
 */
public record SnapshotInfo(String snapshot, Instant created, ProductInfo product, List<Image> isos,
                           long binaryPackages, long sourcePackages, String group, List<Repomd.Distro> distros) {

    public SnapshotInfo {
        isos = List.copyOf(isos);
        distros = List.copyOf(distros);
    }

    /**
     * One image.
     *
     * @param name               its file name
     * @param source             what the user named (a path, a URL, Maven coordinates)
     * @param sha256             its SHA-256
     * @param size               its size in bytes
     * @param volumeId           its volume identifier
     * @param kind               binary, source or mixed packages
     * @param rpms               the {@code *.rpm} files it holds
     * @param treeInfo           whether it has a {@code .treeinfo}
     * @param legacyRepositories the repositories of its legacy layout ("xs:main"), if any
     */
    public record Image(String name, String source, String sha256, long size, String volumeId, IsoContent.Kind kind,
                        int rpms, boolean treeInfo, List<String> legacyRepositories) {
        public Image {
            legacyRepositories = List.copyOf(legacyRepositories);
        }
    }
}
