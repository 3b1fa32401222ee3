package com.crmvoice.intent.dialog;

/**
 * What a dialog decided for this turn, as a value: the one place that turns it into Alexa
 * directives is {@link Dialogs#respond}. A dialog never answers the user itself.
 *
 * @param <T> what a finished dialog produced (a validated lead, a command)
 */
public sealed interface Step<T> {

  /** Ask for {@code slot}, with {@code leadIn} (a reason, an apology) before the question. */
  record Elicit<T>(String slot, String leadIn) implements Step<T> {}

  /** Let Alexa collect the model's required slots. */
  record Delegate<T>() implements Step<T> {}

  /**
   * Read back {@code readBack} (it ends with the question), with {@code leadIn} before it, and ask
   * for yes or no.
   */
  record Confirm<T>(String leadIn, String readBack) implements Step<T> {}

  /** The user said yes to a valid, complete {@code value}. */
  record Done<T>(T value) implements Step<T> {}
}
