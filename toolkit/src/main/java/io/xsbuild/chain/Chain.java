package io.xsbuild.chain;

import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.source.SourcePreparer;
import io.xsbuild.build.source.WorkDir;
import io.xsbuild.container.ContainerRuntime;
import io.xsbuild.container.ContainerSpec;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.git.Checkouts;
import io.xsbuild.image.EnvImage;
import io.xsbuild.image.EnvImages;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.json.Json;
import io.xsbuild.profile.ContainerLayout;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.session.Session;
import io.xsbuild.session.SessionContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code xsbuild chain}: many packages built in the order their BuildRequires ask for, in parallel where
 * they do not need each other, each finished one's packages published into the chain's repository before a
 * dependent starts, and a build whose inputs did not change reused from the cache. The engine call of the
 * command; {@link #plan} stops after the analysis, for {@code --plan}.
 */
public final class Chain {

    public static final String RESULT_FILE = "result.json";

    /** The chain's repository, in OUT. */
    static final String REPO_DIR = ".chain-repo";

    private final List<ChainEngine> engines;
    private final Path gitCache;
    private final Path cacheDir;
    private final Events events;
    private final Clock clock;

    /**
     * @param engines  the engines to build on, the first also reading the inputs
     * @param gitCache where git URLs are cloned
     * @param cacheDir the build cache ({@code ${XDG_CACHE_HOME:-~/.cache}/xsbuild/chain})
     */
    public Chain(List<ChainEngine> engines, Path gitCache, Path cacheDir, Events events, Clock clock) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("a chain needs an engine");
        }
        this.engines = List.copyOf(engines);
        this.gitCache = gitCache;
        this.cacheDir = cacheDir;
        this.events = new SerialEvents(events);
        this.clock = clock;
    }

    /** The chain's graph, read from its inputs in a container of the first engine: for {@code --plan}. */
    public ChainGraph plan(ChainRequest request) throws XsbuildException {
        try (WorkDir work = workDir();
             ContainerRepos repos = resolve(request.setup());
             ContainerRuntime runtime = engines.get(0).connector().connect();
             Session session = Session.open(runtime, request.setup().session(), events)) {
            return analyse(request, repos, session, image(new EnvImages(session), request.setup()), work.path());
        }
    }

    public ChainReport run(ChainRequest request) throws XsbuildException {
        long start = System.nanoTime();
        BuildSetup setup = request.setup();
        Path out = setup.out().toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new FailedException(Phrase.of("Cannot make the output directory ", out, ": ", e.getMessage()),
                    Phrase.of("choose another with ", BuildSetup.Field.OUT), e);
        }
        ChainRepo chainRepo = new ChainRepo(out.resolve(REPO_DIR), events);
        chainRepo.reset();
        List<EngineSlot> slots = new ArrayList<>();
        try (WorkDir work = workDir(); ContainerRepos repos = resolve(setup)) {
            try {
                for (ChainEngine engine : engines) {
                    EngineSlot slot = EngineSlot.open(engine, setup, events);
                    slots.add(slot);
                    repos.checkReachable(slot.runtime());
                    if (engines.size() > 1) {
                        events.info("Engine " + engine.name() + ": " + slot.cpus() + (slot.cpus() == 1 ? " processor" : " processors")
                                + ", " + slot.image().tag() + ", repositories "
                                + (slot.runtime().remote() ? "copied into each container" : "mounted from this machine"));
                    }
                }
                EngineSlot first = slots.get(0);
                ChainGraph graph = analyse(request, repos, first.session(), first.image(), work.path());
                events.info("Chain of " + graph.nodes().size() + " packages in " + graph.levels().size() + " levels: "
                        + String.join(" | ", graph.levels().stream().map(l -> String.join(" ", l)).toList()));
                int jobs = request.jobs() > 0 ? request.jobs() : slots.stream().mapToInt(EngineSlot::cpus).sum();
                ChainScheduler scheduler = new ChainScheduler(graph, slots, Math.max(1, jobs), request.jobs() == 0, repos, chainRepo,
                        request.useCache() ? new BuildCache(cacheDir) : null, request.keepGoing(), setup, out, events, clock);
                List<ChainPackage> packages;
                XsbuildException failure = null;
                try {
                    packages = scheduler.run();
                } catch (XsbuildException e) {
                    failure = e;
                    packages = scheduler.packages();
                }
                ChainReport report = new ChainReport(failure == null && packages.stream().allMatch(ChainPackage::done),
                        out.toString(), first.session().id(), setup.profile().name(),
                        slots.stream().map(s -> s.engine().name()).toList(), graph.levels(), packages,
                        (System.nanoTime() - start) / 1e9);
                write(out.resolve(RESULT_FILE), report);
                if (failure != null) {
                    throw failure;
                }
                return report;
            } finally {
                for (EngineSlot slot : slots) {
                    slot.close();
                }
            }
        }
    }

    private ContainerRepos resolve(BuildSetup setup) throws XsbuildException {
        return ContainerRepos.resolve(setup.repos(), setup.profile().name(), setup.profile().repoFiles(), events);
    }

    private static EnvImage image(EnvImages images, BuildSetup setup) throws XsbuildException {
        return setup.image() != null ? images.named(setup.image(), setup.profile()) : images.ensure(setup.profile());
    }

    /** Reads every input in one container of the profile's image, with the repositories and the network. */
    private ChainGraph analyse(ChainRequest request, ContainerRepos repos, Session session, EnvImage image, Path work)
            throws XsbuildException {
        events.info("Reading what the " + request.inputs().size() + " packages need and make");
        SessionContainer box = session.start(repos.mount(ContainerSpec.builder(image.tag())
                .network("bridge").hostname("xsbuild").workingDir(ContainerLayout.BUILDER_HOME), session.runtime()));
        try {
            repos.apply(box);
            SourcePreparer preparer = new SourcePreparer(new Checkouts(gitCache, events), events);
            List<ChainNode> nodes = new Analysis(box, request.setup().profile(), request.setup().settings().rpmbuild(),
                    preparer, work, events).nodes(request.inputs());
            return ChainGraph.of(nodes);
        } finally {
            session.discard(box);
        }
    }

    private static WorkDir workDir() throws FailedException {
        try {
            return WorkDir.temporary("xsbuild-chain-");
        } catch (IOException e) {
            throw new FailedException("Cannot make a temporary directory for the chain: " + e.getMessage(),
                    "check the space in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    static void write(Path file, ChainReport report) throws FailedException {
        try {
            AtomicFiles.writeString(file, Json.pretty(report));
        } catch (IOException e) {
            throw new FailedException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One engine of the chain: its connection, its session and the profile's image in it. */
    record EngineSlot(ChainEngine engine, ContainerRuntime runtime, Session session, EnvImage image, int cpus)
            implements AutoCloseable {

        static EngineSlot open(ChainEngine given, BuildSetup setup, Events events) throws XsbuildException {
            ContainerRuntime runtime = given.connector().connect();
            ChainEngine engine = given.name() != null ? given : new ChainEngine(runtime.info().endpoint(), given.connector());
            Session session = Session.open(runtime, setup.session(), events);
            try {
                EnvImage image = Chain.image(new EnvImages(session), setup);
                return new EngineSlot(engine, runtime, session, image, Math.max(1, runtime.cpus()));
            } catch (XsbuildException | RuntimeException e) {
                try {
                    session.close();
                } catch (XsbuildException ignored) {
                    // the error being thrown says more
                }
                runtime.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (XsbuildException e) {
                // leftover containers carry the session label, and the warning of the shutdown hook says so
            } finally {
                runtime.close();
            }
        }
    }
}
