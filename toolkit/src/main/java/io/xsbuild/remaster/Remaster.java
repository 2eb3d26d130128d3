package io.xsbuild.remaster;

import io.xsbuild.cpio.Initrd;
import io.xsbuild.error.FailedException;
import io.xsbuild.error.Phrase;
import io.xsbuild.error.UsageException;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.Events;
import io.xsbuild.fat.FatException;
import io.xsbuild.fat.FatImage;
import io.xsbuild.fetch.FetchOptions;
import io.xsbuild.fetch.IsoSources;
import io.xsbuild.fetch.ResolvedIso;
import io.xsbuild.io.AtomicFiles;
import io.xsbuild.io.Directories;
import io.xsbuild.iso.BootCarryOver;
import io.xsbuild.iso.BootEntry;
import io.xsbuild.iso.ElTorito;
import io.xsbuild.iso.IsoEntry;
import io.xsbuild.iso.IsoImage;
import io.xsbuild.iso.IsoWriter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code xsbuild iso remaster}: an installer image made anew from another, read in place and never
 * changed. Its tree is copied but for what changes: the initrd ({@code install.img}) with the
 * answer file and other files put into it, the ISOLINUX and GRUB configurations (those inside the
 * EFI image too) whose default entry now names the answer file, and the repository with packages
 * added and its repodata published again. Its boot setup is carried over (El Torito, hybrid MBR and
 * GPT). Everything is staged in a directory beside the output, the image written there and renamed
 * into place once complete; the staging directory goes whatever happens, on Ctrl-C too.
 */
public final class Remaster {

    /** The initrd host-installer's boot entries load. */
    static final String INITRD = "install.img";
    private static final int MAX_CONFIG = 1 << 20;
    private static final int MAX_EFI_IMAGE = 64 << 20;
    private static final Pattern GRUB_CONFIG = Pattern.compile("(^|/)grub[^/]*\\.cfg$");
    private static final List<String> ISOLINUX_CONFIGS = List.of("isolinux.cfg", "boot/isolinux/isolinux.cfg",
            "isolinux/isolinux.cfg", "syslinux.cfg", "boot/syslinux/syslinux.cfg", "syslinux/syslinux.cfg");

    private final FetchOptions fetching;
    private final Map<String, String> env;
    private final Events events;

    public Remaster(FetchOptions fetching, Map<String, String> env, Events events) {
        this.fetching = fetching;
        this.env = Map.copyOf(env);
        this.events = events;
    }

    /** A file of the new image that comes from the host: the staged initrd, a patched configuration, a package. */
    private record Replacement(Path file, int permissions, Instant modified) {
    }

    public RemasterResult remaster(RemasterRequest request) throws XsbuildException {
        long started = System.nanoTime();
        Path out = request.out().toAbsolutePath().normalize();
        List<Initrd.Addition> additions = additions(request);
        AnswerFile.Checked answers = request.answerFile() == null ? null : AnswerFile.check(request.answerFile());
        if (request.addRpms() == null && additions.isEmpty()) {
            throw new UsageException(Phrase.of("Nothing to change in the image"), Phrase.of("give ",
                    RemasterRequest.Field.ADD_RPMS, " DIR, ", RemasterRequest.Field.ANSWER_FILE, " FILE or ",
                    RemasterRequest.Field.FILES, " SRC:DEST"));
        }
        if (Files.isDirectory(out) || out.getParent() == null || !Files.isDirectory(out.getParent())) {
            throw new UsageException(Phrase.of(RemasterRequest.Field.OUT, " ", out,
                    Files.isDirectory(out) ? " is a directory" : ": its directory does not exist"),
                    Phrase.of("give the path of the image to write, in an existing directory"));
        }
        if (request.addRpms() != null && InstallerRepo.hostPackages(request.addRpms()).isEmpty()) {
            throw new UsageException("No binary package (*.rpm, not *.src.rpm) under " + request.addRpms(),
                    "give the directory the packages were built into (xsbuild-out/RPMS)");
        }
        ResolvedIso iso = new IsoSources(fetching, env, events).resolve(request.iso(), request.sha256());
        Path in = iso.file();
        try {
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                throw new UsageException(Phrase.of(RemasterRequest.Field.OUT, " ", out, " is the input image"),
                        Phrase.of("write the remastered image elsewhere: the input is only read"));
            }
        } catch (IOException e) {
            throw new FailedException("Cannot compare " + in + " with " + out + ": " + e.getMessage(), e);
        }
        List<Phrase> warnings = new ArrayList<>();
        if (answers != null) {
            Set<String> destinations = new HashSet<>();
            request.files().forEach(f -> destinations.add(f.destination()));
            for (String script : answers.localScripts()) {
                if (!destinations.contains(script)) {
                    warnings.add(Phrase.of(request.answerFile(), " runs file://", script, ", which no ", RemasterRequest.Field.FILES,
                            " puts into the initrd (the installer finds it only if the initrd has it already)"));
                }
            }
        }
        Path staging;
        try {
            staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".remaster-");
        } catch (IOException e) {
            throw new FailedException("Cannot make a staging directory beside " + out + ": " + e.getMessage(), e);
        }
        Thread cleanup = new Thread(() -> deleteQuietly(staging), "xsbuild-remaster-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (IsoImage image = IsoImage.open(in)) {
            return build(request, image, iso.source(), staging, out, additions, warnings, started);
        } catch (IOException e) {
            throw new FailedException("Cannot read " + in + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private RemasterResult build(RemasterRequest request, IsoImage image, String source, Path staging, Path out,
                                 List<Initrd.Addition> additions, List<Phrase> warnings, long started)
            throws XsbuildException, IOException {
        Path in = image.path();
        events.info("Reading " + in);
        List<IsoEntry> entries = image.entries();
        BootCarryOver boot = BootCarryOver.of(image);
        boot.warnings().forEach(w -> warnings.add(Phrase.of(w)));
        Map<String, Replacement> replace = new LinkedHashMap<>();
        Set<String> remove = new HashSet<>();
        InstallerRepo repo = new InstallerRepo(image, entries, events);
        if (request.addRpms() != null) {
            repo.check();
        }
        RemasterResult.Initrd initrd = null;
        List<RemasterResult.BootEntry> configs = new ArrayList<>();
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "xsbuild-initrd");
            t.setDaemon(true);
            return t;
        });
        try {
            // The initrd is rewritten on a thread of its own while the packages are read: both are CPU-bound.
            Future<Staged> initrdJob = additions.isEmpty() ? null : background.submit(() -> initrd(image, staging, additions));
            RemasterResult.Packages packages = changeTree(request, image, entries, boot, staging, repo, replace, remove,
                    configs, warnings);
            if (initrdJob != null) {
                Staged staged = await(initrdJob);
                replace.put(INITRD, staged.replacement());
                initrd = staged.initrd();
            }
            Path written = staging.resolve(out.getFileName());
            write(image, entries, boot, replace, remove, written);
            AtomicFiles.move(written, out);
            for (Phrase w : warnings) {
                events.warn(w);
            }
            return new RemasterResult(out, source, Files.size(out), (System.nanoTime() - started) / 1e9, boot.summary(),
                    initrd, configs, packages, warnings);
        } finally {
            background.shutdownNow();
            try {
                background.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The initrd staged, and what it holds. */
    private record Staged(Replacement replacement, RemasterResult.Initrd initrd) {
    }

    private static <T> T await(Future<T> job) throws XsbuildException, IOException {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the initrd was rewritten");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof XsbuildException x) {
                throw x;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The boot configurations and the repository, changed as asked; gives what the repository got. */
    private RemasterResult.Packages changeTree(RemasterRequest request, IsoImage image, List<IsoEntry> entries,
                                               BootCarryOver boot, Path staging, InstallerRepo repo,
                                               Map<String, Replacement> replace, Set<String> remove,
                                               List<RemasterResult.BootEntry> configs, List<Phrase> warnings)
            throws XsbuildException, IOException {
        Path in = image.path();
        if (request.answerFile() != null) {
            List<String> args = List.of("answerfile=file://" + request.answerFilePath(), "install");
            configs.addAll(bootConfigs(image, entries, boot, staging, args, replace, warnings));
            if (configs.isEmpty()) {
                throw new FailedException(in + " has no ISOLINUX or GRUB configuration with a default entry to name the answer"
                        + " file on", "give an installer image (isolinux.cfg or grub.cfg with the installer's entries)", null);
            }
        }
        RemasterResult.Packages packages = null;
        if (request.addRpms() != null) {
            events.info("Adding the packages of " + request.addRpms());
            InstallerRepo.Plan plan = repo.add(request.addRpms(), staging, request.workers());
            for (Map.Entry<String, Path> a : plan.add().entrySet()) {
                replace.put(a.getKey(), new Replacement(a.getValue(), 0644,
                        Files.getLastModifiedTime(a.getValue()).toInstant()));
            }
            remove.addAll(plan.remove());
            plan.warnings().forEach(w -> warnings.add(Phrase.of(w)));
            treeInfoKeys(image, staging, replace, warnings);
            packages = new RemasterResult.Packages(plan.added(), plan.replaced(), plan.packages());
        }
        return packages;
    }

    /** The tree of {@code image} but for what is replaced or removed, with the new files and the boot setup. */
    private void write(IsoImage image, List<IsoEntry> entries, BootCarryOver boot, Map<String, Replacement> replace,
                       Set<String> remove, Path to) throws XsbuildException {
        IsoWriter writer = new IsoWriter(image.volume().volumeId(), image.volume().created())
                .modificationDate(image.bootInfo().modifiedField());
        Set<String> done = new HashSet<>();
        for (IsoEntry e : entries) {
            if (e.path().equals(boot.catalog()) || remove.contains(e.path()) && !replace.containsKey(e.path())) {
                continue;
            }
            Replacement r = replace.get(e.path());
            if (r != null && e.isFile()) {
                writer.addFile(e.path(), r.file(), e.permissions(), r.modified());
                done.add(e.path());
            } else if (r == null) {
                writer.addFromImage(image, e);
            }
        }
        for (Map.Entry<String, Replacement> r : replace.entrySet()) {
            if (!done.contains(r.getKey())) {
                writer.addFile(r.getKey(), r.getValue().file(), r.getValue().permissions(), r.getValue().modified());
            }
        }
        if (boot.elTorito() != null) {
            writer.elTorito(boot.elTorito());
        }
        if (boot.systemArea() != null) {
            writer.systemArea(boot.systemArea());
        }
        writer.write(to, events);
    }

    private List<Initrd.Addition> additions(RemasterRequest request) throws UsageException {
        List<Initrd.Addition> additions = new ArrayList<>();
        if (request.answerFile() != null) {
            additions.add(addition(request.answerFile(), request.answerFilePath(), Phrase.of(RemasterRequest.Field.ANSWER_FILE)));
        }
        for (RemasterRequest.ExtraFile f : request.files()) {
            additions.add(addition(f.source(), f.destination(), Phrase.of(RemasterRequest.Field.FILES, " ", f.source(), ":",
                    f.destination())));
        }
        return additions;
    }

    private static Initrd.Addition addition(Path source, String destination, Phrase option) throws UsageException {
        if (!Files.isRegularFile(source)) {
            throw new UsageException(Phrase.of(option, ": ", source, Files.exists(source) ? " is not a file" : " does not exist"),
                    Phrase.of("give a file to put into the initrd"));
        }
        try {
            int permissions = 0644;
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(source);
            if (p.contains(PosixFilePermission.OWNER_EXECUTE)) {
                permissions = 0755;
            }
            return new Initrd.Addition(destination, source, permissions, Files.getLastModifiedTime(source).toInstant().getEpochSecond());
        } catch (IllegalArgumentException e) {
            throw new UsageException(Phrase.of(option, ": ", e.getMessage()),
                    Phrase.of("give an absolute path in the initrd, such as /postinst.sh"));
        } catch (IOException e) {
            throw new UsageException(Phrase.of(option, ": cannot read ", source, ": ", e.getMessage()), null);
        }
    }

    private Staged initrd(IsoImage image, Path staging, List<Initrd.Addition> additions) throws XsbuildException, IOException {
        IsoEntry entry = image.find(INITRD).filter(IsoEntry::isFile).orElseThrow(() -> new UsageException(image.path()
                + " has no " + INITRD + " at its root, the initrd the answer file and files go into",
                "give a XenServer or XCP-ng installer image"));
        Path staged = staging.resolve(INITRD);
        String name = image.path().getFileName() + ":" + INITRD;
        events.info("Rewriting " + INITRD + " (" + io.xsbuild.io.Sizes.human(entry.size()) + ")");
        Initrd.Result result;
        try (InputStream in = new Progress(image.open(entry), entry.size(), "Rewriting " + INITRD, events);
             OutputStream o = Files.newOutputStream(staged)) {
            result = Initrd.rewrite(in, o, name, additions, Initrd.MAX_UNCOMPRESSED);
        } finally {
            events.progressDone("Rewriting " + INITRD);
        }
        return new Staged(new Replacement(staged, entry.permissions(), Instant.now()), new RemasterResult.Initrd(INITRD,
                result.compression().toString(), additions.stream().map(Initrd.Addition::path).toList(), result.replaced()));
    }

    /** Every ISOLINUX and GRUB configuration of the image and of its EFI images, with the default entry told to install. */
    private List<RemasterResult.BootEntry> bootConfigs(IsoImage image, List<IsoEntry> entries, BootCarryOver boot,
                                                       Path staging, List<String> args, Map<String, Replacement> replace,
                                                       List<Phrase> warnings) throws XsbuildException, IOException {
        List<RemasterResult.BootEntry> changed = new ArrayList<>();
        Set<String> isolinux = new LinkedHashSet<>();
        Set<String> efiImages = new LinkedHashSet<>();
        if (boot.elTorito() != null) {
            List<BootEntry> bootEntries = boot.elTorito().catalog().entries();
            for (int i = 0; i < bootEntries.size(); i++) {
                ElTorito.Image img = boot.elTorito().images().get(i);
                int platform = boot.elTorito().catalog().platformOf(i);
                if (img.path() == null) {
                    if (platform == BootEntry.EFI) {
                        warnings.add(Phrase.of("the EFI image of " + image.path() + " lies in a partition appended after the volume: a"
                                + " grub.cfg inside it is not changed"));
                    }
                    continue;
                }
                if (platform == BootEntry.EFI) {
                    efiImages.add(img.path());
                } else {
                    String dir = img.path().contains("/") ? img.path().substring(0, img.path().lastIndexOf('/') + 1) : "";
                    isolinux.add(dir + "isolinux.cfg");
                }
            }
        }
        isolinux.addAll(ISOLINUX_CONFIGS);
        for (String path : isolinux) {
            Optional<IsoEntry> cfg = image.find(path).filter(IsoEntry::isFile);
            if (cfg.isPresent()) {
                String text = new String(image.readAllBytes(cfg.get(), MAX_CONFIG), StandardCharsets.ISO_8859_1);
                Optional<BootConfigs.Patched> p = BootConfigs.isolinux(text, args);
                if (p.isPresent()) {
                    replace.put(path, new Replacement(stage(staging, path, p.get().text()), cfg.get().permissions(), Instant.now()));
                    changed.add(new RemasterResult.BootEntry(path, p.get().entry(), p.get().line()));
                }
            }
        }
        for (IsoEntry e : entries) {
            if (e.isFile() && GRUB_CONFIG.matcher(e.path()).find()) {
                String text = new String(image.readAllBytes(e, MAX_CONFIG), StandardCharsets.ISO_8859_1);
                Optional<BootConfigs.Patched> p = BootConfigs.grub(text, args);
                if (p.isPresent()) {
                    replace.put(e.path(), new Replacement(stage(staging, e.path(), p.get().text()), e.permissions(), Instant.now()));
                    changed.add(new RemasterResult.BootEntry(e.path(), p.get().entry(), p.get().line()));
                }
            }
        }
        for (String path : efiImages) {
            changed.addAll(efiImage(image, path, staging, args, replace, warnings));
        }
        return changed;
    }

    /** The GRUB configurations inside the EFI image at {@code path}, which UEFI firmware may boot GRUB from. */
    private List<RemasterResult.BootEntry> efiImage(IsoImage image, String path, Path staging, List<String> args,
                                                    Map<String, Replacement> replace, List<Phrase> warnings)
            throws XsbuildException, IOException {
        IsoEntry entry = image.find(path).orElseThrow();
        if (entry.size() > MAX_EFI_IMAGE) {
            warnings.add(Phrase.of("the EFI image " + path + " is larger than " + MAX_EFI_IMAGE
                    + " bytes: a grub.cfg inside it is not changed"));
            return List.of();
        }
        List<RemasterResult.BootEntry> changed = new ArrayList<>();
        FatImage fat;
        try {
            fat = FatImage.read(image.readAllBytes(entry, MAX_EFI_IMAGE), path);
            for (FatImage.FatFile f : fat.files()) {
                if (GRUB_CONFIG.matcher(f.path()).find()) {
                    Optional<BootConfigs.Patched> p = BootConfigs.grub(new String(fat.read(f), StandardCharsets.ISO_8859_1), args);
                    if (p.isPresent()) {
                        fat.write(f, p.get().text().getBytes(StandardCharsets.ISO_8859_1));
                        changed.add(new RemasterResult.BootEntry(path + ":" + f.path(), p.get().entry(), p.get().line()));
                    }
                }
            }
        } catch (FatException e) {
            warnings.add(Phrase.of("the EFI image " + path + " cannot be read as a FAT file system, so a grub.cfg inside it is not"
                    + " changed: " + e.getMessage()));
            return List.of();
        }
        if (!changed.isEmpty()) {
            Path staged = staging.resolve("efi").resolve(path);
            Files.createDirectories(staged.getParent());
            Files.write(staged, fat.bytes());
            replace.put(path, new Replacement(staged, entry.permissions(), entry.modified()));
        }
        return changed;
    }

    /**
     * A .treeinfo whose [keys] name signing keys makes the installer check every package's and the
     * repodata's signature (gpgcheck and repo_gpgcheck); the repository has changed, so the keys are
     * commented out, as XCP-ng's image build does for unsigned repositories.
     */
    private void treeInfoKeys(IsoImage image, Path staging, Map<String, Replacement> replace, List<Phrase> warnings)
            throws XsbuildException, IOException {
        Optional<IsoEntry> entry = image.find(".treeinfo").filter(IsoEntry::isFile);
        if (entry.isEmpty()) {
            warnings.add(Phrase.of(image.path() + " has no .treeinfo: the installer does not take its root for a repository"));
            return;
        }
        String text = new String(image.readAllBytes(entry.get(), MAX_CONFIG), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean inKeys = false;
        List<String> keys = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("[") && s.endsWith("]")) {
                inKeys = s.equals("[keys]");
            } else if (inKeys && !s.isEmpty() && !s.startsWith("#") && !s.startsWith(";") && s.contains("=")) {
                keys.add(s.substring(s.indexOf('=') + 1).strip());
                line = "#" + line;
            }
            out.append(line).append('\n');
        }
        if (keys.isEmpty()) {
            return;
        }
        String changed = out.substring(0, out.length() - 1);
        replace.put(".treeinfo", new Replacement(stage(staging, ".treeinfo", changed), entry.get().permissions(), Instant.now()));
        warnings.add(Phrase.of(".treeinfo named the signing key " + String.join(", ", keys) + ": it is commented out, since the"
                + " repository changed, so the installer does not check package signatures (it would refuse the new ones)"));
    }

    private static Path stage(Path staging, String path, String text) throws IOException {
        Path staged = staging.resolve("files").resolve(path);
        Files.createDirectories(staged.getParent());
        Files.write(staged, text.getBytes(path.equals(".treeinfo") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        return staged;
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                Directories.delete(dir);
            }
        } catch (IOException ignored) {
            // a leftover staging directory is named like the output and removed by the next run's user
        }
    }

    /** Reports how much of a stream has been read. */
    private static final class Progress extends FilterInputStream {
        private final long total;
        private final String task;
        private final Events events;
        private long done;
        private long reported;

        Progress(InputStream in, long total, String task, Events events) {
            super(in);
            this.total = total;
            this.task = task;
            this.events = events;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                done += n;
                if (done - reported >= 1 << 20 || done == total) {
                    reported = done;
                    events.progress(new Events.Progress(task, done, total, "B", null));
                }
            }
            return n;
        }
    }
}
