package io.flops.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on the loopback interface. */
public final class FreePorts {

  private FreePorts() {}

  /** A port nobody listens on right now. */
  public static int any() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port", e);
    }
  }

  /** {@code preferred} when nobody listens on it, else any free port. */
  public static int preferring(int preferred) {
    return listening("127.0.0.1", preferred) ? any() : preferred;
  }

  /** True when something accepts connections on {@code host:port}. */
  public static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
