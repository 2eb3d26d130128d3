#!/usr/bin/env bash
# SHA-256 throughput of the JDK's provider (what xsbuild uses) against a native one, Amazon Corretto
# Crypto Provider (from Maven Central), and OpenSSL, in the same run: what decides whether a native
# provider behind io.xsbuild.io.ChecksumType would pay. Also the time the native provider takes to
# load, which every command would pay. Not a test: it prints figures.
#
# Usage: benchmarks/sha256-providers.sh          Environment: ACCP_VERSION (default 2.5.0), MB (default 400).
set -euo pipefail
version=${ACCP_VERSION:-2.5.0}
mb=${MB:-400}
work=$(mktemp -d "${TMPDIR:-/tmp}/xsbuild-sha.XXXXXX")
trap 'rm -rf "$work"' EXIT

mvn -B -q dependency:get -Dtransitive=false \
    -Dartifact="software.amazon.cryptools:AmazonCorrettoCryptoProvider:$version:jar:linux-x86_64" >/dev/null
accp="$HOME/.m2/repository/software/amazon/cryptools/AmazonCorrettoCryptoProvider/$version/AmazonCorrettoCryptoProvider-$version-linux-x86_64.jar"

cat > "$work/Speed.java" <<'JAVA'
import java.security.MessageDigest;
import java.security.Provider;

public class Speed {
    public static void main(String[] args) throws Exception {
        long mb = Long.parseLong(args[0]);
        long start = System.nanoTime();
        Provider provider = args.length > 1
                ? (Provider) Class.forName(args[1]).getField("INSTANCE").get(null) : null;
        MessageDigest digest = provider == null ? MessageDigest.getInstance("SHA-256")
                : MessageDigest.getInstance("SHA-256", provider);
        double load = (System.nanoTime() - start) / 1e6;
        for (int block : new int[] {1 << 18, 1 << 15}) {
            byte[] bytes = new byte[block];
            new java.util.Random(1).nextBytes(bytes);
            double best = 0;
            for (int run = 0; run < 3; run++) {
                long t = System.nanoTime();
                for (long done = 0; done < mb << 20; done += block) {
                    digest.update(bytes);
                }
                digest.digest();
                best = Math.max(best, (mb << 20) / 1e6 / ((System.nanoTime() - t) / 1e9));
            }
            System.out.printf("%-30s blocks of %6d B: %6.0f MB/s (best of 3), provider loaded in %.0f ms%n",
                    digest.getProvider().getName(), block, best, load);
        }
    }
}
JAVA
javac -d "$work" "$work/Speed.java"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), SHA extensions:" \
    "$(grep -q -w sha_ni /proc/cpuinfo && echo yes || echo no), $(java -version 2>&1 | head -1)"
java -cp "$work" Speed "$mb"
java -cp "$work:$accp" Speed "$mb" com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider
command -v openssl >/dev/null && openssl speed -evp sha256 -seconds 2 2>/dev/null | tail -1 | \
    awk '{printf "OpenSSL                        blocks of  16384 B: %6.0f MB/s\n", $NF / 1000}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
