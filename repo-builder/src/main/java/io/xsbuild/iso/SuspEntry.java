package io.xsbuild.iso;

/**
 * One System Use Sharing Protocol entry (SUSP 1.12, 4): a two-letter signature, a version, and its
 * data, which carries the image offsets of its bytes.
 */
record SuspEntry(String signature, int version, Bytes data) {

    /** The image offset of the entry's first byte. */
    long offset() {
        return data.offset(0) - 4;
    }

    boolean is(String sig) {
        return signature.equals(sig);
    }
}
