package io.xsbuild.build;

import io.xsbuild.build.output.Outputs;
import io.xsbuild.build.output.PackageLogs;
import io.xsbuild.build.source.GitOrigin;
import io.xsbuild.build.source.SrpmSource;
import io.xsbuild.session.BuilderStep;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.session.EventLines;
import io.xsbuild.session.SessionContainer;

import java.util.ArrayList;
import java.util.List;

/**
 * A source package through its stages: fetch (from wherever the {@link SrpmSource} gets it), builddep
 * (root.log), {@code rpmbuild --rebuild} as the builder with the network cut (build.log), collect
 * (OUT/RPMS, OUT/SRPMS).
 */
record RpmJob(SrpmSource source) implements BuildJob {

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public String repositoryPackage() {
        return source.repositoryPackage();
    }

    @Override
    public GitOrigin origin() {
        return source.origin();
    }

    @Override
    public Outputs run(JobContext context, SessionContainer container, StageClock stages, PackageLogs logs)
            throws XsbuildException {
        String srpm = stages.run(source.stage(), source.action(), () -> source.fetch(container, context.profile(), logs.root()));
        context.builddep(container, stages, logs, name(), source.repositoryPackage(), () -> List.of(srpm));
        stages.run("rpmbuild", "rpmbuild" + context.network(), logs.build(), () -> {
            context.cutNetwork(container, stages, "rpmbuild");
            return rpmbuild(context, container, srpm, logs);
        });
        Outputs outputs = stages.run("collect", "collecting the packages",
                () -> context.collector().packages(container, srpm, context.stagingName(name())));
        int count = outputs.rpms().size();
        context.events().info(name() + ": built " + count + (count == 1 ? " package" : " packages"));
        return outputs;
    }

    @Override
    public String shellDir(String failedStage) {
        return "rpmbuild".equals(failedStage) ? ContainerLayout.TOPDIR + "/BUILD" : ContainerLayout.BUILDER_HOME;
    }

    private Void rpmbuild(JobContext context, SessionContainer container, String srpm, PackageLogs logs)
            throws XsbuildException {
        List<String> command = new ArrayList<>(List.of("rpmbuild", "--rebuild"));
        command.addAll(source.rpmbuildDefines(ContainerLayout.TOPDIR));
        command.addAll(context.settings().rpmbuild().arguments());
        command.add(srpm);
        RpmbuildProgress progress = new RpmbuildProgress(context.events(), name() + ": rpmbuild");
        int exit;
        try {
            exit = container.run(BuilderStep.lineBuffered(command, ContainerLayout.BUILDER_HOME,
                            source.rpmbuildEnvironment(ContainerLayout.TOPDIR)),
                    logs.build().and(EventLines.of(context.events(), "build.log")).and(progress));
        } finally {
            progress.done();
        }
        if (exit != 0) {
            throw new FailedException("rpmbuild of " + srpm.substring(srpm.lastIndexOf('/') + 1) + " failed (exit " + exit + ")",
                    "its log: " + logs.build().path(), null);
        }
        return null;
    }
}
