package com.crmvoice.simulator.console;

import com.crmvoice.simulator.dialog.Output;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints the exchange as a transcript, each kind of output clearly marked: what the user typed,
 * what Alexa says, progressive responses, cards, reprompts and the simulator's own notes.
 */
public final class TranscriptPrinter implements Consumer<Output> {

  private final PrintStream out;
  private final boolean echoUserTurns;

  /**
   * @param echoUserTurns true for transcripts; false at an interactive prompt, where the terminal
   *     already shows what was typed
   */
  public TranscriptPrinter(PrintStream out, boolean echoUserTurns) {
    this.out = out;
    this.echoUserTurns = echoUserTurns;
  }

  @Override
  public synchronized void accept(Output output) {
    if (output instanceof Output.UserTurn turn) {
      if (echoUserTurns) {
        out.println("you> " + turn.text());
      }
    } else if (output instanceof Output.Speech speech) {
      out.println("alexa> " + speech.text());
    } else if (output instanceof Output.Progressive progressive) {
      out.println("  [progressive response] " + progressive.text());
    } else if (output instanceof Output.Reprompt reprompt) {
      out.println("  [reprompt] " + reprompt.text());
    } else if (output instanceof Output.Card card) {
      out.println("  [card " + card.type() + "] " + card.title());
      for (String line : card.content().split("\n")) {
        if (!line.isBlank()) {
          out.println("  |  " + line);
        }
      }
    } else if (output instanceof Output.Notice notice) {
      out.println("  (" + notice.text() + ")");
    }
    out.flush();
  }

  /** The interactive prompt (no line break). */
  public synchronized void prompt(String text) {
    out.print(text);
    out.flush();
  }

  /** A line from the console itself (command output). */
  public synchronized void info(String line) {
    out.println(line);
    out.flush();
  }
}
