package io.flops.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A manager's API on a local port, answering what a test scripted: per method and path (without the
 * query) a queue of answers, the last of which repeats. Unscripted requests get a 404 problem.
 * Every request is recorded with its headers and body.
 */
public final class StubManager implements AutoCloseable {

  /** A request as the stub received it; header names are lower case. */
  public record Request(String method, String uri, Map<String, String> headers, String body) {}

  private record Answer(
      int status, String contentType, String body, boolean keepOpen, Map<String, String> headers) {

    Answer(int status, String contentType, String body, boolean keepOpen) {
      this(status, contentType, body, keepOpen, Map.of());
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public StubManager() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The stub's root URL. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code method path} with {@code status} and the JSON {@code body}. */
  public StubManager on(String method, String path, int status, String body) {
    String type = status / 100 == 2 ? "application/json" : "application/problem+json";
    return add(method, path, new Answer(status, type, body, false));
  }

  /** Answers {@code method path} with {@code status}, the JSON {@code body} and {@code headers}. */
  public StubManager on(
      String method, String path, int status, String body, Map<String, String> headers) {
    return add(method, path, new Answer(status, "application/json", body, false, headers));
  }

  /**
   * Answers {@code GET path} with a {@code text/event-stream} of {@code events} (SSE text); when
   * {@code keepOpen}, the stream then stays open (with heartbeats) until the reader goes away.
   */
  public StubManager onStream(String path, String events, boolean keepOpen) {
    return add("GET", path, new Answer(200, "text/event-stream", events, keepOpen));
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests as {@code METHOD uri}. */
  public List<String> calls() {
    return requests.stream().map(request -> request.method() + " " + request.uri()).toList();
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    threads.shutdownNow();
  }

  private StubManager add(String method, String path, Answer answer) {
    answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(answer);
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    URI uri = exchange.getRequestURI();
    requests.add(new Request(exchange.getRequestMethod(), uri.toString(), headers, body));
    Answer answer = next(exchange.getRequestMethod() + " " + uri.getPath());
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    answer.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(answer.status(), answer.keepOpen() ? 0 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
      out.flush();
      while (answer.keepOpen() && !closed) {
        sleep();
        out.write(":heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException readerGone) {
      // the client closed the stream
    }
  }

  private Answer next(String key) {
    Deque<Answer> queue = answers.get(key);
    if (queue == null) {
      return new Answer(
          404,
          "application/problem+json",
          "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No such thing: " + key + "\"}",
          false);
    }
    synchronized (queue) {
      return queue.size() > 1 ? queue.poll() : queue.peek();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
