package io.xsbuild.git;

import io.xsbuild.event.Events;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveTest {

    private static final String PREFIX = "demo-0.9.6/";
    private static final String LONG_PATH = "deep/" + "directory-with-a-long-name/".repeat(5) + "file-past-the-ustar-name-limit.c";

    @TempDir
    Path tmp;

    private TestRepository repo;

    @BeforeEach
    void init() {
        repo = TestRepository.init(tmp.resolve("repo"));
        repo.write("README", "hello\n");
        repo.write("src/main.c", "int main(void) { return 0; }\n");
        repo.write(LONG_PATH, "long\n");
        repo.write("données/été.txt", "accents\n");
        repo.executable("run.sh", "#!/bin/sh\necho run\n");
        repo.symlink("link", "README");
        repo.write("empty", "");
        repo.commitAll("tree with every kind of entry");
    }

    private byte[] archive(boolean workTree) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Checkout checkout = new Checkouts(tmp.resolve("cache"), Events.NONE).open(repo.dir().toString(), null)) {
            if (workTree) {
                checkout.archiveWorkTree(PREFIX, out);
            } else {
                checkout.archiveCommit(PREFIX, out);
            }
        }
        return out.toByteArray();
    }

    @Test
    void twoArchivesOfOneCommitAreByteIdenticalWhoeverMakesThem() throws Exception {
        String user = System.getProperty("user.name");
        byte[] first = archive(false);
        try {
            System.setProperty("user.name", "somebody-else");
            Thread.sleep(1100);
            assertThat(archive(false)).isEqualTo(first);
        } finally {
            System.setProperty("user.name", user);
        }
    }

    @Test
    void theGzipHeaderHasNoTimeAndTheUnixOsByte() throws Exception {
        byte[] tgz = archive(false);
        assertThat(tgz[0] & 0xff).isEqualTo(0x1f);
        assertThat(tgz[1] & 0xff).isEqualTo(0x8b);
        assertThat(new byte[] {tgz[4], tgz[5], tgz[6], tgz[7]}).containsOnly(0);
        assertThat(tgz[3]).as("no file name or other optional field").isZero();
        assertThat(tgz[9]).isEqualTo((byte) 3);
    }

    @Test
    void holdsWhatGitArchiveHolds() throws Exception {
        byte[] gits = repo.run(null, "archive", "--format=tar", "--prefix=" + PREFIX, "HEAD").bytes();
        List<Entry> expected = entries(new ByteArrayInputStream(gits));
        List<Entry> ours = entries(new GZIPInputStream(new ByteArrayInputStream(archive(false))));
        assertThat(ours).isEqualTo(expected);
        assertThat(ours).extracting(Entry::name).contains(PREFIX, PREFIX + LONG_PATH, PREFIX + "données/été.txt", PREFIX + "link");
    }

    @Test
    void carriesTheCommitIdAsGitArchiveDoes() throws Exception {
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(archive(false))).readAllBytes();
        assertThat(repo.run(tar, "get-tar-commit-id").output().trim()).isEqualTo(repo.git("rev-parse", "HEAD"));
    }

    @Test
    void entriesAreDatedAtTheCommitAndOwnedByRoot() throws Exception {
        long commitTime = Long.parseLong(repo.git("log", "-1", "--format=%ct"));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive(false))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                assertThat(e.getModTime().getTime()).as(e.getName()).isEqualTo(commitTime * 1000);
                assertThat(e.getUserName()).isEqualTo("root");
                assertThat(e.getGroupName()).isEqualTo("root");
                assertThat(e.getLongUserId()).isZero();
            }
        }
    }

    @Test
    void theWorkTreeArchiveHoldsUncommittedChangesToTrackedFilesOnly() throws Exception {
        byte[] clean = archive(false);
        assertThat(archive(true)).as("a clean work tree archives as its commit, but for the commit id").isNotEmpty();
        repo.write("src/main.c", "int main(void) { return 1; }\n");
        repo.write("untracked.txt", "not in git\n");
        Files.delete(repo.dir().resolve("README"));
        String status = repo.git("status", "--porcelain");
        List<Entry> entries = entries(new GZIPInputStream(new ByteArrayInputStream(archive(true))));
        assertThat(entries).extracting(Entry::name).doesNotContain(PREFIX + "untracked.txt", PREFIX + "README");
        assertThat(entries).filteredOn(e -> e.name.equals(PREFIX + "src/main.c")).singleElement()
                .extracting(Entry::sha256).isEqualTo(sha256("int main(void) { return 1; }\n".getBytes()));
        assertThat(entries).filteredOn(e -> e.name.equals(PREFIX + "run.sh")).singleElement()
                .extracting(Entry::mode).isEqualTo(0775);
        assertThat(repo.git("status", "--porcelain")).as("nothing in the checkout changed").isEqualTo(status);
        assertThat(archive(false)).isEqualTo(clean);
    }

    /** What a tar entry is, as far as a build can tell. */
    record Entry(String name, int mode, char type, String link, long mtime, long uid, long gid, String sha256) {
    }

    static List<Entry> entries(InputStream in) throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.add(new Entry(e.getName(), e.getMode(), (char) (e.isDirectory() ? '5' : e.isSymbolicLink() ? '2' : '0'),
                        e.getLinkName(), e.getModTime().getTime(), e.getLongUserId(), e.getLongGroupId(),
                        sha256(tar.readAllBytes())));
            }
        }
        return entries;
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
