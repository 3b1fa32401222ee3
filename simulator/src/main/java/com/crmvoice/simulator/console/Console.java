package com.crmvoice.simulator.console;

import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.pipeline.LocalPipeline;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.crmvoice.testkit.salesforce.Faults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed console: each line is either something the user says to Alexa, or a command starting
 * with a colon (see {@link #HELP}). The same lines drive the script mode.
 */
public final class Console {

  /** The console's help; %1$s is the invocation name of the model in use. */
  static final String HELP =
      """
      Type what you would say to Alexa, for example:
        ask %1$s to get my top lead     open %1$s     create a lead
      Inside a session just answer ("Ada", "yes"). Commands:
        :help                      this text
        :leads [all]               what the (fake) Salesforce holds now: your leads, or everyone's
        :queue                     queue and dead-letter queue depths (visible / in flight)
        :worker pause | resume     stop or restart the worker taking commands off the queue
        :tasks                     the tasks (logged calls, follow-ups) the fake Salesforce holds
        :deals                     the opportunities the fake Salesforce holds for the user
        :commands                  your latest commands and their state (queued, done, cancelled)
        :fault 503 x N             the next N Salesforce data calls answer HTTP 503 (any 5xx)
        :fault latency MS          every Salesforce call waits MS milliseconds
        :fault expire              every Salesforce access token stops working (401)
        :fault limit N | lock N | drop N | duplicates on|off
        :fault down | clear        Salesforce answers 503 to everything / no more faults
        :user [OWNER_ID|demo|repN] show or switch the Salesforce user the skill works for
        :refresh [full|incremental|agenda-full|agenda-incremental|deals-full|deals-incremental]
                                   run a cache refresher pass now
        :wait [SECONDS]            wait until the worker and refresher queues are empty
        :screen [on|off]           the device has a screen (APL) or not; lists the skill shows
        :touch N                   touch item N of the list on the screen
        :end                       end the session (the user walks away)
        :quit                      stop the simulator
      """;

  private static final Pattern FAIL_STATUS =
      Pattern.compile("^(5\\d\\d)(?:\\s*(?:x|\\*|times)?\\s*(\\d+))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern OWNER = Pattern.compile("^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$");
  private static final Pattern REP = Pattern.compile("^rep(\\d{1,6})$", Pattern.CASE_INSENSITIVE);

  private final LocalPipeline pipeline;
  private final Conversation conversation;
  private final TranscriptPrinter printer;

  /** {@code pipeline} may be null: commands that need it say so. */
  public Console(LocalPipeline pipeline, Conversation conversation, TranscriptPrinter printer) {
    this.pipeline = pipeline;
    this.conversation = conversation;
    this.printer = printer;
  }

  /**
   * Runs typed lines until :quit or the end of input, with a prompt.
   *
   * @return true if the user quit, false if the input ended
   */
  public boolean interact(BufferedReader in) {
    boolean quit = false;
    try {
      while (true) {
        printer.prompt(conversation.sessionOpen() ? "you (session open)> " : "you> ");
        String line = in.readLine();
        if (line == null) {
          break;
        }
        if (!execute(line)) {
          quit = true;
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    conversation.endSession("USER_INITIATED");
    return quit;
  }

  /** Runs every line of a script, echoing commands into the transcript; stops at :quit. */
  public void runScript(List<String> lines) {
    for (String line : lines) {
      if (line.strip().startsWith(":")) {
        printer.info("you> " + line.strip());
      }
      if (!execute(line)) {
        break;
      }
    }
    conversation.endSession("USER_INITIATED");
  }

  /** One line: an utterance or a command; answers false when the user quits. */
  public boolean execute(String rawLine) {
    String line = rawLine.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return true;
    }
    if (!line.startsWith(":")) {
      try {
        conversation.say(line);
      } catch (RuntimeException e) {
        printer.info(
            "  [simulator] that turn failed: "
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage());
      }
      return true;
    }
    String[] parts = line.substring(1).strip().split("\\s+", 2);
    String command = parts[0].toLowerCase(Locale.ROOT);
    String argument = parts.length > 1 ? parts[1].strip() : "";
    try {
      switch (command) {
        case "help", "h", "?" -> printer.info(HELP.formatted(conversation.invocationName()));
        case "quit", "q", "exit" -> {
          return false;
        }
        case "leads" -> leads(argument.equalsIgnoreCase("all"));
        case "queue", "queues" -> queues();
        case "tasks" -> tasks();
        case "deals" -> deals();
        case "worker" -> worker(argument);
        case "commands", "changes" -> commands();
        case "fault", "faults" -> fault(argument);
        case "user" -> user(argument);
        case "refresh" -> refresh(argument.isEmpty() ? "incremental" : argument);
        case "wait" -> waitIdle(argument);
        case "screen" -> screen(argument);
        case "touch" -> conversation.touch(Integer.parseInt(argument));
        case "end" -> conversation.endSession("USER_INITIATED");
        default -> printer.info("unknown command :" + command + " (try :help)");
      }
    } catch (RuntimeException e) {
      printer.info("  [simulator] " + command + " failed: " + e.getMessage());
    }
    return true;
  }

  private void screen(String argument) {
    boolean on =
        switch (argument.toLowerCase(Locale.ROOT)) {
          case "on" -> true;
          case "off" -> false;
          default -> !conversation.screen().on();
        };
    conversation.screen().on(on);
    printer.info(
        on
            ? "  [screen] on: the device shows APL documents; touch a list item with :touch N"
            : "  [screen] off: a voice-only device");
  }

  private Optional<FakeSalesforce> fake() {
    if (pipeline == null || pipeline.salesforce().isEmpty()) {
      printer.info("  [simulator] only the fake Salesforce can be inspected or faulted here");
      return Optional.empty();
    }
    return pipeline.salesforce();
  }

  private void leads(boolean all) {
    Optional<FakeSalesforce> salesforce = fake();
    if (salesforce.isEmpty()) {
      return;
    }
    String owner = pipeline.ownerId();
    List<Map<String, Object>> leads =
        salesforce.get().leads().stream()
            .filter(l -> all || owner.equals(l.get("OwnerId")))
            .sorted(Comparator.comparing(l -> String.valueOf(l.get("CreatedDate"))))
            .toList();
    printer.info(
        "  Salesforce holds "
            + leads.size()
            + (all ? " leads" : " leads owned by " + owner)
            + " (oldest first):");
    for (Map<String, Object> lead : leads) {
      Object created = lead.get("CreatedDate");
      String date = created instanceof Instant i ? i.toString().substring(0, 10) : "?";
      String name =
          lead.get("FirstName") == null
              ? String.valueOf(lead.get("LastName"))
              : lead.get("FirstName") + " " + lead.get("LastName");
      printer.info(
          "  "
              + lead.get("Id")
              + "  "
              + name
              + ", "
              + lead.getOrDefault("Company", "-")
              + "  ["
              + lead.get("Status")
              + "]  created "
              + date
              + (all ? "  owner " + lead.get("OwnerId") : ""));
    }
  }

  private void worker(String argument) {
    if (pipeline == null) {
      printer.info("  [simulator] no pipeline");
      return;
    }
    boolean pause = argument.equalsIgnoreCase("pause");
    if (!pause && !argument.equalsIgnoreCase("resume")) {
      printer.info("  usage: :worker pause | resume");
      return;
    }
    pipeline.pauseWorker(pause);
    printer.info(
        pause
            ? "  [worker] paused: commands wait on the queue"
            : "  [worker] resumed: taking commands off the queue");
  }

  private void tasks() {
    Optional<FakeSalesforce> salesforce = fake();
    if (salesforce.isEmpty()) {
      return;
    }
    List<Map<String, Object>> tasks = salesforce.get().tasks();
    printer.info("  Salesforce holds " + tasks.size() + " tasks:");
    for (Map<String, Object> task : tasks) {
      printer.info(
          "  "
              + task.get("Id")
              + "  "
              + task.get("Subject")
              + "  ["
              + task.get("Status")
              + ", "
              + task.get("TaskSubtype")
              + "]  on lead "
              + task.get("WhoId")
              + "  due "
              + task.get("ActivityDate"));
    }
  }

  /** The user's opportunities in the fake: what a deal update by voice changed. */
  private void deals() {
    Optional<FakeSalesforce> salesforce = fake();
    if (salesforce.isEmpty()) {
      return;
    }
    String owner = pipeline.ownerId();
    List<Map<String, Object>> deals =
        salesforce.get().opportunities().all().stream()
            .filter(d -> owner.equals(d.get("OwnerId")))
            .sorted(Comparator.comparing(d -> String.valueOf(d.get("Name"))))
            .toList();
    printer.info("  Salesforce holds " + deals.size() + " opportunities owned by " + owner + ":");
    for (Map<String, Object> deal : deals) {
      printer.info(
          "  "
              + deal.get("Name")
              + "  ["
              + deal.get("StageName")
              + ", "
              + deal.get("Probability")
              + "%, "
              + deal.get("ForecastCategoryName")
              + "]  amount "
              + deal.get("Amount")
              + "  closes "
              + deal.get("CloseDate")
              + "  next step "
              + deal.get("NextStep")
              + "  updates applied "
              + salesforce.get().opportunities().appliedUpdates(String.valueOf(deal.get("Id"))));
    }
  }

  private void commands() {
    if (pipeline == null) {
      printer.info("  [simulator] no pipeline");
      return;
    }
    var log =
        new com.crmvoice.adapters.dynamodb.DynamoDbCommandLog(
            pipeline.clients().dynamoDb(),
            pipeline.env().get("COMMANDS_TABLE"),
            java.time.Duration.ofDays(1));
    var records = log.recentForOwner(pipeline.ownerId(), 10);
    printer.info("  your latest " + records.size() + " commands (newest first):");
    for (var record : records) {
      printer.info(
          String.format(
              "  %-11s %-16s %s%s",
              record.state(),
              record.command().getClass().getSimpleName(),
              record.command().summary(),
              record.status().failureCode() == null
                  ? ""
                  : "  reason " + record.status().failureCode()));
    }
  }

  private void queues() {
    if (pipeline == null) {
      printer.info("  [simulator] no pipeline");
      return;
    }
    for (LocalPipeline.QueueDepth depth : pipeline.queueDepths()) {
      printer.info(
          String.format(
              "  %-18s visible %3d   in flight %3d",
              depth.name(), depth.visible(), depth.inFlight()));
    }
  }

  private void fault(String argument) {
    Optional<FakeSalesforce> salesforce = fake();
    if (salesforce.isEmpty()) {
      return;
    }
    Faults faults = salesforce.get().faults();
    String[] words = argument.toLowerCase(Locale.ROOT).split("\\s+");
    Matcher status = FAIL_STATUS.matcher(argument.strip());
    if (status.matches()) {
      int times = status.group(2) == null ? 1 : Integer.parseInt(status.group(2));
      faults.failNext(times, Integer.parseInt(status.group(1)));
      printer.info(
          "  [fault] the next " + times + " Salesforce data calls answer HTTP " + status.group(1));
      return;
    }
    switch (words[0]) {
      case "latency" -> {
        long millis = Long.parseLong(words[1].replace("ms", ""));
        faults.latency(Duration.ofMillis(millis));
        printer.info("  [fault] every Salesforce call waits " + millis + " ms");
      }
      case "expire", "expiry", "token" -> {
        faults.expireTokens();
        printer.info("  [fault] every Salesforce access token issued so far has expired");
      }
      case "limit" -> {
        int n = count(words);
        faults.requestLimit(n);
        printer.info("  [fault] the next " + n + " data calls answer 403 REQUEST_LIMIT_EXCEEDED");
      }
      case "lock" -> {
        int n = count(words);
        faults.lockErrors(n);
        printer.info("  [fault] the next " + n + " record writes fail with UNABLE_TO_LOCK_ROW");
      }
      case "drop" -> {
        int n = count(words);
        faults.dropConnections(n);
        printer.info("  [fault] the next " + n + " data calls drop the connection");
      }
      case "duplicates", "duplicate" -> {
        boolean on = words.length < 2 || !words[1].equals("off");
        faults.duplicateRule(on);
        printer.info("  [fault] duplicate rule on Lead " + (on ? "active" : "off"));
      }
      case "down" -> {
        faults.failNext(Integer.MAX_VALUE, 503);
        printer.info("  [fault] Salesforce is down: every data call answers 503 (:fault clear)");
      }
      case "clear", "up", "none", "off" -> {
        faults.clear();
        printer.info("  [fault] cleared: Salesforce behaves");
      }
      default -> printer.info("  [simulator] unknown fault; see :help");
    }
  }

  private static int count(String[] words) {
    return words.length < 2 ? 1 : Integer.parseInt(words[words.length - 1]);
  }

  private void user(String argument) {
    if (pipeline == null) {
      printer.info("  [simulator] no pipeline");
      return;
    }
    if (argument.isEmpty()) {
      printer.info("  the skill works for Salesforce user " + pipeline.ownerId());
      return;
    }
    String owner;
    Matcher rep = REP.matcher(argument);
    if (argument.equalsIgnoreCase("demo")) {
      owner = FakeSalesforce.DEMO_USER_ID;
    } else if (rep.matches()) {
      owner = String.format("005%012dAAA", Integer.parseInt(rep.group(1)));
    } else if (OWNER.matcher(argument).matches()) {
      owner = argument;
    } else {
      printer.info("  [simulator] a Salesforce user id starts with 005 (15 or 18 characters)");
      return;
    }
    conversation.endSession("USER_INITIATED");
    pipeline.switchOwner(owner);
    printer.info("  the skill now works for Salesforce user " + owner + " (new session)");
  }

  private void refresh(String pass) {
    if (pipeline == null) {
      printer.info("  [simulator] no pipeline");
      return;
    }
    String p = pass.toLowerCase(Locale.ROOT);
    if (!java.util.Set.of(
            "full",
            "incremental",
            "agenda-full",
            "agenda-incremental",
            "deals-full",
            "deals-incremental")
        .contains(p)) {
      printer.info(
          "  [simulator] :refresh full, incremental, agenda-full, agenda-incremental, deals-full"
              + " or deals-incremental");
      return;
    }
    String output = pipeline.refresh(p);
    printer.info("  [refresher] " + p + " pass done" + (output.isBlank() ? "" : ": " + output));
  }

  private void waitIdle(String argument) {
    if (pipeline == null) {
      printer.info("  [simulator] no pipeline");
      return;
    }
    int seconds = argument.isEmpty() ? 30 : Integer.parseInt(argument);
    boolean idle = pipeline.awaitIdle(Duration.ofSeconds(seconds));
    printer.info(
        idle
            ? "  [queues] empty: the worker and refresher are done"
            : "  [queues] still busy after " + seconds + " s (see :queue)");
  }
}
