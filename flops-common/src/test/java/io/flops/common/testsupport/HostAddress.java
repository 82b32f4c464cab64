package io.flops.common.testsupport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** The address of this host that containers on a bridge network reach it at. */
public final class HostAddress {

  private HostAddress() {}

  /**
   * The first IPv4 address of an up, non-loopback, non-virtual interface (not a container bridge),
   * or an error naming the interfaces seen.
   */
  public static String forContainers() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || bridge(nic.getName())) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      throw new IllegalStateException("Cannot list the network interfaces: " + e.getMessage(), e);
    }
    throw new IllegalStateException(
        "This host has no IPv4 address that containers could reach it at");
  }

  private static boolean bridge(String name) {
    return name.startsWith("podman")
        || name.startsWith("docker")
        || name.startsWith("veth")
        || name.startsWith("cni")
        || name.startsWith("br-");
  }
}
