package io.xsbuild.shell;

import io.xsbuild.container.Mount;
import io.xsbuild.image.Repo;
import io.xsbuild.profile.Profile;

import java.util.List;
import java.util.Objects;

/**
 * A shell in the build environment, or one command run there.
 *
 * @param repo    the repository to mount, or null
 * @param mounts  host directories to mount
 * @param command the command and its arguments, passed as they are; empty for an interactive shell
 * @param user    who runs it
 * @param tty     whether to give it a terminal (when this process has one)
 * @param session the session's id, or null for a new one
 */
public record ShellRequest(Profile profile, Repo repo, List<Mount> mounts, List<String> command, String user,
                           boolean tty, String session) {
    public ShellRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(user, "user");
        mounts = List.copyOf(mounts);
        command = List.copyOf(command);
    }
}
