package io.xsbuild.iso;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An El Torito boot catalog (El Torito 1.0, 2.0 to 2.5) as recorded: the validation entry's
 * platform and id with the initial (default) entry as the first section, then each section of
 * further images (a header naming the platform, then its entries). Read from an image, written
 * back by {@link IsoWriter} with each image's new block.
 *
 * @param sections the first holds exactly the default entry, with the validation entry's platform and id
 */
public record BootCatalog(List<Section> sections) {

    /** Catalogs longer than this are refused: 2048 entries is far more than any firmware reads. */
    static final int MAX_BYTES = 32 * DirectoryReader.SECTOR;

    private static final int VALIDATION = 0x01;
    private static final int MORE_HEADERS = 0x90;
    private static final int FINAL_HEADER = 0x91;
    private static final int EXTENSION = 0x44;
    private static final int CONTINUES = 0x20;
    private static final int VALIDATION_ID = 24;
    private static final int SECTION_ID = 28;

    /**
     * Images of one platform.
     *
     * @param platform 0 x86 BIOS, 1 PowerPC, 2 Mac, 0xEF EFI
     * @param id       the id string as recorded: 24 bytes for the validation entry, 28 for a section header
     */
    public record Section(int platform, byte[] id, List<BootEntry> entries) {
        public Section {
            id = id.clone();
            entries = List.copyOf(entries);
        }

        @Override
        public byte[] id() {
            return id.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Section s && platform == s.platform && Arrays.equals(id, s.id) && entries.equals(s.entries);
        }

        @Override
        public int hashCode() {
            return platform * 31 + entries.hashCode();
        }

        @Override
        public String toString() {
            return "Section[platform 0x" + Integer.toHexString(platform) + ", '"
                    + new String(id, StandardCharsets.ISO_8859_1).replace("\0", "") + "', " + entries + "]";
        }
    }

    public BootCatalog {
        sections = List.copyOf(sections);
        if (sections.isEmpty() || sections.get(0).entries().size() != 1 || sections.get(0).id.length != VALIDATION_ID) {
            throw new IllegalArgumentException("a boot catalog starts with the default entry and a 24-byte id");
        }
        for (Section s : sections.subList(1, sections.size())) {
            if (s.id.length != SECTION_ID || s.entries().isEmpty()) {
                throw new IllegalArgumentException("a section has a 28-byte id and at least one entry");
            }
        }
    }

    /** Every image, the default first, in catalog order. */
    public List<BootEntry> entries() {
        List<BootEntry> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.entries()));
        return all;
    }

    /** The platform of the section holding the {@code index}-th of {@link #entries()}. */
    public int platformOf(int index) {
        int n = 0;
        for (Section s : sections) {
            n += s.entries().size();
            if (index < n) {
                return s.platform();
            }
        }
        throw new IndexOutOfBoundsException(index);
    }

    /** This catalog with the images at {@code blocks}, one for each of {@link #entries()}, in order. */
    public BootCatalog withBlocks(List<Long> blocks) {
        if (blocks.size() != entries().size()) {
            throw new IllegalArgumentException(blocks.size() + " blocks for " + entries().size() + " images");
        }
        List<Section> moved = new ArrayList<>();
        int i = 0;
        for (Section s : sections) {
            List<BootEntry> entries = new ArrayList<>();
            for (BootEntry e : s.entries()) {
                entries.add(e.at(blocks.get(i++)));
            }
            moved.add(new Section(s.platform(), s.id, entries));
        }
        return new BootCatalog(moved);
    }

    /** The catalog in whole 2048-byte blocks. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Section first = sections.get(0);
        byte[] validation = new byte[BootEntry.LENGTH];
        validation[0] = VALIDATION;
        validation[1] = (byte) first.platform();
        System.arraycopy(first.id, 0, validation, 4, VALIDATION_ID);
        validation[30] = 0x55;
        validation[31] = (byte) 0xAA;
        int sum = 0;
        for (int i = 0; i < BootEntry.LENGTH; i += 2) {
            sum += (validation[i] & 0xff) | (validation[i + 1] & 0xff) << 8;
        }
        Fields.le16(validation, 28, -sum & 0xffff);
        out.writeBytes(validation);
        out.writeBytes(first.entries().get(0).encode());
        for (int k = 1; k < sections.size(); k++) {
            Section s = sections.get(k);
            byte[] header = new byte[BootEntry.LENGTH];
            header[0] = (byte) (k == sections.size() - 1 ? FINAL_HEADER : MORE_HEADERS);
            header[1] = (byte) s.platform();
            Fields.le16(header, 2, s.entries().size());
            System.arraycopy(s.id, 0, header, 4, SECTION_ID);
            out.writeBytes(header);
            s.entries().forEach(e -> out.writeBytes(e.encode()));
        }
        int blocks = (out.size() + DirectoryReader.SECTOR - 1) / DirectoryReader.SECTOR;
        return Arrays.copyOf(out.toByteArray(), blocks * DirectoryReader.SECTOR);
    }

    /** The bytes {@link #encode()} takes, in whole blocks. */
    int encodedLength() {
        int entries = 2;
        for (Section s : sections.subList(1, sections.size())) {
            entries += 1;
            for (BootEntry e : s.entries()) {
                entries += 1 + e.extensions().length / BootEntry.LENGTH;
            }
        }
        entries += sections.get(0).entries().get(0).extensions().length / BootEntry.LENGTH;
        int bytes = entries * BootEntry.LENGTH;
        return (bytes + DirectoryReader.SECTOR - 1) / DirectoryReader.SECTOR * DirectoryReader.SECTOR;
    }

    /**
     * Parses a catalog: the validation entry (header 1, a zero checksum, key 55 AA), the default
     * entry, then section headers (0x90, the last 0x91) each followed by its entries and their
     * extension entries, until the final section or an unused entry.
     */
    static BootCatalog parse(Bytes catalog) throws CorruptIsoException {
        if (catalog.u8(0) != VALIDATION || catalog.u8(30) != 0x55 || catalog.u8(31) != 0xAA) {
            throw catalog.corrupt(0, "the El Torito boot catalog does not start with a validation entry (header 01, key 55 AA)");
        }
        int sum = 0;
        for (int i = 0; i < BootEntry.LENGTH; i += 2) {
            sum += catalog.u8(i) | catalog.u8(i + 1) << 8;
        }
        if ((sum & 0xffff) != 0) {
            throw catalog.corrupt(28, "the El Torito validation entry's checksum does not sum to zero");
        }
        List<Section> sections = new ArrayList<>();
        int at = BootEntry.LENGTH;
        int[] next = {at + BootEntry.LENGTH};
        BootEntry initial = BootEntry.parse(catalog, at, extensions(catalog, at, next));
        sections.add(new Section(catalog.u8(1), catalog.slice(4, VALIDATION_ID), List.of(initial)));
        at = next[0];
        while (at + BootEntry.LENGTH <= catalog.length()) {
            int header = catalog.u8(at);
            if (header != MORE_HEADERS && header != FINAL_HEADER) {
                break;
            }
            int platform = catalog.u8(at + 1);
            int count = catalog.u8(at + 2) | catalog.u8(at + 3) << 8;
            byte[] id = catalog.slice(at + 4, SECTION_ID);
            at += BootEntry.LENGTH;
            List<BootEntry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (at + BootEntry.LENGTH > catalog.length()) {
                    throw catalog.corrupt(at, "a boot catalog section of " + count + " entries runs past the end of the catalog");
                }
                next[0] = at + BootEntry.LENGTH;
                entries.add(BootEntry.parse(catalog, at, extensions(catalog, at, next)));
                at = next[0];
            }
            if (count == 0) {
                throw catalog.corrupt(at - BootEntry.LENGTH, "a boot catalog section header with no entries");
            }
            sections.add(new Section(platform, id, entries));
            if (header == FINAL_HEADER) {
                break;
            }
        }
        return new BootCatalog(sections);
    }

    /** The extension entries after the entry at {@code entry}; {@code next[0]} moves past them. */
    private static byte[] extensions(Bytes catalog, int entry, int[] next) throws CorruptIsoException {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        boolean more = (catalog.u8(entry + 1) & CONTINUES) != 0 && entry != BootEntry.LENGTH;
        while (more) {
            int at = next[0];
            if (at + BootEntry.LENGTH > catalog.length() || catalog.u8(at) != EXTENSION) {
                throw catalog.corrupt(at, "a boot catalog entry announces an extension entry (0x44) that is not there");
            }
            ext.writeBytes(catalog.slice(at, BootEntry.LENGTH));
            more = (catalog.u8(at + 1) & CONTINUES) != 0;
            next[0] = at + BootEntry.LENGTH;
        }
        return ext.toByteArray();
    }
}
