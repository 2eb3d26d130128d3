package io.xsbuild.chain;

import io.xsbuild.build.BuildSetup;
import io.xsbuild.build.PackageBuild;
import io.xsbuild.build.output.Artifact;
import io.xsbuild.build.output.PackageResult;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.repository.ContainerRepos;
import io.xsbuild.repository.RepoSelection;
import io.xsbuild.repository.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a chain's builds: {@code jobs} at once spread over the engines, each package started once everything
 * it depends on is built or reused, its packages added to the chain's repository when it is done. A package
 * found in the cache is reused without an engine; one to build goes to the engine with the fewest builds
 * under way for its processors, of those with room ({@link EngineChoice}). A failed package stops the chain
 * (the builds under way finish) unless {@code --continue}, which skips only the packages that depend on it.
 * An engine that fails stops the chain at once.
 */
final class ChainScheduler {

    private static final String TASK = "chain";

    private final ChainGraph graph;
    private final List<Chain.EngineSlot> slots;
    private final int jobs;
    /** How many builds each engine may run at once: its processors, or {@code jobs} when --jobs set the total. */
    private final int[] limits;
    /** How many builds each engine runs now, by its index in {@link #slots}. */
    private final int[] busy;
    private final ContainerRepos userRepos;
    private final ChainRepo chainRepo;
    private final BuildCache cache;
    private final boolean keepGoing;
    private final BuildSetup setup;
    private final Path out;
    private final Events events;
    private final Clock clock;

    private final List<String> waiting;
    private final Set<String> running = new LinkedHashSet<>();
    private final Map<String, ChainPackage> results = new LinkedHashMap<>();
    private String firstFailure;
    private XsbuildException fatal;

    /**
     * @param jobs    builds at once in all
     * @param perCpus whether each engine runs at most as many builds as it has processors (no --jobs), or any
     *                number, the total being {@code jobs}
     */
    ChainScheduler(ChainGraph graph, List<Chain.EngineSlot> slots, int jobs, boolean perCpus, ContainerRepos userRepos,
                   ChainRepo chainRepo, BuildCache cache, boolean keepGoing, BuildSetup setup, Path out, Events events,
                   Clock clock) {
        this.graph = graph;
        this.slots = List.copyOf(slots);
        this.jobs = jobs;
        this.limits = slots.stream().mapToInt(s -> perCpus ? s.cpus() : jobs).toArray();
        this.busy = new int[slots.size()];
        this.userRepos = userRepos;
        this.chainRepo = chainRepo;
        this.cache = cache;
        this.keepGoing = keepGoing;
        this.setup = setup;
        this.out = out;
        this.events = events;
        this.clock = clock;
        this.waiting = new ArrayList<>(graph.order());
    }

    /**
     * Builds the chain; returns each package's outcome in build order.
     *
     * @throws XsbuildException when an engine failed (the packages' outcomes are in {@link #packages} all the same)
     */
    List<ChainPackage> run() throws XsbuildException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Thread t = new Thread(this::work, "xsbuild-chain-" + (i + 1));
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        events.progressDone(TASK);
        synchronized (this) {
            if (fatal != null) {
                throw fatal;
            }
        }
        return packages();
    }

    /** Every package's outcome so far, in build order. */
    synchronized List<ChainPackage> packages() {
        List<ChainPackage> all = new ArrayList<>();
        for (String name : graph.order()) {
            if (results.containsKey(name)) {
                all.add(results.get(name));
            }
        }
        return all;
    }

    private void work() {
        String name;
        while ((name = next()) != null) {
            long start = System.nanoTime();
            ChainNode node = graph.node(name);
            int engine = -1;
            ChainPackage done;
            try {
                done = reuse(node, start);
                if (done == null) {
                    engine = acquire(name);
                    done = build(node, slots.get(engine), start);
                }
            } catch (XsbuildException | RuntimeException e) {
                Phrase message = e instanceof XsbuildException x ? x.userPhrase() : Phrase.of(e);
                done = outcome(node, ChainPackage.Status.FAILED, null, engine < 0 ? null : slots.get(engine).engine().name(),
                        null, List.of(), null, 0, null, null, "chain", message, List.of());
                synchronized (this) {
                    if (fatal == null) {
                        fatal = e instanceof XsbuildException x ? x : new ChainFailedException(name, message.toString());
                    }
                }
            } finally {
                if (engine >= 0) {
                    release(engine);
                }
            }
            complete(name, done);
        }
    }

    /** The engine that builds {@code name}: the least busy for its processors of those with room, now counted busy. */
    private synchronized int acquire(String name) {
        int engine;
        while ((engine = EngineChoice.pick(busy, slots.stream().mapToInt(Chain.EngineSlot::cpus).toArray(), limits)) < 0) {
            // Every worker holds one build at most and the engines have room for as many: only a moment's wait.
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an engine for " + name, e);
            }
        }
        busy[engine]++;
        if (slots.size() > 1) {
            events.info(name + ": building on " + slots.get(engine).engine().name());
        }
        progress();
        return engine;
    }

    private synchronized void release(int engine) {
        busy[engine]--;
        notifyAll();
    }

    /** The next package to build, once one is ready; null when there is none left to start. */
    private synchronized String next() {
        while (true) {
            skipBlocked();
            boolean stop = fatal != null || (firstFailure != null && !keepGoing) || slots.get(0).session().interrupted();
            if (!stop) {
                for (String name : waiting) {
                    if (results.keySet().containsAll(graph.dependsOn(name))) {
                        waiting.remove(name);
                        running.add(name);
                        progress();
                        return name;
                    }
                }
            }
            if (running.isEmpty()) {
                skipRest();
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                skipRest();
                return null;
            }
        }
    }

    /** Waiting packages that depend on one that failed or was skipped: skipped, saying which. */
    private void skipBlocked() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : List.copyOf(waiting)) {
                for (String dep : graph.dependsOn(name)) {
                    ChainPackage d = results.get(dep);
                    if (d != null && !d.done()) {
                        results.put(name, outcome(graph.node(name), ChainPackage.Status.SKIPPED, Phrase.of("depends on " + dep
                                + ", which " + (d.status() == ChainPackage.Status.FAILED ? "failed" : "was skipped")),
                                null, null, List.of(), null, 0, null, null, null, null, List.of()));
                        waiting.remove(name);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private void skipRest() {
        Phrase why = fatal != null ? Phrase.of("not started: the chain stopped at an engine's failure")
                : firstFailure != null ? Phrase.of("not started: ", firstFailure, " failed, and without ",
                        ChainRequest.Field.KEEP_GOING, " the chain stops there")
                : Phrase.of("not started: the chain was interrupted");
        for (String name : waiting) {
            results.put(name, outcome(graph.node(name), ChainPackage.Status.SKIPPED, why, null, null, List.of(), null, 0,
                    null, null, null, null, List.of()));
        }
        waiting.clear();
    }

    private synchronized void complete(String name, ChainPackage done) {
        results.put(name, done);
        running.remove(name);
        if (done.status() == ChainPackage.Status.FAILED && firstFailure == null) {
            firstFailure = name;
        }
        long finished = results.values().stream().filter(ChainPackage::done).count();
        events.info(name + ": " + done.status().name().toLowerCase(java.util.Locale.ROOT)
                + (done.engine() == null || slots.size() == 1 ? "" : " on " + done.engine())
                + (done.status() == ChainPackage.Status.REUSED ? "" : String.format(" in %.1f s", done.seconds()))
                + " (" + finished + " of " + graph.nodes().size() + " done, " + running.size() + " running, "
                + waiting.size() + " waiting)");
        progress();
        notifyAll();
    }

    private void progress() {
        long finished = results.size();
        events.progress(new Events.Progress(TASK, finished, graph.nodes().size(), "pkg",
                running.size() + " running" + perEngine() + ", " + waiting.size() + " waiting"));
    }

    /** How many builds each engine runs, when there are several: " (2 on A, 1 on B)". */
    private String perEngine() {
        if (slots.size() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            parts.add(busy[i] + " on " + slots.get(i).engine().name());
        }
        return " (" + String.join(", ", parts) + ")";
    }

    /** The packages of the chain's repository that {@code node} builds against: its dependencies' outputs. */
    private synchronized List<String> against(ChainNode node) {
        List<String> sums = new ArrayList<>();
        for (String dep : graph.dependsOn(node.name())) {
            results.get(dep).rpms().forEach(a -> sums.add(a.sha256()));
        }
        return sums;
    }

    /** The cache key of building {@code node} on an image: what it is built from, and against. */
    private String key(ChainNode node, String imageId) {
        return BuildCache.key(node, imageId, setup.profile().name(), setup.settings().rpmbuild(), setup.settings().network(),
                against(node));
    }

    /**
     * The package reused from the cache, if a build of it from the same inputs on the image of any of the
     * chain's engines is there (the engines carry the same profile, so a package made on one serves all);
     * null when it is to be built.
     */
    private ChainPackage reuse(ChainNode node, long start) throws XsbuildException {
        if (cache == null) {
            return null;
        }
        Set<String> images = new LinkedHashSet<>();
        slots.forEach(s -> images.add(s.image().id()));
        for (String image : images) {
            String key = key(node, image);
            Optional<BuildCache.Entry> entry = cache.find(key);
            if (entry.isPresent()) {
                return reuse(node, entry.get(), key, start);
            }
        }
        return null;
    }

    private ChainPackage build(ChainNode node, Chain.EngineSlot slot, long start) throws XsbuildException {
        String key = cache == null ? null : key(node, slot.image().id());
        List<Repository> repos = new ArrayList<>(List.of(chainRepo.current()));
        repos.addAll(userRepos.selection().repositories());
        RepoSelection selection = new RepoSelection(repos, userRepos.selection().enable(), userRepos.selection().disable());
        PackageResult r;
        try (ContainerRepos containerRepos = new ContainerRepos(selection, setup.profile().name(), setup.profile().repoFiles())) {
            r = new PackageBuild(slot.session(), slot.image(), setup.profile(), containerRepos, setup.settings(), out, clock)
                    .build(node.source(), 0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!r.built()) {
            return outcome(node, ChainPackage.Status.FAILED, null, slot.engine().name(), null, List.of(), r.git(), seconds,
                    key, r.logs(), r.failedStage(), r.error(), r.errorTail());
        }
        chainRepo.add(r.rpms().stream().map(a -> out.resolve(a.path())).toList());
        if (cache != null) {
            try {
                cache.store(key, out, r.srpm(), r.rpms());
            } catch (IOException e) {
                events.warn(node.name() + ": built, but not kept in the cache: " + e.getMessage());
            }
        }
        return outcome(node, ChainPackage.Status.BUILT, null, slot.engine().name(), r.srpm(), r.rpms(), r.git(), seconds,
                key, r.logs(), null, null, List.of());
    }

    private ChainPackage reuse(ChainNode node, BuildCache.Entry entry, String key, long start) throws XsbuildException {
        try {
            Artifact srpm = BuildCache.restore(entry, out, List.of(entry.srpm())).get(0);
            List<Artifact> rpms = BuildCache.restore(entry, out, entry.rpms());
            chainRepo.add(rpms.stream().map(a -> out.resolve(a.path())).toList());
            return outcome(node, ChainPackage.Status.REUSED, Phrase.of("built before from the same input, image, options and "
                            + "packages of the chain"), null, srpm, rpms, null, (System.nanoTime() - start) / 1e9, key,
                    null, null, null, List.of());
        } catch (IOException | io.xsbuild.rpm.BadPackageException e) {
            throw new ChainFailedException(node.name(), "cannot take its packages from the cache " + entry.dir() + ": "
                    + e.getMessage());
        }
    }

    private ChainPackage outcome(ChainNode node, ChainPackage.Status status, Phrase why, String engine, Artifact srpm,
                                 List<Artifact> rpms, io.xsbuild.build.source.GitOrigin git, double seconds, String key,
                                 String logs, String failedStage, Phrase error, List<String> errorTail) {
        return new ChainPackage(node.name(), node.input().given(), status, why, List.copyOf(graph.dependsOn(node.name())),
                engine, srpm, rpms, git, Math.round(seconds * 1000) / 1000.0, key, logs, failedStage, error, errorTail);
    }
}
