package io.xsbuild.rpm;

import java.io.IOException;

/** The 96-byte lead every RPM file starts with; only its magic, version and signature type matter. */
final class Lead {

    static final int SIZE = 96;
    private static final int SIGNATURE_TYPE_HEADER = 5;

    private Lead() {
    }

    static void read(PackageInput in) throws RpmFormatException, IOException {
        if (in.remaining() < SIZE) {
            throw new RpmFormatException(in.remaining() == 0 ? "empty file, not an RPM package"
                    : "not an RPM package: " + in.remaining() + " bytes, shorter than the 96-byte lead");
        }
        byte[] lead = in.read(SIZE, "the lead");
        if ((lead[0] & 0xff) != 0xed || (lead[1] & 0xff) != 0xab || (lead[2] & 0xff) != 0xee || (lead[3] & 0xff) != 0xdb) {
            throw new RpmFormatException(String.format("not an RPM package: starts with %02x %02x %02x %02x,"
                    + " expected the lead magic ed ab ee db", lead[0], lead[1], lead[2], lead[3]));
        }
        int major = lead[4] & 0xff;
        if (major != 3 && major != 4) {
            throw new RpmFormatException("unsupported RPM format version " + major + " in the lead, expected 3 or 4");
        }
        int signatureType = (lead[78] & 0xff) << 8 | (lead[79] & 0xff);
        if (signatureType != SIGNATURE_TYPE_HEADER) {
            throw new RpmFormatException("the lead names signature type " + signatureType
                    + ", expected 5 (a signature header)");
        }
    }
}
