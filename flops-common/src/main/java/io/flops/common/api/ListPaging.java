package io.flops.common.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the manager's list endpoints page (docs/api.md, "Lists"), spoken by the manager and by every
 * client. The body stays a JSON array, newest first, of at most {@code limit} items (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}). When more follow, the answer carries
 * {@code Link: <url>; rel="next"}: the same request with a {@code cursor}, answering the next page.
 * {@code X-Total-Count} says how many items match the request's filters in all. A client that sends
 * neither parameter and ignores the headers reads the first {@value #DEFAULT_LIMIT}.
 */
public final class ListPaging {

  /** The query parameter: how many items one page holds at most. */
  public static final String LIMIT = "limit";

  /**
   * The query parameter: where the page starts, an opaque value taken from the previous page's next
   * link; without it a list starts with its first item.
   */
  public static final String CURSOR = "cursor";

  /** The items of a page when the request names no {@value #LIMIT}. */
  public static final int DEFAULT_LIMIT = 100;

  /** The most items of a page a request may ask for. */
  public static final int MAX_LIMIT = 1000;

  /** The response header: how many items match the request's filters, on every page. */
  public static final String TOTAL_COUNT = "X-Total-Count";

  /** The response header (RFC 8288) that announces the next page. */
  public static final String LINK = "Link";

  /** The link relation of the next page. */
  public static final String NEXT = "next";

  private static final Pattern LINK_VALUE =
      Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<=\\s]+(?:\\s*=\\s*(?:\"[^\"]*\"|[^;,<\"]*))?)*)");
  private static final Pattern REL =
      Pattern.compile("(?i);\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))");

  private ListPaging() {}

  /** The {@value #LINK} header value that announces {@code next} as the next page. */
  public static String nextLink(URI next) {
    return "<" + next + ">; rel=\"" + NEXT + "\"";
  }

  /**
   * The next page's URL among {@code linkHeaders} (every {@value #LINK} value of an answer), as
   * written there (possibly relative to the request); empty on the last page.
   */
  public static Optional<URI> next(List<String> linkHeaders) {
    for (String header : linkHeaders) {
      Matcher link = LINK_VALUE.matcher(header);
      while (link.find()) {
        if (isNext(link.group(2))) {
          return Optional.of(URI.create(link.group(1).trim()));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isNext(String parameters) {
    Matcher rel = REL.matcher(parameters);
    while (rel.find()) {
      String relations = rel.group(1) != null ? rel.group(1) : rel.group(2);
      for (String relation : relations.trim().split("\\s+")) {
        if (relation.equalsIgnoreCase(NEXT)) {
          return true;
        }
      }
    }
    return false;
  }
}
