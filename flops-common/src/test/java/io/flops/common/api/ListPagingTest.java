package io.flops.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client finds the next page in the Link header the manager (or a proxy in between) wrote. */
class ListPagingTest {

  @Test
  void theNextLinkTheManagerWritesIsTheOneAClientReads() {
    URI next = URI.create("http://m:5072/api/flops/projects?state=FAILED&limit=10&cursor=cDE6MTo");

    assertThat(ListPaging.next(List.of(ListPaging.nextLink(next)))).contains(next);
  }

  @Test
  void findsNextAmongOtherRelationsAndSpellings() {
    assertThat(
            ListPaging.next(
                List.of(
                    "</p?cursor=a>; rel=\"prev\", </p?cursor=b>; title=\"x, y\"; REL=\"first next\"")))
        .contains(URI.create("/p?cursor=b"));
    assertThat(ListPaging.next(List.of("</p?cursor=a>; rel=prev", "</p?cursor=c>;rel=next")))
        .contains(URI.create("/p?cursor=c"));
  }

  @Test
  void theLastPageHasNoNext() {
    assertThat(ListPaging.next(List.of())).isEmpty();
    assertThat(ListPaging.next(List.of("</p?cursor=a>; rel=\"prev\""))).isEmpty();
    assertThat(ListPaging.next(List.of("garbage"))).isEmpty();
  }
}
