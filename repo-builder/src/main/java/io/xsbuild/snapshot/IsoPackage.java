package io.xsbuild.snapshot;

import io.xsbuild.iso.IsoEntry;

/**
 * A package in an image, and where it goes in the snapshot.
 *
 * @param href the path in the snapshot ("Packages/xen-4.17.5-1.x86_64.rpm")
 */
record IsoPackage(OpenIso from, IsoEntry entry, String href) {

    /** How messages name it: "binpkg.iso:Packages/xen-4.17.5-1.x86_64.rpm". */
    String label() {
        return from.iso().name() + ":" + entry.path();
    }

    /** Its modification time in seconds, as extracting the image would give the file. */
    long mtime() {
        return entry.modified().getEpochSecond();
    }
}
