package io.xsbuild.fetch;

import java.util.HexFormat;
import io.xsbuild.error.Phrase;
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

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private static final int MAX_CHECKSUM_FILE = 1 << 20;

    private final HttpClient client;
    private final FetchOptions options;
    private final Events events;

    HttpDownloader(HttpClient client, FetchOptions options, Events events) {
        this.client = client;
        this.options = options;
        this.events = events;
    }

    /** A client that follows redirects and gives up on a connection after the connect timeout. */
    static HttpClient client(FetchOptions.Network network) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(network.connectTimeout())
                .build();
    }

    /** A checksum to hold the download to, and where it came from. */
    private record Expected(String sha256, Phrase from) {
    }

    @SuppressWarnings("try")
    ResolvedIso fetch(URI uri, String sha256) throws XsbuildException {
        String source = uri.toString();
        CacheEntry entry = CacheEntry.of(options.cacheDir(), uri);
        FetchOptions.Network network = options.network();
        try (CacheEntry.Lock held = entry.lock()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(uri, entry, sha256, attempt == 1);
                } catch (Transient t) {
                    if (attempt > network.retries()) {
                        throw new DownloadException(source, attempt == 1 ? t.what : Phrase.of(t.what, "; gave up after ",
                                attempt, " attempts (", FetchOptions.Field.RETRIES, ")"), t.getCause());
                    }
                    Duration wait = network.backoff(attempt);
                    events.warn(Phrase.of(source, ": ", t.what, "; trying again in ", seconds(wait), " (attempt ",
                            attempt + 1, " of ", network.retries() + 1, ")"));
                    pause(source, wait);
                }
            }
        } catch (IOException e) {
            throw new DownloadException(source, "the download cache " + options.cacheDir() + " failed: " + e, e);
        }
    }

    /** One try: the checksum to expect, then the cache or a download, resumed from what an earlier try left. */
    private ResolvedIso attempt(URI uri, CacheEntry entry, String sha256, boolean first)
            throws XsbuildException, IOException, Transient {
        String source = uri.toString();
        Expected expected = sha256 != null ? new Expected(sha256, Phrase.of(IsoSources.Field.SHA256))
                : published(uri, entry.name());
        if (expected == null && first) {
            events.warn(Phrase.of("no checksum for ", source, ": neither ", IsoSources.Field.SHA256, " nor ", checksumUri(uri),
                    " was given, so the download is only checked for length"));
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
    }

    /** The digest {@code URL.sha256} gives, or null when there is no such file. */
    private Expected published(URI uri, String name) throws XsbuildException, Transient {
        URI checksums = checksumUri(uri);
        HttpResponse<InputStream> response = send(uri.toString(), request(checksums).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                return null;
            }
            serverError(response);
            if (response.statusCode() != 200) {
                throw new DownloadException(uri.toString(), checksums + " answered HTTP " + response.statusCode());
            }
            body = readSmall(uri.toString(), in, MAX_CHECKSUM_FILE);
        } catch (IOException e) {
            throw new Transient(describe(e), e);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String digest = Sha256Text.fromChecksumFile(text, name).orElseThrow(
                () -> new DownloadException(uri.toString(), checksums + " holds no SHA-256 for " + name));
        return new Expected(digest, Phrase.of(checksums));
    }

    private boolean unchanged(URI uri, CacheEntry.Meta cached, Expected expected) throws XsbuildException, Transient {
        if (expected != null) {
            return expected.sha256().equals(cached.sha256());
        }
        HttpResponse<Void> head = send(uri.toString(), request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        serverError(head);
        if (head.statusCode() != 200) {
            return false;
        }
        CacheEntry.Meta now = validators(uri, head);
        return now.validator() != null && now.validator().equals(cached.validator())
                && head.headers().firstValueAsLong("Content-Length").orElse(cached.size()) == cached.size();
    }

    /** Downloads into the part file, resuming it when the server allows; gives the complete file's record. */
    private CacheEntry.Meta download(URI uri, CacheEntry entry, boolean mayRestart)
            throws XsbuildException, IOException, Transient {
        String source = uri.toString();
        Optional<CacheEntry.Meta> part = entry.partial().filter(p -> p.size() > 0 && p.validator() != null);
        HttpRequest.Builder request = request(uri).GET();
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
            serverError(response);
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
    private String copy(String source, CacheEntry entry, InputStream body, long offset, long total)
            throws IOException, Transient {
        MessageDigest digest = ChecksumType.SHA256.newDigest();
        ByteProgress progress = new ByteProgress(events, "Downloading " + entry.name(), total, offset);
        try (FileChannel out = FileChannel.open(entry.part(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); StallGuard guard = new StallGuard(body, options.network().readTimeout())) {
            hashPrefix(out, offset, digest);
            out.truncate(offset);
            out.position(offset);
            byte[] buffer = new byte[1 << 18];
            long written = offset;
            for (int n; (n = read(guard, body, buffer, written)) > 0; ) {
                out.write(ByteBuffer.wrap(buffer, 0, n));
                digest.update(buffer, 0, n);
                written += n;
                progress.add(n);
            }
            out.force(false);
            if (total >= 0 && written != total) {
                throw new Transient(Phrase.of("the transfer ended after ", written, " of ", total, " bytes"), null);
            }
        } finally {
            progress.done();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private int read(StallGuard guard, InputStream body, byte[] buffer, long written) throws Transient {
        try {
            int n = body.read(buffer);
            guard.progress();
            return n;
        } catch (IOException e) {
            if (guard.fired()) {
                throw new Transient(Phrase.of("no data for ", seconds(options.network().readTimeout()), " after ", written,
                        " bytes (", FetchOptions.Field.READ_TIMEOUT, ")"), e);
            }
            throw new Transient(Phrase.of("the transfer broke off after ", written, " bytes (", describe(e), ")"), e);
        }
    }

    /** Reads a small body whole, at most {@code limit} bytes, with the read timeout between reads. */
    private byte[] readSmall(String source, InputStream body, int limit) throws IOException, Transient, DownloadException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (StallGuard guard = new StallGuard(body, options.network().readTimeout())) {
            for (int n; (n = read(guard, body, buffer, bytes.size())) > 0; ) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > limit) {
                    throw new DownloadException(source, checksumUri(URI.create(source)) + " is larger than " + limit
                            + " bytes, which no checksum file is");
                }
            }
        }
        return bytes.toByteArray();
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

    /** A request that times out when the server has not answered within the read timeout. */
    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(options.network().readTimeout());
    }

    /**
     * Sends a request. A connection refused or a host unknown ends the fetch; a timeout or a
     * connection that broke is {@link Transient}, to try again. Messages name what the user gave.
     */
    private <T> HttpResponse<T> send(String source, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws XsbuildException, Transient {
        try {
            return client.send(request, body);
        } catch (java.net.ConnectException e) {
            String what = connectionFailure(e);
            if (what.startsWith("connection refused") || what.startsWith("unknown host")) {
                throw new DownloadException(source, what, e);
            }
            throw new Transient(Phrase.of(what), e);
        } catch (IOException e) {
            throw new Transient(describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(source, "interrupted", e);
        }
    }

    /** A server error (HTTP 5xx) is worth trying again. */
    private static void serverError(HttpResponse<?> response) throws Transient {
        if (response.statusCode() >= 500 && response.statusCode() <= 599) {
            throw new Transient(Phrase.of("the server answered HTTP ", response.statusCode()), null);
        }
    }

    /** What went wrong with a connection, in words: no Java class names. */
    private Phrase describe(IOException e) {
        FetchOptions.Network network = options.network();
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return Phrase.of("no connection within ", seconds(network.connectTimeout()), " (",
                    FetchOptions.Field.CONNECT_TIMEOUT, ")");
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return Phrase.of("no answer within ", seconds(network.readTimeout()), " (", FetchOptions.Field.READ_TIMEOUT, ")");
        }
        return Phrase.of(connectionFailure(e));
    }

    /** What went wrong with a connection, but for a timeout (which names its setting). */
    private static String connectionFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS failed: " + (t.getMessage() == null ? "no reason given" : t.getMessage());
            }
        }
        if (e instanceof java.net.ConnectException && (e.getMessage() == null
                || e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused"))) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "the connection failed" : message;
    }

    /** "60 s", "0.25 s". */
    static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static void pause(String source, Duration wait) throws DownloadException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(source, "interrupted", e);
        }
    }

    /** A failure worth another try: a timeout, a connection that broke, a server error. {@link #what} says what happened. */
    private static final class Transient extends Exception {
        final Phrase what;

        Transient(Phrase what, Throwable cause) {
            super(what.toString(), cause);
            this.what = what;
        }
    }

    /**
     * Closes a response body that has been silent for the read timeout, so that a read blocked on
     * a server that stopped sending ends; {@link #fired} then says why it ended.
     */
    private static final class StallGuard implements AutoCloseable {
        private final Thread watcher;
        private volatile long last = System.nanoTime();
        private volatile boolean fired;
        private volatile boolean closed;

        StallGuard(InputStream body, Duration timeout) {
            long limit = timeout.toNanos();
            long tick = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
            watcher = new Thread(() -> {
                while (!closed) {
                    try {
                        Thread.sleep(tick);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!closed && System.nanoTime() - last > limit) {
                        fired = true;
                        try {
                            body.close();
                        } catch (IOException ignored) {
                            // the read it ends reports the stall
                        }
                        return;
                    }
                }
            }, "xsbuild-read-timeout");
            watcher.setDaemon(true);
            watcher.start();
        }

        void progress() {
            last = System.nanoTime();
        }

        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            closed = true;
            watcher.interrupt();
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
