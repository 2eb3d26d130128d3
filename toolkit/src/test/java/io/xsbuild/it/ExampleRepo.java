package io.xsbuild.it;

import io.xsbuild.io.Directories;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.container.Step;
import io.xsbuild.event.Events;
import io.xsbuild.image.EnvImage;
import io.xsbuild.image.EnvImages;
import io.xsbuild.profile.ProfileCatalog;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The repository the integration tests build from, made once per test run: the example packages
 * of {@code examples/packages} (xsdemo and its -devel, and two packages that BuildRequire it) and
 * the test packages of {@code specs/}, built with rpmbuild in the testbase image, then indexed.
 * The binary packages of xsdemo and the source packages of all are in it.
 */
final class ExampleRepo {

    /** What the fixture build runs, as root, in a container of the testbase profile's image. */
    private static final String BUILD = String.join("\n",
            "set -e",
            "for dir in /tmp/packages/*/ /tmp/specs/; do",
            "  for spec in \"$dir\"/*.spec; do",
            "    rpmbuild -bs --nodeps --define '_topdir /tmp/top' --define \"_sourcedir $dir\" \"$spec\"",
            "  done",
            "done",
            "rpmbuild -bb --define '_topdir /tmp/top' --define '_sourcedir /tmp/packages/xsdemo' "
                    + "/tmp/packages/xsdemo/xsdemo.spec");

    private static Path dir;

    private ExampleRepo() {
    }

    /** The repository's directory, made on first use. */
    static synchronized Path dir() throws Exception {
        if (dir == null) {
            dir = build();
        }
        return dir;
    }

    private static Path build() throws Exception {
        Path repo = Files.createTempDirectory("xsbuild-it-repo-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteQuietly(repo)));
        try (ContainerRuntime runtime = Engine.withTestbase();
             Session session = Session.open(runtime, "it-fixture-" + UUID.randomUUID(), Events.NONE)) {
            EnvImage env = new EnvImages(session).ensure(ProfileCatalog.shipped().named("testbase"));
            SessionContainer box = session.start(ContainerSpec.builder(env.tag()).network("none"));
            box.copyIn(Engine.projectDir().resolve("examples/packages"), "/tmp");
            box.copyIn(Engine.projectDir().resolve("toolkit/src/test/resources/specs"), "/tmp");
            List<String> output = new ArrayList<>();
            int exit = box.run(new Step(List.of("sh", "-c", BUILD), "root", "/tmp", null),
                    (stream, line) -> output.add(line));
            if (exit != 0) {
                throw new IllegalStateException("building the example packages failed:\n" + String.join("\n", output));
            }
            box.copyOut("/tmp/top/RPMS", repo);
            box.copyOut("/tmp/top/SRPMS", repo);
        }
        TestRepos.create(repo);
        return repo;
    }
}
