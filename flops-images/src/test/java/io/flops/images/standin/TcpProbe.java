package io.flops.images.standin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The stand-ins' health check: exits 0 when {@code 127.0.0.1:<port>} accepts a connection within
 * two seconds, 1 otherwise (their JRE base has no shell or HTTP client).
 */
public final class TcpProbe {

  private TcpProbe() {}

  public static void main(String[] args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 2000);
      System.exit(0);
    } catch (IOException e) {
      System.out.println("127.0.0.1:" + args[0] + " refuses: " + e.getMessage());
      System.exit(1);
    }
  }
}
