package io.xsbuild.container;

/** The labels xsbuild puts on what it makes, so it can find and remove its own. */
public final class Labels {

    /** On every container and image: the id of the xsbuild run that made it. */
    public static final String SESSION = "xsbuild.session";

    /** On images: the hash of every input the image was made from. */
    public static final String INPUTS = "xsbuild.inputs";

    /** On images: the build profile. */
    public static final String PROFILE = "xsbuild.profile";

    private Labels() {
    }
}
