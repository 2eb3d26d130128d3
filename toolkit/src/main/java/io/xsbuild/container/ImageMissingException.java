package io.xsbuild.container;

/** An image xsbuild needs is not in the engine and cannot be pulled (exit 3). */
public class ImageMissingException extends ContainerException {
    private final String image;

    public ImageMissingException(String image, String howToMake) {
        super(Kind.ENVIRONMENT, "The image " + image + " is not in the Docker engine", howToMake, null);
        this.image = image;
    }

    public String image() {
        return image;
    }
}
