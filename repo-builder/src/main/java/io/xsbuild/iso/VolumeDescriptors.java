package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The volume descriptor set (ECMA-119 8): from block 16 to the terminator, the primary volume
 * descriptor and, if there is one, the Joliet supplementary descriptor.
 *
 * @param primary     the identifiers, dates and size the primary descriptor records
 * @param primaryRoot the root directory record of the primary tree
 * @param jolietRoot  the root directory record of the Joliet tree, or null
 */
record VolumeDescriptors(IsoVolume primary, int blockSize, DirectoryRecord primaryRoot, DirectoryRecord jolietRoot) {

    static final int FIRST_BLOCK = 16;
    static final int MAX_DESCRIPTORS = 64;

    private static final byte[] STANDARD_ID = "CD001".getBytes(StandardCharsets.US_ASCII);
    private static final int PRIMARY = 1;
    private static final int SUPPLEMENTARY = 2;
    private static final int TERMINATOR = 255;
    private static final int ROOT_RECORD = 156;

    static VolumeDescriptors read(ImageChannel image) throws IsoException {
        VolumeDescriptors found = null;
        DirectoryRecord joliet = null;
        for (int i = 0; i < MAX_DESCRIPTORS; i++) {
            long offset = (long) (FIRST_BLOCK + i) * DirectoryReader.SECTOR;
            if (offset + DirectoryReader.SECTOR > image.size()) {
                throw new CorruptIsoException(image.iso(), offset, i == 0
                        ? "the file of " + image.size() + " bytes is too short to be an ISO9660 image"
                        : "the volume descriptor set ends without a terminator");
            }
            Bytes sector = image.read(offset, DirectoryReader.SECTOR, "volume descriptor");
            if (!sector.matches(1, STANDARD_ID)) {
                throw sector.corrupt(1, i == 0 ? "no ISO9660 volume descriptor (CD001): not an ISO image"
                        : "volume descriptor " + i + " lacks the identifier CD001");
            }
            int type = sector.u8(0);
            if (type == TERMINATOR) {
                break;
            }
            if (type == PRIMARY && found == null) {
                found = primary(sector);
            } else if (type == SUPPLEMENTARY && joliet == null && isJoliet(sector)) {
                joliet = DirectoryRecord.parse(sector.view(ROOT_RECORD, DirectoryRecord.MIN_LENGTH), 0);
            }
        }
        if (found == null) {
            throw new CorruptIsoException(image.iso(), (long) FIRST_BLOCK * DirectoryReader.SECTOR, "no primary volume descriptor");
        }
        return new VolumeDescriptors(found.primary, found.blockSize, found.primaryRoot, joliet);
    }

    /** The volume as read through the name tree {@code names}. */
    IsoVolume volume(IsoVolume.Names names) {
        IsoVolume p = primary;
        return new IsoVolume(p.volumeId(), p.systemId(), p.publisherId(), p.preparerId(), p.applicationId(), p.created(),
                p.blocks(), names);
    }

    private static VolumeDescriptors primary(Bytes pvd) throws CorruptIsoException {
        long blocks = pvd.both32(80, "volume space size");
        int blockSize = pvd.both16(128, "logical block size");
        Instant created = IsoDates.longForm(pvd, 813);
        IsoVolume volume = new IsoVolume(pvd.text(40, 32), pvd.text(8, 32), pvd.text(318, 128), pvd.text(446, 128),
                pvd.text(574, 128), created, blocks, IsoVolume.Names.ISO9660);
        DirectoryRecord root = DirectoryRecord.parse(pvd.view(ROOT_RECORD, DirectoryRecord.MIN_LENGTH), 0);
        return new VolumeDescriptors(volume, blockSize, root, null);
    }

    /** A supplementary descriptor whose escape sequences name UCS-2 level 1, 2 or 3 (Joliet). */
    private static boolean isJoliet(Bytes svd) throws CorruptIsoException {
        return svd.u8(88) == '%' && svd.u8(89) == '/' && (svd.u8(90) == '@' || svd.u8(90) == 'C' || svd.u8(90) == 'E');
    }
}
