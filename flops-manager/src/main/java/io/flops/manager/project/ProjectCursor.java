package io.flops.manager.project;

import io.flops.common.api.ListPaging;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A position in the project list (newest first: creation time, then id, both descending): the last
 * project of a page, after which the next page starts. Clients see it only as the opaque {@value
 * ListPaging#CURSOR} of a next link, so it stays valid while projects are created or deleted: a
 * project appears exactly once however the pages are followed.
 *
 * @param createdAt the project's creation time as stored
 * @param id the project's id
 */
public record ProjectCursor(Instant createdAt, String id) {

  private static final String VERSION = "p1";

  /** The position right after {@code project}. */
  public static ProjectCursor after(Project project) {
    return new ProjectCursor(project.getCreatedAt(), project.getId());
  }

  /** The opaque text of this position, safe in a URL. */
  public String encode() {
    String text = VERSION + ":" + createdAt.toEpochMilli() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position {@code cursor} names; null for null (the list's start).
   *
   * @throws FlopsException invalid input naming the parameter, when this manager did not write it
   */
  public static ProjectCursor decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
      if (parts.length == 3 && parts[0].equals(VERSION) && !parts[2].isEmpty()) {
        return new ProjectCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
      }
    } catch (IllegalArgumentException unreadable) {
      // reported below, as any other cursor this manager did not write
    }
    String message =
        "is not a position this manager wrote; follow the Link header's next URL, or leave "
            + ListPaging.CURSOR
            + " out to start with the newest project";
    throw FlopsException.invalidInput(
        "Invalid request parameters: " + ListPaging.CURSOR + " " + message + ".",
        List.of(new FieldError("", ListPaging.CURSOR + " " + message)));
  }
}
