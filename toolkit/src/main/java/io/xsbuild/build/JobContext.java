package io.xsbuild.build;

import io.xsbuild.build.output.Collector;
import io.xsbuild.build.output.PackageLogs;
import io.xsbuild.container.LineSink;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.profile.Profile;
import io.xsbuild.packages.BuildRequires;
import io.xsbuild.session.EventLines;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;

import java.nio.file.Path;
import java.util.List;

/**
 * What the jobs of a run share: the session, the image, the profile, the repository, the settings and
 * OUT; and the stages every kind of job has: builddep, cutting the network, collecting.
 *
 * @param repos how the run's repositories reach its containers
 */
record JobContext(Session session, EnvImage image, Profile profile, ContainerRepos repos, BuildSettings settings, Path out) {

    Events events() {
        return session.events();
    }

    Collector collector() {
        return new Collector(out);
    }

    /** The name of a job's staging directory in OUT: unique to the session and the job. */
    String stagingName(String job) {
        return session.id() + "-" + job;
    }

    /**
     * The builddep stage: installs, as root, the BuildRequires of the files {@code requirers} gives (source
     * packages or specs in the container), into root.log; nothing when the image is a warm one made for
     * {@code repositoryPackage} from this very state of the repository, or when there are no files.
     */
    void builddep(SessionContainer container, StageClock stages, PackageLogs logs, String name, String repositoryPackage,
                  StageClock.Stage<List<String>> requirers) throws XsbuildException {
        if (warmFor(repositoryPackage)) {
            stages.run("builddep", "BuildRequires already in " + image.tag(), () -> {
                logs.root().line(LineSink.Stream.STDOUT, "The BuildRequires of " + repositoryPackage + " are installed in "
                        + image.tag() + ", made for it from this state of the repositories ("
                        + image.repos() + "): nothing to install.");
                return null;
            });
            return;
        }
        stages.run("builddep", "installing its BuildRequires", logs.root(), () -> {
            List<String> files = requirers.run();
            if (files.isEmpty()) {
                logs.root().line(LineSink.Stream.STDOUT, name + " names no BuildRequires to install.");
            } else {
                new BuildRequires(profile.packageManager()).install(container, files,
                        logs.root().and(EventLines.of(events(), "root.log")));
            }
            return null;
        });
    }

    /** Disconnects the container from every network unless {@code --network} asked to keep it, before {@code tool} runs. */
    void cutNetwork(SessionContainer container, StageClock stages, String tool) throws XsbuildException {
        if (!settings.network()) {
            container.cutNetwork();
            stages.note("network: cut, " + tool + " sees only lo");
        }
    }

    /** How the user is told about the network in the build stage. */
    String network() {
        return settings.network() ? " (network on)" : " (network cut)";
    }

    /**
     * Whether the image is a warm one made for this very package from this very state of the
     * repository: then its BuildRequires are installed already, and builddep would do nothing.
     */
    private boolean warmFor(String repositoryPackage) {
        return image.warm() && !repos.selection().isEmpty() && repositoryPackage != null
                && image.builddeps().contains(repositoryPackage) && repos.selection().digest().equals(image.repos());
    }
}
