package io.xsbuild.snapshot;

import io.xsbuild.iso.IsoException;
import io.xsbuild.iso.IsoImage;

import java.io.IOException;

/** A snapshot ISO opened for import, and what it holds and says about itself. */
record OpenIso(SnapshotIso iso, IsoImage image, IsoContent content) implements AutoCloseable {

    /** Opens the image and walks it; a corrupt or hostile image fails here, before anything is written. */
    static OpenIso open(SnapshotIso iso) throws IsoException, IsoMetadataException {
        IsoImage image = IsoImage.open(iso.file());
        try {
            return new OpenIso(iso, image, IsoContent.read(image));
        } catch (IsoException | IsoMetadataException | RuntimeException e) {
            try {
                image.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        image.close();
    }
}
