package io.xsbuild.shell;

import io.xsbuild.container.Mount;
import io.xsbuild.repository.RepoRequest;
import io.xsbuild.profile.Profile;

import java.util.List;
import java.util.Objects;

/**
 * A shell in the build environment, or one command run there.
 *
 * @param repos   the repositories to read besides the profile's
 * @param mounts  host directories to mount
 * @param command the command and its arguments, passed as they are; empty for an interactive shell
 * @param user    who runs it
 * @param tty     whether to give it a terminal (when this process has one)
 * @param session the session's id, or null for a new one
 */
public record ShellRequest(Profile profile, RepoRequest repos, List<Mount> mounts, List<String> command, String user,
                           boolean tty, String session) {
    public ShellRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(user, "user");
        repos = repos == null ? RepoRequest.NONE : repos;
        mounts = List.copyOf(mounts);
        command = List.copyOf(command);
    }
}
