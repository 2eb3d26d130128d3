package io.xsbuild.fetch;

import java.util.HexFormat;
import io.xsbuild.io.ChecksumType;
import io.xsbuild.error.XsbuildException;
import io.xsbuild.event.ByteProgress;
import io.xsbuild.event.Events;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISOs from http(s) URLs, streamed into the download cache. A cut transfer resumes from its
 * {@code .part} with a Range request (If-Range guards against a file that changed meanwhile). The
 * download is checked against {@code --sha256}, else the {@code URL.sha256} file beside it, before
 * it takes its final name; a mismatch deletes it. A cached file is used again when its recorded
 * digest is the expected one, or, without a checksum, when the server's validators are unchanged.
 */
final class HttpDownloader {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient client;
    private final FetchOptions options;
    private final Events events;

    HttpDownloader(HttpClient client, FetchOptions options, Events events) {
        this.client = client;
        this.options = options;
        this.events = events;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A checksum to hold the download to, and where it came from. */
    private record Expected(String sha256, String from) {
    }

    @SuppressWarnings("try")
    ResolvedIso fetch(URI uri, String sha256) throws XsbuildException {
        String source = uri.toString();
        CacheEntry entry = CacheEntry.of(options.cacheDir(), uri);
        try (CacheEntry.Lock held = entry.lock()) {
            Expected expected = sha256 != null ? new Expected(sha256, "--sha256") : published(uri, entry.name());
            if (expected == null) {
                events.warn("no checksum for " + source + ": neither --sha256 nor " + checksumUri(uri)
                        + " was given, so the download is only checked for length");
            }
            Optional<CacheEntry.Meta> cached = entry.completed();
            if (cached.isPresent() && unchanged(uri, cached.get(), expected)) {
                return new ResolvedIso(source, entry.file(), cached.get().sha256(), ResolvedIso.Origin.CACHED);
            }
            CacheEntry.Meta done = download(uri, entry, true);
            if (expected != null && !expected.sha256().equals(done.sha256())) {
                entry.discard();
                throw new ChecksumMismatchException(source, "sha256", done.sha256(), expected.sha256(), expected.from());
            }
            entry.complete(done);
            return new ResolvedIso(source, entry.file(), done.sha256(), ResolvedIso.Origin.DOWNLOADED);
        } catch (IOException e) {
            throw new DownloadException(source, "the download cache " + options.cacheDir() + " failed: " + e, e);
        }
    }

    /** The digest {@code URL.sha256} gives, or null when there is no such file. */
    private Expected published(URI uri, String name) throws XsbuildException {
        URI checksums = checksumUri(uri);
        HttpResponse<byte[]> response = send(uri.toString(), HttpRequest.newBuilder(checksums).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new DownloadException(uri.toString(), checksums + " answered HTTP " + response.statusCode());
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String digest = Sha256Text.fromChecksumFile(text, name).orElseThrow(
                () -> new DownloadException(uri.toString(), checksums + " holds no SHA-256 for " + name));
        return new Expected(digest, checksums.toString());
    }

    private boolean unchanged(URI uri, CacheEntry.Meta cached, Expected expected) throws XsbuildException {
        if (expected != null) {
            return expected.sha256().equals(cached.sha256());
        }
        HttpResponse<Void> head = send(uri.toString(), HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() != 200) {
            return false;
        }
        CacheEntry.Meta now = validators(uri, head);
        return now.validator() != null && now.validator().equals(cached.validator())
                && head.headers().firstValueAsLong("Content-Length").orElse(cached.size()) == cached.size();
    }

    /** Downloads into the part file, resuming it when the server allows; gives the complete file's record. */
    private CacheEntry.Meta download(URI uri, CacheEntry entry, boolean mayRestart) throws XsbuildException, IOException {
        String source = uri.toString();
        Optional<CacheEntry.Meta> part = entry.partial().filter(p -> p.size() > 0 && p.validator() != null);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        part.ifPresent(p -> request.header("Range", "bytes=" + p.size() + "-").header("If-Range", p.validator()));
        HttpResponse<InputStream> response = send(source, request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416 && mayRestart) {
                entry.discard();
                return download(uri, entry, false);
            }
            if (status == 404 || status == 410) {
                throw new DownloadException(source, "the server has no such file (HTTP " + status + ")");
            }
            long offset = 0;
            long total;
            CacheEntry.Meta validators;
            if (status == 206 && part.isPresent()) {
                Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!range.matches() || Long.parseLong(range.group(1)) != part.get().size()) {
                    throw new DownloadException(source, "the server resumed at another offset than asked ("
                            + response.headers().firstValue("Content-Range").orElse("no Content-Range") + ")");
                }
                offset = part.get().size();
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
                validators = part.get();
            } else if (status == 200) {
                validators = validators(uri, response);
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                entry.start(validators);
            } else {
                throw new DownloadException(source, "the server answered HTTP " + status);
            }
            String sha256 = copy(source, entry, body, offset, total);
            long size = Files.size(entry.part());
            return new CacheEntry.Meta(source, size, sha256, validators.etag(), validators.lastModified());
        }
    }

    /** Appends the body to the part file after its first {@code offset} bytes; gives the SHA-256 of the whole. */
    private String copy(String source, CacheEntry entry, InputStream body, long offset, long total) throws IOException, DownloadException {
        MessageDigest digest = ChecksumType.SHA256.newDigest();
        ByteProgress progress = new ByteProgress(events, "Downloading " + entry.name(), total, offset);
        try (FileChannel out = FileChannel.open(entry.part(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            hashPrefix(out, offset, digest);
            out.truncate(offset);
            out.position(offset);
            byte[] buffer = new byte[1 << 18];
            long written = offset;
            for (int n; (n = read(source, body, buffer, written)) > 0; ) {
                out.write(ByteBuffer.wrap(buffer, 0, n));
                digest.update(buffer, 0, n);
                written += n;
                progress.add(n);
            }
            out.force(false);
            if (total >= 0 && written != total) {
                throw new DownloadException(source, "the transfer ended after " + written + " of " + total + " bytes");
            }
        } finally {
            progress.done();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int read(String source, InputStream body, byte[] buffer, long written) throws DownloadException {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new DownloadException(source, "the transfer broke off after " + written + " bytes (" + e.getMessage() + ")", e);
        }
    }

    private static void hashPrefix(FileChannel part, long length, MessageDigest digest) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 18);
        for (long pos = 0; pos < length; ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - pos));
            int n = part.read(buffer, pos);
            if (n < 0) {
                throw new IOException("the partial download " + part + " is shorter than recorded");
            }
            digest.update(buffer.array(), 0, n);
            pos += n;
        }
    }

    private static CacheEntry.Meta validators(URI uri, HttpResponse<?> response) {
        return new CacheEntry.Meta(uri.toString(), -1, null, response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    private <T> HttpResponse<T> send(String source, HttpRequest request, HttpResponse.BodyHandler<T> body) throws XsbuildException {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new DownloadException(source, request.uri() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(source, "interrupted", e);
        }
    }

    /** {@code URL.sha256}: the checksum file beside the ISO. */
    static URI checksumUri(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath() + ".sha256", uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(uri + " gives no checksum URL", e);
        }
    }
}
