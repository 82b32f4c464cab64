package io.flops.dataserver.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;

/** Writes through to a channel and hashes every byte written. */
final class DigestingChannel implements WritableByteChannel {

  private final WritableByteChannel out;
  private final MessageDigest digest;

  DigestingChannel(WritableByteChannel out, MessageDigest digest) {
    this.out = out;
    this.digest = digest;
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    ByteBuffer view = source.duplicate();
    int written = out.write(source);
    view.limit(view.position() + written);
    digest.update(view);
    return written;
  }

  @Override
  public boolean isOpen() {
    return out.isOpen();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
