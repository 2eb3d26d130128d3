package io.xsbuild.repo.xml;

import io.xsbuild.rpm.RpmPackage;

/**
 * One package's entries in primary.xml, filelists.xml and other.xml, as UTF-8, and its stamp: made
 * where the package is read (in a worker), written in input order by whoever holds the metadata
 * files.
 */
public record MetadataEntries(byte[] primary, byte[] filelists, byte[] other, PackageStamp stamp) {

    public static MetadataEntries of(RpmPackage p) {
        return new MetadataEntries(MetadataType.PRIMARY.entry(p), MetadataType.FILELISTS.entry(p),
                MetadataType.OTHER.entry(p), PackageStamp.of(p));
    }

    public byte[] of(MetadataType type) {
        return switch (type) {
            case PRIMARY -> primary;
            case FILELISTS -> filelists;
            case OTHER -> other;
        };
    }
}
