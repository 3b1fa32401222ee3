package com.crmvoice.simulator;

import com.crmvoice.simulator.console.Console;
import com.crmvoice.simulator.console.TranscriptPrinter;
import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.dialog.DirectivesEndpoint;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.pipeline.LocalPipeline;
import com.crmvoice.simulator.pipeline.StreamSkillEndpoint;
import com.crmvoice.simulator.signature.AlexaRequestVerifier;
import com.crmvoice.simulator.signature.SkillHttpServer;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point: {@code ./simulate} runs it. Starts the pipeline ({@link LocalPipeline}) and then one
 * of three modes: the interactive console (default), a script ({@code --script FILE}: utterances
 * and commands in, a transcript out) or the skill as an HTTP endpoint ({@code --http PORT}).
 */
public final class Simulator {

  static final String USAGE =
      """
      usage: ./simulate [--script FILE [--out FILE]] [--http PORT [--insecure-skip-signature-check]]
                        [--skill-package DIR] [--locale en-US] [--no-schedule]
                        [--refresh-every SECONDS] [--crm salesforce|dynamics]

        (no mode)       an interactive console: type what you would say to Alexa; :help for commands
        --script FILE   run the utterances and :commands of FILE, print the transcript, exit
        --http PORT     serve the skill at http://127.0.0.1:PORT/alexa as an Alexa endpoint;
                        requests must carry Alexa's signature unless
                        --insecure-skip-signature-check (or SIMULATOR_SKIP_SIGNATURE_CHECK=true)
        --crm dynamics  run against Microsoft Dynamics 365 Sales (the fake Dataverse) instead of
                        Salesforce (default: the CRM variable, else salesforce)

      AWS_ENDPOINT_URL(_DYNAMODB|_SQS) set: use those instead of the embedded engines.
      SALESFORCE_LOGIN_URL or SALESFORCE_SECRET_ARN set: use that org instead of the fake.
      With --crm dynamics, DYNAMICS_URL (and the other DYNAMICS_*) set: that environment.
      """;

  /** The parsed command line. */
  record Arguments(
      Path script,
      Path out,
      Integer httpPort,
      boolean skipSignatureCheck,
      Path skillPackage,
      String locale,
      boolean schedule,
      Duration refreshEvery,
      String crm) {

    /** The arguments with the default CRM, Salesforce. */
    Arguments(
        Path script,
        Path out,
        Integer httpPort,
        boolean skipSignatureCheck,
        Path skillPackage,
        String locale,
        boolean schedule,
        Duration refreshEvery) {
      this(
          script,
          out,
          httpPort,
          skipSignatureCheck,
          skillPackage,
          locale,
          schedule,
          refreshEvery,
          "salesforce");
    }

    static Arguments parse(String[] args, Map<String, String> env) {
      Path script = null;
      Path out = null;
      Integer http = null;
      boolean skip = "true".equalsIgnoreCase(env.get("SIMULATOR_SKIP_SIGNATURE_CHECK"));
      Path skillPackage = null;
      String locale = "en-US";
      boolean schedule = true;
      Duration refreshEvery = Duration.ofSeconds(60);
      String crm = env.getOrDefault("CRM", "salesforce");
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--script" -> script = Path.of(value(args, ++i, arg));
          case "--out" -> out = Path.of(value(args, ++i, arg));
          case "--http" -> http = Integer.parseInt(value(args, ++i, arg));
          case "--insecure-skip-signature-check" -> skip = true;
          case "--skill-package" -> skillPackage = Path.of(value(args, ++i, arg));
          case "--locale" -> locale = value(args, ++i, arg);
          case "--no-schedule" -> schedule = false;
          case "--refresh-every" ->
              refreshEvery = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
          case "--crm" -> crm = value(args, ++i, arg);
          default -> throw new IllegalArgumentException("unknown argument " + arg);
        }
      }
      if (script != null && http != null) {
        throw new IllegalArgumentException("--script and --http are separate modes");
      }
      crm = crm.isBlank() ? "salesforce" : crm.strip().toLowerCase(java.util.Locale.ROOT);
      if (!LocalPipeline.Options.CRMS.contains(crm)) {
        throw new IllegalArgumentException("--crm is salesforce or dynamics, not " + crm);
      }
      return new Arguments(
          script, out, http, skip, skillPackage, locale, schedule, refreshEvery, crm);
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }
  }

  private Simulator() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    configureLogging();
    Map<String, String> env = System.getenv();
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, env);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    int code = run(arguments, env);
    System.exit(code);
  }

  static int run(Arguments arguments, Map<String, String> env) {
    boolean script = arguments.script() != null;
    PrintStream transcriptOut = transcriptOut(arguments);
    if (transcriptOut == null) {
      return 2;
    }
    // Status goes to stderr in script mode, so stdout is the transcript alone.
    PrintStream status = script ? System.err : System.out;
    Optional<Path> modelFile = findModel(arguments.skillPackage(), arguments.locale());
    if (modelFile.isEmpty() && arguments.httpPort() == null) {
      System.err.println(
          "no interaction model interactionModels/custom/"
              + arguments.locale()
              + ".json under a skill-package folder here or above; use --skill-package DIR");
      return 2;
    }
    InteractionModel model = modelFile.map(InteractionModel::load).orElse(null);
    status.println("CRM Voice simulator: starting the pipeline...");
    LocalPipeline pipeline = startPipeline(arguments, env, status);
    if (pipeline == null) {
      return 1;
    }
    for (String problem : pipeline.warnings()) {
      status.println("  WARNING: " + problem);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "simulator-stop"));
    TranscriptPrinter printer = new TranscriptPrinter(transcriptOut, script);
    try (DirectivesEndpoint directives = DirectivesEndpoint.start(printer)) {
      StreamSkillEndpoint skill = new StreamSkillEndpoint(pipeline::invokeIntent);
      Conversation conversation =
          model == null
              ? null
              : conversation(model, skill, pipeline, arguments, directives, printer);
      if (model != null) {
        status.println(
            "  interaction model: "
                + modelFile.get()
                + " (invocation name \""
                + model.invocationName()
                + "\")");
      }
      if (arguments.httpPort() != null) {
        return serveHttp(arguments, pipeline, skill, conversation, printer, status);
      }
      Console console = new Console(pipeline, conversation, printer);
      if (script) {
        List<String> lines = Files.readAllLines(arguments.script(), StandardCharsets.UTF_8);
        console.runScript(lines);
        pipeline.close();
        return 0;
      }
      status.println("Ready. Type what you would say to Alexa; :help for commands, :quit to stop.");
      console.interact(
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
      pipeline.close();
      return 0;
    } catch (IOException e) {
      System.err.println("cannot read " + arguments.script() + ": " + e.getMessage());
      return 2;
    }
  }

  /** Where the transcript goes (--out FILE, else stdout), or null after saying why it cannot. */
  private static PrintStream transcriptOut(Arguments arguments) {
    if (arguments.out() == null) {
      return System.out;
    }
    try {
      return new PrintStream(
          new FileOutputStream(arguments.out().toFile()), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("cannot write " + arguments.out() + ": " + e.getMessage());
      return null;
    }
  }

  /** The pipeline started, or null after saying why it did not start. */
  private static LocalPipeline startPipeline(
      Arguments arguments, Map<String, String> env, PrintStream status) {
    PrintStream stdout = System.out;
    try {
      // DynamoDB Local prints its configuration on stdout; keep the transcript clean.
      System.setOut(status == System.err ? System.err : stdout);
      return LocalPipeline.start(
          LocalPipeline.Options.defaults()
              .withSchedule(arguments.schedule())
              .withIncrementalEvery(arguments.refreshEvery())
              .withCrm(arguments.crm()),
          env,
          line -> status.println("  " + line));
    } catch (RuntimeException e) {
      System.setOut(stdout);
      System.err.println("the pipeline did not start: " + e.getMessage());
      return null;
    } finally {
      System.setOut(stdout);
    }
  }

  /** Alexa's side of the talk, on the simulated device, with the pipeline's account link. */
  private static Conversation conversation(
      InteractionModel model,
      StreamSkillEndpoint skill,
      LocalPipeline pipeline,
      Arguments arguments,
      DirectivesEndpoint directives,
      TranscriptPrinter printer) {
    Conversation conversation =
        new Conversation(
            model,
            skill,
            new Conversation.Device(
                pipeline.env().get("SKILL_ID"),
                LocalPipeline.ALEXA_USER_ID,
                arguments.locale(),
                directives.apiEndpoint(),
                directives.apiAccessToken()),
            printer,
            Clock.systemUTC());
    conversation.accessToken(pipeline::accessToken);
    return conversation;
  }

  private static int serveHttp(
      Arguments arguments,
      LocalPipeline pipeline,
      StreamSkillEndpoint skill,
      Conversation conversation,
      TranscriptPrinter printer,
      PrintStream status) {
    AlexaRequestVerifier verifier =
        arguments.skipSignatureCheck() ? null : AlexaRequestVerifier.forAlexa(Clock.systemUTC());
    try (SkillHttpServer server = SkillHttpServer.start(arguments.httpPort(), skill, verifier)) {
      status.println("The skill is served at " + server.url() + " (POST a request envelope).");
      if (verifier == null) {
        status.println(
            "  WARNING: --insecure-skip-signature-check: requests are NOT verified as coming"
                + " from Alexa. For local clients only.");
      } else {
        status.println(
            "  Requests must carry Alexa's SignatureCertChainUrl and Signature-256 headers and a"
                + " timestamp within 150 s; others get 400.");
      }
      boolean quit = false;
      if (conversation != null) {
        status.println("The console works too: type, or :help. :quit stops the server.");
        quit =
            new Console(pipeline, conversation, printer)
                .interact(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
      }
      // Input closed (running in the background): serve until the process is stopped.
      if (!quit) {
        try {
          Thread.currentThread().join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    pipeline.close();
    return 0;
  }

  /** skill-package/interactionModels/custom/LOCALE.json under DIR, or here or above. */
  static Optional<Path> findModel(Path skillPackage, String locale) {
    String relative = "interactionModels/custom/" + locale + ".json";
    if (skillPackage != null) {
      Path file = skillPackage.resolve(relative);
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path file = dir.resolve("skill-package").resolve(relative);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  private static void configureLogging() {
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setDefault(
        "org.slf4j.simpleLogger.logFile",
        Path.of(System.getProperty("java.io.tmpdir"), "crm-voice-simulator.log").toString());
    setDefault("org.slf4j.simpleLogger.showDateTime", "true");
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
