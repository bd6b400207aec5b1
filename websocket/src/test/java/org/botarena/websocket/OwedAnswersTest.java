package org.botarena.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OwedAnswersTest {

  @Test
  void eachStepSentExcusesOneAnswer() {
    OwedAnswers owed = new OwedAnswers();
    assertFalse(owed.any());
    assertFalse(owed.answer(), "no step was sent: an action counts as any frame");
    owed.stepSent();
    owed.stepSent();
    assertTrue(owed.answer());
    assertTrue(owed.any());
    assertTrue(owed.answer());
    assertFalse(owed.any());
    assertFalse(owed.answer(), "two steps, two answers: the third action counts");
  }

  @Test
  void unansweredStepsAreNotSavedUpForAFlood() {
    OwedAnswers owed = new OwedAnswers();
    for (int i = 0; i < 10_000; i++) {
      owed.stepSent();
    }
    int excused = 0;
    while (owed.answer()) {
      excused++;
    }
    assertTrue(
        excused == OwedAnswers.MAX, "at most " + OwedAnswers.MAX + " excused, got " + excused);
  }
}
