package io.xsbuild.doctor;

import java.util.List;

/**
 * A profile, where it comes from and its base image: present, or the command that makes it; a profile
 * folder that cannot be read has its error instead.
 *
 * @param location {@code shipped}, or the user's profile folder
 * @param present  whether the engine has the base image (false when the engine was not reached)
 * @param fix      the command that makes a missing base image
 * @param error    what is wrong with a profile folder that cannot be read; null for a usable profile
 */
public record ImageCheck(String profile, String description, List<String> aliases, String location, String image,
                         boolean present, String fix, String error) {
    public ImageCheck {
        aliases = List.copyOf(aliases);
    }
}
