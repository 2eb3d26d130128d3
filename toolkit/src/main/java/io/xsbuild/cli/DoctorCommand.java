package io.xsbuild.cli;

import io.xsbuild.container.ContainerException;
import io.xsbuild.doctor.DiskCheck;
import io.xsbuild.doctor.Doctor;
import io.xsbuild.doctor.DoctorReport;
import io.xsbuild.doctor.ImageCheck;
import io.xsbuild.doctor.ToolCheck;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.session.Leftovers;
import io.xsbuild.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

@Command(name = "doctor", header = "Check the engine, base images, tools and free disk.", mixinStandardHelpOptions = true,
        description = "Check what xsbuild needs: a Docker engine (or Podman's Docker-compatible API) that answers, "
                + "and which (DOCKER_HOST, else the default Docker socket, else Podman's sockets), each profile's base image (and "
                + "the command that makes a missing one), the host tools that make them, and free disk; and the "
                + "containers of xsbuild sessions whose process is gone (killed with SIGKILL, say), which --clean removes. "
                + "Exits 0 when the engine answers (missing images and leftovers are notes), 3 when it does not.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  xsbuild doctor",
            "  xsbuild doctor --clean",
            "  DOCKER_HOST=tcp://build-host:2375 xsbuild doctor --json"})
final class DoctorCommand extends XsbuildSubcommand {

    @Option(names = "--clean", description = "Remove the containers of xsbuild sessions whose process is gone "
            + "(only those of session $XSBUILD_SESSION when it is set; containers kept with --keep stay).")
    boolean clean;

    DoctorCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws ContainerException {
        List<Path> dirs = List.of(context.workingDir(), Path.of(System.getProperty("java.io.tmpdir")));
        DoctorReport report = new Doctor(context.connector(), ProfileCatalog.load(context.env()), dirs, context.env())
                .check(clean, blankToNull(context.env().get(Session.ENV)));
        if (!report.engine().reachable() && json()) {
            throw report.engine().failure();
        }
        print(report, DoctorCommand::text);
        if (!report.engine().reachable()) {
            throw report.engine().failure();
        }
        return ExitCodes.OK;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String text(DoctorReport r) {
        StringBuilder s = new StringBuilder();
        var e = r.engine();
        if (e.reachable()) {
            s.append(e.product()).append(" engine  ok  ").append(e.version()).append(" (API ").append(e.apiVersion())
                    .append(") at ").append(e.endpoint()).append(", ").append(e.os()).append('\n');
            s.append("  chosen: ").append(e.chosenBy()).append('\n');
            for (Leftovers.Leftover l : r.removed()) {
                s.append("Removed container ").append(l.shortId()).append(" of session ").append(l.session()).append(" (")
                        .append(l.why()).append(")\n");
            }
            if (r.leftovers().isEmpty()) {
                s.append("Leftovers      none\n");
            } else {
                int count = r.leftovers().size();
                s.append("Leftovers      ").append(count).append(count == 1 ? " container" : " containers")
                        .append(" of xsbuild sessions whose process is gone; xsbuild doctor --clean removes ")
                        .append(count == 1 ? "it" : "them").append('\n');
                for (Leftovers.Leftover l : r.leftovers()) {
                    s.append("  ").append(l.shortId()).append("  session ").append(l.session()).append(", ")
                            .append(l.state()).append(", ").append(l.why()).append('\n');
                }
            }
        } else {
            s.append("Docker engine  unreachable\n");
        }
        s.append("Profiles (--profile; base image)\n");
        int n = r.images().stream().mapToInt(i -> i.profile().length()).max().orElse(0);
        for (ImageCheck i : r.images()) {
            String name = String.format("  %-" + n + "s  ", i.profile());
            if (i.error() != null) {
                s.append(name).append("unusable, ").append(i.location()).append(": ").append(i.error()).append('\n');
                continue;
            }
            s.append(name).append(i.description());
            if (!i.aliases().isEmpty()) {
                s.append(" (also ").append(String.join(", ", i.aliases())).append(')');
            }
            if (!"shipped".equals(i.location())) {
                s.append(" [").append(i.location()).append(']');
            }
            s.append('\n').append(" ".repeat(n + 4)).append(i.image()).append("  ")
                    .append(!e.reachable() ? "not checked" : i.present() ? "ok" : "missing: make it with " + i.fix())
                    .append('\n');
        }
        s.append("Tools\n");
        for (ToolCheck t : r.tools()) {
            s.append(String.format("  %-12s %s (for %s)%n", t.tool(),
                    t.found() ? "ok  " + t.path() : "missing: " + t.fix(), t.neededFor()));
        }
        s.append("Disk\n");
        for (DiskCheck d : r.disks()) {
            s.append(String.format("  %-28s %s free of %s%n", d.path(), size(d.freeBytes()), size(d.totalBytes())));
        }
        return s.toString().stripTrailing();
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KiB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MiB";
        }
        return String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
