package io.xsbuild.iso;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SUSP entries (SUSP 1.12: SP, CE, ER) and Rock Ridge fields (RRIP 1.10, as RRIP_1991A: PX, TF,
 * NM, SL) as written, and the system use area of one directory record made of them: inline as far
 * as they fit, the rest through a CE entry in {@link ContinuationAreas}. The encoding side of
 * {@link SuspReader} and {@link RockRidge}.
 */
final class SystemUse {

    static final int CE_LENGTH = 28;
    /** What an NM or SL entry holds after its header and flags: an entry is at most 255 bytes. */
    private static final int MAX_PART = 255 - 5;

    private static final String RRIP_ID = "RRIP_1991A";
    private static final String RRIP_DESCRIPTOR =
            "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS";
    private static final String RRIP_SOURCE = "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  "
            + "SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.";

    private SystemUse() {
    }

    static byte[] entry(String signature, byte[] data) {
        byte[] e = new byte[4 + data.length];
        e[0] = (byte) signature.charAt(0);
        e[1] = (byte) signature.charAt(1);
        e[2] = (byte) e.length;
        e[3] = 1;
        System.arraycopy(data, 0, e, 4, data.length);
        return e;
    }

    /** SUSP's indicator (5.3), first in the root directory's "." record; no bytes skipped. */
    static byte[] sp() {
        return entry("SP", new byte[] {(byte) 0xBE, (byte) 0xEF, 0});
    }

    /** The extension reference (5.5) that names Rock Ridge, in the root directory's "." record. */
    static byte[] er() {
        return er(RRIP_ID, RRIP_DESCRIPTOR, RRIP_SOURCE);
    }

    static byte[] er(String id, String descriptor, String source) {
        byte[] text = (id + descriptor + source).getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[4 + text.length];
        data[0] = (byte) id.length();
        data[1] = (byte) descriptor.length();
        data[2] = (byte) source.length();
        data[3] = 1;
        System.arraycopy(text, 0, data, 4, text.length);
        return entry("ER", data);
    }

    static byte[] ce(long block, long offset, long length) {
        byte[] data = new byte[24];
        Fields.both32(data, 0, block);
        Fields.both32(data, 8, offset);
        Fields.both32(data, 16, length);
        return entry("CE", data);
    }

    /** POSIX attributes as RRIP 1.10 records them: mode, links, owner and group 0. */
    static byte[] px(int mode, int links) {
        byte[] data = new byte[32];
        Fields.both32(data, 0, mode);
        Fields.both32(data, 8, links);
        return entry("PX", data);
    }

    /** The modification, access and attribute change times, all {@code time}. */
    static byte[] tf(Instant time) {
        byte[] date = IsoDates.shortForm(time);
        byte[] data = new byte[1 + 3 * date.length];
        data[0] = RockRidge.TF_MODIFY | RockRidge.TF_ACCESS | RockRidge.TF_ATTRIBUTES;
        for (int i = 0; i < 3; i++) {
            System.arraycopy(date, 0, data, 1 + i * date.length, date.length);
        }
        return entry("TF", data);
    }

    /** The name in UTF-8, in as many NM entries as it needs. */
    static List<byte[]> nm(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        List<byte[]> entries = new ArrayList<>();
        for (int at = 0; at < bytes.length || at == 0; at += MAX_PART) {
            int length = Math.min(MAX_PART, bytes.length - at);
            byte[] data = new byte[1 + length];
            data[0] = (byte) (at + length < bytes.length ? RockRidge.NM_CONTINUE : 0);
            System.arraycopy(bytes, at, data, 1, length);
            entries.add(entry("NM", data));
        }
        return entries;
    }

    /**
     * The link target as SL component records (RRIP 4.1.3.1) in as many SL entries as it needs:
     * a leading '/' is the root component, "." and ".." their own, empty components are dropped.
     */
    static List<byte[]> sl(String target) {
        List<byte[]> components = new ArrayList<>();
        if (target.startsWith("/")) {
            components.add(new byte[] {RockRidge.SL_ROOT, 0});
        }
        for (String part : target.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                components.add(new byte[] {(byte) (part.equals(".") ? RockRidge.SL_CURRENT : RockRidge.SL_PARENT), 0});
            } else if (!part.isEmpty()) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                for (int at = 0; at < bytes.length; at += MAX_PART - 2) {
                    int length = Math.min(MAX_PART - 2, bytes.length - at);
                    byte[] c = new byte[2 + length];
                    c[0] = (byte) (at + length < bytes.length ? RockRidge.SL_CONTINUE : 0);
                    c[1] = (byte) length;
                    System.arraycopy(bytes, at, c, 2, length);
                    components.add(c);
                }
            }
        }
        List<ByteArrayOutputStream> groups = split(components, MAX_PART);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.write(i + 1 < groups.size() ? RockRidge.SL_CONTINUE : 0);
            data.writeBytes(groups.get(i).toByteArray());
            entries.add(entry("SL", data.toByteArray()));
        }
        return entries;
    }

    /**
     * The system use area of one record with room for {@code room} bytes: all of {@code entries}
     * when they fit, else those that fit before a CE entry, which leads to the rest in {@code areas}.
     */
    static byte[] area(List<byte[]> entries, int room, ContinuationAreas areas) {
        ByteArrayOutputStream inline = new ByteArrayOutputStream();
        int total = entries.stream().mapToInt(e -> e.length).sum();
        int i = 0;
        while (i < entries.size() && inline.size() + entries.get(i).length <= (total <= room ? room : room - CE_LENGTH)) {
            inline.writeBytes(entries.get(i++));
        }
        if (i < entries.size()) {
            inline.writeBytes(areas.spill(entries.subList(i, entries.size())));
        }
        return inline.toByteArray();
    }

    /** The parts, in order, in groups of at most {@code capacity} bytes; no part is split. */
    static List<ByteArrayOutputStream> split(List<byte[]> parts, int capacity) {
        List<ByteArrayOutputStream> groups = new ArrayList<>(List.of(new ByteArrayOutputStream()));
        for (byte[] part : parts) {
            ByteArrayOutputStream last = groups.get(groups.size() - 1);
            if (last.size() + part.length > capacity) {
                last = new ByteArrayOutputStream();
                groups.add(last);
            }
            last.writeBytes(part);
        }
        return groups;
    }
}
