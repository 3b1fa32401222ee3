package com.crmvoice.simulator.console;

import com.crmvoice.simulator.crm.FakeCrm;
import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.pipeline.LocalPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
        :leads [all]               what the fake CRM holds now: your leads, or everyone's
        :queue                     queue and dead-letter queue depths (visible / in flight)
        :worker pause | resume     stop or restart the worker taking commands off the queue
        :tasks                     the tasks (logged calls, follow-ups) the fake CRM holds
        :deals                     the opportunities the fake CRM holds for the user
        :add-deal NAME | ACCOUNT | AMOUNT [| DAYS]   a colleague adds an open deal for the user in
                                   the fake CRM, closing in DAYS (30); the next deal pass caches it
        :commands                  your latest commands and their state (queued, done, cancelled)
        :fault 503 x N             the next N CRM data calls answer HTTP 503 (any 5xx)
        :fault latency MS          every CRM call waits MS milliseconds
        :fault expire              every CRM access token stops working (401)
        :fault limit N | drop N    the API's request limit (Dynamics: 429 with Retry-After) / drops
        :fault lock N | duplicates on|off   Salesforce only: UNABLE_TO_LOCK_ROW, a duplicate rule
        :fault down | clear        the CRM answers 503 to everything / no more faults
        :user [OWNER_ID|demo|repN] show or switch the CRM user the skill works for
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
        case "add-deal" -> addDeal(argument);
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

  private Optional<FakeCrm> fake() {
    if (pipeline == null || pipeline.crm().isEmpty()) {
      printer.info("  [simulator] only the fake CRM can be inspected or faulted here");
      return Optional.empty();
    }
    return pipeline.crm();
  }

  /** The CRM's name: the fake's, else the CRM setting's. */
  private String crmName() {
    return pipeline == null
        ? "the CRM"
        : pipeline
            .crm()
            .map(FakeCrm::name)
            .orElse("dynamics".equals(pipeline.env().get("CRM")) ? "Dynamics 365" : "Salesforce");
  }

  private void leads(boolean all) {
    Optional<FakeCrm> crm = fake();
    if (crm.isEmpty()) {
      return;
    }
    String owner = pipeline.ownerId();
    List<FakeCrm.Lead> leads =
        crm.get().leads().stream()
            .filter(l -> all || owner.equals(l.owner()))
            .sorted(Comparator.comparing(l -> String.valueOf(l.created())))
            .toList();
    printer.info(
        "  "
            + crm.get().name()
            + " holds "
            + leads.size()
            + (all ? " leads" : " leads owned by " + owner)
            + " (oldest first):");
    for (FakeCrm.Lead lead : leads) {
      String date = lead.created() == null ? "?" : lead.created().toString().substring(0, 10);
      printer.info(
          "  "
              + lead.id()
              + "  "
              + lead.name()
              + ", "
              + lead.company()
              + "  ["
              + lead.status()
              + "]  created "
              + date
              + (all ? "  owner " + lead.owner() : ""));
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
    Optional<FakeCrm> crm = fake();
    if (crm.isEmpty()) {
      return;
    }
    List<FakeCrm.Activity> tasks = crm.get().activities();
    printer.info("  " + crm.get().name() + " holds " + tasks.size() + " tasks:");
    for (FakeCrm.Activity task : tasks) {
      printer.info(
          "  "
              + task.id()
              + "  "
              + task.subject()
              + "  ["
              + task.status()
              + ", "
              + task.kind()
              + "]  on lead "
              + task.leadId()
              + "  due "
              + task.due());
    }
  }

  /** The user's opportunities in the fake: what a deal update by voice changed. */
  private void deals() {
    Optional<FakeCrm> crm = fake();
    if (crm.isEmpty()) {
      return;
    }
    String owner = pipeline.ownerId();
    List<FakeCrm.Deal> deals =
        crm.get().deals().stream()
            .filter(d -> owner.equals(d.owner()))
            .sorted(Comparator.comparing(FakeCrm.Deal::name))
            .toList();
    printer.info(
        "  "
            + crm.get().name()
            + " holds "
            + deals.size()
            + " opportunities owned by "
            + owner
            + ":");
    for (FakeCrm.Deal deal : deals) {
      printer.info(
          "  "
              + deal.name()
              + "  ["
              + deal.stage()
              + ", "
              + deal.probability()
              + "%, "
              + deal.forecastCategory()
              + "]  amount "
              + deal.amount()
              + "  closes "
              + deal.closeDate()
              + "  next step "
              + deal.nextStep()
              + "  updates applied "
              + deal.updatesApplied());
    }
  }

  private void addDeal(String argument) {
    String[] parts = argument.split("\\|");
    if (parts.length < 3 || parts.length > 4) {
      printer.info("  [simulator] :add-deal NAME | ACCOUNT | AMOUNT [| DAYS]");
      return;
    }
    BigDecimal amount;
    int days;
    try {
      amount = new BigDecimal(parts[2].strip());
      days = parts.length == 4 ? Integer.parseInt(parts[3].strip()) : 30;
    } catch (NumberFormatException e) {
      printer.info("  [simulator] :add-deal wants an amount and a number of days, as 30000 | 20");
      return;
    }
    Optional<FakeCrm> crm = fake();
    if (crm.isPresent()) {
      printer.info(
          crm.get().addDeal(pipeline.ownerId(), parts[0].strip(), parts[1].strip(), amount, days));
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
    Optional<FakeCrm> crm = fake();
    if (crm.isEmpty()) {
      return;
    }
    FakeCrm faults = crm.get();
    String[] words = argument.toLowerCase(Locale.ROOT).split("\\s+");
    Matcher status = FAIL_STATUS.matcher(argument.strip());
    if (status.matches()) {
      int times = status.group(2) == null ? 1 : Integer.parseInt(status.group(2));
      printer.info("  [fault] " + faults.failNext(times, Integer.parseInt(status.group(1))));
      return;
    }
    String said =
        switch (words[0]) {
          case "latency" ->
              faults.latency(Duration.ofMillis(Long.parseLong(words[1].replace("ms", ""))));
          case "expire", "expiry", "token" -> faults.expireTokens();
          case "limit" -> faults.requestLimit(count(words));
          case "lock" -> faults.lockErrors(count(words));
          case "drop" -> faults.dropConnections(count(words));
          case "duplicates", "duplicate" ->
              faults.duplicateRule(words.length < 2 || !words[1].equals("off"));
          case "down" -> {
            faults.failNext(Integer.MAX_VALUE, 503);
            yield faults.name() + " is down: every data call answers 503 (:fault clear)";
          }
          case "clear", "up", "none", "off" -> faults.clear();
          default -> null;
        };
    printer.info(said == null ? "  [simulator] unknown fault; see :help" : "  [fault] " + said);
  }

  private static int count(String[] words) {
    return words.length < 2 ? 1 : Integer.parseInt(words[words.length - 1]);
  }

  private void user(String argument) {
    if (pipeline == null) {
      printer.info("  [simulator] no pipeline");
      return;
    }
    String crm = crmName();
    if (argument.isEmpty()) {
      printer.info("  the skill works for " + crm + " user " + pipeline.ownerId());
      return;
    }
    Optional<FakeCrm> fake = pipeline.crm();
    Optional<String> owner =
        fake.isPresent()
            ? fake.get().ownerId(argument)
            : Optional.of(argument).filter(a -> !a.equalsIgnoreCase("demo"));
    if (owner.isEmpty()) {
      printer.info(
          "  [simulator] " + fake.map(FakeCrm::ownerIdForm).orElse("name the user by their id"));
      return;
    }
    conversation.endSession("USER_INITIATED");
    pipeline.switchOwner(owner.get());
    printer.info("  the skill now works for " + crm + " user " + owner.get() + " (new session)");
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
