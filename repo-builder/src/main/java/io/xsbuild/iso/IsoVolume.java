package io.xsbuild.iso;

import java.time.Instant;

/**
 * What the primary volume descriptor says about an image, and which name tree the reader uses.
 *
 * @param volumeId      the volume identifier ("XenServer-8.2.1 binpkg")
 * @param blocks        the volume space size, in 2048-byte blocks
 * @param names         the tree whose names the entries carry
 */
public record IsoVolume(String volumeId, String systemId, String publisherId, String preparerId, String applicationId,
                        Instant created, long blocks, Names names) {

    /** Where entry names come from, in order of preference. */
    public enum Names {
        /** POSIX names, modes, links and times from Rock Ridge (RRIP) in the primary tree. */
        ROCK_RIDGE,
        /** UCS-2 names from the Joliet supplementary tree, when there is no Rock Ridge. */
        JOLIET,
        /** The primary tree's own identifiers, version (";1") and trailing dot removed. */
        ISO9660
    }

    public long bytes() {
        return blocks * DirectoryReader.SECTOR;
    }
}
