package io.xsbuild.shell;

import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.RuntimeConnector;
import io.xsbuild.container.Step;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.image.EnvImages;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;

import java.util.List;
import java.util.Map;

/**
 * {@code xsbuild shell}: the profile's image with the run's repositories configured and the given
 * directories mounted, and a login shell in it, or one command run with its arguments exactly as given. The
 * container is removed when it ends.
 */
public final class Shell {

    private final RuntimeConnector connector;
    private final Events events;

    public Shell(RuntimeConnector connector, Events events) {
        this.connector = connector;
        this.events = events;
    }

    /** Runs the shell or command; returns its exit code. */
    public int run(ShellRequest request) throws XsbuildException {
        try (ContainerRepos repos = ContainerRepos.resolve(request.repos(), request.profile().name(),
                request.profile().repoFiles(), events);
             ContainerRuntime runtime = connector.connect();
             Session session = Session.open(runtime, request.session(), events)) {
            EnvImage image = new EnvImages(session).ensure(request.profile());
            ContainerSpec.Builder spec = repos.mount(ContainerSpec.builder(image.tag())
                    .network("bridge")
                    .hostname("xsbuild"), runtime);
            request.mounts().forEach(spec::mount);
            if (runtime.remote() && !request.mounts().isEmpty()) {
                events.warn("The engine " + runtime.info().endpoint() + " is taken to be on another machine: -v mounts "
                        + "that machine's directories, not this one's");
            }
            String home = home(request.user());
            String dir = request.mounts().isEmpty() ? home : request.mounts().get(0).container();
            List<String> argv = request.command().isEmpty() ? List.of("bash", "-l") : request.command();
            Step step = new Step(argv, request.user(), dir, home == null ? Map.of() : Map.of("HOME", home));
            SessionContainer container = session.start(spec);
            repos.apply(container);
            return container.attach(step, request.tty());
        }
    }

    /** The home of the users every image has; null for others (the engine's default). */
    private static String home(String user) {
        return "root".equals(user) ? "/root" : ContainerLayout.BUILDER.equals(user) ? ContainerLayout.BUILDER_HOME : null;
    }
}
