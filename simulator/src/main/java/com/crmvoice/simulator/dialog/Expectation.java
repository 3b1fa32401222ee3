package com.crmvoice.simulator.dialog;

/** What Alexa waits for from the user's next turn within a dialog. */
sealed interface Expectation {

  record ElicitSlot(String slot) implements Expectation {}

  record ConfirmSlot(String slot) implements Expectation {}

  record ConfirmIntent() implements Expectation {}
}
