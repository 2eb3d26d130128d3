package io.xsbuild.git;

import io.xsbuild.testing.HostTools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real git repository made with the git CLI, isolated from the user's and the system's git
 * configuration, with a clock that moves one minute per commit or tag so that dates are distinct and
 * runs are repeatable. Tests using it are skipped where git is missing, and fail instead under CI.
 */
public final class TestRepository {

    private static final long START = 1_700_000_000L;

    private final Path dir;
    private long clock = START;

    private TestRepository(Path dir) {
        this.dir = dir;
    }

    /** {@code git init} in {@code dir} with the branch {@code main}. */
    public static TestRepository init(Path dir) {
        HostTools.assume("git");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestRepository repo = new TestRepository(dir);
        repo.git("init", "-q", "-b", "main");
        return repo;
    }

    public Path dir() {
        return dir;
    }

    public TestRepository write(String path, String content) {
        return change(() -> {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        });
    }

    /** Writes {@code path} with the executable bits set. */
    public TestRepository executable(String path, String content) {
        write(path, content);
        return change(() -> Files.setPosixFilePermissions(dir.resolve(path), PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    /** Makes {@code path} a symbolic link to {@code target}. */
    public TestRepository symlink(String path, String target) {
        return change(() -> Files.createSymbolicLink(dir.resolve(path), Path.of(target)));
    }

    private interface FileChange {
        void apply() throws IOException;
    }

    private TestRepository change(FileChange change) {
        try {
            change.apply();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code path} and commits everything; returns the new commit id. */
    public String commit(String path, String content) {
        write(path, content);
        return commitAll("change " + path);
    }

    public String commitAll(String message) {
        tick();
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD");
    }

    public void annotatedTag(String name) {
        tick();
        git("tag", "-a", "-m", "release " + name, name);
    }

    public void lightweightTag(String name) {
        git("tag", name);
    }

    /** Runs git in the repository and returns its standard output, trimmed; fails on a non-zero exit. */
    public String git(String... args) {
        Result r = run(null, args);
        if (r.exit != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed (" + r.exit + "): " + r.output + r.error);
        }
        return r.output.trim();
    }

    /** Runs git with {@code stdin} as its input and returns its exit code and output, whatever the exit. */
    public Result run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.com");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.com");
        String date = "@" + clock + " +0000";
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        try {
            Path errors = Files.createTempFile("git-stderr", ".txt");
            pb.redirectError(errors.toFile());
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            byte[] out = readAll(p.getInputStream());
            int exit = p.waitFor();
            String error = Files.readString(errors);
            Files.delete(errors);
            return new Result(exit, new String(out, StandardCharsets.UTF_8), error, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }

    /** Moves the clock one minute on: the next commit or tag is dated after everything before it. */
    public void tick() {
        clock += 60;
    }

    public long clock() {
        return clock;
    }

    /** What a git command said and how it ended; {@code bytes} is its raw standard output. */
    public record Result(int exit, String output, String error, byte[] bytes) {
    }
}
