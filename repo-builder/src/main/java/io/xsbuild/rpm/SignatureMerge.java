package io.xsbuild.rpm;

import io.xsbuild.rpm.header.Header;
import io.xsbuild.rpm.header.HeaderType;
import io.xsbuild.rpm.header.Tags;

/**
 * The signature header's size values moved into the main header under their main-header numbers,
 * as librpm's headerMergeLegacySigs does when it reads a package: the payload size becomes
 * ARCHIVESIZE, the header+payload size SIGSIZE, and their 64-bit variants LONGARCHIVESIZE and
 * LONGSIGSIZE. A value the main header has already stays; one of the wrong type or count is
 * not merged.
 */
final class SignatureMerge {

    private record Rule(int signatureTag, int mainTag, HeaderType type) {
    }

    private static final Rule[] RULES = {
        new Rule(Tags.Signature.SIZE, Tags.SIGSIZE, HeaderType.INT32),
        new Rule(Tags.Signature.PAYLOADSIZE, Tags.ARCHIVESIZE, HeaderType.INT32),
        new Rule(Tags.Signature.LONGSIZE, Tags.LONGSIGSIZE, HeaderType.INT64),
        new Rule(Tags.Signature.LONGARCHIVESIZE, Tags.LONGARCHIVESIZE, HeaderType.INT64),
    };

    private SignatureMerge() {
    }

    static Header merge(Header main, Header signature) {
        int[][] merged = new int[RULES.length][];
        int n = 0;
        for (Rule rule : RULES) {
            if (!main.has(rule.mainTag()) && signature.type(rule.signatureTag()) == rule.type()
                    && signature.count(rule.signatureTag()) == 1) {
                merged[n++] = new int[] {rule.mainTag(), rule.signatureTag()};
            }
        }
        return n == 0 ? main : main.withEntries(signature, java.util.Arrays.copyOf(merged, n));
    }
}
