package io.xsbuild.build.source;

import io.xsbuild.container.LineSink;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.session.SessionContainer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The source package of a git checkout, made in the build container: the top dir {@link SourcePreparer}
 * filled on the host (the stamped spec, Source0 made of the commit, the other sources) is copied in, and
 * {@code rpmbuild -bs} runs there as the builder, with the user's options, the commit time as
 * {@code SOURCE_DATE_EPOCH} and no git repository reachable above the top dir. Its {@code rpmbuild --rebuild}
 * gets the same environment and reproducibility macros.
 *
 * @param options the user's rpmbuild options, which decide the source package's BuildRequires too
 */
public record GitSrpm(PreparedSources sources, RpmbuildOptions options) implements SrpmSource {

    /** Where the top dir goes in the container: always the same, as rpm records it in the source package. */
    public static final String TOPDIR = ContainerLayout.WORK + "/git";

    public GitSrpm {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return sources.name();
    }

    @Override
    public String stage() {
        return "srpm";
    }

    @Override
    public String action() {
        return "making the source package of " + sources.describe() + " (rpmbuild -bs)";
    }

    @Override
    public String fetch(SessionContainer container, Profile profile, LineSink log) throws XsbuildException {
        return SpecSrpm.make(container, new SpecTree(sources.specFile(), sources.sourcesDir()), TOPDIR,
                rpmbuildDefines(TOPDIR), rpmbuildEnvironment(TOPDIR), options, log);
    }

    @Override
    public List<String> rpmbuildDefines(String topDir) {
        return sources.rpmbuildDefines(topDir);
    }

    @Override
    public Map<String, String> rpmbuildEnvironment(String topDir) {
        return sources.rpmbuildEnvironment(topDir);
    }

    @Override
    public GitOrigin origin() {
        return GitOrigin.of(sources);
    }
}
