package io.xsbuild.packages;

import io.xsbuild.container.ContainerException;
import io.xsbuild.container.LineSink;
import io.xsbuild.container.Step;
import io.xsbuild.profile.PackageManager;
import io.xsbuild.session.SessionContainer;

import java.util.List;

/**
 * Installs the BuildRequires of source packages with the profile's tool (yum-builddep, dnf
 * builddep), as root. They are read from the packages' headers, as recorded when each source
 * package was made.
 */
public final class BuildRequires {

    private final PackageManager packageManager;

    public BuildRequires(PackageManager packageManager) {
        this.packageManager = packageManager;
    }

    public void install(SessionContainer container, List<String> srpms, LineSink log)
            throws ContainerException, BuildRequiresException {
        ToolOutput output = new ToolOutput(log);
        int exit = container.run(new Step(packageManager.installBuildRequires(srpms), "root", null, null), output);
        if (exit != 0) {
            List<String> names = srpms.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
            throw new BuildRequiresException(String.join(", ", names), exit, output.summary());
        }
    }
}
