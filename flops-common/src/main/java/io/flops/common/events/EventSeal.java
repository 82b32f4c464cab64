package io.flops.common.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the events of one project (or mock-data job) with its own key, so that a receiver believes
 * only the services the manager started for it: anyone else on the broker — another customer's
 * services, a forged {@code mosquitto_pub} — cannot produce a seal. The seal is the event JSON's
 * last field, {@code "seal": "<hex HMAC-SHA256 of the JSON without it>"}; receivers that do not
 * check seals ignore it as an unknown field. A replayed event carries its original id, which the
 * manager applies once.
 */
public final class EventSeal {

  /** The name of the seal's JSON field. */
  public static final String FIELD = "seal";

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] SUFFIX_START =
      (",\"" + FIELD + "\":\"").getBytes(StandardCharsets.US_ASCII);
  private static final int HEX_LENGTH = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private EventSeal(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** A fresh random key (256 bits, URL-safe Base64), for a new project or job. */
  public static String newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /**
   * The seal of {@code key} ({@link #newKey()}'s form).
   *
   * @throws IllegalArgumentException if the key is not URL-safe Base64 of at least 16 bytes
   */
  public static EventSeal of(String key) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("An event key must be URL-safe Base64", e);
    }
    if (bytes.length < 16) {
      throw new IllegalArgumentException("An event key must hold at least 16 bytes");
    }
    return new EventSeal(bytes);
  }

  /** {@code json} (one JSON object with at least one field) with its seal as the last field. */
  public byte[] seal(byte[] json) {
    int end = lastBrace(json);
    if (end < 0 || isEmptyObject(json, end)) {
      throw new IllegalArgumentException("Only a JSON object with fields can be sealed");
    }
    String field =
        ",\""
            + FIELD
            + "\":\""
            + HexFormat.of().formatHex(mac(Arrays.copyOf(json, end + 1)))
            + "\"}";
    byte[] tail = field.getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = Arrays.copyOf(json, end + tail.length);
    System.arraycopy(tail, 0, sealed, end, tail.length);
    return sealed;
  }

  /** Whether {@code payload} ends with a seal of this key over the rest of it. */
  public boolean verifies(byte[] payload) {
    int end = payload.length - 1;
    while (end >= 0 && Character.isWhitespace(payload[end])) {
      end--;
    }
    int hexStart = end - 1 - HEX_LENGTH;
    int fieldStart = hexStart - SUFFIX_START.length;
    if (fieldStart < 1 || payload[end] != '}' || payload[end - 1] != '"') {
      return false;
    }
    if (!Arrays.equals(payload, fieldStart, hexStart, SUFFIX_START, 0, SUFFIX_START.length)) {
      return false;
    }
    byte[] claimed;
    try {
      claimed =
          HexFormat.of()
              .parseHex(new String(payload, hexStart, HEX_LENGTH, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] original = Arrays.copyOf(payload, fieldStart + 1);
    original[fieldStart] = '}';
    return MessageDigest.isEqual(claimed, mac(original));
  }

  private byte[] mac(byte[] json) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(json);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  private static int lastBrace(byte[] json) {
    for (int i = json.length - 1; i >= 0; i--) {
      if (json[i] == '}') {
        return i;
      }
      if (!Character.isWhitespace(json[i])) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isEmptyObject(byte[] json, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (!Character.isWhitespace(json[i])) {
        return json[i] == '{';
      }
    }
    return false;
  }

  /** Leaves out the key. */
  @Override
  public String toString() {
    return "EventSeal[" + ALGORITHM + "]";
  }
}
