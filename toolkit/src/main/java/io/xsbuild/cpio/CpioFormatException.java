package io.xsbuild.cpio;

import java.io.IOException;

/** A cpio archive that is not what the "new ASCII" format says; the message names the archive and the byte. */
public class CpioFormatException extends IOException {

    public CpioFormatException(String message) {
        super(message);
    }
}
