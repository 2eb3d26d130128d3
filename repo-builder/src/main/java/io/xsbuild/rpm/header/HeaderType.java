package io.xsbuild.rpm.header;

/** The type of a header entry's data, as the index entry numbers it. */
public enum HeaderType {
    NULL(0, 0),
    CHAR(1, 1),
    INT8(2, 1),
    INT16(3, 2),
    INT32(4, 4),
    INT64(5, 8),
    STRING(6, 0),
    BIN(7, 1),
    STRING_ARRAY(8, 0),
    I18NSTRING(9, 0);

    private static final HeaderType[] BY_ID = values();

    private final int id;
    private final int width;

    HeaderType(int id, int width) {
        this.id = id;
        this.width = width;
    }

    public int id() {
        return id;
    }

    /** HeaderBytes per element for fixed-size types, 0 for strings (NUL-terminated) and NULL. */
    int width() {
        return width;
    }

    /** The boundary the data of this type must start on. */
    int alignment() {
        return this == INT16 || this == INT32 || this == INT64 ? width : 1;
    }

    boolean isInteger() {
        return this == CHAR || this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    boolean isText() {
        return this == STRING || this == STRING_ARRAY || this == I18NSTRING;
    }

    /** The type numbered {@code id}, or null for a number no type has. */
    static HeaderType of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
