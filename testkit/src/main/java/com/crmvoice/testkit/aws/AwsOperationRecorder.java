package com.crmvoice.testkit.aws;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records which AWS API operations each Lambda function's code calls ({@code DynamoDb:PutItem}, a
 * transaction once per kind of item it holds, as IAM authorises them), so the deployment module can
 * check them against the function's IAM role in template.yaml; see the README ("One check needs the
 * whole build").
 *
 * <p>An SDK v2 global interceptor, listed in a module's test-scope {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors}. A call counts for a function when
 * the calling thread's stack holds the function's own code: its module's packages or the crm-core
 * services only it uses. The stack rather than a thread-local, because the services call from pool
 * threads no thread-local follows; the package rather than the handler class, because the ASK SDK's
 * inherited handleRequest leaves the handler off the stack. Frames of test classes never count (nor
 * {@link LocalSqsEventSource}'s receives, which Lambda makes outside the handler). Each function's
 * operations go to {@code target/aws-operations/<function>.txt}, merged under a file lock because
 * surefire and failsafe run in separate JVMs.
 */
public final class AwsOperationRecorder implements ExecutionInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(AwsOperationRecorder.class);

  /** The function names, as com.crmvoice.core.config.FunctionEnvironments names them. */
  public static final String INTENT = "intent";

  public static final String WORKER = "worker";
  public static final String REFRESHER = "refresher";

  /** Class name prefix to the function whose code it is; the first match on the stack wins. */
  public static final Map<String, String> FUNCTION_CODE =
      Map.of(
          "com.crmvoice.intent.", INTENT,
          "com.crmvoice.core.service.skill.", INTENT,
          "com.crmvoice.worker.", WORKER,
          "com.crmvoice.core.service.worker.", WORKER,
          "com.crmvoice.refresher.", REFRESHER,
          "com.crmvoice.core.service.refresher.", REFRESHER);

  /**
   * One call seen: the function it was made for, the operation ({@code DynamoDb:PutItem}) and the
   * name of the thread that made it.
   */
  public record Call(String function, String operation, String thread) {}

  private static final Recording DEFAULT =
      new Recording(
          FUNCTION_CODE,
          AwsOperationRecorder::isTestCode,
          Path.of(System.getProperty("user.dir"), "target", "aws-operations"));

  private final Recording recording;

  /** The SDK's constructor: every instance records into this JVM's one recording. */
  public AwsOperationRecorder() {
    this(DEFAULT);
  }

  AwsOperationRecorder(Recording recording) {
    this.recording = recording;
  }

  /** Every call this JVM's recording attributed to a function so far. */
  public static Set<Call> calls() {
    return DEFAULT.calls();
  }

  private static final Map<String, LongAdder> SENDS = new ConcurrentHashMap<>();

  /**
   * How many SendMessage / SendMessageBatch calls the functions' code made to the queue so far in
   * this JVM: calls, not HTTP attempts, so an SDK retry of a timed-out attempt (which SQS, at least
   * once, may deliver twice) counts once. A test that must see "the skill queued exactly one
   * command" counts these rather than the messages on the queue.
   */
  public static long sends(String queueUrl) {
    LongAdder count = SENDS.get(queueUrl);
    return count == null ? 0 : count.sum();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    Optional<String> function = recording.functionOnThisThread();
    if (function.isEmpty()) {
      return;
    }
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if ("SendMessage".equals(operation) || "SendMessageBatch".equals(operation)) {
      // beforeExecution runs once per call; retried attempts go through beforeTransmission only.
      context
          .request()
          .getValueForField("QueueUrl", String.class)
          .ifPresent(url -> SENDS.computeIfAbsent(url, u -> new LongAdder()).increment());
    }
    for (String name : operations(service, operation, context.request())) {
      recording.record(function.get(), name, Thread.currentThread().getName());
    }
  }

  /** {@code service:operation}, or one per item kind for the DynamoDB transactions. */
  static List<String> operations(String service, String operation, SdkRequest request) {
    List<String> names = new ArrayList<>();
    if (request instanceof TransactWriteItemsRequest write) {
      Set<String> kinds = new TreeSet<>();
      for (TransactWriteItem item : write.transactItems()) {
        if (item.put() != null) {
          kinds.add("Put");
        }
        if (item.update() != null) {
          kinds.add("Update");
        }
        if (item.delete() != null) {
          kinds.add("Delete");
        }
        if (item.conditionCheck() != null) {
          kinds.add("ConditionCheck");
        }
      }
      kinds.forEach(kind -> names.add(service + ":" + operation + "." + kind));
    } else if (request instanceof TransactGetItemsRequest) {
      names.add(service + ":" + operation + ".Get");
    } else {
      names.add(service + ":" + operation);
    }
    return names;
  }

  private static final ClassValue<Boolean> TEST_CODE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          CodeSource source =
              type.getProtectionDomain() == null
                  ? null
                  : type.getProtectionDomain().getCodeSource();
          if (source == null || source.getLocation() == null) {
            return false;
          }
          String location = source.getLocation().toString();
          return location.contains("/test-classes/") || location.endsWith("-tests.jar");
        }
      };

  /** A class compiled from src/test: a test, a test stack, a fake. */
  static boolean isTestCode(Class<?> type) {
    return TEST_CODE.get(type);
  }

  /** The attribution rules and what was recorded with them; one per JVM outside tests. */
  static final class Recording {

    private static final StackWalker STACK =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Map<String, String> functionCode;
    private final Predicate<Class<?>> testCode;
    private final Path directory;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> written = new HashMap<>();

    Recording(Map<String, String> functionCode, Predicate<Class<?>> testCode, Path directory) {
      this.functionCode = Map.copyOf(functionCode);
      this.testCode = Objects.requireNonNull(testCode);
      this.directory = directory;
    }

    /** The function whose code is on the calling thread's stack, innermost frame first. */
    Optional<String> functionOnThisThread() {
      return STACK.walk(
          frames ->
              frames
                  .map(StackWalker.StackFrame::getDeclaringClass)
                  .filter(type -> !testCode.test(type))
                  .map(type -> functionOf(type.getName()))
                  .filter(Objects::nonNull)
                  .findFirst());
    }

    private String functionOf(String className) {
      for (Map.Entry<String, String> code : functionCode.entrySet()) {
        if (className.startsWith(code.getKey())) {
          return code.getValue();
        }
      }
      return null;
    }

    void record(String function, String operation, String thread) {
      calls.add(new Call(function, operation, thread));
      boolean first;
      synchronized (written) {
        first = written.computeIfAbsent(function, f -> new HashSet<>()).add(operation);
      }
      if (first && directory != null) {
        write(function);
      }
    }

    Set<Call> calls() {
      return Set.copyOf(calls);
    }

    /** This JVM's operations of the function, merged with the file's, under a file lock. */
    private synchronized void write(String function) {
      Set<String> operations;
      synchronized (written) {
        operations = new TreeSet<>(written.get(function));
      }
      Path file = directory.resolve(function + ".txt");
      try {
        Files.createDirectories(directory);
        try (FileChannel channel =
                FileChannel.open(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          ByteBuffer existing = ByteBuffer.allocate((int) channel.size());
          while (existing.hasRemaining() && channel.read(existing) >= 0) {
            // read it all
          }
          for (String line : new String(existing.array(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
              operations.add(line.strip());
            }
          }
          StringBuilder text =
              new StringBuilder(
                  "# AWS operations the "
                      + function
                      + " function's code called in this module's tests"
                      + " (testkit AwsOperationRecorder)\n");
          operations.forEach(op -> text.append(op).append('\n'));
          channel.truncate(0);
          channel.position(0);
          channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        // Not thrown: an exception here would fail the SDK call inside the handler under test.
        LOG.error("could not write {}: {}", file, e.toString());
      }
    }
  }
}
