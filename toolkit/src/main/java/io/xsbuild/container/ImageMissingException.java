package io.xsbuild.container;

import io.xsbuild.error.Phrase;

/** An image xsbuild needs is not in the engine and cannot be pulled (exit 3). */
public class ImageMissingException extends ContainerException {
    private final String image;

    public ImageMissingException(String image, String howToMake) {
        this(image, Phrase.of(howToMake));
    }

    /** {@code howToMake} may name settings. */
    public ImageMissingException(String image, Phrase howToMake) {
        super(Kind.ENVIRONMENT, Phrase.of("The image ", image, " is not in the Docker engine"), howToMake, null);
        this.image = image;
    }

    public String image() {
        return image;
    }
}
