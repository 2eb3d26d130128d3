package io.xsbuild.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web server on the loopback interface serving files from memory, as a download server and a
 * Maven repository would: GET and HEAD, ETag, single-range requests guarded by If-Range. It can cut
 * a transfer short, stall (accept a request and never answer it, or stop in the middle of a
 * transfer), and it logs every request.
 */
public final class LoopbackServer implements AutoCloseable {

    /** One request: method, path, and its Range header or null. */
    public record Request(String method, String path, String range) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    private final Map<String, Integer> stallAfter = new ConcurrentHashMap<>();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public LoopbackServer put(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** Serves {@code content} at {@code path} as a Maven repository does: with its .sha1 and .md5 beside it. */
    public LoopbackServer deploy(String path, byte[] content) {
        return put(path, content).put(path + ".sha1", hex("SHA-1", content)).put(path + ".md5", hex("MD5", content));
    }

    private static byte[] hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next full transfer of {@code path} stops after {@code bytes} bytes. */
    public LoopbackServer cutNextTransfer(String path, int bytes) {
        cutAfter.put(path, bytes);
        return this;
    }

    /** Every request for {@code path} is accepted and never answered, until the server closes. */
    public LoopbackServer stall(String path) {
        stalled.add(path);
        return this;
    }

    /** The next full transfer of {@code path} stops sending after {@code bytes} bytes, the connection left open. */
    public LoopbackServer stallNextTransfer(String path, int bytes) {
        stallAfter.put(path, bytes);
        return this;
    }

    public long requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long gets(String path) {
        return requests.stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).count();
    }

    static String etag(byte[] content) {
        return "\"" + Integer.toHexString(java.util.Arrays.hashCode(content)) + "\"";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(new Request(exchange.getRequestMethod(), path, range));
        if (stalled.contains(path)) {
            awaitClose();
            exchange.close();
            return;
        }
        byte[] content = files.get(path);
        try (exchange) {
            if (content == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = etag(content);
            exchange.getResponseHeaders().set("ETag", etag);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            Matcher m = range == null ? null : RANGE.matcher(range);
            String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
            int from = 0;
            if (m != null && m.matches() && (ifRange == null || ifRange.equals(etag))) {
                from = Integer.parseInt(m.group(1));
                if (from >= content.length) {
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            }
            int length = content.length - from;
            exchange.sendResponseHeaders(from > 0 ? 206 : 200, head ? -1 : length);
            if (head) {
                return;
            }
            Integer cut = from == 0 ? cutAfter.remove(path) : null;
            Integer stall = from == 0 ? stallAfter.remove(path) : null;
            OutputStream body = exchange.getResponseBody();
            body.write(content, from, cut != null ? cut : stall != null ? stall : length);
            body.flush();
            if (stall != null) {
                awaitClose();
            }
        }
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
