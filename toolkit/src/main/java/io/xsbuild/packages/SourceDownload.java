package io.xsbuild.packages;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.profile.PackageManager;
import io.xsbuild.session.SessionContainer;

import java.util.ArrayList;
import java.util.List;

/** Fetches a source package by name from the mounted repository with the profile's download tool. */
public final class SourceDownload {

    private final PackageManager packageManager;

    public SourceDownload(PackageManager packageManager) {
        this.packageManager = packageManager;
    }

    /**
     * Downloads the newest source package of {@code name}, as root, into a directory of its own
     * (which yumdownloader and dnf download make).
     *
     * @return the source package's path in the container
     * @throws PackageNotFoundException when the repository has no such source package
     */
    public String fetch(SessionContainer container, String name, LineSink log)
            throws ContainerException, PackageNotFoundException {
        String dir = ContainerLayout.WORK + "/srpms/" + name;
        ToolOutput output = new ToolOutput(log);
        int exit = container.run(new Step(packageManager.downloadSource(name, dir), "root", null, null), output);
        List<String> found = new ArrayList<>();
        container.run(Step.of("find", dir, "-maxdepth", "1", "-name", "*.src.rpm"), (stream, line) -> {
            if (stream == LineSink.Stream.STDOUT && !line.isBlank()) {
                found.add(line.strip());
            }
        });
        if (exit != 0 || found.isEmpty()) {
            throw new PackageNotFoundException(name, output.summary());
        }
        return found.stream().sorted().reduce((a, b) -> b).orElseThrow();
    }
}
