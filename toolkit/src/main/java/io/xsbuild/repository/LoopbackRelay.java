package io.xsbuild.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets build containers reach a server that listens on this machine's loopback (a repository served at
 * {@code http://127.0.0.1:8000/}): it listens on the address at which containers reach this machine (their
 * network's gateway) and relays each connection to the server. It runs while a run's containers install
 * their BuildRequires, and relays nothing but that one server.
 */
final class LoopbackRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private LoopbackRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        this.acceptor = new Thread(this::accept, "xsbuild-relay-" + target.getPort());
        acceptor.setDaemon(true);
    }

    /**
     * Relays connections made to {@code listen} (on an ephemeral port) to {@code target}.
     *
     * @throws IOException when {@code listen} is no address of this machine
     */
    static LoopbackRelay start(InetAddress listen, InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(listen, 0));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        LoopbackRelay relay = new LoopbackRelay(server, target);
        relay.acceptor.start();
        return relay;
    }

    /** The port containers connect to, on the address it listens on. */
    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 10_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            java.util.concurrent.atomic.AtomicInteger directions = new java.util.concurrent.atomic.AtomicInteger(2);
            pump(client, upstream, client, upstream, directions);
            pump(upstream, client, client, upstream, directions);
        }
    }

    /**
     * Copies one direction of a connection until it ends, then ends the other side's writing; the sockets
     * are closed once both directions have ended, or either fails.
     */
    private void pump(Socket from, Socket to, Socket client, Socket upstream,
                      java.util.concurrent.atomic.AtomicInteger directions) {
        Thread t = new Thread(() -> {
            boolean done = false;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
                done = directions.decrementAndGet() == 0;
            } catch (IOException e) {
                done = true;
            }
            if (done) {
                closeQuietly(client);
                closeQuietly(upstream);
                open.remove(client);
                open.remove(upstream);
            }
        }, "xsbuild-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(LoopbackRelay::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a relay's socket cannot go wrong in a way that matters
        }
    }
}
