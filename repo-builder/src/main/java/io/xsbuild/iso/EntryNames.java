package io.xsbuild.iso;

import java.nio.charset.StandardCharsets;

/** Decoding the names of the plain and Joliet trees, and the rule every name must satisfy. */
final class EntryNames {

    private EntryNames() {
    }

    /** A plain ISO9660 identifier: its ";version" removed, then, for a file, a trailing dot. */
    static String plain(byte[] identifier, boolean directory) {
        String name = withoutVersion(new String(identifier, StandardCharsets.ISO_8859_1));
        if (!directory && name.endsWith(".") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** A Joliet identifier: UCS-2 big-endian (UTF-16 in practice), its ";version" removed. */
    static String joliet(DirectoryRecord record) throws CorruptIsoException {
        byte[] identifier = record.identifier();
        if (identifier.length % 2 != 0) {
            throw record.corrupt(DirectoryRecord.IDENTIFIER, "Joliet name of " + identifier.length + " bytes, an odd number");
        }
        return withoutVersion(new String(identifier, StandardCharsets.UTF_16BE));
    }

    /**
     * Why {@code name} cannot stand as one component of a path, or null when it can: it must not be
     * empty, "." or "..", nor contain '/' or NUL.
     */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "the name '" + name + "' would climb the tree";
        }
        if (name.indexOf('/') >= 0) {
            return "the name contains '/'";
        }
        if (name.indexOf('\0') >= 0) {
            return "the name contains a NUL byte";
        }
        return null;
    }

    private static String withoutVersion(String name) {
        int semicolon = name.lastIndexOf(';');
        if (semicolon < 0) {
            return name;
        }
        for (int i = semicolon + 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return name;
            }
        }
        return name.substring(0, semicolon);
    }
}
