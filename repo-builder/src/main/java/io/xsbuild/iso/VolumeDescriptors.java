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
    private static final byte[] JOLIET_LEVEL_3 = {'%', '/', 'E'};
    private static final String APPLICATION = "XSBUILD";

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

    /**
     * A primary volume descriptor (8.4) or, for {@code joliet}, a supplementary one naming UCS-2
     * level 3 (Joliet), as written: 2048-byte blocks, one volume, dates in UTC, unused fields blank;
     * the modification date the 17 bytes {@code modifiedField} when given, else {@code created}.
     */
    static byte[] encode(boolean joliet, String volumeId, Instant created, byte[] modifiedField, long blocks,
                         int pathTableSize, long lPathTable, long mPathTable, byte[] rootRecord) {
        byte[] d = new byte[DirectoryReader.SECTOR];
        d[0] = (byte) (joliet ? SUPPLEMENTARY : PRIMARY);
        System.arraycopy(STANDARD_ID, 0, d, 1, STANDARD_ID.length);
        d[6] = 1;
        Fields.text(d, 8, 32, "LINUX", joliet);
        Fields.text(d, 40, 32, volumeId, joliet);
        Fields.both32(d, 80, blocks);
        if (joliet) {
            System.arraycopy(JOLIET_LEVEL_3, 0, d, 88, JOLIET_LEVEL_3.length);
        }
        Fields.both16(d, 120, 1);
        Fields.both16(d, 124, 1);
        Fields.both16(d, 128, DirectoryReader.SECTOR);
        Fields.both32(d, 132, pathTableSize);
        Fields.le32(d, 140, lPathTable);
        Fields.be32(d, 148, mPathTable);
        System.arraycopy(rootRecord, 0, d, ROOT_RECORD, rootRecord.length);
        int[][] textFields = {{190, 128}, {318, 128}, {446, 128}, {574, 128}, {702, 37}, {739, 37}, {776, 37}};
        for (int[] field : textFields) {
            Fields.text(d, field[0], field[1], field[0] == 574 ? APPLICATION : "", joliet);
        }
        Instant[] dates = {created, created, null, null};
        for (int i = 0; i < dates.length; i++) {
            System.arraycopy(IsoDates.longForm(dates[i]), 0, d, 813 + i * IsoDates.LONG, IsoDates.LONG);
        }
        if (modifiedField != null) {
            System.arraycopy(modifiedField, 0, d, 813 + IsoDates.LONG, IsoDates.LONG);
        }
        d[881] = 1;
        return d;
    }

    /** The El Torito boot record (El Torito 2.0): "EL TORITO SPECIFICATION" and the catalog's block. */
    static byte[] bootRecord(long catalogBlock) {
        byte[] d = new byte[DirectoryReader.SECTOR];
        System.arraycopy(STANDARD_ID, 0, d, 1, STANDARD_ID.length);
        d[6] = 1;
        byte[] id = "EL TORITO SPECIFICATION".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, d, 7, id.length);
        Fields.le32(d, 71, catalogBlock);
        return d;
    }

    /** The descriptor that ends the set (8.3). */
    static byte[] terminator() {
        byte[] d = new byte[DirectoryReader.SECTOR];
        d[0] = (byte) TERMINATOR;
        System.arraycopy(STANDARD_ID, 0, d, 1, STANDARD_ID.length);
        d[6] = 1;
        return d;
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
