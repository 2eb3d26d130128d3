package io.xsbuild.build.source;

import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.Profile;
import io.xsbuild.session.SessionContainer;

import java.nio.file.Path;
import java.util.Objects;

/** A source package file on the host, copied into the container through the engine's archive API. */
public record HostSrpm(Path file) implements SrpmSource {

    public static final String SUFFIX = ".src.rpm";

    public HostSrpm {
        Objects.requireNonNull(file, "file");
    }

    /** The package name its file name gives: name-version-release.src.rpm. */
    @Override
    public String name() {
        String base = file.getFileName().toString();
        base = base.endsWith(SUFFIX) ? base.substring(0, base.length() - SUFFIX.length()) : base;
        int release = base.lastIndexOf('-');
        int version = release > 0 ? base.lastIndexOf('-', release - 1) : -1;
        return version > 0 ? base.substring(0, version) : base;
    }

    @Override
    public String fetch(SessionContainer container, Profile profile, LineSink log) throws XsbuildException {
        String dir = ContainerLayout.WORK + "/srpms";
        int exit = container.run(Step.of("mkdir", "-p", dir), log);
        if (exit != 0) {
            throw new FailedException("Cannot make " + dir + " in container " + container.shortId());
        }
        container.copyIn(file, dir);
        return dir + "/" + file.getFileName();
    }
}
