package io.flops.dataclient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The conventions of the ML data server's Arrow Flight interface, shared by the server, the
 * learner-side client and the mock data provider.
 *
 * <ul>
 *   <li>{@code DoPut}: the descriptor's first path element is the data tag.
 *   <li>{@code ListFlights}: criteria {@code {"data_tags": [...]}} (JSON; empty lists everything).
 *   <li>{@code DoGet}: the ticket is the data set's name {@code <tag>.<content hash>.arrow}.
 *   <li>Action {@value #DROP_ACTION}: body is a tag or a data set name.
 *   <li>Schema metadata {@value #SPLIT_KEY} = {@code train} or {@code test} marks the split.
 * </ul>
 */
public final class DataServerProtocol {

  /** The data server's default Arrow Flight port. */
  public static final int DEFAULT_PORT = 11027;

  /** The action that deletes data sets by tag or by name. */
  public static final String DROP_ACTION = "drop_dataset";

  /** The schema metadata key that marks a data set as training or test rows. */
  public static final String SPLIT_KEY = "flops.split";

  /** {@link #SPLIT_KEY} value of training rows. */
  public static final String TRAIN = "train";

  /** {@link #SPLIT_KEY} value of test rows. */
  public static final String TEST = "test";

  private static final String TAGS_FIELD = "data_tags";
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DataServerProtocol() {}

  /**
   * Checks a data tag: letters, digits, {@code _} and {@code -}, starting with a letter or digit,
   * at most 100 characters (a tag is the file name prefix before the first dot).
   *
   * @throws IllegalArgumentException naming the tag when it is not valid
   */
  public static String requireValidTag(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "Data tag '"
              + tag
              + "' is not valid: use letters, digits, '_' and '-' (at most 100 characters)");
    }
    return tag;
  }

  /** The ListFlights criteria bytes for {@code tags}. */
  public static byte[] criteria(List<String> tags) {
    try {
      return JSON.writeValueAsBytes(Map.of(TAGS_FIELD, tags));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode data tags " + tags, e);
    }
  }

  /**
   * The tags of ListFlights criteria; empty for empty criteria, {@code {}} or an empty list.
   *
   * @throws IllegalArgumentException for criteria that are not {@code {"data_tags": [...]}}
   */
  public static List<String> tagsOf(byte[] criteria) {
    if (criteria == null || criteria.length == 0) {
      return List.of();
    }
    try {
      Map<String, List<String>> parsed = JSON.readValue(criteria, new TypeReference<>() {});
      List<String> tags = parsed.get(TAGS_FIELD);
      return tags == null ? List.of() : List.copyOf(tags);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "ListFlights criteria must be JSON like {\"data_tags\": [\"mnist\"]}, got: "
              + new String(criteria, java.nio.charset.StandardCharsets.UTF_8),
          e);
    }
  }

  /** The tag part of a data set name {@code <tag>.<hash>.arrow} (or of a bare tag). */
  public static String tagOfName(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
