package io.xsbuild.container;

/** The labels xsbuild puts on what it makes, so it can find and remove its own. */
public final class Labels {

    /** On every container and image: the id of the xsbuild run that made it. */
    public static final String SESSION = "xsbuild.session";

    /** On containers: the host name of the machine whose xsbuild process started it. */
    public static final String HOST = "xsbuild.host";

    /** On containers: the id of the xsbuild process that started it. */
    public static final String PID = "xsbuild.pid";

    /**
     * On containers: when that process started, in milliseconds since the epoch, so that another
     * process given the same pid later is not taken for it.
     */
    public static final String STARTED = "xsbuild.started";

    /** On containers the user asked to keep ({@code --keep}): "true". */
    public static final String KEEP = "xsbuild.keep";

    /** On images: the hash of every input the image was made from. */
    public static final String INPUTS = "xsbuild.inputs";

    /** On images: the build profile. */
    public static final String PROFILE = "xsbuild.profile";

    private Labels() {
    }
}
