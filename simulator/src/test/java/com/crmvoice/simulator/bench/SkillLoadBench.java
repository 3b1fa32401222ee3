package com.crmvoice.simulator.bench;

import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.simulator.dialog.Conversation;
import com.crmvoice.simulator.dialog.DirectivesEndpoint;
import com.crmvoice.simulator.dialog.SkillEndpoint;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.pipeline.LocalPipeline;
import com.crmvoice.simulator.pipeline.StreamSkillEndpoint;
import com.crmvoice.simulator.signature.SkillHttpServer;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.bench.BenchRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The skill endpoint under load: the simulator's HTTP mode (signature check off: the skill, not the
 * verifier, is measured) in front of the local pipeline, whose intent function runs on up to 8
 * instances at once as Lambda scales containers. First the same-run reference: one user, one
 * request at a time. Then {@code users} simulated users, each a {@link Conversation} over HTTP
 * speaking about every 2 s (1.5 to 2.5 s after the answer) for {@code seconds}, cycling through a
 * launch, the top lead, next, details, the status of their last lead and the create-lead dialog:
 * errors (no answer, not HTTP 200), invalid envelopes, p50 / p99 of each skill call. Then the
 * saturation point: the requests of that run replayed open-loop at doubling rates, each for {@code
 * stepSeconds}, until p99 crosses 200 ms, then one bisection step between the last two. Args:
 * [users] [seconds] [stepSeconds] (defaults 50, 60, 8).
 */
public final class SkillLoadBench {

  static final String ITEM = "5 skill under load";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<List<String>> SCRIPT =
      List.of(
          List.of("open crm voice"),
          List.of("what's my top lead"),
          List.of("next"),
          List.of("tell me more"),
          List.of("stop"),
          List.of("ask crm voice what happened to my lead"),
          List.of("ask crm voice to add a lead for Grace Hopper"));
  private static final Map<String, String> ANSWERS =
      Map.of(
          "firstName", "Grace",
          "lastName", "Hopper",
          "company", "Cobol Systems",
          "email", "it's grace at cobol dot com",
          "phone", "five five five one two three four");

  private SkillLoadBench() {}

  /** One call of the skill: its latency and the request, for the replay. */
  record Call(long nanos, byte[] request) {}

  /** The skill over HTTP, timed, each answer checked. */
  static final class HttpSkill implements SkillEndpoint {
    final HttpClient http;
    final URI url;
    final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger invalid = new AtomicInteger();

    HttpSkill(HttpClient http, URI url) {
      this.http = http;
      this.url = url;
    }

    @Override
    public JsonNode invoke(ObjectNode requestEnvelope) {
      byte[] body;
      try {
        body = JSON.writeValueAsBytes(requestEnvelope);
      } catch (Exception e) {
        throw new SkillFailedException("cannot write the envelope", e);
      }
      long t0 = System.nanoTime();
      JsonNode answer = post(body);
      calls.add(new Call(System.nanoTime() - t0, body));
      if (answer == null) {
        throw new SkillFailedException("no answer", null);
      }
      return answer;
    }

    /** The response envelope, or null (counted as an error or an invalid envelope). */
    JsonNode post(byte[] body) {
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          errors.incrementAndGet();
          return null;
        }
        JsonNode envelope = JSON.readTree(response.body());
        if (!validEnvelope(envelope)) {
          invalid.incrementAndGet();
          return null;
        }
        return envelope;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        errors.incrementAndGet();
        return null;
      } catch (Exception e) {
        errors.incrementAndGet();
        return null;
      }
    }
  }

  /**
   * A response envelope Alexa accepts: version 1.0, a response object, and speech that is SSML
   * inside speak tags or plain text, or no speech only with directives (a dialog step).
   */
  static boolean validEnvelope(JsonNode envelope) {
    if (envelope == null
        || !"1.0".equals(envelope.path("version").asText())
        || !envelope.path("response").isObject()) {
      return false;
    }
    JsonNode speech = envelope.path("response").path("outputSpeech");
    if (speech.isMissingNode()) {
      return envelope.path("response").path("directives").size() > 0
          || envelope.path("response").path("shouldEndSession").asBoolean(false);
    }
    return switch (speech.path("type").asText()) {
      case "SSML" -> {
        String ssml = speech.path("ssml").asText().strip();
        yield ssml.startsWith("<speak>") && ssml.endsWith("</speak>") && ssml.length() > 15;
      }
      case "PlainText" -> !speech.path("text").asText().isBlank();
      default -> false;
    };
  }

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int stepSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path modelFile = Path.of("skill-package/interactionModels/custom/en-US.json");
    InteractionModel model = InteractionModel.load(modelFile);
    LocalPipeline pipeline =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName("load"))
                .withSchedule(false),
            Map.of("SIMULATOR_INTENT_INSTANCES", "8"),
            line -> {});
    ExecutorService clientThreads = Executors.newFixedThreadPool(64);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(clientThreads)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (SkillHttpServer server =
            SkillHttpServer.start(0, new StreamSkillEndpoint(pipeline::invokeIntent), null);
        DirectivesEndpoint directives = DirectivesEndpoint.start(o -> {})) {
      String skillId = pipeline.env().get(EnvironmentVariables.SKILL_ID);
      Conversation.Device device =
          new Conversation.Device(
              skillId,
              LocalPipeline.ALEXA_USER_ID,
              "en-US",
              directives.apiEndpoint(),
              directives.apiAccessToken());

      // Warm-up and the reference: one user, one call at a time.
      HttpSkill single = new HttpSkill(http, server.url());
      Conversation alone = new Conversation(model, single, device, o -> {}, Clock.systemUTC());
      for (int round = 0; round < 6; round++) {
        speakScript(alone);
      }
      single.calls.clear();
      for (int round = 0; round < 10; round++) {
        speakScript(alone);
      }
      long[] sequential = nanos(single.calls);
      System.out.printf(
          "sequential: %d calls, p50 %.1f ms, p99 %.1f ms, errors %d, invalid %d%n",
          sequential.length,
          ms(sequential, 50),
          ms(sequential, 99),
          single.errors.get(),
          single.invalid.get());

      // The load: users speaking about every 2 seconds.
      HttpSkill shared = new HttpSkill(http, server.url());
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      AtomicInteger turns = new AtomicInteger();
      AtomicInteger turnFailures = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        Conversation conversation =
            new Conversation(model, shared, device, o -> {}, Clock.systemUTC());
        Thread thread =
            new Thread(
                () -> {
                  try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(2000));
                    int step = 0;
                    while (System.nanoTime() < end) {
                      try {
                        speakStep(conversation, step++ % SCRIPT.size());
                      } catch (RuntimeException e) {
                        turnFailures.incrementAndGet();
                      }
                      turns.incrementAndGet();
                      Thread.sleep(1500 + ThreadLocalRandom.current().nextLong(1000));
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "user-" + u);
        thread.start();
        threads.add(thread);
      }
      long started = System.nanoTime();
      for (Thread thread : threads) {
        thread.join();
      }
      double elapsed = (System.nanoTime() - started) / 1e9;
      long[] loaded = nanos(shared.calls);
      double rps = loaded.length / elapsed;
      System.out.printf(
          "load: %d users, %d turns, %d calls in %.0f s (%.1f requests/s), p50 %.1f ms, p99 %.1f ms,"
              + " errors %d, invalid %d, failed turns %d%n",
          users,
          turns.get(),
          loaded.length,
          elapsed,
          rps,
          ms(loaded, 50),
          ms(loaded, 99),
          shared.errors.get(),
          shared.invalid.get(),
          turnFailures.get());
      String label =
          users
              + " users every ~2 s, "
              + seconds
              + " s, "
              + String.format("%.0f", rps)
              + " requests/s, up to 8 intent instances";
      BenchRow.of(
              ITEM, "errors (" + label + ")", shared.errors.get(), "", BenchRow.Goal.valueAtMost(0))
          .emit();
      BenchRow.of(
              ITEM,
              "invalid response envelopes",
              shared.invalid.get(),
              "",
              BenchRow.Goal.valueAtMost(0))
          .emit();
      BenchRow.vs(
              ITEM,
              "p50 under load",
              ms(loaded, 50),
              "ms",
              "one user, one call at a time, p50",
              ms(sequential, 50),
              null)
          .emit();
      BenchRow.vs(
              ITEM,
              "p99 under load",
              ms(loaded, 99),
              "ms",
              "one user, one call at a time, p99",
              ms(sequential, 99),
              null)
          .emit();
      BenchRow.of(ITEM, "p99 under load, goal", ms(loaded, 99), "ms", BenchRow.Goal.valueAtMost(50))
          .emit();

      saturation(shared, new ArrayList<>(shared.calls), stepSeconds, clientThreads);
    } finally {
      pipeline.close();
      clientThreads.shutdownNow();
    }
    System.exit(0);
  }

  /**
   * Replays the load run's requests open-loop at doubling rates until p99 crosses 200 ms, then once
   * at the midpoint of the last rate under and the first over (a bisection step), so the saturation
   * point is bracketed within a quarter of the crossing rate in at most 8 steps. A step waits at
   * most 1 s after its last request for the answers: an answer later than that is over 200 ms
   * whenever it comes, and counts as such.
   */
  private static void saturation(
      HttpSkill skill, List<Call> recorded, int stepSeconds, ExecutorService unused)
      throws InterruptedException {
    if (recorded.isEmpty()) {
      return;
    }
    ExecutorService senders = Executors.newFixedThreadPool(256);
    double lastUnder = Double.NaN;
    double crossed = Double.NaN;
    double lastUnderP99 = Double.NaN;
    try {
      for (int rate : new int[] {25, 50, 100, 200, 400, 800, 1600}) {
        double p99 = step(skill, recorded, senders, rate, stepSeconds);
        if (p99 > 200) {
          crossed = rate;
          break;
        }
        lastUnder = rate;
        lastUnderP99 = p99;
      }
      if (!Double.isNaN(lastUnder) && !Double.isNaN(crossed)) {
        // The backlog of the step over must not count against the next one.
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        senders = Executors.newFixedThreadPool(256);
        int mid = (int) Math.round((lastUnder + crossed) / 2);
        double p99 = step(skill, recorded, senders, mid, stepSeconds);
        if (p99 > 200) {
          crossed = mid;
        } else {
          lastUnder = mid;
          lastUnderP99 = p99;
        }
      }
    } finally {
      senders.shutdownNow();
    }
    BenchRow.of(
            ITEM,
            "saturation: highest offered rate with p99 ≤ 200 ms (p99 there "
                + String.format("%.0f", lastUnderP99)
                + " ms)",
            lastUnder,
            "requests/s",
            null)
        .emit();
    BenchRow.of(
            ITEM,
            "saturation: first offered rate with p99 > 200 ms or a failure",
            Double.isNaN(crossed) ? 0 : crossed,
            "requests/s",
            null)
        .emit();
  }

  /**
   * One step: {@code rate} requests a second for {@code stepSeconds}, open loop.
   *
   * @return its p99 in ms, infinite if a request failed or more than 1 % were unanswered 1 s after
   *     the last was sent (the unanswered count as the slowest)
   */
  private static double step(
      HttpSkill skill, List<Call> recorded, ExecutorService senders, int rate, int stepSeconds)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failed = new AtomicInteger();
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    int total = rate * stepSeconds;
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      byte[] request = recorded.get(i % recorded.size()).request();
      senders.execute(
          () -> {
            // measured from when it was due, so a backlog in the senders counts too
            JsonNode answer = skill.post(request);
            latencies.add(System.nanoTime() - due);
            if (answer == null) {
              failed.incrementAndGet();
            }
          });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (latencies.size() < total && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long[] answered = latencies.stream().mapToLong(Long::longValue).toArray();
    long[] values = Arrays.copyOf(answered, total);
    Arrays.fill(values, answered.length, total, Long.MAX_VALUE);
    double p99 = failed.get() > 0 ? Double.POSITIVE_INFINITY : ms(values, 99);
    System.out.printf(
        "offered %d requests/s for %d s: p50 %.1f ms, p99 %.1f ms, failed %d, unanswered after"
            + " 1 s %d (load %.1f)%n",
        rate,
        stepSeconds,
        ms(values, 50),
        p99,
        failed.get(),
        total - answered.length,
        BenchRow.loadNow());
    return p99;
  }

  private static void speakScript(Conversation conversation) {
    for (int step = 0; step < SCRIPT.size(); step++) {
      speakStep(conversation, step);
    }
  }

  /** One script step: its utterances, then whatever the create dialog asks for. */
  private static void speakStep(Conversation conversation, int step) {
    for (String utterance : SCRIPT.get(step)) {
      conversation.say(utterance);
    }
    for (int turn = 0; turn < 8 && conversation.sessionOpen(); turn++) {
      var slot = conversation.elicitedSlot();
      if (slot.isPresent()) {
        conversation.say(ANSWERS.getOrDefault(slot.get(), "skip"));
      } else if (conversation.awaitingConfirmation()) {
        conversation.say("yes");
      } else {
        break;
      }
    }
  }

  private static long[] nanos(ConcurrentLinkedQueue<Call> calls) {
    return calls.stream().mapToLong(Call::nanos).toArray();
  }

  private static double ms(long[] nanos, int percentile) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}
