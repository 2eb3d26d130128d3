package io.xsbuild.iso;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What Rock Ridge (RRIP 1.12) says about one directory record: its POSIX name (NM), mode (PX),
 * link target (SL), modification time (TF), and the relocation of deep directories (CL, RE).
 *
 * @param name      the NM name, or null when the record has none
 * @param mode      the PX st_mode, or {@link #NO_MODE}
 * @param symlink   the SL target, or null
 * @param modified  the TF modification time, or null
 * @param childLink the block of the relocated directory this record stands for (CL), or {@link #NO_LINK}
 * @param relocated true for the relocated directory's own record (RE), which the tree hides
 * @param encoded   the content is stored in a form this reader does not decode (ZF, SF), or null
 */
record RockRidge(String name, int mode, String symlink, Instant modified, long childLink, boolean relocated, String encoded) {

    static final int NO_MODE = -1;
    static final long NO_LINK = -1;

    static final int MAX_NAME_BYTES = 1024;
    static final int MAX_LINK_BYTES = 4096;

    private static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;

    static final int NM_CONTINUE = 0x01;
    private static final int NM_CURRENT = 0x02;
    private static final int NM_PARENT = 0x04;

    static final int SL_CONTINUE = 0x01;
    static final int SL_CURRENT = 0x02;
    static final int SL_PARENT = 0x04;
    static final int SL_ROOT = 0x08;
    private static final int SL_VOLROOT = 0x10;
    private static final int SL_HOST = 0x20;

    static final int TF_MODIFY = 0x02;
    static final int TF_ACCESS = 0x04;
    static final int TF_ATTRIBUTES = 0x08;
    private static final int TF_LONG_FORM = 0x80;

    private static final Set<String> RRIP_IDS = Set.of("RRIP_1991A", "IEEE_P1282", "IEEE_1282");

    /** Reads the Rock Ridge fields among {@code entries}; other entries are ignored. */
    static RockRidge of(List<SuspEntry> entries) throws CorruptIsoException {
        ByteArrayOutputStream name = null;
        int mode = NO_MODE;
        Instant modified = null;
        long childLink = NO_LINK;
        boolean relocated = false;
        String encoded = null;
        SymlinkBuilder symlink = null;
        for (SuspEntry entry : entries) {
            Bytes data = entry.data();
            switch (entry.signature()) {
                case "NM" -> {
                    name = name == null ? new ByteArrayOutputStream() : name;
                    appendName(name, data);
                }
                case "PX" -> mode = (int) data.both32(0, "PX file mode");
                case "SL" -> {
                    symlink = symlink == null ? new SymlinkBuilder() : symlink;
                    symlink.append(data);
                }
                case "TF" -> modified = modifyTime(data, modified);
                case "CL" -> childLink = data.both32(0, "CL child link");
                case "RE" -> relocated = true;
                case "ZF" -> encoded = "zisofs compression (Rock Ridge ZF)";
                case "SF" -> encoded = "a sparse file (Rock Ridge SF)";
                default -> {
                }
            }
        }
        return new RockRidge(name == null ? null : decode(name.toByteArray()), mode,
                symlink == null ? null : symlink.target(), modified, childLink, relocated, encoded);
    }

    /**
     * Whether the entries of the root directory's "." record announce Rock Ridge: an SP entry first
     * (SUSP 5.3), then an ER naming RRIP or Rock Ridge fields. Gives SP's LEN_SKP when they do.
     */
    static OptionalInt detect(List<SuspEntry> rootSelf) throws CorruptIsoException {
        if (rootSelf.isEmpty() || !rootSelf.get(0).is("SP")) {
            return OptionalInt.empty();
        }
        Bytes sp = rootSelf.get(0).data();
        if (sp.length() < 3 || sp.u8(0) != 0xBE || sp.u8(1) != 0xEF) {
            return OptionalInt.empty();
        }
        for (SuspEntry entry : rootSelf) {
            if (entry.is("ER") && RRIP_IDS.contains(extensionId(entry.data()))
                    || entry.is("PX") || entry.is("RR") || entry.is("NM") || entry.is("TF")) {
                return OptionalInt.of(sp.u8(2));
            }
        }
        return OptionalInt.empty();
    }

    boolean hasMode() {
        return mode != NO_MODE;
    }

    boolean isSymlink() {
        return hasMode() ? (mode & S_IFMT) == S_IFLNK : symlink != null;
    }

    /** A device, fifo or socket: a mode that is neither file, directory nor link. */
    boolean isSpecial() {
        int type = mode & S_IFMT;
        return hasMode() && type != S_IFREG && type != S_IFDIR && type != S_IFLNK;
    }

    private static void appendName(ByteArrayOutputStream name, Bytes data) throws CorruptIsoException {
        int flags = data.u8(0);
        byte[] part;
        if ((flags & NM_CURRENT) != 0) {
            part = new byte[] {'.'};
        } else if ((flags & NM_PARENT) != 0) {
            part = new byte[] {'.', '.'};
        } else {
            part = data.slice(1, data.length() - 1);
        }
        if (name.size() + part.length > MAX_NAME_BYTES) {
            throw data.corrupt(0, "Rock Ridge name longer than " + MAX_NAME_BYTES + " bytes");
        }
        name.writeBytes(part);
    }

    private static Instant modifyTime(Bytes data, Instant previous) throws CorruptIsoException {
        int flags = data.u8(0);
        int size = (flags & TF_LONG_FORM) != 0 ? IsoDates.LONG : IsoDates.SHORT;
        int pos = 1;
        for (int bit = 0; bit < 7; bit++) {
            if ((flags & 1 << bit) == 0) {
                continue;
            }
            if (1 << bit == TF_MODIFY) {
                return size == IsoDates.SHORT ? IsoDates.shortForm(data, pos) : IsoDates.longForm(data, pos);
            }
            pos += size;
        }
        return previous;
    }

    private static String extensionId(Bytes er) throws CorruptIsoException {
        int idLength = er.u8(0);
        return new String(er.slice(4, idLength), StandardCharsets.ISO_8859_1);
    }

    /** POSIX names are bytes; UTF-8 is what Linux tools write, anything else is read byte for byte. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Joins SL component records (RRIP 4.1.3.1) into a target path, across SL entries. */
    private static final class SymlinkBuilder {
        private final StringBuilder target = new StringBuilder();
        private boolean separate;

        void append(Bytes data) throws CorruptIsoException {
            int pos = 1;
            while (pos < data.length()) {
                int flags = data.u8(pos);
                int length = data.u8(pos + 1);
                byte[] content = data.slice(pos + 2, length);
                if ((flags & (SL_ROOT | SL_VOLROOT | SL_HOST)) != 0) {
                    if (target.length() > 0) {
                        throw data.corrupt(pos, "a root component in the middle of a symbolic link");
                    }
                    target.append('/');
                    separate = false;
                } else {
                    if (separate) {
                        target.append('/');
                    }
                    target.append((flags & SL_CURRENT) != 0 ? "." : (flags & SL_PARENT) != 0 ? ".." : decode(content));
                    separate = (flags & SL_CONTINUE) == 0;
                }
                if (target.length() > MAX_LINK_BYTES) {
                    throw data.corrupt(pos, "symbolic link target longer than " + MAX_LINK_BYTES + " bytes");
                }
                pos += 2 + length;
            }
        }

        String target() {
            return target.toString();
        }
    }
}
