package io.flops.observer.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The names the page speaks: project states, its timeline, event kinds and levels. */
@RestController
public class VocabularyController {

  private static final PageVocabulary VOCABULARY = PageVocabulary.current();

  /** The vocabulary of this build; it never changes while the observer runs. */
  @GetMapping(path = "/api/vocabulary", produces = MediaType.APPLICATION_JSON_VALUE)
  public PageVocabulary vocabulary() {
    return VOCABULARY;
  }
}
