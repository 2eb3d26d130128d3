package io.xsbuild.profile;

/**
 * How a profile's base image is made when the engine lacks it: pulled from its registry, or made by
 * a script in the profile's folder (testbase's debootstrap, where no registry answers).
 *
 * @param script the script's name in the profile's folder; null to pull
 */
public record BaseRecipe(String script) {

    public static final BaseRecipe PULL = new BaseRecipe(null);

    public boolean pulled() {
        return script == null;
    }

    /** The command that makes {@code image}, as the user is told to run it. */
    public String command(String image, ProfileFolder folder) {
        return pulled() ? "docker pull " + image : folder.display(script);
    }
}
